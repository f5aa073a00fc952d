#include "server/classify_body.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "text/unicode.h"

namespace spamradar::server {
namespace {

// The body almost every request sends, {"text": "..."} with perhaps more
// members whose values are strings or null, read by hand: through the SAX
// parser, a byte at a time, it cost more than the message's analysis. The
// reader declines anything else (other values, \u escapes, control
// characters, bytes that are not UTF-8, a batch) rather than judge it, and
// ReadOneMessage then asks the parser.
class PlainBodyReader {
 public:
  // True with "text" and "sender" in `message` when the whole body is such
  // an object.
  static bool Read(std::string_view body, OneMessage* message) {
    PlainBodyReader reader(body);
    return reader.Object(message);
  }

 private:
  explicit PlainBodyReader(std::string_view body) : in_(body) {}

  bool Object(OneMessage* message) {
    SkipSpace();
    if (!Consume('{')) return false;
    message->sender.clear();
    bool have_text = false;
    std::string key;
    do {
      SkipSpace();
      key.clear();
      if (!String(&key)) return false;  // also the empty object: no text
      SkipSpace();
      if (!Consume(':')) return false;
      SkipSpace();
      if (key == "messages") return false;  // a batch
      if (in_.substr(pos_, 4) == "null") {
        if (key == "text") return false;
        if (key == "sender") message->sender.clear();
        pos_ += 4;
      } else if (key == "text") {
        message->text.clear();
        if (!String(&message->text)) return false;
        have_text = true;
      } else if (key == "sender") {
        message->sender.clear();
        if (!String(&message->sender)) return false;
      } else {
        skipped_.clear();
        if (!String(&skipped_)) return false;
      }
      SkipSpace();
    } while (Consume(','));
    if (!Consume('}')) return false;
    SkipSpace();
    return have_text && pos_ == in_.size();
  }

  // A string of plain characters and one-letter escapes, decoded into `out`.
  bool String(std::string* out) {
    if (!Consume('"')) return false;
    while (pos_ < in_.size()) {
      size_t run = pos_;
      while (run < in_.size() && IsPlain(static_cast<unsigned char>(in_[run]))) ++run;
      out->append(in_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ == in_.size()) return false;
      const auto byte = static_cast<unsigned char>(in_[pos_]);
      if (byte == '"') {
        ++pos_;
        return true;
      }
      if (byte == '\\') {
        if (pos_ + 1 == in_.size()) return false;
        const char decoded = Unescaped(in_[pos_ + 1]);
        if (decoded == 0) return false;  // \u, or not an escape
        out->push_back(decoded);
        pos_ += 2;
        continue;
      }
      if (byte < 0x80) return false;  // a control character
      const text::DecodedChar character = text::DecodeUtf8(in_, pos_);
      if (!character.valid) return false;
      out->append(in_.data() + pos_, character.length);
      pos_ += character.length;
    }
    return false;
  }

  static bool IsPlain(unsigned char byte) {
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
  }
  static char Unescaped(char escape) {
    switch (escape) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      default: return 0;
    }
  }
  void SkipSpace() {
    while (pos_ < in_.size() &&
           (in_[pos_] == ' ' || in_[pos_] == '\n' || in_[pos_] == '\r' || in_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Consume(char c) {
    if (pos_ == in_.size() || in_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string skipped_;  // the values of other members
};

// nlohmann's SAX events, kept only for the top-level object's "text" and
// "sender".
class OneMessageReader final : public nlohmann::json::json_sax_t {
 public:
  static bool Read(const std::string& body, OneMessage* message) {
    message->sender.clear();
    OneMessageReader reader(message);
    return nlohmann::json::sax_parse(body, &reader) && reader.text_is_string_ &&
           reader.sender_is_usable_;
  }

  bool null() override {
    if (depth_ == 1 && member_ == Member::kSender) {
      message_->sender.clear();
      sender_is_usable_ = true;
      return true;
    }
    return Value();
  }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool string(string_t& value) override {
    if (depth_ == 1 && member_ == Member::kText) {
      message_->text.swap(value);
      text_is_string_ = true;
      return true;
    }
    if (depth_ == 1 && member_ == Member::kSender) {
      message_->sender.swap(value);
      sender_is_usable_ = true;
      return true;
    }
    return Value();
  }
  bool start_object(std::size_t) override { return Open(); }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return false;  // not an object
    return Open();
  }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ != 1) return true;
    if (name == "messages") return false;  // a batch
    member_ = name == "text" ? Member::kText : name == "sender" ? Member::kSender : Member::kOther;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  enum class Member { kOther, kText, kSender };

  explicit OneMessageReader(OneMessage* message) : message_(message) {}
  // A value other than a string ("text", "sender") or null ("sender").
  bool Value() {
    if (depth_ == 0) return false;  // not an object
    Unusable();
    return true;
  }
  bool Open() {
    Unusable();
    ++depth_;
    return true;
  }
  void Unusable() {
    if (depth_ != 1) return;
    if (member_ == Member::kText) text_is_string_ = false;
    if (member_ == Member::kSender) sender_is_usable_ = false;
  }
  bool Close() {
    --depth_;
    return true;
  }

  OneMessage* message_;
  int depth_ = 0;
  Member member_ = Member::kOther;  // of the last key read at the top level
  bool text_is_string_ = false;
  bool sender_is_usable_ = true;  // absent, null or a string
};

}  // namespace

bool ReadOneMessage(const std::string& body, OneMessage* message) {
  return PlainBodyReader::Read(body, message) || OneMessageReader::Read(body, message);
}

}  // namespace spamradar::server

#include "server/classify_body.h"

#include <nlohmann/json.hpp>

namespace spamradar::server {
namespace {

// nlohmann's SAX events, kept only for the top-level object's "text".
class OneMessageReader final : public nlohmann::json::json_sax_t {
 public:
  static bool Read(const std::string& body, std::string* text) {
    OneMessageReader reader(text);
    return nlohmann::json::sax_parse(body, &reader) && reader.text_is_string_;
  }

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool string(string_t& value) override {
    if (depth_ == 1 && in_text_) {
      text_->swap(value);
      text_is_string_ = true;
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
    in_text_ = name == "text";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  explicit OneMessageReader(std::string* text) : text_(text) {}
  // A value that is not "text"'s string, or "text" holding something else.
  bool Value() {
    if (depth_ == 0) return false;  // not an object
    if (depth_ == 1 && in_text_) text_is_string_ = false;
    return true;
  }
  bool Open() {
    if (depth_ == 1 && in_text_) text_is_string_ = false;
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  std::string* text_;
  int depth_ = 0;
  bool in_text_ = false;  // the last key read at the top level was "text"
  bool text_is_string_ = false;
};

}  // namespace

bool ReadOneMessage(const std::string& body, std::string* text) {
  return OneMessageReader::Read(body, text);
}

}  // namespace spamradar::server

#include "server/json_text.h"

#include <charconv>
#include <cmath>

#include "text/unicode.h"

namespace spamradar::server {
namespace {

// ASCII that a JSON string holds as it is: not a control, '"' or '\\'.
bool IsPlainJsonByte(unsigned char byte) {
  return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    // Bytes that stand for themselves, appended a run at a time: a byte at a
    // time, the appends were 2% of a classify request.
    size_t plain = i;
    while (plain < text.size() && IsPlainJsonByte(static_cast<unsigned char>(text[plain]))) ++plain;
    out->append(text.data() + i, plain - i);
    i = plain;
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const text::DecodedChar decoded = text::DecodeUtf8(text, i);
      out->append(decoded.valid ? text.substr(i, decoded.length) : "\xEF\xBF\xBD");
      i += decoded.length;
      continue;
    }
    switch (byte) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default: {  // another control character
        static constexpr char kHex[] = "0123456789abcdef";
        out->append("\\u00");
        out->push_back(kHex[byte >> 4]);
        out->push_back(kHex[byte & 0xf]);
      }
    }
    ++i;
  }
  out->push_back('"');
}

void AppendJsonNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof(buffer), value);
  const std::string_view number(buffer, static_cast<size_t>(written.ptr - buffer));
  out->append(number);
  if (number.find_first_of(".e") == std::string_view::npos) out->append(".0");
}

}  // namespace spamradar::server

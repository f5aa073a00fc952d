#include "text/json_text.h"

#include <charconv>
#include <cmath>

#include "text/unicode.h"

namespace spamradar::text {
namespace {

// ASCII that a JSON string holds as it is: not a control, '"' or '\\'.
bool IsPlainJsonByte(unsigned char byte) {
  return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
}

// How many bytes of the invalid sequence at `pos` one U+FFFD stands for, as
// the documents' dump counts them: the lead byte and the continuation bytes
// that still fit it (Unicode's "maximal subpart"), so "\xE8\xBC" cut short
// by a quote is one U+FFFD, not two.
size_t InvalidSequenceLength(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // of the byte after the lead
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 1;
  }
  size_t fitting = 1;
  while (fitting < length && pos + fitting < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos + fitting]);
    if (byte < low || byte > high) break;
    low = 0x80;
    high = 0xBF;
    ++fitting;
  }
  return fitting;
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
      if (decoded.valid) {
        out->append(text.substr(i, decoded.length));
        i += decoded.length;
      } else {
        out->append("\xEF\xBF\xBD");
        i += InvalidSequenceLength(text, i);
      }
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

}  // namespace spamradar::text

// Comparing texts as people see them: ASCII letters lower-cased, runs of
// whitespace collapsed to one space, trimmed. Two copies of a message that a
// client re-wrapped or re-cased compare equal in this form. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace spamradar {

inline std::string LowerCollapsed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace spamradar

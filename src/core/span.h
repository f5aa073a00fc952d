// Span: a half-open byte range [begin, end) into a message's original bytes.
// Every finding spamradar reports carries one, so a reviewer can highlight
// exactly what triggered it.
#pragma once

#include <cstdint>
#include <string_view>

namespace spamradar {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace spamradar

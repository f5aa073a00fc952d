// CleanText: the first normalization pass over a raw message.
//
// Clean() validates UTF-8 (invalid bytes become U+FFFD), applies NFKC and
// Unicode case folding (utf8proc), drops invisible and bidi-control characters,
// and turns control characters into spaces. Letters of other scripts are kept
// as they are: deciding whether a Cyrillic 'а' is a disguised 'a' needs the
// whole word, which is the tokenizer's job, and URL hosts must keep their true
// spelling for the registrable domain.
//
// Every byte of the clean text maps back to the original bytes it came from,
// so anything found in the clean text can be shown in the message as received.
// Runs in time linear in the input. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "text/findings.h"

namespace spamradar::text {

class CleanText {
 public:
  const std::string& text() const { return text_; }
  bool is_ascii() const { return is_ascii_; }
  const std::vector<Finding>& findings() const { return findings_; }

  // The original byte range that clean bytes [begin, end) came from.
  Span ToOriginal(uint32_t begin, uint32_t end) const {
    if (begin >= end) {
      const uint32_t at = OriginalBegin(begin);
      return {at, at};
    }
    if (origin_begin_.empty()) return {begin, end};
    return {origin_begin_[begin], origin_end_[end - 1]};
  }
  // Original offset of clean byte `pos` (pos == text().size() gives the input size).
  uint32_t OriginalBegin(uint32_t pos) const {
    if (origin_begin_.empty()) return pos;
    return pos < origin_begin_.size() ? origin_begin_[pos] : original_size_;
  }

 private:
  friend void Clean(std::string_view raw, CleanText* out);
  // The same, into `out`, reusing its buffers (no allocation once they are large enough).
  void Clean(std::string_view raw, CleanText* out);

  std::string text_;
  // For each clean byte, the original range of the character it came from.
  // Empty when the input was ASCII without controls: the map is the identity.
  std::vector<uint32_t> origin_begin_;
  std::vector<uint32_t> origin_end_;
  uint32_t original_size_ = 0;
  bool is_ascii_ = true;
  std::vector<Finding> findings_;
};

CleanText Clean(std::string_view raw);
// The same, into `out`, reusing its buffers (no allocation once they are large enough).
void Clean(std::string_view raw, CleanText* out);

}  // namespace spamradar::text

// Normalization and tokenization of arbitrary bytes: no crash, no sanitizer
// report, and every span maps inside the input in order.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "text/clean_text.h"
#include "text/shingles.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const spamradar::text::CleanText clean = spamradar::text::Clean(raw);
  const spamradar::text::Tokenization tokens = spamradar::text::Tokenize(raw, clean, {});
  // In message order; tokens cut from one character that normalization
  // expands ('¾' is '3⁄4') share its span, so spans may overlap but never go back.
  uint32_t previous_begin = 0, previous_end = 0;
  for (const spamradar::text::Token& token : tokens.tokens) {
    CHECK(token.original.begin <= token.original.end && token.original.end <= size) << "token span";
    CHECK(token.original.begin >= previous_begin && token.original.end >= previous_end)
        << "tokens out of order";
    previous_begin = token.original.begin;
    CHECK(!tokens.TextOf(token).empty()) << "empty token";
    CHECK(token.normalized.end <= tokens.normalized.size()) << "normalized span";
    previous_end = token.original.end;
  }
  for (const spamradar::text::Finding& finding : tokens.findings) {
    CHECK(finding.span.end <= size) << "finding span";
  }
  (void)spamradar::text::WordShingles(tokens.tokens, tokens.normalized, 3);
  return 0;
}

// Tokenizer: the second normalization pass, from CleanText to tokens.
//
// Words are cut on spaces and punctuation; inside each word, look-alike letters
// of other scripts are folded to Latin when the whole word can be read as Latin
// ('РауРаl' -> 'paypal'), diacritics are dropped, leetspeak is undone
// ('L0uis' -> 'louis', '$ale' -> 'sale'), and spaced-out letters are joined
// ('F R E E', 'G.U.C.C.I'). Spans that signal extraction has already typed
// (URLs, phone numbers, money...) are passed in and become one token each,
// so that a URL is never torn apart or "de-leeted".
//
// The normalized text is the tokens' texts joined by single spaces; each token
// knows its span there and in the original message. Tokens are in message
// order; tokens cut from one character that normalization expands ('¾' is
// '3⁄4') share that character's span. Thread-safe; linear time.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "text/clean_text.h"
#include "text/findings.h"

namespace spamradar::text {

enum class TokenType : uint8_t {
  kWord,
  kUrl,
  kEmail,
  kPhone,
  kShortCode,
  kMoney,
  kPercent,
  kNumber
};

// "WORD", "URL", "EMAIL", "PHONE", "SHORTCODE", "MONEY", "PERCENT", "NUMBER".
std::string_view TokenTypeName(TokenType type);

// A span of the clean text that an extractor recognised, with its canonical text.
struct TypedSpan {
  TokenType type;
  uint32_t begin;  // in CleanText::text()
  uint32_t end;
  std::string text;
};

// A token's normalized text is the `normalized` span of the text it was cut
// from (Tokenization::normalized); tokens own no strings of their own.
struct Token {
  TokenType type;
  Span original;    // in the message as received
  Span normalized;  // in the normalized text
};

struct Tokenization {
  std::vector<Token> tokens;
  std::string normalized;
  std::vector<Finding> findings;

  std::string_view TextOf(const Token& token) const { return token.normalized.Of(normalized); }
};

// `typed` must be sorted by begin and must not overlap.
void Tokenize(std::string_view raw, const CleanText& clean, std::span<const TypedSpan> typed,
              Tokenization* out);  // reuses out's buffers
Tokenization Tokenize(std::string_view raw, const CleanText& clean,
                      std::span<const TypedSpan> typed);

}  // namespace spamradar::text

// Shingles: hashed overlapping n-grams of a message, the raw material of
// near-duplicate detection (campaign engine) and of hashed features (filter).
//
// Shingles are taken over the tokens' "shingle form": words as normalized,
// typed tokens as a placeholder ("<url>", "<phone>", "<money>"...), because
// spammers rotate exactly those parts from one message to the next.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace spamradar::text {

// The placeholder a typed token enters shingles as ("<url>"); empty for a word.
inline std::string_view Placeholder(TokenType type) {
  switch (type) {
    case TokenType::kWord: break;
    case TokenType::kUrl: return "<url>";
    case TokenType::kEmail: return "<email>";
    case TokenType::kPhone: return "<phone>";
    case TokenType::kShortCode: return "<shortcode>";
    case TokenType::kMoney: return "<money>";
    case TokenType::kPercent: return "<percent>";
    case TokenType::kNumber: return "<number>";
  }
  return {};
}

// The token as it enters shingles: its text for words (a view into
// `normalized`, the text the tokens index), a placeholder otherwise.
inline std::string_view ShingleForm(const Token& token, std::string_view normalized) {
  if (token.type == TokenType::kWord) return token.normalized.Of(normalized);
  return Placeholder(token.type);
}

// The tokens' shingle forms joined by single spaces.
std::string ShingleText(std::span<const Token> tokens, std::string_view normalized);

// XXH3 hashes of every run of `k` consecutive tokens (k >= 1). A message with
// fewer than k tokens gives one shingle of all of them; an empty one gives none.
void WordShingles(std::span<const Token> tokens, std::string_view normalized, int k,
                  std::vector<uint64_t>* out);  // replaces out's contents
std::vector<uint64_t> WordShingles(std::span<const Token> tokens, std::string_view normalized,
                                   int k);

// XXH3 hashes of every `k`-byte window of `text` (k >= 1); shorter text gives
// one shingle of the whole text, empty text none.
std::vector<uint64_t> CharShingles(std::string_view text, int k);
void CharShingles(std::string_view text, int k, std::vector<uint64_t>* out);
// ShingleText into `out`, reusing its buffer.
void ShingleText(std::span<const Token> tokens, std::string_view normalized, std::string* out);

}  // namespace spamradar::text

#include "text/shingles.h"

#include "core/check.h"
#include "core/hash.h"

namespace spamradar::text {

std::string_view ShingleForm(const Token& token) {
  switch (token.type) {
    case TokenType::kWord: return token.text;
    case TokenType::kUrl: return "<url>";
    case TokenType::kEmail: return "<email>";
    case TokenType::kPhone: return "<phone>";
    case TokenType::kShortCode: return "<shortcode>";
    case TokenType::kMoney: return "<money>";
    case TokenType::kPercent: return "<percent>";
    case TokenType::kNumber: return "<number>";
  }
  return token.text;
}

std::string ShingleText(std::span<const Token> tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out.push_back(' ');
    out += ShingleForm(token);
  }
  return out;
}

std::vector<uint64_t> WordShingles(std::span<const Token> tokens, int k) {
  CHECK(k >= 1) << "shingle size must be positive";
  std::vector<uint64_t> out;
  if (tokens.empty()) return out;
  const size_t width = std::min<size_t>(static_cast<size_t>(k), tokens.size());
  out.reserve(tokens.size() - width + 1);
  // A separator byte keeps ("ab", "c") and ("a", "bc") apart; one buffer is
  // reused so a message costs no allocation per shingle.
  std::string window;
  for (size_t i = 0; i + width <= tokens.size(); ++i) {
    window.clear();
    for (size_t j = i; j < i + width; ++j) {
      window += ShingleForm(tokens[j]);
      window.push_back('\x1f');
    }
    out.push_back(Hash64(window));
  }
  return out;
}

std::vector<uint64_t> CharShingles(std::string_view text, int k) {
  CHECK(k >= 1) << "shingle size must be positive";
  std::vector<uint64_t> out;
  if (text.empty()) return out;
  const size_t width = std::min<size_t>(static_cast<size_t>(k), text.size());
  out.reserve(text.size() - width + 1);
  for (size_t i = 0; i + width <= text.size(); ++i) out.push_back(Hash64(text.substr(i, width)));
  return out;
}

}  // namespace spamradar::text

#include "text/shingles.h"

#include "core/check.h"
#include "core/hash.h"

namespace spamradar::text {

std::string ShingleText(std::span<const Token> tokens, std::string_view normalized) {
  std::string out;
  ShingleText(tokens, normalized, &out);
  return out;
}

void ShingleText(std::span<const Token> tokens, std::string_view normalized, std::string* out) {
  out->clear();
  out->reserve(normalized.size() + 16);
  for (const Token& token : tokens) {
    if (!out->empty()) out->push_back(' ');
    *out += ShingleForm(token, normalized);
  }
}

std::vector<uint64_t> WordShingles(std::span<const Token> tokens, std::string_view normalized,
                                   int k) {
  std::vector<uint64_t> out;
  WordShingles(tokens, normalized, k, &out);
  return out;
}

void WordShingles(std::span<const Token> tokens, std::string_view normalized, int k,
                  std::vector<uint64_t>* out) {
  CHECK(k >= 1) << "shingle size must be positive";
  out->clear();
  if (tokens.empty()) return;
  const size_t width = std::min<size_t>(static_cast<size_t>(k), tokens.size());
  // Each token is hashed once; a shingle is the hash of its tokens' hashes in
  // order, so ("ab", "c") and ("a", "bc") differ and no string is built.
  thread_local std::vector<uint64_t> token_hashes;
  token_hashes.clear();
  for (const Token& token : tokens) token_hashes.push_back(Hash64(ShingleForm(token, normalized)));
  const size_t count = tokens.size() - width + 1;
  out->resize(count);
  uint64_t* shingles = out->data();
  if (width == 3) {  // the default, with a compile-time length (see CharShingles)
    for (size_t i = 0; i < count; ++i)
      shingles[i] = XXH3_64bits(&token_hashes[i], 3 * sizeof(uint64_t));
  } else {
    for (size_t i = 0; i < count; ++i) {
      shingles[i] = XXH3_64bits(&token_hashes[i], width * sizeof(uint64_t));
    }
  }
}

std::vector<uint64_t> CharShingles(std::string_view text, int k) {
  std::vector<uint64_t> out;
  CharShingles(text, k, &out);
  return out;
}

void CharShingles(std::string_view text, int k, std::vector<uint64_t>* out) {
  CHECK(k >= 1) << "shingle size must be positive";
  out->clear();
  if (text.empty()) return;
  const size_t width = std::min<size_t>(static_cast<size_t>(k), text.size());
  const size_t count = text.size() - width + 1;
  out->resize(count);
  uint64_t* hashes = out->data();
  const char* data = text.data();
  if (width == 5) {
    // The default size, with the length known at compile time: XXH3 then
    // compiles to its short-input path alone, about half the instructions.
    for (size_t i = 0; i < count; ++i) hashes[i] = XXH3_64bits(data + i, 5);
  } else {
    for (size_t i = 0; i < count; ++i) hashes[i] = XXH3_64bits(data + i, width);
  }
}

}  // namespace spamradar::text

// 64-bit hashing for features and shingles: XXH3 (xxhash), fast on short
// strings and stable across machines and releases, so hashed features in a
// saved model and campaign fingerprints stay valid.
#pragma once

#include <cstdint>
#include <string_view>

// Inlined: shingles hash many 5-byte strings, where a call into the shared
// library would cost more than the hash itself.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace spamradar {

inline uint64_t Hash64(std::string_view bytes, uint64_t seed = 0) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace spamradar

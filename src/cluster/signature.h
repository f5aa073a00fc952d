// Signature: a MinHash sketch of a message's shingles, for near-duplicate
// text at the speed the campaign engine needs.
//
// One-permutation MinHash (Li, Owen, Zhang 2012) with densification
// (Shrivastava 2017): each shingle is hashed once and kept as the minimum of
// one of 64 bins, instead of 64 hash functions over every shingle; empty bins
// borrow from the next filled one so that short messages still compare. The
// fraction of equal bins estimates the Jaccard similarity of the shingle sets.
// Plain values; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace spamradar::cluster {

inline constexpr int kSignatureBins = 64;
using Signature = std::array<uint32_t, kSignatureBins>;

// The sketch of a set of 64-bit shingle hashes (duplicates do not matter).
// An empty set gives a signature of all-ones bins that matches nothing real.
Signature ComputeSignature(std::span<const uint64_t> shingles);

// Estimated Jaccard similarity, 0 to 1.
double Similarity(const Signature& a, const Signature& b);

}  // namespace spamradar::cluster

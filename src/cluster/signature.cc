#include "cluster/signature.h"

#include <limits>

namespace spamradar::cluster {
namespace {

constexpr uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  return x ^ (x >> 33);
}

}  // namespace

Signature ComputeSignature(std::span<const uint64_t> shingles) {
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  Signature bins;
  bins.fill(kEmpty);
  for (const uint64_t shingle : shingles) {
    const uint64_t h = Mix(shingle);
    const auto bin = static_cast<size_t>(h >> 58);  // top 6 bits: the bin
    const auto value = static_cast<uint32_t>(h);    // low bits: the value
    if (value < bins[bin]) bins[bin] = value;
  }
  if (shingles.empty()) return bins;
  // Densification: an empty bin takes the value of the next filled bin to its
  // right (circularly), mixed with how far it went, so two sketches agree on
  // it only when they agree on the bin it borrowed from.
  Signature dense = bins;
  for (size_t i = 0; i < bins.size(); ++i) {
    if (bins[i] != kEmpty) continue;
    for (size_t step = 1; step < bins.size(); ++step) {
      const uint32_t borrowed = bins[(i + step) % bins.size()];
      if (borrowed == kEmpty) continue;
      dense[i] = static_cast<uint32_t>(Mix(borrowed + (step << 40)));
      break;
    }
  }
  return dense;
}

double Similarity(const Signature& a, const Signature& b) {
  int equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / kSignatureBins;
}

}  // namespace spamradar::cluster

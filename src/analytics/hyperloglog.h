// HyperLogLog registers, shared by the sketches kept per rollup slice
// (ReporterSketch, 256 registers) and the counters built per question
// (DistinctCounter, 4,096): raising a register for a 64-bit hash whose bits
// are uniform, and the estimate with the small-range (linear counting)
// correction. The standard error is 1.04 / sqrt(registers).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace spamradar::analytics {

template <size_t kRegisters>
using HllRegisters = std::array<uint8_t, kRegisters>;

template <size_t kRegisters>
void RaiseRegister(HllRegisters<kRegisters>* registers, uint64_t hash) {
  static_assert(std::has_single_bit(kRegisters));
  constexpr int kPrecision = std::countr_zero(kRegisters);
  const size_t index = hash >> (64 - kPrecision);
  const uint64_t rest = hash << kPrecision;
  const auto rank =
      static_cast<uint8_t>(rest == 0 ? 64 - kPrecision + 1 : std::countl_zero(rest) + 1);
  (*registers)[index] = std::max((*registers)[index], rank);
}

template <size_t kRegisters>
uint64_t EstimateDistinct(const HllRegisters<kRegisters>& registers) {
  double sum = 0;
  size_t zeros = 0;
  for (const uint8_t r : registers) {
    sum += std::ldexp(1.0, -r);
    zeros += r == 0;
  }
  const double m = kRegisters;
  const double alpha = 0.7213 / (1 + 1.079 / m);
  double estimate = alpha * m * m / sum;
  if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / static_cast<double>(zeros));
  return static_cast<uint64_t>(std::llround(estimate));
}

}  // namespace spamradar::analytics

// DistinctCounter: distinct reporters counted at query time, over as many
// sightings as a scope holds (millions for a large campaign). Exact up to
// kExact distinct values, then a HyperLogLog of 4,096 registers (standard
// error 1.04/sqrt(4096), about 1.6%): built once per question, so it can
// afford more registers than the sketches kept per slice.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>

#include <absl/container/flat_hash_set.h>

namespace spamradar::analytics {

class DistinctCounter {
 public:
  static constexpr size_t kExact = 4096;
  static constexpr int kPrecision = 12;
  static constexpr size_t kRegisters = size_t{1} << kPrecision;

  // `value` is 32 bits of a keyed hash; mixed to 64 for the registers.
  void Add(uint32_t value) {
    if (registers_ != nullptr) return Raise(value);
    exact_.insert(value);
    if (exact_.size() > kExact) {
      registers_ = std::make_unique<std::array<uint8_t, kRegisters>>();
      registers_->fill(0);
      for (const uint32_t seen : exact_) Raise(seen);
      exact_ = {};
    }
  }
  bool exact() const { return registers_ == nullptr; }
  uint64_t Count() const {
    if (registers_ == nullptr) return exact_.size();
    double sum = 0;
    size_t zeros = 0;
    for (const uint8_t r : *registers_) {
      sum += std::ldexp(1.0, -r);
      zeros += r == 0;
    }
    const double m = kRegisters;
    const double alpha = 0.7213 / (1 + 1.079 / m);
    double estimate = alpha * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / static_cast<double>(zeros));
    return static_cast<uint64_t>(std::llround(estimate));
  }

 private:
  void Raise(uint32_t value) {
    // splitmix64's finalizer: the register index and rank need 64 good bits.
    uint64_t x = value + 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    const size_t index = x >> (64 - kPrecision);
    const uint64_t rest = x << kPrecision;
    const auto rank =
        static_cast<uint8_t>(rest == 0 ? 64 - kPrecision + 1 : std::countl_zero(rest) + 1);
    (*registers_)[index] = std::max((*registers_)[index], rank);
  }

  absl::flat_hash_set<uint32_t> exact_;
  std::unique_ptr<std::array<uint8_t, kRegisters>> registers_;
};

}  // namespace spamradar::analytics

// DistinctCounter: distinct reporters counted at query time, over as many
// sightings as a scope holds (millions for a large campaign). Exact up to
// kExact distinct values, then a HyperLogLog of 4,096 registers (standard
// error 1.04/sqrt(4096), about 1.6%): built once per question, so it can
// afford more registers than the sketches kept per slice.
#pragma once

#include <cstdint>
#include <memory>

#include <absl/container/flat_hash_set.h>

#include "analytics/hyperloglog.h"

namespace spamradar::analytics {

class DistinctCounter {
 public:
  static constexpr size_t kExact = 4096;
  static constexpr size_t kRegisters = 4096;

  // `value` is 32 bits of a keyed hash; mixed to 64 for the registers.
  void Add(uint32_t value) {
    if (registers_ != nullptr) return Raise(value);
    exact_.insert(value);
    if (exact_.size() > kExact) {
      registers_ = std::make_unique<HllRegisters<kRegisters>>();
      registers_->fill(0);
      for (const uint32_t seen : exact_) Raise(seen);
      exact_ = {};
    }
  }
  bool exact() const { return registers_ == nullptr; }
  uint64_t Count() const {
    return registers_ == nullptr ? exact_.size() : EstimateDistinct(*registers_);
  }

 private:
  void Raise(uint32_t value) {
    // splitmix64's finalizer: the register index and rank need 64 good bits.
    uint64_t x = value + 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    RaiseRegister(registers_.get(), x ^ (x >> 31));
  }

  absl::flat_hash_set<uint32_t> exact_;
  std::unique_ptr<HllRegisters<kRegisters>> registers_;
};

}  // namespace spamradar::analytics

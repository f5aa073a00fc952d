// ReporterSketch: how many distinct reporters a slice of the rollups saw.
// Exact up to kExact reporters (most slices), then a HyperLogLog of 256
// one-byte registers (standard error 1.04/sqrt(256), about 6.5%). Sketches
// merge, so a query unions the slices of its scope (the registers are
// hyperloglog.h's). Reporters arrive as the first 64 bits of their keyed hash,
// already uniformly distributed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "analytics/hyperloglog.h"

namespace spamradar::analytics {

class ReporterSketch {
 public:
  static constexpr size_t kExact = 24;
  static constexpr int kPrecision = 8;
  static constexpr size_t kRegisters = size_t{1} << kPrecision;
  using Registers = HllRegisters<kRegisters>;

  void Add(uint64_t reporter) {
    if (registers_ != nullptr) return RaiseRegister(registers_.get(), reporter);
    if (std::find(exact_.begin(), exact_.end(), reporter) != exact_.end()) return;
    exact_.push_back(reporter);
    if (exact_.size() > kExact) {
      registers_ = std::make_unique<Registers>();
      registers_->fill(0);
      for (const uint64_t seen : exact_) RaiseRegister(registers_.get(), seen);
      exact_.clear();
      exact_.shrink_to_fit();
    }
  }

  // A union of sketches: exact while every part is.
  class Union {
   public:
    void Add(const ReporterSketch& sketch) {
      if (sketch.registers_ != nullptr) {
        Densify();
        for (size_t i = 0; i < kRegisters; ++i) {
          registers_[i] = std::max(registers_[i], (*sketch.registers_)[i]);
        }
      } else if (dense_) {
        for (const uint64_t reporter : sketch.exact_) RaiseRegister(&registers_, reporter);
      } else {
        exact_.insert(exact_.end(), sketch.exact_.begin(), sketch.exact_.end());
      }
    }
    // Distinct reporters: exact, or estimated; `exact` says which.
    uint64_t Count(bool* exact = nullptr) {
      if (!dense_) {
        std::sort(exact_.begin(), exact_.end());
        exact_.erase(std::unique(exact_.begin(), exact_.end()), exact_.end());
        if (exact != nullptr) *exact = true;
        return exact_.size();
      }
      if (exact != nullptr) *exact = false;
      return EstimateDistinct(registers_);
    }

   private:
    void Densify() {
      if (dense_) return;
      dense_ = true;
      registers_.fill(0);
      for (const uint64_t reporter : exact_) RaiseRegister(&registers_, reporter);
      exact_.clear();
    }
    bool dense_ = false;
    std::vector<uint64_t> exact_;
    Registers registers_{};
  };

 private:
  std::vector<uint64_t> exact_;
  std::unique_ptr<Registers> registers_;
};

}  // namespace spamradar::analytics

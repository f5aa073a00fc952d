// HeavyHitters: the most frequent values (domains, senders) in a slice of
// the rollups, in bounded memory, by the Space-Saving algorithm (Metwally,
// Agrawal, El Abbadi 2005): k counters; a value not counted takes the
// smallest counter and its count + 1. A value's count is over-estimated by
// at most the smallest counter (`error`), and every value seen more often
// than n/k times is among the k. Senders rotate by the thousand in a
// campaign; keeping them all per day and metro would cost more than the rest
// of the rollups together.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spamradar::analytics {

class HeavyHitters {
 public:
  static constexpr size_t kCounters = 8;

  void Add(std::string_view value) {
    for (auto& [key, count] : counters_) {
      if (key == value) {
        ++count;
        return;
      }
    }
    if (counters_.size() < kCounters) {
      counters_.emplace_back(std::string(value), 1);
      return;
    }
    auto smallest =
        std::min_element(counters_.begin(), counters_.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    smallest->first.assign(value);
    ++smallest->second;
  }

  // The upper bound on any count's over-estimate.
  uint32_t error() const {
    if (counters_.size() < kCounters) return 0;
    uint32_t smallest = UINT32_MAX;
    for (const auto& [key, count] : counters_) smallest = std::min(smallest, count);
    return smallest;
  }

  const std::vector<std::pair<std::string, uint32_t>>& counters() const { return counters_; }

 private:
  std::vector<std::pair<std::string, uint32_t>> counters_;
};

}  // namespace spamradar::analytics

// RecentCache: remembers the answers for the last keys seen, one slot per
// hash bucket (a newer key takes the slot of an older one). For work that
// campaigns repeat message after message (the registrable domain of a host,
// the brands in it): a hit costs a hash and a string compare, a miss nothing
// but the work itself. Not thread-safe; keep one per thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.h"

namespace spamradar {

template <typename Value>
class RecentCache {
 public:
  // `slots` is rounded up to a power of two.
  explicit RecentCache(size_t slots = 4096) {
    size_t n = 1;
    while (n < slots) n <<= 1;
    slots_.resize(n);
  }

  // The value remembered for `key`, or null.
  const Value* Find(std::string_view key) const {
    const Slot& slot = slots_[Bucket(key)];
    return slot.used && slot.key == key ? &slot.value : nullptr;
  }

  const Value& Put(std::string_view key, Value value) {
    Slot& slot = slots_[Bucket(key)];
    slot.key.assign(key);
    slot.value = std::move(value);
    slot.used = true;
    return slot.value;
  }

 private:
  struct Slot {
    std::string key;
    Value value{};
    bool used = false;
  };

  size_t Bucket(std::string_view key) const { return Hash64(key) & (slots_.size() - 1); }

  std::vector<Slot> slots_;
};

}  // namespace spamradar

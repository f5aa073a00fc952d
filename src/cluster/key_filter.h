// KeyFilter: a Bloom filter of 64-bit keys (already good hashes), which says
// "certainly not" for most keys the campaign archive does not hold, so that
// most reports never ask the archive anything. About 10 bits per key for a
// false-positive rate near 1%; grows by doubling, refilled by its owner.
#pragma once

#include <cstdint>
#include <vector>

namespace spamradar::cluster {

class KeyFilter {
 public:
  void Clear(size_t expected_keys) {
    size_t bits = 1 << 16;
    while (bits < expected_keys * kBitsPerKey) bits *= 2;
    words_.assign(bits / 64, 0);
    keys_ = 0;
  }
  // False when the filter has grown full enough that its owner should
  // Clear() it larger and add every key again.
  bool Add(uint64_t key) {
    if (words_.empty()) Clear(0);
    for (int i = 0; i < kProbes; ++i) {
      const uint64_t bit = Probe(key, i);
      words_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    return ++keys_ * kBitsPerKey <= words_.size() * 64;
  }
  bool MayContain(uint64_t key) const {
    if (keys_ == 0) return false;
    for (int i = 0; i < kProbes; ++i) {
      const uint64_t bit = Probe(key, i);
      if ((words_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return false;
    }
    return true;
  }
  size_t keys() const { return keys_; }

 private:
  static constexpr size_t kBitsPerKey = 10;
  static constexpr int kProbes = 7;
  // Double hashing (Kirsch and Mitzenmacher) from the two halves of the key.
  uint64_t Probe(uint64_t key, int i) const {
    const uint64_t h = (key & 0xffffffff) + static_cast<uint64_t>(i) * ((key >> 32) | 1);
    return h & (words_.size() * 64 - 1);
  }

  std::vector<uint64_t> words_;
  size_t keys_ = 0;
};

}  // namespace spamradar::cluster

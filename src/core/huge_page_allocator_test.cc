#include "core/huge_page_allocator.h"

#include <cstdint>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

namespace spamradar {
namespace {

TEST(HugePageAllocatorTest, LargeTablesAreAlignedForHugePagesAndHoldTheirValues) {
  // 4 MiB of weights, as a model with 2^20 buckets has.
  std::vector<float, HugePageAllocator<float>> weights(size_t{1} << 20, 0.0f);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(weights.data()) % HugePageAllocator<float>::kHugePage, 0u);
  EXPECT_EQ(std::accumulate(weights.begin(), weights.end(), 0.0f), 0.0f);  // a value: zeroed
  weights[12345] = 2.5f;
  std::vector<float, HugePageAllocator<float>> copy = weights;
  EXPECT_EQ(copy[12345], 2.5f);
  // Small blocks are ordinary allocations, still aligned for their type.
  std::vector<double, HugePageAllocator<double>> small(3, 1.0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small.data()) % alignof(double), 0u);
  small.resize(1000);  // grown without a value: the old elements are kept
  EXPECT_EQ(small[2], 1.0);
}

}  // namespace
}  // namespace spamradar

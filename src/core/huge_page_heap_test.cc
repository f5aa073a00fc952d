#include "core/huge_page_heap.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace spamradar {
namespace {

// The VmFlags line of the mapping in /proc/self/smaps that holds `address`.
std::string FlagsOfMappingHolding(const void* address) {
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {  // "55c9...-55c9... rw-p ..."
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
constexpr bool kSanitized = __has_feature(address_sanitizer);
#else
constexpr bool kSanitized = false;
#endif

// After the offer, blocks up to a few MiB come from the heap, and the heap
// they are in is advised for huge pages ("hg" in the mapping's flags); a
// second offer changes nothing; the blocks hold what is written to them. (Blocks
// of 128 KiB and more: before the offer, glibc mapped each such block on its
// own, so no freed one lies in the heap's older part. A small block may
// reuse a freed one there.)
TEST(HugePageHeapTest, BlocksComeFromAHeapAdvisedForHugePages) {
  if (kSanitized) {
    EXPECT_FALSE(OfferHeapToHugePages()) << "the sanitizers' heap is not glibc's";
    return;
  }
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    EXPECT_FALSE(OfferHeapToHugePages()) << "a kernel without transparent huge pages";
    return;
  }
  ASSERT_TRUE(OfferHeapToHugePages());
  for (const size_t size : {size_t{300} << 10, size_t{3} << 20}) {
    auto* block = static_cast<unsigned char*>(std::malloc(size));
    ASSERT_NE(block, nullptr);
    std::memset(block, 0xA5, size);
    const std::string flags = FlagsOfMappingHolding(block);
    EXPECT_NE(flags.find(" hg"), std::string::npos) << size << " bytes: " << flags;
    EXPECT_EQ(block[size - 1], 0xA5);
    std::free(block);
  }
  EXPECT_TRUE(OfferHeapToHugePages());
  void* again = std::malloc(1 << 20);
  EXPECT_NE(FlagsOfMappingHolding(again).find(" hg"), std::string::npos);
  std::free(again);
}

}  // namespace
}  // namespace spamradar

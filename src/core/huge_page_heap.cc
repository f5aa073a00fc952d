#include "core/huge_page_heap.h"

#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define SPAMRADAR_OWN_HEAP 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SPAMRADAR_OWN_HEAP 1
#endif

namespace spamradar {
namespace {

bool Offer(size_t reserve) {
#if defined(SPAMRADAR_OWN_HEAP) || !defined(__GLIBC__)
  (void)reserve;
  return false;
#else
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  // Blocks under 4 MiB from the heap, not each in a mapping of its own (the
  // model's tables, 4 MiB each, keep theirs: HugePageAllocator); the heap
  // grown `reserve` bytes at a time, and not given back below twice that.
  if (mallopt(M_MMAP_THRESHOLD, 4 << 20) == 0 ||
      mallopt(M_TOP_PAD, static_cast<int>(reserve)) == 0 ||
      mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * reserve)) == 0) {
    return false;
  }
  // A block larger than any freed so far comes from the heap's free end (and
  // grows the heap by `reserve`); freed, it goes back to that end.
  void* probe = std::malloc(kHugePage / 4);
  if (probe == nullptr) return false;
  const auto start = reinterpret_cast<uintptr_t>(probe);
  std::free(probe);
  // Huge pages cover whole aligned 2 MiB: the stretch up to the next
  // boundary is taken by a block that is never freed, nor touched past its
  // header, so that it costs no memory and what follows starts on a huge
  // page. (glibc's block of n bytes spans n + 8 rounded up to 16, and start
  // and boundary are both multiples of 16.) Kept large enough that no freed
  // block can serve it instead of the free end.
  uintptr_t boundary = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (boundary - start < kHugePage / 8) boundary += kHugePage;
  static void* const filler = std::malloc(boundary - start - 8);  // kept: not a leak
  const auto end = reinterpret_cast<uintptr_t>(::sbrk(0));
  if (filler != probe || end <= boundary) return false;  // not the heap's free end after all
  return ::madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE) == 0;
#endif
}

}  // namespace

bool OfferHeapToHugePages(size_t reserve) {
  static const bool offered = Offer(reserve);
  return offered;
}

}  // namespace spamradar

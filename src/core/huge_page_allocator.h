#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <utility>

#include <sys/mman.h>

namespace spamradar {

// An allocator for large tables (a model's weights and their AdaGrad sums):
// blocks of 2 MiB or more are aligned to 2 MiB and offered to the
// kernel for transparent huge pages. A message's features touch ~160 scattered
// weights; with 4 KiB pages most of those lookups also miss the TLB. And
// filling 8 MiB of fresh 4 KiB pages costs 2,048 page faults, a quarter of
// `classify`'s start-up on a virtual machine; 2 MiB pages cost four.
// Where the kernel keeps huge pages off, this is an ordinary aligned block.
//
// Elements made without a value are left uninitialized (default-initialized),
// so `resize(n)` before overwriting with a file's bytes does not first write
// n zeros; `vector(n, 0.0f)` zeroes as usual.
template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      return static_cast<T*>(::operator new (bytes, std::align_val_t{alignof(T)}));
    }
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* block = std::aligned_alloc(kHugePage, rounded);
    if (block == nullptr) throw std::bad_alloc();
    ::madvise(block, rounded, MADV_HUGEPAGE);  // advice only: failure is harmless
    return static_cast<T*>(block);
  }

  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete (p, std::align_val_t{alignof(T)});
    } else {
      std::free(p);
    }
  }

  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace spamradar

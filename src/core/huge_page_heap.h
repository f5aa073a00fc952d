// The process's heap offered to the kernel for transparent huge pages.
//
// Every page a process touches first costs a page fault; on the virtual
// machines spamradar is measured on, ~10 us each (a trap to the host). The
// start-up of a `classify` allocates a few MiB in many blocks (the brand
// lexicon and its matchers, the public suffix list, the metro table, the
// scorer's word cache, libphonenumber's metadata and regular expressions),
// and glibc's malloc hands them out in 4 KiB pages, fresh ones at each growth
// of the heap, each block of 128 KiB or more in a mapping of its own: 1,430
// page faults for one message with a +44 number. With the heap on 2 MiB
// pages it was 329 and the command took 22.8 ms instead of 36.8; offered
// before the libraries' static initializers, 291 (bench/README.md,
// seventeenth session).
#pragma once

#include <cstddef>

namespace spamradar {

// Call before anything allocates much and before threads start (the
// `spamradar` command calls it from a constructor that runs before the
// static initializers of the libraries it links); later calls do nothing and
// return the first one's answer. Sets glibc's malloc to
// take blocks under 4 MiB from its heap, to grow the heap `reserve` bytes at
// a time and keep them, and asks the kernel (madvise MADV_HUGEPAGE) to back
// that heap from the next 2 MiB boundary on with huge pages. Memory never
// touched stays unused: the resident size grows by at most a huge page's
// rounding. Returns whether the heap was so advised; false under the
// sanitizers (which have a heap of their own) or where the kernel refuses
// the advice. Either way the program runs the same, only slower.
bool OfferHeapToHugePages(size_t reserve = size_t{32} << 20);

}  // namespace spamradar

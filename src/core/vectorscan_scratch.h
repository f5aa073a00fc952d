// A thread's vectorscan scratch space, shared by every database the thread
// scans with: hs_alloc_scratch grows an existing scratch to fit a database,
// and is costly, so it is called once per database, remembered by a serial
// number its owner gives it (addresses can be reused after a database is
// freed; serial numbers are not). Used by the phrase matcher and the phone
// plan, each with one `thread_local` of its own.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include <hs/hs.h>

#include "core/check.h"

namespace spamradar {

class VectorscanScratch {
 public:
  VectorscanScratch() = default;
  ~VectorscanScratch() { hs_free_scratch(scratch_); }
  VectorscanScratch(const VectorscanScratch&) = delete;
  VectorscanScratch& operator=(const VectorscanScratch&) = delete;

  // The scratch, fitted to `database` (whose serial number is `serial`).
  hs_scratch_t* For(const hs_database_t* database, uint64_t serial) {
    if (std::find(fitted_.begin(), fitted_.end(), serial) == fitted_.end()) {
      CHECK(hs_alloc_scratch(database, &scratch_) == HS_SUCCESS) << "vectorscan scratch allocation";
      fitted_.push_back(serial);
    }
    return scratch_;
  }

 private:
  hs_scratch_t* scratch_ = nullptr;
  std::vector<uint64_t> fitted_;
};

}  // namespace spamradar

// AssignmentListener: told by the CampaignEngine, as it folds the log, which
// campaign each report went to and which campaigns merged; what the analytics
// rollups are built from, with the engine's reading of each report.
#pragma once

#include <cstdint>

#include "domain/report.h"

namespace spamradar::cluster {

class AssignmentListener {
 public:
  virtual ~AssignmentListener() = default;
  // `report` went to `campaign` (its id now; merges come later as OnMerged).
  // Its analysis lists (brands, domains...) are the engine's reading: read
  // again from the body when the stored ones came from another analysis.
  virtual void OnAssigned(const Report& report, uint64_t campaign) = 0;
  // Campaign `gone` is now part of `keep`.
  virtual void OnMerged(uint64_t keep, uint64_t gone) = 0;
  // The engine starts again from an empty state.
  virtual void OnReset() = 0;
};

}  // namespace spamradar::cluster

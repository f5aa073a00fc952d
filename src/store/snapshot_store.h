// SnapshotStore: where folds keep their state between runs.
//
// A snapshot is a fold's serialized state together with the log sequence it
// covers; on start a fold loads its snapshot and replays the log after it.
// A snapshot is only ever a cache of the log: losing one costs a replay.
// Safe to use from one thread at a time per instance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace spamradar::store {

struct Snapshot {
  uint64_t sequence = 0;  // the last report folded into `state`
  std::string state;
};

class SnapshotStore {
 public:
  virtual ~SnapshotStore() = default;
  virtual Status SaveSnapshot(std::string_view name, const Snapshot& snapshot) = 0;
  virtual Result<std::optional<Snapshot>> LoadSnapshot(std::string_view name) = 0;
  virtual Status DeleteSnapshot(std::string_view name) = 0;
};

}  // namespace spamradar::store

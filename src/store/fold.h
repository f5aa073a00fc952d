// Fold: state derived from the report log by applying its reports in log
// order, kept between runs as a snapshot.
//
// A fold must be deterministic: the same reports in the same order give the
// same state, byte for byte once serialized, on any machine. That is what lets
// `spamradar rebuild` (Reset, then fold the whole log) be checked against the
// live state, and a snapshot be dropped at any time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "domain/report.h"
#include "store/report_log.h"
#include "store/snapshot_store.h"

namespace spamradar::store {

class Fold {
 public:
  virtual ~Fold() = default;
  // Names the snapshot; changes when the serialized form changes meaning.
  virtual std::string_view name() const = 0;
  virtual void Apply(const Report& report) = 0;
  virtual void Reset() = 0;
  virtual std::string Serialize() const = 0;
  virtual Status Restore(std::string_view state) = 0;
  // Makes durable what the fold keeps outside its snapshot (the campaign
  // engine's archive), and reports a failure Apply() met; called after each
  // run of Apply() and before the snapshot is saved.
  virtual Status Sync() { return Status::Ok(); }
  // False for a fold that keeps no snapshots (yet): it is folded from the
  // start of the log each time a process opens the data directory.
  virtual bool persistent() const { return true; }
};

// Brings `fold` up to the end of the log: restores its snapshot when it has
// seen nothing yet (`*sequence` is 0), applies the reports after `*sequence`
// (the last one it has seen, updated), and saves a new snapshot after a run of
// 10,000 reports or more or one crossing a multiple of 10,000 (a restart
// replays fewer than 20,000). A snapshot that fails to restore is discarded and
// the log replayed. With `max_reports`, applies at most that many (0: all).
Status CatchUp(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence,
               uint64_t max_reports = 0);

// Forgets the fold's state and snapshot, folds the whole log again and saves
// a snapshot.
Status Rebuild(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence);

}  // namespace spamradar::store

#include "store/fold.h"

namespace spamradar::store {
namespace {

// A snapshot is only a cache of the log, and writing one serializes the whole
// state: after every batch of an API server that is most of the work. So
// one is written by a rebuild, by a run of at least kSnapshotEvery reports,
// and when a run crosses a multiple of kSnapshotEvery; a restart replays
// fewer than twice that many reports.
constexpr uint64_t kSnapshotEvery = 10000;

Status ApplyTail(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence,
                 bool save, uint64_t max_reports = 0) {
  const uint64_t start = *sequence;
  uint64_t applied = 0;
  Status scanned = log.Scan(start, [&](const Report& report) {
    fold.Apply(report);
    *sequence = report.sequence;
    return max_reports == 0 || ++applied < max_reports;
  });
  if (!scanned.ok()) return scanned;
  if (Status synced = fold.Sync(); !synced.ok()) return synced;
  if (*sequence == start || !fold.persistent()) return Status::Ok();
  save = save || *sequence - start >= kSnapshotEvery ||
         *sequence / kSnapshotEvery != start / kSnapshotEvery;
  if (!save) return Status::Ok();
  return snapshots.SaveSnapshot(fold.name(), {*sequence, fold.Serialize()});
}

}  // namespace

Status CatchUp(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence,
               uint64_t max_reports) {
  // Only a fold that has seen nothing in this process starts from a snapshot;
  // once running, it follows the log (reading the snapshot back each time
  // cost a copy of the whole state).
  if (!fold.persistent() || *sequence > 0) {
    return ApplyTail(log, snapshots, fold, sequence, false, max_reports);
  }
  Result<std::optional<Snapshot>> snapshot = snapshots.LoadSnapshot(fold.name());
  if (!snapshot.ok()) return snapshot.status();
  if (snapshot->has_value() && (*snapshot)->sequence > *sequence) {
    if (fold.Restore((*snapshot)->state).ok()) {
      *sequence = (*snapshot)->sequence;
    } else {
      // Only a cache of the log: fold everything again.
      fold.Reset();
      *sequence = 0;
    }
  }
  return ApplyTail(log, snapshots, fold, sequence, false, max_reports);
}

Status Rebuild(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence) {
  if (Status status = snapshots.DeleteSnapshot(fold.name()); !status.ok()) return status;
  fold.Reset();
  *sequence = 0;
  return ApplyTail(log, snapshots, fold, sequence, true);
}

}  // namespace spamradar::store

#include "store/fold.h"

namespace spamradar::store {
namespace {

Status ApplyTail(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence) {
  const uint64_t start = *sequence;
  Status scanned = log.Scan(start, [&](const Report& report) {
    fold.Apply(report);
    *sequence = report.sequence;
    return true;
  });
  if (!scanned.ok()) return scanned;
  if (Status synced = fold.Sync(); !synced.ok()) return synced;
  if (*sequence == start || !fold.persistent()) return Status::Ok();
  return snapshots.SaveSnapshot(fold.name(), {*sequence, fold.Serialize()});
}

}  // namespace

Status CatchUp(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence) {
  if (!fold.persistent()) return ApplyTail(log, snapshots, fold, sequence);
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
  return ApplyTail(log, snapshots, fold, sequence);
}

Status Rebuild(ReportLog& log, SnapshotStore& snapshots, Fold& fold, uint64_t* sequence) {
  if (Status status = snapshots.DeleteSnapshot(fold.name()); !status.ok()) return status;
  fold.Reset();
  *sequence = 0;
  return ApplyTail(log, snapshots, fold, sequence);
}

}  // namespace spamradar::store

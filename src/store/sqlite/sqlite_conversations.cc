// SqliteStore's ConversationStore half: tables of migration 2.
#include "store/sqlite/sqlite_store.h"

namespace spamradar::store::sqlite {
namespace {

PendingReport PendingFromRow(const Statement& row) {
  return PendingReport{std::string(row.ColumnText(0)), std::string(row.ColumnText(1)),
                       std::string(row.ColumnText(2)), std::string(row.ColumnText(3)),
                       FromUnixMillis(row.ColumnInt(4))};
}

// Fingerprints are unsigned 64-bit; SQLite integers are signed.
int64_t AsColumn(uint64_t fingerprint) {
  return static_cast<int64_t>(fingerprint);
}

}  // namespace

Result<std::optional<PendingReport>> SqliteStore::LoadPending(std::string_view reporter_hash) {
  Result<Statement> load = db_->Prepare(
      "SELECT reporter_hash, metro, body, operator, received_at FROM pending_reports "
      "WHERE reporter_hash = ?");
  if (!load.ok()) return load.status();
  load->Bind(1, reporter_hash);
  Result<bool> row = load->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<PendingReport>();
  return std::optional<PendingReport>(PendingFromRow(*load));
}

Status SqliteStore::SavePending(const PendingReport& pending) {
  Result<Statement> save = db_->Prepare(
      "INSERT OR REPLACE INTO pending_reports (reporter_hash, metro, body, operator, received_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!save.ok()) return save.status();
  save->Bind(1, pending.reporter_hash);
  save->Bind(2, pending.metro);
  save->Bind(3, pending.body);
  save->Bind(4, pending.operator_name);
  save->Bind(5, ToUnixMillis(pending.received_at));
  return save->Run();
}

Status SqliteStore::DeletePending(std::string_view reporter_hash) {
  Result<Statement> erase = db_->Prepare("DELETE FROM pending_reports WHERE reporter_hash = ?");
  if (!erase.ok()) return erase.status();
  erase->Bind(1, reporter_hash);
  return erase->Run();
}

Result<std::vector<PendingReport>> SqliteStore::PendingBefore(Timestamp cutoff) {
  Result<Statement> list = db_->Prepare(
      "SELECT reporter_hash, metro, body, operator, received_at FROM pending_reports "
      "WHERE received_at < ? ORDER BY received_at, reporter_hash");
  if (!list.ok()) return list.status();
  list->Bind(1, ToUnixMillis(cutoff));
  std::vector<PendingReport> out;
  for (;;) {
    Result<bool> row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(PendingFromRow(*list));
  }
}

Result<bool> SqliteStore::ForwardedSince(std::string_view reporter_hash, uint64_t fingerprint,
                                         Timestamp since) {
  Result<Statement> find = db_->Prepare(
      "SELECT 1 FROM recent_forwards WHERE reporter_hash = ? AND fingerprint = ? AND at >= ?");
  if (!find.ok()) return find.status();
  find->Bind(1, reporter_hash);
  find->Bind(2, AsColumn(fingerprint));
  find->Bind(3, ToUnixMillis(since));
  return find->Step();
}

Status SqliteStore::RecordForward(std::string_view reporter_hash, uint64_t fingerprint,
                                  Timestamp at) {
  Result<Statement> record = db_->Prepare(
      "INSERT OR REPLACE INTO recent_forwards (reporter_hash, fingerprint, at) VALUES (?, ?, ?)");
  if (!record.ok()) return record.status();
  record->Bind(1, reporter_hash);
  record->Bind(2, AsColumn(fingerprint));
  record->Bind(3, ToUnixMillis(at));
  return record->Run();
}

Status SqliteStore::PruneForwards(Timestamp cutoff) {
  Result<Statement> prune = db_->Prepare("DELETE FROM recent_forwards WHERE at < ?");
  if (!prune.ok()) return prune.status();
  prune->Bind(1, ToUnixMillis(cutoff));
  return prune->Run();
}

Result<bool> SqliteStore::OptedOut(std::string_view reporter_hash) {
  Result<Statement> find = db_->Prepare("SELECT 1 FROM opted_out WHERE reporter_hash = ?");
  if (!find.ok()) return find.status();
  find->Bind(1, reporter_hash);
  return find->Step();
}

Status SqliteStore::SetOptedOut(std::string_view reporter_hash, bool opted_out) {
  Result<Statement> change =
      db_->Prepare(opted_out ? "INSERT OR IGNORE INTO opted_out (reporter_hash) VALUES (?)"
                             : "DELETE FROM opted_out WHERE reporter_hash = ?");
  if (!change.ok()) return change.status();
  change->Bind(1, reporter_hash);
  return change->Run();
}

}  // namespace spamradar::store::sqlite

// The schema, as numbered migrations. Never edit a migration that has shipped:
// add the next one. Enum columns store the values of domain/report.h
// (Channel: 0 unknown, 1 sms, 2 mms, 3 imessage, 4 rcs; SenderKind: 0 none,
// 1 phone, 2 short code, 3 email, 4 alphanumeric), which must not be renumbered.
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace spamradar::store::sqlite {
namespace {

constexpr const char* kMigrations[] = {
    // 1: the report log and fold snapshots.
    R"sql(
CREATE TABLE reports (
  sequence INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  reported_at INTEGER NOT NULL,
  received_at INTEGER,
  ingested_at INTEGER NOT NULL,
  reporter_hash TEXT NOT NULL,
  metro TEXT NOT NULL,
  sender_kind INTEGER NOT NULL,
  sender TEXT NOT NULL,
  channel INTEGER NOT NULL,
  channel_inferred INTEGER NOT NULL,
  operator TEXT NOT NULL,
  source TEXT NOT NULL,
  body TEXT NOT NULL,
  domains TEXT NOT NULL,
  brands TEXT NOT NULL,
  phones TEXT NOT NULL,
  short_codes TEXT NOT NULL,
  emails TEXT NOT NULL
);
CREATE TABLE snapshots (
  name TEXT PRIMARY KEY,
  sequence INTEGER NOT NULL,
  state BLOB NOT NULL
);
)sql",
    // 2: the 7726 conversations.
    R"sql(
CREATE TABLE pending_reports (
  reporter_hash TEXT PRIMARY KEY,
  metro TEXT NOT NULL,
  body TEXT NOT NULL,
  operator TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX pending_reports_by_time ON pending_reports (received_at);
CREATE TABLE recent_forwards (
  reporter_hash TEXT NOT NULL,
  fingerprint INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (reporter_hash, fingerprint)
);
CREATE INDEX recent_forwards_by_time ON recent_forwards (at);
CREATE TABLE opted_out (
  reporter_hash TEXT PRIMARY KEY
);
)sql",
    // 3: API keys, by the SHA-256 of the key.
    R"sql(
CREATE TABLE api_keys (
  hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
)sql",
    // 4: more of each report's analysis, so that the folds need not analyze
    // its text again: the calls to action it makes, its shingle text (the
    // normalized text with links, numbers and addresses as slots), and the
    // stamp of the analysis they came from (0 for reports stored before).
    R"sql(
ALTER TABLE reports ADD COLUMN cues TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN shingle_text TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN analysis_stamp INTEGER NOT NULL DEFAULT 0;
)sql",
};

}  // namespace

int LatestSchemaVersion() {
  return static_cast<int>(std::size(kMigrations));
}

Status Migrate(Db* db) {
  if (Status status =
          db->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                   "applied_at INTEGER NOT NULL DEFAULT (unixepoch()))");
      !status.ok()) {
    return status;
  }
  for (int version = 1; version <= LatestSchemaVersion(); ++version) {
    Result<Transaction> transaction = Transaction::Begin(db);
    if (!transaction.ok()) return transaction.status();
    Result<Statement> applied = db->Prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
    if (!applied.ok()) return applied.status();
    applied->Bind(1, static_cast<int64_t>(version));
    Result<bool> row = applied->Step();
    if (!row.ok()) return row.status();
    if (*row) continue;  // the transaction rolls back: nothing was written
    if (Status status = db->Exec(kMigrations[version - 1]); !status.ok()) {
      return Status::Internal("schema migration " + std::to_string(version) +
                              " failed: " + status.message());
    }
    Result<Statement> record = db->Prepare("INSERT INTO schema_migrations (version) VALUES (?)");
    if (!record.ok()) return record.status();
    record->Bind(1, static_cast<int64_t>(version));
    if (Status status = record->Run(); !status.ok()) return status;
    if (Status status = transaction->Commit(); !status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace spamradar::store::sqlite

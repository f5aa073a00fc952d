// SqliteStore: the embedded store, one SQLite database (WAL mode) in the data
// directory: the report log, fold snapshots, and the 7726 conversations.
//
// Durability: synchronous=FULL, so a committed batch survives a crash or a
// power cut; Append() returns only after its commit. The schema is created
// and upgraded by numbered migrations (sqlite_schema.cc). Several processes
// may open one directory (SQLite serializes writers); one instance belongs to
// one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "store/conversation_store.h"
#include "store/key_store.h"
#include "store/report_log.h"
#include "store/snapshot_store.h"
#include "store/sqlite/sqlite_db.h"

namespace spamradar::store::sqlite {

class SqliteStore final : public ReportLog,
                          public SnapshotStore,
                          public ConversationStore,
                          public KeyStore {
 public:
  static constexpr const char* kDatabaseFile = "spamradar.db";

  // Creates the directory (mode 0700) and the database when absent, and
  // brings the schema up to date.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& data_dir);
  // The same schema in memory, gone on close (fuzzing, throw-away runs).
  static Result<std::unique_ptr<SqliteStore>> OpenInMemory();

  Result<std::vector<AppendOutcome>> Append(std::span<Report> reports) override;
  Status Scan(uint64_t after, const std::function<bool(const Report&)>& visit) override;
  Result<uint64_t> LastSequence() override;

  Status SaveSnapshot(std::string_view name, const Snapshot& snapshot) override;
  Result<std::optional<Snapshot>> LoadSnapshot(std::string_view name) override;
  Status DeleteSnapshot(std::string_view name) override;

  Result<std::optional<PendingReport>> LoadPending(std::string_view reporter_hash) override;
  Status SavePending(const PendingReport& pending) override;
  Status DeletePending(std::string_view reporter_hash) override;
  Result<std::vector<PendingReport>> PendingBefore(Timestamp cutoff) override;
  Result<bool> ForwardedSince(std::string_view reporter_hash, uint64_t text_fingerprint,
                              Timestamp since) override;
  Status RecordForward(std::string_view reporter_hash, uint64_t text_fingerprint,
                       Timestamp at) override;
  Status PruneForwards(Timestamp cutoff) override;
  Result<bool> OptedOut(std::string_view reporter_hash) override;
  Status SetOptedOut(std::string_view reporter_hash, bool opted_out) override;

  Status AddKey(const StoredKey& key) override;
  Result<std::optional<StoredKey>> FindKey(std::string_view hash) override;
  Result<std::vector<StoredKey>> ListKeys() override;
  Result<bool> RevokeKey(std::string_view id) override;

  // "ok", or the problems PRAGMA integrity_check finds.
  Result<std::string> IntegrityCheck();
  // The schema version the database is at.
  Result<int> SchemaVersion();

  // For components of store/ that keep tables of their own (conversations).
  Db* db() { return db_.get(); }

 private:
  explicit SqliteStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  static Result<std::unique_ptr<SqliteStore>> Finish(std::unique_ptr<Db> db,
                                                     const std::string& where);
  Status PrepareStatements();

  std::unique_ptr<Db> db_;
  std::optional<Statement> insert_report_;
  std::optional<Statement> find_report_;
};

// Applies the migrations `db` has not had yet, each in its own transaction.
Status Migrate(Db* db);
// The newest schema version this build knows.
int LatestSchemaVersion();

}  // namespace spamradar::store::sqlite

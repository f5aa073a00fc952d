#include "store/sqlite/sqlite_campaign_archive.h"

#include <filesystem>

namespace spamradar::store::sqlite {
namespace {

// A campaign archived and later revived keeps its row (revived_at set) until
// a rewind to before its revival makes it dormant again.
// The archive is derived state (the fold rewinds it and fills it again), so
// an archive of another layout is dropped rather than migrated.
constexpr int kLayout = 2;
constexpr const char* kDropOldLayout = R"sql(
DROP TABLE IF EXISTS dormant_campaigns;
DROP TABLE IF EXISTS dormant_keys;
DROP TABLE IF EXISTS archive_meta;
)sql";
constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA cache_size = -8192;
CREATE TABLE IF NOT EXISTS dormant_campaigns (
  id INTEGER NOT NULL,
  archived_at INTEGER NOT NULL,
  revived_at INTEGER,
  state BLOB NOT NULL,
  fingerprint BLOB NOT NULL,
  summary BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS dormant_campaigns_by_id ON dormant_campaigns (id);
CREATE TABLE IF NOT EXISTS dormant_keys (
  key INTEGER NOT NULL,
  id INTEGER NOT NULL,
  archived_at INTEGER NOT NULL,
  PRIMARY KEY (key, id, archived_at)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_meta (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
)sql";

int64_t AsSql(uint64_t value) {
  return static_cast<int64_t>(value);
}

}  // namespace

Result<std::unique_ptr<SqliteCampaignArchive>> SqliteCampaignArchive::OpenAt(
    const std::string& path) {
  Result<std::unique_ptr<Db>> db = Db::Open(path);
  if (!db.ok()) return db.status();
  Result<Statement> layout = (*db)->Prepare("PRAGMA user_version");
  if (!layout.ok()) return layout.status();
  Result<bool> has = layout->Step();
  if (!has.ok()) return has.status();
  const bool current = *has && layout->ColumnInt(0) == kLayout;
  layout->Reset();
  if (!current) {
    if (Status status = (*db)->Exec(kDropOldLayout); !status.ok()) return status;
  }
  if (Status status = (*db)->Exec(kSchema); !status.ok()) return status;
  if (!current) {
    if (Status status = (*db)->Exec("PRAGMA user_version = " + std::to_string(kLayout));
        !status.ok()) {
      return status;
    }
  }
  auto archive = std::unique_ptr<SqliteCampaignArchive>(new SqliteCampaignArchive(std::move(*db)));
  Result<Statement> written =
      archive->db_->Prepare("SELECT value FROM archive_meta WHERE name = 'written_to'");
  if (!written.ok()) return written.status();
  Result<bool> row = written->Step();
  if (!row.ok()) return row.status();
  if (*row) archive->written_to_ = static_cast<uint64_t>(written->ColumnInt(0));
  return archive;
}

Result<std::unique_ptr<SqliteCampaignArchive>> SqliteCampaignArchive::Open(
    const std::string& data_dir) {
  return OpenAt((std::filesystem::path(data_dir) / kDatabaseFile).string());
}

Result<std::unique_ptr<SqliteCampaignArchive>> SqliteCampaignArchive::OpenInMemory() {
  return OpenAt(":memory:");
}

Status SqliteCampaignArchive::EnsureTransaction() {
  if (transaction_) return Status::Ok();
  Result<Transaction> begun = Transaction::Begin(db_.get());
  if (!begun.ok()) return begun.status();
  transaction_.emplace(std::move(*begun));
  return Status::Ok();
}

// Remembers the latest stamp, so that a rewind to after it has nothing to do.
Status SqliteCampaignArchive::Stamp(uint64_t at) {
  if (at <= written_to_) return Status::Ok();
  written_to_ = at;
  if (!stamp_) {
    Result<Statement> update = db_->Prepare(
        "INSERT INTO archive_meta (name, value) VALUES ('written_to', ?1) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    if (!update.ok()) return update.status();
    stamp_.emplace(std::move(*update));
  }
  stamp_->Bind(1, AsSql(at));
  return stamp_->Run();
}

Status SqliteCampaignArchive::Put(uint64_t id, uint64_t at, std::string_view state,
                                  std::string_view fingerprint, std::string_view summary,
                                  std::span<const uint64_t> keys) {
  if (Status status = EnsureTransaction(); !status.ok()) return status;
  if (!insert_campaign_) {
    Result<Statement> campaign = db_->Prepare(
        "INSERT INTO dormant_campaigns (id, archived_at, state, fingerprint, summary) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!campaign.ok()) return campaign.status();
    insert_campaign_.emplace(std::move(*campaign));
    Result<Statement> key = db_->Prepare(
        "INSERT OR IGNORE INTO dormant_keys (key, id, archived_at) VALUES (?1, ?2, ?3)");
    if (!key.ok()) return key.status();
    insert_key_.emplace(std::move(*key));
  }
  insert_campaign_->Bind(1, AsSql(id));
  insert_campaign_->Bind(2, AsSql(at));
  insert_campaign_->BindBlob(3, state);
  insert_campaign_->BindBlob(4, fingerprint);
  insert_campaign_->BindBlob(5, summary);
  if (Status status = insert_campaign_->Run(); !status.ok()) return status;
  for (const uint64_t key : keys) {
    insert_key_->Bind(1, AsSql(key));
    insert_key_->Bind(2, AsSql(id));
    insert_key_->Bind(3, AsSql(at));
    if (Status status = insert_key_->Run(); !status.ok()) return status;
  }
  return Stamp(at);
}

Result<std::optional<std::string>> SqliteCampaignArchive::Take(uint64_t id, uint64_t at) {
  if (Status status = EnsureTransaction(); !status.ok()) return status;
  if (!find_active_) {
    Result<Statement> find = db_->Prepare(
        "SELECT rowid, state FROM dormant_campaigns WHERE id = ?1 AND revived_at IS NULL");
    if (!find.ok()) return find.status();
    find_active_.emplace(std::move(*find));
    Result<Statement> revive =
        db_->Prepare("UPDATE dormant_campaigns SET revived_at = ?2 WHERE rowid = ?1");
    if (!revive.ok()) return revive.status();
    revive_.emplace(std::move(*revive));
  }
  find_active_->Bind(1, AsSql(id));
  Result<bool> row = find_active_->Step();
  if (!row.ok() || !*row) {
    find_active_->Reset();
    if (!row.ok()) return row.status();
    return std::optional<std::string>();
  }
  const int64_t rowid = find_active_->ColumnInt(0);
  std::string state(find_active_->ColumnText(1));
  find_active_->Reset();
  revive_->Bind(1, rowid);
  revive_->Bind(2, AsSql(at));
  if (Status status = revive_->Run(); !status.ok()) return status;
  if (Status status = Stamp(at); !status.ok()) return status;
  return std::optional<std::string>(std::move(state));
}

Result<std::optional<std::string>> SqliteCampaignArchive::Get(uint64_t id) {
  Result<Statement> find =
      db_->Prepare("SELECT state FROM dormant_campaigns WHERE id = ?1 AND revived_at IS NULL");
  if (!find.ok()) return find.status();
  find->Bind(1, AsSql(id));
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(find->ColumnText(0)));
}

Result<std::optional<std::string>> SqliteCampaignArchive::GetSummary(uint64_t id) {
  if (!find_summary_) {
    Result<Statement> find =
        db_->Prepare("SELECT summary FROM dormant_campaigns WHERE id = ?1 AND revived_at IS NULL");
    if (!find.ok()) return find.status();
    find_summary_.emplace(std::move(*find));
  }
  find_summary_->Bind(1, AsSql(id));
  Result<bool> row = find_summary_->Step();
  std::optional<std::string> summary;
  if (row.ok() && *row) summary = std::string(find_summary_->ColumnText(0));
  find_summary_->Reset();
  if (!row.ok()) return row.status();
  return summary;
}

Result<std::vector<CampaignArchive::Candidate>> SqliteCampaignArchive::Lookup(uint64_t key,
                                                                              size_t limit) {
  if (!lookup_) {
    Result<Statement> lookup = db_->Prepare(
        "SELECT c.id, c.fingerprint FROM dormant_keys k JOIN dormant_campaigns c "
        "ON c.id = k.id AND c.archived_at = k.archived_at "
        "WHERE k.key = ?1 AND c.revived_at IS NULL ORDER BY k.id LIMIT ?2");
    if (!lookup.ok()) return lookup.status();
    lookup_.emplace(std::move(*lookup));
  }
  lookup_->Bind(1, AsSql(key));
  lookup_->Bind(2, static_cast<int64_t>(limit));
  std::vector<Candidate> candidates;
  for (;;) {
    Result<bool> row = lookup_->Step();
    if (!row.ok()) {
      lookup_->Reset();
      return row.status();
    }
    if (!*row) break;
    candidates.push_back(
        {static_cast<uint64_t>(lookup_->ColumnInt(0)), std::string(lookup_->ColumnText(1))});
  }
  lookup_->Reset();
  return candidates;
}

Status SqliteCampaignArchive::ScanCampaigns(
    const std::function<bool(uint64_t id, std::string_view state)>& visit) {
  Result<Statement> scan =
      db_->Prepare("SELECT id, state FROM dormant_campaigns WHERE revived_at IS NULL ORDER BY id");
  if (!scan.ok()) return scan.status();
  for (;;) {
    Result<bool> row = scan->Step();
    if (!row.ok()) return row.status();
    if (!*row || !visit(static_cast<uint64_t>(scan->ColumnInt(0)), scan->ColumnText(1))) break;
  }
  return Status::Ok();
}

Status SqliteCampaignArchive::ScanKeys(const std::function<void(uint64_t key)>& visit) {
  Result<Statement> scan = db_->Prepare("SELECT key FROM dormant_keys");
  if (!scan.ok()) return scan.status();
  for (;;) {
    Result<bool> row = scan->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    visit(static_cast<uint64_t>(scan->ColumnInt(0)));
  }
  return Status::Ok();
}

Status SqliteCampaignArchive::Rewind(uint64_t sequence) {
  if (written_to_ <= sequence) return Status::Ok();
  if (Status status = EnsureTransaction(); !status.ok()) return status;
  const std::string at = std::to_string(sequence);
  const std::string sql =
      sequence == 0
          ? "DELETE FROM dormant_keys; DELETE FROM dormant_campaigns;"
          : "DELETE FROM dormant_keys WHERE archived_at > " + at +
                "; DELETE FROM dormant_campaigns WHERE archived_at > " + at +
                "; UPDATE dormant_campaigns SET revived_at = NULL WHERE revived_at > " + at + ";";
  if (Status status = db_->Exec(sql); !status.ok()) return status;
  if (Status status =
          db_->Exec("UPDATE archive_meta SET value = " + at + " WHERE name = 'written_to'");
      !status.ok()) {
    return status;
  }
  written_to_ = sequence;
  return Status::Ok();
}

Status SqliteCampaignArchive::Sync() {
  if (!transaction_) return Status::Ok();
  Status committed = transaction_->Commit();
  transaction_.reset();
  return committed;
}

}  // namespace spamradar::store::sqlite

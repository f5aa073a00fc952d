// SqliteCampaignArchive: the CampaignArchive in its own SQLite database
// (campaigns.db in the data directory), apart from the report log so that
// archiving during a fold never waits for the write lock an import holds.
//
// Changes collect in one open transaction and are committed by Sync(); a
// crash before it loses them, which Rewind() at the next start would have
// undone anyway. Keys are stored as SQLite's signed 64-bit integers.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/campaign_archive.h"
#include "store/sqlite/sqlite_db.h"

namespace spamradar::store::sqlite {

class SqliteCampaignArchive final : public CampaignArchive {
 public:
  static constexpr const char* kDatabaseFile = "campaigns.db";

  // Opens (creating when absent) DIR/campaigns.db.
  static Result<std::unique_ptr<SqliteCampaignArchive>> Open(const std::string& data_dir);
  // The same in memory, gone on close.
  static Result<std::unique_ptr<SqliteCampaignArchive>> OpenInMemory();

  Status Put(uint64_t id, uint64_t at, std::string_view state, std::string_view fingerprint,
             std::string_view summary, std::span<const uint64_t> keys) override;
  Result<std::optional<std::string>> Take(uint64_t id, uint64_t at) override;
  Result<std::optional<std::string>> Get(uint64_t id) override;
  Result<std::optional<std::string>> GetSummary(uint64_t id) override;
  Result<std::vector<Candidate>> Lookup(uint64_t key, size_t limit) override;
  Status ScanCampaigns(
      const std::function<bool(uint64_t id, std::string_view state)>& visit) override;
  Status ScanKeys(const std::function<void(uint64_t key)>& visit) override;
  Status Rewind(uint64_t sequence) override;
  Status Sync() override;

 private:
  static Result<std::unique_ptr<SqliteCampaignArchive>> OpenAt(const std::string& path);
  explicit SqliteCampaignArchive(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  Status EnsureTransaction();
  Status Stamp(uint64_t at);

  std::unique_ptr<Db> db_;
  std::optional<Transaction> transaction_;
  uint64_t written_to_ = 0;  // the latest stamp of any change, durable or not
  std::optional<Statement> insert_campaign_, insert_key_, find_active_, revive_, lookup_, stamp_,
      find_summary_;
};

}  // namespace spamradar::store::sqlite

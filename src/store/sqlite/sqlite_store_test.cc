#include "store/sqlite/sqlite_store.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace spamradar::store::sqlite {
namespace {

std::string FreshDirectory(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

Report MakeReport(const std::string& id, int minute) {
  Report r;
  r.id = id;
  r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::minutes(minute);
  r.reporter_hash = std::string(64, 'a');
  r.metro = "35620";
  r.sender = {SenderKind::kEmail, "lvdeals@icloud.com"};
  r.channel = Channel::kImessage;
  r.channel_inferred = true;
  r.operator_name = "acme";
  r.source = "import";
  r.body = "Louis Vuitton 80% off lvshop12.com \xF0\x9F\x91\x9C";
  r.domains = {"lvshop12.com", "bit.ly"};
  r.brands = {"Louis Vuitton"};
  r.short_codes = {"87070"};
  r.cues = {"shop now"};
  r.shingle_text = "louis vuitton {PERCENT} off {URL}";
  r.analysis_stamp = 0x9e3779b9;
  return r;
}

std::vector<Report> ScanAll(SqliteStore* store, uint64_t after = 0) {
  std::vector<Report> out;
  EXPECT_TRUE(store
                  ->Scan(after,
                         [&](const Report& r) {
                           out.push_back(r);
                           return true;
                         })
                  .ok());
  return out;
}

TEST(SqliteStoreTest, AppendsInOrderAndReadsBackEveryField) {
  const std::string dir = FreshDirectory("store_roundtrip");
  auto store = std::move(SqliteStore::Open(dir)).value();
  std::vector<Report> batch = {MakeReport("a", 0), MakeReport("b", 1)};
  batch[1].received_at = batch[1].reported_at - std::chrono::minutes(3);
  batch[1].domains.clear();
  Result<std::vector<AppendOutcome>> outcomes = store->Append(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  EXPECT_EQ((*outcomes)[0].sequence, 1u);
  EXPECT_EQ((*outcomes)[1].sequence, 2u);
  EXPECT_EQ(batch[1].sequence, 2u);
  const std::vector<Report> stored = ScanAll(store.get());
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0], batch[0]);
  EXPECT_EQ(stored[1], batch[1]);
  EXPECT_EQ(ScanAll(store.get(), 1).size(), 1u);
  EXPECT_EQ(*store->LastSequence(), 2u);
}

TEST(SqliteStoreTest, ALogFromBeforeTheStoredAnalysisOpensWithItsReportsUnstamped) {
  const std::string dir = FreshDirectory("store_v3");
  {
    // The layout of schema version 3: no cues, shingle text or stamp.
    auto store = std::move(SqliteStore::Open(dir)).value();
    std::vector<Report> first = {MakeReport("new", 0)};
    ASSERT_TRUE(store->Append(first).ok());
    ASSERT_TRUE(store->db()
                    ->Exec("DELETE FROM reports; DELETE FROM schema_migrations WHERE version = 4;"
                           "ALTER TABLE reports DROP COLUMN cues;"
                           "ALTER TABLE reports DROP COLUMN shingle_text;"
                           "ALTER TABLE reports DROP COLUMN analysis_stamp;"
                           "INSERT INTO reports (id, reported_at, ingested_at, reporter_hash, "
                           "metro, sender_kind, sender, channel, channel_inferred, operator, "
                           "source, body, domains, brands, phones, short_codes, emails) VALUES "
                           "('old', 0, 0, 'h', '35620', 0, '', 1, 0, '', 'import', "
                           "'Gucci 80% off gucci-outlet.shop', 'gucci-outlet.shop', 'Gucci', "
                           "'', '', '')")
                    .ok());
  }
  auto store = std::move(SqliteStore::Open(dir)).value();
  const std::vector<Report> stored = ScanAll(store.get());
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].id, "old");
  EXPECT_EQ(stored[0].body, "Gucci 80% off gucci-outlet.shop");
  EXPECT_EQ(stored[0].domains, std::vector<std::string>{"gucci-outlet.shop"});
  EXPECT_EQ(stored[0].analysis_stamp, 0u);  // its lists are read again by the folds
  EXPECT_TRUE(stored[0].cues.empty());
  EXPECT_TRUE(stored[0].shingle_text.empty());
  // New reports keep everything.
  std::vector<Report> later = {MakeReport("new", 1)};
  ASSERT_TRUE(store->Append(later).ok());
  const std::vector<Report> both = ScanAll(store.get());
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].analysis_stamp, 0x9e3779b9u);
  EXPECT_EQ(both[1].shingle_text, "louis vuitton {PERCENT} off {URL}");
}

TEST(SqliteStoreTest, DuplicateIdsAreStoredOnce) {
  auto store = std::move(SqliteStore::Open(FreshDirectory("store_duplicates"))).value();
  std::vector<Report> first = {MakeReport("a", 0)};
  ASSERT_TRUE(store->Append(first).ok());
  std::vector<Report> second = {MakeReport("b", 1), MakeReport("a", 2), MakeReport("b", 3)};
  Result<std::vector<AppendOutcome>> outcomes = store->Append(second);
  ASSERT_TRUE(outcomes.ok());
  EXPECT_FALSE((*outcomes)[0].duplicate);
  EXPECT_TRUE((*outcomes)[1].duplicate);
  EXPECT_EQ((*outcomes)[1].sequence, 1u);  // the earlier report's place
  EXPECT_TRUE((*outcomes)[2].duplicate);   // a repeat within the batch
  EXPECT_EQ(ScanAll(store.get()).size(), 2u);
}

TEST(SqliteStoreTest, SurvivesReopenAndKeepsTheDirectoryPrivate) {
  const std::string dir = FreshDirectory("store_reopen");
  {
    auto store = std::move(SqliteStore::Open(dir)).value();
    std::vector<Report> batch = {MakeReport("a", 0)};
    ASSERT_TRUE(store->Append(batch).ok());
    ASSERT_TRUE(store->SaveSnapshot("summary", {1, std::string("state\0bytes", 11)}).ok());
  }
  struct stat info {};
  ASSERT_EQ(stat(dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  auto store = std::move(SqliteStore::Open(dir)).value();
  EXPECT_EQ(ScanAll(store.get()).size(), 1u);
  EXPECT_EQ(*store->SchemaVersion(), LatestSchemaVersion());
  Result<std::optional<Snapshot>> snapshot = store->LoadSnapshot("summary");
  ASSERT_TRUE(snapshot.ok() && snapshot->has_value());
  EXPECT_EQ((*snapshot)->sequence, 1u);
  EXPECT_EQ((*snapshot)->state, std::string("state\0bytes", 11));
  EXPECT_FALSE(store->LoadSnapshot("other")->has_value());
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

TEST(SqliteStoreTest, RefusesANewerSchemaAndAFileThatIsNoDatabase) {
  const std::string dir = FreshDirectory("store_newer");
  {
    auto store = std::move(SqliteStore::Open(dir)).value();
    ASSERT_TRUE(store->db()->Exec("INSERT INTO schema_migrations (version) VALUES (999)").ok());
  }
  Result<std::unique_ptr<SqliteStore>> newer = SqliteStore::Open(dir);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer than this spamradar"), std::string::npos);

  const std::string garbage = FreshDirectory("store_garbage");
  std::filesystem::create_directories(garbage);
  std::ofstream(garbage + "/spamradar.db") << std::string(4096, 'x');
  Result<std::unique_ptr<SqliteStore>> bad = SqliteStore::Open(garbage);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption) << bad.status().ToString();
}

}  // namespace
}  // namespace spamradar::store::sqlite

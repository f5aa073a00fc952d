#include "store/sqlite/sqlite_campaign_archive.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace spamradar::store::sqlite {
namespace {

std::vector<uint64_t> Ids(CampaignArchive& archive, uint64_t key) {
  Result<std::vector<CampaignArchive::Candidate>> found = archive.Lookup(key, 10);
  EXPECT_TRUE(found.ok()) << found.status().message();
  std::vector<uint64_t> ids;
  if (found.ok()) {
    for (const auto& candidate : *found) ids.push_back(candidate.id);
  }
  return ids;
}

TEST(SqliteCampaignArchiveTest, PutTakeAndRewindAreUndoneInOrder) {
  auto opened = SqliteCampaignArchive::OpenInMemory();
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  CampaignArchive& archive = **opened;
  const uint64_t keys7[] = {100, 200};
  const uint64_t keys9[] = {200};
  ASSERT_TRUE(archive.Put(7, 5, "state of 7", "fp7", "seven", keys7).ok());
  ASSERT_TRUE(archive.Put(9, 6, "state of 9", "fp9", "nine", keys9).ok());
  EXPECT_EQ(Ids(archive, 200), (std::vector<uint64_t>{7, 9}));
  Result<std::vector<CampaignArchive::Candidate>> one = archive.Lookup(200, 1);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].fingerprint, "fp7");
  EXPECT_EQ(archive.GetSummary(9)->value_or(""), "nine");

  // Revived at 8: no longer dormant.
  Result<std::optional<std::string>> taken = archive.Take(7, 8);
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(taken->value_or(""), "state of 7");
  EXPECT_EQ(Ids(archive, 100), std::vector<uint64_t>{});
  EXPECT_FALSE(archive.Take(7, 9)->has_value());
  EXPECT_FALSE(archive.GetSummary(7)->has_value());  // active again

  // Back to the state after sequence 6: 7 is dormant again.
  ASSERT_TRUE(archive.Rewind(6).ok());
  EXPECT_EQ(Ids(archive, 100), std::vector<uint64_t>{7});
  EXPECT_EQ(archive.Get(7)->value_or(""), "state of 7");
  // Back to 5: 9 was archived later and is gone.
  ASSERT_TRUE(archive.Rewind(5).ok());
  EXPECT_EQ(Ids(archive, 200), std::vector<uint64_t>{7});
  EXPECT_FALSE(archive.Get(9)->has_value());
  ASSERT_TRUE(archive.Rewind(0).ok());
  size_t left = 0;
  ASSERT_TRUE(archive.ScanCampaigns([&](uint64_t, std::string_view) { return ++left > 0; }).ok());
  EXPECT_EQ(left, 0u);
}

TEST(SqliteCampaignArchiveTest, OnlySyncedChangesSurviveAReopen) {
  const std::string dir = ::testing::TempDir() + "/archive_reopen";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const uint64_t keys[] = {1};
  {
    auto archive = SqliteCampaignArchive::Open(dir);
    ASSERT_TRUE(archive.ok()) << archive.status().message();
    ASSERT_TRUE((*archive)->Put(3, 10, "three", "", "", keys).ok());
    ASSERT_TRUE((*archive)->Sync().ok());
    ASSERT_TRUE((*archive)->Put(4, 11, "four", "", "", keys).ok());
    // Closed without Sync(): as if the process died.
  }
  auto archive = SqliteCampaignArchive::Open(dir);
  ASSERT_TRUE(archive.ok()) << archive.status().message();
  EXPECT_EQ((*archive)->Get(3)->value_or(""), "three");
  EXPECT_FALSE((*archive)->Get(4)->has_value());
}

TEST(SqliteCampaignArchiveTest, AnArchiveOfAnOlderLayoutIsStartedAfresh) {
  const std::string dir = ::testing::TempDir() + "/archive_old_layout";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/" + SqliteCampaignArchive::kDatabaseFile;
  {
    Result<std::unique_ptr<Db>> db = Db::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TABLE dormant_campaigns (id INTEGER, archived_at INTEGER, "
                           "revived_at INTEGER, state BLOB, fingerprint BLOB);"
                           "INSERT INTO dormant_campaigns VALUES (1, 1, NULL, 'old', '');")
                    .ok());
  }
  auto archive = SqliteCampaignArchive::Open(dir);
  ASSERT_TRUE(archive.ok()) << archive.status().message();
  EXPECT_FALSE((*archive)->Get(1)->has_value());
  const uint64_t keys[] = {5};
  ASSERT_TRUE((*archive)->Put(2, 3, "two", "", "summary of two", keys).ok());
  EXPECT_EQ((*archive)->GetSummary(2)->value_or(""), "summary of two");
}

}  // namespace
}  // namespace spamradar::store::sqlite

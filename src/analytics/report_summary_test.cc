#include "analytics/report_summary.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace spamradar::analytics {
namespace {

Report MakeReport(int i) {
  Report r;
  r.id = "r" + std::to_string(i);
  r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::hours(7 * i);
  r.reporter_hash = (i % 3 == 0 ? "aa" : "bb") + std::string(62, 'c');
  r.metro = i % 2 == 0 ? "35620" : "31080";
  r.channel = i % 4 == 0 ? Channel::kImessage : Channel::kUnknown;
  r.channel_inferred = i % 4 == 0;
  r.sender = {SenderKind::kEmail, "s" + std::to_string(i % 5) + "@icloud.com"};
  r.source = i % 2 == 0 ? "import" : "api";
  r.body = "spam";
  r.domains = {"d" + std::to_string(i % 6) + ".com"};
  return r;
}

class ReportSummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = ::testing::TempDir() + "/summary_" +
                            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir);
    store_ = std::move(store::sqlite::SqliteStore::Open(dir)).value();
  }
  void Append(int from, int to) {
    std::vector<Report> batch;
    for (int i = from; i < to; ++i) batch.push_back(MakeReport(i));
    ASSERT_TRUE(store_->Append(batch).ok());
  }
  std::unique_ptr<store::sqlite::SqliteStore> store_;
};

TEST_F(ReportSummaryTest, RebuildGivesTheLiveStateByteForByte) {
  ReportSummary live;
  uint64_t live_sequence = 0;
  for (int batch = 0; batch < 4; ++batch) {
    Append(batch * 25, batch * 25 + 25);
    ASSERT_TRUE(store::CatchUp(*store_, *store_, live, &live_sequence).ok());
  }
  EXPECT_EQ(live.reports(), 100u);
  EXPECT_EQ(live.distinct_reporters(), 2u);
  EXPECT_EQ(live.by_source().at("api"), 50u);
  EXPECT_EQ(live.by_domain().size(), 6u);
  const std::string state = live.Serialize();

  ReportSummary rebuilt;
  uint64_t rebuilt_sequence = 0;
  ASSERT_TRUE(store::Rebuild(*store_, *store_, rebuilt, &rebuilt_sequence).ok());
  EXPECT_EQ(rebuilt_sequence, 100u);
  EXPECT_EQ(rebuilt.Serialize(), state);

  // A restart: the snapshot is loaded, not the log replayed, and it is the same state.
  ReportSummary restarted;
  uint64_t restarted_sequence = 0;
  ASSERT_TRUE(store::CatchUp(*store_, *store_, restarted, &restarted_sequence).ok());
  EXPECT_EQ(restarted_sequence, 100u);
  EXPECT_EQ(restarted.Serialize(), state);
}

TEST_F(ReportSummaryTest, ASnapshotIsWrittenEveryTenThousandReportsNotAfterEveryBatch) {
  // As the API server folds: a catch-up after each small batch.
  ReportSummary live;
  uint64_t sequence = 0;
  const auto saved = [&]() -> uint64_t {
    auto snapshot = store_->LoadSnapshot(live.name());
    return snapshot.ok() && snapshot->has_value() ? (*snapshot)->sequence : 0;
  };
  for (int batch = 0; batch < 12; ++batch) {
    Append(batch * 1000, batch * 1000 + 1000);
    ASSERT_TRUE(store::CatchUp(*store_, *store_, live, &sequence).ok());
    EXPECT_EQ(saved(), batch < 9 ? 0u : 10000u) << "after batch " << batch;
  }
  // A restart starts from the snapshot and replays the rest of the log.
  ReportSummary restarted;
  uint64_t restarted_sequence = 0;
  ASSERT_TRUE(store::CatchUp(*store_, *store_, restarted, &restarted_sequence).ok());
  EXPECT_EQ(restarted_sequence, 12000u);
  EXPECT_EQ(restarted.Serialize(), live.Serialize());
}

TEST_F(ReportSummaryTest, ABrokenSnapshotIsReplacedFromTheLog) {
  Append(0, 10);
  ASSERT_TRUE(store_->SaveSnapshot("report_summary/v1", {10, "{not json"}).ok());
  ReportSummary summary;
  uint64_t sequence = 0;
  ASSERT_TRUE(store::CatchUp(*store_, *store_, summary, &sequence).ok());
  EXPECT_EQ(summary.reports(), 10u);
  EXPECT_EQ(sequence, 10u);
  ReportSummary restored;
  EXPECT_FALSE(restored.Restore("[1,2,3]").ok());
  EXPECT_FALSE(restored.Restore(R"({"reports":"many"})").ok());
}

}  // namespace
}  // namespace spamradar::analytics

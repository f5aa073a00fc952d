#include "analytics/report_summary.h"

#include <cstdio>
#include <filesystem>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

// The API server folds a batch in steps so that readers of the fold wait for
// one step at a time: steps of any size give the state of one catch-up.
TEST_F(ReportSummaryTest, CatchingUpInStepsGivesTheSameState) {
  Append(0, 250);
  ReportSummary whole;
  uint64_t whole_sequence = 0;
  ASSERT_TRUE(store::CatchUp(*store_, *store_, whole, &whole_sequence).ok());
  ReportSummary stepped;
  uint64_t sequence = 0;
  int steps = 0;
  for (uint64_t before = ~0ull; before != sequence; ++steps) {
    before = sequence;
    ASSERT_TRUE(store::CatchUp(*store_, *store_, stepped, &sequence, 100).ok());
    EXPECT_LE(sequence - before, 100u);
  }
  EXPECT_EQ(steps, 4);  // 100, 100, 50, then nothing left
  EXPECT_EQ(sequence, 250u);
  EXPECT_EQ(stepped.Serialize(), whole.Serialize());
}

TEST_F(ReportSummaryTest, ABrokenSnapshotIsReplacedFromTheLog) {
  Append(0, 10);
  ASSERT_TRUE(store_->SaveSnapshot("report_summary/v2", {10, "{not json"}).ok());
  ReportSummary summary;
  uint64_t sequence = 0;
  ASSERT_TRUE(store::CatchUp(*store_, *store_, summary, &sequence).ok());
  EXPECT_EQ(summary.reports(), 10u);
  EXPECT_EQ(sequence, 10u);
  ReportSummary restored;
  EXPECT_FALSE(restored.Restore("[1,2,3]").ok());
  EXPECT_FALSE(restored.Restore(R"({"reports":"many"})").ok());
}

TEST(ReportSummaryKeysTest, ManyReportersRoundTripAndBrokenListsAreRefused) {
  // Reporter keys are the first 64 bits of hashes: any value, the extremes too.
  ReportSummary summary;
  Report r;
  r.source = "api";
  std::mt19937_64 random(7);
  for (int i = 0; i < 5000; ++i) {
    r.sequence = static_cast<uint64_t>(i + 1);
    char hash[17];
    std::snprintf(hash, sizeof(hash), "%016llx",
                  static_cast<unsigned long long>(i == 0   ? 0
                                                  : i == 1 ? ~0ull
                                                           : random()));
    r.reporter_hash = std::string(hash) + std::string(48, '0');
    summary.Apply(r);
    if (i % 3 == 0) summary.Apply(r);  // the same reporter again
  }
  ASSERT_EQ(summary.distinct_reporters(), 5000u);
  const std::string state = summary.Serialize();
  ReportSummary restored;
  ASSERT_TRUE(restored.Restore(state).ok());
  EXPECT_EQ(restored.distinct_reporters(), 5000u);
  EXPECT_EQ(restored.Serialize(), state);

  nlohmann::json broken = nlohmann::json::parse(state);
  const std::string keys = broken["reporters"];
  for (const std::string& bad : {keys.substr(0, keys.size() - 1),         // odd length
                                 keys.substr(0, keys.size() - 2) + "80",  // cut off
                                 keys + "00",                             // a key twice
                                 std::string("zz") + keys,                // not hex
                                 std::string(22, 'f') + "01"}) {          // over 64 bits
    broken["reporters"] = bad;
    EXPECT_FALSE(ReportSummary().Restore(broken.dump()).ok()) << bad.substr(0, 24);
  }
  broken["reporters"] = 42;
  EXPECT_FALSE(ReportSummary().Restore(broken.dump()).ok());
}

}  // namespace
}  // namespace spamradar::analytics

#include "simulate/simulator.h"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "intake/report_json.h"

namespace spamradar::simulate {
namespace {

std::vector<SimulatedReport> Stream(uint64_t reports, uint64_t seed) {
  SimulationOptions options;
  options.reports = reports;
  options.seed = seed;
  std::vector<SimulatedReport> out;
  EXPECT_TRUE(Simulate(options, [&](const SimulatedReport& r) {
                out.push_back(r);
                return Status::Ok();
              }).ok());
  return out;
}

TEST(SimulatorTest, SameSeedSameStreamOtherSeedOtherStream) {
  const auto a = Stream(2000, 1), b = Stream(2000, 1), c = Stream(2000, 2);
  ASSERT_EQ(a.size(), 2000u);
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].report_json, b[i].report_json);
    ASSERT_EQ(a[i].truth_json, b[i].truth_json);
  }
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i].report_json == c[i].report_json;
  EXPECT_LT(same, 10u);
}

TEST(SimulatorTest, EveryReportIsValidInTimeOrderWithItsTruth) {
  const Timestamp now = *ParseRfc3339("2014-06-01T00:00:00Z");
  Timestamp previous = FromUnixMillis(0);
  std::map<std::string, int> fields;
  for (const SimulatedReport& r : Stream(5000, 7726)) {
    Result<ReportSubmission> report = intake::ParseReportSubmission(r.report_json, now);
    ASSERT_TRUE(report.ok()) << report.status().ToString() << "\n" << r.report_json;
    EXPECT_GE(report->reported_at, previous);
    previous = report->reported_at;
    const auto truth = nlohmann::json::parse(r.truth_json);
    EXPECT_EQ(truth["id"], report->id);
    EXPECT_FALSE(truth["campaign"].get<std::string>().empty());
    fields["sender"] += !report->sender.empty();
    fields["channel"] += report->channel.has_value();
  }
  // Clients leave the sender and the channel out, as real ones do.
  EXPECT_GT(fields["sender"], 2500);
  EXPECT_LT(fields["sender"], 4500);
  EXPECT_GT(fields["channel"], 1000);
  EXPECT_LT(fields["channel"], 3000);
}

// The shape of the 2014 case, in the truth the stream is generated with.
TEST(SimulatorTest, ShapedLikeTheCounterfeitLuxuryCase) {
  std::map<std::string, std::pair<int, int>> by_metro;  // metro -> (luxury, all)
  int luxury = 0, total = 0;
  for (const SimulatedReport& r : Stream(60000, 7726)) {
    const auto truth = nlohmann::json::parse(r.truth_json);
    const bool is_luxury = truth["campaign"] == "counterfeit-luxury";
    luxury += is_luxury;
    ++total;
    auto& [l, a] = by_metro[truth["metro"].get<std::string>()];
    l += is_luxury;
    ++a;
  }
  EXPECT_NEAR(static_cast<double>(luxury) / total, 0.34, 0.02);
  std::vector<std::pair<double, std::string>> ranking;
  for (const auto& [metro, counts] : by_metro) {
    if (counts.second >= 600 && !metro.empty()) {
      ranking.push_back({static_cast<double>(counts.first) / counts.second, metro});
    }
  }
  std::sort(ranking.rbegin(), ranking.rend());
  ASSERT_GE(ranking.size(), 4u);
  // Los Angeles, San Diego, Miami, then New York near 47%.
  EXPECT_EQ(ranking[0].second, "31080");
  EXPECT_EQ(ranking[1].second, "41740");
  EXPECT_EQ(ranking[2].second, "33100");
  EXPECT_EQ(ranking[3].second, "35620");
  EXPECT_NEAR(ranking[3].first, 0.47, 0.03);
}

}  // namespace
}  // namespace spamradar::simulate

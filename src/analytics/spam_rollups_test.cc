#include "analytics/spam_rollups.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "analytics/distinct_counter.h"
#include "cluster/campaign_engine.h"

namespace spamradar::analytics {
namespace {

// The rollups as the fold builds them: a real campaign engine tells them.
class SpamRollupsTest : public ::testing::Test {
 protected:
  void SetUp() override { engine_.SetListener(&rollups_); }
  uint64_t Add(int day, const std::string& body, const std::string& metro = "35620",
               Channel channel = Channel::kSms, bool inferred = false,
               const std::string& sender = "", int reporter_number = 0) {
    Report r;
    r.sequence = ++sequence_;
    r.id = "r" + std::to_string(sequence_);
    r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::days(day) +
                    std::chrono::seconds(sequence_);
    // A distinct reporter per report, unless one is named by number.
    const uint64_t who = reporter_number != 0 ? 1000000 + reporter_number : sequence_;
    char reporter[17];
    std::snprintf(reporter, sizeof(reporter), "%016llx",
                  static_cast<unsigned long long>(who * 0x9E3779B97F4A7C15ull));
    r.reporter_hash = reporter + std::string(48, '0');
    r.body = body;
    r.metro = metro;
    r.channel = channel;
    r.channel_inferred = inferred;
    if (!sender.empty()) r.sender = {SenderKind::kPhone, sender};
    engine_.Apply(r);
    return engine_.CampaignOf(r.sequence);
  }
  static Scope Days(int from, int to) {
    Scope scope;
    const int64_t first = UtcDay(*ParseRfc3339("2014-03-01T00:00:00Z"));
    scope.from_day = first + from;
    scope.to_day = first + to;
    return scope;
  }

  uint64_t sequence_ = 0;
  cluster::CampaignEngine engine_;
  SpamRollups rollups_;
};

TEST_F(SpamRollupsTest, SharesByWindowMetroAndChannel) {
  uint64_t luxury = 0, parcel = 0;
  for (int day = 0; day < 4; ++day) {
    for (int i = 0; i < 3; ++i) {
      luxury = Add(day,
                   "Gucci & Prada up to " + std::to_string(50 + i) + "% off! Shop now: lvshop" +
                       std::to_string(day) + ".com",
                   i == 0 ? "31080" : "35620", Channel::kImessage, i == 2);
    }
    parcel = Add(
        day,
        "USPS: your parcel is on hold, pay the $1." + std::to_string(day) + "9 fee at usps-fee.top",
        "35620");
  }
  Add(3, "Win a free cruise! Reply YES to 55123", "31080");

  const std::vector<SpamRollups::CampaignCount> all = rollups_.Campaigns(Days(0, 3));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].campaign, luxury);
  EXPECT_EQ(all[0].reports, 12u);
  EXPECT_EQ(all[1].campaign, parcel);
  EXPECT_EQ(all[1].reports, 4u);
  EXPECT_EQ(rollups_.TotalsIn(Days(0, 3)).reports, 17u);
  // One day, one metro, one channel.
  EXPECT_EQ(rollups_.CampaignReports(luxury, Days(1, 1)), 3u);
  Scope new_york = Days(0, 3);
  new_york.metro = "35620";
  EXPECT_EQ(rollups_.TotalsIn(new_york).reports, 12u);
  EXPECT_EQ(rollups_.CampaignReports(luxury, new_york), 8u);
  Scope imessage = Days(0, 3);
  imessage.channel = Channel::kImessage;
  const SpamRollups::Totals by_channel = rollups_.TotalsIn(imessage);
  EXPECT_EQ(by_channel.reports, 12u);
  EXPECT_EQ(by_channel.channels[static_cast<int>(Channel::kImessage)][0], 8u);
  EXPECT_EQ(by_channel.channels[static_cast<int>(Channel::kImessage)][1], 4u);
  // Outside the window there is nothing.
  EXPECT_TRUE(rollups_.Campaigns(Days(10, 20)).empty());
  Scope nowhere = Days(0, 3);
  nowhere.metro = "99999";
  EXPECT_EQ(rollups_.TotalsIn(nowhere).reports, 0u);
}

TEST_F(SpamRollupsTest, MetrosDailySeriesBrandsAndSenders) {
  for (int day = 0; day < 3; ++day) {
    for (int i = 0; i <= day; ++i) {
      Add(day, "Louis Vuitton bags " + std::to_string(60 + i) + "% off at lvshop12.com",
          day == 2 ? "31080" : "35620", Channel::kSms, false, "+1212555010" + std::to_string(i));
    }
  }
  const uint64_t parcel = Add(2, "USPS: parcel on hold, pay at usps-fee.top", "31080");
  const uint64_t luxury = engine_.CampaignOf(1);
  const std::vector<SpamRollups::MetroCount> metros = rollups_.Metros(luxury, Days(0, 2));
  ASSERT_EQ(metros.size(), 2u);
  EXPECT_EQ(metros[0].cbsa, "31080");
  EXPECT_EQ(metros[0].reports, 4u);
  EXPECT_EQ(metros[0].campaign_reports, 3u);
  EXPECT_EQ(metros[1].cbsa, "35620");
  EXPECT_EQ(metros[1].campaign_reports, 3u);

  const std::vector<SpamRollups::DayCount> days = rollups_.Daily(Days(0, 4), parcel);
  ASSERT_EQ(days.size(), 5u);  // zeros included
  EXPECT_EQ(days[0].reports, 1u);
  EXPECT_EQ(days[2].reports, 4u);
  EXPECT_EQ(days[2].campaign_reports, 1u);
  EXPECT_EQ(days[4].reports, 0u);

  const std::vector<KeyCount> brands = rollups_.TopBrands(Days(0, 2), 5);
  ASSERT_EQ(brands.size(), 2u);
  EXPECT_EQ(brands[0].key, "Louis Vuitton");
  EXPECT_EQ(brands[0].count, 6u);
  EXPECT_EQ(brands[1].key, "USPS");
  uint64_t error = 1;
  const std::vector<KeyCount> domains = rollups_.TopDomains(Days(0, 2), 1, &error);
  ASSERT_EQ(domains.size(), 1u);
  EXPECT_EQ(domains[0].key, "lvshop12.com");
  EXPECT_EQ(domains[0].count, 6u);
  EXPECT_EQ(error, 0u);
  const std::vector<KeyCount> senders = rollups_.TopSenders(Days(0, 2), 10, &error);
  ASSERT_EQ(senders.size(), 3u);
  EXPECT_EQ(senders[0].key, "+12125550100");
  EXPECT_EQ(senders[0].count, 3u);
  const SpamRollups::Totals totals = rollups_.TotalsIn(Days(0, 2));
  EXPECT_EQ(totals.sender_kinds[static_cast<int>(SenderKind::kPhone)], 6u);
  EXPECT_EQ(totals.sender_kinds[static_cast<int>(SenderKind::kNone)], 1u);
  EXPECT_TRUE(totals.reporters_exact);
  EXPECT_EQ(totals.reporters, 7u);
}

TEST_F(SpamRollupsTest, MergedCampaignsCountAsOne) {
  // Two templates that look nothing alike, then a message carrying both
  // their phone numbers: the engine merges them, and the rollups follow.
  const uint64_t loans = Add(0, "Need cash fast? Call 1-888-555-0199 for a loan today");
  const uint64_t prizes = Add(0, "Congratulations, you won a cruise! Claim: 1-877-555-0142");
  ASSERT_NE(loans, prizes);
  EXPECT_EQ(rollups_.Campaigns(Days(0, 0)).size(), 2u);
  const uint64_t merged = Add(1, "Call 1-888-555-0199 or 1-877-555-0142 now");
  EXPECT_EQ(merged, std::min(loans, prizes));
  const std::vector<SpamRollups::CampaignCount> all = rollups_.Campaigns(Days(0, 1));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].campaign, merged);
  EXPECT_EQ(all[0].reports, 3u);
  EXPECT_EQ(rollups_.CampaignReports(std::max(loans, prizes), Days(0, 1)), 3u);
}

TEST_F(SpamRollupsTest, OneReportCampaignsRankAfterTheOthersByIdAndCountInFull) {
  const uint64_t cruise = Add(0, "Win a free cruise! Reply YES to 55123", "31080");
  const uint64_t loan = Add(1, "Need cash fast? Call 1-888-555-0199 for a loan today");
  const uint64_t luxury = Add(1, "Gucci & Prada up to 80% off! Shop now: lvshop1.com");
  Add(2, "Prada & Gucci up to 70% off! Shop now: lvshop2.com");
  const uint64_t pills = Add(2, "Cheap pills, no prescription: rx-meds.top");
  uint64_t in_scope = 0;
  const std::vector<SpamRollups::CampaignCount> top =
      rollups_.Campaigns(Days(0, 2), 3, 1, &in_scope);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].campaign, luxury);
  EXPECT_EQ(top[0].reports, 2u);
  EXPECT_EQ(top[1].campaign, cruise);
  EXPECT_EQ(top[1].reports, 1u);
  EXPECT_EQ(top[2].campaign, loan);
  EXPECT_EQ(in_scope, 4u);
  EXPECT_EQ(rollups_.Campaigns(Days(0, 2)).size(), 4u);
  EXPECT_EQ(rollups_.Campaigns(Days(0, 2), 10, 2).size(), 1u);
  // A one-report campaign is found in its own day and metro only.
  EXPECT_EQ(rollups_.CampaignReports(pills, Days(2, 2)), 1u);
  EXPECT_EQ(rollups_.CampaignReports(pills, Days(0, 1)), 0u);
  const std::vector<SpamRollups::MetroCount> metros = rollups_.Metros(cruise, Days(0, 2));
  ASSERT_EQ(metros.size(), 2u);
  EXPECT_EQ(metros[0].cbsa, "31080");
  EXPECT_EQ(metros[0].campaign_reports, 1u);
  EXPECT_EQ(metros[1].campaign_reports, 0u);
  // Its second report makes it an ordinary campaign, both reports counted.
  Add(3, "Win a free cruise! Reply YES to 55123 now", "35620");
  EXPECT_EQ(rollups_.CampaignReports(cruise, Days(0, 3)), 2u);
  EXPECT_EQ(rollups_.Campaigns(Days(0, 3), 1)[0].reports, 2u);
  EXPECT_EQ(rollups_.TotalsIn(Days(0, 3)).reports, 6u);
}

TEST_F(SpamRollupsTest, CampaignReportersAreCountedWithinTheScope) {
  constexpr int kAlice = 1, kBob = 2, kCarol = 3;
  const auto luxury_by = [&](int day, const std::string& metro, int who, int variant) {
    return Add(day,
               "Gucci & Prada up to " + std::to_string(60 + variant) + "% off! Shop: lvshop" +
                   std::to_string(variant) + ".com",
               metro, Channel::kImessage, false, "", who);
  };
  const uint64_t luxury = luxury_by(0, "35620", kAlice, 1);
  ASSERT_EQ(luxury_by(0, "35620", kAlice, 2), luxury);
  ASSERT_EQ(luxury_by(0, "35620", kBob, 3), luxury);
  ASSERT_EQ(luxury_by(1, "31080", kCarol, 4), luxury);
  ASSERT_EQ(luxury_by(2, "31080", kAlice, 5), luxury);

  const SpamRollups::Reporters all = rollups_.CampaignReporters(luxury, Days(0, 2));
  EXPECT_TRUE(all.exact);
  EXPECT_EQ(all.distinct, 3u);
  EXPECT_EQ(rollups_.CampaignReporters(luxury, Days(0, 0)).distinct, 2u);
  EXPECT_EQ(rollups_.CampaignReporters(luxury, Days(3, 9)).distinct, 0u);
  Scope los_angeles = Days(0, 2);
  los_angeles.metro = "31080";
  EXPECT_EQ(rollups_.CampaignReporters(luxury, los_angeles).distinct, 2u);
  Scope sms = Days(0, 2);
  sms.channel = Channel::kSms;
  EXPECT_EQ(rollups_.CampaignReporters(luxury, sms).distinct, 0u);
}

TEST_F(SpamRollupsTest, ReportersOfALargeCampaignInAnyScopeMatchACountOfItsReports) {
  // Enough reports to be kept by metro, some of them late (out of day order),
  // from a pool of reporters that repeat; every scope against a direct count.
  const char* kMetros[] = {"35620", "31080", "33100", "41740"};
  struct Sent {
    int day;
    std::string metro;
    Channel channel;
    int reporter;
  };
  std::vector<Sent> sent;
  std::mt19937 random(11);
  uint64_t luxury = 0;
  for (int i = 0; i < 900; ++i) {
    int day = i / 100;
    if (i % 37 == 0) day = std::max(0, day - 3);  // a late report
    const Sent s{day, kMetros[random() % 4], random() % 3 == 0 ? Channel::kSms : Channel::kImessage,
                 1 + static_cast<int>(random() % 300)};
    const uint64_t id = Add(s.day,
                            "Gucci & Prada up to " + std::to_string(50 + i % 40) +
                                "% off! Shop now: lvshop" + std::to_string(i % 7) + ".com",
                            s.metro, s.channel, false, "", s.reporter);
    if (luxury == 0) luxury = id;
    ASSERT_EQ(id, luxury) << i;
    sent.push_back(s);
  }
  for (int from = 0; from < 9; from += 2) {
    for (const int length : {0, 2, 8}) {
      for (const char* metro : {"", "35620", "41740"}) {
        for (const int channel : {-1, static_cast<int>(Channel::kSms)}) {
          Scope scope = Days(from, from + length);
          if (*metro != '\0') scope.metro = metro;
          if (channel >= 0) scope.channel = static_cast<Channel>(channel);
          std::set<int> expected;
          for (const Sent& s : sent) {
            if (s.day < from || s.day > from + length) continue;
            if (*metro != '\0' && s.metro != metro) continue;
            if (channel >= 0 && static_cast<int>(s.channel) != channel) continue;
            expected.insert(s.reporter);
          }
          const SpamRollups::Reporters got = rollups_.CampaignReporters(luxury, scope);
          EXPECT_TRUE(got.exact);
          EXPECT_EQ(got.distinct, expected.size())
              << "days " << from << "+" << length << " metro '" << metro << "' channel " << channel;
        }
      }
    }
  }
}

TEST_F(SpamRollupsTest, MergedCampaignsReportersAreTheUnionOfTheirs) {
  // Two one-report campaigns (Alice's, Bob's), merged by a third report of
  // Alice's: two distinct reporters, whichever id is asked about.
  const uint64_t loans = Add(0, "Need cash fast? Call 1-888-555-0199 for a loan today", "35620",
                             Channel::kSms, false, "", 1);
  const uint64_t prizes = Add(0, "Congratulations, you won a cruise! Claim: 1-877-555-0142",
                              "35620", Channel::kSms, false, "", 2);
  ASSERT_NE(loans, prizes);
  Add(1, "Call 1-888-555-0199 or 1-877-555-0142 now", "35620", Channel::kSms, false, "", 1);
  EXPECT_EQ(rollups_.CampaignReporters(loans, Days(0, 1)).distinct, 2u);
  EXPECT_EQ(rollups_.CampaignReporters(prizes, Days(0, 1)).distinct, 2u);
  EXPECT_EQ(rollups_.CampaignReporters(prizes, Days(1, 1)).distinct, 1u);
  EXPECT_EQ(rollups_.CampaignReporters(0, Days(0, 1)).distinct, 0u);  // no such campaign
}

TEST(DistinctCounterTest, ExactWhileSmallThenWithinTheStatedError) {
  DistinctCounter small;
  for (uint32_t i = 0; i < 3 * DistinctCounter::kExact; ++i) small.Add(i % DistinctCounter::kExact);
  EXPECT_TRUE(small.exact());
  EXPECT_EQ(small.Count(), DistinctCounter::kExact);

  std::mt19937 random(7);
  std::vector<uint32_t> values(200000);
  for (uint32_t& v : values) v = random();
  DistinctCounter large;
  for (int pass = 0; pass < 2; ++pass) {
    for (const uint32_t v : values) large.Add(v);
  }
  std::sort(values.begin(), values.end());
  const auto distinct =
      static_cast<double>(std::unique(values.begin(), values.end()) - values.begin());
  EXPECT_FALSE(large.exact());
  // Three standard errors (1.04 / sqrt(4096) each).
  EXPECT_NEAR(static_cast<double>(large.Count()), distinct, distinct * 3 * 0.0163);
}

TEST(CalendarTest, DaysInUtcOrInANamedZoneWithDaylightSaving) {
  const Calendar utc;
  auto day = [](const char* date) { return *ParseDay(date); };
  EXPECT_EQ(utc.name(), "UTC");
  EXPECT_EQ(utc.DayOf(*ParseRfc3339("2014-03-02T03:00:00Z")), day("2014-03-02"));
  Result<Calendar> new_york = Calendar::Named("America/New_York");
  ASSERT_TRUE(new_york.ok()) << new_york.status().message();
  // 22:00 on March 1 in New York (UTC-5 in winter) ...
  EXPECT_EQ(new_york->DayOf(*ParseRfc3339("2014-03-02T03:00:00Z")), day("2014-03-01"));
  EXPECT_EQ(new_york->DayOf(*ParseRfc3339("2014-03-02T05:00:00Z")), day("2014-03-02"));
  // ... and UTC-4 after the clocks changed on March 9.
  EXPECT_EQ(new_york->DayOf(*ParseRfc3339("2014-03-16T03:30:00Z")), day("2014-03-15"));
  EXPECT_EQ(new_york->DayOf(*ParseRfc3339("2014-03-16T04:30:00Z")), day("2014-03-16"));
  EXPECT_EQ(Calendar::Named("Asia/Kolkata")->DayOf(*ParseRfc3339("2014-03-01T18:31:00Z")),
            day("2014-03-02"));  // UTC+5:30
  EXPECT_FALSE(Calendar::Named("Mars/Olympus").ok());
  EXPECT_FALSE(Calendar::Named("New York").ok());
  EXPECT_EQ(Calendar::Named("UTC")->name(), "UTC");
}

TEST(SpamRollupsCalendarTest, ReportsCountOnTheDayOfTheRollupsZone) {
  cluster::CampaignEngine engine;
  SpamRollups rollups(*Calendar::Named("America/New_York"));
  engine.SetListener(&rollups);
  Report late_evening;
  late_evening.sequence = 1;
  late_evening.id = "r1";
  late_evening.reported_at = *ParseRfc3339("2014-03-02T03:00:00Z");
  late_evening.reporter_hash = std::string(64, 'a');
  late_evening.body = "Gucci bags 80% off at lvshop12.com";
  engine.Apply(late_evening);
  Scope march_first;
  march_first.from_day = march_first.to_day = *ParseDay("2014-03-01");
  EXPECT_EQ(rollups.TotalsIn(march_first).reports, 1u);
  Scope march_second = march_first;
  march_second.from_day = march_second.to_day = *ParseDay("2014-03-02");
  EXPECT_EQ(rollups.TotalsIn(march_second).reports, 0u);
}

TEST(ReporterSketchTest, ExactWhileSmallThenWithinTheStatedError) {
  std::mt19937_64 random(1);
  ReporterSketch small;
  for (int i = 0; i < 20; ++i) small.Add(random());
  small.Add(42);
  small.Add(42);
  ReporterSketch::Union exact;
  exact.Add(small);
  bool is_exact = false;
  EXPECT_EQ(exact.Count(&is_exact), 21u);
  EXPECT_TRUE(is_exact);

  // 100,000 reporters over 50 sketches, each seen twice.
  std::vector<ReporterSketch> parts(50);
  std::vector<uint64_t> reporters(100000);
  for (uint64_t& r : reporters) r = random();
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < reporters.size(); ++i) parts[i % parts.size()].Add(reporters[i]);
  }
  ReporterSketch::Union all;
  for (const ReporterSketch& part : parts) all.Add(part);
  all.Add(small);
  const double estimate = static_cast<double>(all.Count(&is_exact));
  EXPECT_FALSE(is_exact);
  EXPECT_NEAR(estimate, 100021, 100021 * 0.2);  // three standard errors
}

TEST(HeavyHittersTest, FrequentValuesSurviveAndTheErrorBoundsTheCounts) {
  HeavyHitters hitters;
  std::mt19937 random(3);
  for (int i = 0; i < 10000; ++i) {
    hitters.Add(i % 4 == 0 ? "lvshop12.com" : "shop" + std::to_string(random() % 5000) + ".com");
  }
  const auto& counters = hitters.counters();
  const auto top = std::max_element(counters.begin(), counters.end(),
                                    [](auto& a, auto& b) { return a.second < b.second; });
  EXPECT_EQ(top->first, "lvshop12.com");
  EXPECT_GE(top->second, 2500u);
  EXPECT_LE(top->second, 2500u + hitters.error());
}

}  // namespace
}  // namespace spamradar::analytics

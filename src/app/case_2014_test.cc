// The 2014 case end to end, through the spamradar binary: a two-month stream
// shaped like the Cloudmark finding (a counterfeit-luxury iMessage campaign
// near 34% of US reported spam, 47% in New York, which ranks fourth after Los
// Angeles, San Diego and Miami) is simulated and imported, and spamradar,
// told nothing of which report belongs to which campaign, must measure it as
// the truth file does.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string Spamradar(const std::string& arguments, int* exit_code) {
  const std::string command = std::string(SPAMRADAR_BINARY) + " " + arguments + " 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  const int status = pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

nlohmann::json SpamradarJson(const std::string& arguments) {
  int exit_code = -1;
  const std::string output = Spamradar(arguments, &exit_code);
  EXPECT_EQ(exit_code, 0) << arguments << "\n" << output;
  return exit_code == 0 ? nlohmann::json::parse(output) : nlohmann::json();
}

// What the truth file says: the luxury campaign's share, nationally, per
// metro, and the metros ranked by that share (with the same minimum volume).
struct Truth {
  double national_share = 0;
  std::map<std::string, std::pair<uint64_t, uint64_t>> metros;  // cbsa -> (all, luxury)
  std::vector<std::string> ranking;
};

Truth ReadTruth(const std::string& path, uint64_t min_reports) {
  Truth truth;
  std::ifstream in(path);
  uint64_t all = 0, luxury = 0;
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json row = nlohmann::json::parse(line);
    const bool ours = row["campaign"] == "counterfeit-luxury";
    ++all;
    luxury += ours;
    if (row.contains("metro") && row["metro"].is_string() &&
        !row["metro"].get<std::string>().empty()) {
      auto& metro = truth.metros[row["metro"].get<std::string>()];
      ++metro.first;
      metro.second += ours;
    }
  }
  truth.national_share = static_cast<double>(luxury) / static_cast<double>(all);
  std::vector<std::pair<double, std::string>> shares;
  for (const auto& [cbsa, counts] : truth.metros) {
    if (counts.first < min_reports) continue;
    shares.push_back(
        {static_cast<double>(counts.second) / static_cast<double>(counts.first), cbsa});
  }
  std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (const auto& [share, cbsa] : shares) truth.ranking.push_back(cbsa);
  return truth;
}

TEST(Case2014Test, TheCounterfeitLuxuryCampaignIsFoundAndMeasuredAsInTheTruth) {
  const std::string dir = ::testing::TempDir() + "/case_2014_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  int exit_code = -1;
  Spamradar("simulate --reports 30000 --out " + dir + "/stream", &exit_code);
  ASSERT_EQ(exit_code, 0);
  const std::string output =
      Spamradar("import " + dir + "/stream/reports.jsonl --data " + dir + "/data", &exit_code);
  ASSERT_EQ(exit_code, 0) << output;
  const std::string data = " --data " + dir + "/data";
  const Truth truth = ReadTruth(dir + "/stream/truth.jsonl", 100);
  const std::string window = " --from 2014-03-01 --to 2014-04-30";

  // On top, at its true national share.
  const nlohmann::json stats = SpamradarJson("stats --json --limit 3" + window + data);
  const nlohmann::json& top = stats["campaigns"][0];
  EXPECT_NE(top["name"].get<std::string>().find("Counterfeit luxury goods"), std::string::npos)
      << top;
  EXPECT_NEAR(top["share"].get<double>(), truth.national_share, 0.01);
  EXPECT_GT(top["share"].get<double>(), 0.30);
  const uint64_t luxury = top["id"];

  // In New York, at its true New York share.
  const nlohmann::json new_york =
      SpamradarJson("stats --json --limit 1 --region 'New York'" + window + data);
  EXPECT_EQ(new_york["campaigns"][0]["id"], luxury);
  const auto& [ny_all, ny_luxury] = truth.metros.at("35620");
  EXPECT_NEAR(new_york["campaigns"][0]["share"].get<double>(),
              static_cast<double>(ny_luxury) / static_cast<double>(ny_all), 0.01);

  // Its distinct reporters in New York, counted from the stream itself (the
  // engine may leave out the odd report of the campaign, so within 2%).
  std::map<std::string, std::string> campaign_of, metro_of;  // report id -> truth
  {
    std::ifstream in(dir + "/stream/truth.jsonl");
    for (std::string line; std::getline(in, line);) {
      const nlohmann::json row = nlohmann::json::parse(line);
      campaign_of[row["id"]] = row["campaign"];
      if (row.contains("metro") && row["metro"].is_string()) metro_of[row["id"]] = row["metro"];
    }
  }
  std::set<std::string> ny_reporters;
  {
    std::ifstream in(dir + "/stream/reports.jsonl");
    for (std::string line; std::getline(in, line);) {
      const nlohmann::json row = nlohmann::json::parse(line);
      const std::string id = row["id"];
      if (campaign_of[id] == "counterfeit-luxury" && metro_of[id] == "35620") {
        ny_reporters.insert(row["reporter"].get<std::string>());
      }
    }
  }
  ASSERT_GT(ny_reporters.size(), 100u);
  EXPECT_TRUE(new_york["campaigns"][0]["reporters_exact"].get<bool>());
  EXPECT_NEAR(new_york["campaigns"][0]["reporters"].get<double>(),
              static_cast<double>(ny_reporters.size()), 0.02 * ny_reporters.size());

  // Metros ranked by its share: the true top four, in order.
  const nlohmann::json regions = SpamradarJson("regions --json --min-reports 100 --campaign " +
                                               std::to_string(luxury) + window + data);
  ASSERT_GE(regions["regions"].size(), 4u);
  ASSERT_GE(truth.ranking.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(regions["regions"][i]["cbsa"], truth.ranking[i]) << i;
    for (const char* key : {"region", "reports", "campaign_reports", "share", "rank"}) {
      EXPECT_TRUE(regions["regions"][i].contains(key)) << key;
    }
  }
  // Which metros those are is the simulator's business (its shape is tested in
  // simulator_test; a smaller stream from another compiler may order two close
  // metros differently): here, that spamradar finds the truth of its stream.
  EXPECT_EQ(regions["rule"]["min_reports"], 100);
  EXPECT_EQ(regions["campaign_reporters"]["distinct"], top["reporters"]);

  // Shown as iMessage, also where reports left the channel out.
  EXPECT_EQ(top["channel"], "imessage");
  const nlohmann::json campaign = SpamradarJson("campaign --json " + std::to_string(luxury) + data);
  EXPECT_GT(campaign["channels"]["imessage"]["inferred"].get<uint64_t>(), 0u);
  EXPECT_GT(campaign["channels"]["imessage"]["declared"].get<uint64_t>(), 0u);

  // Days in another time zone: New York's March 15 is 04:00 to 04:00 UTC (daylight saving).
  uint64_t expected_ny_day = 0;
  {
    std::ifstream in(dir + "/stream/reports.jsonl");
    for (std::string line; std::getline(in, line);) {
      const std::string at = nlohmann::json::parse(line)["reported_at"];
      expected_ny_day += at >= "2014-03-15T04:00:00" && at < "2014-03-16T04:00:00";
    }
  }
  const nlohmann::json ny_day =
      SpamradarJson("stats --json --tz America/New_York --from 2014-03-15 --to 2014-03-15" + data);
  EXPECT_EQ(ny_day["reports"], expected_ny_day);
  EXPECT_EQ(ny_day["scope"]["time_zone"], "America/New_York");

  // The same answers after the state is derived again from the log.
  Spamradar("rebuild" + data, &exit_code);
  ASSERT_EQ(exit_code, 0);
  EXPECT_EQ(SpamradarJson("stats --json --limit 3" + window + data), stats);
  EXPECT_EQ(SpamradarJson("regions --json --min-reports 100 --campaign " + std::to_string(luxury) +
                          window + data),
            regions);
}

TEST(Case2014Test, BadScopesAreRefusedWithTheOptionNamed) {
  int exit_code = -1;
  std::string output = Spamradar("stats --from 2014-13-01 --data /nonexistent", &exit_code);
  EXPECT_EQ(exit_code, 2);
  EXPECT_NE(output.find("--from"), std::string::npos) << output;
  output = Spamradar("stats --from 2014-03-02 --to 2014-03-01 --data /nonexistent", &exit_code);
  EXPECT_EQ(exit_code, 2);
  output = Spamradar("regions --campaign 1 --channel fax --data /nonexistent", &exit_code);
  EXPECT_EQ(exit_code, 2);
  EXPECT_NE(output.find("--channel"), std::string::npos) << output;
  output =
      Spamradar("stats --tz Mars/Olympus --data " + ::testing::TempDir() + "/tz_empty", &exit_code);
  EXPECT_EQ(exit_code, 2);
  EXPECT_NE(output.find("--tz"), std::string::npos) << output;
  output = Spamradar("regions --data /nonexistent", &exit_code);
  EXPECT_NE(exit_code, 0);
}

}  // namespace

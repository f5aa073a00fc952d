#include "geo/metro_directory.h"

#include <set>

#include <gtest/gtest.h>

namespace spamradar::geo {
namespace {

std::string MetroOf(std::string_view e164) {
  const Location location = MetroDirectory::Default().Locate(e164);
  return location.metro == nullptr ? "" : location.metro->name;
}

TEST(MetroDirectoryTest, MajorMetrosByAreaCode) {
  EXPECT_EQ(MetroOf("+12125550123"), "New York");
  EXPECT_EQ(MetroOf("+17185550123"), "New York");
  EXPECT_EQ(MetroOf("+13325550123"), "New York");  // 2017 overlay without city data
  EXPECT_EQ(MetroOf("+13105550123"), "Los Angeles");
  EXPECT_EQ(MetroOf("+16195550123"), "San Diego");
  EXPECT_EQ(MetroOf("+13055550123"), "Miami");
  EXPECT_EQ(MetroOf("+13125550123"), "Chicago");
  EXPECT_EQ(MetroOf("+17135550123"), "Houston");
  EXPECT_EQ(MetroOf("+14155550123"), "San Francisco");
  EXPECT_EQ(MetroOf("+16175550123"), "Boston");
  EXPECT_EQ(MetroOf("+12025550123"), "Washington");
}

TEST(MetroDirectoryTest, StateAndFallback) {
  const Location ny = MetroDirectory::Default().Locate("+12125550123");
  EXPECT_EQ(ny.area_code, "212");
  EXPECT_EQ(ny.state, "NY");
  EXPECT_EQ(ny.metro->cbsa, "35620");
  EXPECT_GT(ny.metro->population, 19000000);
  const Location toronto = MetroDirectory::Default().Locate("+14165550123", /*describe=*/true);
  EXPECT_EQ(toronto.metro, nullptr);
  EXPECT_FALSE(toronto.description.empty());
}

// Reporters' numbers reach Locate as written; they hold no area code unless
// its three characters are digits (the fuzzer found "+1-125550142" read as
// area code -12, outside the table).
TEST(MetroDirectoryTest, AnAreaCodeIsThreeDigits) {
  for (const char* written : {"+1-125550142", "+1+125550142", "+1 12555014", "+1ab1555014"}) {
    const Location location = MetroDirectory::Default().Locate(written);
    EXPECT_TRUE(location.area_code.empty()) << written;
    EXPECT_EQ(location.metro, nullptr) << written;
  }
}

TEST(MetroDirectoryTest, FiftyLargestMetrosHaveDistinctStableNames) {
  const auto& metros = MetroDirectory::Default().metros();
  ASSERT_GE(metros.size(), 50u);
  std::set<std::string> names;
  for (size_t i = 0; i < 50; ++i) names.insert(metros[i].name);
  EXPECT_EQ(names.size(), 50u);
  EXPECT_NE(MetroDirectory::Default().FindMetro("new york"), nullptr);
  EXPECT_NE(MetroDirectory::Default().FindMetro("Miami"), nullptr);
}

TEST(MetroDirectoryTest, EveryUsGeographicAreaCodeInServiceIsKnown) {
  // 375 US geographic codes were in service in the NANPA report of 2026-01-05.
  int known = 0;
  for (int npa = 200; npa < 1000; ++npa) {
    if (!MetroDirectory::Default().Locate("+1" + std::to_string(npa) + "5550123").area_code.empty())
      ++known;
  }
  EXPECT_EQ(known, 375);
}

TEST(MetroDirectoryTest, MetrosHaveAPlaceOnTheMap) {
  // The 150 largest all have one (a few small metros have no city in the
  // tables tools/build_geo_table.py reads); each is within the US's bounds.
  const auto& metros = MetroDirectory::Default().metros();
  for (size_t i = 0; i < metros.size(); ++i) {
    const Metro& metro = metros[i];
    if (i >= 150 && metro.latitude == 0 && metro.longitude == 0) continue;
    EXPECT_TRUE(metro.latitude > 17 && metro.latitude < 72) << metro.name;
    EXPECT_TRUE(metro.longitude > -170 && metro.longitude < -65) << metro.name;
  }
  const Metro* miami = MetroDirectory::Default().FindMetro("Miami");
  ASSERT_NE(miami, nullptr);
  EXPECT_NEAR(miami->latitude, 25.8, 0.5);
  EXPECT_NEAR(miami->longitude, -80.2, 0.5);
}

TEST(MetroDirectoryTest, RejectsMalformedTables) {
  EXPECT_FALSE(MetroDirectory::Parse("", "35620\tNew York\t1\tNY\t40.7\twest\n").ok());
  EXPECT_FALSE(MetroDirectory::Parse("", "35620\tNew York\t1\tNY\t140.7\t-74\n").ok());
  EXPECT_TRUE(MetroDirectory::Parse("", "35620\tNew York\t1\tNY\t40.7\t-74\n").ok());
  EXPECT_FALSE(
      MetroDirectory::Parse("212\tNY\t99999\tNowhere\n", "35620\tNew York\t1\tNY\t\t\n").ok());
  EXPECT_FALSE(MetroDirectory::Parse("", "35620\tNew York\tmany\tNY\t\t\n").ok());
  EXPECT_FALSE(MetroDirectory::Parse("21\tNY\t\t\n", "").ok());
}

}  // namespace
}  // namespace spamradar::geo

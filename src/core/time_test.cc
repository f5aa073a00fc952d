#include "core/time.h"

#include <gtest/gtest.h>

namespace spamradar {
namespace {

TEST(TimeTest, ParsesUtcOffsetsAndFractions) {
  Result<Timestamp> utc = ParseRfc3339("2014-03-01T12:30:00Z");
  ASSERT_TRUE(utc.ok()) << utc.status().ToString();
  EXPECT_EQ(ToUnixMillis(*utc), 1393677000000);
  // The same instant written in New York's winter offset, with a fraction.
  Result<Timestamp> offset = ParseRfc3339("2014-03-01T07:30:00.250-05:00");
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(ToUnixMillis(*offset), 1393677000250);
  EXPECT_TRUE(ParseRfc3339("2014-03-01 12:30:00z").ok());
  EXPECT_EQ(ToUnixMillis(*ParseRfc3339("2014-03-01T12:30:00.123456789Z")), 1393677000123);
  EXPECT_EQ(ToUnixMillis(*ParseRfc3339("2016-12-31T23:59:60Z")),
            ToUnixMillis(*ParseRfc3339("2016-12-31T23:59:59.999Z")));
}

TEST(TimeTest, RejectsWhatIsNotATimestampWithAReason) {
  const char* bad[] = {"",
                       "2014-03-01",
                       "2014-03-01T12:30:00",
                       "2014-13-01T00:00:00Z",
                       "2014-02-30T00:00:00Z",
                       "2014-03-01T24:00:00Z",
                       "2014-03-01T12:30:00+5:00",
                       "2014-03-01T12:30:00Zjunk",
                       "2014-03-01T12:30:00.Z",
                       "yesterday"};
  for (const char* text : bad) {
    Result<Timestamp> t = ParseRfc3339(text);
    EXPECT_FALSE(t.ok()) << text;
    if (!t.ok()) {
      EXPECT_NE(t.status().message().find("RFC 3339"), std::string::npos);
    }
  }
  EXPECT_NE(ParseRfc3339("2014-03-01T12:30:00").status().message().find("time zone"),
            std::string::npos);
}

TEST(TimeTest, FormatsAndRoundTrips) {
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(1393677000000)), "2014-03-01T12:30:00Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(1393677000250)), "2014-03-01T12:30:00.250Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(1393677000007)), "2014-03-01T12:30:00.007Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(-30610224000993)), "0999-12-31T23:59:59.007Z");
  for (int64_t ms : {0LL, 951782400000LL, 1393677000007LL, 4102444799999LL}) {
    EXPECT_EQ(ToUnixMillis(*ParseRfc3339(FormatRfc3339(FromUnixMillis(ms)))), ms);
  }
}

TEST(TimeTest, Days) {
  const Timestamp t = *ParseRfc3339("2014-03-01T23:59:59Z");
  EXPECT_EQ(FormatDay(UtcDay(t)), "2014-03-01");
  EXPECT_EQ(*ParseDay("2014-03-01"), UtcDay(t));
  EXPECT_EQ(UtcDay(*ParseRfc3339("2014-03-01T19:00:00-05:00")), UtcDay(t) + 1);
  EXPECT_FALSE(ParseDay("2014-02-29").ok());
  EXPECT_FALSE(ParseDay("2014-3-1").ok());
}

}  // namespace
}  // namespace spamradar

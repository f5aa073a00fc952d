#include "geo/phone_number.h"

#include <gtest/gtest.h>

namespace spamradar::geo {
namespace {

TEST(PhoneNumberTest, UsFormatsToE164) {
  for (const char* written : {"(212) 555-0123", "212-555-0123", "212.555.0123", "+1 212 555 0123",
                              "1-212-555-0123", "2125550123"}) {
    const auto number = ParsePhoneNumber(written);
    ASSERT_TRUE(number.has_value()) << written;
    EXPECT_EQ(number->e164, "+12125550123") << written;
    EXPECT_EQ(number->region, "US");
  }
}

TEST(PhoneNumberTest, InternationalAndTollFree) {
  const auto uk = ParsePhoneNumber("+44 20 7946 0958");
  ASSERT_TRUE(uk.has_value());
  EXPECT_EQ(uk->e164, "+442079460958");
  EXPECT_EQ(uk->region, "GB");
  const auto toll_free = ParsePhoneNumber("1-800-225-5288");
  ASSERT_TRUE(toll_free.has_value());
  EXPECT_TRUE(toll_free->toll_free);
}

TEST(PhoneNumberTest, RejectsNonNumbers) {
  EXPECT_FALSE(ParsePhoneNumber("12345").has_value());
  EXPECT_FALSE(ParsePhoneNumber("hello").has_value());
  EXPECT_FALSE(ParsePhoneNumber("").has_value());
  EXPECT_FALSE(ParsePhoneNumber("(000) 000-0000").has_value());
}

TEST(PhoneNumberTest, SupportedRegions) {
  EXPECT_TRUE(IsSupportedRegion("US"));
  EXPECT_TRUE(IsSupportedRegion("GB"));
  EXPECT_FALSE(IsSupportedRegion("XX"));
  EXPECT_FALSE(IsSupportedRegion("us"));
  EXPECT_FALSE(IsSupportedRegion(""));
}

TEST(PhoneNumberTest, GeocoderDescribesNumbers) {
  EXPECT_FALSE(DescribeLocation("+14165550123").empty());  // Toronto
  EXPECT_EQ(DescribeLocation("not a number"), "");
  EXPECT_EQ(DescribeLocation("+442071234567"), "London");
  EXPECT_EQ(DescribeLocation("+17845551234"), "St. Vincent & Grenadines");  // longer than asked
}

}  // namespace
}  // namespace spamradar::geo

namespace spamradar::geo {
namespace {

TEST(PhoneNumberTest, FastPathAgreesWithLibphonenumberOnUsNumbers) {
  // Numbers written with a +1 and spaces take the table path; the same number
  // as "+1-..." with a letter-free international prefix must give the same E.164.
  for (const char* written :
       {"(415) 555-2671", "+1 (305) 555 0147", "1 800 225 5288", "713.555.0199"}) {
    const auto number = ParsePhoneNumber(written);
    ASSERT_TRUE(number.has_value()) << written;
    EXPECT_EQ(number->region, "US") << written;
  }
  // Exchanges starting with 0 or 1 and unassigned area codes are not numbers.
  EXPECT_FALSE(ParsePhoneNumber("(212) 055-0123").has_value());
  EXPECT_FALSE(ParsePhoneNumber("(999) 555-0123").has_value());
  // Canada is not in the US table: libphonenumber decides.
  const auto toronto = ParsePhoneNumber("+1 416 555 0123");
  ASSERT_TRUE(toronto.has_value());
  EXPECT_EQ(toronto->region, "CA");
}

}  // namespace
}  // namespace spamradar::geo

namespace spamradar::geo {
namespace {

TEST(PhoneNumberNanpTest, NumbersNoNanpCountryCanHaveAreRefused) {
  // N11 area codes, leading 0 or 1, exchanges starting with 0 or 1.
  for (const char* text : {"(811) 877-9700", "+1 911 555 0100", "011-555-0100", "(212) 055-0100",
                           "+1 (122) 555-0100"}) {
    EXPECT_FALSE(ParsePhoneNumber(text).has_value()) << text;
  }
  // Still read: US geographic and toll-free numbers, and other NANP countries.
  EXPECT_EQ(ParsePhoneNumber("(212) 555-0142")->e164, "+12125550142");
  EXPECT_TRUE(ParsePhoneNumber("1-800-555-0199")->toll_free);
  EXPECT_EQ(ParsePhoneNumber("+1 416 555 0123")->region, "CA");
}

}  // namespace
}  // namespace spamradar::geo

#include <random>

#include <phonenumbers/phonenumberutil.h>

namespace spamradar::geo {
namespace {

// Outside the US table, answers are remembered by thousands block (the first
// seven digits); each number must still get libphonenumber's own answer.
TEST(PhoneNumberNanpTest, AnswersRememberedByBlockAreLibphonenumbersOwn) {
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  // Canada, the Caribbean, an area code in no country's plan (not US territories:
  // they are in the US table).
  const int area_codes[] = {416, 604, 514, 242, 268, 345, 649, 876, 809, 822, 284};
  std::mt19937 random(7726);
  int valid = 0;
  for (int i = 0; i < 3000; ++i) {
    const int npa = area_codes[random() % std::size(area_codes)];
    // Few exchanges, so that most numbers land in a block asked about before.
    const int nxx = 200 + static_cast<int>(random() % 8) * 97;
    char digits[16];
    std::snprintf(digits, sizeof(digits), "%03d%03d%04d", npa, nxx,
                  static_cast<int>(random() % 10000));
    i18n::phonenumbers::PhoneNumber expected;
    ASSERT_EQ(util.Parse(std::string("+1") + digits, "US", &expected),
              PhoneNumberUtil::NO_PARSING_ERROR);
    std::string region;
    util.GetRegionCodeForNumber(expected, &region);
    const bool expected_valid = region != "ZZ" && util.IsValidNumberForRegion(expected, region);
    const std::string written = std::string("(") + std::string(digits, 3) + ") " +
                                std::string(digits + 3, 3) + "-" + std::string(digits + 6);
    const std::optional<PhoneNumber> got = ParsePhoneNumber(written);
    ASSERT_EQ(got.has_value(), expected_valid) << written;
    if (!got) continue;
    ++valid;
    EXPECT_EQ(got->e164, std::string("+1") + digits);
    EXPECT_EQ(got->region, region) << written;
    EXPECT_EQ(got->toll_free, util.GetNumberType(expected) == PhoneNumberUtil::TOLL_FREE);
  }
  EXPECT_GT(valid, 500);  // both verdicts were exercised
  EXPECT_LT(valid, 3000);
}

// Outside the fast path, answers are remembered by the region asked for and
// the number as written: the same text is a number in one region and not in
// another, and asking again must give the first answer.
TEST(PhoneNumberTest, AnswersRememberedOutsideTheFastPathKeepTheirRegion) {
  for (int round = 0; round < 2; ++round) {
    const auto london = ParsePhoneNumber("020 7946 0958", "GB");
    ASSERT_TRUE(london.has_value()) << "round " << round;
    EXPECT_EQ(london->e164, "+442079460958");
    EXPECT_EQ(london->region, "GB");
    EXPECT_FALSE(ParsePhoneNumber("020 7946 0958", "US").has_value()) << "round " << round;
    const auto paris = ParsePhoneNumber("01 42 68 53 00", "FR");
    ASSERT_TRUE(paris.has_value()) << "round " << round;
    EXPECT_EQ(paris->e164, "+33142685300");
    EXPECT_FALSE(ParsePhoneNumber("01 42 68 53 00", "GB").has_value()) << "round " << round;
  }
}

}  // namespace
}  // namespace spamradar::geo

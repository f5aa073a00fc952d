#include "signals/number_extractor.h"

#include <gtest/gtest.h>

namespace spamradar::signals {
namespace {

std::vector<NumberMatch> Numbers(std::string_view text) {
  return ExtractNumbers(text, {});
}

TEST(NumberExtractorTest, PhoneNumbersToE164) {
  const auto found = Numbers("call (212) 555-0123 or +44 20 7946 0958 or 1-800-225-5288 now");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].kind, NumberKind::kPhone);
  EXPECT_EQ(found[0].text, "+12125550123");
  EXPECT_EQ(found[1].text, "+442079460958");
  EXPECT_EQ(found[1].region, "GB");
  EXPECT_TRUE(found[2].toll_free);
}

TEST(NumberExtractorTest, ShortCodesMoneyPercent) {
  const auto found =
      Numbers("txt stop to 87070. win $1,500.00 or £250 or 500 dollars, 90% off, 150p/msg");
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[0].kind, NumberKind::kShortCode);
  EXPECT_EQ(found[0].text, "87070");
  EXPECT_EQ(found[1].kind, NumberKind::kMoney);
  EXPECT_EQ(found[1].text, "$1500.00");
  EXPECT_EQ(found[2].text, "£250");
  EXPECT_EQ(found[3].text, "500 dollars");
  EXPECT_EQ(found[4].kind, NumberKind::kPercent);
  EXPECT_EQ(found[4].text, "90%");
  EXPECT_EQ(found[5].text, "150p");
}

TEST(NumberExtractorTest, PlainNumbersAndWordsWithDigits) {
  const auto found = Numbers("v1tt0n 3asy win100 at 10am on the 21st, 12345 items, 2024");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, NumberKind::kNumber);  // starts with 1: not a US short code
  EXPECT_EQ(found[0].text, "12345");
  EXPECT_EQ(found[1].text, "2024");
}

TEST(NumberExtractorTest, RespectsSkippedSpans) {
  const std::string text = "see x.com/87070 and 87070";
  const auto found = ExtractNumbers(text, {{4, 15}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 20u);
}

}  // namespace
}  // namespace spamradar::signals

namespace spamradar::signals {
namespace {

TEST(NumberExtractorTest, PhoneValidationIsBudgetedPerMessage) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "+44 20 7946 0958 ";
  const auto found = Numbers(text);
  int phones = 0;
  for (const NumberMatch& m : found) phones += m.kind == NumberKind::kPhone;
  EXPECT_EQ(phones, 64);
  EXPECT_GT(found.size(), 100u);  // the rest are still reported, as plain numbers
}

}  // namespace
}  // namespace spamradar::signals

namespace spamradar::signals {
namespace {

TEST(NumberExtractorTest, OneTimeCodesAreNotShortCodes) {
  const auto otp = Numbers("your verification code is 482913. do not share it");
  ASSERT_EQ(otp.size(), 1u);
  EXPECT_EQ(otp[0].kind, NumberKind::kNumber);
  const auto short_code = Numbers("reply yes to 86688 or text stop to 87070");
  ASSERT_EQ(short_code.size(), 2u);
  EXPECT_EQ(short_code[0].kind, NumberKind::kShortCode);
  EXPECT_EQ(short_code[1].kind, NumberKind::kShortCode);
}

}  // namespace
}  // namespace spamradar::signals

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

// Amounts as banks, wallets and spammers in several countries write them: a
// currency code or abbreviation before the amount ("Rs.500", "KES 200",
// "RM50"), a code glued after it ("1gbp"), pence per minute, and a decimal
// comma ("R$ 89,90", "2.300,00 EUR"). Codes with a sign of their own are
// written as the sign.
TEST(NumberExtractorTest, MoneyInTheWaysCountriesWriteIt) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"rs.15,000.00 credited",
       "\xE2\x82\xB9"
       "15000.00"},
      {"rs 500 cashback",
       "\xE2\x82\xB9"
       "500"},
      {"inr 500 debited",
       "\xE2\x82\xB9"
       "500"},
      {"ksh 200 sent", "kes 200"},
      {"kes200 sent", "kes 200"},
      {"ngn 5,000 credited", "ngn 5000"},
      {"php 500 received",
       "\xE2\x82\xB1"
       "500"},
      {"eur 50 fee",
       "\xE2\x82\xAC"
       "50"},
      {"gbp 1.50 per msg",
       "\xC2\xA3"
       "1.50"},
      {"rm50 only", "myr 50"},
      {"tk 500", "bdt 500"},
      {"r$ 89,90 aprovada", "r$89.90"},
      {"us$5 fee", "us$5"},
      {"2.300,00 eur", "2300.00 eur"},
      {"only 1gbp/sms", "1 gbp"},
      {"costs 150ppm", "150p"},
      {"50 cents", "50 cents"},
      {"500 rs only", "500 rs"},
      {"rp 125.000 di indomaret", "idr 125000"},
      {"nzd 1,842.16 paid", "nzd 1842.16"},
      {"ghs 300.00 received", "ghs 300.00"},
      {"342,50 tl harcama", "342.50 tl"},
      {"250 kr fran erik", "250 kr"},
      {"89,99 z\xC5\x82 zaplacono", "89.99 z\xC5\x82"},
  };
  for (const auto& [text, money] : cases) {
    const auto found = Numbers(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].kind, NumberKind::kMoney) << text;
    EXPECT_EQ(found[0].text, money) << text;
    EXPECT_EQ(found[0].begin, text.starts_with("only") || text.starts_with("costs")
                                  ? text.find_first_of("0123456789")
                                  : 0u)
        << text;
  }
  // Not money: a room, a code inside a claimed link, letters that name no currency.
  for (std::string_view text : {"meet in rm 204", "the 3rd at 10am", "won 3 games", "abc 500"}) {
    for (const NumberMatch& match : Numbers(text)) {
      EXPECT_NE(match.kind, NumberKind::kMoney) << text;
    }
  }
  const std::string_view linked = "see pay.rs 500 times";
  const auto after_link = ExtractNumbers(linked, {{4, 10}});
  ASSERT_EQ(after_link.size(), 1u);
  EXPECT_EQ(after_link[0].kind, NumberKind::kNumber);
  EXPECT_EQ(after_link[0].begin, 11u);
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
  // In Polish, Czech and Slovak "to" means "is": a number the sentence calls
  // a code is a one-time code even after "to", and a short code after it in
  // another sentence, or after another verb, stays one.
  const auto expect_one = [](std::string_view text, NumberKind kind) {
    const auto found = Numbers(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].kind, kind) << text;
  };
  for (const std::string_view code :
       {"twoj kod weryfikacyjny pko bp to 551203. nie podawaj go nikomu", "kod blik to 482913",
        "tw\xC3\xB3j kod do logowania to 730412"}) {
    expect_one(code, NumberKind::kNumber);
  }
  for (const std::string_view still :
       {"your code has been sent. text stop to 87070", "enter the code or text yes to 86688",
        "reply with your pin. reply yes to 86688"}) {
    expect_one(still, NumberKind::kShortCode);
  }
}

}  // namespace
}  // namespace spamradar::signals

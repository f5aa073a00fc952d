#include "analysis/message_analyzer.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace spamradar::analysis {
namespace {

const MessageAnalyzer& Analyzer() {
  static const MessageAnalyzer analyzer;
  return analyzer;
}

std::vector<std::string> BrandNames(const MessageAnalysis& a) {
  std::vector<std::string> out;
  for (const LexiconMatch& b : a.brands) out.push_back(b.name);
  return out;
}

bool HasFinding(const MessageAnalysis& a, text::FindingKind kind) {
  return std::any_of(a.text_findings.begin(), a.text_findings.end(),
                     [kind](const text::Finding& f) { return f.kind == kind; });
}

// Counted 16 bytes at a time, the rest as the last 16 bytes without those
// counted already (one by one under 16 bytes): every length around
// the block size and long ones, letters at both ends, bytes just outside the ranges
// ('@' '[' '`' '{', UTF-8 letters, which are not ASCII).
TEST(MessageAnalyzerTest, CountsCapitalsLettersAndExclamationMarksAtAnyLength) {
  const std::string pattern = "WIN!a@[`{z\xC3\x89Z! ";
  std::vector<size_t> lengths;
  for (size_t length = 0; length <= 70; ++length) lengths.push_back(length);
  // Past 255 blocks of 16 bytes, where the per-lane counts are summed.
  for (size_t length : {4079, 4080, 4081, 4096, 10000}) lengths.push_back(length);
  for (size_t length : lengths) {
    std::string message;
    while (message.size() < length) message += pattern;
    message.resize(length);
    uint32_t upper = 0, letters = 0, exclamations = 0;
    for (char c : message) {
      upper += c >= 'A' && c <= 'Z';
      letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      exclamations += c == '!';
    }
    const MessageAnalysis a = Analyzer().Analyze(message);
    EXPECT_EQ(a.upper_letters, upper) << length;
    EXPECT_EQ(a.ascii_letters, letters) << length;
    EXPECT_EQ(a.exclamations, exclamations) << length;
  }
  // Every lane matching in every block: a lane that counted past 255 would wrap.
  const MessageAnalysis capitals = Analyzer().Analyze(std::string(10000, 'A'));
  EXPECT_EQ(capitals.upper_letters, 10000u);
  EXPECT_EQ(Analyzer().Analyze(std::string(10000, '!')).exclamations, 10000u);
}

std::vector<std::string> GluedParts(const MessageAnalysis& a) {
  std::vector<std::string> out;
  for (uint32_t at : a.case_breaks) {
    const auto token = std::find_if(a.tokens.begin(), a.tokens.end(), [at](const text::Token& t) {
      return t.normalized.begin < at && at < t.normalized.end;
    });
    EXPECT_NE(token, a.tokens.end()) << "break " << at << " outside every token";
    if (token == a.tokens.end()) continue;
    out.push_back(a.normalized.substr(token->normalized.begin, at - token->normalized.begin) + "|" +
                  a.normalized.substr(at, token->normalized.end - at));
  }
  return out;
}

// Words glued where a line break was lost ("AlertFrom") are marked where the
// capital starts the second, in the normalized text.
TEST(MessageAnalyzerTest, AGluedWordIsMarkedWhereItsCapitalStartsTheNextWord) {
  EXPECT_EQ(GluedParts(Analyzer().Analyze(
                "Email AlertFrom: Jeri StewartSize: 2KBSubject: Low-cost drvgsTo listen")),
            (std::vector<std::string>{"alert|from", "stewart|size", "drvgs|to"}));
  // Not a capital after a capital or before one, nor at a word's edge.
  EXPECT_TRUE(Analyzer().Analyze("FREE McDONALD offer, call NOW.Reply STOP").case_breaks.empty());
  // Where the message is not ASCII, offsets still land in the right word.
  EXPECT_EQ(GluedParts(Analyzer().Analyze("Café ☕ AlertFrom Zoë")),
            (std::vector<std::string>{"alert|from"}));
  // Every position of a long word: found 16 positions at a time, then one by one.
  for (size_t at = 1; at + 1 < 40; ++at) {
    std::string word(40, 'a');
    word[at] = 'B';
    const MessageAnalysis a = Analyzer().Analyze("x " + word + " y");
    EXPECT_EQ(a.case_breaks, std::vector<uint32_t>{static_cast<uint32_t>(2 + at)}) << at;
  }
}

TEST(MessageAnalyzerTest, CounterfeitLuxuryMessageWithEveryTrick) {
  const std::string message =
      "L0uis V1tt0n, Gu\xD1\x81\xD1\x81i & Pr4da up to 80% off! Shop lvshop12 . com/new or text "
      "87070";
  const MessageAnalysis a = Analyzer().Analyze(message);
  EXPECT_EQ(a.normalized,
            "louis vitton gucci prada up to 80% off shop lvshop12.com/new or text 87070");
  EXPECT_EQ(BrandNames(a), (std::vector<std::string>{"Louis Vuitton", "Gucci", "Prada"}));
  // The brand span points at the original, disguised spelling.
  EXPECT_EQ(a.brands[1].span.Of(message), "Gu\xD1\x81\xD1\x81i");
  ASSERT_EQ(a.urls.size(), 1u);
  EXPECT_EQ(a.urls[0].registrable_domain, "lvshop12.com");
  EXPECT_TRUE(a.urls[0].obfuscated);
  EXPECT_EQ(a.urls[0].span.Of(message), "lvshop12 . com/new");
  ASSERT_EQ(a.numbers.size(), 2u);
  EXPECT_EQ(a.numbers[0].text, "80%");
  EXPECT_EQ(a.numbers[1].kind, NumberKind::kShortCode);
  EXPECT_TRUE(HasFinding(a, text::FindingKind::kLeetspeak));
  EXPECT_TRUE(HasFinding(a, text::FindingKind::kLookalike));
  EXPECT_TRUE(HasFinding(a, text::FindingKind::kMixedScript));
  EXPECT_FALSE(a.word_shingles.empty());
}

TEST(MessageAnalyzerTest, ParcelSmishingWithPhoneAndSender) {
  const std::string message =
      "USPS: your package is held. Update your address at https://usps-redelivery.info/track "
      "or call (212) 555-0123. Apple ID: track.help@icloud.com";
  const MessageAnalysis a = Analyzer().Analyze(message);
  ASSERT_EQ(a.phones.size(), 1u);
  EXPECT_EQ(a.phones[0].e164, "+12125550123");
  EXPECT_EQ(a.phones[0].metro, "New York");
  ASSERT_EQ(a.emails.size(), 1u);
  EXPECT_EQ(a.emails[0].address, "track.help@icloud.com");
  const std::vector<std::string> brands = BrandNames(a);
  EXPECT_NE(std::find(brands.begin(), brands.end(), "USPS"), brands.end());
  EXPECT_TRUE(std::any_of(a.brands.begin(), a.brands.end(),
                          [](const LexiconMatch& b) { return b.in_url; }));
  EXPECT_TRUE(std::any_of(a.cues.begin(), a.cues.end(),
                          [](const LexiconMatch& c) { return c.name == "delivery"; }));
}

// A brand whose own registrable domain (data/brands.tsv) a link of the
// message goes to is marked, in the text and in the host; its look-alike is not.
TEST(MessageAnalyzerTest, ABrandLinkingToItsOwnSiteIsMarked) {
  const MessageAnalysis home =
      Analyzer().Analyze("USPS: your package was delivered. Details at tools.usps.com/go/track");
  ASSERT_EQ(home.brands.size(), 2u);  // in the text, and in the link's host
  for (const LexiconMatch& brand : home.brands) {
    EXPECT_EQ(brand.name, "USPS");
    EXPECT_TRUE(brand.own_site);
  }
  // USPS's look-alikes, another brand's site, no link: USPS is not at home.
  for (const char* text :
       {"USPS: your package is held, pay at usps-redelivery.info/track",
        "USPS: your package is held, pay at usps.com-trackid.info/us",
        "USPS: your package is held, see fedex.com", "USPS: your package is held"}) {
    for (const LexiconMatch& brand : Analyzer().Analyze(text).brands) {
      EXPECT_FALSE(brand.name == "USPS" && brand.own_site) << text;
    }
  }
  EXPECT_FALSE(Analyzer().Analyze("FedEx and USPS at fedex.com").brands.empty());
  for (const LexiconMatch& brand : Analyzer().Analyze("FedEx and USPS at fedex.com").brands) {
    EXPECT_EQ(brand.own_site, brand.name == "FedEx") << brand.name;
  }
}

// A government body's own site is any under a government-only suffix: the
// DMV of every state has its own, and data/brands.tsv lists none.
TEST(MessageAnalyzerTest, AGovernmentBodyLinkingToAGovernmentSiteLinksHome) {
  auto own_site = [](const std::string& text) {
    const MessageAnalysis a = Analyzer().Analyze(text);
    return !a.brands.empty() && std::all_of(a.brands.begin(), a.brands.end(),
                                            [](const LexiconMatch& b) { return b.own_site; });
  };
  EXPECT_TRUE(own_site("CA DMV: Your renewal was processed. Details at dmv.ca.gov"));
  EXPECT_TRUE(own_site("HMRC: your refund has been paid. Details at www.gov.uk/tax-refund"));
  EXPECT_FALSE(own_site("DMV: unpaid tickets. Pay at dmv-ca-gov.top"));
  // Not for a company: a government site is no brand's own.
  EXPECT_FALSE(own_site("FedEx: your parcel is held. Details at dmv.ca.gov"));
}

TEST(MessageAnalyzerTest, HostileInputsGetAResult) {
  const std::string nuls("\0\0\0abc\0", 7);
  EXPECT_EQ(Analyzer().Analyze(nuls).normalized, "abc");
  EXPECT_TRUE(Analyzer().Analyze("").tokens.empty());
  std::string emoji;
  for (int i = 0; i < 10000; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_TRUE(Analyzer().Analyze(emoji).tokens.empty());
  std::string bidi;
  for (int i = 0; i < 1000; ++i) bidi += "\xE2\x80\xAEx";
  EXPECT_EQ(Analyzer().Analyze(bidi).text_findings.size(), 1000u);
  const std::string invalid = "\xFF\xFE\xC0\xAF\xED\xA0\x80";
  const MessageAnalysis bad = Analyzer().Analyze(invalid);
  EXPECT_TRUE(HasFinding(bad, text::FindingKind::kInvalidUtf8));
}

TEST(MessageAnalyzerTest, OversizedMessagesAreTruncatedAtACharacterBoundary) {
  std::string huge(MessageAnalyzer::kMaxMessageBytes - 1, 'a');
  huge += "\xC3\xA9 tail";
  const MessageAnalysis a = Analyzer().Analyze(huge);
  EXPECT_TRUE(a.truncated);
  EXPECT_EQ(a.analyzed_bytes, MessageAnalyzer::kMaxMessageBytes - 1);
}

TEST(MessageAnalyzerTest, TheStampNamesWhatTheAnalysisReads) {
  const MessageAnalyzer standard;
  EXPECT_NE(standard.stamp(), 0u);  // 0 stands for "not stamped"
  EXPECT_EQ(MessageAnalyzer().stamp(), standard.stamp());
  // Shingle sizes change no stored list; the default region reads numbers
  // written without a country code differently.
  AnalyzerOptions shingles;
  shingles.word_shingle_size = 0;
  shingles.char_shingle_size = 0;
  EXPECT_EQ(MessageAnalyzer(shingles).stamp(), standard.stamp());
  AnalyzerOptions no_shingle_text;
  no_shingle_text.shingles = false;
  EXPECT_NE(MessageAnalyzer(no_shingle_text).stamp(), standard.stamp());
  AnalyzerOptions british;
  british.default_region = "GB";
  EXPECT_NE(MessageAnalyzer(british).stamp(), standard.stamp());
}

TEST(MessageAnalyzerTest, BrandCategoriesComeFromTheDictionary) {
  const MessageAnalysis analysis = MessageAnalyzer().Analyze("Louis Vuitton bags 80% off");
  ASSERT_FALSE(analysis.brands.empty());
  EXPECT_EQ(MessageAnalyzer::BrandCategory(analysis.brands[0].name), analysis.brands[0].category);
  EXPECT_FALSE(MessageAnalyzer::BrandCategory(analysis.brands[0].name).empty());
  EXPECT_TRUE(MessageAnalyzer::BrandCategory("No Such Brand").empty());
}

}  // namespace
}  // namespace spamradar::analysis

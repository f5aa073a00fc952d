#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace spamradar::text {
namespace {

Tokenization TokenizeText(const std::string& raw, std::vector<TypedSpan> typed = {}) {
  return Tokenize(raw, Clean(raw), typed);
}

bool HasFinding(const Tokenization& t, FindingKind kind, std::string_view detail = {}) {
  for (const Finding& f : t.findings) {
    if (f.kind == kind && (detail.empty() || f.detail.find(detail) != std::string::npos))
      return true;
  }
  return false;
}

TEST(TokenizerTest, WordsAndPunctuation) {
  const Tokenization t = TokenizeText("Hello, World!! Don't miss out...");
  EXPECT_EQ(t.normalized, "hello world dont miss out");
  ASSERT_EQ(t.tokens.size(), 5u);
  EXPECT_EQ(t.tokens[1].original, (Span{7, 12}));
  EXPECT_EQ(t.tokens[1].normalized, (Span{6, 11}));
}

TEST(TokenizerTest, TokensOfOneExpandedCharacterShareItsSpan) {
  // NFKC reads '¾' as '3⁄4': two numbers, both from the same two bytes.
  const Tokenization t = TokenizeText("\xc2\xbe off");
  EXPECT_EQ(t.normalized, "3 4 off");
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[0].original, (Span{0, 2}));
  EXPECT_EQ(t.tokens[1].original, (Span{0, 2}));
  EXPECT_EQ(t.tokens[2].original, (Span{3, 6}));
}

TEST(TokenizerTest, LeetspeakInsideWords) {
  const Tokenization t = TokenizeText("L0uis V1tt0n $ale fr3e Pr4da");
  EXPECT_EQ(t.normalized, "louis vitton sale free prada");
  EXPECT_TRUE(HasFinding(t, FindingKind::kLeetspeak, "louis"));
  EXPECT_TRUE(HasFinding(t, FindingKind::kLeetspeak, "sale"));
}

// Words are cut 16 bytes at a time where 16 are left, then byte by byte: a
// word's end and its leetspeak must be found wherever they fall.
TEST(TokenizerTest, LongWordsAreCutAndReadAlikeAtEveryLength) {
  for (size_t length = 3; length < 40; ++length) {
    for (size_t digit = 1; digit + 1 < length; digit += 4) {  // inside the word
      std::string word(length, 'a');
      word[digit] = '3';
      std::string expected = word;
      expected[digit] = 'e';
      const std::string text = word + " " + word + "!";
      const Tokenization t = TokenizeText(text);
      ASSERT_EQ(t.tokens.size(), 2u) << text;
      EXPECT_EQ(t.normalized, expected + " " + expected) << text;
      EXPECT_TRUE(HasFinding(t, FindingKind::kLeetspeak)) << text;
    }
  }
}

TEST(TokenizerTest, AnExclamationMarkBeforeASentenceIsNotAnI) {
  const Tokenization t = TokenizeText("XMAS TONES!Reply REAL, cl!ck W!N now!SKY");
  EXPECT_EQ(t.normalized, "xmas tones reply real click win now sky");
  EXPECT_TRUE(HasFinding(t, FindingKind::kLeetspeak, "click"));
  EXPECT_FALSE(HasFinding(t, FindingKind::kLeetspeak, "tonesireply"));
}

TEST(TokenizerTest, TwoWordsWithoutTheSpaceAfterAFullStopStayTwo) {
  const Tokenization t = TokenizeText("ok.i will go now.i know k.good Pr.ada G.ucci");
  EXPECT_EQ(t.normalized, "ok i will go now i know k good prada gucci");
  EXPECT_TRUE(HasFinding(t, FindingKind::kFillerPunctuation, "prada"));
  EXPECT_FALSE(HasFinding(t, FindingKind::kFillerPunctuation, "nowi"));
}

TEST(TokenizerTest, QuantitiesAreNotLeetspeak) {
  const Tokenization t = TokenizeText("meet at 10am on the 1st, mp3 player win100 call 4 u 2nite");
  EXPECT_EQ(t.normalized, "meet at 10am on the 1st mp3 player win100 call 4 u 2nite");
  EXPECT_FALSE(HasFinding(t, FindingKind::kLeetspeak));
}

// An Indian bank alert names the payee by its UPI address, "swiggy@icici":
// the '@' before a payment app's handle separates, it is no 'a' in disguise.
TEST(TokenizerTest, UpiAddressesAreNotLeetspeak) {
  const Tokenization alert = TokenizeText("Rs 2,500 debited to VPA swiggy@icici. Not you?");
  EXPECT_EQ(alert.normalized, "rs 2 500 debited to vpa swiggy icici not you");
  EXPECT_FALSE(HasFinding(alert, FindingKind::kLeetspeak));
  EXPECT_EQ(TokenizeText("paid to ravi.k@okaxis and shop@ybl").normalized,
            "paid to ravi k okaxis and shop ybl");
  // Not a handle: still leetspeak.
  const Tokenization disguised = TokenizeText("fr@ud alert, gr@b it, c@sh@pp");
  EXPECT_EQ(disguised.normalized, "fraud alert grab it cashapp");
  EXPECT_TRUE(HasFinding(disguised, FindingKind::kLeetspeak, "fraud"));
  EXPECT_TRUE(HasFinding(TokenizeText("sw@icicibank"), FindingKind::kLeetspeak));
}

// UK premium-rate spam gives a postal address; its postcode's digits are
// digits ("W1J" is not "wij"), while leetspeak around it is still read.
TEST(TokenizerTest, UkPostcodesAreNotLeetspeak) {
  EXPECT_EQ(TokenizeText("PO Box W1J 6HL, L0ND0N").normalized, "po box w1j 6hl london");
  EXPECT_EQ(TokenizeText("reply to SW1A1AA or W45WQ").normalized, "reply to sw1a1aa or w45wq");
  EXPECT_EQ(TokenizeText("MK45 2WT").normalized, "mk45 2wt");
  // An outward code alone is no postcode: "W1N" reads as a word.
  EXPECT_EQ(TokenizeText("W1N a prize").normalized, "win a prize");
}

TEST(TokenizerTest, LetterSpacingIsJoined) {
  const Tokenization t = TokenizeText("Get F R E E stuff at G.U.C.C.I today, or f-r-3-e");
  EXPECT_EQ(t.normalized, "get free stuff at gucci today or free");
  EXPECT_TRUE(HasFinding(t, FindingKind::kLetterSpacing, "free"));
  EXPECT_TRUE(HasFinding(t, FindingKind::kLetterSpacing, "gucci"));
}

TEST(TokenizerTest, FillerPunctuationInsideWordsIsRemoved) {
  const Tokenization t = TokenizeText("Gu.cci and Pra_da bags fr*ee, cl~ick now");
  EXPECT_EQ(t.normalized, "gucci and prada bags free click now");
  EXPECT_TRUE(HasFinding(t, FindingKind::kFillerPunctuation, "gucci"));
  EXPECT_TRUE(HasFinding(t, FindingKind::kFillerPunctuation, "free"));
}

TEST(TokenizerTest, RealPunctuationBetweenWordsIsKept) {
  const Tokenization t =
      TokenizeText("I am home.Call me, Mr.Smith at T-Mobile, e.g. now, well-known");
  EXPECT_EQ(t.normalized, "i am home call me mr smith at t mobile e g now well known");
  EXPECT_FALSE(HasFinding(t, FindingKind::kFillerPunctuation));
}

TEST(TokenizerTest, LowerCaseTextspeakIsNotLetterSpacing) {
  const Tokenization t = TokenizeText("u r a winner, version 1.2.3");
  EXPECT_EQ(t.normalized, "u r a winner version 1 2 3");
  EXPECT_FALSE(HasFinding(t, FindingKind::kLetterSpacing));
}

TEST(TokenizerTest, CyrillicLookalikesFoldToLatinAndAreFlagged) {
  const std::string raw = "Your Р\u0430уР\u0430l account";  // Cyrillic Р, а, у mixed with Latin l
  const Tokenization t = TokenizeText(raw);
  EXPECT_EQ(t.normalized, "your paypal account");
  EXPECT_TRUE(HasFinding(t, FindingKind::kLookalike, "paypal"));
  EXPECT_TRUE(HasFinding(t, FindingKind::kMixedScript, "Cyrillic"));
  for (const Finding& f : t.findings) {
    if (f.kind == FindingKind::kLookalike) {
      EXPECT_EQ(f.span.Of(raw), "Р\u0430уР\u0430l");
    }
  }
}

TEST(TokenizerTest, RealForeignWordsAreKept) {
  const Tokenization t = TokenizeText("привет 你好 café");
  EXPECT_EQ(t.normalized, "привет 你好 cafe");
  EXPECT_FALSE(HasFinding(t, FindingKind::kLookalike));
  EXPECT_FALSE(HasFinding(t, FindingKind::kMixedScript));
}

TEST(TokenizerTest, TypedSpansBecomeOneToken) {
  const std::string raw = "Visit sh0p.example.com/x now";
  std::vector<TypedSpan> typed = {{TokenType::kUrl, 6, 24, "sh0p.example.com/x"}};
  const Tokenization t = TokenizeText(raw, typed);
  EXPECT_EQ(t.normalized, "visit sh0p.example.com/x now");
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[1].type, TokenType::kUrl);
  EXPECT_EQ(t.tokens[1].original.Of(raw), "sh0p.example.com/x");
}

// A typed token's text may be longer than its span ("x" read as a long
// canonical form): the normalized text grows past the clean text's size, and
// every word and typed token keeps its text and spans, at every length.
TEST(TokenizerTest, TypedTextsLongerThanTheirSpansAreKeptWhole) {
  for (size_t length : {1, 3, 4, 7, 8, 9, 16, 17, 40, 300}) {
    std::string raw;
    std::vector<TypedSpan> typed;
    std::string expected;
    for (int i = 0; i < 12; ++i) {
      const auto at = static_cast<uint32_t>(raw.size());
      raw += "x word ";
      const std::string text = std::string(length, static_cast<char>('a' + i));
      typed.push_back({TokenType::kNumber, at, at + 1, text});
      expected += (i > 0 ? " " : "") + text + " word";
    }
    const Tokenization t = TokenizeText(raw, typed);
    EXPECT_EQ(t.normalized, expected) << length;
    ASSERT_EQ(t.tokens.size(), 24u) << length;
    for (size_t i = 0; i < t.tokens.size(); i += 2) {
      EXPECT_EQ(t.TextOf(t.tokens[i]), std::string(length, static_cast<char>('a' + i / 2)));
      EXPECT_EQ(t.tokens[i].original.Of(raw), "x");
      EXPECT_EQ(t.TextOf(t.tokens[i + 1]), "word");
      EXPECT_EQ(t.tokens[i + 1].original.Of(raw), "word");
    }
  }
}

TEST(TokenizerTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(TokenizeText("").tokens.empty());
  EXPECT_TRUE(TokenizeText("!!! ... ***").tokens.empty());
}

}  // namespace
}  // namespace spamradar::text

#include "text/shingles.h"

#include <gtest/gtest.h>

namespace spamradar::text {
namespace {

Tokenization TokenizeText(const std::string& raw, std::vector<TypedSpan> typed = {}) {
  return Tokenize(raw, Clean(raw), typed);
}

TEST(ShinglesTest, RotatingLinksGiveTheSameShingles) {
  const std::string a = "Gucci sale visit aaa.com now";
  const std::string b = "Gucci sale visit bbbbbb.net now";
  const Tokenization ta = TokenizeText(a, {{TokenType::kUrl, 17, 24, "aaa.com"}});
  const Tokenization tb = TokenizeText(b, {{TokenType::kUrl, 17, 27, "bbbbbb.net"}});
  EXPECT_EQ(ShingleText(ta.tokens, ta.normalized), "gucci sale visit <url> now");
  EXPECT_EQ(WordShingles(ta.tokens, ta.normalized, 3), WordShingles(tb.tokens, tb.normalized, 3));
}

TEST(ShinglesTest, CountsAndShortInputs) {
  const Tokenization t = TokenizeText("one two three four");
  EXPECT_EQ(WordShingles(t.tokens, t.normalized, 3).size(), 2u);
  EXPECT_EQ(WordShingles(t.tokens, t.normalized, 9).size(), 1u);
  EXPECT_TRUE(WordShingles({}, "", 3).empty());
  EXPECT_EQ(CharShingles("abcdef", 5).size(), 2u);
  EXPECT_EQ(CharShingles("abc", 5).size(), 1u);
  EXPECT_TRUE(CharShingles("", 5).empty());
}

TEST(ShinglesTest, TokenBoundariesMatter) {
  const Tokenization ab = TokenizeText("ab c");
  const Tokenization a_bc = TokenizeText("a bc");
  EXPECT_NE(WordShingles(ab.tokens, ab.normalized, 2),
            WordShingles(a_bc.tokens, a_bc.normalized, 2));
}

}  // namespace
}  // namespace spamradar::text

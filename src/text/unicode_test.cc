#include "text/unicode.h"

#include <gtest/gtest.h>

namespace spamradar::text {
namespace {

TEST(UnicodeTest, DecodeNeverFails) {
  const std::string bad = "a\xC3\x28\xF0\x9F";
  EXPECT_EQ(DecodeUtf8(bad, 0).code_point, U'a');
  const DecodedChar broken = DecodeUtf8(bad, 1);
  EXPECT_FALSE(broken.valid);
  EXPECT_EQ(broken.code_point, kReplacementChar);
  EXPECT_EQ(broken.length, 1);
  EXPECT_FALSE(DecodeUtf8(bad, 3).valid);  // truncated 4-byte sequence
  EXPECT_EQ(DecodeUtf8("\xE2\x82\xAC", 0).code_point, U'€');
}

TEST(UnicodeTest, FoldsEveryAsciiLetterAndDigitFromCyrillicAndGreekLookalikes) {
  EXPECT_EQ(FoldToAscii(U'а'), 'a');  // Cyrillic a
  EXPECT_EQ(FoldToAscii(U'е'), 'e');
  EXPECT_EQ(FoldToAscii(U'о'), 'o');
  EXPECT_EQ(FoldToAscii(U'р'), 'p');
  EXPECT_EQ(FoldToAscii(U'с'), 'c');
  EXPECT_EQ(FoldToAscii(U'ѕ'), 's');
  EXPECT_EQ(FoldToAscii(U'і'), 'i');
  EXPECT_EQ(FoldToAscii(U'ο'), 'o');  // Greek omicron
  EXPECT_EQ(FoldToAscii(U'ν'), 'v');  // Greek nu
  EXPECT_EQ(FoldToAscii(U'é'), 'e');
  EXPECT_EQ(FoldToAscii(U'ı'), 'i');
  EXPECT_EQ(FoldToAscii(U'ｇ'), 'g');  // fullwidth
  EXPECT_EQ(FoldToAscii(U'𝐆'), 'g');   // mathematical bold
  EXPECT_EQ(FoldToAscii(U'З'), '3');   // Cyrillic Ze looks like a three
  EXPECT_EQ(FoldToAscii(U'ж'), 0);     // no Latin look-alike
  EXPECT_EQ(FoldToAscii(U'中'), 0);
}

TEST(UnicodeTest, EveryLatinLetterAndDigitHasANonAsciiLookalike) {
  // The table must cover the whole of a-z and 0-9, not a handful of favourites.
  std::string covered;
  for (char32_t c = 0x80; c < 0x2C00; ++c) {
    const char f = FoldToAscii(c);
    if (f != 0 && covered.find(f) == std::string::npos) covered.push_back(f);
  }
  for (char c : std::string("abcdefghijklmnopqrstuvwxyz0123456789")) {
    EXPECT_NE(covered.find(c), std::string::npos) << "no look-alike for " << c;
  }
}

TEST(UnicodeTest, InvisibleAndBidi) {
  EXPECT_TRUE(IsInvisible(0x200B));  // zero-width space
  EXPECT_TRUE(IsInvisible(0x00AD));  // soft hyphen
  EXPECT_TRUE(IsInvisible(0xFEFF));
  EXPECT_TRUE(IsInvisible(0xE0041));  // tag A
  EXPECT_TRUE(IsBidiControl(0x202E));
  EXPECT_TRUE(IsBidiControl(0x2067));
  EXPECT_FALSE(IsInvisible(U'a'));
  EXPECT_FALSE(IsInvisible(U'é'));
}

TEST(UnicodeTest, Scripts) {
  EXPECT_EQ(ScriptOf(U'a'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'а'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'α'), Script::kGreek);
  EXPECT_EQ(ScriptOf(U'か'), Script::kCjk);
  EXPECT_EQ(ScriptOf(U'1'), Script::kNone);
}

}  // namespace
}  // namespace spamradar::text

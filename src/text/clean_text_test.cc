#include "text/clean_text.h"

#include <gtest/gtest.h>

namespace spamradar::text {
namespace {

bool HasFinding(const CleanText& clean, FindingKind kind) {
  for (const Finding& f : clean.findings()) {
    if (f.kind == kind) return true;
  }
  return false;
}

TEST(CleanTextTest, AsciiIsLowerCasedWithIdentityOffsets) {
  const CleanText clean = Clean("WIN a FREE Prize");
  EXPECT_EQ(clean.text(), "win a free prize");
  EXPECT_TRUE(clean.is_ascii());
  EXPECT_EQ(clean.ToOriginal(4, 5), (Span{4, 5}));
  EXPECT_TRUE(clean.findings().empty());
}

// The ASCII pass reads 16 bytes at a time, then the rest one by one: a
// control character, a DEL or a non-ASCII byte is seen wherever it falls.
TEST(CleanTextTest, EveryPositionOfALongAsciiMessageIsChecked) {
  const std::string base = "Call NOW to WIN a FREE Prize: ABCXYZ@[`{ ok";  // 43 bytes
  EXPECT_EQ(Clean(base).text(), "call now to win a free prize: abcxyz@[`{ ok");
  for (size_t at = 0; at < base.size(); ++at) {
    for (const char odd : {'\x01', '\x7F'}) {
      std::string raw = base;
      raw[at] = odd;
      const CleanText clean = Clean(raw);
      EXPECT_TRUE(HasFinding(clean, FindingKind::kControlChar)) << at;
      EXPECT_EQ(clean.text()[at], ' ') << at;
      EXPECT_TRUE(clean.is_ascii()) << at;
    }
    std::string accented = base;
    accented.replace(at, 1, "\xC3\x89");  // 'É'
    const CleanText clean = Clean(accented);
    EXPECT_FALSE(clean.is_ascii()) << at;
    EXPECT_EQ(clean.text().substr(at, 2), "\xC3\xA9") << at;  // 'é'
  }
}

// Lower-cased 16 bytes at a time, the rest as the last 16 bytes again (one
// by one under 16): every length, with a control character or a non-ASCII
// letter last, where only that final block sees it.
TEST(CleanTextTest, AsciiIsLowerCasedAtEveryLength) {
  const std::string pattern = "Win A FREE prize@[`{Z ";
  for (size_t length = 1; length <= 50; ++length) {
    std::string raw;
    while (raw.size() < length) raw += pattern;
    raw.resize(length);
    std::string lowered = raw;
    for (char& c : lowered) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    const CleanText clean = Clean(raw);
    EXPECT_EQ(clean.text(), lowered) << length;
    EXPECT_TRUE(clean.is_ascii()) << length;
    EXPECT_TRUE(clean.findings().empty()) << length;
    std::string controlled = raw;
    controlled.back() = '\x07';
    EXPECT_EQ(Clean(controlled).text().back(), ' ') << length;
    EXPECT_FALSE(Clean(raw + "\xC3\x89").is_ascii()) << length;
  }
}

TEST(CleanTextTest, NfkcAndCaseFoldingWithOffsetsBackToOriginal) {
  const std::string raw = "ＦＲＥＥ Straße";
  const CleanText clean = Clean(raw);
  EXPECT_EQ(clean.text(), "free strasse");
  // "free" came from the 12 bytes of the four fullwidth letters.
  EXPECT_EQ(clean.ToOriginal(0, 4), (Span{0, 12}));
  // "ss" came from the two bytes of 'ß'.
  const size_t ss = clean.text().find("ss");
  EXPECT_EQ(clean.ToOriginal(static_cast<uint32_t>(ss), static_cast<uint32_t>(ss + 2)).Of(raw),
            "ß");
  EXPECT_TRUE(HasFinding(clean, FindingKind::kCompatibilityForm));
}

TEST(CleanTextTest, CombiningMarksCompose) {
  const CleanText clean = Clean("Cafe\xCC\x81");  // e + combining acute
  EXPECT_EQ(clean.text(), "caf\xC3\xA9");
}

TEST(CleanTextTest, InvisibleAndBidiCharactersAreRemovedAndFlagged) {
  const std::string raw = "fr\u200Bee gi\u00ADft \u202Eevil";
  const CleanText clean = Clean(raw);
  EXPECT_EQ(clean.text(), "free gift evil");
  EXPECT_TRUE(HasFinding(clean, FindingKind::kInvisibleChar));
  EXPECT_TRUE(HasFinding(clean, FindingKind::kBidiControl));
  for (const Finding& f : clean.findings()) {
    if (f.kind == FindingKind::kInvisibleChar) {
      EXPECT_EQ(f.span.Of(raw) == "\u200B" || f.span.Of(raw) == "\u00AD", true);
    }
  }
}

TEST(CleanTextTest, EmojiJoinersAreNotObfuscation) {
  const CleanText clean = Clean("family \U0001F468\u200D\U0001F469 ok \u2764\uFE0F");
  EXPECT_FALSE(HasFinding(clean, FindingKind::kInvisibleChar));
}

TEST(CleanTextTest, InvalidUtf8BecomesReplacementAndIsFlagged) {
  const std::string raw = std::string("ok \xFF\xFE end");
  const CleanText clean = Clean(raw);
  EXPECT_EQ(clean.text(), "ok \uFFFD\uFFFD end");
  int invalid = 0;  // the two adjacent bad bytes are one finding
  for (const Finding& f : clean.findings()) {
    if (f.kind == FindingKind::kInvalidUtf8) {
      ++invalid;
      EXPECT_EQ(f.span.size(), 2u);
    }
  }
  EXPECT_EQ(invalid, 1);
}

TEST(CleanTextTest, ControlCharactersAndNulBecomeSpaces) {
  const std::string raw(
      "a\0b\x07"
      "c",
      5);
  const CleanText clean = Clean(raw);
  EXPECT_EQ(clean.text(), "a b c");
  EXPECT_TRUE(HasFinding(clean, FindingKind::kControlChar));
}

TEST(CleanTextTest, LongRunsOfCombiningMarksStayBounded) {
  std::string zalgo = "h";
  for (int i = 0; i < 1000; ++i) zalgo += "\xCC\x81";
  const CleanText clean = Clean(zalgo);
  EXPECT_FALSE(clean.text().empty());
  EXPECT_EQ(clean.ToOriginal(0, static_cast<uint32_t>(clean.text().size())).end, zalgo.size());
}

}  // namespace
}  // namespace spamradar::text

#include "core/byte_scan.h"

#include <string>

#include <gtest/gtest.h>

namespace spamradar {
namespace {

// The block test and the byte test must agree wherever the wanted byte falls:
// in a 16-byte block, in the last bytes (read as the text's last 16, shifted),
// or nowhere, for every length of text and every starting point.
TEST(ByteScanTest, FindsTheFirstWantedByteAtEveryOffset) {
  using Wanted = DigitOrAnyOf<'@', '$', '\xC2'>;
  for (const char wanted : {'@', '$', '\xC2', '0', '5', '9'}) {
    for (size_t size = 1; size <= 50; ++size) {
      for (size_t at = 0; at < size; ++at) {
        for (size_t from = 0; from <= size; ++from) {
          std::string text(size, 'x');
          text[at] = wanted;
          if (at + 3 < size) text[at + 3] = '7';  // a later match must not be taken instead
          const size_t expected =
              from <= at ? at : (from <= at + 3 && at + 3 < size ? at + 3 : size);
          ASSERT_EQ(FindNext<Wanted>(text, from), expected)
              << "'" << wanted << "' at " << at << " of " << size << " from " << from;
        }
      }
    }
  }
}

TEST(ByteScanTest, BytesOutsideTheSetAreSkipped) {
  // Neighbours of the digits and of the wanted bytes, and bytes >= 0x80.
  std::string text = "/:?A`Zaz ~\x7F\x80\xC1\xC3\xFF";
  text += text;
  text += text;
  using Wanted = DigitOrAnyOf<'@', '\xC2'>;
  using Zero = AnyOf<'0'>;
  using Bracket = AnyOf<'['>;
  EXPECT_EQ(FindNext<Wanted>(text, 0), text.size());
  EXPECT_EQ(FindNext<Zero>(text + "1", 0), text.size() + 1);
  EXPECT_EQ(FindNext<Bracket>("", 0), 0u);
  EXPECT_EQ(FindNext<Bracket>("a[b", 2), 3u);
}

}  // namespace
}  // namespace spamradar

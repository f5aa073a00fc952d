#include "core/tsv.h"

#include <gtest/gtest.h>

namespace spamradar {
namespace {

TEST(TsvTest, Split) {
  EXPECT_EQ(Split("a||b", '|'), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(Split("", '|'), (std::vector<std::string_view>{""}));
}

TEST(TsvTest, RowsSkipCommentsAndBlankLinesAndCarriageReturns) {
  std::vector<std::string> seen;
  const Status status = ForEachTsvRow(
      "# header\n\na\tb\r\nc\td\n", 2, [&](int line, const std::vector<std::string_view>& f) {
        seen.push_back(std::to_string(line) + ":" + std::string(f[0]) + std::string(f[1]));
        return Status::Ok();
      });
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"3:ab", "4:cd"}));
}

TEST(TsvTest, ErrorsNameTheLine) {
  const Status wrong_columns =
      ForEachTsvRow("a\tb\nc\n", 2, [](int, const auto&) { return Status::Ok(); });
  EXPECT_EQ(wrong_columns.message(), "line 2: expected 2 tab-separated fields, found 1");
  const Status from_fn = ForEachTsvRow("a\tb\n", 2, [](int line, const auto&) {
    return Status::InvalidArgument("line " + std::to_string(line) + ": bad");
  });
  EXPECT_EQ(from_fn.message(), "line 1: bad");
}

TEST(TsvTest, OptionalLastColumns) {
  std::vector<size_t> widths;
  const Status status =
      ForEachTsvRow("a\tb\na\tb\tc\n", 2, 3, [&](int, const std::vector<std::string_view>& f) {
        widths.push_back(f.size());
        return Status::Ok();
      });
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(widths, (std::vector<size_t>{2, 3}));
  const Status too_many =
      ForEachTsvRow("a\tb\na\tb\tc\td\n", 2, 3, [](int, const auto&) { return Status::Ok(); });
  EXPECT_EQ(too_many.message(), "line 2: expected 2 to 3 tab-separated fields, found 4");
  const Status too_few = ForEachTsvRow("a\n", 2, 3, [](int, const auto&) { return Status::Ok(); });
  EXPECT_EQ(too_few.message(), "line 1: expected 2 to 3 tab-separated fields, found 1");
}

}  // namespace
}  // namespace spamradar

// Reading the small tab-separated data files spamradar ships (brand and cue
// lexicons, shortener list, area-code and metro tables): one row per line,
// '#' starts a comment line, empty lines and a trailing CR are ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace spamradar {

// Splits on `separator`: "a||b" gives {"a", "", "b"}, "" gives {""}.
std::vector<std::string_view> Split(std::string_view text, char separator);

// Calls `fn(line_number, line)` for each non-empty line (numbered from 1, a
// trailing CR removed); stops at, and returns, the first error `fn` returns.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    Status status = fn(line_number, line);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Calls `fn(line_number, fields)` for each data row of `min_columns` to
// `max_columns` fields (the last ones optional). A row with fewer or more is an
// error naming its line; so is any error `fn` returns, which also stops the reading.
template <typename Fn>
Status ForEachTsvRow(std::string_view tsv, size_t min_columns, size_t max_columns, Fn fn) {
  return ForEachLine(tsv, [&](int line_number, std::string_view line) -> Status {
    if (line.front() == '#') return Status::Ok();
    const std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() < min_columns || fields.size() > max_columns) {
      const std::string expected =
          min_columns == max_columns
              ? std::to_string(min_columns)
              : std::to_string(min_columns) + " to " + std::to_string(max_columns);
      return Status::InvalidArgument("line " + std::to_string(line_number) + ": expected " +
                                     expected + " tab-separated fields, found " +
                                     std::to_string(fields.size()));
    }
    return fn(line_number, fields);
  });
}

// The same for rows of exactly `columns` fields.
template <typename Fn>
Status ForEachTsvRow(std::string_view tsv, size_t columns, Fn fn) {
  return ForEachTsvRow(tsv, columns, columns, fn);
}

}  // namespace spamradar

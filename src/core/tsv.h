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

// Calls `fn(line_number, fields)` for each data row. A row with other than
// `columns` fields is an error naming its line; so is any error `fn` returns,
// which also stops the reading.
template <typename Fn>
Status ForEachTsvRow(std::string_view tsv, size_t columns, Fn fn) {
  return ForEachLine(tsv, [&](int line_number, std::string_view line) -> Status {
    if (line.front() == '#') return Status::Ok();
    const std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() != columns) {
      return Status::InvalidArgument("line " + std::to_string(line_number) + ": expected " +
                                     std::to_string(columns) + " tab-separated fields, found " +
                                     std::to_string(fields.size()));
    }
    return fn(line_number, fields);
  });
}

}  // namespace spamradar

// Timestamps and RFC 3339 text.
//
// A Timestamp is a UTC instant with millisecond precision: reports carry
// client timestamps with at most that, and the store keeps them as integer
// milliseconds since the Unix epoch. Free functions; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace spamradar {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

inline int64_t ToUnixMillis(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp FromUnixMillis(int64_t ms) {
  return Timestamp(std::chrono::milliseconds(ms));
}

// "2014-03-01T12:30:00Z", "2014-03-01T07:30:00.250-05:00", "2014-03-01 12:30:00z":
// a full date, a time and a zone (Z or an offset) are required; fractions
// beyond milliseconds are truncated; a leap second (":60") reads as ":59.999".
// Errors say what is wrong ("month 13 is out of range").
Result<Timestamp> ParseRfc3339(std::string_view text);

// "2014-03-01T12:30:00Z", with ".250" when the milliseconds are not zero.
std::string FormatRfc3339(Timestamp t);

// The UTC calendar day of `t` as days since the epoch, and its "2014-03-01" form.
int64_t UtcDay(Timestamp t);
std::string FormatDay(int64_t utc_day);
// "2014-03-01" -> the day's number, for date filters given on a command line.
Result<int64_t> ParseDay(std::string_view text);

}  // namespace spamradar

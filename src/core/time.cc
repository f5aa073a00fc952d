#include "core/time.h"

#include <cstdio>
#include <utility>

namespace spamradar {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

// Reads exactly `width` digits at `*at`.
bool Digits(std::string_view text, size_t* at, size_t width, int* out) {
  if (*at + width > text.size()) return false;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = text[*at + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *at += width;
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* at, char c) {
  if (*at >= text.size() || text[*at] != c) return false;
  ++*at;
  return true;
}

// "'2014-13-01' <what>", the text cut short if long (appends: GCC 12 warns
// falsely on chains of operator+).
std::string Quoted(std::string_view text, std::string_view what) {
  std::string out = "'";
  out.append(text.substr(0, 40));
  if (text.size() > 40) out.append("...");
  out.append("' ");
  out.append(what);
  return out;
}

Status Invalid(std::string_view text, std::string_view why) {
  std::string message = Quoted(text, "is not an RFC 3339 timestamp: ");
  message.append(why);
  return Status::InvalidArgument(std::move(message));
}

}  // namespace

Result<Timestamp> ParseRfc3339(std::string_view text) {
  size_t at = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(text, &at, 4, &year) || !Expect(text, &at, '-') || !Digits(text, &at, 2, &month) ||
      !Expect(text, &at, '-') || !Digits(text, &at, 2, &day)) {
    return Invalid(text, "expected a date like 2014-03-01");
  }
  if (at >= text.size() || (text[at] != 'T' && text[at] != 't' && text[at] != ' ')) {
    return Invalid(text, "expected 'T' and a time after the date");
  }
  ++at;
  if (!Digits(text, &at, 2, &hour) || !Expect(text, &at, ':') || !Digits(text, &at, 2, &minute) ||
      !Expect(text, &at, ':') || !Digits(text, &at, 2, &second)) {
    return Invalid(text, "expected a time like 12:30:00");
  }
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    size_t fraction_digits = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (fraction_digits < 3) millis = millis * 10 + (text[at] - '0');
      ++fraction_digits;
      ++at;
    }
    if (fraction_digits == 0) return Invalid(text, "expected digits after '.'");
    for (size_t i = fraction_digits; i < 3; ++i) millis *= 10;
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    int offset_hours = 0, offset_mins = 0;
    if (!Digits(text, &at, 2, &offset_hours) || !Expect(text, &at, ':') ||
        !Digits(text, &at, 2, &offset_mins) || offset_hours > 23 || offset_mins > 59) {
      return Invalid(text, "expected a zone offset like +05:00");
    }
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  } else {
    return Invalid(text, "a time zone is required (Z or an offset like -05:00)");
  }
  if (at != text.size()) return Invalid(text, "unexpected text after the time zone");

  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (month < 1 || month > 12) return Invalid(text, "month is out of range");
  if (!date.ok()) return Invalid(text, "day is out of range for the month");
  if (hour > 23 || minute > 59 || second > 60) return Invalid(text, "time is out of range");
  if (second == 60) {  // a leap second: the last representable instant of the minute
    second = 59;
    millis = 999;
  }
  const Timestamp t = std::chrono::sys_days(date) + std::chrono::hours(hour) +
                      std::chrono::minutes(minute - offset_minutes) + std::chrono::seconds(second) +
                      milliseconds(millis);
  return t;
}

std::string FormatRfc3339(Timestamp t) {
  const auto day_start = std::chrono::floor<days>(t);
  const std::chrono::year_month_day date(day_start);
  const std::chrono::hh_mm_ss<milliseconds> time(t - day_start);
  // Digits written directly: the server stamps every log line with this, and
  // snprintf's format parsing was most of a line's cost.
  char buffer[40];
  char* out = buffer;
  auto digits = [&out](int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    out += width;
  };
  const int year = static_cast<int>(date.year());
  if (year < 0 || year > 9999) {  // outside RFC 3339's four digits: as printf wrote it
    out += std::snprintf(out, 16, "%04d", year);
  } else {
    digits(year, 4);
  }
  *out++ = '-';
  digits(static_cast<unsigned>(date.month()), 2);
  *out++ = '-';
  digits(static_cast<unsigned>(date.day()), 2);
  *out++ = 'T';
  digits(time.hours().count(), 2);
  *out++ = ':';
  digits(time.minutes().count(), 2);
  *out++ = ':';
  digits(time.seconds().count(), 2);
  if (const auto millis = time.subseconds().count(); millis != 0) {
    *out++ = '.';
    digits(millis, 3);
  }
  *out++ = 'Z';
  return std::string(buffer, static_cast<size_t>(out - buffer));
}

int64_t UtcDay(Timestamp t) {
  return std::chrono::floor<days>(t).time_since_epoch().count();
}

std::string FormatDay(int64_t utc_day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(days(utc_day))};
  char buffer[24];
  const int n =
      std::snprintf(buffer, sizeof(buffer), "%04d-%02u-%02u", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(buffer, static_cast<size_t>(n));
}

Result<int64_t> ParseDay(std::string_view text) {
  size_t at = 0;
  int year = 0, month = 0, day = 0;
  if (!Digits(text, &at, 4, &year) || !Expect(text, &at, '-') || !Digits(text, &at, 2, &month) ||
      !Expect(text, &at, '-') || !Digits(text, &at, 2, &day) || at != text.size()) {
    return Status::InvalidArgument(Quoted(text, "is not a date like 2014-03-01"));
  }
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) {
    return Status::InvalidArgument(Quoted(text, "is not a calendar date"));
  }
  return std::chrono::sys_days(date).time_since_epoch().count();
}

}  // namespace spamradar

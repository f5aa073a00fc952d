#include "analytics/calendar.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace spamradar::analytics {

struct Calendar::Zone {
  std::unique_ptr<icu::TimeZone> zone;
};

Result<Calendar> Calendar::Named(const std::string& name) {
  Calendar calendar;
  if (name.empty() || name == "UTC" || name == "Etc/UTC") return calendar;
  auto zone = std::unique_ptr<icu::TimeZone>(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
  // ICU answers an unknown name with the "Etc/Unknown" zone rather than an error.
  icu::UnicodeString id;
  zone->getID(id);
  if (*zone == icu::TimeZone::getUnknown() || id == UNICODE_STRING_SIMPLE("Etc/Unknown")) {
    return Status::InvalidArgument("'" + name +
                                   "' is not a time zone (use UTC or an IANA name such as "
                                   "America/New_York)");
  }
  calendar.name_ = name;
  calendar.zone_ = std::make_shared<const Zone>(Zone{std::move(zone)});
  return calendar;
}

int64_t Calendar::DayOf(Timestamp t) const {
  const int64_t millis = ToUnixMillis(t);
  int64_t local = millis;
  if (zone_ != nullptr) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone_->zone->getOffset(static_cast<UDate>(millis), false, raw, dst, status);
    if (U_SUCCESS(status)) local += static_cast<int64_t>(raw) + dst;
  }
  constexpr int64_t kDay = 86'400'000;
  return local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
}

}  // namespace spamradar::analytics

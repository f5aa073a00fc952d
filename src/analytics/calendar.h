// Calendar: which calendar day a report falls on, in UTC (the default) or in
// a named time zone ("America/New_York"), daylight saving included (ICU's
// time zone data). The rollups count by these days, so a question asked in a
// time zone is answered exactly: the fold is made in that zone. Immutable;
// thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "core/time.h"

namespace spamradar::analytics {

class Calendar {
 public:
  Calendar() = default;  // UTC

  // "UTC", or an IANA zone name ("America/New_York"); anything else is an error.
  static Result<Calendar> Named(const std::string& zone);

  // Days since 1970-01-01 in this calendar.
  int64_t DayOf(Timestamp t) const;
  const std::string& name() const { return name_; }

 private:
  struct Zone;  // ICU's, kept out of this header
  std::string name_ = "UTC";
  std::shared_ptr<const Zone> zone_;  // null: UTC
};

}  // namespace spamradar::analytics

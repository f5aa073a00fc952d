// MetroDirectory: which US metro area a phone number belongs to, from the
// area-code table spamradar builds from NANPA and Census data
// (data/geo/area_codes.tsv, data/geo/metros.tsv, tools/build_geo_table.py),
// compiled into the binary. Numbers outside the table fall back to
// libphonenumber's offline geocoder ("Ontario", "United Kingdom").
// Immutable after construction; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace spamradar::geo {

struct Metro {
  std::string cbsa;   // Census CBSA code, "35620"
  std::string name;   // stable short name, "New York"
  std::string title;  // Census title, "New York-Newark-Jersey City, NY-NJ-PA"
  int64_t population = 0;
  // Where to draw it on a map: its principal city (degrees; both 0 if unknown).
  double latitude = 0;
  double longitude = 0;
};

struct Location {
  std::string area_code;         // "212"; empty for numbers outside the US table
  std::string state;             // "NY"
  const Metro* metro = nullptr;  // null: not in a metro area, or not in the US
  std::string description;       // from the geocoder when there is no metro
};

class MetroDirectory {
 public:
  static const MetroDirectory& Default();
  static Result<MetroDirectory> Parse(std::string_view area_codes_tsv, std::string_view metros_tsv);

  // `e164` as produced by ParsePhoneNumber ("+12125551234"). With `describe`,
  // a number outside the US table gets the geocoder's description ("Ontario"),
  // which costs a libphonenumber lookup most callers do not need.
  Location Locate(std::string_view e164, bool describe = false) const;
  // Whether `npa` (200-999) is a US geographic area code in service per NANPA.
  bool IsUsAreaCode(int npa) const {
    return npa >= 0 && npa < 1000 && area_codes_[static_cast<size_t>(npa)].known;
  }
  // A metro by short name, case-insensitive ("new york"), or by CBSA code ("35620").
  const Metro* FindMetro(std::string_view name) const;
  const std::vector<Metro>& metros() const { return metros_; }

 private:
  struct AreaCode {
    std::string state;
    int metro = -1;  // index into metros_
    bool known = false;
  };
  std::vector<Metro> metros_;
  std::array<AreaCode, 1000> area_codes_{};
};

}  // namespace spamradar::geo

// Phone numbers, through libphonenumber: parsing what people and spammers
// write ("(212) 555-1234", "+44 7911 123456", "1-800-555-0199") into E.164,
// and the offline geocoder's description of where a number is from.
// libphonenumber enters spamradar here only. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spamradar::geo {

struct PhoneNumber {
  std::string e164;    // "+12125551234"
  std::string region;  // ISO 3166 region of the number: "US", "GB"
  bool toll_free = false;
};

// A valid number, or nullopt. Numbers without a country code are read in
// `default_region` (US unless told otherwise).
//
// US numbers (10 digits, optionally with +1 or 1) whose area code is a US
// geographic code in service in the NANPA report, or a toll-free code, and whose
// exchange is assignable (NXX, not N11) are validated against that table
// directly: it is newer than the metadata of Debian's libphonenumber (2022),
// and libphonenumber's ICU-regex parser costs ~30 us a number, which would
// dominate the analysis of phone-heavy spam. Numbers written with another
// country code ("+44 7797 706009") are read in libphonenumber's own numbering
// plans, taken from it at build time (phone_plan.h), when those can decide.
// Every other number goes to libphonenumber.
std::optional<PhoneNumber> ParsePhoneNumber(std::string_view text,
                                            std::string_view default_region = "US");

// libphonenumber's own answer for `text`, without the fast paths above or
// the answers remembered: what the fast paths are tested against.
std::optional<PhoneNumber> ParseWithLibphonenumberOnly(std::string_view text,
                                                       std::string_view default_region = "US");

// Whether libphonenumber knows `region` ("US", "GB"; upper case ISO 3166).
bool IsSupportedRegion(std::string_view region);

// libphonenumber's English description of where `e164` was assigned
// ("New York, NY", "Ontario", "United Kingdom"), or empty.
std::string DescribeLocation(std::string_view e164);

}  // namespace spamradar::geo

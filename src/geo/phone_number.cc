#include "geo/phone_number.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

namespace spamradar::geo {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* const util = [] {
    PhoneNumberUtil* instance = PhoneNumberUtil::GetInstance();
    // Parse failures are ordinary here (most digit runs are not phone numbers).
    instance->SetLogger(new i18n::phonenumbers::NullLogger());
    return instance;
  }();
  return *util;
}

bool Parse(std::string_view text, std::string_view region,
           i18n::phonenumbers::PhoneNumber* number) {
  return Util().Parse(std::string(text), std::string(region), number) ==
         PhoneNumberUtil::NO_PARSING_ERROR;
}

}  // namespace

std::optional<PhoneNumber> ParsePhoneNumber(std::string_view text,
                                            std::string_view default_region) {
  i18n::phonenumbers::PhoneNumber number;
  if (text.size() > 32 || !Parse(text, default_region, &number)) return std::nullopt;
  PhoneNumber out;
  // Checking the default region alone is much cheaper than finding the region
  // among all that share the country code (+1 has 25), and it is the usual case.
  if (Util().IsValidNumberForRegion(number, std::string(default_region))) {
    out.region = default_region;
  } else {
    Util().GetRegionCodeForNumber(number, &out.region);
    if (out.region == "ZZ" || !Util().IsValidNumberForRegion(number, out.region))
      return std::nullopt;
  }
  Util().Format(number, PhoneNumberUtil::E164, &out.e164);
  out.toll_free = Util().GetNumberType(number) == PhoneNumberUtil::TOLL_FREE;
  return out;
}

std::string DescribeLocation(std::string_view e164) {
  static const i18n::phonenumbers::PhoneNumberOfflineGeocoder* const geocoder =
      new i18n::phonenumbers::PhoneNumberOfflineGeocoder();
  i18n::phonenumbers::PhoneNumber number;
  if (!Parse(e164, "ZZ", &number)) return "";
  return geocoder->GetDescriptionForNumber(number, icu::Locale::getEnglish());
}

}  // namespace spamradar::geo

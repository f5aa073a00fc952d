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
  if (text.size() > 32 || !Parse(text, default_region, &number) || !Util().IsValidNumber(number)) {
    return std::nullopt;
  }
  PhoneNumber out;
  Util().Format(number, PhoneNumberUtil::E164, &out.e164);
  Util().GetRegionCodeForNumber(number, &out.region);
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

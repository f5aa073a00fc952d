// The offline geocoder, built as a module that `DescribeLocation` loads on
// first use (phone_number.cc). libgeocoding holds its place-name tables as
// ~460,000 pointers that the dynamic loader relocates in every process that
// links it: 10 ms of start-up for each `spamradar` command, against 1.5 ms
// for a program linking nothing. Only intake's description of numbers outside
// the US table asks for it.
#include "geo/geocoder_module.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

size_t spamradar_describe_location(const char* e164, size_t e164_size, char* description,
                                   size_t capacity) {
  using i18n::phonenumbers::PhoneNumberUtil;
  static const i18n::phonenumbers::PhoneNumberOfflineGeocoder* const geocoder = [] {
    PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
    return new i18n::phonenumbers::PhoneNumberOfflineGeocoder();
  }();
  i18n::phonenumbers::PhoneNumber number;
  if (PhoneNumberUtil::GetInstance()->Parse(std::string(e164, e164_size), "ZZ", &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return 0;
  }
  const std::string found = geocoder->GetDescriptionForNumber(number, icu::Locale::getEnglish());
  std::memcpy(description, found.data(), std::min(found.size(), capacity));
  return found.size();
}

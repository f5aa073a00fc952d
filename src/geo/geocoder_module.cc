// The offline geocoder, built as a module that `DescribeLocation` loads on
// first use (phone_number.cc). libgeocoding holds its place-name tables as
// ~460,000 pointers that the dynamic loader relocates in every process that
// links it: 10 ms of start-up for each `spamradar` command, against 1.5 ms
// for a program linking nothing. Only intake's description of numbers outside
// the US table asks for it.
#include "geo/geocoder_module.h"

#include <string>

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <unicode/locid.h>

void spamradar_describe_location(const i18n::phonenumbers::PhoneNumber& number,
                                 std::string* description) {
  static const i18n::phonenumbers::PhoneNumberOfflineGeocoder* const geocoder =
      new i18n::phonenumbers::PhoneNumberOfflineGeocoder();
  *description = geocoder->GetDescriptionForNumber(number, icu::Locale::getEnglish());
}

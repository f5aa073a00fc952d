// The interface between DescribeLocation (phone_number.cc) and the geocoder
// module it loads on first use (geocoder_module.cc, built as a shared module
// next to the `spamradar` binary).
#pragma once

#include <string>

#include <phonenumbers/phonenumber.pb.h>

// The module's one entry point, looked up by this name: sets `description` to
// libphonenumber's English description of where `number` (parsed by the
// caller) was assigned, or empty.
extern "C" void spamradar_describe_location(const i18n::phonenumbers::PhoneNumber& number,
                                            std::string* description);
inline constexpr char kDescribeLocationSymbol[] = "spamradar_describe_location";
using DescribeLocationFunction = decltype(&spamradar_describe_location);

// The module's file name.
inline constexpr char kGeocoderModuleName[] = "spamradar_geocoder.so";

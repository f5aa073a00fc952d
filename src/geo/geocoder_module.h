// The interface between DescribeLocation (phone_number.cc) and the geocoder
// module it loads on first use (geocoder_module.cc, built as a shared module
// next to the `spamradar` binary).
#pragma once

#include <cstddef>
#include <string>

// The module's one entry point, looked up by this name: sets `description` to
// libphonenumber's English description of where the number `e164` (of
// `e164_size` bytes, "+442071234567") was assigned, or empty.
//
// The number crosses as text, not as libphonenumber's PhoneNumber: the
// `spamradar` command links libphonenumber and protobuf statically
// (cmake/StaticLibraries.cmake) while the module links their shared objects,
// so the two sides must not share their objects.
extern "C" void spamradar_describe_location(const char* e164, size_t e164_size,
                                            std::string* description);
inline constexpr char kDescribeLocationSymbol[] = "spamradar_describe_location";
using DescribeLocationFunction = decltype(&spamradar_describe_location);

// The module's file name.
inline constexpr char kGeocoderModuleName[] = "spamradar_geocoder.so";

// The interface between DescribeLocation (phone_number.cc) and the geocoder
// module it loads on first use (geocoder_module.cc, built as a shared module
// next to the `spamradar` binary).
#pragma once

#include <cstddef>

// The module's one entry point, looked up by this name: writes libphonenumber's
// English description of where the number `e164` (of `e164_size` bytes,
// "+442071234567") was assigned into `description` (at most `capacity` bytes,
// not terminated) and returns its whole length, 0 when there is none; a
// return above `capacity` asks for a larger buffer.
//
// Only bytes cross, no C++ objects: the `spamradar` command links
// libphonenumber, protobuf and the C++ runtime statically
// (cmake/StaticLibraries.cmake) while the module links their shared objects,
// so the two sides must not share their objects.
extern "C" size_t spamradar_describe_location(const char* e164, size_t e164_size, char* description,
                                              size_t capacity);
inline constexpr char kDescribeLocationSymbol[] = "spamradar_describe_location";
using DescribeLocationFunction = decltype(&spamradar_describe_location);

// The module's file name.
inline constexpr char kGeocoderModuleName[] = "spamradar_geocoder.so";

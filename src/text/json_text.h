// JSON text written directly into an answer, for the classify answers of the
// API and of `spamradar classify`: at a few microseconds of classification a
// message, building a JSON document and dumping it cost as much again.
// Strings are written byte for byte as the documents' dump (nlohmann,
// error_handler_t::replace) writes them; numbers read back as the same
// double (the dump's Grisu2 sometimes writes one digit more).
#pragma once

#include <string>
#include <string_view>

namespace spamradar::text {

// A JSON string, quoted and escaped; bytes that are not UTF-8 become U+FFFD.
void AppendJsonString(std::string_view text, std::string* out);

// A floating-point number: the shortest form that reads back, with ".0" on a
// whole number; null when it is not finite.
void AppendJsonNumber(double value, std::string* out);

}  // namespace spamradar::text

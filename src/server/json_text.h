// JSON text written directly into an answer, for the classify answer: at a
// few microseconds of classification a request, building a JSON document
// and dumping it cost as much again. Both write what the documents' dump
// (nlohmann, error_handler_t::replace) writes for the same value.
#pragma once

#include <string>
#include <string_view>

namespace spamradar::server {

// A JSON string, quoted and escaped; bytes that are not UTF-8 become U+FFFD.
void AppendJsonString(std::string_view text, std::string* out);

// A floating-point number: the shortest form that reads back, with ".0" on a
// whole number; null when it is not finite.
void AppendJsonNumber(double value, std::string* out);

}  // namespace spamradar::server

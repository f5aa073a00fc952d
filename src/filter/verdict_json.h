// A verdict as JSON, the same in the API's classify answer and in each line
// of `spamradar classify`, written without building a JSON document.
#pragma once

#include <string>

#include "filter/spam_filter.h"

namespace spamradar::filter {

// The verdict's members of a JSON object, without the braces, for the caller
// to add its own after them:
//   "label":"spam","probability":0.93,"reasons":[{"reason":"...","weight":0.41},...]
void AppendVerdictMembers(const Verdict& verdict, std::string* out);

}  // namespace spamradar::filter

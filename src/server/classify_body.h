// The body of a one-message classify request, {"text": ..., ...}, read
// without building a JSON document (its allocations were 4% of a classify
// request): by hand when it is plain (strings and null, no \u escapes),
// else by nlohmann's SAX parser.
#pragma once

#include <string>

namespace spamradar::server {

// True with the top-level object's "text" in `text` when that is a string
// (the last "text", as a JSON document keeps the last of duplicate keys) and
// the object has no "messages". For anything else (a batch, a body that is
// not an object, a "text" that is not a string, bytes that are not JSON)
// false: the caller reads the body as a document, which gives the answers
// and errors of every other case. fuzz/classify_body_fuzzer.cc checks that
// the two readings agree.
bool ReadOneMessage(const std::string& body, std::string* text);

}  // namespace spamradar::server

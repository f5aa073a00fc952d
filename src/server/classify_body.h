// The body of a one-message classify request, {"text": ..., "sender": ...}, read
// without building a JSON document (its allocations were 4% of a classify
// request): by hand when it is plain (strings and null, no \u escapes),
// else by nlohmann's SAX parser.
#pragma once

#include <string>

namespace spamradar::server {

// A one-message request's members, as sent.
struct OneMessage {
  std::string text;
  std::string sender;  // empty when absent or null
};

// True with the top-level object's "text" in `message` when that is a string
// (the last "text", as a JSON document keeps the last of duplicate keys), its
// "sender" when that is a string (empty when it is null or absent), and the
// object has no "messages". For anything else (a batch, a body that is not an
// object, a "text" that is not a string, a "sender" that is neither a string
// nor null, bytes that are not JSON) false: the caller reads the body as a
// document, which gives the answers and errors of every other case.
// fuzz/classify_body_fuzzer.cc checks that the two readings agree.
bool ReadOneMessage(const std::string& body, OneMessage* message);

}  // namespace spamradar::server

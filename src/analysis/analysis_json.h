// The JSON form of a MessageAnalysis, as printed by `spamradar inspect` and
// served by the API: the message, its normalized text, its tokens and one flat,
// ordered list of signals, each with its span in the original bytes and the
// original text of that span.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "analysis/message_analysis.h"

namespace spamradar::analysis {

struct JsonOptions {
  bool tokens = true;
  bool shingle_hashes = false;  // full hash lists instead of counts
};

nlohmann::ordered_json ToJson(const MessageAnalysis& analysis, std::string_view message,
                              const JsonOptions& options = {});

// Serializes without ever throwing: bytes that are not UTF-8 (spam is hostile
// input) are written as U+FFFD.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace spamradar::analysis

// ExtractNumbers: the numeric tokens of a message's clean text: phone numbers
// (libphonenumber, E.164 out, US by default), US-style short codes (5-6
// digits after a word such as "to", "text", "reply": "text STOP to 87070";
// elsewhere such a number is a one-time code or an order number), money ("$1,500", "£250", "150p",
// "500 dollars"), percentages ("up to 90% off") and other numbers.
//
// Digits glued to letters on their left ("V1tt0n", "txt82228") are left to the
// tokenizer: they belong to a word. At most 64 phone-number candidates per
// message are validated (the rest are plain numbers), which bounds the cost of
// hostile input. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spamradar::signals {

enum class NumberKind : uint8_t { kPhone, kShortCode, kMoney, kPercent, kNumber };

struct NumberMatch {
  NumberKind kind;
  uint32_t begin;  // in the clean text
  uint32_t end;
  std::string text;    // canonical: E.164, digits, "$1500", "90%"
  std::string region;  // phones: the number's ISO region
  bool toll_free = false;
};

// `skip` lists clean-text ranges already claimed (URLs, e-mail), sorted.
void ExtractNumbers(std::string_view clean_text,
                    const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                    std::string_view default_region, std::vector<NumberMatch>* out);
std::vector<NumberMatch> ExtractNumbers(std::string_view clean_text,
                                        const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                                        std::string_view default_region = "US");

}  // namespace spamradar::signals

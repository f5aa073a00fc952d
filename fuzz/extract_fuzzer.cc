// URL, e-mail and number extraction on arbitrary bytes: spans stay inside the
// clean text, do not overlap, and canonical forms are never empty.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "signals/email_extractor.h"
#include "signals/number_extractor.h"
#include "signals/url_extractor.h"
#include "text/clean_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const spamradar::text::CleanText clean = spamradar::text::Clean(raw);
  const std::string& text = clean.text();
  std::vector<std::pair<uint32_t, uint32_t>> claimed;
  for (const auto& email : spamradar::signals::ExtractEmails(text)) {
    CHECK(email.begin < email.end && email.end <= text.size()) << "email span";
    CHECK(email.address.find('@') != std::string::npos) << "address without @";
    claimed.emplace_back(email.begin, email.end);
  }
  for (const auto& url : spamradar::signals::ExtractUrls(raw, clean, claimed)) {
    CHECK(url.begin < url.end && url.end <= text.size()) << "url span";
    CHECK(!url.host.empty() && !url.url.empty()) << "empty url";
  }
  uint32_t previous_end = 0;
  for (const auto& number : spamradar::signals::ExtractNumbers(text, {})) {
    CHECK(number.begin < number.end && number.end <= text.size()) << "number span";
    CHECK(number.begin >= previous_end) << "numbers overlap";
    CHECK(!number.text.empty()) << "empty number";
    previous_end = number.end;
  }
  return 0;
}

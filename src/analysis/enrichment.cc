#include "analysis/enrichment.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace spamradar::analysis {
namespace {

void AddDistinct(std::vector<std::string>* list, std::string_view value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) list->emplace_back(value);
}

}  // namespace

void StoreAnalysis(const MessageAnalysis& analysis, uint32_t stamp, Report* report) {
  report->domains.clear();
  report->brands.clear();
  report->phones.clear();
  report->short_codes.clear();
  report->emails.clear();
  report->cues.clear();
  for (const UrlInfo& url : analysis.urls) AddDistinct(&report->domains, url.registrable_domain);
  for (const LexiconMatch& brand : analysis.brands) AddDistinct(&report->brands, brand.name);
  for (const PhoneInfo& phone : analysis.phones) AddDistinct(&report->phones, phone.e164);
  for (const NumberInfo& number : analysis.numbers) {
    if (number.kind == NumberKind::kShortCode) AddDistinct(&report->short_codes, number.text);
  }
  for (const EmailInfo& email : analysis.emails) AddDistinct(&report->emails, email.address);
  for (const LexiconMatch& cue : analysis.cues) AddDistinct(&report->cues, cue.name);
  report->shingle_text = analysis.shingle_text;
  report->analysis_stamp = stamp;
}

}  // namespace spamradar::analysis

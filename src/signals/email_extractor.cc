#include "signals/email_extractor.h"

#include <algorithm>
#include <array>

#include "core/byte_scan.h"
#include "signals/host_parser.h"
#include "signals/public_suffix_list.h"

namespace spamradar::signals {
namespace {

constexpr size_t kMaxLocalPart = 64;

bool IsLocalByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}

struct AtForm {
  std::string_view text;
  bool obfuscated;
};
constexpr std::array<AtForm, 3> kAtForms = {{{"@", false}, {"[at]", true}, {"(at)", true}}};

}  // namespace

std::vector<EmailMatch> ExtractEmails(std::string_view text) {
  std::vector<EmailMatch> out;
  ExtractEmails(text, &out);
  return out;
}

void ExtractEmails(std::string_view text, std::vector<EmailMatch>* result) {
  std::vector<EmailMatch>& out = *result;
  out.clear();
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  uint32_t previous_end = 0;
  while (pos < n) {
    // Every form of "at" starts with one of these bytes.
    pos = static_cast<uint32_t>(FindNext<AnyOf<'@', '[', '('>>(text, pos));
    if (pos >= n) break;
    const AtForm* at = nullptr;
    for (const AtForm& form : kAtForms) {
      if (text.compare(pos, form.text.size(), form.text) == 0) {
        at = &form;
        break;
      }
    }
    if (at == nullptr) {
      ++pos;
      continue;
    }
    uint32_t local_begin = pos;
    while (local_begin > previous_end && pos - local_begin < kMaxLocalPart &&
           IsLocalByte(text[local_begin - 1])) {
      --local_begin;
    }
    while (local_begin < pos && text[local_begin] == '.') ++local_begin;
    const auto host_begin = pos + static_cast<uint32_t>(at->text.size());
    uint32_t scanned_to = host_begin;
    std::optional<ParsedHost> host;
    if (local_begin < pos && host_begin < n && IsHostByte(text, host_begin)) {
      host = ParseHost(text, host_begin, &scanned_to);
    }
    if (!host || host->ipv4) {
      pos = std::max(pos + 1, scanned_to);
      continue;
    }
    EmailMatch email;
    email.begin = local_begin;
    email.end = host->end;
    email.address = std::string(text.substr(local_begin, pos - local_begin)) + "@" + host->host;
    email.domain = PublicSuffixList::Get().RegistrableDomain(host->host);
    email.obfuscated = at->obfuscated || host->obfuscated;
    out.push_back(std::move(email));
    pos = previous_end = host->end;
  }
}

}  // namespace spamradar::signals

// PublicSuffixList: which labels are real top-level domains and what the
// registrable domain (eTLD+1) of a host is, from libpsl with the distribution's
// Public Suffix List (the newer of Debian's publicsuffix file and the list
// built into libpsl). Loaded once; immutable and thread-safe afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct psl_ctx_st;

namespace spamradar::signals {

class PublicSuffixList {
 public:
  static const PublicSuffixList& Get();

  // True for "com", "uk", "shop", "рф": suffixes that exist without the
  // list's "*" default rule. "txt" or "i" are not.
  bool IsKnownSuffix(std::string_view label) const;
  // "shop.lvbags12.co.uk" -> "lvbags12.co.uk"; empty when the host is itself a
  // public suffix or has no known suffix. `host` is lower-case ASCII or UTF-8.
  std::string RegistrableDomain(std::string_view host) const;
  // Tells lists apart (a hash of the list files): a different list may find
  // another registrable domain, so what was derived with this one is stale.
  uint64_t identity() const { return identity_; }

 private:
  PublicSuffixList();
  const psl_ctx_st* psl_;
  uint64_t identity_ = 0;
};

// Whether a registrable domain ("ca.gov", "www.gov.uk", "impots.gouv.fr",
// "kra.go.ke") lies under a public suffix that only governments may register
// under: one with a label "gov", "gouv", "gob", "govt" or "mil", a country's
// government "go." or "gc." second level ("go.jp", "gc.ca"; not Gorizia's
// "go.it"), or the UK's "nhs.uk" and "police.uk". Phishing
// cannot link there; it imitates with look-alikes ("irs-gov-refund.com",
// "hmrc-rebate-gov.uk.com", whose suffixes are "com" and "uk.com").
bool IsGovernmentDomain(std::string_view registrable_domain);

}  // namespace spamradar::signals

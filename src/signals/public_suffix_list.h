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

}  // namespace spamradar::signals

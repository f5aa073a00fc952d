#include "signals/public_suffix_list.h"

#include <libpsl.h>

#include "core/check.h"

namespace spamradar::signals {

PublicSuffixList::PublicSuffixList() : psl_(psl_latest(nullptr)) {
  if (psl_ == nullptr) psl_ = psl_builtin();
  CHECK(psl_ != nullptr) << "libpsl has no Public Suffix List";
}

const PublicSuffixList& PublicSuffixList::Get() {
  static const PublicSuffixList* const list = new PublicSuffixList();
  return *list;
}

bool PublicSuffixList::IsKnownSuffix(std::string_view label) const {
  if (label.empty() || label.size() > 63) return false;
  const std::string z(label);
  return psl_is_public_suffix2(psl_, z.c_str(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
}

std::string PublicSuffixList::RegistrableDomain(std::string_view host) const {
  const std::string z(host);
  const char* domain = psl_registrable_domain(psl_, z.c_str());
  return domain == nullptr ? std::string() : std::string(domain);
}

}  // namespace spamradar::signals

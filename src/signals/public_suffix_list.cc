#include "signals/public_suffix_list.h"

#include <unordered_map>

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
  // Every word before a '.' in a message is asked about, and libpsl copies and
  // converts each query; the same few hundred labels come back again and
  // again, so answers are remembered per thread (bounded).
  thread_local std::unordered_map<std::string, bool> known;
  if (const auto it = known.find(std::string(label)); it != known.end()) return it->second;
  if (known.size() >= 8192) known.clear();
  const std::string z(label);
  const bool answer =
      psl_is_public_suffix2(psl_, z.c_str(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
  known.emplace(z, answer);
  return answer;
}

std::string PublicSuffixList::RegistrableDomain(std::string_view host) const {
  const std::string z(host);
  const char* domain = psl_registrable_domain(psl_, z.c_str());
  return domain == nullptr ? std::string() : std::string(domain);
}

}  // namespace spamradar::signals

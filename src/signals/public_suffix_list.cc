#include "signals/public_suffix_list.h"

#include <fstream>
#include <iterator>

#include <libpsl.h>

#include "core/check.h"
#include "core/hash.h"
#include "core/recent_cache.h"

namespace spamradar::signals {

PublicSuffixList::PublicSuffixList() : psl_(psl_latest(nullptr)) {
  if (psl_ == nullptr) psl_ = psl_builtin();
  CHECK(psl_ != nullptr) << "libpsl has no Public Suffix List";
  // psl_latest() takes the newer of the distribution's file and the built-in
  // list, and libpsl cannot say which or count a DAFSA's rules: both go in.
  std::string file;
  if (const char* path = psl_dist_filename(); path != nullptr) {
    std::ifstream in(path, std::ios::binary);
    file.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string_view builtin = psl_builtin_sha1sum();
  identity_ = XXH3_64bits(file.data(), file.size()) ^
              XXH3_64bits_withSeed(builtin.data(), builtin.size(), 1);
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
  thread_local RecentCache<bool> known(8192);
  if (const bool* answer = known.Find(label)) return *answer;
  const std::string z(label);
  return known.Put(
      label, psl_is_public_suffix2(psl_, z.c_str(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0);
}

std::string PublicSuffixList::RegistrableDomain(std::string_view host) const {
  // A campaign links to the same few hosts in message after message.
  thread_local RecentCache<std::string> domains(4096);
  if (const std::string* domain = domains.Find(host)) return *domain;
  const std::string z(host);
  const char* domain = psl_registrable_domain(psl_, z.c_str());
  return domains.Put(host, domain == nullptr ? std::string() : std::string(domain));
}

bool IsGovernmentDomain(std::string_view registrable_domain) {
  const size_t dot = registrable_domain.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view suffix = registrable_domain.substr(dot + 1);
  // Government second levels not named "gov": the Public Suffix List's "go."
  // ones but "go.it" (Gorizia's) and "go.pw" (open), and the UK's NHS and police.
  static constexpr std::string_view kOtherGovernmentSuffixes[] = {
      "gc.ca", "go.ci", "go.cr", "go.id", "go.jp",  "go.ke",    "go.kr",
      "go.th", "go.tj", "go.tz", "go.ug", "nhs.uk", "police.uk"};
  for (std::string_view other : kOtherGovernmentSuffixes) {
    if (suffix == other) return true;
  }
  for (std::string_view rest = suffix; !rest.empty();) {
    const size_t end = rest.find('.');
    const std::string_view label = rest.substr(0, end);
    if (label == "gov" || label == "gouv" || label == "gob" || label == "govt" || label == "mil") {
      return true;
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return false;
}

}  // namespace spamradar::signals

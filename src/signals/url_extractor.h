// UrlExtractor: finds links in a message's clean text, with or without a
// scheme, including defanged and spoken forms ("hxxp://", "example[.]com",
// "example dot com"), IP-literal hosts and internationalized (IDN) hosts.
//
// For each link it gives the host in ASCII (punycode) and Unicode, the
// registrable domain from the Public Suffix List, whether the domain is a
// link shortener, and whether an IDN host mixes scripts or imitates Latin
// letters (a homograph such as "аpple.com" with a Cyrillic 'а').
// Thread-safe: extraction keeps no state between calls.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/clean_text.h"

namespace spamradar::signals {

struct UrlMatch {
  uint32_t begin;  // in the clean text
  uint32_t end;
  std::string url;           // canonical: [scheme://]host[:port][/path], defanged forms undone
  std::string host;          // ASCII (punycode for IDN)
  std::string unicode_host;  // as a person reads it
  std::string registrable_domain;  // eTLD+1; the IP address for IP hosts
  bool has_scheme = false;
  bool obfuscated = false;  // hxxp, [.], " dot ", spaced dots
  bool ip_host = false;
  bool idn = false;
  bool homograph = false;  // IDN label mixing scripts or made of look-alikes
  bool shortener = false;
};

// `skip` lists clean-text ranges already claimed (e-mail addresses), sorted.
void ExtractUrls(std::string_view raw, const text::CleanText& clean,
                 const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                 std::vector<UrlMatch>* out);
std::vector<UrlMatch> ExtractUrls(std::string_view raw, const text::CleanText& clean,
                                  const std::vector<std::pair<uint32_t, uint32_t>>& skip);

// True when `registrable_domain` is a known link shortener (bit.ly, t.co...).
bool IsShortenerDomain(std::string_view registrable_domain);

}  // namespace spamradar::signals

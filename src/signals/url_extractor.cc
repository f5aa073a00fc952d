#include "signals/url_extractor.h"

#include <algorithm>
#include <array>
#include <bit>
#include <unordered_set>

#include <idn2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/check.h"
#include "core/tsv.h"
#include "signals/host_parser.h"
#include "signals/public_suffix_list.h"
#include "text/unicode.h"

namespace spamradar::embedded {
extern const std::string_view kShorteners;
}

namespace spamradar::signals {
namespace {

struct SchemeForm {
  std::string_view text;
  std::string_view canonical;
  bool obfuscated;
};

constexpr std::array<SchemeForm, 12> kSchemes = {{
    {"https://", "https://", false},
    {"http://", "http://", false},
    {"hxxps://", "https://", true},
    {"hxxp://", "http://", true},
    {"https[:]//", "https://", true},
    {"http[:]//", "http://", true},
    {"hxxps[:]//", "https://", true},
    {"hxxp[:]//", "http://", true},
    {"h**ps://", "https://", true},
    {"h**p://", "http://", true},
    {"h__ps://", "https://", true},
    {"h__p://", "http://", true},
}};

bool IsPathByte(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '`' && c != '{' && c != '}' &&
         c != '|' && c != '\\' && c != '^';
}

bool IsTrailingPunctuation(char c) {
  return std::string_view(".,;:!?)]}'\"*").find(c) != std::string_view::npos;
}

// A host ending in a capitalized word after a period ("home.Call me") is the
// end of a sentence, not a link; smishing domains are written in lower case.
bool LooksLikeSentence(std::string_view raw, const text::CleanText& clean, const ParsedHost& host) {
  const size_t dot = host.host.rfind('.');
  if (dot == std::string::npos) return false;
  const auto tld_length = static_cast<uint32_t>(host.host.size() - dot - 1);
  const Span tld = clean.ToOriginal(host.end - tld_length, host.end);
  if (tld.size() < 2 || tld.end > raw.size()) return false;
  const char first = raw[tld.begin];
  const char second = raw[tld.begin + 1];
  return first >= 'A' && first <= 'Z' && second >= 'a' && second <= 'z';
}

// Whether an IDN host reads as Latin while not being Latin: a label that mixes
// Latin with another script, or one written wholly in look-alike letters.
bool IsHomograph(std::string_view unicode_host) {
  size_t label_start = 0;
  while (label_start <= unicode_host.size()) {
    size_t label_end = unicode_host.find('.', label_start);
    if (label_end == std::string_view::npos) label_end = unicode_host.size();
    const std::string_view label = unicode_host.substr(label_start, label_end - label_start);
    bool latin = false;
    bool foreign = false;
    bool all_lookalike = true;
    for (size_t i = 0; i < label.size();) {
      const text::DecodedChar d = text::DecodeUtf8(label, i);
      i += d.length;
      const text::Script script = text::ScriptOf(d.code_point);
      if (script == text::Script::kLatin) latin = true;
      if (script != text::Script::kLatin && script != text::Script::kNone) foreign = true;
      if (text::Classify(d.code_point) == text::CharClass::kLetter &&
          text::FoldToAscii(d.code_point) == 0) {
        all_lookalike = false;
      }
    }
    if (foreign && (latin || all_lookalike)) return true;
    label_start = label_end + 1;
  }
  return false;
}

void FillIdn(UrlMatch& url) {
  const bool non_ascii = std::any_of(url.host.begin(), url.host.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (non_ascii) {
    url.idn = true;
    url.unicode_host = url.host;
    char* ascii = nullptr;
    if (idn2_to_ascii_8z(url.host.c_str(), &ascii, IDN2_NONTRANSITIONAL) == IDN2_OK) {
      url.host = ascii;
    }
    idn2_free(ascii);
  } else if (url.host.find("xn--") != std::string::npos) {
    url.idn = true;
    char* unicode = nullptr;
    if (idn2_to_unicode_8z8z(url.host.c_str(), &unicode, 0) == IDN2_OK) {
      url.unicode_host = unicode;
    } else {
      url.unicode_host = url.host;
    }
    idn2_free(unicode);
  } else {
    url.unicode_host = url.host;
  }
  if (url.idn) url.homograph = IsHomograph(url.unicode_host);
}

}  // namespace

bool IsShortenerDomain(std::string_view registrable_domain) {
  static const auto* const domains = [] {
    auto* set = new std::unordered_set<std::string_view>();
    const Status status =
        ForEachTsvRow(embedded::kShorteners, 1, [set](int, const std::vector<std::string_view>& f) {
          set->insert(f[0]);
          return Status::Ok();
        });
    CHECK(status.ok()) << "built-in shortener list: " << status.ToString();
    return set;
  }();
  return domains->contains(registrable_domain);
}

namespace {

// The start of the scheme written just before a host at `host_start`
// ("https://", "hxxp[:]//"), or nullopt.
std::optional<uint32_t> SchemeBefore(std::string_view text, uint32_t host_start,
                                     const SchemeForm** form) {
  for (const SchemeForm& scheme : kSchemes) {
    const auto length = static_cast<uint32_t>(scheme.text.size());
    if (host_start < length || text.compare(host_start - length, length, scheme.text) != 0)
      continue;
    const uint32_t start = host_start - length;
    if (start > 0 && IsHostByte(text, start - 1)) continue;
    *form = &scheme;
    return start;
  }
  return std::nullopt;
}

// Whether text[p] may lead a separator: one of ".[({\", or a space before
// 'd', '.' or '[' (the spaces between ordinary words are not).
bool IsSeparatorLead(std::string_view text, uint32_t p) {
  switch (text[p]) {
    case '.':
    case '[':
    case '(':
    case '{':
    case '\\': return true;
    case ' ': {
      if (p + 1 >= text.size()) return false;
      const char next = text[p + 1];
      return next == 'd' || next == '.' || next == '[';
    }
    default: return false;
  }
}

#if defined(__SSE2__)
// IsSeparatorLead for the 16 bytes at `block`, one bit each; reads 17 bytes.
// Scanning a byte at a time, every space between words was a branch the CPU
// could not predict: a tenth of classifying a message went here.
uint32_t SeparatorLeads16(const char* block) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
  const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 1));
  const auto is = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i punctuation =
      _mm_or_si128(_mm_or_si128(is(bytes, '.'), is(bytes, '[')),
                   _mm_or_si128(_mm_or_si128(is(bytes, '('), is(bytes, '{')), is(bytes, '\\')));
  const __m128i spaced = _mm_and_si128(
      is(bytes, ' '), _mm_or_si128(_mm_or_si128(is(next, 'd'), is(next, '.')), is(next, '[')));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(punctuation, spaced)));
}
#endif

// The first position at or after `p` that may lead a separator, or the size.
uint32_t NextSeparatorLead(std::string_view text, uint32_t p) {
  const auto n = static_cast<uint32_t>(text.size());
#if defined(__SSE2__)
  for (; p + 17 <= n; p += 16) {
    if (const uint32_t leads = SeparatorLeads16(text.data() + p); leads != 0) {
      return p + static_cast<uint32_t>(std::countr_zero(leads));
    }
  }
  // The last bytes but one, as the last 17 with those before `p` shifted out
  // (the text's last byte leads no separator that needs a next byte: it is
  // tested below).
  if (p + 1 < n && n >= 17) {
    const uint32_t last = n - 17;
    const uint32_t leads = SeparatorLeads16(text.data() + last) >> (p - last);
    if (leads != 0) return p + static_cast<uint32_t>(std::countr_zero(leads));
    p = n - 1;
  }
#endif
  while (p < n && !IsSeparatorLead(text, p)) ++p;
  return p;
}

// Whether the lead at `p` (IsSeparatorLead holds there) separates two host
// labels: a '.' before a host byte (not a sentence's end), a space that starts
// " dot ", " . " or " [.] "; "[.]", "(.)", "{.}" and "\." are read by ParseHost.
bool SeparatorAtLead(std::string_view text, uint32_t p) {
  if (text[p] == '.') return p + 1 < text.size() && IsHostByte(text, p + 1);
  if (text[p] != ' ') return true;
  const std::string_view rest = text.substr(p + 1, 4);
  return rest.starts_with("dot ") || rest.starts_with(". ") || rest.starts_with("[.]");
}

}  // namespace

std::vector<UrlMatch> ExtractUrls(std::string_view raw, const text::CleanText& clean,
                                  const std::vector<std::pair<uint32_t, uint32_t>>& skip) {
  std::vector<UrlMatch> out;
  ExtractUrls(raw, clean, skip, &out);
  return out;
}

void ExtractUrls(std::string_view raw, const text::CleanText& clean,
                 const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                 std::vector<UrlMatch>* result) {
  const std::string& text = clean.text();
  const auto n = static_cast<uint32_t>(text.size());
  std::vector<UrlMatch>& out = *result;
  out.clear();
  size_t next_skip = 0;
  uint32_t done = 0;          // text before this offset is settled
  uint32_t last_url_end = 0;  // a scheme may precede `done`, not a link found
  // A host has at least one separator after its first label, so candidates are
  // found from separators: the cost follows their number, not the text's length.
  for (uint32_t p = 1; p < n; ++p) {
    p = NextSeparatorLead(text, p);
    if (p >= n) break;
    if (!SeparatorAtLead(text, p) || !IsHostByte(text, p - 1) || p - 1 < done) continue;
    uint32_t start = p - 1;
    while (start > done && IsHostByte(text, start - 1)) --start;
    if (start > 0 &&
        (IsHostByte(text, start - 1) || text[start - 1] == '.' || text[start - 1] == '@')) {
      continue;  // inside something already looked at, or the domain of an address
    }
    while (next_skip < skip.size() && skip[next_skip].second <= start) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].first <= p) {
      done = std::max(done, skip[next_skip].second);
      p = std::max(p, done);
      continue;
    }
    // A link never overlaps what is already claimed (an e-mail address) or
    // found: it starts after both and ends before the next claimed span.
    const uint32_t floor = std::max(last_url_end, next_skip > 0 ? skip[next_skip - 1].second : 0u);
    const uint32_t limit = next_skip < skip.size() ? skip[next_skip].first : n;
    const std::string_view bounded = std::string_view(text).substr(0, limit);
    UrlMatch url;
    const SchemeForm* scheme = nullptr;
    uint32_t url_begin = SchemeBefore(text, start, &scheme).value_or(start);
    if (url_begin < floor) {
      url_begin = start;
      scheme = nullptr;
    }
    if (scheme != nullptr) {
      url.has_scheme = true;
      url.obfuscated = scheme->obfuscated;
      url.url = scheme->canonical;
    }
    uint32_t scanned_to = start;
    std::optional<ParsedHost> host = ParseHost(bounded, start, &scanned_to);
    if (!host) {
      done = std::max(done, scanned_to);
      p = std::max(p, done);
      continue;
    }
    uint32_t end = host->end;
    // Port and path.
    if (end + 1 < limit && bounded[end] == ':' && bounded[end + 1] >= '0' &&
        bounded[end + 1] <= '9') {
      uint32_t q = end + 1;
      while (q < limit && q - end <= 5 && bounded[q] >= '0' && bounded[q] <= '9') ++q;
      end = q;
    }
    const bool has_path =
        end < limit && (bounded[end] == '/' || bounded[end] == '?' || bounded[end] == '#');
    if (has_path) {
      while (end < limit && IsPathByte(static_cast<unsigned char>(bounded[end]))) ++end;
      while (end > host->end && IsTrailingPunctuation(bounded[end - 1])) --end;
    }
    const bool www = host->host.starts_with("www.");
    if (!url.has_scheme && !www && !has_path &&
        (host->ipv4 || LooksLikeSentence(raw, clean, *host))) {
      done = std::max(done, scanned_to);
      p = std::max(p, done);
      continue;
    }
    url.begin = url_begin;
    url.end = end;
    url.host = host->host;
    url.obfuscated = url.obfuscated || host->obfuscated;
    url.ip_host = host->ipv4;
    FillIdn(url);
    url.url += url.host;
    url.url += std::string_view(text).substr(host->end, end - host->end);
    url.registrable_domain =
        url.ip_host ? url.host : PublicSuffixList::Get().RegistrableDomain(url.host);
    url.shortener = IsShortenerDomain(url.registrable_domain);
    out.push_back(std::move(url));
    done = last_url_end = end;
    p = std::max(p, done);
  }
}

}  // namespace spamradar::signals

#include "analysis/message_analyzer.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/byte_scan.h"
#include "core/hash.h"
#include "geo/metro_directory.h"
#include "signals/email_extractor.h"
#include "signals/lexicon.h"
#include "signals/number_extractor.h"
#include "signals/public_suffix_list.h"
#include "signals/url_extractor.h"
#include "text/clean_text.h"
#include "text/shingles.h"

namespace spamradar::analysis {
namespace {

using Range = std::pair<uint32_t, uint32_t>;

// Cuts at a character boundary so truncation never splits a UTF-8 sequence.
std::string_view Truncate(std::string_view message, size_t limit) {
  if (message.size() <= limit) return message;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0) == 0x80) --end;
  return message.substr(0, end);
}

// Maps a byte range of the normalized text to the original, through the
// tokens it covers.
Span NormalizedToOriginal(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end) {
  const auto first =
      std::lower_bound(tokens.begin(), tokens.end(), begin,
                       [](const text::Token& t, uint32_t at) { return t.normalized.end <= at; });
  if (first == tokens.end()) return {};
  auto last = first;
  while (last + 1 != tokens.end() && (last + 1)->normalized.begin < end) ++last;
  return {first->original.begin, last->original.end};
}

// Whether normalized range [begin, end) lies on word tokens only (a brand
// inside a URL token is reported from the host instead).
bool OnWordsOnly(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end) {
  for (auto it = std::lower_bound(
           tokens.begin(), tokens.end(), begin,
           [](const text::Token&t, uint32_t at) { return t.normalized.end <= at; });
       it != tokens.end() && it->normalized.begin < end; ++it) {
    if (it->type != text::TokenType::kWord) return false;
  }
  return true;
}

text::TokenType ToTokenType(signals::NumberKind kind) {
  switch (kind) {
    case signals::NumberKind::kPhone: return text::TokenType::kPhone;
    case signals::NumberKind::kShortCode: return text::TokenType::kShortCode;
    case signals::NumberKind::kMoney: return text::TokenType::kMoney;
    case signals::NumberKind::kPercent: return text::TokenType::kPercent;
    case signals::NumberKind::kNumber: return text::TokenType::kNumber;
  }
  return text::TokenType::kNumber;
}

struct CaseCounts {
  uint32_t upper = 0;  // A-Z
  uint32_t lower = 0;  // a-z
  uint32_t exclamations = 0;
};

// GCC leaves the byte-at-a-time form of this loop scalar (three sums of
// different tests): 5 instructions a byte, 3% of classifying a message. With
// SSE2, each lane of a byte vector counts its matches (a match is -1, so
// subtracting adds one), summed across lanes before a lane can overflow.
// (std::popcount of a movemask is a libgcc call on baseline x86-64.)
CaseCounts CountCase(std::string_view raw) {
  CaseCounts counts;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  const auto lane_sum = [&zero](__m128i lanes) {
    const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit sums of 8 lanes
    return static_cast<uint32_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  };
  while (i + 16 <= raw.size()) {
    __m128i upper = zero, lower = zero, exclamations = zero;
    for (int blocks = 0; blocks < 255 && i + 16 <= raw.size(); ++blocks, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + i));
      upper = _mm_sub_epi8(upper, InRange16<'A', 'Z'>(bytes));
      lower = _mm_sub_epi8(lower, InRange16<'a', 'z'>(bytes));
      exclamations = _mm_sub_epi8(exclamations, _mm_cmpeq_epi8(bytes, _mm_set1_epi8('!')));
    }
    counts.upper += lane_sum(upper);
    counts.lower += lane_sum(lower);
    counts.exclamations += lane_sum(exclamations);
  }
  // The last bytes as the input's last 16, without the lanes counted above.
  if (i < raw.size() && raw.size() >= 16) {
    const size_t last = raw.size() - 16;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + last));
    const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i fresh = _mm_cmpgt_epi8(lanes, _mm_set1_epi8(static_cast<char>(i - last - 1)));
    const auto count = [&](__m128i matches) {
      return lane_sum(_mm_sub_epi8(zero, _mm_and_si128(matches, fresh)));
    };
    counts.upper += count(InRange16<'A', 'Z'>(bytes));
    counts.lower += count(InRange16<'a', 'z'>(bytes));
    counts.exclamations += count(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('!')));
    i = raw.size();
  }
#endif
  for (; i < raw.size(); ++i) {
    const auto b = static_cast<unsigned char>(raw[i]);
    counts.upper += static_cast<unsigned char>(b - 'A') < 26;
    counts.lower += static_cast<unsigned char>(b - 'a') < 26;
    counts.exclamations += b == '!';
  }
  return counts;
}

bool IsLowerAscii(char c) {
  return c >= 'a' && c <= 'z';
}
bool IsUpperAscii(char c) {
  return c >= 'A' && c <= 'Z';
}

// Offsets in `raw` of capitals that start a word glued to the one before: a
// small letter, the capital, a small letter ("AlertFrom", "drvgsTo"). Most
// messages have none, so 16 positions are tested at once, each against the
// bytes either side of it.
void FindCaseBreaks(std::string_view raw, std::vector<uint32_t>* out) {
  out->clear();
  size_t i = 1;
#if defined(__SSE2__)
  const auto load = [&raw](size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + at));
  };
  for (; i + 17 <= raw.size(); i += 16) {
    const __m128i glued =
        _mm_and_si128(_mm_and_si128(InRange16<'a', 'z'>(load(i - 1)), InRange16<'A', 'Z'>(load(i))),
                      InRange16<'a', 'z'>(load(i + 1)));
    for (auto mask = static_cast<uint32_t>(_mm_movemask_epi8(glued)); mask != 0; mask &= mask - 1) {
      out->push_back(static_cast<uint32_t>(i) + static_cast<uint32_t>(__builtin_ctz(mask)));
    }
  }
#endif
  for (; i + 1 < raw.size(); ++i) {
    if (IsUpperAscii(raw[i]) && IsLowerAscii(raw[i - 1]) && IsLowerAscii(raw[i + 1])) {
      out->push_back(static_cast<uint32_t>(i));
    }
  }
}

// Intermediate results, kept per thread so their buffers are reused from one
// message to the next.
struct AnalyzerScratch {
  text::CleanText clean;
  std::vector<signals::EmailMatch> emails;
  std::vector<signals::UrlMatch> urls;
  std::vector<signals::NumberMatch> numbers;
  std::vector<text::TypedSpan> typed;
  std::vector<text::TypedSpan> all;
  std::vector<Range> claimed;
  text::Tokenization tokens;
  std::vector<signals::LexiconHit> hits;
  std::vector<uint32_t> case_breaks;  // in the raw message
};

// Whether a link goes to one of the brand's own registrable domains (not
// through a shortener, whose domain is the shortener's). A government body's
// own site is any under a suffix only governments may register under: "DMV"
// is a different site in every state ("dmv.ca.gov", "dmv.ny.gov").
bool LinksHome(const signals::LexiconEntry& brand, const std::vector<UrlInfo>& urls) {
  const bool government = brand.category == "government";
  if (brand.domains.empty() && !government) return false;
  return std::any_of(urls.begin(), urls.end(), [&brand, government](const UrlInfo& url) {
    return !url.shortener && (brand.IsOwnDomain(url.registrable_domain) ||
                              (government && signals::IsGovernmentDomain(url.registrable_domain)));
  });
}

}  // namespace

MessageAnalyzer::MessageAnalyzer(AnalyzerOptions options) : options_(std::move(options)) {
  // Computing the stamp loads the dictionaries and the suffix list, and the
  // metro table is loaded below: all now, not in the first message's latency.
  // Without shingles there is no shingle text, so such an analysis is no
  // stand-in for one with it.
  const uint64_t parts[] = {
      kAnalysisVersion, options_.shingles ? 1u : 0u,
      XXH3_64bits(options_.default_region.data(), options_.default_region.size()),
      signals::Lexicon::BrandsAndCues().aliases_hash(),
      signals::PublicSuffixList::Get().identity()};
  // Never 0, which stands for "not stamped" in stored data.
  stamp_ = static_cast<uint32_t>(XXH3_64bits(parts, sizeof(parts))) | 1u;
  (void)geo::MetroDirectory::Default();
}

std::string_view MessageAnalyzer::BrandCategory(std::string_view brand) {
  static const auto* const categories = [] {
    auto* map = new std::map<std::string, std::string, std::less<>>();
    for (const signals::LexiconEntry& entry : signals::Lexicon::BrandsAndCues().entries()) {
      if (entry.source == signals::Lexicon::kBrandSource) map->emplace(entry.name, entry.category);
    }
    return map;
  }();
  const auto it = categories->find(brand);
  return it == categories->end() ? std::string_view() : std::string_view(it->second);
}

MessageAnalysis MessageAnalyzer::Analyze(std::string_view message) const {
  MessageAnalysis out;
  Analyze(message, &out);
  return out;
}

void MessageAnalyzer::Analyze(std::string_view message, MessageAnalysis* result) const {
  thread_local AnalyzerScratch scratch;
  MessageAnalysis& out = *result;
  out.Clear();
  const std::string_view raw = Truncate(message, kMaxMessageBytes);
  out.truncated = raw.size() < message.size();
  out.analyzed_bytes = static_cast<uint32_t>(raw.size());

  // Casing and exclamation marks are lost in the normalized text but say a lot
  // about a message ("WINNER!!").
  const CaseCounts counts = CountCase(raw);
  out.upper_letters = counts.upper;
  out.ascii_letters = counts.upper + counts.lower;
  out.exclamations = counts.exclamations;

  text::CleanText& clean = scratch.clean;
  text::Clean(raw, &clean);
  const std::string& clean_text = clean.text();

  std::vector<text::TypedSpan>& typed = scratch.typed;
  std::vector<Range>& claimed = scratch.claimed;
  typed.clear();
  claimed.clear();
  signals::ExtractEmails(clean_text, &scratch.emails);
  for (signals::EmailMatch& email : scratch.emails) {
    const Span span = clean.ToOriginal(email.begin, email.end);
    typed.push_back({text::TokenType::kEmail, email.begin, email.end, email.address});
    claimed.emplace_back(email.begin, email.end);
    out.emails.push_back(
        {span, std::move(email.address), std::move(email.domain), email.obfuscated});
  }
  signals::ExtractUrls(raw, clean, claimed, &scratch.urls);
  for (signals::UrlMatch& url : scratch.urls) {
    typed.push_back({text::TokenType::kUrl, url.begin, url.end, url.url});
    out.urls.push_back({clean.ToOriginal(url.begin, url.end), std::move(url.url),
                        std::move(url.host), std::move(url.unicode_host),
                        std::move(url.registrable_domain), url.has_scheme, url.obfuscated,
                        url.ip_host, url.idn, url.homograph, url.shortener});
  }
  std::sort(typed.begin(), typed.end(),
            [](const text::TypedSpan& a, const text::TypedSpan& b) { return a.begin < b.begin; });
  claimed.clear();
  for (const text::TypedSpan& span : typed) claimed.emplace_back(span.begin, span.end);

  const geo::MetroDirectory& metros = geo::MetroDirectory::Default();
  signals::ExtractNumbers(clean_text, claimed, options_.default_region, &scratch.numbers);
  std::vector<text::TypedSpan>& all = scratch.all;
  all.clear();
  size_t next_typed = 0;  // merge: both lists are sorted and disjoint
  for (signals::NumberMatch& number : scratch.numbers) {
    const Span span = clean.ToOriginal(number.begin, number.end);
    switch (number.kind) {
      case signals::NumberKind::kPhone: {
        PhoneInfo phone{span, number.text, number.region, number.toll_free, {}, {}, {}};
        const geo::Location location = metros.Locate(number.text);
        phone.area_code = location.area_code;
        phone.state = location.state;
        if (location.metro != nullptr) phone.metro = location.metro->name;
        out.phones.push_back(std::move(phone));
        break;
      }
      case signals::NumberKind::kShortCode:
        out.numbers.push_back({NumberKind::kShortCode, span, number.text});
        break;
      case signals::NumberKind::kMoney:
        out.numbers.push_back({NumberKind::kMoney, span, number.text});
        break;
      case signals::NumberKind::kPercent:
        out.numbers.push_back({NumberKind::kPercent, span, number.text});
        break;
      case signals::NumberKind::kNumber: break;
    }
    while (next_typed < typed.size() && typed[next_typed].begin < number.begin) {
      all.push_back(std::move(typed[next_typed++]));
    }
    all.push_back({ToTokenType(number.kind), number.begin, number.end, std::move(number.text)});
  }
  while (next_typed < typed.size()) all.push_back(std::move(typed[next_typed++]));

  text::Tokenization& tokens = scratch.tokens;
  text::Tokenize(raw, clean, all, &tokens);
  out.text_findings.assign(clean.findings().begin(), clean.findings().end());
  if (!tokens.findings.empty()) {
    out.text_findings.insert(out.text_findings.end(), tokens.findings.begin(),
                             tokens.findings.end());
    std::stable_sort(
        out.text_findings.begin(), out.text_findings.end(),
        [](const text::Finding& a, const text::Finding& b) { return a.span.begin < b.span.begin; });
  }
  // Swapped, not copied: the scratch takes the result's old buffers (cleared
  // by out.Clear()) and tokenizes into them next time.
  out.normalized.swap(tokens.normalized);
  out.tokens.swap(tokens.tokens);

  FindCaseBreaks(raw, &scratch.case_breaks);
  if (!scratch.case_breaks.empty()) {
    // Kept only inside words written as they are normalized (the same length
    // as written), where an offset in one is an offset in the other.
    auto token = out.tokens.begin();
    for (uint32_t at : scratch.case_breaks) {
      while (token != out.tokens.end() && token->original.end <= at) ++token;
      if (token == out.tokens.end()) break;
      if (token->type != text::TokenType::kWord || token->original.begin >= at) continue;
      if (token->original.end - token->original.begin !=
          token->normalized.end - token->normalized.begin) {
        continue;
      }
      out.case_breaks.push_back(token->normalized.begin + (at - token->original.begin));
    }
  }

  // Brands and calls to action in one scan of the normalized text.
  const signals::Lexicon& lexicon = signals::Lexicon::BrandsAndCues();
  lexicon.Find(out.normalized, &scratch.hits);
  for (const signals::LexiconHit& hit : scratch.hits) {
    if (!OnWordsOnly(out.tokens, hit.begin, hit.end)) continue;
    const signals::LexiconEntry& entry = lexicon.entries()[hit.entry];
    const Span span = NormalizedToOriginal(out.tokens, hit.begin, hit.end);
    if (entry.source == signals::Lexicon::kBrandSource) {
      out.brands.push_back({span, entry.name, entry.category, false, LinksHome(entry, out.urls)});
    } else {
      out.cues.push_back({span, entry.name, {}, false, false});
    }
  }
  for (const UrlInfo& url : out.urls) {
    for (uint32_t id : lexicon.FindInHost(url.unicode_host)) {
      const signals::LexiconEntry& entry = lexicon.entries()[id];
      if (entry.source != signals::Lexicon::kBrandSource) continue;
      out.brands.push_back(
          {url.span, entry.name, entry.category, true, LinksHome(entry, out.urls)});
    }
  }

  if (options_.shingles) {
    if (options_.word_shingle_size > 0) {
      text::WordShingles(out.tokens, out.normalized, options_.word_shingle_size,
                         &out.word_shingles);
    }
    // Without typed tokens the shingle text is the normalized text itself.
    if (all.empty()) {
      out.shingle_text.assign(out.normalized);
    } else {
      text::ShingleText(out.tokens, out.normalized, &out.shingle_text);
    }
    if (options_.char_shingle_size > 0) {
      text::CharShingles(out.shingle_text, options_.char_shingle_size, &out.char_shingles);
    }
  }
}

}  // namespace spamradar::analysis

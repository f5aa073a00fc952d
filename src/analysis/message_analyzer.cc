#include "analysis/message_analyzer.h"

#include <algorithm>
#include <utility>

#include "geo/metro_directory.h"
#include "signals/email_extractor.h"
#include "signals/lexicon.h"
#include "signals/number_extractor.h"
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

}  // namespace

MessageAnalyzer::MessageAnalyzer(AnalyzerOptions options) : options_(std::move(options)) {
  // Load the dictionaries and tables now, not in the first message's latency.
  (void)signals::Lexicon::BrandsAndCues();
  (void)geo::MetroDirectory::Default();
}

MessageAnalysis MessageAnalyzer::Analyze(std::string_view message) const {
  MessageAnalysis out;
  const std::string_view raw = Truncate(message, kMaxMessageBytes);
  out.truncated = raw.size() < message.size();
  out.analyzed_bytes = static_cast<uint32_t>(raw.size());

  const text::CleanText clean = text::Clean(raw);
  const std::string& clean_text = clean.text();

  std::vector<text::TypedSpan> typed;
  std::vector<Range> claimed;
  for (signals::EmailMatch& email : signals::ExtractEmails(clean_text)) {
    const Span span = clean.ToOriginal(email.begin, email.end);
    typed.push_back({text::TokenType::kEmail, email.begin, email.end, email.address});
    claimed.emplace_back(email.begin, email.end);
    out.emails.push_back(
        {span, std::move(email.address), std::move(email.domain), email.obfuscated});
  }
  for (signals::UrlMatch& url : signals::ExtractUrls(raw, clean, claimed)) {
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
  std::vector<text::TypedSpan> numbers;
  for (signals::NumberMatch& number :
       signals::ExtractNumbers(clean_text, claimed, options_.default_region)) {
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
    numbers.push_back({ToTokenType(number.kind), number.begin, number.end, std::move(number.text)});
  }
  // Both lists are sorted and disjoint; merge them.
  std::vector<text::TypedSpan> all;
  all.reserve(typed.size() + numbers.size());
  std::merge(std::make_move_iterator(typed.begin()), std::make_move_iterator(typed.end()),
             std::make_move_iterator(numbers.begin()), std::make_move_iterator(numbers.end()),
             std::back_inserter(all),
             [](const text::TypedSpan& a, const text::TypedSpan& b) { return a.begin < b.begin; });

  text::Tokenization tokens = text::Tokenize(raw, clean, all);
  out.text_findings = clean.findings();
  out.text_findings.insert(out.text_findings.end(),
                           std::make_move_iterator(tokens.findings.begin()),
                           std::make_move_iterator(tokens.findings.end()));
  std::stable_sort(
      out.text_findings.begin(), out.text_findings.end(),
      [](const text::Finding& a, const text::Finding& b) { return a.span.begin < b.span.begin; });
  out.normalized = std::move(tokens.normalized);
  out.tokens = std::move(tokens.tokens);

  // Brands and calls to action in one scan of the normalized text.
  const signals::Lexicon& lexicon = signals::Lexicon::BrandsAndCues();
  for (const signals::LexiconHit& hit : lexicon.Find(out.normalized)) {
    if (!OnWordsOnly(out.tokens, hit.begin, hit.end)) continue;
    const signals::LexiconEntry& entry = lexicon.entries()[hit.entry];
    const Span span = NormalizedToOriginal(out.tokens, hit.begin, hit.end);
    if (entry.source == signals::Lexicon::kBrandSource) {
      out.brands.push_back({span, entry.name, entry.category, false});
    } else {
      out.cues.push_back({span, entry.name, {}, false});
    }
  }
  for (const UrlInfo& url : out.urls) {
    for (uint32_t id : lexicon.FindInHost(url.unicode_host)) {
      const signals::LexiconEntry& entry = lexicon.entries()[id];
      if (entry.source != signals::Lexicon::kBrandSource) continue;
      out.brands.push_back({url.span, entry.name, entry.category, true});
    }
  }

  if (options_.shingles) {
    out.word_shingles = text::WordShingles(out.tokens, out.normalized, options_.word_shingle_size);
    out.char_shingles = text::CharShingles(text::ShingleText(out.tokens, out.normalized),
                                           options_.char_shingle_size);
  }
  return out;
}

}  // namespace spamradar::analysis

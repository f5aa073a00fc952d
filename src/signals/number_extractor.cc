#include "signals/number_extractor.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/byte_scan.h"
#include "geo/phone_number.h"
#include "text/unicode.h"

namespace spamradar::signals {
namespace {

constexpr size_t kMaxPhoneDigits = 15;
constexpr uint32_t kMaxPhoneRunBytes = 32;
constexpr int kMaxPhoneParses = 64;  // per message, see ExtractNumbers

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Bytes that can start a number: digits, '+', '(', '$' and the lead bytes of
// the other currency signs (U+00A3..U+00A5 and U+20A9..U+20B9).
using MayStartNumber = DigitOrAnyOf<'+', '(', '$', '\xC2', '\xE2'>;

bool IsLetterAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return text::Classify(text::DecodeUtf8(text, pos).code_point) == text::CharClass::kLetter;
}
bool IsLetterBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return IsLetterAt(text, start);
}

struct Currency {
  std::string_view symbol;
  std::string_view canonical;
};
constexpr std::array<Currency, 7> kCurrencySymbols = {{
    {"$", "$"},
    {"\xC2\xA3", "£"},
    {"\xE2\x82\xAC", "€"},
    {"\xC2\xA5", "¥"},
    {"\xE2\x82\xB9", "₹"},
    {"\xE2\x82\xA9", "₩"},
    {"\xE2\x82\xB1", "₱"},
}};
constexpr std::array<std::string_view, 14> kCurrencyWords = {
    "usd", "dollars", "dollar", "bucks", "gbp", "pounds", "pound",
    "eur", "euro",    "euros",  "cad",   "aud", "rupees", "inr"};

// A number as written: 1,500.00 or 1500 or 1.5; returns its end.
uint32_t ScanAmount(std::string_view text, uint32_t pos, std::string* digits, bool* separated) {
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t q = pos;
  while (q < n) {
    if (IsDigit(text[q])) {
      digits->push_back(text[q]);
      ++q;
    } else if ((text[q] == ',' || text[q] == '.') && q + 1 < n && IsDigit(text[q + 1]) && q > pos) {
      digits->push_back(text[q] == '.' ? '.' : ',');
      *separated = true;
      ++q;
    } else {
      break;
    }
  }
  return q;
}

// A phone-number-shaped run from `pos`: digits with single separators among
// " -.()" and an optional leading '+'. Returns its end and digit count.
uint32_t ScanPhoneRun(std::string_view text, uint32_t pos, int* digit_count, bool* separated) {
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t q = pos;
  uint32_t last_digit_end = pos;
  if (q < n && text[q] == '+') ++q;
  bool previous_separator = false;
  // Bounded so that runs of separators cannot make the scan quadratic.
  while (q < n && q - pos < kMaxPhoneRunBytes &&
         *digit_count <= static_cast<int>(kMaxPhoneDigits)) {
    const char c = text[q];
    if (IsDigit(c)) {
      ++*digit_count;
      previous_separator = false;
      last_digit_end = ++q;
    } else if ((c == ' ' || c == '-' || c == '.') && !previous_separator && q + 1 < n &&
               (IsDigit(text[q + 1]) || text[q + 1] == '(')) {
      *separated = true;
      previous_separator = true;
      ++q;
    } else if (c == '(' || c == ')') {
      *separated = true;
      ++q;
    } else {
      break;
    }
  }
  return last_digit_end;
}

// Whether the word before `pos` is one that introduces a short code ("text
// STOP to 87070", "reply YES to 86688", "txt 82228", "call 87121"). Without it
// a 5-6 digit number is a one-time code, an order number or a price.
bool FollowsShortCodeVerb(std::string_view text, uint32_t pos) {
  static constexpr std::array<std::string_view, 11> kVerbs = {
      "to", "text", "txt", "reply", "send", "sms", "dial", "call", "msg", "texting", "no"};
  uint32_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ':')) --end;
  uint32_t begin = end;
  while (begin > 0 && end - begin < 8 && text[begin - 1] >= 'a' && text[begin - 1] <= 'z') --begin;
  const std::string_view word = text.substr(begin, end - begin);
  return std::find(kVerbs.begin(), kVerbs.end(), word) != kVerbs.end();
}

std::optional<std::string_view> CurrencyWordAfter(std::string_view text, uint32_t pos,
                                                  uint32_t* end) {
  uint32_t q = pos;
  if (q < text.size() && text[q] == ' ') ++q;
  for (std::string_view word : kCurrencyWords) {
    if (text.compare(q, word.size(), word) == 0 && !IsLetterAt(text, q + word.size())) {
      *end = q + static_cast<uint32_t>(word.size());
      return word;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<NumberMatch> ExtractNumbers(std::string_view text,
                                        const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                                        std::string_view default_region) {
  std::vector<NumberMatch> out;
  ExtractNumbers(text, skip, default_region, &out);
  return out;
}

void ExtractNumbers(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                    std::string_view default_region, std::vector<NumberMatch>* result) {
  std::vector<NumberMatch>& out = *result;
  out.clear();
  const auto n = static_cast<uint32_t>(text.size());
  size_t next_skip = 0;
  int phone_parses = 0;
  // Where a run that opened with '(' ended when it was refused as a phone
  // number: the run after the '(' has the same digits, and asking
  // libphonenumber again would take as long to say no again.
  uint32_t refused_parenthesized_end = 0;
  uint32_t pos = 0;
  while (pos < n) {
    while (next_skip < skip.size() && skip[next_skip].second <= pos) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].first <= pos) {
      pos = skip[next_skip].second;
      continue;
    }
    const uint32_t limit = next_skip < skip.size() ? skip[next_skip].first : n;
    const std::string_view window = text.substr(0, limit);
    // Only a few bytes can start a number; skip everything else.
    pos = static_cast<uint32_t>(FindNext<MayStartNumber>(window, pos));
    if (pos >= limit) continue;

    // Currency symbol first: "$1,500", "£ 250".
    const Currency* currency = nullptr;
    const auto lead = static_cast<unsigned char>(window[pos]);
    for (const Currency& c : kCurrencySymbols) {
      if (static_cast<unsigned char>(c.symbol[0]) != lead) continue;
      if (window.compare(pos, c.symbol.size(), c.symbol) == 0) {
        currency = &c;
        break;
      }
    }
    uint32_t start = pos;
    if (currency != nullptr) {
      uint32_t q = pos + static_cast<uint32_t>(currency->symbol.size());
      if (q < limit && window[q] == ' ') ++q;
      if (q >= limit || !IsDigit(window[q])) {
        pos += static_cast<uint32_t>(currency->symbol.size());
        continue;
      }
      start = q;
    } else {
      const char c = window[pos];
      const bool starts_number =
          IsDigit(c) || ((c == '+' || c == '(') && pos + 1 < limit && IsDigit(window[pos + 1]));
      if (!starts_number || IsLetterBefore(window, pos) || (pos > 0 && IsDigit(window[pos - 1]))) {
        ++pos;
        continue;
      }
      // A phone number, if the run is shaped like one and libphonenumber agrees.
      int digit_count = 0;
      bool separated = false;
      const uint32_t run_end = ScanPhoneRun(window, pos, &digit_count, &separated);
      bool plausible = digit_count >= 7 && digit_count <= static_cast<int>(kMaxPhoneDigits) &&
                       (separated || c == '+' || digit_count >= 10);
      // A North American number without a country code has 10 digits, or 11
      // with a leading 1; anything else cannot be valid, so skip the parser.
      if (plausible && c != '+' && default_region == "US") {
        plausible = digit_count == 10 || (digit_count == 11 && window[pos] == '1') ||
                    (digit_count == 11 && c == '(' && window[pos + 1] == '1');
      }
      if (plausible && !IsLetterAt(window, run_end) &&
          !(run_end < limit && IsDigit(window[run_end]))) {
        // libphonenumber takes tens of microseconds a number outside the US
        // fast path: a message that is nothing but numbers must not be able to
        // buy seconds of CPU, so only the first kMaxPhoneParses are validated.
        std::optional<geo::PhoneNumber> phone;
        const bool asked =
            c != '(' && pos > 0 && window[pos - 1] == '(' && run_end == refused_parenthesized_end;
        if (phone_parses < kMaxPhoneParses && !asked) {
          ++phone_parses;
          phone = geo::ParsePhoneNumber(window.substr(pos, run_end - pos), default_region);
          if (!phone && c == '(') refused_parenthesized_end = run_end;
        }
        if (phone) {
          out.push_back(
              {NumberKind::kPhone, pos, run_end, phone->e164, phone->region, phone->toll_free});
          pos = run_end;
          continue;
        }
      }
      if (!IsDigit(c)) {
        ++pos;
        continue;
      }
    }

    std::string digits;
    bool separated = false;
    uint32_t end = ScanAmount(window, start, &digits, &separated);
    // Digits glued to letters ("21st", "10am", "12hrs") make a word, which
    // is the tokenizer's; only pence ("150p") and "k"/"m" amounts stay here.
    const bool pence = currency == nullptr && end < limit && window[end] == 'p' &&
                       !IsLetterAt(window, end + 1) && end - start <= 4;
    if (currency == nullptr && !pence && IsLetterAt(window, end)) {
      while (pos < limit && (IsLetterAt(window, pos) || IsDigit(window[pos]))) ++pos;
      continue;
    }
    std::string plain = digits;
    std::erase(plain, ',');
    NumberMatch match{NumberKind::kNumber, pos, end, plain, "", false};
    uint32_t word_end = 0;
    if (currency != nullptr) {
      match.kind = NumberKind::kMoney;
      if (end < limit && (window[end] == 'k' || window[end] == 'm') &&
          !IsLetterAt(window, end + 1)) {
        plain.push_back(window[end]);
        ++end;
      }
      match.text = std::string(currency->canonical) + plain;
    } else if (end < limit && window[end] == '%') {
      match.kind = NumberKind::kPercent;
      match.text = plain + "%";
      ++end;
    } else if (window.compare(end, 8, " percent") == 0 && !IsLetterAt(window, end + 8)) {
      match.kind = NumberKind::kPercent;
      match.text = plain + "%";
      end += 8;
    } else if (auto word = CurrencyWordAfter(window, end, &word_end)) {
      match.kind = NumberKind::kMoney;
      match.text = plain + " " + std::string(*word);
      end = word_end;
    } else if (pence) {
      match.kind = NumberKind::kMoney;  // British pence: "150p per msg"
      match.text = plain + "p";
      ++end;
    } else if (!separated && (digits.size() == 5 || digits.size() == 6) && digits[0] >= '2' &&
               !IsLetterAt(window, end) && FollowsShortCodeVerb(window, pos)) {
      match.kind = NumberKind::kShortCode;
    }
    match.end = end;
    out.push_back(std::move(match));
    pos = end;
  }
}

}  // namespace spamradar::signals

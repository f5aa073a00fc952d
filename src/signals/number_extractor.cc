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
// Written after the amount: "500 dollars", "50 eur", "1gbp", "200 ksh", "342,50 TL".
constexpr std::array<std::string_view, 63> kCurrencyWords = {
    "usd",       "dollars", "dollar",  "bucks", "gbp",       "pounds", "pound", "eur",     "euro",
    "euros",     "cad",     "aud",     "nzd",   "rupees",    "rupee",  "inr",   "rs",      "pkr",
    "lkr",       "kes",     "ksh",     "kshs",  "shillings", "ugx",    "tzs",   "ngn",     "naira",
    "ghs",       "cedis",   "zar",     "rand",  "php",       "pesos",  "peso",  "mxn",     "sgd",
    "hkd",       "myr",     "ringgit", "idr",   "thb",       "baht",   "aed",   "dirhams", "sar",
    "riyals",    "qar",     "egp",     "tl",    "kr",        "sek",    "nok",   "dkk",     "pln",
    "z\xC5\x82", "czk",     "chf",     "yen",   "yuan",      "reais",  "cents", "cent",    "pence"};
// An array sized larger than its list fills the rest with empty words.
static_assert(std::ranges::none_of(kCurrencyWords, &std::string_view::empty));

// Written before the amount: "Rs. 500", "INR 500", "KES 200", "RM50". A code
// with a sign of its own is written as the sign, like "$", "£", "€", "₹".
struct CurrencyPrefix {
  std::string_view code;
  std::string_view canonical;
};
constexpr std::array<CurrencyPrefix, 31> kCurrencyPrefixes = {{
    {"rs", "\xE2\x82\xB9"}, {"inr", "\xE2\x82\xB9"}, {"usd", "$"},        {"eur", "\xE2\x82\xAC"},
    {"gbp", "\xC2\xA3"},    {"php", "\xE2\x82\xB1"}, {"jpy", "\xC2\xA5"}, {"krw", "\xE2\x82\xA9"},
    {"kes", "kes "},        {"ksh", "kes "},         {"kshs", "kes "},    {"ngn", "ngn "},
    {"sgd", "sgd "},        {"aed", "aed "},         {"myr", "myr "},     {"rm", "myr "},
    {"zar", "zar "},        {"cad", "cad "},         {"aud", "aud "},     {"tk", "bdt "},
    {"rp", "idr "},         {"idr", "idr "},         {"nzd", "nzd "},     {"ghs", "ghs "},
    {"pkr", "pkr "},        {"lkr", "lkr "},         {"thb", "thb "},     {"hkd", "hkd "},
    {"mxn", "mxn "},        {"sar", "sar "},         {"egp", "egp "},
}};
static_assert(std::ranges::none_of(kCurrencyPrefixes,
                                   [](const CurrencyPrefix& p) { return p.code.empty(); }));

// Letters written before "$" that name which dollar: "R$ 89,90", "US$5", "S$20".
constexpr std::array<std::string_view, 8> kDollarPrefixes = {"r", "us", "s",  "a",
                                                             "c", "nz", "hk", "mx"};

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

constexpr std::array<std::string_view, 11> kShortCodeVerbs = {
    "to", "text", "txt", "reply", "send", "sms", "dial", "call", "msg", "texting", "no"};

// Whether the sentence before `end` (at most kReach bytes back) names a code
// ("your code ... 551203") nearer than a verb that asks for a text ("enter
// the code or text YES to 86688").
bool AnnouncedAsCode(std::string_view text, uint32_t end) {
  // The words for a one-time code in the languages of the check sets and of
  // the training data's messages, as they read in the clean text (lower case).
  static constexpr std::array<std::string_view, 12> kCodeWords = {
      "code",        "codes",  "kod", "kodu", "k\u00f3d", "codigo",
      "c\u00f3digo", "codice", "pin", "otp",  "passcode", "blik"};
  constexpr uint32_t kReach = 48;
  const uint32_t floor = end > kReach ? end - kReach : 0;
  const auto in_word = [&text](uint32_t at) {
    const char c = text[at];
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  };
  uint32_t word_end = end;
  while (word_end > floor) {
    const char c = text[word_end - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n') return false;  // the sentence's start
    if (!in_word(word_end - 1)) {
      --word_end;
      continue;
    }
    uint32_t word_begin = word_end;
    while (word_begin > floor && in_word(word_begin - 1)) --word_begin;
    const std::string_view word = text.substr(word_begin, word_end - word_begin);
    if (std::find(kCodeWords.begin(), kCodeWords.end(), word) != kCodeWords.end()) return true;
    if (std::find(kShortCodeVerbs.begin(), kShortCodeVerbs.end(), word) != kShortCodeVerbs.end()) {
      return false;
    }
    word_end = word_begin;
  }
  return false;
}

// Whether the word before `pos` is one that introduces a short code ("text
// STOP to 87070", "reply YES to 86688", "txt 82228", "call 87121"). Without it
// a 5-6 digit number is a one-time code, an order number or a price.
bool FollowsShortCodeVerb(std::string_view text, uint32_t pos) {
  uint32_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ':')) --end;
  uint32_t begin = end;
  while (begin > 0 && end - begin < 8 && text[begin - 1] >= 'a' && text[begin - 1] <= 'z') --begin;
  const std::string_view word = text.substr(begin, end - begin);
  if (std::find(kShortCodeVerbs.begin(), kShortCodeVerbs.end(), word) == kShortCodeVerbs.end()) {
    return false;
  }
  // In Polish, Czech and Slovak "to" is "is": "Twój kod BLIK to 551203" gives
  // a code, not a number to text. A number the sentence calls a code is one.
  return word != "to" || !AnnouncedAsCode(text, begin);
}

// The letters that end just before `pos` (after one optional '.' and one
// optional space: "rs. 500", "inr 500", "rm50"), if they are a whole word
// beginning at or after `floor`; their beginning in *begin.
std::string_view WordBefore(std::string_view text, uint32_t pos, uint32_t floor, bool separators,
                            uint32_t* begin) {
  uint32_t end = pos;
  if (separators && end > floor && text[end - 1] == ' ') --end;
  if (separators && end > floor && text[end - 1] == '.') --end;
  uint32_t start = end;
  while (start > floor && end - start < 5 && text[start - 1] >= 'a' && text[start - 1] <= 'z') {
    --start;
  }
  if (start == end || IsLetterBefore(text, start) || (start > 0 && IsDigit(text[start - 1]))) {
    return {};
  }
  *begin = start;
  return text.substr(start, end - start);
}

const CurrencyPrefix* CurrencyPrefixBefore(std::string_view text, uint32_t pos, uint32_t floor,
                                           uint32_t* begin) {
  const std::string_view word = WordBefore(text, pos, floor, /*separators=*/true, begin);
  for (const CurrencyPrefix& prefix : kCurrencyPrefixes) {
    if (word != prefix.code) continue;
    // "RM50" is Malaysian ringgit, but "rm 204" is a room.
    if (word == "rm" && *begin + word.size() != pos) return nullptr;
    return &prefix;
  }
  return nullptr;
}

// An amount's digits with its separators ("1,500.00", "89,90", "2.300,00")
// as a plain number: the last separator is the decimal point unless three
// digits follow it, and the others group thousands.
std::string PlainAmount(const std::string& digits) {
  const size_t last = digits.find_last_of(",.");
  std::string plain;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] != ',' && digits[i] != '.') {
      plain.push_back(digits[i]);
    } else if (i == last && digits.size() - last - 1 != 3) {
      plain.push_back('.');
    }
  }
  return plain;
}

std::optional<std::string_view> CurrencyWordAfter(std::string_view text, uint32_t pos,
                                                  uint32_t* end) {
  uint32_t q = pos;
  if (q < text.size() && text[q] == ' ') ++q;
  if (q >= text.size()) return std::nullopt;
  for (std::string_view word : kCurrencyWords) {
    // The first letter first: this runs after every number, and a compare
    // of each word was a call to memcmp (2% of classifying a message).
    if (word[0] != text[q]) continue;
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

    // Nothing before this point can be part of a match: the last match, or a
    // claimed range (a link ending in ".rs" is not a currency).
    const uint32_t floor =
        std::max(out.empty() ? 0 : out.back().end, next_skip > 0 ? skip[next_skip - 1].second : 0);
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
    std::string_view canonical;  // of a currency written before the amount
    if (currency != nullptr) {
      uint32_t q = pos + static_cast<uint32_t>(currency->symbol.size());
      if (q < limit && window[q] == ' ') ++q;
      if (q >= limit || !IsDigit(window[q])) {
        pos += static_cast<uint32_t>(currency->symbol.size());
        continue;
      }
      start = q;
      canonical = currency->canonical;
      uint32_t prefix_begin = 0;
      const std::string_view letters =
          lead == '$' ? WordBefore(window, pos, floor, /*separators=*/false, &prefix_begin)
                      : std::string_view();
      if (!letters.empty() && std::find(kDollarPrefixes.begin(), kDollarPrefixes.end(), letters) !=
                                  kDollarPrefixes.end()) {
        canonical = window.substr(prefix_begin, pos + 1 - prefix_begin);  // "r$", "us$"
        pos = prefix_begin;
      }
    } else {
      const char c = window[pos];
      // A currency code written before the amount: "Rs. 500", "KES 200", "RM50".
      uint32_t prefix_begin = 0;
      const CurrencyPrefix* prefix = IsDigit(c) && !(pos > 0 && IsDigit(window[pos - 1]))
                                         ? CurrencyPrefixBefore(window, pos, floor, &prefix_begin)
                                         : nullptr;
      if (prefix != nullptr) {
        // The match begins with the code, the amount at `start`; an amount
        // with its currency is no phone number.
        canonical = prefix->canonical;
        pos = prefix_begin;
      } else {
        const bool starts_number =
            IsDigit(c) || ((c == '+' || c == '(') && pos + 1 < limit && IsDigit(window[pos + 1]));
        if (!starts_number || IsLetterBefore(window, pos) ||
            (pos > 0 && IsDigit(window[pos - 1]))) {
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
    }

    std::string digits;
    bool separated = false;
    uint32_t end = ScanAmount(window, start, &digits, &separated);
    const bool has_currency = !canonical.empty();
    // Digits glued to letters ("21st", "10am", "12hrs") make a word, which
    // is the tokenizer's; only pence ("150p", "150ppm"), a currency ("1gbp")
    // and "k"/"m" amounts stay here.
    const uint32_t pence_length =
        has_currency || end >= limit || window[end] != 'p' || end - start > 4 ? 0
        : !IsLetterAt(window, end + 1)                                        ? 1
        : window.compare(end, 3, "ppm") == 0 && !IsLetterAt(window, end + 3)  ? 3
                                                                              : 0;
    // A currency word after the amount; not looked for when one came before it.
    uint32_t word_end = 0;
    const std::optional<std::string_view> word_after =
        has_currency ? std::nullopt : CurrencyWordAfter(window, end, &word_end);
    if (!has_currency && pence_length == 0 && !word_after && IsLetterAt(window, end)) {
      while (pos < limit && (IsLetterAt(window, pos) || IsDigit(window[pos]))) ++pos;
      continue;
    }
    std::string plain = digits;
    std::erase(plain, ',');
    NumberMatch match{NumberKind::kNumber, pos, end, plain, "", false};
    if (has_currency) {
      match.kind = NumberKind::kMoney;
      plain = PlainAmount(digits);
      if (end < limit && (window[end] == 'k' || window[end] == 'm') &&
          !IsLetterAt(window, end + 1)) {
        plain.push_back(window[end]);
        ++end;
      }
      match.text = std::string(canonical) + plain;
    } else if (end < limit && window[end] == '%') {
      match.kind = NumberKind::kPercent;
      match.text = plain + "%";
      ++end;
    } else if (window.compare(end, 8, " percent") == 0 && !IsLetterAt(window, end + 8)) {
      match.kind = NumberKind::kPercent;
      match.text = plain + "%";
      end += 8;
    } else if (word_after) {
      match.kind = NumberKind::kMoney;
      match.text = PlainAmount(digits) + " " + std::string(*word_after);
      end = word_end;
    } else if (pence_length > 0) {
      match.kind = NumberKind::kMoney;  // British pence: "150p per msg", "150ppm"
      match.text = plain + "p";
      end += pence_length;
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

// MessageAnalysis: everything spamradar reads out of one message, the common
// input of the filter, the campaign engine and the intake enrichment.
//
// Every finding carries its span in the original bytes. Spans of text-level
// findings and typed tokens never overlap within their own list; brands and
// cues are found on the normalized text and mapped back through the tokens.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/span.h"
#include "text/findings.h"
#include "text/tokenizer.h"

namespace spamradar::analysis {

struct UrlInfo {
  Span span;
  std::string url;   // canonical form, defanging undone
  std::string host;  // ASCII / punycode
  std::string unicode_host;
  std::string registrable_domain;  // eTLD+1 (the address for IP hosts)
  bool has_scheme = false;
  bool obfuscated = false;
  bool ip_host = false;
  bool idn = false;
  bool homograph = false;
  bool shortener = false;
};

struct EmailInfo {
  Span span;
  std::string address;
  std::string domain;
  bool obfuscated = false;
};

struct PhoneInfo {
  Span span;
  std::string e164;
  std::string region;  // ISO region of the number
  bool toll_free = false;
  std::string area_code;  // US numbers in the area-code table
  std::string state;
  std::string metro;  // empty when not in a US metro area
};

enum class NumberKind : uint8_t { kShortCode, kMoney, kPercent };

struct NumberInfo {
  NumberKind kind;
  Span span;
  std::string text;  // canonical: "87070", "$1500", "90%"
};

struct LexiconMatch {
  Span span;
  std::string name;      // brand name or cue name
  std::string category;  // brands only
  bool in_url = false;   // brand named in a link's host
  // Brands only: a link of the message goes to one of the brand's own
  // registrable domains (data/brands.tsv), "fedex.com" for FedEx, as in its
  // real notices; phishing that names the brand links elsewhere.
  bool own_site = false;
};

struct MessageAnalysis {
  std::string normalized;  // tokens' texts joined by spaces
  std::vector<text::Token> tokens;
  std::vector<text::Finding> text_findings;  // Unicode and obfuscation tricks, in order
  std::vector<UrlInfo> urls;
  std::vector<EmailInfo> emails;
  std::vector<PhoneInfo> phones;
  std::vector<NumberInfo> numbers;  // short codes, money, percentages
  std::vector<LexiconMatch> brands;
  std::vector<LexiconMatch> cues;       // calls to action
  std::vector<uint64_t> word_shingles;  // XXH3 of token 3-grams (placeholders for typed tokens)
  std::vector<uint64_t> char_shingles;  // XXH3 of 5-byte windows of the shingle text
  // The normalized text with typed tokens as placeholders ("gucci <percent>
  // off <url>"): what char_shingles are taken from.
  std::string shingle_text;
  // Where a capital starts a word glued to the one before it ("AlertFrom",
  // "drvgsTo"): offsets in `normalized`, inside word tokens. Line breaks
  // lost on the way (forwarding, a corpus) glue words like this.
  std::vector<uint32_t> case_breaks;
  uint32_t ascii_letters = 0;  // A-Z and a-z as written
  uint32_t upper_letters = 0;  // A-Z as written ("WINNER!!")
  uint32_t exclamations = 0;
  uint32_t analyzed_bytes = 0;  // less than the input when it was truncated
  bool truncated = false;

  std::string_view TextOf(const text::Token& token) const {
    return token.normalized.Of(normalized);
  }

  // Empties every field, keeping the buffers for the next message.
  void Clear() {
    normalized.clear();
    tokens.clear();
    text_findings.clear();
    urls.clear();
    emails.clear();
    phones.clear();
    numbers.clear();
    brands.clear();
    cues.clear();
    word_shingles.clear();
    shingle_text.clear();
    char_shingles.clear();
    case_breaks.clear();
    ascii_letters = 0;
    upper_letters = 0;
    exclamations = 0;
    analyzed_bytes = 0;
    truncated = false;
  }
};

}  // namespace spamradar::analysis

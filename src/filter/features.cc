#include "filter/features.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "core/check.h"
#include "core/hash.h"
#include "signals/public_suffix_list.h"
#include "text/shingles.h"

namespace spamradar::filter {
namespace {

// Joins pieces into one string (also sidesteps a GCC 12 -Wrestrict false
// positive on chains of operator+).
std::string Concat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

// Inlined whole where a feature is made (flatten): left to itself GCC calls
// XXH3 out of line from the feature loops, and a word's hash is a short input
// whose call and length dispatch cost as much as the hashing.
[[gnu::always_inline, gnu::flatten]] inline uint64_t KindHash(FeatureKind kind,
                                                              std::string_view text) {
  return XXH3_64bits_withSeed(text.data(), text.size(), static_cast<uint64_t>(kind));
}

// The hash of two words' hashes (a bigram): 16 bytes, a length the inlined
// XXH3 folds to its short-input path.
[[gnu::always_inline, gnu::flatten]] inline uint64_t PairHash(uint64_t first, uint64_t second) {
  const uint64_t pair[2] = {first, second};
  return XXH3_64bits_withSeed(pair, sizeof(pair), 2);
}

// What a typed token stands for, in words.
std::string_view TypeDescription(text::TokenType type) {
  switch (type) {
    case text::TokenType::kUrl: return "a link";
    case text::TokenType::kEmail: return "an e-mail address";
    case text::TokenType::kPhone: return "a phone number";
    case text::TokenType::kShortCode: return "a short code";
    case text::TokenType::kMoney: return "an amount of money";
    case text::TokenType::kPercent: return "a percentage";
    case text::TokenType::kNumber: return "a number";
    case text::TokenType::kWord: break;
  }
  return "a word";
}

// A word (or a pair) quoted, or what a typed token's placeholder stands for.
std::string PlaceholderDescription(std::string_view form) {
  if (form.starts_with('<')) {
    for (auto type = text::TokenType::kUrl; type <= text::TokenType::kNumber;
         type = static_cast<text::TokenType>(static_cast<int>(type) + 1)) {
      if (form == text::Placeholder(type)) return std::string(TypeDescription(type));
    }
  }
  return Concat({"'", form, "'"});
}
constexpr uint64_t kTypePairSeed = 0x7479706570616972ull;  // "typepair"

// Writes `count` in decimal at out[at] (room for 20 digits); returns the end.
size_t AppendCount(size_t count, char* out, size_t at) {
  const std::to_chars_result written = std::to_chars(out + at, out + at + 20, count);
  return static_cast<size_t>(written.ptr - out);
}

// Features of a typed token's value: campaigns reuse their short codes and
// numbers, and the shape of a number tells a premium-rate line (UK 09...)
// or a price from a date.
template <typename Sink>
void TypedValueFeatures(const text::Token& token, std::string_view normalized, Sink&& sink) {
  const std::string_view value = token.normalized.Of(normalized);
  switch (token.type) {
    case text::TokenType::kShortCode:
    case text::TokenType::kPhone:
    case text::TokenType::kEmail:
      sink(FeatureKind::kWord, KindHash(FeatureKind::kWord, value), [value] {
        return Concat({"'", value, "'"});
      });
      break;
    case text::TokenType::kNumber: {
      size_t digits = 0;
      for (char c : value) digits += (c >= '0' && c <= '9');
      if (digits < 4) break;
      // "07/11": the first two characters and how many digits (at most 15).
      char shape[16];
      size_t n = 0;
      for (; n < 2 && n < value.size() && value[n] != '\0'; ++n) shape[n] = value[n];
      shape[n++] = '/';
      n = AppendCount(std::min<size_t>(digits, 15), shape, n);
      const std::string_view key(shape, n);
      sink(FeatureKind::kSignal, KindHash(FeatureKind::kSignal, key), [key] {
        return Concat({"a long number (", key.substr(0, 2), "..., ", key.substr(3), " digits)"});
      });
      // Numbering plans hand out numbers by their leading digits, and the
      // UK's premium-rate and shared-cost lines are ranges (0871..., 0906...):
      // a phone-length number's first 3, 4 and 5 characters.
      constexpr uint64_t kRangeSeed = 0x72616e6765000000ull;  // "range"
      for (size_t width = 3; digits >= 7 && width <= 5 && width < value.size(); ++width) {
        const std::string_view range = value.substr(0, width);
        sink(FeatureKind::kSignal, XXH3_64bits_withSeed(range.data(), range.size(), kRangeSeed),
             [range] {
               return Concat({"a number starting ", range});
             });
      }
      break;
    }
    case text::TokenType::kMoney: {
      // The currency sign, or word, and the order of magnitude.
      const size_t first_digit = value.find_first_of("0123456789");
      const std::string_view currency = value.substr(0, std::min(first_digit, value.size()));
      size_t digits = 0;
      for (size_t i = first_digit; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i)
        ++digits;
      // "money:£:3": at most 8 bytes of the currency (up to a NUL), the digits.
      char key_buffer[40] = "money:";
      size_t n = 6;
      for (size_t i = 0; i < 8 && i < currency.size() && currency[i] != '\0'; ++i) {
        key_buffer[n++] = currency[i];
      }
      key_buffer[n++] = ':';
      n = AppendCount(digits, key_buffer, n);
      const std::string_view key(key_buffer, n);
      sink(FeatureKind::kSignal, KindHash(FeatureKind::kSignal, key), [value] {
        return Concat({"an amount like ", value});
      });
      break;
    }
    default: break;
  }
}

// Character n-grams are most of a message's features (about 130 of 160), so
// they are hashed while sliding: one multiply per byte extends the n-grams
// starting at a position (FNV-1a), instead of one XXH3 call per n-gram.
inline uint64_t NgramStep(uint64_t h, unsigned char c) {
  return (h ^ c) * 0x100000001b3ull;
}
inline uint64_t NgramFinish(uint64_t h) {
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  return h ^ (h >> 32);
}

// How many character n-grams CharNgrams makes of a word of `size` bytes.
size_t CharNgramCount(const FeatureConfig& config, size_t size) {
  const size_t length = std::min<size_t>(size, 62) + 2;  // bounded as CharNgrams bounds it
  // CharNgrams makes no n-gram narrower than one byte, whatever the minimum.
  const size_t min_width = std::max<size_t>(static_cast<size_t>(config.char_ngram_min), 1);
  const size_t max_width = std::min(static_cast<size_t>(config.char_ngram_max), length - 1);
  size_t count = 0;
  for (size_t at = 0; at + min_width <= length; ++at) {
    const size_t widest = std::min(max_width, length - at);
    if (widest >= min_width) count += widest - min_width + 1;
  }
  return count;
}

template <typename Sink>
[[gnu::always_inline]] inline void CharNgrams(const FeatureConfig& config, std::string_view form,
                                              Sink& sink) {
  // A sink that only describes some features counts a word's n-grams
  // without making them when it wants none of them.
  if constexpr (requires { sink.Skip(size_t{}); }) {
    if (sink.Skip(CharNgramCount(config, form.size()))) return;
  }
  char bounded[64];
  const size_t n = std::min<size_t>(form.size(), sizeof(bounded) - 2);
  bounded[0] = '<';
  std::copy_n(form.data(), n, bounded + 1);
  bounded[n + 1] = '>';
  const size_t length = n + 2;
  const auto min_width = static_cast<size_t>(config.char_ngram_min);
  // An n-gram as long as the bounded word is the word itself, already a unigram.
  const size_t max_width = std::min(static_cast<size_t>(config.char_ngram_max), length - 1);
  constexpr uint64_t kSeed = 0xcbf29ce484222325ull ^ static_cast<uint64_t>(FeatureKind::kCharNgram);
  const auto* bytes = reinterpret_cast<const unsigned char*>(bounded);
  auto emit = [&](size_t at, size_t width, uint64_t h) {
    sink(FeatureKind::kCharNgram, NgramFinish(h), [&bounded, at, width] {
      return Concat({"letters '", std::string_view(bounded + at, width), "'"});
    });
  };
  size_t at = 0;
  if (min_width == 3 && max_width == 5) {
    // The default widths, unrolled, while all three fit.
    for (; at + 5 <= length; ++at) {
      const uint64_t h3 =
          NgramStep(NgramStep(NgramStep(kSeed, bytes[at]), bytes[at + 1]), bytes[at + 2]);
      const uint64_t h4 = NgramStep(h3, bytes[at + 3]);
      emit(at, 3, h3);
      emit(at, 4, h4);
      emit(at, 5, NgramStep(h4, bytes[at + 4]));
    }
    // The last two positions: widths 3 and 4, then 3, hashed on from the
    // 3-gram (the general loop below would start each from nothing, and they
    // are a third of a short word's n-grams).
    const uint64_t h3 =
        NgramStep(NgramStep(NgramStep(kSeed, bytes[at]), bytes[at + 1]), bytes[at + 2]);
    emit(at, 3, h3);
    emit(at, 4, NgramStep(h3, bytes[at + 3]));
    ++at;
    emit(at, 3, NgramStep(NgramStep(NgramStep(kSeed, bytes[at]), bytes[at + 1]), bytes[at + 2]));
    return;
  }
  for (; at + min_width <= length; ++at) {
    uint64_t h = kSeed;
    size_t width = 0;
    for (; width + 1 < min_width; ++width) h = NgramStep(h, bytes[at + width]);
    for (; width < max_width && at + width < length; ++width) {
      h = NgramStep(h, bytes[at + width]);
      emit(at, width + 1, h);
    }
  }
}

// Length buckets: a message of at most `up_to` words or characters.
struct LengthBucket {
  size_t up_to;
  std::string_view key;
  std::string_view description;
};
constexpr LengthBucket kWordBuckets[] = {
    {1, "words:1", "a message of one word"},
    {2, "words:2", "a message of two words"},
    {3, "words:3", "a message of three words"},
    {6, "words:6", "a message of 4-6 words"},
    {10, "words:10", "a message of 7-10 words"},
    {16, "words:16", "a message of 11-16 words"},
    {25, "words:25", "a message of 17-25 words"},
    {SIZE_MAX, "words:more", "a message of more than 25 words"},
};
constexpr LengthBucket kCharacterBuckets[] = {
    {19, "chars:19", "a message under 20 characters"},
    {39, "chars:39", "a message of 20-39 characters"},
    {79, "chars:79", "a message of 40-79 characters"},
    {119, "chars:119", "a message of 80-119 characters"},
    {159, "chars:159", "a message of 120-159 characters (most of an SMS)"},
    {SIZE_MAX, "chars:more", "a message of 160 characters or more"},
};

template <size_t N>
std::array<uint64_t, N> BucketHashes(const LengthBucket (&buckets)[N]) {
  std::array<uint64_t, N> hashes;
  for (size_t i = 0; i < N; ++i) hashes[i] = KindHash(FeatureKind::kShape, buckets[i].key);
  return hashes;
}

template <size_t N, typename Sink>
void LengthFeature(size_t length, const LengthBucket (&buckets)[N],
                   const std::array<uint64_t, N>& hashes, Sink& sink) {
  size_t i = 0;
  while (i + 1 < N && length > buckets[i].up_to) ++i;  // the last bucket has no bound
  const LengthBucket* bucket = &buckets[i];
  sink(FeatureKind::kShape, hashes[i], [bucket] { return std::string(bucket->description); });
}

// A domain is new with every wave of a campaign, but its name is not random:
// it carries words ("cash", "deliver", "usps-") and a suffix (.co.uk, .top).
// Character n-grams of the name's dash-separated pieces, hashed like those of
// words so "cash" in a link and in the text are one feature, and the suffix.
template <typename Sink>
void LinkNameFeatures(const FeatureConfig& config, std::string_view domain, Sink& sink) {
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos) return;
  const std::string_view suffix = domain.substr(dot + 1);
  constexpr uint64_t kSuffixSeed = 0x7375666669780000ull;  // "suffix": not a domain's hash
  sink(FeatureKind::kDomain, XXH3_64bits_withSeed(suffix.data(), suffix.size(), kSuffixSeed),
       [suffix] {
         return Concat({"a link under .", suffix});
       });
  if (config.char_ngram_max < config.char_ngram_min) return;
  std::string_view name = domain.substr(0, dot);
  while (!name.empty()) {
    const size_t dash = name.find('-');
    const std::string_view piece = name.substr(0, dash);
    if (piece.size() >= 2) CharNgrams(config, piece, sink);
    if (dash == std::string_view::npos) break;
    name.remove_prefix(dash + 1);
  }
}

struct NeverStop {
  constexpr bool operator()() const { return false; }
};

// Calls sink(kind, hash, describe) for every feature of the message, where
// describe() builds the readable description only when a sink wants it, in
// the same order every time; gives up between features once stop() says so
// (checked per word and per section, so a few more may come).
template <typename Sink, typename Stop = NeverStop>
void ForEachFeature(const FeatureConfig& config, const analysis::MessageAnalysis& message,
                    Sink&& sink, Stop&& stop = {}) {
  const std::string_view normalized = message.normalized;
  uint64_t previous = 0;
  std::string_view previous_form;
  uint32_t kinds = 0;  // of typed token, for the pairs below
  for (size_t i = 0; i < message.tokens.size(); ++i) {
    if (stop()) return;
    const text::Token& token = message.tokens[i];
    kinds |= 1u << static_cast<unsigned>(token.type);
    const std::string_view form = text::ShingleForm(token, normalized);
    const uint64_t h = KindHash(FeatureKind::kWord, form);
    sink(FeatureKind::kWord, h, [&] { return PlaceholderDescription(form); });
    if (config.bigrams && i > 0) {
      sink(FeatureKind::kBigram, PairHash(previous, h), [&] {
        return PlaceholderDescription(Concat({previous_form, " ", form}));
      });
    }
    previous = h;
    previous_form = form;
    if (token.type != text::TokenType::kWord) TypedValueFeatures(token, normalized, sink);
    // Character n-grams of words, with '<' and '>' marking the word's edges.
    if (config.char_ngram_max >= config.char_ngram_min && token.type == text::TokenType::kWord &&
        form.size() >= 2) {
      // A sink that can stand for a word's n-grams all at once (by the
      // word's hash) is given them to make only if it wants them.
      auto make = [&](auto& inner) { CharNgrams(config, form, inner); };
      if constexpr (requires { sink.WordCharNgrams(h, make); }) {
        sink.WordCharNgrams(h, make);
      } else {
        CharNgrams(config, form, sink);
      }
    }
  }

  // A word glued from several ("AlertFrom", where a line break was lost) is
  // also each of them, so "alert" and "from" count as themselves. The breaks
  // are sorted, each inside a word, and words hold no spaces.
  const std::vector<uint32_t>& breaks = message.case_breaks;
  for (size_t k = 0; k < breaks.size(); ++k) {
    auto word = [&](uint32_t begin, uint32_t end) {
      const std::string_view part = normalized.substr(begin, end - begin);
      sink(FeatureKind::kWord, KindHash(FeatureKind::kWord, part), [part] {
        return Concat({"'", part, "'"});
      });
    };
    const size_t space_before = normalized.rfind(' ', breaks[k]);
    const uint32_t word_begin =
        space_before == std::string_view::npos ? 0 : static_cast<uint32_t>(space_before) + 1;
    word(k > 0 && breaks[k - 1] >= word_begin ? breaks[k - 1] : word_begin, breaks[k]);
    const size_t space_after = normalized.find(' ', breaks[k]);
    const auto word_end = static_cast<uint32_t>(
        space_after == std::string_view::npos ? normalized.size() : space_after);
    if (k + 1 == breaks.size() || breaks[k + 1] >= word_end) word(breaks[k], word_end);
  }

  if (stop()) return;
  auto signal = [&](std::string_view name, std::string_view description) {
    sink(FeatureKind::kSignal, KindHash(FeatureKind::kSignal, name),
         [description] { return std::string(description); });
  };
  bool shortener = false, ip = false, obfuscated = false, homograph = false, government = false;
  for (const analysis::UrlInfo& url : message.urls) {
    shortener = shortener || url.shortener;
    government =
        government || (!url.shortener && signals::IsGovernmentDomain(url.registrable_domain));
    ip = ip || url.ip_host;
    obfuscated = obfuscated || url.obfuscated;
    homograph = homograph || url.homograph;
    if (!url.shortener && !url.registrable_domain.empty()) {
      sink(FeatureKind::kDomain, KindHash(FeatureKind::kDomain, url.registrable_domain), [&url] {
        return Concat({"a link to ", url.registrable_domain});
      });
      if (!url.ip_host) LinkNameFeatures(config, url.registrable_domain, sink);
    }
  }
  if (shortener) signal("link_shortener", "a link through a URL shortener");
  if (ip) signal("ip_link", "a link to a bare IP address");
  if (obfuscated) signal("obfuscated_link", "a disguised link (hxxp, [.], \"dot\")");
  if (homograph) signal("idn_homograph", "a link whose name imitates Latin letters");
  if (government) signal("government_link", "a link to a government site (.gov, .gov.uk...)");
  bool toll_free = false, foreign = false;
  for (const analysis::PhoneInfo& phone : message.phones) {
    toll_free = toll_free || phone.toll_free;
    foreign = foreign || phone.region != "US";
  }
  if (toll_free) signal("toll_free", "a toll-free number");
  if (foreign) signal("foreign_phone", "a phone number outside the US");
  const analysis::LexiconMatch* linked_home = nullptr;  // a brand linking to its own site
  for (const analysis::LexiconMatch& brand : message.brands) {
    if (brand.own_site && linked_home == nullptr) linked_home = &brand;
    sink(FeatureKind::kBrand, KindHash(FeatureKind::kBrand, brand.name), [&brand] {
      return Concat({"mentions ", brand.name});
    });
    if (!message.urls.empty()) {
      sink(FeatureKind::kBrand,
           KindHash(FeatureKind::kBrand, Concat({"with link:", brand.category})), [&brand] {
             return Concat({"mentions ", brand.name, " with a link"});
           });
    }
    // "fedex.com" names FedEx too, but as its owner, not as a disguise.
    if (brand.in_url && !brand.own_site) {
      sink(FeatureKind::kBrand, KindHash(FeatureKind::kBrand, "in link"), [&brand] {
        return Concat({"a link whose name uses ", brand.name});
      });
      // The text speaks as the brand and the link only borrows its name
      // ("LinkedIn: ... Sign in: linkedin-secure-login.xyz"): an imitation
      // copies the real notice's words, and the link is all that gives it away.
      const bool named_in_text = std::any_of(message.brands.begin(), message.brands.end(),
                                             [&brand](const analysis::LexiconMatch& other) {
                                               return !other.in_url && other.name == brand.name;
                                             });
      if (named_in_text) {
        sink(FeatureKind::kBrand, KindHash(FeatureKind::kBrand, "imitated site"), [&brand] {
          return Concat({"a link imitating ", brand.name, "'s site"});
        });
      }
    }
  }
  if (linked_home != nullptr) {
    sink(FeatureKind::kBrand, KindHash(FeatureKind::kBrand, "own site"), [linked_home] {
      return Concat({"a link to ", linked_home->name, "'s own site"});
    });
  }
  for (const analysis::LexiconMatch& cue : message.cues) {
    sink(FeatureKind::kCue, KindHash(FeatureKind::kCue, cue.name), [&cue] {
      return Concat({"call to action (", cue.name, ")"});
    });
  }
  if (stop()) return;
  // Kinds of typed token together (a number and a price, a link and a
  // percentage): a call to action with its cost, which a linear model cannot
  // form from the two apart.
  kinds &= ~(1u << static_cast<unsigned>(text::TokenType::kWord));
  for (unsigned a = 0; a < 8; ++a) {
    if ((kinds & (1u << a)) == 0) continue;
    for (unsigned b = a + 1; b < 8; ++b) {
      if ((kinds & (1u << b)) == 0) continue;
      const auto first = static_cast<text::TokenType>(a), second = static_cast<text::TokenType>(b);
      const uint64_t key[2] = {a, b};
      sink(FeatureKind::kSignal, XXH3_64bits_withSeed(key, sizeof(key), kTypePairSeed),
           [first, second] {
             return Concat({TypeDescription(first), " and ", TypeDescription(second), " together"});
           });
    }
  }
  uint32_t seen = 0;  // one feature per kind of trick
  for (const text::Finding& finding : message.text_findings) {
    const auto bit = 1u << static_cast<unsigned>(finding.kind);
    if ((seen & bit) != 0) continue;
    seen |= bit;
    const std::string_view name = text::FindingKindName(finding.kind);
    sink(FeatureKind::kSignal, KindHash(FeatureKind::kSignal, name), [name] {
      return Concat({"written to dodge filters (", name, ")"});
    });
  }

  if (stop()) return;
  // The message's shape, last (Extract counts them): priors over all
  // messages, which learning one campaign leaves alone.
  auto shape_feature = [&](std::string_view name, std::string_view description) {
    sink(FeatureKind::kShape, KindHash(FeatureKind::kShape, name),
         [description] { return std::string(description); });
  };
  // Only for messages with some capital: a text with none may have been
  // lower-cased by whoever compiled the corpus (most ham of the Super SMS set
  // was), and a model must not learn that lower case means ham.
  if (message.ascii_letters >= 8 && message.upper_letters > 0) {
    const uint32_t percent = 100 * message.upper_letters / message.ascii_letters;
    const char* bucket = percent >= 60   ? "caps:60"
                         : percent >= 30 ? "caps:30"
                         : percent >= 10 ? "caps:10"
                                         : "caps:0";
    shape_feature(bucket, percent >= 30 ? "written in capitals" : "ordinary casing");
  }
  // Length: a one-word reply is ham whatever the word, and spam fills its
  // message; without these a short reply is all one word's weight.
  static const std::array word_hashes = BucketHashes(kWordBuckets);
  static const std::array character_hashes = BucketHashes(kCharacterBuckets);
  LengthFeature(message.tokens.size(), kWordBuckets, word_hashes, sink);
  LengthFeature(message.normalized.size(), kCharacterBuckets, character_hashes, sink);
  if (message.exclamations >= 2) shape_feature("exclamations", "several exclamation marks");
}

}  // namespace

uint64_t FeatureConfig::Fingerprint() const {
  // Bump the version when ForEachFeature changes meaning.
  uint32_t weight_bits;
  static_assert(sizeof(weight_bits) == sizeof(char_ngram_weight));
  std::memcpy(&weight_bits, &char_ngram_weight, sizeof(weight_bits));
  const uint64_t fields[] = {14,
                             static_cast<uint64_t>(hash_bits),
                             static_cast<uint64_t>(char_ngram_min),
                             static_cast<uint64_t>(char_ngram_max),
                             bigrams ? 1u : 0u,
                             weight_bits};
  return XXH3_64bits(fields, sizeof(fields));
}

FeatureExtractor::FeatureExtractor(FeatureConfig config) : config_(config) {
  CHECK(config_.hash_bits >= 10 && config_.hash_bits <= 26) << "hash_bits out of range";
}

size_t FeatureExtractor::Extract(const analysis::MessageAnalysis& message,
                                 std::vector<Feature>* out,
                                 const float* weights_to_prefetch) const {
  out->clear();
  const uint32_t mask = dimension() - 1;
  const float char_weight = config_.char_ngram_weight;
  size_t char_ngrams = 0;
  size_t shape = 0;
  // Inlined into every call site: called out of line, this sink's register
  // saves cost as much as the feature's hash.
  auto add = [&](FeatureKind kind, uint64_t hash, const auto&) __attribute__((always_inline)) {
    const bool char_ngram = kind == FeatureKind::kCharNgram;
    char_ngrams += char_ngram;
    shape += kind == FeatureKind::kShape;
    const uint32_t index = static_cast<uint32_t>(hash) & mask;
    if (weights_to_prefetch != nullptr) __builtin_prefetch(weights_to_prefetch + index);
    out->push_back({index, char_ngram ? char_weight : 1.0f});
  };
  ForEachFeature(config_, message, add);
  if (out->empty()) return 0;
  // Scale to unit length. A feature that occurs twice stays two entries (the
  // model adds both), which is the same score as one entry of twice the value
  // and saves sorting every message's features.
  const float norm = static_cast<float>(char_ngrams) * char_weight * char_weight +
                     static_cast<float>(out->size() - char_ngrams);
  const float scale = 1.0f / std::sqrt(norm);
  for (Feature& f : *out) f.value *= scale;
  return shape;
}

void CharNgramSums::UseWeights(uint64_t weights_version) {
  if (weights_version == weights_version_) return;
  std::fill(sets_.begin(), sets_.end(), Set{});
  weights_version_ = weights_version;
}

namespace {

// WeightedSum's sink: the weights of character n-grams and of the other
// features summed apart, as Extract's unit-length scaling weighs them apart.
// With `sums`, it looks a word's n-grams up there instead of making them.
class WeightSummer {
 public:
  WeightSummer(const float* weights, uint32_t mask, CharNgramSums* sums)
      : weights_(weights), mask_(mask), sums_(sums) {}

  template <typename Describe>
  [[gnu::always_inline]] void operator()(FeatureKind kind, uint64_t hash, const Describe&) {
    const uint32_t index = static_cast<uint32_t>(hash) & mask_;
    if (kind == FeatureKind::kCharNgram) {
      ngram_sum_ += weights_[index];
      ++ngrams_;
      return;
    }
    // The other features' weights (words, pairs of words, signals) are
    // scattered over the 4 MiB table and rarely in cache: each is
    // prefetched now and added a few dozen features later, in the same
    // order. Added at once, waiting on them was two thirds of this sink's time.
    __builtin_prefetch(weights_ + index);
    pending_[pending_count_++] = index;
    if (pending_count_ == kPending) AddPending();
  }

  template <typename Make>
  void WordCharNgrams(uint64_t word_hash, Make& make) {
    // Summed apart, then added: the same float whether remembered or not.
    auto sum_word = [&] {
      WeightSummer word(weights_, mask_, nullptr);
      make(word);
      return CharNgramSums::Sum{word_hash, word.ngram_sum_, static_cast<uint32_t>(word.ngrams_)};
    };
    const CharNgramSums::Sum sum = sums_ != nullptr ? sums_->Of(word_hash, sum_word) : sum_word();
    ngram_sum_ += sum.weight_sum;
    ngrams_ += sum.count;
  }

  float Total(float char_weight) {
    AddPending();
    if (ngrams_ + others_ == 0) return 0;
    // As Extract scales each feature to the message's unit length.
    const float norm =
        static_cast<float>(ngrams_) * char_weight * char_weight + static_cast<float>(others_);
    return (other_sum_ + char_weight * ngram_sum_) / std::sqrt(norm);
  }

 private:
  static constexpr size_t kPending = 32;

  void AddPending() {
    for (size_t i = 0; i < pending_count_; ++i) other_sum_ += weights_[pending_[i]];
    others_ += pending_count_;
    pending_count_ = 0;
  }

  const float* weights_;
  uint32_t mask_;
  CharNgramSums* sums_;
  float ngram_sum_ = 0, other_sum_ = 0;
  size_t ngrams_ = 0, others_ = 0;
  uint32_t pending_[kPending];
  size_t pending_count_ = 0;
};

}  // namespace

float FeatureExtractor::WeightedSum(const analysis::MessageAnalysis& message, const float* weights,
                                    CharNgramSums* sums) const {
  WeightSummer summer(weights, dimension() - 1, sums);
  ForEachFeature(config_, message, summer);
  return summer.Total(config_.char_ngram_weight);
}

namespace {

// DescribeFeatures' sink: describes the features at `positions` (ascending)
// and counts the others, skipping a word's n-grams when none is wanted.
class Describer {
 public:
  Describer(std::span<const size_t> positions, std::vector<std::string>* out)
      : positions_(positions), out_(out) {}

  template <typename Describe>
  void operator()(FeatureKind, uint64_t, const Describe& describe) {
    if (wanted_ < positions_.size() && positions_[wanted_] == position_) {
      (*out_)[wanted_++] = describe();
    }
    ++position_;
  }
  // True, with the `count` features counted, when none of them is wanted.
  bool Skip(size_t count) {
    if (wanted_ < positions_.size() && positions_[wanted_] < position_ + count) return false;
    position_ += count;
    return true;
  }
  bool done() const { return wanted_ == positions_.size(); }

 private:
  std::span<const size_t> positions_;
  std::vector<std::string>* out_;
  size_t position_ = 0;  // of the feature being made
  size_t wanted_ = 0;    // the next of `positions`
};

}  // namespace

std::vector<std::string> FeatureExtractor::DescribeFeatures(
    const analysis::MessageAnalysis& message, std::span<const size_t> positions) const {
  std::vector<std::string> out(positions.size());
  Describer describer(positions, &out);
  ForEachFeature(config_, message, describer, [&describer] { return describer.done(); });
  return out;
}

}  // namespace spamradar::filter

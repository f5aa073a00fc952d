// FeatureExtractor: turns a MessageAnalysis into hashed, weighted features for
// the linear spam model.
//
// Features: word unigrams and bigrams of the tokens' shingle forms (typed
// tokens as placeholders, so rotating links and numbers look alike), character
// 3-5-grams of words (robust to misspellings the normalizer does not undo), and
// typed signals from the analysis (link shortener, brand with a link, a link
// to the named brand's own site, money, short code, look-alike letters, two
// kinds of typed token together, the message's length), and the names of
// linked domains (character n-grams and public suffix). Each feature is hashed
// (XXH3) into 2^hash_bits buckets; values are scaled so a message's vector has
// unit norm.
//
// ForEachFeature() is the single definition of the features; the model uses the
// hashes only, explanations also use the readable pieces. Thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message_analysis.h"

namespace spamradar::filter {

enum class FeatureKind : uint8_t {
  kWord = 1,
  kBigram,
  kCharNgram,
  kSignal,  // a typed signal: shortener, money, brand with link...
  kBrand,
  kCue,
  kDomain,
  // The message's shape (length, casing, exclamation marks): a prior over
  // all messages rather than a trait of one campaign.
  kShape,
};

struct FeatureConfig {
  int hash_bits = 20;
  int char_ngram_min = 3;
  int char_ngram_max = 5;
  // Character n-grams are many and individually weak; at full weight they
  // drown the words (UCI TEST MCC 0.907 at 1.0, 0.944 at 0.2).
  float char_ngram_weight = 0.2f;
  bool bigrams = true;

  // Identifies the feature definition; a model trained with another one is refused.
  uint64_t Fingerprint() const;
};

struct Feature {
  uint32_t index;
  float value;
};

// What FeatureExtractor::WeightedSum remembers between messages: for recent
// word forms, the sum of one model's weights over the form's character
// n-grams. Those are most of a message's features (about 130 of 160) and the
// same in every message the word is in. 16,384 words; one per thread.
class CharNgramSums {
 public:
  struct Sum {
    uint64_t word_hash = 0;
    float weight_sum = 0;
    uint32_t count = 0;  // of n-grams; 0 in a free slot (a word has at least one)
  };

  CharNgramSums() : sets_(size_t{1} << kSetBits) {}

  // Forgets everything unless what it holds was summed over these weights
  // (LinearModel::weights_version()).
  void UseWeights(uint64_t weights_version);

  // The word's sum, remembered, or made by `sum_word()` and remembered in
  // place of the older of the two words its set holds.
  template <typename SumWord>
  const Sum& Of(uint64_t word_hash, SumWord&& sum_word) {
    Sum* const way = sets_[word_hash >> (64 - kSetBits)].way;
    if (way[0].word_hash == word_hash && way[0].count != 0) return way[0];
    if (way[1].word_hash == word_hash && way[1].count != 0) return way[1];
    way[1] = way[0];
    way[0] = sum_word();
    return way[0];
  }

 private:
  // Two words a set, so that two common words sharing a set do not push each
  // other out (direct-mapped, the 4,807 words of the UCI TEST messages in
  // 16,384 slots: about a quarter expected to share one); 8,192 sets of half
  // a cache line each: 256 KiB, in the CPU's cache.
  static constexpr int kSetBits = 13;
  struct alignas(2 * sizeof(Sum)) Set {
    Sum way[2];
  };

  std::vector<Set> sets_;
  uint64_t weights_version_ = 0;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(FeatureConfig config = {});

  const FeatureConfig& config() const { return config_; }
  uint32_t dimension() const { return 1u << config_.hash_bits; }

  // Replaces `out` with the message's features (a feature met twice is two
  // entries) and returns how many of them, at the end, are shape features.
  // Given a model's weight table, each feature's weight is prefetched as the
  // feature is made: scoring then finds the ~160 scattered weights in cache
  // instead of waiting on memory for each (a fifth of classification time).
  size_t Extract(const analysis::MessageAnalysis& message, std::vector<Feature>* out,
                 const float* weights_to_prefetch = nullptr) const;
  // sum(weight * value) over the features Extract makes, without making them
  // all: a word's character n-grams are summed once and kept in `sums` (when
  // not null, and made for these weights: CharNgramSums::UseWeights).
  // Equal to summing Extract's features but for float rounding (the order of
  // the additions differs), and the same whether `sums` knew the word or not.
  float WeightedSum(const analysis::MessageAnalysis& message, const float* weights,
                    CharNgramSums* sums) const;
  // The descriptions of Extract's features at `positions` (indices into its
  // output, ascending): only these are written out, and the features after
  // the last one are not made at all.
  std::vector<std::string> DescribeFeatures(const analysis::MessageAnalysis& message,
                                            std::span<const size_t> positions) const;

 private:
  FeatureConfig config_;
};

}  // namespace spamradar::filter

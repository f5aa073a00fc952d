// LinearModel: logistic regression over hashed features, trained online with
// AdaGrad, so it can keep learning from single labelled messages (a spam
// report, a false-positive appeal) without retraining from scratch.
//
// The model file holds everything needed to go on learning: weights, AdaGrad
// accumulators, the feature-configuration fingerprint and the decision
// thresholds, framed by a magic number, a format version and an XXH3 checksum.
// Scoring is const and thread-safe; Learn() needs exclusive access.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/huge_page_allocator.h"
#include "core/status.h"
#include "filter/features.h"

namespace spamradar::filter {

// Provisional defaults, chosen on the UCI protocol's 5-fold cross-validation
// (0.3: 0.04% of ham blocked; 0.25: 0.08%; 0.2: 0.21%) and the default model's
// held-out data: to be set from held-out data of the deployment.
struct Thresholds {
  float spam = 0.3f;     // probability at or above which a message is spam
  float suspect = 0.1f;  // ... suspect, below spam

  bool valid() const { return suspect >= 0 && suspect <= spam && spam <= 1; }
};

struct TrainingOptions {
  int epochs = 10;
  float learning_rate = 0.3f;
  float l2 = 1e-7f;
  uint64_t seed = 7726;   // shuffling order; training is deterministic for a seed
  Thresholds thresholds;  // stored in the trained model
};

// Which weights a learning step may move. Training moves all; learning from
// single reports keeps the priors (the bias and the message's shape features,
// the last `fixed_tail` of its features) where they are: a burst of reports of
// one campaign must teach its features, not make every message of its length
// look spammier.
struct LearnScope {
  bool bias = true;
  size_t fixed_tail = 0;
};

class LinearModel {
 public:
  struct FileHeader;  // the file's fixed-size part, after the magic (model.cc)

  LinearModel(uint32_t dimension, uint64_t feature_fingerprint);

  // Probability that the message with these features is spam.
  float Probability(std::span<const Feature> features) const;
  // The same from the features' weighted sum, sum(weight * value).
  float ProbabilityOfSum(float weighted_sum) const;
  // Weight of one feature bucket (for explanations).
  float Weight(uint32_t index) const { return weights_[index]; }
  float bias() const { return bias_; }
  const float* weights() const { return weights_.data(); }  // dimension() of them

  // One AdaGrad step towards `spam`; returns the probability before the step.
  // Not for a model loaded for scoring (can_learn()).
  float Learn(std::span<const Feature> features, bool spam, const TrainingOptions& options,
              LearnScope scope = {});

  const Thresholds& thresholds() const { return thresholds_; }
  void set_thresholds(Thresholds t) { thresholds_ = t; }
  // The thresholds with `spam` and `suspect` put in where given (a user's
  // overrides of the trained ones); an error, changing nothing, when they
  // would end out of order.
  Status OverrideThresholds(std::optional<float> spam, std::optional<float> suspect);
  uint64_t feature_fingerprint() const { return fingerprint_; }
  uint32_t dimension() const { return static_cast<uint32_t>(weights_.size()); }
  uint64_t examples_seen() const { return examples_seen_; }
  // Names the weights as they are: no two models, nor one model before and
  // after a learning step, share it while their weights differ (copies of a
  // model share it until either learns). What a scorer remembers of the
  // weights is valid while this stays the same.
  uint64_t weights_version() const { return weights_version_; }

  // What a model is loaded for. For scoring, the AdaGrad accumulators (half
  // the file) are summed into the checksum as they are read and not kept:
  // reading them into fresh memory, which the kernel zeroes first, was about
  // 2 ms of a `classify` start (bench/README.md, twentieth session). Such a
  // model can neither learn nor be saved.
  enum class Use { kLearning, kScoring };

  // Fails (writing nothing) for a model loaded for scoring.
  Status Save(const std::string& path) const;
  // Fails with a clear message for a missing, truncated, corrupted or foreign
  // file, or one trained with other features than `expected_fingerprint`.
  static Result<LinearModel> Load(const std::string& path, uint64_t expected_fingerprint,
                                  Use use = Use::kLearning);
  bool can_learn() const { return !scoring_only_; }
  // The same from bytes in memory (the fuzz target's entry point).
  static Result<LinearModel> Parse(std::string_view bytes, uint64_t expected_fingerprint);
  // The model built into the binary (the default model): like Parse, but
  // its checksum is not summed, and the AdaGrad accumulators stay in `bytes`
  // until the first Learn() copies them. Those bytes are the executable's,
  // compared with models/default.model, and that file's checksum checked,
  // by default_model_test when the binary is built; summing them again, with
  // the page faults of reading the accumulators, took 3.5 ms of every start:
  // 4 MiB of the executable that scoring never reads. The header, size and
  // feature fingerprint are still checked. `bytes` must outlive the model
  // and its copies.
  static Result<LinearModel> ParseBuiltIn(std::string_view bytes, uint64_t expected_fingerprint);
  // Copies borrowed accumulators into the model's own memory, as the first
  // Learn() does, so that the first lesson does not pay for it.
  void OwnAccumulators();

 private:
  // Takes the header's numbers once the checksum and the feature fingerprint
  // are found right; fails with a clear message otherwise.
  Status CheckAndAdopt(const FileHeader& header, uint64_t computed_checksum,
                       uint64_t stored_checksum, uint64_t expected_fingerprint);

  std::vector<float, HugePageAllocator<float>> weights_;
  std::vector<float, HugePageAllocator<float>> accumulators_;  // AdaGrad sums of squared gradients
  // Until the first Learn(), the accumulators may still lie in the loaded
  // bytes (ParseBuiltIn); accumulators_ is empty meanwhile.
  std::string_view borrowed_accumulators_;
  bool scoring_only_ = false;  // loaded for scoring: no accumulators at all
  float bias_ = 0;
  float bias_accumulator_ = 0;
  uint64_t fingerprint_;
  uint64_t examples_seen_ = 0;
  uint64_t weights_version_;
  Thresholds thresholds_;

  static Result<LinearModel> Parse(std::string_view bytes, uint64_t expected_fingerprint,
                                   bool built_in);
};

}  // namespace spamradar::filter

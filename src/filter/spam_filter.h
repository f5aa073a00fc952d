// SpamFilter: the message filter. Analyzes a message, extracts its features,
// scores it with the linear model and explains the verdict with the features
// that pushed it hardest, in words a reviewer understands.
//
// Classify() is const and thread-safe; Learn() (incremental training from a
// labelled message) needs exclusive access to the filter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/message_analyzer.h"
#include "filter/corpus.h"
#include "filter/features.h"
#include "filter/model.h"

namespace spamradar::filter {

enum class Label { kHam, kSuspect, kSpam };
std::string_view LabelName(Label label);

struct Reason {
  std::string description;  // "a link through a URL shortener"
  float weight;             // contribution to the score; positive pushes towards spam
};

struct Verdict {
  Label label;
  float probability;            // of spam
  std::vector<Reason> reasons;  // strongest first, towards the verdict's side
};

class SpamFilter {
 public:
  SpamFilter(LinearModel model, FeatureConfig config = {});

  // A fresh model for the given features, to be trained.
  static SpamFilter Untrained(FeatureConfig config = {});
  // `use`: see LinearModel::Use (a filter loaded for scoring cannot Learn).
  static Result<SpamFilter> Load(const std::string& path, FeatureConfig config = {},
                                 LinearModel::Use use = LinearModel::Use::kLearning);
  Status Save(const std::string& path) const { return model_.Save(path); }

  Verdict Classify(std::string_view message, int max_reasons = 5) const;
  // The same for a message already analyzed, by analyzer() or by any analyzer
  // with the same stamp apart from shingles (the features read none): a
  // caller that also matches campaigns analyzes each message once.
  Verdict Classify(const analysis::MessageAnalysis& analysis, int max_reasons = 5) const;
  float Probability(std::string_view message) const;
  Label LabelFor(float probability) const;

  // Incremental learning: one step towards `spam` for this message's
  // features, unless the model already scores it firmly on that side (the
  // model's priors, its bias and the shape features, are left alone).
  void Learn(std::string_view message, bool spam, const TrainingOptions& options = {});

  // Training from scratch on `corpus` (rows in `rows`, or all when empty):
  // several shuffled passes, deterministic for options.seed.
  void Train(const std::vector<LabeledMessage>& corpus, const std::vector<size_t>& rows,
             const TrainingOptions& options);

  const LinearModel& model() const { return model_; }
  LinearModel& mutable_model() { return model_; }
  const FeatureExtractor& features() const { return features_; }
  const analysis::MessageAnalyzer& analyzer() const { return analyzer_; }

  // Features of a message (exposed for training loops that cache them).
  // Returns how many of the features, at the end, are shape features.
  size_t ExtractFeatures(std::string_view message, std::vector<Feature>* out) const;

 private:
  // The probability from the features' weighted sum (FeatureExtractor::WeightedSum).
  float Score(const analysis::MessageAnalysis& analysis) const;

  analysis::MessageAnalyzer analyzer_;
  FeatureExtractor features_;
  LinearModel model_;
};

}  // namespace spamradar::filter

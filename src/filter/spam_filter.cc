#include "filter/spam_filter.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "core/check.h"

namespace spamradar::filter {

std::string_view LabelName(Label label) {
  switch (label) {
    case Label::kHam: return "ham";
    case Label::kSuspect: return "suspect";
    case Label::kSpam: return "spam";
  }
  return "ham";
}

namespace {

// The filter's features use no shingles; leaving them out saves a fifth of
// the analysis.
analysis::AnalyzerOptions FilterAnalysisOptions() {
  analysis::AnalyzerOptions options;
  options.shingles = false;
  return options;
}

}  // namespace

SpamFilter::SpamFilter(LinearModel model, FeatureConfig config)
    : analyzer_(FilterAnalysisOptions()), features_(config), model_(std::move(model)) {
  CHECK(model_.dimension() == features_.dimension()) << "model and features disagree on dimension";
}

SpamFilter SpamFilter::Untrained(FeatureConfig config) {
  const FeatureExtractor features(config);
  return SpamFilter(LinearModel(features.dimension(), config.Fingerprint()), config);
}

Result<SpamFilter> SpamFilter::Load(const std::string& path, FeatureConfig config) {
  Result<LinearModel> model = LinearModel::Load(path, config.Fingerprint());
  if (!model.ok()) return model.status();
  if (model->dimension() != (1u << config.hash_bits)) {
    return Status::InvalidArgument(path +
                                   ": model dimension does not match the feature configuration");
  }
  return SpamFilter(std::move(model).value(), config);
}

void SpamFilter::ExtractFeatures(std::string_view message, std::vector<Feature>* out) const {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(message, &analysis);
  features_.Extract(analysis, out);
}

float SpamFilter::Probability(std::string_view message) const {
  thread_local std::vector<Feature> features;
  ExtractFeatures(message, &features);
  return model_.Probability(features);
}

Label SpamFilter::LabelFor(float probability) const {
  if (probability >= model_.thresholds().spam) return Label::kSpam;
  if (probability >= model_.thresholds().suspect) return Label::kSuspect;
  return Label::kHam;
}

Verdict SpamFilter::Classify(std::string_view message, int max_reasons) const {
  thread_local analysis::MessageAnalysis analysis;
  thread_local std::vector<Feature> features;
  analyzer_.Analyze(message, &analysis);
  features_.Extract(analysis, &features);
  Verdict verdict;
  verdict.probability = model_.Probability(features);
  verdict.label = LabelFor(verdict.probability);
  if (max_reasons <= 0) return verdict;
  // Reasons on the verdict's side: what made spam spammy, or ham clean.
  const bool towards_spam = verdict.label != Label::kHam;
  for (const DescribedFeature& f : features_.Describe(analysis)) {
    const float contribution = model_.Weight(f.index) * f.value;
    if ((contribution > 0) == towards_spam && contribution != 0) {
      verdict.reasons.push_back({f.description, contribution});
    }
  }
  std::sort(verdict.reasons.begin(), verdict.reasons.end(), [](const Reason& a, const Reason& b) {
    return std::abs(a.weight) > std::abs(b.weight);
  });
  if (verdict.reasons.size() > static_cast<size_t>(max_reasons)) {
    verdict.reasons.resize(static_cast<size_t>(max_reasons));
  }
  return verdict;
}

void SpamFilter::Learn(std::string_view message, bool spam, const TrainingOptions& options) {
  thread_local std::vector<Feature> features;
  ExtractFeatures(message, &features);
  model_.Learn(features, spam, options, /*update_bias=*/false);
}

void SpamFilter::Train(const std::vector<LabeledMessage>& corpus, const std::vector<size_t>& rows,
                       const TrainingOptions& options) {
  model_.set_thresholds(options.thresholds);
  std::vector<size_t> order = rows;
  if (order.empty()) {
    order.resize(corpus.size());
    std::iota(order.begin(), order.end(), 0);
  }
  // Features once per message, then the passes over them.
  std::vector<std::vector<Feature>> cached(order.size());
  for (size_t i = 0; i < order.size(); ++i) ExtractFeatures(corpus[order[i]].text, &cached[i]);
  std::vector<size_t> positions(order.size());
  std::iota(positions.begin(), positions.end(), 0);
  std::mt19937_64 random(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(positions.begin(), positions.end(), random);
    for (size_t p : positions) model_.Learn(cached[p], corpus[order[p]].spam, options);
  }
}

}  // namespace spamradar::filter

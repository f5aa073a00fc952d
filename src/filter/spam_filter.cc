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

size_t SpamFilter::ExtractFeatures(std::string_view message, std::vector<Feature>* out) const {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(message, &analysis);
  return features_.Extract(analysis, out, model_.weights());
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
  analyzer_.Analyze(message, &analysis);
  return Classify(analysis, max_reasons);
}

Verdict SpamFilter::Classify(const analysis::MessageAnalysis& analysis, int max_reasons) const {
  thread_local std::vector<Feature> features;
  features_.Extract(analysis, &features, model_.weights());
  Verdict verdict;
  verdict.probability = model_.Probability(features);
  verdict.label = LabelFor(verdict.probability);
  if (max_reasons <= 0) return verdict;
  // Reasons on the verdict's side: what made spam spammy, or ham clean. Each
  // bucket's contribution from the features already extracted (a feature
  // met twice sums), the strongest chosen, and only those described: writing
  // out every character n-gram cost as much as the analysis.
  const bool towards_spam = verdict.label != Label::kHam;
  struct Candidate {
    uint32_t index;
    float value;
    size_t first;  // position of its first feature: ties keep message order
    float contribution = 0;
  };
  thread_local std::vector<Candidate> candidates;
  thread_local std::vector<int32_t> slots;  // open addressing: bucket -> candidate
  // At most one candidate per feature, so the table is sized once and filled
  // through plain pointers (a thread_local vector is reached through the
  // thread's TLS block at every access otherwise).
  candidates.resize(features.size());
  Candidate* const candidate = candidates.data();
  size_t count = 0;
  size_t capacity = 16;
  while (capacity < 2 * features.size()) capacity *= 2;
  slots.assign(capacity, -1);
  int32_t* const slot_of = slots.data();
  for (size_t i = 0; i < features.size(); ++i) {
    const uint32_t index = features[i].index;
    size_t slot = (index * 2654435761u) & (capacity - 1);
    int32_t at;
    while ((at = slot_of[slot]) >= 0 && candidate[at].index != index) {
      slot = (slot + 1) & (capacity - 1);
    }
    if (at < 0) {
      at = static_cast<int32_t>(count++);
      slot_of[slot] = at;
      candidate[at] = {index, 0, i};
    }
    candidate[at].value += features[i].value;
  }
  // Those on the verdict's side, kept without a branch: which side a bucket
  // falls is as good as random.
  size_t kept = 0;
  for (size_t c = 0; c < count; ++c) {
    const float contribution = model_.Weight(candidate[c].index) * candidate[c].value;
    candidate[kept] = candidate[c];
    candidate[kept].contribution = contribution;
    kept += static_cast<size_t>(((contribution > 0) == towards_spam) & (contribution != 0));
  }
  candidates.resize(kept);
  const size_t keep = std::min(candidates.size(), static_cast<size_t>(max_reasons));
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<ptrdiff_t>(keep),
                    candidates.end(), [](const Candidate& a, const Candidate& b) {
                      const float wa = std::abs(a.contribution), wb = std::abs(b.contribution);
                      return wa != wb ? wa > wb : a.first < b.first;
                    });
  // A bucket is described by its first feature; they are made again in the
  // same order, up to the last one wanted.
  thread_local std::vector<size_t> positions;
  positions.clear();
  for (size_t i = 0; i < keep; ++i) positions.push_back(candidates[i].first);
  std::sort(positions.begin(), positions.end());
  std::vector<std::string> descriptions = features_.DescribeFeatures(analysis, positions);
  for (size_t i = 0; i < keep; ++i) {
    const auto at = std::lower_bound(positions.begin(), positions.end(), candidates[i].first);
    verdict.reasons.push_back({std::move(descriptions[static_cast<size_t>(at - positions.begin())]),
                               candidates[i].contribution});
  }
  return verdict;
}

void SpamFilter::Learn(std::string_view message, bool spam, const TrainingOptions& options) {
  thread_local std::vector<Feature> features;
  const size_t shape = ExtractFeatures(message, &features);
  // Thick-threshold training: a message already scored firmly on its side
  // teaches nothing new, and another step would only push its common words
  // (and with them other people's messages) further.
  const float p = model_.Probability(features);
  constexpr float kSure = 0.9f;
  if (spam ? p >= kSure : p <= 1 - kSure) return;
  model_.Learn(features, spam, options, {.bias = false, .fixed_tail = shape});
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

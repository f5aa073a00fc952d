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

Result<SpamFilter> SpamFilter::Load(const std::string& path, FeatureConfig config,
                                    LinearModel::Use use) {
  Result<LinearModel> model = LinearModel::Load(path, config.Fingerprint(), use);
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

float SpamFilter::Score(const analysis::MessageAnalysis& analysis) const {
  // Each thread remembers its recent words' n-gram sums for the model it
  // last scored with (a server thread goes on with the next model after a
  // reload; learning changes the weights' version too).
  thread_local CharNgramSums sums;
  sums.UseWeights(model_.weights_version());
  return model_.ProbabilityOfSum(features_.WeightedSum(analysis, model_.weights(), &sums));
}

float SpamFilter::Probability(std::string_view message) const {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(message, &analysis);
  return Score(analysis);
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
  Verdict verdict;
  verdict.probability = Score(analysis);
  verdict.label = LabelFor(verdict.probability);
  if (max_reasons <= 0) return verdict;
  thread_local std::vector<Feature> features;
  features_.Extract(analysis, &features, model_.weights());
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
  // Bucket -> candidate, by open addressing in a table that outlives the
  // call: a slot is this call's only if it bears the call's stamp, so the
  // table is not cleared for every message. At most a quarter full, a
  // bucket almost always finds its own slot or a free one at once, and that
  // step is written without a branch: which of the two it is, is as good as
  // random, and a mispredicted branch per feature cost more than the rest.
  struct Slot {
    uint32_t stamp;
    uint32_t index;
    uint32_t candidate;
  };
  thread_local std::vector<Slot> slots;
  thread_local uint32_t stamp = 0;
  size_t capacity = 1024;
  while (capacity < 4 * features.size()) capacity *= 2;
  if (slots.size() < capacity || ++stamp == 0) {
    slots.assign(std::max(capacity, slots.size()), Slot{0, 0, 0});
    stamp = 1;
  }
  Slot* const slot_of = slots.data();
  const size_t mask = slots.size() - 1;
  // A candidate is written at `count` for every feature and kept only when
  // new: one more than the features, at most.
  candidates.resize(features.size() + 1);
  Candidate* const candidate = candidates.data();
  uint32_t count = 0;
  for (size_t i = 0; i < features.size(); ++i) {
    const uint32_t index = features[i].index;
    for (size_t slot = index & mask;; slot = (slot + 1) & mask) {
      Slot& s = slot_of[slot];
      const bool fresh = s.stamp != stamp;
      if (fresh || s.index == index) [[likely]] {
        const uint32_t at = fresh ? count : s.candidate;
        s = {stamp, index, at};
        candidate[count] = {index, 0, i};
        count += fresh;
        candidate[at].value += features[i].value;
        break;
      }
    }
  }
  // The strongest `keep` on the verdict's side, strongest first, found in one
  // pass: a bucket displaces the weakest kept only when strictly stronger,
  // so ties keep message order (candidates are in it). Once `top` is full,
  // few buckets pass its threshold, and the weights are loaded without
  // waiting on one another (compacting the side's buckets before sorting
  // them made every step wait on the one before).
  const size_t keep = static_cast<size_t>(max_reasons);
  thread_local std::vector<Candidate> top;
  top.resize(std::min<size_t>(keep, count));
  Candidate* const best = top.data();
  const float side = towards_spam ? 1.0f : -1.0f;  // strength = side * contribution
  size_t found = 0;
  float threshold = 0;  // the strength to beat
  for (size_t c = 0; c < count; ++c) {
    const float contribution = model_.Weight(candidate[c].index) * candidate[c].value;
    const float strength = side * contribution;
    if (!(strength > threshold)) continue;
    size_t at = found < top.size() ? found++ : found - 1;
    for (; at > 0 && side * best[at - 1].contribution < strength; --at) best[at] = best[at - 1];
    best[at] = candidate[c];
    best[at].contribution = contribution;
    if (found == top.size()) threshold = side * best[found - 1].contribution;
  }
  top.resize(found);
  // A bucket is described by its first feature; they are made again in the
  // same order, up to the last one wanted.
  thread_local std::vector<size_t> positions;
  positions.clear();
  for (const Candidate& kept : top) positions.push_back(kept.first);
  std::sort(positions.begin(), positions.end());
  std::vector<std::string> descriptions = features_.DescribeFeatures(analysis, positions);
  for (const Candidate& kept : top) {
    const auto at = std::lower_bound(positions.begin(), positions.end(), kept.first);
    verdict.reasons.push_back(
        {std::move(descriptions[static_cast<size_t>(at - positions.begin())]), kept.contribution});
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

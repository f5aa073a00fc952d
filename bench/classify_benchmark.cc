// Steady-state classification throughput (analysis, features and scoring; no
// output, no start-up) over the UCI TEST messages, trained on the TRAIN rows.
// bench/compare_fasttext.sh measures the whole command against fastText.
//
//   build/release/bench/classify_benchmark
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "filter/spam_filter.h"

namespace {

struct Split {
  std::vector<spamradar::filter::LabeledMessage> corpus;
  std::vector<size_t> train;
  std::vector<std::string> test;
};

const Split* LoadSplit() {
  static const Split* split = [] {
    auto* s = new Split();
    auto corpus = spamradar::filter::ReadCorpus(
        std::string(SPAMRADAR_SHARED_DATA_DIR) + "/sms_spam_collection/SMSSpamCollection",
        spamradar::filter::CorpusFormat::kUci);
    if (!corpus.ok()) return static_cast<Split*>(nullptr);
    s->corpus = std::move(corpus).value();
    for (size_t i = 0; i < s->corpus.size(); ++i) {
      if (i % 3 == 2) {
        s->test.push_back(s->corpus[i].text);
      } else {
        s->train.push_back(i);
      }
    }
    return s;
  }();
  return split;
}

void BM_ClassifyUciTest(benchmark::State& state) {
  const Split* split = LoadSplit();
  if (split == nullptr) {
    state.SkipWithError("UCI collection not found under " SPAMRADAR_SHARED_DATA_DIR);
    return;
  }
  spamradar::filter::SpamFilter spam_filter = spamradar::filter::SpamFilter::Untrained();
  spam_filter.Train(split->corpus, split->train, {});
  for (auto _ : state) {
    for (const std::string& message : split->test) {
      benchmark::DoNotOptimize(spam_filter.Probability(message));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * split->test.size()));
}
BENCHMARK(BM_ClassifyUciTest)->Unit(benchmark::kMillisecond);

// The stages apart, to see where a message's time goes: the analysis, the
// features of an analysed message, the scoring of its features, the verdict
// with five reasons (features, score and the reasons chosen and described:
// what the server answers) of an analysed message, and the verdict alone
// (scored from the words' remembered n-gram sums, as `classify --reasons 0`).
void BM_Stages(benchmark::State& state) {
  const Split* split = LoadSplit();
  if (split == nullptr) {
    state.SkipWithError("UCI collection not found under " SPAMRADAR_SHARED_DATA_DIR);
    return;
  }
  spamradar::filter::SpamFilter spam_filter = spamradar::filter::SpamFilter::Untrained();
  spam_filter.Train(split->corpus, split->train, {});
  std::vector<spamradar::analysis::MessageAnalysis> analyses(split->test.size());
  std::vector<std::vector<spamradar::filter::Feature>> features(split->test.size());
  for (size_t i = 0; i < split->test.size(); ++i) {
    spam_filter.analyzer().Analyze(split->test[i], &analyses[i]);
    spam_filter.features().Extract(analyses[i], &features[i]);
  }
  size_t feature_count = 0;
  for (const auto& f : features) feature_count += f.size();
  state.counters["features_per_message"] =
      static_cast<double>(feature_count) / static_cast<double>(features.size());
  const int stage = static_cast<int>(state.range(0));
  spamradar::analysis::MessageAnalysis analysis;
  std::vector<spamradar::filter::Feature> scratch;
  for (auto _ : state) {
    for (size_t i = 0; i < split->test.size(); ++i) {
      if (stage == 0) {
        spam_filter.analyzer().Analyze(split->test[i], &analysis);
        benchmark::DoNotOptimize(analysis.tokens.data());
      } else if (stage == 1) {
        spam_filter.features().Extract(analyses[i], &scratch);
        benchmark::DoNotOptimize(scratch.data());
      } else if (stage == 2) {
        benchmark::DoNotOptimize(spam_filter.model().Probability(features[i]));
      } else if (stage == 3) {
        benchmark::DoNotOptimize(spam_filter.Classify(analyses[i], 5));
      } else {
        benchmark::DoNotOptimize(spam_filter.Classify(analyses[i], 0));
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * split->test.size()));
  constexpr const char* kLabels[] = {"analysis", "features", "scoring", "verdict with 5 reasons",
                                     "verdict alone"};
  state.SetLabel(kLabels[stage]);
}
BENCHMARK(BM_Stages)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

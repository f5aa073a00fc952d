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

}  // namespace

BENCHMARK_MAIN();

// Message analysis throughput (no JSON output) over the 5,574 messages of the
// UCI SMS Spam Collection, one thread; and the cost of one long message as its
// length grows, to show the analysis is linear in the input.
//
//   build/release/bench/analyze_benchmark --benchmark_min_time=2
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "analysis/message_analyzer.h"

namespace {

std::vector<std::string> LoadUciMessages() {
  std::ifstream in(std::string(SPAMRADAR_SHARED_DATA_DIR) +
                   "/sms_spam_collection/SMSSpamCollection");
  std::vector<std::string> messages;
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) messages.push_back(line.substr(tab + 1));
  }
  return messages;
}

// `reuse`: one MessageAnalysis for all messages, as a filter thread or the
// intake path uses it; otherwise a fresh one (and its allocations) per message.
void BM_AnalyzeUci(benchmark::State& state, bool shingles, bool reuse) {
  static const std::vector<std::string> messages = LoadUciMessages();
  if (messages.empty()) {
    state.SkipWithError("UCI collection not found under " SPAMRADAR_SHARED_DATA_DIR);
    return;
  }
  spamradar::analysis::AnalyzerOptions options;
  options.shingles = shingles;
  const spamradar::analysis::MessageAnalyzer analyzer(options);
  size_t bytes = 0;
  spamradar::analysis::MessageAnalysis analysis;
  for (auto _ : state) {
    for (const std::string& message : messages) {
      if (reuse) {
        analyzer.Analyze(message, &analysis);
        benchmark::DoNotOptimize(analysis);
      } else {
        benchmark::DoNotOptimize(analyzer.Analyze(message));
      }
      bytes += message.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * messages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK_CAPTURE(BM_AnalyzeUci, full, true, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AnalyzeUci, full_fresh_result, true, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AnalyzeUci, no_shingles, false, true)->Unit(benchmark::kMillisecond);

// One message made of a smishing text repeated to `range(0)` bytes.
void BM_AnalyzeLongMessage(benchmark::State& state) {
  const std::string unit =
      "L0uis V1tt0n & Gu\xD1\x81\xD1\x81i 80% off! Shop lvshop12 . com/new or call (212) 555-0123 "
      "\xE2\x80\x8B ";
  std::string message;
  while (message.size() < static_cast<size_t>(state.range(0))) message += unit;
  const spamradar::analysis::MessageAnalyzer analyzer;
  spamradar::analysis::MessageAnalysis analysis;
  for (auto _ : state) {
    analyzer.Analyze(message, &analysis);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_AnalyzeLongMessage)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 20)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

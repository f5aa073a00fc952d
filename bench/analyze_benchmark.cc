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

// Hostile inputs from the fuzzing brief, each grown from 16 KiB to 1 MiB: the
// fitted complexity must stay O(N) (time per byte flat).
std::string HostileInput(int kind, size_t size) {
  static const char* const kUnits[] = {
      "a",             // one endless word
      "\xFF\xFE\xC0",  // invalid UTF-8
      "",              // NUL bytes: built below, a C string cannot hold them
      "\xE2\x80\xAE"
      "evil"
      "\xE2\x80\xAC",       // bidi overrides
      "\xF0\x9F\x98\x80",   // emoji
      "a.",                 // endless host labels
      "1 ",                 // endless numbers
      "(1",                 // phone-number-like punctuation
      "x@",                 // e-mail-like
      "e\xCC\x81",          // combining marks
      "+44 20 7946 0958 ",  // international numbers (libphonenumber)
  };
  std::string unit = kind == 2 ? std::string("\0\0x", 3) : std::string(kUnits[kind]);
  std::string out;
  out.reserve(size + unit.size());
  while (out.size() < size) out += unit;
  return out;
}

void BM_AnalyzeHostile(benchmark::State& state) {
  const std::string message =
      HostileInput(static_cast<int>(state.range(0)), static_cast<size_t>(state.range(1)));
  const spamradar::analysis::MessageAnalyzer analyzer;
  spamradar::analysis::MessageAnalysis analysis;
  for (auto _ : state) {
    analyzer.Analyze(message, &analysis);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetComplexityN(state.range(1));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(1));
}
void HostileArgs(benchmark::internal::Benchmark* b, int kind) {
  for (int64_t size = 16 << 10; size <= (1 << 20); size *= 4) b->Args({kind, size});
  b->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/long_word")->Apply([](auto* b) { HostileArgs(b, 0); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/invalid_utf8")->Apply([](auto* b) {
  HostileArgs(b, 1);
});
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/nul_bytes")->Apply([](auto* b) { HostileArgs(b, 2); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/bidi")->Apply([](auto* b) { HostileArgs(b, 3); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/emoji")->Apply([](auto* b) { HostileArgs(b, 4); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/dotted_labels")->Apply([](auto* b) {
  HostileArgs(b, 5);
});
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/numbers")->Apply([](auto* b) { HostileArgs(b, 6); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/parentheses")->Apply([](auto* b) {
  HostileArgs(b, 7);
});
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/at_signs")->Apply([](auto* b) { HostileArgs(b, 8); });
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/combining_marks")->Apply([](auto* b) {
  HostileArgs(b, 9);
});
BENCHMARK(BM_AnalyzeHostile)->Name("Hostile/international_numbers")->Apply([](auto* b) {
  HostileArgs(b, 10);
});

}  // namespace

BENCHMARK_MAIN();

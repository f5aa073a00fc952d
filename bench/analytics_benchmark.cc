// How long each analytics question takes over a folded data directory:
// the directory named by SPAMRADAR_BENCH_DATA is opened and folded once
// (not timed), then each query of `spamradar stats`, `regions` and
// `campaigns` (and the API built on them) runs as a benchmark. The goal is
// under 50 ms each at 10 million reports; bench/analytics_benchmark.sh
// makes such a directory and runs this.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <benchmark/benchmark.h>

#include "app/analytics_queries.h"
#include "app/data_directory.h"

namespace {

using spamradar::app::DataDirectory;
using spamradar::cluster::Scope;

DataDirectory& Folded() {
  static DataDirectory* const directory = [] {
    const char* path = std::getenv("SPAMRADAR_BENCH_DATA");
    if (path == nullptr) {
      std::fprintf(stderr, "set SPAMRADAR_BENCH_DATA to a data directory\n");
      std::exit(2);
    }
    auto opened = DataDirectory::Open(path);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().message().c_str());
      std::exit(1);
    }
    if (auto status = (*opened)->CatchUpCampaigns(); !status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      std::exit(1);
    }
    std::fprintf(stderr, "folded %llu reports into %zu rollup slices\n",
                 static_cast<unsigned long long>((*opened)->rollups->reports()),
                 (*opened)->rollups->slices());
    return std::move(opened).value().release();
  }();
  return *directory;
}

// Scopes: the whole stream, one week, New York, iMessage in New York.
Scope ScopeOf(int which) {
  Scope scope;
  int64_t first = 0, last = 0;
  Folded().rollups->DayRange(&first, &last);
  scope.from_day = first;
  scope.to_day = last;
  if (which == 1) scope.from_day = last - 6;
  if (which >= 2) scope.metro = "35620";
  if (which == 3) scope.channel = spamradar::Channel::kImessage;
  return scope;
}

const char* kScopeNames[] = {"all", "last_week", "new_york", "new_york_imessage"};

void BM_CampaignRanking(benchmark::State& state) {
  const Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto answer = spamradar::app::CampaignRanking(Folded(), scope, 20);
    if (!answer.ok()) state.SkipWithError(answer.status().message().c_str());
    benchmark::DoNotOptimize(answer);
  }
  state.SetLabel(kScopeNames[state.range(0)]);
}

void BM_Stats(benchmark::State& state) {
  const Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  spamradar::app::StatsOptions options;
  for (auto _ : state) {
    auto answer = spamradar::app::Stats(Folded(), scope, options);
    if (!answer.ok()) state.SkipWithError(answer.status().message().c_str());
    benchmark::DoNotOptimize(answer);
  }
  state.SetLabel(kScopeNames[state.range(0)]);
}

void BM_StatsWithCampaignSeries(benchmark::State& state) {
  const Scope scope = ScopeOf(0);
  spamradar::app::StatsOptions options;
  options.campaign = Folded().rollups->Campaigns(scope, 1).front().campaign;
  for (auto _ : state) {
    auto answer = spamradar::app::Stats(Folded(), scope, options);
    if (!answer.ok()) state.SkipWithError(answer.status().message().c_str());
    benchmark::DoNotOptimize(answer);
  }
}

void BM_Regions(benchmark::State& state) {
  Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  scope.metro.reset();
  spamradar::app::RegionsOptions options;
  options.campaign = Folded().rollups->Campaigns(scope, 1).front().campaign;
  for (auto _ : state) {
    auto answer = spamradar::app::Regions(Folded(), scope, options);
    if (!answer.ok()) state.SkipWithError(answer.status().message().c_str());
    benchmark::DoNotOptimize(answer);
  }
  state.SetLabel(kScopeNames[state.range(0)]);
}

// The largest campaign's distinct reporters in scope (a scan of its reports).
void BM_CampaignReporters(benchmark::State& state) {
  const Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  const uint64_t campaign = Folded().rollups->Campaigns(ScopeOf(0), 1).front().campaign;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Folded().rollups->CampaignReporters(campaign, scope));
  }
  state.SetLabel(kScopeNames[state.range(0)]);
}

// The parts of a ranking: the counting alone, the totals alone.
void BM_RollupsCampaigns(benchmark::State& state) {
  const Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Folded().rollups->Campaigns(scope, 20));
  state.SetLabel(kScopeNames[state.range(0)]);
}

void BM_RollupsTotals(benchmark::State& state) {
  const Scope scope = ScopeOf(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Folded().rollups->TotalsIn(scope));
  state.SetLabel(kScopeNames[state.range(0)]);
}

BENCHMARK(BM_RollupsCampaigns)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RollupsTotals)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CampaignRanking)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stats)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StatsWithCampaignSeries)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CampaignReporters)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Regions)->DenseRange(0, 1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

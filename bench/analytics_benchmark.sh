#!/usr/bin/env bash
# Analytics query latency at scale: simulate REPORTS reports (default 10
# million), import them, and time every query of `spamradar stats`,
# `regions` and `campaigns` over the folded state (bench/analytics_benchmark.cc;
# the fold itself is not timed). Also prints the peak RSS of `spamradar stats`
# (fold and one query) on the same directory. The goal: each query under 50 ms.
#
#   bench/analytics_benchmark.sh [REPORTS | existing data directory]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/release
[ -x "$build/bench/analytics_benchmark" ] && [ -x "$build/spamradar" ] || {
  echo "build first: cmake --build --preset release" >&2
  exit 1
}
arg="${1:-10000000}"
if [ -d "$arg" ]; then
  data="$arg"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  "$build/spamradar" simulate --out "$work/stream" --reports "$arg" > /dev/null
  "$build/spamradar" import "$work/stream/reports.jsonl" --data "$work/data" > /dev/null
  data="$work/data"
fi
SPAMRADAR_BENCH_DATA="$data" "$build/bench/analytics_benchmark" --benchmark_min_time=0.5
/usr/bin/time -f "peak RSS of spamradar stats (fold and query): %M KB" \
  "$build/spamradar" stats --data "$data" > /dev/null

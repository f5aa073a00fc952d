#!/usr/bin/env bash
# Bulk intake throughput: `spamradar import` of a simulated stream into a fresh
# data directory, JSON parsing, checks, enrichment (message analysis, reporter
# HMAC, metro) and durable batch commits (SQLite WAL, synchronous=FULL)
# included, then the fold. Prints reports/s for one thread and for all cores.
#
#   bench/import_benchmark.sh [REPORTS] [build/release/spamradar]
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-1000000}"
spamradar="${2:-build/release/spamradar}"
[ -x "$spamradar" ] || { echo "build spamradar first: cmake --build --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$spamradar" simulate --out "$work/stream" --reports "$reports" > /dev/null
for threads in 1 0; do
  rm -rf "$work/data"
  start=$(date +%s.%N)
  "$spamradar" import "$work/stream/reports.jsonl" --data "$work/data" --threads "$threads" --json \
    > "$work/summary.json"
  end=$(date +%s.%N)
  python3 - "$work/summary.json" "$start" "$end" "$threads" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
label = "1 thread" if sys.argv[4] == "1" else "all cores"
print(f"import ({label}): {summary['accepted']:,} reports accepted, {summary['rejected']} rejected; "
      f"{summary['accepted'] / summary['seconds']:,.0f} reports/s importing, "
      f"{summary['accepted'] / wall:,.0f} reports/s wall clock with start-up and fold")
PY
done

#!/usr/bin/env bash
# Campaign assignment speed, quality and memory over a simulated stream:
# simulate REPORTS reports, import them (not timed), then fold the whole log
# through the campaign engine once (`spamradar eval-campaigns`, one thread:
# reading the log back from SQLite, the message analysis and the assignment)
# and print reports/s (the whole fold, and assignment alone: the time inside
# the engine, without reading the log back), B-cubed against the truth, and
# peak RSS: of eval-campaigns (which also holds every report id for the
# truth) and of `spamradar campaigns` (the fold and a ranking: the engine's
# own footprint).
#
#   bench/campaign_benchmark.sh [REPORTS] [build/release/spamradar]
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-1000000}"
spamradar="${2:-build/release/spamradar}"
[ -x "$spamradar" ] || { echo "build spamradar first: cmake --build --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$spamradar" simulate --out "$work/stream" --reports "$reports" > /dev/null
"$spamradar" import "$work/stream/reports.jsonl" --data "$work/data" > /dev/null
/usr/bin/time -f "%M" -o "$work/rss" \
  "$spamradar" eval-campaigns --json --truth "$work/stream/truth.jsonl" --data "$work/data" \
  > "$work/eval.json"
/usr/bin/time -f "%M" -o "$work/rss_campaigns" \
  "$spamradar" campaigns --data "$work/data" --limit 10 > /dev/null
python3 - "$work/eval.json" "$work/rss" "$work/rss_campaigns" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
def mb(path):
    return int(open(path).read().split()[-1]) / 1024
print(f"{e['reports']:,} reports folded in {e['fold_seconds']:.1f} s: "
      f"{e['reports'] / e['fold_seconds']:,.0f} reports/s (one thread, log read included); "
      f"assignment alone {e['assign_seconds']:.1f} s: "
      f"{e['reports'] / e['assign_seconds']:,.0f} reports/s")
print(f"B-cubed precision {e['precision']:.4f}, recall {e['recall']:.4f}, F1 {e['f1']:.4f}; "
      f"campaigns found {e['campaigns_found']:,}, true {e['campaigns_true']:,}")
print(f"peak RSS {mb(sys.argv[2]):,.0f} MB for eval-campaigns (every report id held for the "
      f"truth), {mb(sys.argv[3]):,.0f} MB for campaigns (fold and ranking)")
PY

#!/usr/bin/env bash
# Campaign assignment speed, quality and memory over a simulated stream:
# simulate REPORTS reports, import them (not timed), then fold the whole log
# through the campaign engine once (`spamradar eval-campaigns`, one thread:
# reading the log back from SQLite, the message analysis and the assignment)
# and print reports/s, B-cubed against the truth and the process's peak RSS.
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
python3 - "$work/eval.json" "$work/rss" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
rss_mb = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(f"{e['reports']:,} reports folded in {e['fold_seconds']:.1f} s: "
      f"{e['reports'] / e['fold_seconds']:,.0f} reports/s (one thread, log read included)")
print(f"B-cubed precision {e['precision']:.4f}, recall {e['recall']:.4f}, F1 {e['f1']:.4f}; "
      f"campaigns found {e['campaigns_found']:,}, true {e['campaigns_true']:,}")
print(f"peak RSS {rss_mb:,.0f} MB (the whole eval-campaigns process, truth map included)")
PY

#!/usr/bin/env bash
# The ten largest campaigns the engine finds in the spam of the UCI SMS Spam
# Collection (747 messages, 2000s UK), so a reader can judge them: each spam
# line becomes a report (in file order, one a minute, an opaque reporter id),
# is imported into a fresh data directory, and `spamradar campaigns` lists
# the largest with their names, templates and a sample.
#
#   bench/uci_campaigns.sh [build/release/spamradar]
set -euo pipefail
cd "$(dirname "$0")/.."
spamradar="${1:-build/release/spamradar}"
uci="../shared/data/sms_spam_collection/SMSSpamCollection"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$uci" > "$work/reports.jsonl" <<'PY'
import json, sys, datetime
start = datetime.datetime(2012, 1, 1, tzinfo=datetime.timezone.utc)
n = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    label, _, text = line.rstrip("\n").partition("\t")
    if label != "spam" or not text.strip():
        continue
    at = (start + datetime.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(json.dumps({"id": f"uci-{n}", "reported_at": at, "reporter": f"uci-reader-{n % 50}",
                      "body": text}))
    n += 1
PY
"$spamradar" import "$work/reports.jsonl" --data "$work/data" > /dev/null
"$spamradar" campaigns --data "$work/data" --limit 10 --json > "$work/top.jsonl"
python3 - "$work/top.jsonl" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1]), 1):
    c = json.loads(line)
    print(f"{i}. {c['reports']} reports ({100 * c['share']:.1f}%): {c['name']}")
    print(f"   template: {c['template'][:150]}")
PY

#!/usr/bin/env bash
# The README's first command: installs the Debian packages, builds spamradar
# (Release) and starts the main job: a simulated two-month report stream is
# imported into ./spamradar-data, what spamradar finds in it is shown, and
# `spamradar serve --demo` serves the API and metrics on 127.0.0.1:7726 until
# Ctrl-C (it prints a read-only demo key).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target spamradar
spamradar=./build/release/spamradar
data=./spamradar-data
echo "== spamradar simulate: a two-month stream of 200,000 reports into ./demo"
"$spamradar" simulate --out demo --reports 200000
echo "== spamradar import into $data"
"$spamradar" import demo/reports.jsonl --data "$data"
echo "== spamradar campaigns: the largest, with their share of reported spam"
"$spamradar" campaigns --data "$data" --limit 8
echo "== ... in New York"
"$spamradar" campaigns --data "$data" --region 'New York' --limit 4
echo "== spamradar regions: where the largest campaign is strongest"
"$spamradar" regions --data "$data" --campaign "$("$spamradar" campaigns --data "$data" --json --limit 1 |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')" --limit 6
echo "== spamradar classify (built-in model) with the matching campaign"
printf '%s\n' "Gucci and Prada up to 80% off today only, shop lvshop99.com" \
  "Your Google verification code is 482913" |
  "$spamradar" classify --data "$data" --reasons 2
echo "== spamradar inspect: what the analysis reads in a message"
"$spamradar" inspect --no-tokens 'L0uis V1tt0n 80% off! Shop lvshop12 dot com'
echo "== spamradar serve: the dashboard and API on http://localhost:7726 (Ctrl-C stops it)"
echo "   open the URL in a browser and give it the demo key printed below"
exec "$spamradar" serve --data "$data" --port 7726 --demo

#!/usr/bin/env bash
# Classification speed, spamradar vs fastText, side by side in one run.
#
# Installs fastText from Debian if needed, splits the UCI SMS Spam Collection
# by the benchmark protocol (TEST = rows i % 3 == 2), trains fastText with its
# defaults and with the tuned settings of ../shared/data/README.md, trains
# spamradar on the same TRAIN rows, then times each classifying the TEST
# messages (repeated REPEAT times, default 20) from a file, model load
# included, one thread, and prints messages/s and the ratios.
#
#   bench/compare_fasttext.sh [build/release/spamradar]
set -euo pipefail
cd "$(dirname "$0")/.."
spamradar="${1:-build/release/spamradar}"
repeat="${REPEAT:-20}"
uci="../shared/data/sms_spam_collection/SMSSpamCollection"

if ! command -v fasttext >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq fasttext >/dev/null; else sudo apt-get install -y -qq fasttext >/dev/null; fi
fi
[ -x "$spamradar" ] || { echo "build spamradar first: cmake --build --preset release" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -F'\t' -v dir="$work" '{
  if ((NR - 1) % 3 == 2) { print $2 > (dir "/test.txt"); print > (dir "/test.tsv") }
  else { print > (dir "/train.tsv"); print "__label__" $1 " " $2 > (dir "/train.ft") }
}' "$uci"
for _ in $(seq "$repeat"); do cat "$work/test.txt"; done > "$work/test_repeated.txt"
messages=$(wc -l < "$work/test_repeated.txt")

fasttext supervised -input "$work/train.ft" -output "$work/ft_default" -thread 1 -verbose 0
fasttext supervised -input "$work/train.ft" -output "$work/ft_tuned" -thread 1 -verbose 0 \
  -wordNgrams 2 -minn 2 -maxn 5 -epoch 25 -lr 0.5 -bucket 200000
"$spamradar" train --corpus "$work/train.tsv" --format uci --out "$work/spamradar.model" 2>/dev/null

seconds() {  # command... : wall-clock seconds of the best of 3 runs
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    best=$(echo "$start $end $best" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$best"
}
t_default=$(seconds fasttext predict "$work/ft_default.bin" "$work/test_repeated.txt")
t_tuned=$(seconds fasttext predict "$work/ft_tuned.bin" "$work/test_repeated.txt")
t_spamradar=$(seconds sh -c "\"$spamradar\" classify --model \"$work/spamradar.model\" --reasons 0 < \"$work/test_repeated.txt\"")

awk -v n="$messages" -v d="$t_default" -v t="$t_tuned" -v s="$t_spamradar" 'BEGIN {
  printf "%-28s %12s %14s\n", "classifier", "seconds", "messages/s"
  printf "%-28s %12.3f %14.0f\n", "fastText defaults", d, n / d
  printf "%-28s %12.3f %14.0f\n", "fastText tuned", t, n / t
  printf "%-28s %12.3f %14.0f\n", "spamradar classify", s, n / s
  printf "ratio vs fastText defaults: %.2fx   ratio vs fastText tuned: %.2fx   (%d messages)\n", d / s, t / s, n
}'
ls -l "$work"/ft_tuned.bin "$work"/ft_default.bin "$work"/spamradar.model | awk '{print "model size", $9, $5}'

#!/usr/bin/env bash
# Classification speed, spamradar vs fastText, side by side in one run.
#
# Installs fastText from Debian if needed, splits the UCI SMS Spam Collection
# by the benchmark protocol (TEST = rows i % 3 == 2), trains fastText with its
# defaults and with the tuned settings of ../shared/data/README.md, trains
# spamradar on the same TRAIN rows, then times each classifying the TEST
# messages (repeated REPEAT times, default 20) from a file, model load
# included, one thread, in turns for ROUNDS rounds (default 5), and prints
# messages/s and the ratios; then the same without start-up, from the time
# each takes for the messages twice over.
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
cat "$work/test_repeated.txt" "$work/test_repeated.txt" > "$work/test_twice.txt"
messages=$(wc -l < "$work/test_repeated.txt")

fasttext supervised -input "$work/train.ft" -output "$work/ft_default" -thread 1 -verbose 0
fasttext supervised -input "$work/train.ft" -output "$work/ft_tuned" -thread 1 -verbose 0 \
  -wordNgrams 2 -minn 2 -maxn 5 -epoch 25 -lr 0.5 -bucket 200000
"$spamradar" train --corpus "$work/train.tsv" --format uci --out "$work/spamradar.model" 2>/dev/null

# The three are timed in turns, ROUNDS times (default 5), so that a busy
# moment of a shared host falls on all of them alike; each one's best and
# median wall-clock time are kept, and the ratios are of the best times.
rounds="${ROUNDS:-5}"
# Each program is started directly, its input redirected by this shell:
# fastText reads the file it is given, spamradar its standard input, and
# neither pays for an extra shell.
elapsed() {  # input command... : wall-clock seconds of one run
  local input=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" < "$input" > /dev/null
  end=$(date +%s.%N)
  echo "$start $end" | awk '{print $2 - $1}'
}
: > "$work/times"
# Each also classifies the messages twice over: the difference between the
# two times is what the messages cost without start-up (model load, libraries,
# first use of libphonenumber), the throughput of a long-running batch.
for _ in $(seq "$rounds"); do
  for copy in repeated twice; do
    echo "default_$copy $(elapsed /dev/null fasttext predict "$work/ft_default.bin" "$work/test_$copy.txt")" >> "$work/times"
    echo "tuned_$copy $(elapsed /dev/null fasttext predict "$work/ft_tuned.bin" "$work/test_$copy.txt")" >> "$work/times"
    echo "spamradar_$copy $(elapsed "$work/test_$copy.txt" "$spamradar" classify --model "$work/spamradar.model" --reasons 0)" >> "$work/times"
  done
done
best() { awk -v k="$1" '$1 == k {print $2}' "$work/times" | sort -g | head -1; }
median() { awk -v k="$1" '$1 == k {print $2}' "$work/times" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
t_default=$(best default_repeated)
t_tuned=$(best tuned_repeated)
t_spamradar=$(best spamradar_repeated)

awk -v n="$messages" -v d="$t_default" -v t="$t_tuned" -v s="$t_spamradar" \
  -v md="$(median default_repeated)" -v mt="$(median tuned_repeated)" -v ms="$(median spamradar_repeated)" -v r="$rounds" 'BEGIN {
  printf "%-22s %10s %14s %12s   (best and median of %d rounds)\n", "classifier", "seconds", "messages/s", "median s", r
  printf "%-22s %10.3f %14.0f %12.3f\n", "fastText defaults", d, n / d, md
  printf "%-22s %10.3f %14.0f %12.3f\n", "fastText tuned", t, n / t, mt
  printf "%-22s %10.3f %14.0f %12.3f\n", "spamradar classify", s, n / s, ms
  printf "ratio vs fastText defaults: %.2fx   ratio vs fastText tuned: %.2fx   (%d messages; medians: %.2fx, %.2fx)\n", d / s, t / s, n, md / ms, mt / ms
}'
# Without start-up: best time on the doubled input minus best time on the input.
awk -v n="$messages" -v d="$(best default_twice)" -v t="$(best tuned_twice)" -v s="$(best spamradar_twice)" \
  -v d1="$t_default" -v t1="$t_tuned" -v s1="$t_spamradar" 'BEGIN {
  d -= d1; t -= t1; s -= s1
  if (d <= 0 || t <= 0 || s <= 0) { print "without start-up: the host was too busy to tell (a doubled input ran no slower)"; exit }
  printf "without start-up (the second %d messages): fastText defaults %.0f, tuned %.0f, spamradar %.0f messages/s\n", n, n / d, n / t, n / s
  printf "ratio without start-up vs fastText defaults: %.2fx   vs fastText tuned: %.2fx\n", d / s, t / s
}'
ls -l "$work"/ft_tuned.bin "$work"/ft_default.bin "$work"/spamradar.model | awk '{print "model size", $9, $5}'

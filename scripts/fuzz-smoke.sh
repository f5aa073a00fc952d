#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 20) from the seed corpus, with
# the hostile inputs of the foundation issue added as seeds. Fails on any crash,
# sanitizer report or input slower than the -timeout. Needs `cmake --preset fuzz` built.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds"
cp fuzz/corpus/* "$work/seeds/"
# Empty, 1 MB line, invalid UTF-8, NUL bytes, bidi overrides, 10,000 emoji.
: > "$work/seeds/empty"
head -c 1000000 /dev/zero | tr '\0' 'a' > "$work/seeds/one_mb"
printf 'bad \xff\xfe\xc0\xaf \xed\xa0\x80 end' > "$work/seeds/invalid_utf8"
printf 'a\0b\0\0c' > "$work/seeds/nul"
for _ in $(seq 200); do printf '\xe2\x80\xaeevil\xe2\x80\xac'; done > "$work/seeds/bidi"
for _ in $(seq 10000); do printf '\xf0\x9f\x98\x80'; done > "$work/seeds/emoji"
for target in normalize_fuzzer extract_fuzzer analyze_fuzzer; do
  echo "fuzz-smoke: $target for ${seconds}s"
  mkdir -p "$work/$target"
  (cd "$work" && "$OLDPWD/build/fuzz/fuzz/$target" "$work/$target" "$work/seeds" \
      -max_total_time="$seconds" -max_len=1100000 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 2>&1 | tail -n 12)
done
echo "fuzz-smoke: all targets ran clean"

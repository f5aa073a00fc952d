#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 20) from its seeds in fuzz/seeds/,
# with the hostile inputs of the foundation issue added to the message seeds.
# Fails on any crash, sanitizer report or input slower than -timeout.
# Needs `cmake --preset fuzz && cmake --build --preset fuzz` first.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts="$PWD/build/fuzz-artifacts"
mkdir -p "$artifacts"

# Message seeds: empty, 1 MB line, invalid UTF-8, NUL bytes, bidi overrides, 10,000 emoji.
mkdir -p "$work/message"
cp fuzz/seeds/message/* "$work/message/"
: > "$work/message/empty"
head -c 1000000 /dev/zero | tr '\0' 'a' > "$work/message/one_mb"
printf 'bad \xff\xfe\xc0\xaf \xed\xa0\x80 end' > "$work/message/invalid_utf8"
printf 'a\0b\0\0c' > "$work/message/nul"
for _ in $(seq 200); do printf '\xe2\x80\xaeevil\xe2\x80\xac'; done > "$work/message/bidi"
for _ in $(seq 10000); do printf '\xf0\x9f\x98\x80'; done > "$work/message/emoji"

run() {  # target seed-directory
  local target=$1 seeds=$2
  echo "fuzz-smoke: $target for ${seconds}s"
  mkdir -p "$work/corpus-$target"
  local log="$work/$target.log"
  if (cd "$work" && "$OLDPWD/build/fuzz/fuzz/$target" "$work/corpus-$target" "$seeds" \
      -max_total_time="$seconds" -max_len=1100000 -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1); then
    tail -n 8 "$log"
  else
    # The whole report (stack trace included); the input is kept for a seed.
    cat "$log"
    echo "fuzz-smoke: $target failed; the input is in $artifacts/" >&2
    return 1
  fi
}
run normalize_fuzzer "$work/message"
run extract_fuzzer "$work/message"
run analyze_fuzzer "$work/message"
run corpus_fuzzer "$PWD/fuzz/seeds/corpus"
run zip_fuzzer "$PWD/fuzz/seeds/zip"
run model_fuzzer "$PWD/fuzz/seeds/model"
run report_fuzzer "$PWD/fuzz/seeds/report"
run conversation_fuzzer "$PWD/fuzz/seeds/conversation"
run config_fuzzer "$PWD/fuzz/seeds/config"
run campaign_record_fuzzer "$PWD/fuzz/seeds/campaign"
run server_config_fuzzer "$PWD/fuzz/seeds/server_config"
run request_fuzzer "$PWD/fuzz/seeds/request"
run classify_body_fuzzer "$PWD/fuzz/seeds/classify_body"
echo "fuzz-smoke: all targets ran clean"

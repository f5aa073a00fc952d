#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format) makes of it.
# Pass --fix to rewrite the files in place instead.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format)
# Tracked files and new ones not yet added (but not ignored ones, such as build/):
# a file written this session is checked before it is committed.
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cc' '*.h')
if [ "${1:-}" = "--fix" ]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi
"$formatter" --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files clean"

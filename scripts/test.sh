#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): installs the Debian
# packages, then builds and runs every test.
#   1. Release build (g++, -Werror): unit, golden and end-to-end tests.
#   2. Dev build (clang, ASan + UBSan, -Werror): the same tests under sanitizers.
#   3. Fuzz build (clang, libFuzzer): each target for FUZZ_SECONDS (default 20).
#   4. Format check (clang-format).
# Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

echo "== release build and tests"
cmake --preset release
cmake --build --preset release
ctest --preset release

echo "== sanitizer build and tests"
cmake --preset dev
cmake --build --preset dev
ctest --preset dev

echo "== fuzz smoke"
cmake --preset fuzz
cmake --build --preset fuzz
./scripts/fuzz-smoke.sh "${FUZZ_SECONDS:-20}"

echo "== format"
./scripts/check-format.sh
echo "== all tests passed"

#!/usr/bin/env bash
# The README's first command: installs the Debian packages, builds spamradar
# (Release) and runs the main job. Until the server exists, the main job is
# `spamradar inspect` over a bundled sample of real spam messages.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target spamradar
echo "== spamradar inspect < data/samples/spam_sample.txt (one JSON object per message)"
./build/release/spamradar inspect --no-tokens < data/samples/spam_sample.txt

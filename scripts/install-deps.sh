#!/usr/bin/env bash
# Installs every Debian package spamradar needs to build, test, fuzz and benchmark.
# Idempotent: packages already present are left alone, so running it twice is safe.
# Works as root or through sudo. Nothing is fetched from outside Debian's archive.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git python3
  clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
  # libraries (see docs/dependencies.md for why each one is here)
  libutf8proc-dev libicu-dev libxxhash-dev libpsl-dev libidn2-dev libunistring-dev publicsuffix
  libphonenumber-dev libprotobuf-dev libvectorscan-dev libsqlite3-dev libssl-dev libabsl-dev nlohmann-json3-dev libcli11-dev libminizip-dev
  libmicrohttpd-dev libmicrohttpd12 libcpp-httplib-dev  # libmicrohttpd12: what `serve` loads
  # tests and benchmarks (chromium: the dashboard's browser tests; wrk: HTTP load)
  libgtest-dev libgmock-dev libbenchmark-dev chromium fonts-dejavu-core wrk curl
)

if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
else
  echo "install-deps: run as root or install sudo" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages already installed"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js bundles the dashboard and drives its browser tests: Debian's nodejs
# and npm, unless the machine has a node already.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-deps: installing nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

# The dashboard's npm packages, exactly as web/package-lock.json pins them
# (chart.js, d3-geo, topojson-client, us-atlas; esbuild; playwright-core).
web="$(dirname "$0")/../web"
if [ ! -f "$web/node_modules/.package-lock.json" ] ||
  [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
else
  echo "install-deps: web/node_modules up to date"
fi

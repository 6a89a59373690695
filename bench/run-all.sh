#!/usr/bin/env bash
# Runs every benchmark; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/server/index.js ] || npm run build
node bench/page-weight.mjs

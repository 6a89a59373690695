#!/usr/bin/env bash
# Runs every benchmark; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/server/index.js ] || npm run build
node bench/page-weight.mjs
# Answer submissions per second (autocannon, one server process per core); BENCH_POSTGRES_URL adds PostgreSQL.
node bench/throughput.mjs
# 500 participants through the demo consultation within 60 s, checked in the database.
node bench/load.mjs
# 40 phones in one group session; the live board's update delay (issue #6).
node bench/live-board.mjs
# Analysis at scale: 1,000,000 responses in a temporary SQLite file (DATABASE_URL for PostgreSQL).
npx tsx bench/analysis.ts
# CSV export speed and memory at 100k, 300k and 1M answer rows (BENCH_DATABASE_URL for PostgreSQL).
npx tsx bench/export.ts

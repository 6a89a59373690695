#!/usr/bin/env bash
# Full test run: typecheck, unit/integration tests (Vitest), production build, and
# end-to-end tests (Playwright with Debian's Chromium). Works as the first command after
# `git clone` (installs node_modules; installs chromium/postgresql via apt when root or
# passwordless sudo).
#
# Environment:
#   SKIP_POSTGRES=1   do not start a throwaway PostgreSQL (its tests skip)
#   CHROMIUM_PATH     browser to use instead of searching PATH
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
export LOG_PREFIX="test"

# shellcheck source=lib/common.sh
source scripts/lib/common.sh
# shellcheck source=lib/chromium.sh
source scripts/lib/chromium.sh
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh

RESULTS_DIR="$ROOT/.test-results"
STEP_TIMES=()
RUN_START="$(now_s)"

print_durations() {
  local line
  log "Step durations:"
  for line in "${STEP_TIMES[@]}"; do
    log "  $line"
  done
  log "  total: $(elapsed_since "$RUN_START")s"
}

# finish [--failed-step NAME] — stop PostgreSQL, then print durations and the summary,
# so that the summary's totals line is the last line of output.
finish() {
  stop_test_postgres
  print_durations
  echo
  node scripts/test-summary.mjs --dir "$RESULTS_DIR" "$@" || true
}

# timed NAME CMD... — run a setup step and record how long it took (fails the script on error).
timed() {
  local name="$1"; shift
  local start rc=0; start="$(now_s)"
  "$@" || rc=$?
  STEP_TIMES+=("$(printf '%-12s %7ss%s' "$name" "$(elapsed_since "$start")" "$([ "$rc" -eq 0 ] || echo "  FAILED")")")
  return "$rc"
}

# run_step NAME CMD... — run a test step; on failure print the summary and exit non-zero.
run_step() {
  local name="$1"; shift
  local start rc=0
  log "==> $name: $*"
  start="$(now_s)"
  "$@" || rc=$?
  local took; took="$(elapsed_since "$start")"
  if [ "$rc" -ne 0 ]; then
    STEP_TIMES+=("$(printf '%-12s %7ss  FAILED (exit %d)' "$name" "$took" "$rc")")
    log "<== $name FAILED (exit $rc) after ${took}s; later steps were not run"
    finish --failed-step "$name"
    exit "$rc"
  fi
  STEP_TIMES+=("$(printf '%-12s %7ss' "$name" "$took")")
  log "<== $name passed in ${took}s"
}

trap 'exit 130' INT
trap 'exit 143' TERM
trap 'stop_test_postgres' EXIT

timed "deps" ensure_node_modules || exit 1

if ! timed "chromium" ensure_chromium; then
  log "Cannot run the end-to-end tests without a browser (see above)."
  exit 1
fi

if [ "${SKIP_POSTGRES:-}" = "1" ]; then
  log "############################################################"
  log "# SKIP_POSTGRES=1: NOT starting PostgreSQL.                #"
  log "# PostgreSQL tests are SKIPPED; only SQLite is exercised.  #"
  log "############################################################"
  unset TEST_DATABASE_URL
else
  if ! timed "postgres" start_test_postgres; then
    log "Cannot start a test PostgreSQL (see above). To run without it: SKIP_POSTGRES=1 npm test"
    exit 1
  fi
fi

mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR/vitest.json" "$RESULTS_DIR/playwright.json"

run_step typecheck npm run typecheck
run_step vitest npx vitest run --reporter=verbose --reporter=json --outputFile.json=.test-results/vitest.json
run_step build npm run build
run_step playwright npx playwright test

finish

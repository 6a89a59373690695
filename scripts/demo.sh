#!/usr/bin/env bash
# Demo: install dependencies if needed, migrate and seed the database (SQLite file
# data/app.db unless DATABASE_URL is set), build, and start the production server.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LOG_PREFIX="demo"

# shellcheck source=lib/common.sh
source scripts/lib/common.sh

PORT="${PORT:-3000}"
export PORT

ensure_node_modules

if [ -z "${DATABASE_URL:-}" ]; then
  mkdir -p data
  log "Database: SQLite file data/app.db (set DATABASE_URL to use PostgreSQL)"
else
  log "Database: DATABASE_URL from the environment"
fi

log "==> npm run db:migrate"
npm run db:migrate
log "==> npm run db:seed"
npm run db:seed
log "==> npm run build"
npm run build

cat <<MSG

============================================================
  Demo is starting on port ${PORT}. Open:

  Participant (child / young person / parent):
    http://localhost:${PORT}/c/have-your-say

  Planner (staff results, sign in first):
    http://localhost:${PORT}/staff/consultations/have-your-say/results
    Sign in as planner@demo.invalid with the password have-your-say-demo
    (admin@, facilitator@, safeguarding@ and coder@demo.invalid too; see README).

  Press Ctrl+C to stop.
============================================================

MSG

exec npm start

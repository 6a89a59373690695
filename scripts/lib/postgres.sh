# shellcheck shell=bash
# start_test_postgres / stop_test_postgres — a throwaway PostgreSQL cluster for tests.
# Requires scripts/lib/common.sh to be sourced first. The caller sets the trap:
#   trap stop_test_postgres EXIT
# Exports TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
# (plus TEST_PG_DIR, TEST_PG_PORT, TEST_PG_BINDIR for stop_test_postgres).

_pg_bindir_ok() {
  [ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ] && [ -x "$1/postgres" ]
}

# Print the directory holding initdb, pg_ctl and postgres, or return 1.
_find_pg_bindir() {
  local initdb dir
  initdb="$(command -v initdb 2>/dev/null || true)"
  if [ -n "$initdb" ] && command -v pg_ctl >/dev/null 2>&1; then
    # Resolve symlinks (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb)
    # so that pg_ctl finds the matching postgres binary next to it.
    dir="$(dirname "$(readlink -f "$initdb")")"
    if _pg_bindir_ok "$dir"; then
      printf '%s\n' "$dir"
      return 0
    fi
  fi
  # Debian/Ubuntu keep the server binaries off PATH; take the highest version.
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if _pg_bindir_ok "$dir"; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

# Run a command as the cluster owner: `postgres` when we are root (the server refuses
# to run as root), otherwise ourselves. Runs from the cluster dir so the postgres
# user never needs access to our working directory.
_pg_run() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$TEST_PG_DIR" && runuser -u postgres -- "$@")
    else
      local cmd
      cmd="$(printf '%q ' "$@")"
      (cd "$TEST_PG_DIR" && su -s /bin/sh postgres -c "$cmd")
    fi
  else
    (cd "$TEST_PG_DIR" && "$@")
  fi
}

_port_in_use() {
  # Succeeds when something accepts connections on 127.0.0.1:$1.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_make_pg_tmpdir() {
  local base="${TMPDIR:-/tmp}" dir
  # Unix socket paths are limited to ~107 bytes; keep the path short.
  if [ "${#base}" -gt 60 ] || [ ! -d "$base" ] || [ ! -w "$base" ]; then
    base=/tmp
  fi
  dir="$(mktemp -d "$base/voices-pg.XXXXXX")" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir" || return 1
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null && [ "$base" != /tmp ]; then
      # The postgres user cannot reach $TMPDIR (e.g. under /root); use /tmp instead.
      rmdir "$dir"
      dir="$(mktemp -d /tmp/voices-pg.XXXXXX)" || return 1
      chown postgres: "$dir" || return 1
    fi
  fi
  printf '%s\n' "$dir"
}

start_test_postgres() {
  if [ -n "${TEST_PG_DIR:-}" ] && [ -d "${TEST_PG_DIR}/data" ]; then
    log "Test PostgreSQL already running at ${TEST_DATABASE_URL:-?}"
    return 0
  fi

  local bindir
  bindir="$(_find_pg_bindir || true)"
  if [ -z "$bindir" ] && can_install_packages; then
    log "PostgreSQL server binaries not found; installing Debian's postgresql package"
    log "(its own 'main' cluster is ignored; tests use a throwaway cluster)"
    apt_install postgresql || log "apt-get install postgresql failed"
    bindir="$(_find_pg_bindir || true)"
  fi
  if [ -z "$bindir" ]; then
    log "============================================================"
    log "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found,"
    log "and they cannot be installed automatically (needs root or"
    log "passwordless sudo with apt-get). Install them with:"
    log "  sudo apt-get update && sudo apt-get install -y postgresql"
    log "or put a PostgreSQL bin directory on PATH, or skip those tests:"
    log "  SKIP_POSTGRES=1 npm test"
    log "============================================================"
    return 1
  fi

  if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
    log "Creating system user 'postgres' (the server refuses to run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
  fi

  TEST_PG_DIR="$(_make_pg_tmpdir)" || { log "could not create a temp dir for PostgreSQL"; return 1; }
  export TEST_PG_DIR TEST_PG_BINDIR="$bindir"
  local sockdir="$TEST_PG_DIR/sock" logfile="$TEST_PG_DIR/postgres.log"
  if ! mkdir "$sockdir" || { [ "$(id -u)" -eq 0 ] && ! chown postgres: "$sockdir"; }; then
    log "could not create $sockdir"
    stop_test_postgres
    return 1
  fi

  log "initdb ($bindir) in $TEST_PG_DIR/data"
  if ! _pg_run "$bindir/initdb" -D "$TEST_PG_DIR/data" -A trust -U postgres \
      --encoding=UTF8 --no-locale >"$TEST_PG_DIR/initdb.log" 2>&1; then
    cat "$TEST_PG_DIR/initdb.log" >&2
    log "initdb failed"
    stop_test_postgres
    return 1
  fi

  local port="${TEST_PG_START_PORT:-54329}" last=$(( ${TEST_PG_START_PORT:-54329} + 50 )) started=""
  while [ "$port" -le "$last" ]; do
    if _port_in_use "$port"; then
      port=$((port + 1))
      continue
    fi
    if _pg_run "$bindir/pg_ctl" -D "$TEST_PG_DIR/data" -l "$logfile" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $sockdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      started=1
      break
    fi
    if grep -qiE 'could not bind|address already in use' "$logfile" 2>/dev/null; then
      log "port $port was taken while starting; trying the next one"
      : >"$logfile"
      port=$((port + 1))
      continue
    fi
    cat "$logfile" >&2 2>/dev/null || true
    break
  done
  if [ -z "$started" ]; then
    log "could not start PostgreSQL (log above, if any)"
    stop_test_postgres
    return 1
  fi

  export TEST_PG_PORT="$port"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${port}/postgres"

  local version=""
  if [ -x "$bindir/psql" ]; then
    version="$("$bindir/psql" "$TEST_DATABASE_URL" -XAtqc 'show server_version' 2>/dev/null || true)"
  fi
  [ -n "$version" ] || version="$("$bindir/postgres" --version 2>/dev/null || true)"
  log "Test PostgreSQL ${version:-?} running: TEST_DATABASE_URL=$TEST_DATABASE_URL (data in $TEST_PG_DIR)"
}

stop_test_postgres() {
  local dir="${TEST_PG_DIR:-}"
  [ -n "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "${TEST_PG_BINDIR:-}" ]; then
    log "Stopping test PostgreSQL (port ${TEST_PG_PORT:-?})"
    _pg_run "$TEST_PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 ||
      log "pg_ctl stop failed (the server may already be gone)"
  fi
  case "$dir" in
    */voices-pg.*) rm -rf -- "$dir" ;;
    *) log "not removing unexpected directory $dir" ;;
  esac
  unset TEST_PG_DIR TEST_PG_PORT TEST_PG_BINDIR TEST_DATABASE_URL
  return 0
}

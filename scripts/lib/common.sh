# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source this file; it does not change shell options.

# log MESSAGE... — prefixed message on stderr.
log() {
  printf '[%s] %s\n' "${LOG_PREFIX:-voices}" "$*" >&2
}

# die MESSAGE... — log and exit 1.
die() {
  log "ERROR: $*"
  exit 1
}

# True when the native better-sqlite3 addon actually loads. Note that a bare
# require('better-sqlite3') succeeds even without the compiled binary (the addon
# is loaded lazily by the Database constructor), so open an in-memory database.
_better_sqlite3_works() {
  node -e "const D = require('better-sqlite3'); new D(':memory:').close();" >/dev/null 2>&1
}

# ensure_node_modules — run `npm ci` when node_modules is missing or stale, then make
# sure better-sqlite3's native addon loads (rebuilding it once if it does not).
# Must be called from the repository root.
ensure_node_modules() {
  [ -f package-lock.json ] || die "package-lock.json not found in $(pwd); run from the repository root"

  local reason=""
  if [ ! -d node_modules ]; then
    reason="node_modules is missing"
  elif [ ! -f node_modules/.package-lock.json ]; then
    reason="node_modules/.package-lock.json is missing"
  elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
    reason="package-lock.json is newer than node_modules"
  fi

  if [ -n "$reason" ]; then
    log "Installing dependencies ($reason): npm ci (better-sqlite3 compiles from source, ~1 minute)"
    local ci_log rc
    ci_log="$(mktemp "${TMPDIR:-/tmp}/npm-ci.XXXXXX")"
    { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; echo "$?" >"$ci_log.rc"; } 2>&1 | tee "$ci_log" >&2 || true
    rc="$(cat "$ci_log.rc" 2>/dev/null || echo 1)"
    if [ "$rc" != 0 ] && grep -q 'can only install packages when your package.json and package-lock.json' "$ci_log"; then
      # npm 11's `npm ci` rejects a lock file that lacks entries for optional platform
      # packages the registry does not serve (e.g. @rollup/rollup-android-*; see
      # npm/cli#4828 and #9846), even though `npm install` just wrote that lock file.
      # `npm install --no-save` installs the same locked versions and leaves
      # package-lock.json untouched.
      log "npm ci rejected package-lock.json (npm's optional-dependency bug, see above);"
      log "falling back to: npm install --no-save (same locked versions, lock file not modified)"
      rc=0
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-save || rc=$?
    fi
    rm -f "$ci_log" "$ci_log.rc"
    [ "$rc" = 0 ] || die "installing node_modules failed (exit $rc)"
  else
    log "node_modules is up to date"
  fi

  if ! _better_sqlite3_works; then
    log "better-sqlite3 native addon does not load; running: npm rebuild better-sqlite3"
    npm rebuild better-sqlite3 || log "npm rebuild better-sqlite3 failed"
    if ! _better_sqlite3_works; then
      node -e "const D = require('better-sqlite3'); new D(':memory:').close();" || true
      die "better-sqlite3 still does not load after 'npm rebuild better-sqlite3'. It compiles from source: it needs python3, make and g++, and package.json must list it under \"allowScripts\"."
    fi
    log "better-sqlite3 rebuilt successfully"
  fi
}

# can_install_packages — true when we can run apt-get as root (root, or passwordless sudo).
can_install_packages() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$(id -u)" -eq 0 ]; then
    return 0
  fi
  command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1
}

# _as_root CMD... — run CMD as root (directly, or via passwordless sudo).
_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo -n "$@"
  fi
}

# apt_install PKG... — apt-get update (once per run) then install the packages.
apt_install() {
  can_install_packages || { log "cannot install packages (need root or passwordless sudo, and apt-get)"; return 1; }
  if [ -z "${_VOICES_APT_UPDATED:-}" ]; then
    log "apt-get update"
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    export _VOICES_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 "$@"
}

# now_s — current time in seconds (fractional when bash provides EPOCHREALTIME).
now_s() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    printf '%s\n' "${EPOCHREALTIME/,/.}"
  else
    date +%s
  fi
}

# elapsed_since START — seconds since START (from now_s), one decimal.
elapsed_since() {
  awk -v s="$1" -v e="$(now_s)" 'BEGIN { printf "%.1f", e - s }'
}

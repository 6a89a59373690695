# shellcheck shell=bash
# ensure_chromium — find (or install) a Chromium for Playwright and export CHROMIUM_PATH.
# Requires scripts/lib/common.sh to be sourced first.

_abs_path() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
  esac
}

_find_chromium_on_path() {
  local name found
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    found="$(command -v "$name" 2>/dev/null || true)"
    if [ -n "$found" ] && [ -x "$found" ]; then
      _abs_path "$found"
      return 0
    fi
  done
  return 1
}

ensure_chromium() {
  local path=""

  if [ -n "${CHROMIUM_PATH:-}" ]; then
    if [ -x "$CHROMIUM_PATH" ] && [ ! -d "$CHROMIUM_PATH" ]; then
      path="$(_abs_path "$CHROMIUM_PATH")"
    else
      log "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; looking for a browser on PATH instead"
    fi
  fi

  if [ -z "$path" ]; then
    path="$(_find_chromium_on_path || true)"
  fi

  if [ -z "$path" ] && can_install_packages; then
    log "No Chromium found; installing Debian's chromium package"
    if apt_install chromium; then
      path="$(_find_chromium_on_path || true)"
    else
      log "apt-get install chromium failed"
    fi
  fi

  if [ -z "$path" ]; then
    log "============================================================"
    log "No Chromium/Chrome browser found, and it cannot be installed"
    log "automatically (needs root or passwordless sudo with apt-get)."
    log "The end-to-end tests need one. Either:"
    log "  sudo apt-get update && sudo apt-get install -y chromium"
    log "or point CHROMIUM_PATH at an existing Chromium/Chrome binary:"
    log "  CHROMIUM_PATH=/path/to/chrome npm test"
    log "(npx playwright install does not work on these machines.)"
    log "============================================================"
    return 1
  fi

  export CHROMIUM_PATH="$path"
  local version
  version="$("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1 || true)"
  log "Using browser: $CHROMIUM_PATH (${version:-version unknown})"
}

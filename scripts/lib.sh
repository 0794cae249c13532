#!/usr/bin/env bash
# Shared helpers for the project's scripts: install what is missing from Debian's packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq >/dev/null
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

ensure_postgres_binaries() {
  if [ -z "$(pg_bin_dir)" ] || [ ! -x "$(pg_bin_dir)/initdb" ]; then
    log "Installing PostgreSQL server binaries (Debian package postgresql)"
    apt_install postgresql
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    log "Installing Debian's chromium for the browser tests"
    apt_install chromium
  fi
}

ensure_dotnet_tools() {
  (cd "$ROOT" && dotnet tool restore >/dev/null)
}

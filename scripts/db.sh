#!/usr/bin/env bash
# A project-local PostgreSQL: `scripts/db.sh start|stop|status|psql`.
# Data in .pgdata/ (git-ignored); port EPIC16_PG_PORT (default 55432); a second start reuses the cluster.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${EPIC16_PG_PORT:-55432}"
DATA="$ROOT/.pgdata/data"
RUN="$ROOT/.pgdata/run"
DB="synapse_business_core"

run_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

is_running() { [ -n "$(pg_bin_dir)" ] && run_pg "$(pg_bin_dir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  ensure_postgres_binaries
  local bin; bin="$(pg_bin_dir)"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in .pgdata/"
    if [ "$(id -u)" -eq 0 ]; then
      install -d -o postgres -g postgres -m 700 "$DATA" "$RUN"
    else
      install -d -m 700 "$DATA" "$RUN"
    fi
    run_pg "$bin/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! is_running; then
    log "Starting PostgreSQL on 127.0.0.1:$PORT"
    run_pg "$bin/pg_ctl" -D "$DATA" -l "$RUN/pg.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN" start >/dev/null
  fi
  if ! run_pg "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -Atqc "select 1 from pg_database where datname='$DB'" postgres | grep -q 1; then
    run_pg "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
    log "Created database $DB"
  fi
  echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
}

stop() {
  if is_running; then run_pg "$(pg_bin_dir)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; log "PostgreSQL stopped"; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running on 127.0.0.1:$PORT"; else echo "stopped"; exit 1; fi ;;
  psql) shift; exec "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" "$@" ;;
  *) echo "usage: scripts/db.sh start|stop|status|psql" >&2; exit 2 ;;
esac

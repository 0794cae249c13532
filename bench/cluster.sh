# The throwaway PostgreSQL cluster every benchmark runs on: local binaries, default durability (fsync on), database
# `epic16` created, stopped and removed when the script exits. Source after scripts/lib.sh, then:
#   start_bench_cluster PORT NAME [extra server options, e.g. "-c shared_buffers=256MB"]
start_bench_cluster() {
  local port="$1" name="$2" extra="${3:-}"
  BIN="$(pg_bin_dir)"
  PGROOT="$(mktemp -d "/tmp/epic16-bench-$name.XXXXXX")"
  chmod 755 "$PGROOT"
  install -d -o postgres -g postgres -m 700 "$PGROOT/data" "$PGROOT/run"
  trap stop_bench_cluster EXIT
  runuser -u postgres -- "$BIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$BIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/run/pg.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PGROOT/run $extra" start >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE epic16" postgres >/dev/null
}

stop_bench_cluster() {
  runuser -u postgres -- "$BIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}

# The issue-size set the executive and page-load benchmarks share: PROSPECTS prospects (acquisition-seed.sql), CAMPAIGNS
# campaigns of TOUCHES touchpoints over TARGETS accounts each (abm-seed.sql), business cases, ROI months and CLIENTS onboarding
# clients with plans and DAYS days of health snapshots (executive-seed.sql). Needs the script's psql() on the bench database.
seed_full_set() {
  psql -v count="$PROSPECTS" -f "$ROOT/bench/acquisition-seed.sql" \
    && psql -v prospects="$PROSPECTS" -v campaigns="$CAMPAIGNS" -v targets="$TARGETS" -v touches="$TOUCHES" -f "$ROOT/bench/abm-seed.sql" \
    && psql -v prospects="$PROSPECTS" -v clients="$CLIENTS" -v days="$DAYS" -f "$ROOT/bench/executive-seed.sql"
}

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

# The issue-size set's sizes (seed_full_set, seed_page_set), each overridable by its BENCH_* variable.
full_set_sizes() {
  PROSPECTS="${BENCH_PROSPECTS:-100000}"
  CAMPAIGNS="${BENCH_CAMPAIGNS:-2000}"
  TARGETS="${BENCH_TARGETS:-50}"
  TOUCHES="${BENCH_TOUCHES:-500}"
  CLIENTS="${BENCH_CLIENTS:-10000}"
  DAYS="${BENCH_HEALTH_DAYS:-90}"
  COMMS="${BENCH_COMMS:-20}"
}

# The issue-size set the executive and page-load benchmarks share: PROSPECTS prospects (acquisition-seed.sql), CAMPAIGNS
# campaigns of TOUCHES touchpoints over TARGETS accounts each (abm-seed.sql), business cases, ROI months and CLIENTS onboarding
# clients with plans and DAYS days of health snapshots (executive-seed.sql). Needs the script's psql() on the bench database.
seed_full_set() {
  psql -v count="$PROSPECTS" -f "$ROOT/bench/acquisition-seed.sql" \
    && psql -v prospects="$PROSPECTS" -v campaigns="$CAMPAIGNS" -v targets="$TARGETS" -v touches="$TOUCHES" -f "$ROOT/bench/abm-seed.sql" \
    && psql -v prospects="$PROSPECTS" -v clients="$CLIENTS" -v days="$DAYS" -f "$ROOT/bench/executive-seed.sql"
}

# The set the page-load and load benchmarks run on: `db migrate`, seed_full_set, page-load-seed.sql (health inputs and
# communications), `seed-demo` (the Epic 7 CRM demo; the legacy files it also writes are not read in PostgresOnly) and
# `onboarding snapshot` (today's snapshot, the board's rows, the escalations). Needs the script's cli(), psql(), OUT, DAYS
# and COMMS; NAME prefixes the logs in $OUT.
seed_page_set() {
  local name="$1" started
  log "db migrate"
  cli db migrate >"$OUT/$name-db-migrate.log" 2>&1 || { tail -20 "$OUT/$name-db-migrate.log"; return 1; }
  log "Inserting $PROSPECTS prospects, $((CAMPAIGNS * TOUCHES)) touchpoints, $CLIENTS clients with $DAYS days of health and $COMMS communications each"
  started=$(date +%s)
  { seed_full_set && psql -v days="$DAYS" -v comms="$COMMS" -f "$ROOT/bench/page-load-seed.sql"; } \
    >"$OUT/$name-seed.log" 2>&1 || { tail -20 "$OUT/$name-seed.log"; return 1; }
  log "Epic 7 CRM demo (seed-demo), today's health snapshot"
  { cli seed-demo && cli onboarding snapshot; } >"$OUT/$name-seed-demo.log" 2>&1 || { tail -20 "$OUT/$name-seed-demo.log"; return 1; }
  log "Seeded in $(( $(date +%s) - started )) s: $(psql -At -c "SELECT (SELECT count(*) FROM f500_prospects) || ' prospects, ' || (SELECT count(*) FROM abm_touchpoints) || ' touchpoints, ' || (SELECT count(*) FROM onboarding_clients) || ' clients, ' || (SELECT count(*) FROM cs_escalations) || ' escalations, ' || (SELECT count(*) FROM crm_contacts) || ' CRM contacts'")"
}

# Publishes the app (Release) into $PUBLISH and builds the harness project HARNESS (e.g. bench/LoadBench), logging into LOG.
# Waits for BENCH_LOCK first (no build while another benchmark times), and records what was published in
# $PUBLISH/bench-commit.txt (the checkout may move on while a BENCH_SKIP_BUILD=1 run reuses the folder).
BENCH_LOCK=/tmp/epic16-bench.lock
publish_app_and_harness() {
  local harness="$1" log_file="$2"
  log "Publishing the app (Release) and building $harness (waiting for $BENCH_LOCK: no build while another bench times)"
  rm -rf "$PUBLISH"
  (cd "$ROOT" && flock "$BENCH_LOCK" bash -c "dotnet publish Epic16.Dashboard -c Release -o '$PUBLISH' -v q -nologo && dotnet build '$harness' -c Release -v q -nologo") \
    >"$log_file" 2>&1 || { tail -20 "$log_file"; return 1; }
  (cd "$ROOT" && echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Epic16.Dashboard Epic16.Domain appsettings.json || echo '+uncommitted changes')") >"$PUBLISH/bench-commit.txt"
}

# Starts the app published in $PUBLISH from its own folder (elsewhere its static files are empty), in Production, on a free
# port of localhost (a name, not an IP: the sign-in page's passkey script refuses IP origins), its log timestamped into LOG,
# and waits for /healthz. Sets URL and APP_PID.
start_published_app() {
  local log_file="$1"
  URL="http://localhost:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  log "Starting the published app (Production) on $URL"
  (cd "$PUBLISH" && ASPNETCORE_ENVIRONMENT=Production Logging__Console__TimestampFormat="HH:mm:ss.fff " exec dotnet Epic16.Dashboard.dll --urls "$URL") >"$log_file" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$log_file"; return 1; }
    sleep 0.5
  done
  echo "the app did not answer /healthz" >&2
  tail -20 "$log_file"
  return 1
}

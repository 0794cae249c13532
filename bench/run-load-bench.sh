#!/usr/bin/env bash
# Many signed-in Sales users at once (issue 15: "interaction p95 < 300 ms, 0 errors"): the published app in Production on
# PostgreSQL (PostgresOnly) with the page-load benchmark's set (100k prospects by default), and BENCH_USERS virtual users, each a
# Chromium context with its own live circuit looping a sales script for BENCH_SECONDS (bench/LoadBench: open the pipeline,
# search, move a card with its "Move to…" menu, open that prospect, open the grid).
# Steps, as bench/run-page-load-bench.sh does them (same seed files, same defaults; copied, that script is unchanged):
# `dotnet publish` of the app and build of the harness (under the bench lock: no build while another bench times) → a throwaway
# PostgreSQL cluster (removed on exit) → `db migrate` → seed_full_set (bench/cluster.sh) + bench/page-load-seed.sql →
# `seed-demo` + `onboarding snapshot` → `users add` one Sales user per virtual user (bench-sales-N@epic16.test) → for each run in
# BENCH_USERS: start the published app from its own folder on a free port, LoadBench under flock /tmp/epic16-bench.lock (the
# app's RSS before and with the circuits live, its CPU time, PostgreSQL's and the browsers' across the window), stop the app.
# Output per run of N users (…-thinkTms when it has a think time): bench/out/load-Nu.tsv (per interaction kind: interactions,
# errors, p50/p95/p99/max ms from the action to the result on the page's clock, the harness's p50/p95/max beside them),
# load-Nu-server.tsv (memory per circuit, CPU per interaction, users per core, load average…), load-Nu-samples.tsv (every
# interaction), the app's log bench/out/load-app-Nu.log (timestamped); a summary at the end. The app and the cluster are
# stopped on exit. Exit 3 when an interaction failed, a user could not sign in or the app logged an error (fail/crit).
#
# Environment (all optional): BENCH_USERS="20" (one or more runs, each against a freshly started app on the same data: a user
# count, optionally with its own think time in ms, e.g. "1 20 40" or "20 20:8000") BENCH_SECONDS=60 BENCH_THINK_MS=0 (pause after
# each interaction, for runs without their own) BENCH_SHARED_USER=1 (every context signs in as
# one Sales user instead of one user each) BENCH_PROSPECTS=100000 BENCH_CAMPAIGNS=2000 BENCH_TARGETS=50 BENCH_TOUCHES=500
# BENCH_CLIENTS=10000 BENCH_HEALTH_DAYS=90 BENCH_COMMS=20 BENCH_PORT=55532 BENCH_SKIP_BUILD=1 BENCH_HUMAN_PACE_S=10
# A small run to check the script: BENCH_PROSPECTS=2000 BENCH_CAMPAIGNS=40 BENCH_TOUCHES=50 BENCH_CLIENTS=200 BENCH_USERS=3 BENCH_SECONDS=20
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

USER_COUNTS="${BENCH_USERS:-20}"
SECONDS_PER_RUN="${BENCH_SECONDS:-60}"
full_set_sizes
PORT="${BENCH_PORT:-55532}"
LOCK="$BENCH_LOCK"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }
MAX_USERS=0
for run in $USER_COUNTS; do
  [[ "$run" =~ ^[0-9]+(:[0-9]+)?$ ]] && [ "${run%%:*}" -ge 1 ] \
    || { echo "BENCH_USERS must be counts, each optionally with its own think time in ms (\"20 20:8000\"), got \"$USER_COUNTS\"" >&2; exit 2; }
  [ "${run%%:*}" -le "$MAX_USERS" ] || MAX_USERS="${run%%:*}"
done

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
PUBLISH="$OUT/load-app"
HARNESS="$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll"

ensure_postgres_binaries
ensure_chromium
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  publish_app_and_harness bench/LoadBench "$OUT/load-build.log" || exit 1
fi
COMMIT="$(cat "$PUBLISH/bench-commit.txt" 2>/dev/null || echo unknown)"

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" load "-c shared_buffers=256MB"
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
stop_all() {
  stop_app
  stop_bench_cluster
}
trap stop_all EXIT

export ConnectionStrings__BusinessCore="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"
export Legacy__Directory="$PGROOT/legacy" Backups__Directory="$PGROOT/backups" Store__Mode=PostgresOnly
mkdir -p "$Legacy__Directory" "$Backups__Directory"
cli() { (cd "$PUBLISH" && ASPNETCORE_ENVIRONMENT=Production dotnet Epic16.Dashboard.dll "$@"); }
psql() { command psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q "$@"; }

seed_page_set load || exit 1

PASSWORD="Bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')!"
if [ "${BENCH_SHARED_USER:-0}" = 1 ]; then
  export BENCH_EMAIL="bench-sales@epic16.test"
  CREATE=("$BENCH_EMAIL")
else
  export BENCH_EMAIL="bench-sales-{0}@epic16.test"
  CREATE=()
  for i in $(seq 1 "$MAX_USERS"); do CREATE+=("bench-sales-$i@epic16.test"); done
fi
log "users add: ${#CREATE[@]} Sales user(s)"
: >"$OUT/load-users.log"
for email in "${CREATE[@]}"; do
  printf '%s\n' "$PASSWORD" | cli users add --email "$email" --role Sales >>"$OUT/load-users.log" 2>&1 \
    || { tail -20 "$OUT/load-users.log"; exit 1; }
done

export BENCH_PROSPECTS="$PROSPECTS" BENCH_CLK_TCK="$(getconf CLK_TCK)"
PG_PID="$(head -1 "$PGROOT/data/postmaster.pid")"
status=0
stem_of() { local users="${1%%:*}" think="${BENCH_THINK_MS:-0}"; [[ "$1" != *:* ]] || think="${1#*:}"; [ "$think" -gt 0 ] && echo "load-${users}u-think${think}ms" || echo "load-${users}u"; }
for RUN in $USER_COUNTS; do
  USERS="${RUN%%:*}"
  THINK="${BENCH_THINK_MS:-0}"
  [[ "$RUN" != *:* ]] || THINK="${RUN#*:}"
  STEM="$(stem_of "$RUN")"
  APP_LOG="$OUT/$(sed 's/^load-/load-app-/' <<<"$STEM").log"
  start_published_app "$APP_LOG" || exit 1

  log "$USERS users × ${SECONDS_PER_RUN} s, think time $THINK ms (app pid $APP_PID, commit $COMMIT; waiting for $LOCK)"
  rm -f "$OUT/$STEM.tsv" "$OUT/$STEM-server.tsv" "$OUT/$STEM-samples.tsv"
  set +e
  (cd "$OUT" && BENCH_THINK_MS="$THINK" flock "$LOCK" bash -c 'echo "load average at start of timing: $(cut -d" " -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%FT%TZ)" >&2; exec "$@"' _ \
    dotnet "$HARNESS" "$URL" "$PASSWORD" "$USERS" "$SECONDS_PER_RUN" "$APP_PID" "$PG_PID" "$OUT")
  rc=$?
  set -e
  [ "$rc" -eq 0 ] || status="$rc"
  [ ! -f "$OUT/$STEM-server.tsv" ] || printf 'commit\t%s\nprospects\t%s\n' "$COMMIT" "$PROSPECTS" >>"$OUT/$STEM-server.tsv"
  stop_app
  if grep -qE '^[0-9:.]* ?(warn|fail|crit):' "$APP_LOG"; then
    echo "the app logged warnings or errors during the $USERS-user run (how often each message; all in $APP_LOG):" >&2
    { grep -E -A1 '^[0-9:.]* ?(warn|fail|crit):' "$APP_LOG" | grep -vE '^[0-9:.]* ?(warn|fail|crit):|^--$' | sort | uniq -c | sort -rn | head -10 >&2; } || true
    ! grep -qE '^[0-9:.]* ?(fail|crit)' "$APP_LOG" || status=3
  fi
done

log "Summary ($PROSPECTS prospects, ${SECONDS_PER_RUN} s per run, commit $COMMIT)"
for RUN in $USER_COUNTS; do
  USERS="${RUN%%:*}"
  STEM="$(stem_of "$RUN")"
  S="$OUT/$STEM-server.tsv"
  [ -f "$S" ] || { echo "$USERS users: no figures (the harness failed before writing them)"; continue; }
  get() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$S"; }
  row() { awk -F'\t' -v k="$1" '$1 == k { printf "%s/%s/%s ms", $6, $7, $9 }' "$OUT/$STEM.tsv"; }
  echo "$USERS users, think time $(get think_ms) ms: $(get interactions) interactions in $(get window_s) s ($(get interactions_per_s)/s), $(get errors) errors;" \
    "p50/p95/max all $(row all) (without the search box's 300 ms debounce $(row all-minus-debounce));" \
    "pipeline $(row pipeline), search $(row search), move $(row move), prospect $(row prospect), grid $(row grid)"
  echo "   app RSS $(get rss_before_mb) MB before sign-in, $(get rss_live_mb) MB with the circuits live ($(get rss_per_circuit_live_mb) MB a circuit), peak $(get rss_peak_mb) MB;" \
    "app CPU $(get app_cpu_ms_per_interaction) ms an interaction (+ PostgreSQL $(get pg_cpu_ms_per_interaction) ms), app $(get app_cores_busy) cores busy, machine $(get machine_busy_pct) %;" \
    "one core carries $(get users_per_core_app_observed_pace) users at this pace ($(get users_per_core_app_plus_pg_observed_pace) with PostgreSQL), $(get users_per_core_app_human_pace) at one interaction every $(get human_pace_s_per_interaction) s;" \
    "load average $(get loadavg_window_start) → $(get loadavg_window_end)"
done
exit "$status"

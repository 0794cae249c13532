#!/usr/bin/env bash
# Full page loads as a user feels them (issue 15 "p95 < 500 ms for every page"): the published app in Production on PostgreSQL
# (PostgresOnly), driven by Debian's Chromium through Playwright (bench/PageLoadBench), signed in as each role.
# Steps: a throwaway PostgreSQL cluster (removed on exit) → `db migrate` → bench/acquisition-seed.sql (prospects),
# bench/abm-seed.sql (campaigns, touchpoints), bench/executive-seed.sql (business cases, ROI months, onboarding clients with
# plans, 90 days of health snapshots) and bench/page-load-seed.sql (health inputs, communications) → `seed-demo` for the Epic 7
# CRM demo (/crm) → `onboarding snapshot` (today's snapshot, escalations and the health board's rows, as the daily job does)
# → `users add` one user per role → `dotnet publish`, started from its own folder on a free port → PageLoadBench under
# flock /tmp/epic16-bench.lock. Output: bench/out/page-loads.tsv (per page and role: p50/p95/max ms), the app's log in
# bench/out/page-load-app.log. The app and the cluster are stopped on exit.
#
# Environment (all optional; the defaults are the issue's size): BENCH_PROSPECTS=100000 BENCH_CAMPAIGNS=2000 BENCH_TARGETS=50
#   BENCH_TOUCHES=500 (per campaign) BENCH_CLIENTS=10000 BENCH_HEALTH_DAYS=90 BENCH_COMMS=20 BENCH_ITERATIONS=30 BENCH_WARMUP=3
#   BENCH_PORT=55531 BENCH_SKIP_BUILD=1 BENCH_PAGES (a regex on "role path" to time only some pages, e.g. "Admin /abm")
# A small run to check the script: BENCH_PROSPECTS=2000 BENCH_CAMPAIGNS=40 BENCH_TOUCHES=50 BENCH_CLIENTS=200 BENCH_ITERATIONS=5
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

full_set_sizes
ITERATIONS="${BENCH_ITERATIONS:-30}"
WARMUP="${BENCH_WARMUP:-3}"
PORT="${BENCH_PORT:-55531}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
PUBLISH="$OUT/page-load-app"
HARNESS="$ROOT/bench/PageLoadBench/bin/Release/net10.0/PageLoadBench.dll"

ensure_postgres_binaries
ensure_chromium
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  publish_app_and_harness bench/PageLoadBench "$OUT/page-load-build.log" || exit 1
fi

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" pageload "-c shared_buffers=256MB"
APP_PID=""
stop_all() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
  stop_bench_cluster
}
trap stop_all EXIT

export ConnectionStrings__BusinessCore="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"
export Legacy__Directory="$PGROOT/legacy" Backups__Directory="$PGROOT/backups" Store__Mode=PostgresOnly
mkdir -p "$Legacy__Directory" "$Backups__Directory"
cli() { (cd "$PUBLISH" && ASPNETCORE_ENVIRONMENT=Production dotnet Epic16.Dashboard.dll "$@"); }
psql() { command psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q "$@"; }

seed_page_set page-load || exit 1

PASSWORD="Bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')!"
for role in Admin Sales CustomerSuccess Executive; do
  email="bench-$(tr '[:upper:]' '[:lower:]' <<<"$role")@epic16.test"
  printf '%s\n' "$PASSWORD" | cli users add --email "$email" --role "$role" >>"$OUT/page-load-users.log" 2>&1 \
    || { tail -20 "$OUT/page-load-users.log"; exit 1; }
done

start_published_app "$OUT/page-load-app.log" || exit 1

# A prospect with business cases and ROI months (every 100th has both), the campaign with the most touches, an open client.
PROSPECT="$(psql -At -c "SELECT min(p.id) FROM f500_prospects p WHERE p.id % 100 = 0")"
CAMPAIGN="$(psql -At -c "SELECT campaign_id FROM abm_touchpoints GROUP BY campaign_id ORDER BY count(*) DESC, campaign_id LIMIT 1")"
CLIENT="$(psql -At -c "SELECT min(id) FROM onboarding_clients WHERE status NOT IN ('live', 'churned')")"
cd "$OUT" # a failed page's screenshot lands here
log "Timing (prospect $PROSPECT, campaign $CAMPAIGN, client $CLIENT; waiting for /tmp/epic16-bench.lock)"
set +e
flock /tmp/epic16-bench.lock bash -c 'echo "load average at start of timing: $(cut -d" " -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%FT%TZ)" >&2; exec "$@"' _ \
  dotnet "$HARNESS" "$URL" "$PASSWORD" "$PROSPECT" "$CAMPAIGN" "$CLIENT" "$ITERATIONS" "$WARMUP" | tee "$OUT/page-loads.tsv"
status=${PIPESTATUS[0]}
set -e
grep -E '^(fail|crit)' "$OUT/page-load-app.log" | head -5 >&2 || true
exit "$status"

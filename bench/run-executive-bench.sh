#!/usr/bin/env bash
# The executive page's speed (issue 13 "Speed"), through the real service (bench/ExecutiveBench): ExecutiveFiguresService.LoadAsync,
# i.e. every KPI card and every chart series the page shows, for four filters (none, last 90 days, one owner, one industry in 2025).
# Steps: a throwaway PostgreSQL cluster (removed on exit) → `db migrate` → bench/acquisition-seed.sql (prospects),
# bench/abm-seed.sql (campaigns, touchpoints) and bench/executive-seed.sql (business cases, ROI months, onboarding clients with
# plans, daily health snapshots) → ExecutiveBench in PostgresOnly. Output: bench/out/executive-queries.tsv (p50/p95/max ms and
# the largest series of any chart). Targets (issue 13): at 100k prospects, 1M touchpoints and 10k clients on PostgreSQL, p95
# < 200 ms with all figures, every series < 2,000 points (the harness exits 3 otherwise).
#
# Environment (all optional; the defaults are the issue's size): BENCH_PROSPECTS=100000 BENCH_CAMPAIGNS=2000 BENCH_TARGETS=50
#   BENCH_TOUCHES=500 (per campaign) BENCH_CLIENTS=10000 BENCH_HEALTH_DAYS=90 BENCH_ITERATIONS=100 BENCH_WARMUP=10
#   BENCH_PORT=55527 BENCH_SKIP_BUILD=1
# A small run to check the script: BENCH_PROSPECTS=2000 BENCH_CAMPAIGNS=40 BENCH_TOUCHES=50 BENCH_CLIENTS=200 BENCH_ITERATIONS=20
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

full_set_sizes
ITERATIONS="${BENCH_ITERATIONS:-100}"
WARMUP="${BENCH_WARMUP:-10}"
PORT="${BENCH_PORT:-55527}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
HARNESS="$ROOT/bench/ExecutiveBench/bin/Release/net10.0/ExecutiveBench.dll"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release (app and harness)"
  (cd "$ROOT" && dotnet build Epic16.Dashboard -c Release -v q -nologo && dotnet build bench/ExecutiveBench -c Release -v q -nologo) \
    >"$OUT/executive-build.log" 2>&1 || { tail -20 "$OUT/executive-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" executive "-c shared_buffers=256MB"
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"
LEGACY="$PGROOT/legacy" # PostgresOnly reads no legacy file; the setting must still name a folder
mkdir -p "$LEGACY"

log "db migrate"
dotnet "$APP" db migrate --connection "$CS" >"$OUT/executive-db-migrate.log" 2>&1 || { tail -20 "$OUT/executive-db-migrate.log"; exit 1; }
log "Inserting $PROSPECTS prospects, $((CAMPAIGNS * TOUCHES)) touchpoints, $CLIENTS clients with $DAYS days of health"
started=$(date +%s)
psql() { command psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q "$@"; }
seed_full_set >"$OUT/executive-seed.log" 2>&1 || { tail -20 "$OUT/executive-seed.log"; exit 1; }
log "Seeded in $(( $(date +%s) - started )) s: $(psql -At -c "SELECT (SELECT count(*) FROM f500_prospects) || ' prospects, ' || (SELECT count(*) FROM abm_touchpoints) || ' touchpoints, ' || (SELECT count(*) FROM onboarding_clients) || ' clients, ' || (SELECT count(*) FROM cs_health_snapshots) || ' snapshots'")"

log "Timing on PostgreSQL (PostgresOnly; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
dotnet "$HARNESS" "$CS" PostgresOnly "$LEGACY" "$ITERATIONS" "$WARMUP" | tee "$OUT/executive-queries.tsv"
exit "${PIPESTATUS[0]}"

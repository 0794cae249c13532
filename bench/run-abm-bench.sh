#!/usr/bin/env bash
# The ABM pages' speed (issue 11 "Speed"), through the real services (bench/AbmBench): the campaigns list, a campaign page's
# data (CampaignReportService.DashboardAsync: campaign, figures, attribution over its accounts, first timeline page and heat
# map), a later timeline page, the touchpoints list and the target picker; then planning BENCH_PLAN_ACCOUNTS accounts × 6
# steps in one save in DualWritePostgresPrimary (the mirror replays it onto the legacy files).
# Steps: a throwaway PostgreSQL cluster (removed on exit) → `db migrate` → bench/acquisition-seed.sql (prospects) and
# bench/abm-seed.sql (content, campaigns, touchpoints, daily metrics) → AbmBench in DualWritePostgresPrimary (reads go to
# PostgreSQL, the primary) with plan → the same reads on the legacy SQLite files written by `seed-demo --scale BENCH_SQLITE_SCALE`.
# Output: bench/out/abm-queries.tsv. Targets (issue 11): with 100k prospects, 2,000 campaigns, 1M touchpoints on PostgreSQL,
# campaign page and campaigns list p95 < 50 ms, planning 500 × 6 in DualWritePostgresPrimary < 2 s.
#
# Environment (all optional): BENCH_PROSPECTS=100000 BENCH_CAMPAIGNS=2000 BENCH_TARGETS=50 BENCH_TOUCHES=500 (per campaign)
#   BENCH_PLAN_ACCOUNTS=500 BENCH_SQLITE_SCALE=25 BENCH_ITERATIONS=100 BENCH_WARMUP=10 BENCH_PORT=55495 BENCH_SKIP_BUILD=1
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

PROSPECTS="${BENCH_PROSPECTS:-100000}"
CAMPAIGNS="${BENCH_CAMPAIGNS:-2000}"
TARGETS="${BENCH_TARGETS:-50}"
TOUCHES="${BENCH_TOUCHES:-500}"
PLAN="${BENCH_PLAN_ACCOUNTS:-500}"
SQLITE_SCALE="${BENCH_SQLITE_SCALE:-25}"
ITERATIONS="${BENCH_ITERATIONS:-100}"
WARMUP="${BENCH_WARMUP:-10}"
PORT="${BENCH_PORT:-55495}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
HARNESS="$ROOT/bench/AbmBench/bin/Release/net10.0/AbmBench.dll"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release (app and harness)"
  (cd "$ROOT" && dotnet build Epic16.Dashboard -c Release -v q -nologo && dotnet build bench/AbmBench -c Release -v q -nologo) \
    >"$OUT/abm-build.log" 2>&1 || { tail -20 "$OUT/abm-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" abm "-c shared_buffers=256MB"
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"
LEGACY="$PGROOT/legacy"
mkdir -p "$LEGACY"

log "db migrate"
dotnet "$APP" db migrate --connection "$CS" >"$OUT/abm-db-migrate.log" 2>&1 || { tail -20 "$OUT/abm-db-migrate.log"; exit 1; }
log "Legacy files for the SQLite side: seed-demo --scale $SQLITE_SCALE"
dotnet "$APP" seed-demo --scale "$SQLITE_SCALE" --skip-crm --connection "$CS" --legacy-dir "$LEGACY" >"$OUT/abm-seed-demo.log" 2>&1 \
  || { tail -20 "$OUT/abm-seed-demo.log"; exit 1; }
log "Inserting $PROSPECTS prospects, $CAMPAIGNS campaigns, $((CAMPAIGNS * TOUCHES)) touchpoints"
started=$(date +%s)
psql -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q -v count="$PROSPECTS" -f "$ROOT/bench/acquisition-seed.sql" >"$OUT/abm-seed.log" 2>&1 \
  && psql -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q -v prospects="$PROSPECTS" -v campaigns="$CAMPAIGNS" -v targets="$TARGETS" -v touches="$TOUCHES" \
       -f "$ROOT/bench/abm-seed.sql" >>"$OUT/abm-seed.log" 2>&1 || { tail -20 "$OUT/abm-seed.log"; exit 1; }
log "Seeded in $(( $(date +%s) - started )) s"

log "Timing on PostgreSQL (DualWritePostgresPrimary; load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$HARNESS" "$CS" DualWritePostgresPrimary "$LEGACY" "$ITERATIONS" "$WARMUP" "$PLAN" | tee "$OUT/abm-queries.tsv"
log "The same plan in PostgresOnly (no mirror), to split the dual-write plan's time between PostgreSQL and the mirror"
dotnet "$HARNESS" "$CS" PostgresOnly "$LEGACY" 0 0 "$PLAN" | tail -n +2 | tee -a "$OUT/abm-queries.tsv"
log "Timing on the legacy SQLite files (SqliteOnly, seed-demo scale $SQLITE_SCALE)"
dotnet "$HARNESS" "$CS" SqliteOnly "$LEGACY" "$ITERATIONS" "$WARMUP" 0 | tail -n +2 | tee -a "$OUT/abm-queries.tsv"

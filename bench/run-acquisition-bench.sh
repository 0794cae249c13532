#!/usr/bin/env bash
# The Sales pages' query benchmark (issue 6 "Speed"): the kanban's data (PipelineBoardService.LoadAsync: per-stage count, total and
# weighted value summed in the database, top cards per stage) and the grid's (ProspectService.SearchProspectsAsync:
# filter, sort and page in the database) timed through the real services on PostgreSQL with BENCH_PROSPECTS prospects.
# Steps: a throwaway PostgreSQL cluster (default durability, removed on exit) → `db migrate` (the EF migrations, indexes
# included) → bench/acquisition-seed.sql inserts the prospects and runs VACUUM ANALYZE → bench/PipelineQueryBench times
# each query shape BENCH_WARMUP times untimed, then BENCH_ITERATIONS times, and prints p50/p95/max per shape.
# Output: bench/out/acquisition-queries.tsv (and the logs beside it). The target is p95 < 50 ms at >= 100,000 prospects.
#
# Environment (all optional): BENCH_PROSPECTS=100000 BENCH_ITERATIONS=200 BENCH_WARMUP=20 BENCH_PORT=55493
#   BENCH_QUIET_LOAD=1.5 BENCH_MAX_WAIT=900 (wait up to that many seconds for the 1-minute load average to drop below it)
#   BENCH_SKIP_BUILD=1 (use the Release builds that are there)
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

PROSPECTS="${BENCH_PROSPECTS:-100000}"
ITERATIONS="${BENCH_ITERATIONS:-200}"
WARMUP="${BENCH_WARMUP:-20}"
PORT="${BENCH_PORT:-55493}"
QUIET_LOAD="${BENCH_QUIET_LOAD:-1.5}"
MAX_WAIT="${BENCH_MAX_WAIT:-900}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
HARNESS="$ROOT/bench/PipelineQueryBench/bin/Release/net10.0/PipelineQueryBench.dll"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release (app and harness)"
  (cd "$ROOT" && dotnet build Epic16.Dashboard -c Release -v q -nologo && dotnet build bench/PipelineQueryBench -c Release -v q -nologo) \
    >"$OUT/acquisition-build.log" 2>&1 || { tail -20 "$OUT/acquisition-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" acq "-c shared_buffers=256MB"
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"

log "db migrate (schema and indexes from the EF migrations)"
dotnet "$APP" db migrate --connection "$CS" >"$OUT/acquisition-db-migrate.log" 2>&1 || { tail -20 "$OUT/acquisition-db-migrate.log"; exit 1; }
log "Inserting $PROSPECTS prospects"
psql -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q -v count="$PROSPECTS" -f "$ROOT/bench/acquisition-seed.sql" >"$OUT/acquisition-seed.log" 2>&1 \
  || { tail -20 "$OUT/acquisition-seed.log"; exit 1; }

waited=0
while awk -v limit="$QUIET_LOAD" '{ exit !($1 >= limit) }' /proc/loadavg && [ "$waited" -lt "$MAX_WAIT" ]; do
  [ "$waited" -eq 0 ] && log "Waiting for the load average to drop below $QUIET_LOAD (now $(cut -d' ' -f1 /proc/loadavg))"
  sleep 10; waited=$((waited + 10))
done
log "Timing (load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$HARNESS" "$CS" "$ITERATIONS" "$WARMUP" | tee "$OUT/acquisition-queries.tsv"

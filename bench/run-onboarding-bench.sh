#!/usr/bin/env bash
# The onboarding pages' speed (issue 12 "Speed"), through the real services (bench/OnboardingBench): the health board (all,
# one band, one CSM), a client page's data (plan with its projection, health with history, legacy variance, escalations,
# communication log), the go-live projection of a 60-milestone plan, and the daily snapshot of every client.
# Steps: a throwaway PostgreSQL cluster (removed on exit) → `db migrate` → bench/onboarding-seed.sql → OnboardingBench in
# PostgresOnly → the same reads on the legacy SQLite files written by `seed-demo --scale BENCH_SQLITE_SCALE` (SqliteOnly).
# Output: bench/out/onboarding-queries.tsv. Targets (issue 12): with 10k clients, 900k health rows, 150k milestones and 200k
# communications on PostgreSQL: board and client page p95 < 50 ms, the daily snapshot < 10 s, a 60-milestone projection < 5 ms.
#
# Environment (all optional): BENCH_CLIENTS=10000 BENCH_DAYS=90 BENCH_MILESTONES=15 BENCH_COMMS=20 BENCH_SQLITE_SCALE=25
#   BENCH_ITERATIONS=100 BENCH_WARMUP=10 BENCH_PORT=55496 BENCH_SKIP_BUILD=1
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

CLIENTS="${BENCH_CLIENTS:-10000}"
DAYS="${BENCH_DAYS:-90}"
MILESTONES="${BENCH_MILESTONES:-15}"
COMMS="${BENCH_COMMS:-20}"
SQLITE_SCALE="${BENCH_SQLITE_SCALE:-25}"
ITERATIONS="${BENCH_ITERATIONS:-100}"
WARMUP="${BENCH_WARMUP:-10}"
PORT="${BENCH_PORT:-55496}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
HARNESS="$ROOT/bench/OnboardingBench/bin/Release/net10.0/OnboardingBench.dll"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release (app and harness)"
  (cd "$ROOT" && dotnet build Epic16.Dashboard -c Release -v q -nologo && dotnet build bench/OnboardingBench -c Release -v q -nologo) \
    >"$OUT/onboarding-build.log" 2>&1 || { tail -20 "$OUT/onboarding-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on port $PORT"
start_bench_cluster "$PORT" onboarding "-c shared_buffers=256MB"
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres"
LEGACY="$PGROOT/legacy"
mkdir -p "$LEGACY"

# The SQLite side gets a database of its own for the platform tables (snapshots, escalations, quarantine), so neither run
# reads the other's snapshots.
CS_SQLITE="Host=127.0.0.1;Port=$PORT;Database=epic16_sqlite;Username=postgres"
psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE epic16_sqlite" postgres >/dev/null
log "db migrate (both databases)"
for cs in "$CS" "$CS_SQLITE"; do
  dotnet "$APP" db migrate --connection "$cs" >>"$OUT/onboarding-db-migrate.log" 2>&1 || { tail -20 "$OUT/onboarding-db-migrate.log"; exit 1; }
done
log "Legacy files for the SQLite side: seed-demo --scale $SQLITE_SCALE"
dotnet "$APP" seed-demo --scale "$SQLITE_SCALE" --skip-crm --connection "$CS_SQLITE" --legacy-dir "$LEGACY" >"$OUT/onboarding-seed-demo.log" 2>&1 \
  || { tail -20 "$OUT/onboarding-seed-demo.log"; exit 1; }
log "scan: the legacy rows that cannot be read are quarantined, as the app does at start"
dotnet "$APP" scan --connection "$CS_SQLITE" --legacy-dir "$LEGACY" >"$OUT/onboarding-scan.log" 2>&1 || { tail -20 "$OUT/onboarding-scan.log"; exit 1; }
log "Inserting $CLIENTS clients, $((CLIENTS * DAYS)) health rows and snapshots, $((CLIENTS * MILESTONES)) milestones, $((CLIENTS * COMMS)) communications"
started=$(date +%s)
psql -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -q -v clients="$CLIENTS" -v days="$DAYS" -v milestones="$MILESTONES" -v comms="$COMMS" \
  -f "$ROOT/bench/onboarding-seed.sql" >"$OUT/onboarding-seed.log" 2>&1 || { tail -20 "$OUT/onboarding-seed.log"; exit 1; }
log "Seeded in $(( $(date +%s) - started )) s"

log "Timing on PostgreSQL (PostgresOnly; load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$HARNESS" "$CS" PostgresOnly "$LEGACY" "$ITERATIONS" "$WARMUP" 1 | tee "$OUT/onboarding-queries.tsv"
log "Timing on the legacy SQLite files (SqliteOnly, seed-demo scale $SQLITE_SCALE; load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$HARNESS" "$CS_SQLITE" SqliteOnly "$LEGACY" "$ITERATIONS" "$WARMUP" 1 | tail -n +2 | tee -a "$OUT/onboarding-queries.tsv"

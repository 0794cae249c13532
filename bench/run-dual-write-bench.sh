#!/usr/bin/env bash
# The dual-write benchmark (issue 5 "Speed"), on a throwaway PostgreSQL cluster (default durability, fsync on):
#   (a) p50/p95/p99 of a single-row save through the router in each store mode (`bench/DualWriteSaveBench`): the two dual-write
#       modes against the same save on each store alone (target: dual-write p95 <= 2x the slower store alone);
#   (b) the reconciler's full compare of every table after a complete migration (`reconcile --full`, nothing to repair),
#       with BENCH_SIZE touchpoints (target: 1M rows < 20 s; issue 14: < 15 s);
#   (c) issue 14, once after the runs (`bench/CutoverBench`): the changed-keys reconcile with nothing changed (target < 1 s)
#       and after 1,000 rows saved in a dual-write mode (target < 2 s), one full pass; then, with 8 writers saving through
#       the router all along, BENCH_REPEAT walks SqliteOnly → DualWriteSqlitePrimary → DualWritePostgresPrimary →
#       PostgresOnly and back through CutoverController (as `mode set` / `rollback`): each switch's write pause and the steps
#       inside it (target: every switch and the rollback from PostgresOnly < 2 s, p50 and max), writer failures, and every
#       row the writers saved read back from both stores (target: 0 failed, 0 lost).
# Reuses the migration benchmark's legacy data setup (seed-demo + bench/add-legacy-touchpoints.py).
# Results: bench/out/dual-write.tsv (one line per run; the reconcile line also has the process's peak RSS; (c) one line per
# pass and per switch, then per-switch p50/max), logs in bench/out/logs/dual-* (the cutover's JSON: dual-cutover.json).
#
# Environment (all optional): BENCH_SIZE=1000000 (touchpoints)  BENCH_PROSPECTS=100000  BENCH_SAVES=500  BENCH_REPEAT=3  BENCH_SCALE=5
#   BENCH_PORT=55492  BENCH_SKIP_BUILD=1 (use the Release build that is there)  BENCH_SKIP_CUTOVER=1 (no (c))
#   (c) also reads BENCH_WRITERS=8 BENCH_WRITER_DELAY_MS=20 BENCH_SETTLE_MS=2000 BENCH_GATE_P95_MS=10000 (see bench/CutoverBench/Program.cs)
# Small run to check it works: BENCH_SIZE=20000 BENCH_PROSPECTS=2000 BENCH_SAVES=100 BENCH_REPEAT=1 bench/run-dual-write-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

SIZE="${BENCH_SIZE:-1000000}"
PROSPECTS="${BENCH_PROSPECTS:-100000}"
SAVES="${BENCH_SAVES:-500}"
REPEAT="${BENCH_REPEAT:-3}"
SCALE="${BENCH_SCALE:-5}"
PORT="${BENCH_PORT:-55492}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
LOGS="$OUT/logs"
WORK="$OUT/dual-write"
RESULTS="$OUT/dual-write.tsv"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
SAVE_BENCH="$ROOT/bench/DualWriteSaveBench/bin/Release/net10.0/DualWriteSaveBench.dll"
CUTOVER_BENCH="$ROOT/bench/CutoverBench/bin/Release/net10.0/CutoverBench.dll"
mkdir -p "$LOGS" "$WORK"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client
[ -x /usr/bin/time ] || { log "Installing GNU time"; apt_install time; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release"
  (cd "$ROOT" && dotnet build Epic16.sln -c Release -v q -nologo && dotnet build bench/DualWriteSaveBench -c Release -v q -nologo && dotnet build bench/CutoverBench -c Release -v q -nologo) >"$LOGS/dual-build.log" 2>&1 || { tail -20 "$LOGS/dual-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on 127.0.0.1:$PORT (fsync on)"
start_bench_cluster "$PORT" dual
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -Atc "$2" "$1"; }
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres;Command Timeout=0"

# The legacy set: seed-demo's parents, touchpoints up to SIZE, migrated completely (the state dual-write starts from).
# seed-demo reads the persisted mode, so it runs against the bench cluster (migrated first), never the project's own.
dotnet "$APP" db migrate --connection "$CS" >"$LOGS/dual-db-migrate.log" 2>&1
LEGACY="$WORK/legacy-$SCALE-$PROSPECTS-$SIZE"
if [ ! -f "$LEGACY/.done" ]; then
  log "Legacy set: seed-demo --scale $SCALE, then $PROSPECTS prospects and $SIZE touchpoints"
  rm -rf "$LEGACY"; mkdir -p "$LEGACY"
  dotnet "$APP" seed-demo --scale "$SCALE" --legacy-dir "$LEGACY" --skip-crm --force --connection "$CS" >"$LOGS/dual-seed.log"
  python3 "$ROOT/bench/add-legacy-touchpoints.py" "$LEGACY" "$SIZE" 1616 "$PROSPECTS" >>"$LOGS/dual-seed.log" 2>&1
  touch "$LEGACY/.done"
fi
RUN_DIR="$WORK/run"
rm -rf "$RUN_DIR"; cp -r "$LEGACY" "$RUN_DIR"
app() { dotnet "$APP" "$@" --connection "$CS" --legacy-dir "$RUN_DIR"; }
set +e; app migrate --json >"$LOGS/dual-migrate.json" 2>"$LOGS/dual-migrate.err"; rc=$?; set -e
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { echo "migrate failed ($rc)" >&2; cat "$LOGS/dual-migrate.err" >&2; exit 1; }

printf 'measure\tmode_or_rows\trun\tp50_ms\tp95_ms\tp99_ms_or_seconds\tnote\n' >"$RESULTS"
for run in $(seq "$REPEAT"); do
  log "(a) single-row saves, run $run"
  dotnet "$SAVE_BENCH" "$CS" "$RUN_DIR" "$SAVES" >"$LOGS/dual-saves-$run.json"
  python3 - "$LOGS/dual-saves-$run.json" "$run" >>"$RESULTS" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["results"]:
    print(f'save\t{r["mode"]}\t{sys.argv[2]}\t{r["p50_ms"]}\t{r["p95_ms"]}\t{r["p99_ms"]}\t{r["saves"]} saves; mirror failures {d["mirror"]["failures"]}')
PY
  log "(b) reconciler full compare, run $run"
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$LOGS/dual-reconcile-$run.rss" dotnet "$APP" reconcile --full --json --connection "$CS" --legacy-dir "$RUN_DIR" >"$LOGS/dual-reconcile-$run.json"
  t1=$(date +%s%N)
  python3 - "$LOGS/dual-reconcile-$run.json" "$run" "$t0" "$t1" "$(tail -1 "$LOGS/dual-reconcile-$run.rss")" >>"$RESULTS" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
wall = (int(sys.argv[4]) - int(sys.argv[3])) / 1e9
print(f'reconcile\t{d["rows"]}\t{sys.argv[2]}\t\t\t{d["duration_ms"] / 1000:.3f}\tfound {d["found"]}, repaired {d["repaired"]}; process wall {wall:.1f} s; peak RSS {int(sys.argv[5]) // 1024} MB')
PY
done
if [ "${BENCH_SKIP_CUTOVER:-0}" != 1 ]; then
  log "(c) changed-keys reconcile, then $REPEAT cutover walk(s) under 8 writers (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -rf "$WORK/backups"
  set +e; dotnet "$CUTOVER_BENCH" "$CS" "$RUN_DIR" "$WORK/backups" "$REPEAT" >"$LOGS/dual-cutover.json" 2>"$LOGS/dual-cutover.log"; rc=$?; set -e
  [ -s "$LOGS/dual-cutover.json" ] || { echo "CutoverBench failed ($rc)" >&2; tail -20 "$LOGS/dual-cutover.log" >&2; exit 1; }
  python3 "$ROOT/bench/cutover-tsv.py" "$LOGS/dual-cutover.json" >>"$RESULTS"
  [ "$rc" -eq 0 ] || log "CutoverBench exit $rc: writes failed or were lost (see $LOGS/dual-cutover.json)"
fi
column -t -s $'\t' "$RESULTS" >&2
log "Results in $RESULTS"

#!/usr/bin/env bash
# The dual-write benchmark (issue 5 "Speed"), on a throwaway PostgreSQL cluster (default durability, fsync on):
#   (a) p50/p95/p99 of a single-row save through the router in each store mode (`bench/DualWriteSaveBench`): the two dual-write
#       modes against the same save on each store alone (target: dual-write p95 <= 2x the slower store alone);
#   (b) the reconciler's full compare of every table after a complete migration (`reconcile`, nothing to repair),
#       with BENCH_SIZE touchpoints (target: 1M rows < 20 s).
# Reuses the migration benchmark's legacy data setup (seed-demo + bench/add-legacy-touchpoints.py).
# Results: bench/out/dual-write.tsv (one line per run; the reconcile line also has the process's peak RSS), logs in bench/out/logs/dual-*.
#
# Environment (all optional): BENCH_SIZE=1000000 (touchpoints)  BENCH_SAVES=500  BENCH_REPEAT=3  BENCH_SCALE=5
#   BENCH_PORT=55492  BENCH_SKIP_BUILD=1 (use the Release build that is there)
# Small run to check it works: BENCH_SIZE=20000 BENCH_SAVES=100 BENCH_REPEAT=1 bench/run-dual-write-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

SIZE="${BENCH_SIZE:-1000000}"
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
mkdir -p "$LOGS" "$WORK"

ensure_postgres_binaries
command -v psql >/dev/null || apt_install postgresql-client
[ -x /usr/bin/time ] || { log "Installing GNU time"; apt_install time; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release"
  (cd "$ROOT" && dotnet build Epic16.sln -c Release -v q -nologo && dotnet build bench/DualWriteSaveBench -c Release -v q -nologo) >"$LOGS/dual-build.log" 2>&1 || { tail -20 "$LOGS/dual-build.log"; exit 1; }
fi

log "Starting a throwaway PostgreSQL on 127.0.0.1:$PORT (fsync on)"
start_bench_cluster "$PORT" dual
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -Atc "$2" "$1"; }
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres;Command Timeout=0"

# The legacy set: seed-demo's parents, touchpoints up to SIZE, migrated completely (the state dual-write starts from).
LEGACY="$WORK/legacy-$SIZE"
if [ ! -f "$LEGACY/.done" ]; then
  log "Legacy set: seed-demo --scale $SCALE, then $SIZE touchpoints"
  rm -rf "$LEGACY"; mkdir -p "$LEGACY"
  dotnet "$APP" seed-demo --scale "$SCALE" --legacy-dir "$LEGACY" --skip-crm --force >"$LOGS/dual-seed.log"
  python3 "$ROOT/bench/add-legacy-touchpoints.py" "$LEGACY" "$SIZE" >>"$LOGS/dual-seed.log" 2>&1
  touch "$LEGACY/.done"
fi
RUN_DIR="$WORK/run"
rm -rf "$RUN_DIR"; cp -r "$LEGACY" "$RUN_DIR"
app() { dotnet "$APP" "$@" --connection "$CS" --legacy-dir "$RUN_DIR"; }
app db migrate >"$LOGS/dual-db-migrate.log" 2>&1
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
  /usr/bin/time -f %M -o "$LOGS/dual-reconcile-$run.rss" dotnet "$APP" reconcile --json --connection "$CS" --legacy-dir "$RUN_DIR" >"$LOGS/dual-reconcile-$run.json"
  t1=$(date +%s%N)
  python3 - "$LOGS/dual-reconcile-$run.json" "$run" "$t0" "$t1" "$(tail -1 "$LOGS/dual-reconcile-$run.rss")" >>"$RESULTS" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
wall = (int(sys.argv[4]) - int(sys.argv[3])) / 1e9
print(f'reconcile\t{d["rows"]}\t{sys.argv[2]}\t\t\t{d["duration_ms"] / 1000:.3f}\tfound {d["found"]}, repaired {d["repaired"]}; process wall {wall:.1f} s; peak RSS {int(sys.argv[5]) // 1024} MB')
PY
done
column -t -s $'\t' "$RESULTS" >&2
log "Results in $RESULTS"

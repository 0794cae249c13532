#!/usr/bin/env bash
# The migration benchmark (issue "Speed"): on one generated legacy set, time
#   (a) our `migrate --tables touchpoints` at several sizes (wall clock, rows/s, peak RSS),
#   (b) pgloader with exact casts (bench/touchpoints-exact.load),
#   (c) a raw `psql \copy` of the same rows from CSV into a plain table with the same column types (the ceiling),
#   (d) our `validate` over the whole legacy set,
# each on a fresh target table, each repeated BENCH_REPEAT times (the summary takes the median).
# Everything runs against a throwaway PostgreSQL cluster started here with default durability (fsync on),
# removed on exit. Raw results: bench/out/results.tsv (one line per run), bench/out/summary.tsv (medians),
# bench/out/logs/ (every command's output and `/usr/bin/time -v` report).
#
# Environment (all optional):
#   BENCH_SIZES="250000 500000 1000000"  touchpoint counts for (a); the largest is used for (b), (c), (d)
#   BENCH_REPEAT=3  BENCH_SCALE=5 (seed-demo scale of the parent tables)  BENCH_PORT=55491
#   BENCH_QUIET_LOAD=1.5  BENCH_MAX_WAIT=1800  wait before each timed run until the 1-minute load average is
#     below BENCH_QUIET_LOAD, at most BENCH_MAX_WAIT seconds in total over the whole run (then measure anyway)
#   BENCH_SKIP_BUILD=1  use the Release build that is there
#   BENCH_SMALL_REPEAT, BENCH_VALIDATE_REPEAT  repeats of (a) at the smaller sizes and of (d) (default BENCH_REPEAT)
#   BENCH_CS_EXTRA  appended to the connection string (default "Command Timeout=0"; set it empty to see the failure)
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

SIZES=(${BENCH_SIZES:-250000 500000 1000000})
REPEAT="${BENCH_REPEAT:-3}"
SMALL_REPEAT="${BENCH_SMALL_REPEAT:-$REPEAT}"
VALIDATE_REPEAT="${BENCH_VALIDATE_REPEAT:-$REPEAT}"
SCALE="${BENCH_SCALE:-5}"
PORT="${BENCH_PORT:-55491}"
QUIET_LOAD="${BENCH_QUIET_LOAD:-1.5}"
MAX_WAIT="${BENCH_MAX_WAIT:-1800}"
[ "$PORT" != 55432 ] || { echo "BENCH_PORT must not be 55432 (the project's own cluster)" >&2; exit 2; }

OUT="$ROOT/bench/out"
LOGS="$OUT/logs"
LEGACY="$OUT/legacy"
RESULTS="$OUT/results.tsv"
APP="$ROOT/Epic16.Dashboard/bin/Release/net10.0/Epic16.Dashboard.dll"
LARGEST="$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -1)"
mkdir -p "$LOGS" "$LEGACY"

# --- tools -----------------------------------------------------------------------------------------------
ensure_postgres_binaries
command -v pgloader >/dev/null || { log "Installing Debian's pgloader"; apt_install pgloader; }
[ -x /usr/bin/time ] || { log "Installing GNU time"; apt_install time; }
command -v psql >/dev/null || apt_install postgresql-client

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release"
  (cd "$ROOT" && dotnet build Epic16.sln -c Release -v q -nologo >"$LOGS/build.log" 2>&1) || { tail -20 "$LOGS/build.log"; exit 1; }
fi

# --- the throwaway cluster ---------------------------------------------------------------------------------
log "Starting a throwaway PostgreSQL on 127.0.0.1:$PORT (default durability: fsync on)"
start_bench_cluster "$PORT" pg
export PGTZ=UTC
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -Atc "$2" "$1"; }
# Command Timeout=0: with Npgsql's default 30 s, `migrate` of 1M touchpoints fails on a loaded 2-core machine
# ("Exception while reading from stream": the COMMIT that runs the deferred foreign-key checks outlasts it).
CS="Host=127.0.0.1;Port=$PORT;Database=epic16;Username=postgres;${BENCH_CS_EXTRA-Command Timeout=0}"
PG_VERSION="$(sql postgres 'SHOW server_version')"
[ "$(sql postgres 'SHOW fsync')" = on ] || { echo "fsync is off: the comparison would not be fair" >&2; exit 1; }

app() { dotnet "$APP" "$@" --connection "$CS"; }

# --- the legacy sets: seed-demo for the parents, then touchpoints added in the legacy forms ---------------
stamp() { echo "scale=$SCALE size=$1 gen=$(sha256sum "$ROOT/bench/add-legacy-touchpoints.py" | cut -c1-16) seed=$(sha256sum "$ROOT/Epic16.Domain/bin/Release/net10.0/Epic16.Domain.dll" | cut -c1-16)"; }
BASE="$LEGACY/base"
if [ "$(cat "$BASE/.stamp" 2>/dev/null)" != "$(stamp 0)" ]; then
  log "seed-demo --scale $SCALE (the parent tables)"
  rm -rf "$BASE"; mkdir -p "$BASE"
  dotnet "$APP" seed-demo --scale "$SCALE" --legacy-dir "$BASE" --skip-crm --force >"$LOGS/seed-demo.log"
  stamp 0 >"$BASE/.stamp"
fi
previous="$BASE"
for size in $(printf '%s\n' "${SIZES[@]}" | sort -n); do
  dir="$LEGACY/$size"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$(stamp "$size")" ]; then
    log "Legacy set with $size touchpoints"
    rm -rf "$dir"; cp -r "$previous" "$dir"; rm -f "$dir/.stamp"
    python3 "$ROOT/bench/add-legacy-touchpoints.py" "$dir" "$size" | tee -a "$LOGS/legacy-sets.log" >&2
    stamp "$size" >"$dir/.stamp"
  fi
  previous="$dir"
done
CSV="$LEGACY/touchpoints-$LARGEST.csv"
if [ ! -s "$CSV" ] || [ "$CSV" -ot "$LEGACY/$LARGEST/.stamp" ]; then
  log "Exporting $LARGEST touchpoints to CSV (untimed)"
  python3 "$ROOT/bench/export-touchpoints-csv.py" "$LEGACY/$LARGEST" "$CSV" >&2
fi

# --- the schema and the parents ----------------------------------------------------------------------------
log "db migrate, then a full migrate of the base set (the parents of touchpoints)"
app db migrate >"$LOGS/db-migrate.log" 2>&1
set +e; app migrate --json --legacy-dir "$BASE" >"$LOGS/migrate-parents.json" 2>"$LOGS/migrate-parents.err"; rc=$?; set -e
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { echo "migrate of the parents failed ($rc)" >&2; cat "$LOGS/migrate-parents.err" >&2; exit 1; }

# --- timing helpers ------------------------------------------------------------------------------------------
WAIT_DEADLINE=$(( $(date +%s) + MAX_WAIT ))
load1() { cut -d' ' -f1 /proc/loadavg; }
wait_quiet() {
  while awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN { exit !(l >= q) }' && [ "$(date +%s)" -lt "$WAIT_DEADLINE" ]; do
    sleep 10
  done
}
# timed NAME -- command...: runs it under /usr/bin/time -v; sets SECONDS_TAKEN, RSS_KB, LOAD_BEFORE, RC.
timed() {
  local name="$1"; shift; shift
  sql epic16 "CHECKPOINT"
  wait_quiet
  LOAD_BEFORE="$(load1)"
  local t0 t1
  t0=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$LOGS/$name.time" "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err"
  RC=$?
  set -e
  t1=$(date +%s%N)
  SECONDS_TAKEN=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$LOGS/$name.time")
}
printf 'tool\trows\trun\tseconds\trows_per_s\tpeak_rss_mb\tload1_before\texit\tnote\n' >"$RESULTS"
record() { # tool rows run note
  local rps; rps=$(awk -v r="$2" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.0f", r / s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$SECONDS_TAKEN" "$rps" "$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')" "$LOAD_BEFORE" "$RC" "$4" >>"$RESULTS"
  log "$1 rows=$2 run=$3: ${SECONDS_TAKEN}s, $rps rows/s, peak RSS $((RSS_KB / 1024)) MB, load $LOAD_BEFORE, exit $RC"
}
json_field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$@"; }

# --- (a) our migrate -----------------------------------------------------------------------------------------
migrate_size() {
  local size="$1" repeat="$2" run name rows
  for run in $(seq "$repeat"); do
    sql epic16 "TRUNCATE abm_touchpoints"
    name="migrate-$size-$run"
    timed "$name" -- dotnet "$APP" migrate --tables touchpoints --json --legacy-dir "$LEGACY/$size" --connection "$CS"
    [ "$RC" -eq 0 ] || [ "$RC" -eq 3 ] || { echo "migrate failed ($RC): $(cat "$LOGS/$name.err")" >&2; exit 1; }
    rows=$(json_field "$LOGS/$name.out" 'd["tables"][0]["migrated_rows"]')
    [ "$rows" = "$(sql epic16 'SELECT count(*) FROM abm_touchpoints')" ] || { echo "migrate reported $rows rows, PostgreSQL holds another count" >&2; exit 1; }
    record migrate "$rows" "$run" "in-process copy $(json_field "$LOGS/$name.out" 'd["tables"][0]["duration_ms"]') ms; quarantined $(json_field "$LOGS/$name.out" 'd["tables"][0]["quarantined_rows"]'); source $size"
  done
}
# The largest set first: abm_touchpoints then holds it for (d); the smaller sizes (memory) come last.
migrate_size "$LARGEST" "$REPEAT"

# --- (b) pgloader with exact casts -------------------------------------------------------------------------------
for run in $(seq "$REPEAT"); do
  sql postgres "DROP DATABASE IF EXISTS pgloader_exact"
  sql postgres "CREATE DATABASE pgloader_exact"
  name="pgloader-exact-$LARGEST-$run"
  PGL_SOURCE="$LEGACY/$LARGEST/epic16_abm_campaigns.db" PGL_PORT="$PORT" \
    timed "$name" -- pgloader "$ROOT/bench/touchpoints-exact.load"
  [ "$RC" -eq 0 ] || { echo "pgloader failed ($RC): $(tail -5 "$LOGS/$name.err")" >&2; exit 1; }
  # pgloader exits 0 even when it lost rows: read its summary, and check against PostgreSQL's count.
  summary=$(cat "$LOGS/$name.out" "$LOGS/$name.err" | awk '$1 ~ /touchpoints"?$/ && NF >= 5 { print $2, $3; exit }')
  errors=${summary% *}; rows=${summary#* }
  counted=$(sql pgloader_exact "SELECT count(*) FROM touchpoints")
  score_type=$(sql pgloader_exact "SELECT data_type FROM information_schema.columns WHERE table_name = 'touchpoints' AND column_name = 'engagement_score'")
  [ "$rows" = "$counted" ] || { echo "pgloader's summary says $rows rows, PostgreSQL counts $counted" >&2; exit 1; }
  record pgloader-exact "$rows" "$run" "summary errors $errors; engagement_score $score_type; source $LARGEST"
done

# --- (c) raw psql \copy from CSV: the ceiling --------------------------------------------------------------------
for run in $(seq "$REPEAT"); do
  sql epic16 "DROP TABLE IF EXISTS bench_copy_touchpoints;
    CREATE TABLE bench_copy_touchpoints (id bigint, campaign_id bigint, prospect_id bigint, asset_id bigint, channel text,
      scheduled_at timestamptz, executed_at timestamptz, status text, engagement_score numeric(6,2), notes text)"
  name="copy-$LARGEST-$run"
  timed "$name" -- psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d epic16 -c "\\copy bench_copy_touchpoints FROM '$CSV' CSV"
  [ "$RC" -eq 0 ] || { echo "copy failed ($RC): $(cat "$LOGS/$name.err")" >&2; exit 1; }
  rows=$(awk '/^COPY/ { print $2 }' "$LOGS/$name.out")
  record raw-copy "$rows" "$run" "plain table, no keys or indexes; source $LARGEST"
done
sql epic16 "DROP TABLE bench_copy_touchpoints"

# --- (d) our validate over the whole largest set -----------------------------------------------------------------
total_rows=$(python3 - "$LEGACY/$LARGEST" <<'PY'
import sqlite3, sys, os
n = 0
for f in ("epic16_fortune500_acquisition.db", "epic16_abm_campaigns.db", "epic16_enterprise_onboarding.db"):
    db = sqlite3.connect(os.path.join(sys.argv[1], f))
    for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        n += db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
print(n)
PY
)
for run in $(seq "$VALIDATE_REPEAT"); do
  name="validate-$LARGEST-$run"
  timed "$name" -- dotnet "$APP" validate --json --legacy-dir "$LEGACY/$LARGEST" --connection "$CS"
  [ "$RC" -eq 0 ] || [ "$RC" -eq 4 ] || { echo "validate failed ($RC): $(cat "$LOGS/$name.err")" >&2; exit 1; }
  record validate "$total_rows" "$run" "all 15 tables ($LARGEST touchpoints); in-process $(json_field "$LOGS/$name.out" 'd.get("duration_ms")') ms; parity $(json_field "$LOGS/$name.out" 'd.get("parity_percent")') %; matches $(json_field "$LOGS/$name.out" 'd.get("matches")')"
done

# --- (a) again at the smaller sizes: does peak memory stay flat as rows grow? ---------------------------------------
for size in $(printf '%s\n' "${SIZES[@]}" | sort -n); do
  [ "$size" = "$LARGEST" ] || migrate_size "$size" "$SMALL_REPEAT"
done

# --- medians and the machine -------------------------------------------------------------------------------------
python3 - "$RESULTS" "$OUT/summary.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((r["tool"], int(r["rows"])), []).append(r)
with open(sys.argv[2], "w") as out:
    out.write("tool\trows\truns\tmedian_seconds\tmedian_rows_per_s\tmax_peak_rss_mb\tload1_before_runs\n")
    for (tool, n), rs in groups.items():
        s = statistics.median(float(r["seconds"]) for r in rs)
        out.write(f"{tool}\t{n}\t{len(rs)}\t{s:.3f}\t{n / s:.0f}\t{max(float(r['peak_rss_mb']) for r in rs):.1f}\t{' '.join(r['load1_before'] for r in rs)}\n")
print(open(sys.argv[2]).read())
PY
{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ { print $2 }')"
  echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "postgresql: $PG_VERSION (fsync $(sql postgres 'SHOW fsync'), synchronous_commit $(sql postgres 'SHOW synchronous_commit'), shared_buffers $(sql postgres 'SHOW shared_buffers'))"
  echo "dotnet: $(dotnet --version)"
  echo "pgloader: $(pgloader --version | head -1)"
  echo "uptime at the end: $(uptime)"
} | tee "$OUT/machine.txt"
log "Done: $OUT/summary.tsv, $RESULTS"

#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds in Release with warnings as errors, runs every test
# project (xunit.v3 on Microsoft.Testing.Platform) and ends with the line CI reads: `N passed, N failed`.
# Tests use a throwaway PostgreSQL cluster of their own, or EPIC16_TEST_PG (a connection string) when set.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_postgres_binaries
ensure_chromium
ensure_dotnet_tools

log "Building (Release, warnings as errors)"
dotnet build Epic16.sln -c Release -warnaserror -nologo -v quiet

REPORTS="$ROOT/TestResults/reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

log "Running the tests"
args=(--solution Epic16.sln -c Release --no-build --results-directory "$REPORTS" --report-xunit-xml --minimum-expected-tests 1)
# A hung test must not run out CI's clock in silence: after 10 minutes in which no test starts or finishes, the
# hang-dump extension writes the tests still running to *_hang.log and ends the test process (named below).
args+=(--hangdump --hangdump-timeout "${EPIC16_HANG_TIMEOUT:-10m}" --hangdump-type None)
if [ ! -t 1 ]; then args+=(--no-progress --no-ansi); fi
RUN_LOG="$ROOT/TestResults/test-run.log"
set +e
dotnet test "${args[@]}" "$@" 2>&1 | tee "$RUN_LOG"
runner_exit=${PIPESTATUS[0]}
set -e

# Counts come from the xUnit XML reports (one per test project): <assembly … passed="N" failed="N" errors="N" …>.
attribute_sum() {
  local name="$1"
  { grep -ho "<assembly [^>]*" "$REPORTS"/*.xml 2>/dev/null || true; } |
    sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" | awk '{ s += $1 } END { print s + 0 }'
}
passed="$(attribute_sum passed)"
failed=$(( $(attribute_sum failed) + $(attribute_sum errors) ))
# A test process the hang detector ended writes no XML report: its own summary ("succeeded: N", "failed: N") still counts.
summary_sum() { { grep -ho "^ *$1: [0-9]*" "$RUN_LOG" 2>/dev/null || true; } | awk '{ s += $2 } END { print s + 0 }'; }
if ! ls "$REPORTS"/*.xml >/dev/null 2>&1; then
  passed="$(summary_sum succeeded)"
  failed="$(summary_sum failed)"
fi

# A runner that failed without a failed test in any report (crash, fixture failure, no report written) is an error too.
if [ "$runner_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "The test runner exited with $runner_exit without reporting a failed test: counted as one failure"
  failed=1
fi

# Tests that were still running when the hang detector ended the run.
{ cat "$REPORTS"/*_hang.log 2>/dev/null || true; } | sort -u | sed 's/^/  hung: /'

# The names of failed tests, again at the end, so the tail of a long log says which ones failed.
if [ "$failed" -gt 0 ]; then
  { grep -ho '<test [^>]*result="Fail"' "$REPORTS"/*.xml 2>/dev/null || true; } |
    sed 's/.* name="\([^"]*\)".*/  failed: \1/' | sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g'
fi

status=0
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then log "No test ran"; fi
echo "$passed passed, $failed failed"
exit "$status"

#!/bin/sh
# Runs the unit tests and every script in tests/e2e/ and tests/faults/ against the
# build folder $1; sums their "N passed, N failed" lines into one last line.
# VALGRIND="valgrind ..." runs every program under it.
BUILD=${1:-build}
export LC_ALL=C
export CQ_BUILD="$BUILD"
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
$VALGRIND "$BUILD/unit_tests" >"$log" 2>&1 || status=1
grep -v '^ok ' "$log" | grep -E 'FAIL|passed|ERROR|runtime error|Sanitizer' || true
passed=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$log" | tail -1)
failed=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$log" | tail -1)
[ -n "$passed" ] || { passed=0; failed=1; echo "unit: the test program did not finish"; }
for t in "$here"/e2e/*.sh "$here"/faults/*.sh; do
  [ -f "$t" ] || continue
  sh "$t" "$BUILD" >"$log" 2>&1 || status=1
  grep -E 'FAIL|passed|runtime error|Sanitizer' "$log" || true
  p=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$log" | tail -1)
  f=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$log" | tail -1)
  if [ -z "$p" ]; then p=0; f=1; echo "$(basename "$t"): did not finish"; tail -5 "$log"; fi
  passed=$((passed + p)); failed=$((failed + f))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed"

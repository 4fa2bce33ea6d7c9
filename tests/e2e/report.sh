#!/bin/sh
# End-to-end checks of report.xlsx: runs tests/report_check.py (python3 with
# openpyxl, from Debian's python3-openpyxl) against the build folder $1.
# Last line: "report: N passed, N failed"; exit status non-zero on a failure.
BUILD=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C
py=""
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import openpyxl' 2>/dev/null; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  echo "FAIL - no python3 with openpyxl (sh scripts/setup.sh installs python3-openpyxl)"
  echo "report: 0 passed, 1 failed"
  exit 1
fi
"$py" "$here/report_check.py" "$BUILD"

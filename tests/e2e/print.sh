#!/bin/sh
# The printed pages of report.xlsx (issue 10): runs tests/print_check.py, which reads the
# workbook with python3's zipfile and XML parser only, against the build folder $1.
# Last line: "print: N passed, N failed"; exit status non-zero on a failure.
BUILD=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C
if ! command -v python3 >/dev/null 2>&1; then
  echo "FAIL - no python3 (sh scripts/setup.sh installs it)"
  echo "print: 0 passed, 1 failed"
  exit 1
fi
python3 "$here/print_check.py" "$BUILD"

#!/bin/sh
# End-to-end: the attack test of tests/privacy/attack.py. An insider reads the published
# files of three studies (the Malmö samples and two studies that tests/privacy/make_studies.py
# generates: crossed unit x profession, three waves) and tries to work out groups of fewer than
# min_group respondents (differencing within and across breakdowns, paired remainders, order
# statistics of a group of 5), sensitive item counts, ids and free text echoed in any output,
# and --min-group 1/2. Leaks that copsoq does not fix yet are listed in EXPECTED_LEAKS there.
# Needs numpy (python3-numpy, scripts/setup.sh).
# $1 = build folder.  Last line: "privacy: N passed, N failed".
BUILD=${1:-build}
PY=python3
$PY -c 'import numpy' 2>/dev/null || PY=/usr/bin/python3
if ! $PY -c 'import numpy' 2>/dev/null; then
  echo "FAIL privacy: numpy is missing (sh scripts/setup.sh installs python3-numpy)"
  echo "privacy: 0 passed, 1 failed"
  exit 1
fi
exec $PY tests/privacy/attack.py --bin "$BUILD/copsoq"

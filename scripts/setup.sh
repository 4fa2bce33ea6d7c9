#!/bin/sh
# Installs, from Debian's packages, whatever copsoq needs to build, test and render its report.
# Runs only apt-get for packages that are missing; safe to run again.  Needs root (or sudo).
#   sh scripts/setup.sh                 build and test (make demo)
#   sh scripts/setup.sh --with-render   + LibreOffice and poppler (make check renders the report)
#   sh scripts/setup.sh --with-tools    + clang, libFuzzer, time (make fuzz, make bench)
#   sh scripts/setup.sh --with-r        + R, PSPP (to regenerate tests/r and tests/data/por)
#   sh scripts/setup.sh --with-bench    + pandas, scipy, openpyxl (the peer in make bench)
set -eu
BUILD="build-essential pkg-config libcsv-dev zlib1g-dev libgsl-dev libxlsxwriter-dev libssl-dev
  libminizip-dev libexpat1-dev libreadstat-dev"
TEST="python3 python3-openpyxl python3-numpy readstat valgrind clang-format"   # readstat: writes the .sav fixtures
RENDER="libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito"
TOOLS="clang libclang-rt-14-dev time gzip"   # make fuzz, make bench
R="r-base-core r-cran-psych r-cran-foreign pspp"   # regenerating tests/r/ (psych: the alpha cross-check) and tests/data/por
BENCH="python3-pandas python3-scipy python3-openpyxl"   # make bench's pandas peer
want="$BUILD $TEST"
for opt in "$@"; do
  case "$opt" in
    --with-render) want="$want $RENDER" ;;
    --with-tools) want="$want $TOOLS" ;;
    --with-r) want="$want $R" ;;
    --with-bench) want="$want $BENCH" ;;
    *) echo "setup: unknown option $opt (--with-render, --with-tools, --with-r, --with-bench)" >&2; exit 2 ;;
  esac
done
missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

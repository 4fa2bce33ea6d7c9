#!/bin/sh
# Installs, from Debian's packages, whatever copsoq needs to build, test and render its report.
# Runs only apt-get for packages that are missing; safe to run again.  Needs root (or sudo).
set -eu
BUILD="build-essential pkg-config libcsv-dev zlib1g-dev libgsl-dev libxlsxwriter-dev libssl-dev"
TEST="python3 python3-openpyxl valgrind clang-format"
RENDER="libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito"
want="$BUILD $TEST"
case "${1:-}" in
  --with-render) want="$want $RENDER" ;;
esac
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

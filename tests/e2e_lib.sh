# e2e_lib.sh - sourced by every tests/e2e/*.sh after it sets NAME, with the
# build folder as $1: the binary, a temporary folder removed at exit, the
# pass/fail tally, one checker for a run's exit status, message and output
# folder, and the last line tests/run.sh reads.
BUILD=${1:-build}
BIN="$BUILD/copsoq"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $NAME: $*"; }

# expect CASE WANT_EXIT WANT_WORDS ARGS...: runs the binary with ARGS (under
# $VALGRIND when set); the exit status must be WANT_EXIT and the output hold
# WANT_WORDS; a refused run must leave $tmp/CASE empty.
expect() {
  name=$1; want=$2; words=$3; shift 3
  out="$tmp/$name"
  msg=$($VALGRIND "$BIN" "$@" 2>&1); rc=$?
  [ "$rc" -eq "$want" ] || { bad "$name: exit $rc, expected $want: $msg"; return 1; }
  case "$msg" in *"$words"*) ;; *) bad "$name: message lacks '$words': $msg"; return 1 ;; esac
  if [ "$want" -ne 0 ] && [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
    bad "$name: output folder not empty after refusal: $(ls -A "$out")"; return 1
  fi
  return 0
}

finish() {
  echo "$NAME: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

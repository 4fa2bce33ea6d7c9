#!/bin/sh
# Scaling benchmark (not a test; issue 8): each input dimension doubled three
# times from a small base, inputs from scripts/bench_gen.py.  Prints the CPU
# time (user + system, from /usr/bin/time) of `copsoq check` (every stage up
# to compare) and of `copsoq run` (with the CSV files and the report), and
# the ratio to the size before: linear cost gives about 2.0 per doubling
# (goal: at most 2.3).  Times under 0.05 s are too short for a ratio.
# Each time is the least of BENCH_REPEAT runs (default 3).
# $1 = build folder.  BENCH_DIMS limits the dimensions (default: all).
set -eu
BUILD=${1:-build}
BIN=$BUILD/copsoq
dir=$BUILD/bench_scaling
mkdir -p "$dir"
DIMS=${BENCH_DIMS:-"groups scales items longscale instrument population line"}
sizes() {
  case $1 in
    groups) echo 1000 2000 4000 8000 ;;          # one-person groups in one breakdown
    scales) echo 250 500 1000 2000 ;;            # scales of 2 items
    items) echo 1200 2400 4800 9600 ;;           # items in a wave (the column cap is 10,000)
    longscale) echo 1000 2000 4000 8000 ;;       # items in one scale
    instrument) echo 5000 10000 20000 40000 ;;   # items in the instrument (loading only)
    population) echo 12500 25000 50000 100000 ;; # rows of the population file
    line) echo 500000 1000000 2000000 4000000 ;; # bytes of one line (one field)
  esac
}
REPEAT=${BENCH_REPEAT:-3}
cpu() { # cpu ARGS...: user+system seconds, the least of REPEAT runs (each must exit 0);
  # the least, because a shared machine only ever adds time
  best=""
  for _ in $(seq "$REPEAT"); do
    case " $* " in *" --out "*) rm -rf "$dir/out" ;; esac
    /usr/bin/time -f "%U %S" -o "$dir/time" "$BIN" "$@" >/dev/null 2>"$dir/err" ||
      { echo "bench: copsoq $* failed: $(tail -2 "$dir/err")" >&2; exit 1; }
    t=$(awk '{ printf "%.2f", $1 + $2 }' "$dir/time")
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b >= 0.05) printf "%5.2fx", a / b; else printf "    - " }'; }
printf '%-11s %9s %8s %7s %8s %7s\n' dimension size check ratio run ratio
for d in $DIMS; do
  pc=""; pr=""
  for n in $(sizes $d); do
    gen=$d; [ $d = instrument ] && gen=items
    python3 scripts/bench_gen.py $gen $n "$dir/in" > "$dir/args"
    set -- $(cat "$dir/args")
    if [ $d = instrument ]; then
      c=$(cpu check --stop-after instrument "$@"); r=$c
    else
      c=$(cpu check "$@")
      r=$(cpu run "$@" --out "$dir/out")
    fi
    printf '%-11s %9s %8s %7s %8s %7s\n' $d $n $c "$([ -n "$pc" ] && ratio $c $pc)" $r "$([ -n "$pr" ] && ratio $r $pr)"
    pc=$c; pr=$r
  done
done
rm -rf "$dir/in" "$dir/out"

#!/bin/sh
# Benchmark (not a test), run by make bench after scripts/bench.sh: copsoq
# side by side with the libcsv floor (build/csv_floor: libcsv parsing the
# same bytes and counting fields, nothing else) and, when Debian's
# python3-pandas, python3-scipy and python3-openpyxl are installed
# (scripts/setup.sh --with-bench), the pandas peer (scripts/peer_pandas.py),
# all on the same generated files in the same run.
#
# Sizes: BENCH_SIZES respondents a wave (default "100000 1000000"), two
# waves made by repeating the Malmö samples with new ids.  Each program runs
# BENCH_REPEAT times (default 3) and the median wall time is shown with its
# user CPU and peak RSS.  The peer runs once and only up to BENCH_PEER_MAX
# respondents a wave (default 100000; at 1M it takes about a minute and 4 GB).
# Wall times depend on what else runs on the machine: compare user CPU, or
# instruction counts (BENCH_CALLGRIND=1 in scripts/bench.sh), between builds.
# $1 = build folder (with copsoq and csv_floor built).
set -eu
BUILD=${1:-build}
SIZES=${BENCH_SIZES:-"100000 1000000"}
REPEAT=${BENCH_REPEAT:-3}
PEER_MAX=${BENCH_PEER_MAX:-100000}
PY=/usr/bin/python3
INS=samples/instruments/copsoq3-se
GROUPS="--group forvaltning --group sektion --group yrke"

# gen ROWS DIR: DIR/w2016.csv and DIR/w2017.csv, ROWS respondents each
gen() {
  mkdir -p "$2"
  for y in 2016 2017; do
    if [ ! -s "$2/w$y.csv" ] || [ "$(($(wc -l < "$2/w$y.csv") - 1))" -ne "$1" ]; then
      awk -F, -v OFS=, -v rows="$1" '
        NR == 1 { print; next }
        { line[++n] = $0 }
        END { for (i = 0; i < rows; i++) { $0 = line[i % n + 1]; $1 = "B" int(i / n) "_" $1; print } }
      ' "samples/malmo/wave$y.csv" > "$2/w$y.csv"
    fi
  done
}

# measure NAME LOG CMD...: runs CMD REPEAT times (or once for the peer);
# appends "NAME wall user sys peakKiB" (the run with the median wall time) to LOG
measure() {
  name=$1 log=$2
  shift 2
  n=$REPEAT
  [ "$name" = pandas ] && n=1
  runs=$(mktemp)
  i=0
  while [ "$i" -lt "$n" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$runs.t" "$@" > "$runs.out" 2> "$runs.err" || {
      echo "bench: $name failed:" >&2; tail -5 "$runs.err" >&2; rm -f "$runs" "$runs".*; exit 1; }
    cat "$runs.t" >> "$runs"
    [ "$name" = copsoq ] && cp "$runs.err" "$log.stages"
    i=$((i + 1))
  done
  sort -n "$runs" | awk -v n="$n" -v name="$name" 'NR == int((n + 1) / 2) { print name, $0 }' >> "$log"
  rm -f "$runs" "$runs".*
}

have_peer=0
if $PY -c 'import pandas, scipy, openpyxl' 2>/dev/null; then
  have_peer=1
else
  echo "bench: no pandas peer (scripts/setup.sh --with-bench installs python3-pandas, -scipy, -openpyxl)"
fi
echo "bench: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs; wall times"
echo "bench: depend on other work on the machine, user CPU much less so"

for rows in $SIZES; do
  dir=$BUILD/bench/n$rows
  gen "$rows" "$dir"
  mb=$(ls -l "$dir/w2016.csv" "$dir/w2017.csv" | awk '{ s += $5 } END { printf "%.0f", s / 1e6 }')
  log=$dir/results
  : > "$log"
  measure copsoq "$log" "$BUILD/copsoq" run --instrument "$INS" --wave 2016="$dir/w2016.csv" \
    --wave 2017="$dir/w2017.csv" $GROUPS --out "$dir/out" -v
  measure floor "$log" "$BUILD/csv_floor" "$dir/w2016.csv" "$dir/w2017.csv"
  if [ "$have_peer" = 1 ] && [ "$rows" -le "$PEER_MAX" ]; then
    measure pandas "$log" $PY scripts/peer_pandas.py run --instrument "$INS" \
      --wave 2016="$dir/w2016.csv" --wave 2017="$dir/w2017.csv" $GROUPS --out "$dir/out-peer"
  fi
  echo
  echo "== $rows respondents a wave, 2 waves, $mb MB of CSV (median of $REPEAT runs; peer 1 run)"
  awk -v rows="$rows" '
    { name[NR] = $1; wall[$1] = $2; user[$1] = $3; sys[$1] = $4; mb[$1] = $5 / 1024 }
    END {
      printf "  %-14s %8s %8s %8s %9s\n", "", "wall s", "user s", "sys s", "peak MB"
      for (i = 1; i <= NR; i++)
        printf "  %-14s %8.2f %8.2f %8.2f %9.0f\n", name[i], wall[name[i]], user[name[i]], sys[name[i]], mb[name[i]]
      c = wall["copsoq"]
      printf "  copsoq / libcsv floor: %.1fx wall, %.1fx CPU\n", c / wall["floor"], (user["copsoq"] + sys["copsoq"]) / (user["floor"] + sys["floor"])
      if ("pandas" in wall)
        printf "  pandas peer / copsoq: %.1fx wall, %.1fx CPU, %.1fx peak memory\n", wall["pandas"] / c, (user["pandas"] + sys["pandas"]) / (user["copsoq"] + sys["copsoq"]), mb["pandas"] / mb["copsoq"]
      if (rows == 100000) {
        if ("pandas" in wall)
          printf "  goal at 100k: >= 10x faster than pandas: %s; <= 100 MB: %s\n", (wall["pandas"] / c >= 10) ? "met" : "NOT met", (mb["copsoq"] <= 100) ? "met" : "NOT met"
        else
          printf "  goal at 100k: <= 100 MB: %s (no peer to compare speed)\n", (mb["copsoq"] <= 100) ? "met" : "NOT met"
      }
      if (rows == 1000000)
        printf "  goal at 1M: <= 4 s wall: %s; <= 3x the floor: %s; <= 600 MB: %s\n", (c <= 4) ? "met" : "NOT met", (c <= 3 * wall["floor"]) ? "met" : "NOT met", (mb["copsoq"] <= 600) ? "met" : "NOT met"
    }' "$log"
  echo "  copsoq stages (-v):"
  grep -E 'stage|wave .*respondents' "$log.stages" | sed 's/^copsoq: /    /'
done

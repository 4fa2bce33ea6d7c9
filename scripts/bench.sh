#!/bin/sh
# Benchmark (not a test): builds a large wave pair by repeating the Malmö
# samples with new ids (BENCH_ROWS respondents per wave, default 200000),
# then measures wall time, peak memory and (with BENCH_CALLGRIND=1) the
# instruction count of one full run.  $1 = build folder.
set -eu
BUILD=${1:-build}
ROWS=${BENCH_ROWS:-200000}
dir=$BUILD/bench
mkdir -p "$dir"
for y in 2016 2017; do
  if [ ! -s "$dir/w$y.csv" ] || [ "$(($(wc -l < "$dir/w$y.csv") - 1))" -ne "$ROWS" ]; then
    awk -F, -v OFS=, -v rows="$ROWS" -v y="$y" '
      NR == 1 { print; next }
      { line[++n] = $0 }
      END { for (i = 0; i < rows; i++) { $0 = line[i % n + 1]; $1 = "B" int(i / n) "_" $1; print } }
    ' "samples/malmo/wave$y.csv" > "$dir/w$y.csv"
  fi
done
ls -l "$dir"/w*.csv | awk '{ printf "input: %s %.1f MB\n", $9, $5 / 1e6 }'
gzip -kf "$dir/w2017.csv"
run() {
  /usr/bin/time -f "%e s wall, %M KiB peak RSS" "$BUILD/copsoq" run \
    --instrument samples/instruments/copsoq3-se --wave 2016="$dir/w2016.csv" --wave 2017="$1" \
    --group forvaltning --group sektion --group yrke --out "$dir/out" -v 2>&1 | grep -E 'stage|peak'
}
echo "== plain CSV, $ROWS respondents a wave"
run "$dir/w2017.csv"
echo "== 2017 gzip-compressed"
run "$dir/w2017.csv.gz"
if [ "${BENCH_CALLGRIND:-0}" = 1 ]; then
  valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" "$BUILD/copsoq" run \
    --instrument samples/instruments/copsoq3-se --wave 2016="$dir/w2016.csv" \
    --wave 2017="$dir/w2017.csv" --group forvaltning --out "$dir/out" 2>&1 | grep -E 'refs'
fi

#!/bin/sh
# End-to-end: the waves run in threads of their own (pipeline/waves.c) and
# are merged in wave order, so any number of threads gives the same files
# byte for byte, quality rows carry their own wave, and of two bad waves the
# first one's error is reported, as if the waves ran one after the other.
# $1 = build folder.
NAME=waves
. tests/e2e_lib.sh
T=tests/data
INS=samples/instruments/copsoq3-se
export SOURCE_DATE_EPOCH=1700000000

# wave b: one bad answer on line 3 (QD1 of the second respondent) and line 2 again as line 62
awk -F, -v OFS=, 'NR == 3 { $5 = "x" } { print } NR == 2 { first = $0 } END { print first }' \
  $T/small/w2017.csv > "$tmp/b.csv"
WAVES="--wave a=$T/small/w2016.csv --wave b=$tmp/b.csv --wave c=$T/small/w2016.csv"
for n in 1 2 3; do
  COPSOQ_THREADS=$n "$BIN" run --instrument $INS $WAVES --group forvaltning --group yrke \
    --min-group 3 --out "$tmp/t$n" 2>"$tmp/t$n.err" && ok || bad "threads=$n: $(cat "$tmp/t$n.err")"
done
for f in scale_summary.csv reliability.csv reliability_items.csv comparison.csv quality.csv \
  item_summary.csv report.xlsx; do
  cmp -s "$tmp/t1/$f" "$tmp/t2/$f" && cmp -s "$tmp/t1/$f" "$tmp/t3/$f" && ok ||
    bad "$f differs between 1, 2 and 3 threads"
done
# quality.csv: both rows belong to wave b (the second of three), at lines 3 and 62
[ "$(cut -d, -f1,3,5 "$tmp/t2/quality.csv" | tail -n +2 | tr '\n' ' ')" = \
  "b,3,invalid_value b,62,duplicate_id " ] && ok ||
  bad "quality.csv rows are not wave b's: $(cat "$tmp/t2/quality.csv")"
# the summary rows of wave c are those of wave a (the same file)
[ "$(grep '^a,' "$tmp/t2/scale_summary.csv" | cut -d, -f2-)" = \
  "$(grep '^c,' "$tmp/t2/scale_summary.csv" | cut -d, -f2-)" ] && ok ||
  bad "scale_summary.csv: waves a and c differ"

# two bad waves: the first one's error, whatever the threads' timing
for n in 1 2; do
  COPSOQ_THREADS=$n expect first_error$n 1 "missing_item.csv: line 1: 1 item column" run \
    --instrument $INS --wave a=$T/small/w2016.csv --wave b=$T/bad/missing_item.csv \
    --wave c=$T/bad/empty.csv --out "$tmp/first_error$n" && ok
done
# an ingest error wins over a population error (population runs after ingest)
printf 'breakdown,group,headcount\nall,all,-3\n' > "$tmp/pop.csv"
expect ingest_before_population 1 "empty.csv: the file is empty" run --instrument $INS \
  --wave a=$T/small/w2016.csv --wave b=$T/bad/empty.csv --population "$tmp/pop.csv" \
  --out "$tmp/ingest_before_population" && ok
expect population_error 1 "pop.csv: line 2" run --instrument $INS --wave a=$T/small/w2016.csv \
  --wave b=$T/small/w2017.csv --population "$tmp/pop.csv" --out "$tmp/population_error" && ok

# -v: each wave's lines together and in wave order
"$BIN" run --instrument $INS $WAVES --out "$tmp/v" -v 2>"$tmp/v.err" >/dev/null
[ "$(grep -o '^copsoq: wave [abc]: [a-z][a-z]*' "$tmp/v.err" | cut -d' ' -f3,4 | tr '\n' ' ')" = \
  "a: ingest a: score a: summarise a: reliability b: ingest b: score b: summarise b: reliability c: ingest c: score c: summarise c: reliability " ] &&
  ok || bad "-v: wave lines out of order: $(cat "$tmp/v.err")"
finish

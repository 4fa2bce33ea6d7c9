#!/bin/sh
# End-to-end: reliability.csv, reliability_items.csv and comparison.csv against the
# independent R reference (tests/r/compare_reference.R; its outputs are committed in
# tests/r/compare_3waves/ and tests/r/malmo_compare/; to regenerate them:
#   Rscript tests/r/compare_reference.R tests/data/compare tests/r/compare_3waves unit,role 3 \
#     2015=tests/data/compare/wave1.csv 2016=tests/data/compare/wave2.csv 2017=tests/data/compare/wave3.csv
#   Rscript tests/r/compare_reference.R samples/instruments/copsoq3-se tests/r/malmo_compare \
#     forvaltning,sektion,yrke 5 2016=samples/malmo/wave2016.csv 2017=samples/malmo/wave2017.csv
#   1. three waves of tests/data/compare (groups unit, role; --min-group 3): consecutive
#      pairs only, a unit in one wave only, a scale nobody answered, paired suppression
#   2. the Malmö samples (two waves; forvaltning, sektion, yrke; min_group 5), and the
#      true effects of samples/malmo/README.md
#   3. waves given in the other order: pairs as given, differences negated
#   4. no "nan"/"inf" text in any CSV file
# $1 = build folder.  Last line: "compare: N passed, N failed".
NAME=compare
. tests/e2e_lib.sh
same_as_r() { # GOT_DIR REF_DIR
  for spec in comparison.csv:breakdown,group,scale,design,wave_a,wave_b \
              reliability.csv:wave,scale reliability_items.csv:wave,scale,item; do
    f=${spec%%:*}
    out=$(python3 tests/compare_csv.py "$1/$f" "$2/$f" "${spec#*:}" --rel 1e-9 --abs 1e-12 \
          --extra-hidden-ok)
    echo "$out" | grep FAIL | head -5
    echo "$out" | tail -1 | grep -q ' 0 failed' && ok || bad "$1/$f differs from $2/$f"
  done
}

D=tests/data/compare
if $VALGRIND "$BIN" run --instrument $D --wave 2015=$D/wave1.csv --wave 2016=$D/wave2.csv \
    --wave 2017=$D/wave3.csv --group unit --group role --min-group 3 --out "$tmp/three" \
    >"$tmp/log" 2>&1; then ok; else bad "three-wave run failed: $(cat "$tmp/log")"; fi
same_as_r "$tmp/three" tests/r/compare_3waves
grep -q '^[^,]*,[^,]*,[^,]*,[^,]*,2015,2017,' "$tmp/three/comparison.csv" \
  && bad "a comparison of non-consecutive waves 2015 -> 2017" || ok

M=samples/malmo
G="--group forvaltning --group sektion --group yrke"
if $VALGRIND "$BIN" run --instrument samples/instruments/copsoq3-se --wave 2016=$M/wave2016.csv \
    --wave 2017=$M/wave2017.csv $G --out "$tmp/malmo" >"$tmp/log" 2>&1; then ok
else bad "Malmö run failed: $(cat "$tmp/log")"; fi
same_as_r "$tmp/malmo" tests/r/malmo_compare
# samples/malmo/README.md, "True effects": all/independent rows
python3 - "$tmp/malmo/comparison.csv" <<'PY' && ok || bad "Malmö effects differ from samples/malmo/README.md"
import csv, sys
want = {"MW": ("1", "better"), "CO": ("1", "better"), "JS": ("1", "better"),
        "IN": ("1", "better"), "QL": ("0", "better"), "SS": ("0", "better")}
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if r["breakdown"] == "all" and r["design"] == "independent"]
bad = [(r["scale"], r["relevance"], r["change"]) for r in rows
       if (r["relevance"], r["change"]) != want.get(r["scale"], ("0", "none"))]
print("FAIL compare: Malmö scales not as README says:", bad) if bad else None
sys.exit(1 if bad or len(rows) != 26 else 0)
PY

# the same two waves in the other order: pairs as given (2017 -> 2016), diff negated
if $VALGRIND "$BIN" run --instrument $D --wave 2016=$D/wave2.csv --wave 2015=$D/wave1.csv \
    --group unit --min-group 3 --out "$tmp/rev" >"$tmp/log" 2>&1; then ok
else bad "reversed run failed: $(cat "$tmp/log")"; fi
python3 - "$tmp/three/comparison.csv" "$tmp/rev/comparison.csv" <<'PY' && ok || bad "reversed order"
import csv, sys
fwd = {(r["breakdown"], r["group"], r["scale"]): r for r in csv.DictReader(open(sys.argv[1]))
       if r["design"] == "independent" and r["wave_a"] == "2015" and r["breakdown"] != "role"}
rev = [r for r in csv.DictReader(open(sys.argv[2])) if r["design"] == "independent"]
errs = 0
for r in rev:
    f = fwd[(r["breakdown"], r["group"], r["scale"])]
    errs += (r["wave_a"], r["wave_b"]) != ("2016", "2015") or r["suppressed"] != f["suppressed"]
    if f["suppressed"] == "0":
        errs += abs(float(r["diff"]) + float(f["diff"])) > 1e-9 or \
                abs(float(r["p"]) - float(f["p"])) > 1e-12
sys.exit(1 if errs or len(rev) != len(fwd) else 0)
PY

for f in "$tmp"/*/*.csv; do
  if grep -qiE '(^|,)-?(nan|inf|infinity)(,|$)' "$f"; then bad "$f holds NaN or inf text"; else ok; fi
done

finish

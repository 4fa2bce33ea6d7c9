#!/bin/sh
# End-to-end on the Malmö samples against the independent R reference
# (tests/r/summary_reference.R; its output tests/r/malmo_scale_summary.csv is
# committed).  Also: the same data as gzip + semicolon + CRLF + Windows-1252
# must give identical statistics.  $1 = build folder.
NAME=reference
. tests/e2e_lib.sh
INS=samples/instruments/copsoq3-se
G="--group forvaltning --group sektion --group yrke"

if $VALGRIND "$BIN" run --instrument $INS --wave 2016=samples/malmo/wave2016.csv \
    --wave 2017=samples/malmo/wave2017.csv $G --out "$tmp/a" >"$tmp/log" 2>&1; then ok
else bad "run failed: $(cat "$tmp/log")"; fi
out=$(python3 tests/compare_csv.py "$tmp/a/scale_summary.csv" tests/r/malmo_scale_summary.csv \
      wave,breakdown,group,scale --rel 1e-9)
echo "$out" | grep FAIL
echo "$out" | tail -1 | grep -q ' 0 failed' && ok || bad "scale_summary.csv differs from R"

# quality rows the generator planted (samples/malmo/README.md)
grep -q '^2017,.*wave2017.csv,101,QD2,invalid_value' "$tmp/a/quality.csv" && ok || bad "QD2 line 101 not listed"
grep -q '^2017,.*wave2017.csv,401,JS4,invalid_value' "$tmp/a/quality.csv" && ok || bad "JS4 line 401 not listed"
grep -q '^2017,.*wave2017.csv,702,,duplicate_id' "$tmp/a/quality.csv" && ok || bad "duplicate id line 702 not listed"
[ "$(wc -l < "$tmp/a/quality.csv")" -eq 4 ] && ok || bad "quality.csv has other rows: $(cat "$tmp/a/quality.csv")"
grep -q 'M0' "$tmp/a/scale_summary.csv" "$tmp/a/quality.csv" "$tmp/a/comparison.csv" && bad "an id leaked" || ok

# item_summary.csv against an independent count in Python (codes or labels in either
# language, case-insensitive; options without points such as "Vet inte" are counted as
# themselves; anything else is "no answer"; a repeated id keeps its first row).  The
# issue's example, Malmö 2016 TM1, by this count: 26 "Vet inte" (2.6 %), 32 no answer (3.2 %).
python3 - "$tmp/a/item_summary.csv" <<'PY' && ok || bad "item_summary.csv differs from the Python count"
import csv, sys
ins = "samples/instruments/copsoq3-se"
items = list(csv.DictReader(open(f"{ins}/items.csv", encoding="utf-8")))
opts = {}
for o in csv.DictReader(open(f"{ins}/response_sets.csv", encoding="utf-8")):
    opts.setdefault(o["response_set"], []).append(o)
got = {(r["wave"], r["item"], r["code"]): r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
bad = 0
for wave in ("2016", "2017"):
    rows, seen = [], set()
    for r in csv.DictReader(open(f"samples/malmo/wave{wave}.csv", encoding="utf-8")):
        if r["id"] not in seen:
            seen.add(r["id"]); rows.append(r)
    for it in items:
        count = {}
        for r in rows:
            v = r[it["item"]].strip()
            code = ""
            for o in opts[it["response_set"]]:
                if v == o["code"] or v.lower() in (o["label_en"].lower(), o["label_sv"].lower()):
                    code = o["code"]
            count[code] = count.get(code, 0) + 1
        if wave == "2016" and it["item"] == "TM1" and (len(rows), count.get("6"), count.get("")) != (1000, 26, 32):
            bad += 1
            print("FAIL TM1 2016: respondents, Vet inte, no answer =", len(rows), count.get("6"), count.get(""))
        for o in opts[it["response_set"]] + [{"code": "", "points": "x"}]:
            g = got.get((wave, it["item"], o["code"]))
            n = count.get(o["code"], 0)
            if g is None or int(g["n"]) != n or abs(float(g["share"]) - n / len(rows)) > 1e-12:
                bad += 1
                if bad < 5:
                    print("FAIL item_summary", wave, it["item"], o["code"], n, g and g["n"])
sys.exit(1 if bad else 0)
PY

# the same 2017 data, re-encoded: semicolon, CRLF, Windows-1252, gzip without .gz name
python3 - "$tmp" <<'PY'
import csv, gzip, io, sys
tmp = sys.argv[1]
text = open("samples/malmo/wave2017.csv", encoding="utf-8").read()
rows = list(csv.reader(io.StringIO(text)))
buf = io.StringIO()
csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
open(f"{tmp}/w2017.dat", "wb").write(gzip.compress(buf.getvalue().encode("cp1252")))
PY
if $VALGRIND "$BIN" run --instrument $INS --wave 2016=samples/malmo/wave2016.csv \
    --wave 2017="$tmp/w2017.dat" $G --out "$tmp/b" >"$tmp/log" 2>&1; then ok
else bad "re-encoded run failed: $(cat "$tmp/log")"; fi
for f in scale_summary.csv reliability.csv comparison.csv item_summary.csv; do
  cmp -s "$tmp/a/$f" "$tmp/b/$f" && ok || bad "$f differs for the re-encoded input"
done
cut -d, -f3- "$tmp/a/quality.csv" > "$tmp/qa"; cut -d, -f3- "$tmp/b/quality.csv" > "$tmp/qb"
cmp -s "$tmp/qa" "$tmp/qb" && ok || bad "quality rows differ for the re-encoded input"

finish

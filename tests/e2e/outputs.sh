#!/bin/sh
# End-to-end: the researcher's and auditor's files of issue 10 - codebook.csv,
# response_rates.csv, provenance.csv (build commit, linked libraries, study
# file SHA-256) - and the warning for byte-identical wave files.  Expected
# values come from the input files (Python over them, sha256sum) and from the
# head counts by hand (1000 of 1060, 118 of 126).  $1 = build folder.
NAME=outputs
. tests/e2e_lib.sh
M=samples/malmo
INS=samples/instruments/copsoq3-se

expect run 0 "" run $M/study.ini --out "$tmp/run" && ok

# provenance.csv: commit, libraries, the study file's SHA-256
P="$tmp/run/provenance.csv"
grep -q '^program,git_commit,.' "$P" && ok || bad "no git_commit in provenance.csv"
for lib in gsl libxlsxwriter zlib openssl; do
  grep -q "^library,$lib,[0-9A-Za-z]" "$P" && ok || bad "no $lib version in provenance.csv"
done
want=$(sha256sum $M/study.ini | cut -d' ' -f1)
grep -q "^study,sha256,$want\$" "$P" && ok || bad "study sha256 is not $want"

# codebook.csv: one row per item and option of the instrument files, points
# empty for options without points ("Vet inte")
python3 - "$tmp/run/codebook.csv" $INS <<'PY' && ok || bad "codebook.csv differs from the instrument files"
import csv, sys
cb = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
ins = sys.argv[2]
items = list(csv.DictReader(open(ins + "/items.csv", encoding="utf-8")))
sets = {}
for o in csv.DictReader(open(ins + "/response_sets.csv", encoding="utf-8")):
    sets.setdefault(o["response_set"], []).append(o)
scales = {s["scale"]: s for s in csv.DictReader(open(ins + "/scales.csv", encoding="utf-8"))}
want = {(i["item"], o["code"]): (o["points"], o["label_sv"], scales[i["scale"]]["higher_is"])
        for i in items for o in sets[i["response_set"]]}
got = {(r["item"], r["code"]): (r["points"] and "%g" % float(r["points"]), r["option_label_sv"],
                                r["higher_is"]) for r in cb}
want = {k: (v[0] and "%g" % float(v[0]), v[1], v[2]) for k, v in want.items()}
ok = got == want and len(cb) == len(want) and got[("TM1", "6")] == ("", "Vet inte", "good")
if not ok:
    print("FAIL codebook", len(cb), len(want), [k for k in want if got.get(k) != want[k]][:3])
sys.exit(0 if ok else 1)
PY

# response_rates.csv: the head counts by hand (samples/malmo/README.md, population.csv)
R="$tmp/run/response_rates.csv"
grep -q '^2016,all,all,1000,1060,0.943396226415094,0$' "$R" && ok || bad "2016 all: 1000 / 1060"
grep -q '^2017,all,all,831,1045,0.795215311004785,0$' "$R" && ok || bad "2017 all: 831 / 1045"
grep -q '^2016,forvaltning,Funktionsstöd,118,126,' "$R" && ok || bad "Funktionsstöd 2016: 118 / 126"
# a withheld group: no count, no rate (administratör 2016 has 4 answers)
grep -q '^2016,yrke,administratör,,,,1$' "$R" && ok || bad "administratör 2016 not withheld: $(grep administratör "$R")"

# [labels] in the study file: the breakdown's name as readers know it
unzip -p "$tmp/run/report.xlsx" xl/sharedStrings.xml | grep -q 'Per förvaltning' && ok ||
  bad "the study file's label Förvaltning is not the breakdown sheet's heading"
# ... and the sheet's name (the tab a reader looks for), the others by their labels too
for l in Förvaltning Sektion Yrke; do
  unzip -p "$tmp/run/report.xlsx" xl/workbook.xml | grep -q "<sheet name=\"$l\"" && ok ||
    bad "no sheet named $l (the study file's label)"
done
# in English, "forvaltning.en = Administration": the sheet and its heading
expect run_en 0 "" run $M/study.ini --lang en --out "$tmp/run_en" && ok
for l in Administration Section Occupation; do
  unzip -p "$tmp/run_en/report.xlsx" xl/workbook.xml | grep -q "<sheet name=\"$l\"" && ok ||
    bad "no sheet named $l (the study file's English label)"
done
unzip -p "$tmp/run_en/report.xlsx" xl/sharedStrings.xml | grep -q 'By administration' && ok ||
  bad "the English label Administration is not the breakdown sheet's heading"
printf '[study]\ninstrument = %s\n[labels]\nforvaltning =\n[waves]\n2016 = %s\n' \
  "$PWD/$INS" "$PWD/$M/wave2016.csv" > "$tmp/badlabel.ini"
expect badlabel 1 "line 4: the label of 'forvaltning' is empty" run "$tmp/badlabel.ini" \
  --out "$tmp/badlabel" && ok

# byte-identical wave files: a warning naming both
expect same 0 "are byte-identical files" run --instrument $INS --wave a=$M/wave2016.csv \
  --wave b=$M/wave2016.csv --out "$tmp/same" && ok
finish

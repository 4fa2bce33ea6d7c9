#!/bin/sh
# End-to-end: strict numbers and unambiguous labels (issue 8).
#  - instrument: codes are an optional '-' and decimal digits, points and
#    cut-offs decimal digits with an optional decimal part: 0x40, 1e2, +1,
#    inf are refused with the file and line;
#  - a label that is another option's code, or a missing-value token (NA, .)
#    as a scored option's label, is refused with the file and line;
#  - population: a head count is decimal digits (0x10 and 1e3 refused);
#    below the respondents it is a warning naming file and line, and the
#    report shows the rate as 100 % with a note.
# $1 = build folder.  Last line: "strict: N passed, N failed".
NAME=strict
. tests/e2e_lib.sh
C=tests/data/compare
WAVES="--wave 1=$C/wave1.csv --wave 2=$C/wave2.csv --group unit"
case_() { expect "$@" && ok; }

# ins NAME SED: an instrument folder $tmp/ins_NAME whose response_sets.csv is the
# compare study's edited by SED (line numbers are the file's)
ins() {
  mkdir -p "$tmp/ins_$1"
  cp $C/items.csv $C/scales.csv "$tmp/ins_$1/"
  sed "$2" $C/response_sets.csv > "$tmp/ins_$1/response_sets.csv"
}
ins hex_points 's/^f5,2,75,/f5,2,0x40,/'
case_ hex_points 1 "response_sets.csv: line 3: points '0x40' must be a number from 0 to 100" run --instrument "$tmp/ins_hex_points" $WAVES --out "$tmp/hex_points_out"
ins exp_points 's/^f5,1,100,/f5,1,1e2,/'
case_ exp_points 1 "response_sets.csv: line 2: points '1e2' must be a number" run --instrument "$tmp/ins_exp_points" $WAVES --out "$tmp/exp_points_out"
ins plus_code 's/^f5,3,50,/f5,+3,50,/'
case_ plus_code 1 "response_sets.csv: line 4: code '+3' is not an integer" run --instrument "$tmp/ins_plus_code" $WAVES --out "$tmp/plus_code_out"
ins hex_code 's/^f5,3,50,/f5,0x3,50,/'
case_ hex_code 1 "response_sets.csv: line 4: code '0x3' is not an integer" run --instrument "$tmp/ins_hex_code" $WAVES --out "$tmp/hex_code_out"
ins label_code 's/^f5,1,100,Always,Alltid/f5,1,100,2,Alltid/'
case_ label_code 1 "response_sets.csv: line 3: in response set 'f5', the label '2' of code 1 (line 2) is the code of another option (line 3)" run --instrument "$tmp/ins_label_code" $WAVES --out "$tmp/label_code_out"
ins label_code_later 's/^f5,5,0,Never,Aldrig/f5,5,0,Never,3/'
case_ label_code_later 1 "response_sets.csv: line 6: in response set 'f5', the label '3' of code 5 (line 6) is the code of another option (line 4)" run --instrument "$tmp/ins_label_code_later" $WAVES --out "$tmp/label_code_later_out"
ins label_na 's/^f5,4,25,Seldom,Sällan/f5,4,25,NA,Sällan/'
case_ label_na 1 "response_sets.csv: line 5: label 'NA' of code 4 in response set 'f5' is a missing-value token" run --instrument "$tmp/ins_label_na" $WAVES --out "$tmp/label_na_out"
ins label_dot 's/^e5,3,50,Somewhat,Delvis/e5,3,50,Somewhat,./'
case_ label_dot 1 "response_sets.csv: line 10: label '.' of code 3 in response set 'e5' is a missing-value token" run --instrument "$tmp/ins_label_dot" $WAVES --out "$tmp/label_dot_out"
# allowed: NA as the label of an option that counts as missing, a label equal
# to its own code, and points with a decimal part
ins fine 's/^f5,6,,Don.t know,Vet inte/f5,6,,NA,Vet inte/; s/^f5,1,100,Always/f5,1,100,1/; s/^f5,2,75,/f5,2,75.0,/'
case_ fine 0 "" run --instrument "$tmp/ins_fine" $WAVES --out "$tmp/fine_out"

# population head counts
INS=samples/instruments/copsoq3-se
GOOD="--instrument $INS --wave 2016=tests/data/small/w2016.csv --wave 2017=tests/data/small/w2017.csv --group forvaltning"
for v in 0x10 1e3 +16 -4 ' ' inf; do
  printf 'breakdown,group,headcount\nall,all,%s\n' "$v" > "$tmp/pop.csv"
  case_ "pop_$v" 1 "pop.csv: line 2: headcount '$(echo "$v" | sed 's/^ *//')' is not a positive number" run $GOOD --population "$tmp/pop.csv" --out "$tmp/pop_out"
done
n17=$(($(wc -l < tests/data/small/w2017.csv) - 1))
printf 'breakdown,group,headcount\nall,all,%s\n' "$((n17 - 1))" > "$tmp/under.csv"
case_ under 0 "under.csv: line 2: wave 2017, all / all: head count $((n17 - 1)) is below the $n17 respondents" run $GOOD --population "$tmp/under.csv" --lang en --out "$tmp/under"
python3 - "$tmp/under/report.xlsx" <<'PY' && ok || bad "under: the report lacks the 100 % rate or its note"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/"))
assert "the response rate is shown as 100%" in text, "no note"
assert "100.0%" in text or "100%" in text
PY
printf 'breakdown,group,headcount\nall,all,12.5\n' > "$tmp/fte.csv"
case_ fte 0 "" run $GOOD --population "$tmp/fte.csv" --out "$tmp/fte"
finish

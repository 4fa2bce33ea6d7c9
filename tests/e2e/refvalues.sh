#!/bin/sh
# End-to-end: reference values (--reference FILE, study file `reference =`).
# The Malmö samples with their FICTITIOUS reference file; refusals of a file
# of another instrument or version, of an instrument folder that does not
# state its name and version, and of bad rows (exit 1, file and line named).
# The comparison itself (difference, Welch p from the summary figures) is
# checked in tests/report_check.py against Python.  $1 = build folder.
NAME=refvalues
. tests/e2e_lib.sh
INS=samples/instruments/copsoq3-se
M=samples/malmo
RUN="run --instrument $INS --wave 2016=$M/wave2016.csv --wave 2017=$M/wave2017.csv --group forvaltning"

# the demo's reference file is accepted, from the command line and the study file
expect ok 0 "" $RUN --reference $M/reference_fictitious.csv --out "$tmp/ok" && ok
[ -s "$tmp/ok/report.xlsx" ] && ok || bad "no report with --reference"
expect study 0 "" run $M/study.ini --out "$tmp/study" && ok
grep -q '^reference,' "$tmp/study/provenance.csv" && ok || bad "provenance.csv lacks the reference file"

# another instrument or version: refused, naming the file, the line and both names
sed 's/COPSOQ III SE$/COPSOQ II SE/' $M/reference_fictitious.csv > "$tmp/ref_ii.csv"
expect version 1 "ref_ii.csv: line 2: the values are of the instrument 'COPSOQ II SE', but this run uses 'COPSOQ III SE'" \
  $RUN --reference "$tmp/ref_ii.csv" --out "$tmp/version" && ok
# the same instrument written differently is the same
sed 's/COPSOQ III SE$/copsoq  iii se/' $M/reference_fictitious.csv > "$tmp/ref_case.csv"
expect case 0 "" $RUN --reference "$tmp/ref_case.csv" --out "$tmp/case" && ok

# an instrument folder without instrument.csv cannot be checked: refused
mkdir -p "$tmp/ins_noname"
cp $INS/items.csv $INS/response_sets.csv $INS/scales.csv "$tmp/ins_noname/"
expect noname 1 "does not state its name and version" run --instrument "$tmp/ins_noname" \
  --wave 2016=$M/wave2016.csv --reference $M/reference_fictitious.csv --out "$tmp/noname" && ok
# ... but it runs without a reference file
expect noname_noref 0 "" run --instrument "$tmp/ins_noname" --wave 2016=$M/wave2016.csv \
  --out "$tmp/noname_noref" && ok

# bad rows
printf 'scale,mean,sd,n,source,instrument\nXX,50,20,100,demo,COPSOQ III SE\n' > "$tmp/r1.csv"
expect unknown 1 "r1.csv: line 2: 'XX' is not a scale" $RUN --reference "$tmp/r1.csv" --out "$tmp/o1" && ok
printf 'scale,mean,sd,n,source,instrument\nQD,150,20,100,demo,COPSOQ III SE\n' > "$tmp/r2.csv"
expect mean 1 "r2.csv: line 2: mean '150'" $RUN --reference "$tmp/r2.csv" --out "$tmp/o2" && ok
printf 'scale,mean,sd,n,source,instrument\nQD,50,20,100,demo,COPSOQ III SE\nQD,51,20,100,demo,COPSOQ III SE\n' > "$tmp/r3.csv"
expect dup 1 "r3.csv: line 3: scale 'QD' again (first on line 2)" $RUN --reference "$tmp/r3.csv" --out "$tmp/o3" && ok
printf 'scale,mean,sd,n,source\nQD,50,20,100,demo\n' > "$tmp/r4.csv"
expect column 1 "r4.csv: line 1: no column 'instrument'" $RUN --reference "$tmp/r4.csv" --out "$tmp/o4" && ok
printf 'scale,mean,sd,n,source,instrument\nQD,50,20,100,,COPSOQ III SE\n' > "$tmp/r5.csv"
expect source 1 "r5.csv: line 2: empty source" $RUN --reference "$tmp/r5.csv" --out "$tmp/o5" && ok

# the comparison in the workbook is checked in tests/report_check.py
finish

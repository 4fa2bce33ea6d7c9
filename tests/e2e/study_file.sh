#!/bin/sh
# End-to-end: the study file (issue 8) and SOURCE_DATE_EPOCH.
#  - a key set twice is an error naming both lines (a group may be given
#    several times, but each value once; a wave label once);
#  - lines of any length: a 10,000-byte comment whose tail looks like a
#    setting stays a comment, and a value padded with 20,000 spaces is read;
#  - SOURCE_DATE_EPOCH: digits only, else exit 2 naming the variable; when
#    valid, provenance.csv says it was used; empty means the clock.
# $1 = build folder.  Last line: "study_file: N passed, N failed".
NAME=study_file
. tests/e2e_lib.sh
T=tests/data
INS=$PWD/samples/instruments/copsoq3-se
W16=$PWD/$T/small/w2016.csv
W17=$PWD/$T/small/w2017.csv
case_() { expect "$@" && ok; }

ini() { # ini NAME: writes $tmp/NAME.ini from stdin
  cat > "$tmp/$1.ini"
}

printf '[study]\ninstrument = %s\nmin_group = 3\nmin_group = 10\nout = %s\n[waves]\n2016 = %s\n' \
  "$INS" "$tmp/dup_key" "$W16" | ini dup_key
case_ dup_key 1 "dup_key.ini: line 4: 'min_group' is set again (first on line 3)" run "$tmp/dup_key.ini"
printf '[study]\ninstrument = %s\nout = %s\n[waves]\n2016 = %s\n2017 = %s\n2016 = %s\n' \
  "$INS" "$tmp/dup_wave" "$W16" "$W17" "$W17" | ini dup_wave
case_ dup_wave 1 "dup_wave.ini: line 7: '2016' is set again (first on line 5)" run "$tmp/dup_wave.ini"
printf '[study]\ninstrument = %s\ngroup = forvaltning\ngroup = yrke\ngroup = forvaltning\nout = %s\n[waves]\n2016 = %s\n' \
  "$INS" "$tmp/dup_group" "$W16" | ini dup_group
case_ dup_group 1 "dup_group.ini: line 5: 'group' is set again (first on line 3)" run "$tmp/dup_group.ini"
printf '[study]\nout = %s\ninstrument = %s\n[waves]\n2016 = %s\n[study]\nout = %s/other\n' \
  "$tmp/dup_section" "$INS" "$W16" "$tmp/dup_section" | ini dup_section
case_ dup_section 1 "dup_section.ini: line 7: 'out' is set again (first on line 2)" run "$tmp/dup_section.ini"

# two groups, each once, are fine; a 10,000-byte comment ending in
# "min_group = 100" stays a comment; a value padded with 20,000 spaces is read
pad=$(printf '%20000s' '')
long=$(printf '%10000s' '' | tr ' ' x)
{
  printf '[study]\n# %s min_group = 100\n' "$long"
  printf 'instrument = %s%s%s\n' "$pad" "$INS" "$pad"
  printf '; %s\ngroup = forvaltning\ngroup = yrke\nout = %s\n[waves]\n2016 = %s\n2017 = %s\n' \
    "$long" "$tmp/long" "$W16" "$W17"
} | ini long
case_ long 0 "" run "$tmp/long.ini"
grep -q '^settings,min_group,5$' "$tmp/long/provenance.csv" && ok ||
  bad "long: the comment's tail was read as a setting: $(grep min_group "$tmp/long/provenance.csv")"
grep -q "^settings,instrument,$INS\$" "$tmp/long/provenance.csv" && ok ||
  bad "long: the padded instrument path was not read whole"

# SOURCE_DATE_EPOCH: one rule
GOOD="--instrument $INS --wave 2016=$W16 --wave 2017=$W17"
for v in abc -5 1e9 " 17" 17x 99999999999999999999 253402300800; do
  msg=$(SOURCE_DATE_EPOCH="$v" "$BIN" run $GOOD --out "$tmp/sde_bad" 2>&1); rc=$?
  [ "$rc" -eq 2 ] && case "$msg" in *"SOURCE_DATE_EPOCH="*"is not a number of seconds"*) true ;; *) false ;; esac \
    && ok || bad "SOURCE_DATE_EPOCH='$v': exit $rc: $msg"
  [ ! -e "$tmp/sde_bad" ] && ok || bad "SOURCE_DATE_EPOCH='$v': the output folder was made"
done
SOURCE_DATE_EPOCH=1700000000 "$BIN" run $GOOD --out "$tmp/sde" 2>/dev/null
grep -q '^program,created,2023-11-14T22:13:20Z$' "$tmp/sde/provenance.csv" &&
  grep -q '^program,created_from,SOURCE_DATE_EPOCH$' "$tmp/sde/provenance.csv" && ok ||
  bad "SOURCE_DATE_EPOCH=1700000000: provenance: $(grep created "$tmp/sde/provenance.csv")"
SOURCE_DATE_EPOCH= "$BIN" run $GOOD --out "$tmp/sde_empty" 2>/dev/null
grep -q '^program,created_from,clock$' "$tmp/sde_empty/provenance.csv" && ok ||
  bad "SOURCE_DATE_EPOCH empty: provenance: $(grep created "$tmp/sde_empty/provenance.csv")"
finish

#!/bin/sh
# End-to-end: the command line, exit statuses, messages, and that a refused
# run leaves nothing in the output folder.  $1 = build folder.
NAME=cli
. tests/e2e_lib.sh
T=tests/data
INS=samples/instruments/copsoq3-se
GOOD="--wave 2016=$T/small/w2016.csv --wave 2017=$T/small/w2017.csv"

# case NAME WANT_EXIT WANT_WORDS ARGS...   (output folder: $tmp/NAME)
case_() { expect "$@" && ok; }

case_ help 0 "usage: copsoq run" --help
case_ version 0 "copsoq 0." --version
case_ no_command 2 "a command is needed"
case_ unknown_command 2 "unknown command" frobnicate
case_ no_out 2 "--out DIR is missing" run --instrument $INS $GOOD
case_ unknown_option 2 "unknown option '--frobnicate'" run --instrument $INS $GOOD --frobnicate --out "$tmp/unknown_option"
case_ no_instrument 2 "--instrument DIR is missing" run $GOOD --out "$tmp/no_instrument"
case_ no_wave 2 "--wave" run --instrument $INS --out "$tmp/no_wave"
case_ wave_syntax 2 "LABEL=FILE" run --instrument $INS --wave 2016 --out "$tmp/wave_syntax"
case_ wave_twice 2 "given twice" run --instrument $INS --wave a=$T/small/w2016.csv --wave a=$T/small/w2017.csv --out "$tmp/wave_twice"
case_ min_group_bad 2 "--min-group needs a whole number" run --instrument $INS $GOOD --min-group 0 --out "$tmp/min_group_bad"
# contract §7 (v2): below 3 is wrong usage, from the command line and from a study file;
# 3 and 4 run, with a warning
case_ min_group_2 2 "--min-group must be at least 3, not 2" run --instrument $INS $GOOD --min-group 2 --out "$tmp/min_group_2"
case_ min_group_sens_2 2 "--min-group-sensitive must be at least 3" run --instrument $INS $GOOD --min-group-sensitive 2 --out "$tmp/min_group_sens_2"
printf '[study]\ninstrument = %s\nmin_group = 1\nout = %s\n[waves]\n2016 = %s\n' "$PWD/$INS" "$tmp/mg1" "$PWD/$T/small/w2016.csv" > "$tmp/mg1.ini"
case_ min_group_study_1 2 "--min-group must be at least 3, not 1" run "$tmp/mg1.ini"
case_ min_group_3 0 "--min-group 3 is below 5" run --instrument $INS $GOOD --min-group 3 --out "$tmp/min_group_3"
case_ lang_bad 2 "--lang must be sv or en" run --instrument $INS $GOOD --lang de --out "$tmp/lang_bad"
case_ missing_value 2 "needs a value" run --instrument $INS $GOOD --out
case_ group_is_id 2 "cannot be a --group" run --instrument $INS $GOOD --group id --out "$tmp/group_is_id"

# input errors: exit 1, the file named, nothing left behind
case_ empty 1 "empty.csv: the file is empty" run --instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/bad/empty.csv --out "$tmp/empty"
case_ header_only 1 "header_only.csv: line 2: the file has a header but no data rows" run --instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/bad/header_only.csv --out "$tmp/header_only"
case_ missing_item 1 "missing_item.csv: line 1: 1 item column of the instrument is missing" run --instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/bad/missing_item.csv --out "$tmp/missing_item"
case_ truncated 1 "truncated.csv.gz: gzip data end too early" run --instrument $INS --wave 2016=$T/bad/truncated.csv.gz --wave 2017=$T/small/w2017.csv --out "$tmp/truncated"
case_ binary 1 "binary.dat: line" run --instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/bad/binary.dat --out "$tmp/binary"
case_ no_such_file 1 "nope.csv: cannot open" run --instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/nope.csv --out "$tmp/no_such_file"
case_ unknown_set 1 "items.csv: line 3: item 'QD2': unknown response set 'freq9'" run --instrument $T/bad/instrument_unknown_set $GOOD --out "$tmp/unknown_set"
case_ no_instrument_dir 1 "items.csv: cannot open" run --instrument $T/nowhere $GOOD --out "$tmp/no_instrument_dir"
case_ missing_group 1 "the grouping column 'enhet' is missing" run --instrument $INS $GOOD --group enhet --out "$tmp/missing_group"
printf '[study]\ncolour = blue\n' > "$tmp/study.ini"
case_ bad_study2 1 "study.ini: line 2: unknown key 'colour'" run "$tmp/study.ini"

# a good run: every file there, nothing temporary left, check writes nothing
case_ good 0 "" run --instrument $INS $GOOD --group forvaltning --out "$tmp/good"
for f in scale_summary.csv reliability.csv reliability_items.csv comparison.csv quality.csv item_summary.csv provenance.csv report.xlsx; do
  [ -s "$tmp/good/$f" ] && ok || bad "good: $f missing"
done
[ -z "$(ls -A "$tmp/good" | grep '^\.')" ] && ok || bad "good: temporary files left: $(ls -A "$tmp/good")"
case_ check_only 0 "usable" check --instrument $INS $GOOD --out "$tmp/check_only"
[ ! -e "$tmp/check_only" ] && ok || bad "check wrote into its output folder"

case_ stop_after 0 "stopped after stage summarise" run --instrument $INS $GOOD --stop-after summarise --out "$tmp/stop_after"
[ ! -e "$tmp/stop_after" ] && ok || bad "--stop-after wrote into its output folder"
case_ stop_after_bad 2 "no stage 'report'" run --instrument $INS $GOOD --stop-after report --out "$tmp/stop_after_bad"


# provenance.csv: the checksums agree with coreutils' sha256sum, the counts with wc
want=$(sha256sum $T/small/w2017.csv | cut -d' ' -f1)
grep -q "^wave 2017,sha256,$want\$" "$tmp/good/provenance.csv" && ok || bad "provenance: wave 2017 sha256 is not $want"
want=$(sha256sum $INS/items.csv | cut -d' ' -f1)
grep -q "^instrument,items.csv sha256,$want\$" "$tmp/good/provenance.csv" && ok || bad "provenance: items.csv sha256 is not $want"
want=$(($(wc -l < $T/small/w2016.csv) - 1))
grep -q "^wave 2016,respondents,$want\$" "$tmp/good/provenance.csv" && ok || bad "provenance: wave 2016 respondents is not $want"

# a refused run into a folder with earlier results leaves them as they were
# (byte-identical, nothing added), and a user's own file there too
mkdir -p "$tmp/stale"
$BIN run --instrument $INS $GOOD --out "$tmp/stale" >/dev/null 2>&1
[ -s "$tmp/stale/report.xlsx" ] && ok || bad "stale: the first run wrote no report"
echo "my notes" > "$tmp/stale/notes.txt"
before=$(cd "$tmp/stale" && ls -A && sha256sum -- *)
msg=$($BIN run --instrument $INS --wave 2016=$T/bad/empty.csv --out "$tmp/stale" 2>&1); rc=$?
[ "$rc" -eq 1 ] && case "$msg" in *"empty.csv: the file is empty"*) true ;; *) false ;; esac \
  && ok || bad "stale: exit $rc, message: $msg"
after=$(cd "$tmp/stale" && ls -A && sha256sum -- *)
[ "$before" = "$after" ] && ok || bad "stale: a refused run changed the folder: $after"

# UTF-16 is named, NUL bytes are placed on their line, all-rejected rows give the reason
printf '\377\376i\000d\000\n\000' > "$tmp/utf16.csv"
case_ utf16 1 "utf16.csv: line 1: UTF-16 text is not supported" run --instrument $INS --wave 2016=$tmp/utf16.csv --out "$tmp/utf16"
{ head -5 $T/small/w2016.csv; printf 'M99,x\000y\n'; } > "$tmp/nul.csv"
case_ nul_line 1 "nul.csv: line 6: contains NUL bytes" run --instrument $INS --wave 2016=$tmp/nul.csv --out "$tmp/nul"
{ head -1 $T/small/w2016.csv | sed 's/$/,/'; sed -n 2,4p $T/small/w2016.csv; } > "$tmp/trail.csv"
case_ all_rejected 1 "trail.csv: none of its 3 rows could be used; the first, line 2:" run --instrument $INS --wave 2016=$tmp/trail.csv --out "$tmp/trail"

# a grouping column whose 31st character is an apostrophe still makes a valid sheet name
g31="abcdefghijklmnopqrstuvwxyz1234'tail"
sed "1s/^id,forvaltning,/id,$g31,/" $T/small/w2016.csv > "$tmp/apos.csv"
case_ apostrophe 0 "" run --instrument $INS --wave 2016=$tmp/apos.csv --group "$g31" --out "$tmp/apostrophe"

# the study file gives the same results as the command line
cat > "$tmp/s.ini" <<INI
[study]
instrument = $PWD/$INS
group = forvaltning
out = $tmp/from_ini
[waves]
2016 = $PWD/$T/small/w2016.csv
2017 = $PWD/$T/small/w2017.csv
INI
case_ from_ini 0 "" run "$tmp/s.ini"
cmp -s "$tmp/from_ini/scale_summary.csv" "$tmp/good/scale_summary.csv" && ok || bad "study file results differ from the command line"

finish

#!/bin/sh
# End-to-end: survey-tool exports (contract §2a).  The same answers through
# each format and through the plain CSV (the first 300 rows of the Malmö
# waves, cut here with head) give byte-identical scale_summary.csv and
# comparison.csv; `copsoq columns` matches every item of each export and
# writes the committed map; bad inputs exit 1 naming the file and the reason
# and leave nothing behind.  The exports were written by scripts/gen_exports.py
# with independent tools (Python's csv, openpyxl, the readstat command).
# $1 = build folder.  Last line: "formats: N passed, N failed".
NAME=formats
. tests/e2e_lib.sh
INS=samples/instruments/copsoq3-se
E=samples/exports
G="--group forvaltning --group sektion --group yrke"
head -n 301 samples/malmo/wave2016.csv > "$tmp/p16.csv"
head -n 301 samples/malmo/wave2017.csv > "$tmp/p17.csv"
"$BIN" run --instrument $INS --wave 2016="$tmp/p16.csv" --wave 2017="$tmp/p17.csv" $G \
  --out "$tmp/plain" 2>"$tmp/plain.err" && ok || bad "plain run failed: $(cat "$tmp/plain.err")"

# same NAME: NAME's results equal the plain run's
same() {
  for f in scale_summary.csv comparison.csv; do
    if cmp -s "$tmp/plain/$f" "$tmp/$1/$f"; then ok; else bad "$1: $f differs from the plain CSV's"; fi
  done
}

# every format with the map copsoq columns writes for it
for f in limesurvey:csv qualtrics:csv surveymonkey:csv googleforms:csv msforms:xlsx spss:sav; do
  d=${f%:*}; x=${f#*:}
  $VALGRIND "$BIN" columns --instrument $INS 2016=$E/$d/wave2016.$x 2017=$E/$d/wave2017.$x \
    > "$tmp/$d.map" 2>"$tmp/$d.err" && ok || bad "$d: copsoq columns failed: $(cat "$tmp/$d.err")"
  if grep -q 'no column found\|several' "$tmp/$d.map"; then
    bad "$d: copsoq columns left items unmatched: $(grep 'no column found\|several' "$tmp/$d.map" | head -3)"
  else ok; fi
  [ "$(grep -c '^,.*,[A-Z][A-Z0-9]*[0-9]$' "$tmp/$d.map")" -eq 60 ] && ok \
    || bad "$d: the map does not name 60 items for every wave"
  cmp -s "$tmp/$d.map" $E/$d/columns.csv && ok || bad "$d: the committed map is not what copsoq columns writes"
  expect "$d" 0 "" run --instrument $INS --columns "$tmp/$d.map" --wave 2016=$E/$d/wave2016.$x \
    --wave 2017=$E/$d/wave2017.$x $G --out "$tmp/$d" && same "$d"
done

# one study, two tools: 2016 from LimeSurvey, 2017 from Google Forms (one map, per-wave rows)
"$BIN" columns --instrument $INS 2016=$E/limesurvey/wave2016.csv 2017=$E/googleforms/wave2017.csv \
  > "$tmp/mixed.map" 2>&1 && ok || bad "mixed: $(cat "$tmp/mixed.map")"
grep -q '^2016,token,id$' "$tmp/mixed.map" && grep -q '^2017,E-postadress,id$' "$tmp/mixed.map" && ok \
  || bad "mixed: the id columns are not per wave"
expect mixed 0 "" run --instrument $INS --columns "$tmp/mixed.map" --wave 2016=$E/limesurvey/wave2016.csv \
  --wave 2017=$E/googleforms/wave2017.csv $G --out "$tmp/mixed" && same mixed

# Stata .dta and compressed SPSS .zsav, converted from the .sav by the readstat command
for x in dta zsav; do
  readstat $E/spss/wave2016.sav "$tmp/w16.$x" >/dev/null 2>&1 && readstat $E/spss/wave2017.sav "$tmp/w17.$x" >/dev/null 2>&1 \
    && ok || bad "$x: readstat could not convert the .sav"
  expect "$x" 0 "" run --instrument $INS --columns "$tmp/spss.map" --wave 2016="$tmp/w16.$x" \
    --wave 2017="$tmp/w17.$x" $G --out "$tmp/$x" && same "$x"
  grep -q "^wave 2016,format,$( [ $x = zsav ] && echo sav || echo dta)\$" "$tmp/$x/provenance.csv" && ok || bad "$x: provenance format"
done

# SPSS portable (.por) written by GNU PSPP 1.6.2 (scripts/gen_por.py; R's foreign reads the
# same values): the first 150 respondents a wave, group names spelt in ASCII (the format has
# no å, ä, ö), PSPP's 8-letter names mapped by tests/data/por/columns.csv.  The same answers
# in CSV, the groups spelt the same way, give byte-identical results.  PSPP's character table
# names the digits' bytes twice (as superscripts too): ReadStat 1.1.8 alone refused these
# files ("Error parsing double string").
R=tests/data/por
for y in 2016 2017; do
  head -n 151 samples/malmo/wave$y.csv | python3 -c '
import csv, sys
t = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})
w = csv.writer(sys.stdout, lineterminator="\n")
for r in csv.reader(sys.stdin):
    w.writerow([r[0]] + [c.translate(t) for c in r[1:4]] + r[4:])' > "$tmp/a$y.csv"
done
grep -q '^M00001,Stadsomrade Soder,Barn och familj Soder,socialsekreterare,3,3,4,' "$tmp/a2016.csv" && ok \
  || bad "por: the ASCII CSV was not made"
"$BIN" run --instrument $INS --wave 2016="$tmp/a2016.csv" --wave 2017="$tmp/a2017.csv" $G \
  --out "$tmp/por_plain" 2>"$tmp/por_plain.err" && ok || bad "por: plain run failed: $(cat "$tmp/por_plain.err")"
expect por 0 "" run --instrument $INS --columns $R/columns.csv --wave 2016=$R/wave2016.por \
  --wave 2017=$R/wave2017.por $G --out "$tmp/por"
for f in scale_summary.csv comparison.csv; do
  cmp -s "$tmp/por_plain/$f" "$tmp/por/$f" && ok || bad "por: $f differs from the ASCII CSV's"
done
grep -q '^wave 2016,format,por$' "$tmp/por/provenance.csv" && ok || bad "por: provenance format"
# a letter the portable format cannot carry stops the run, naming where and what to do
expect por_sv_value 1 "sv_value.por: variable FORVALTN, case 1: the value holds a character the SPSS portable format cannot carry (letters such as å, ä, ö are lost in .por files); save the data as .sav or export CSV instead" \
  run --instrument $INS --wave 2016=$R/sv_value.por --out "$tmp/por_sv_value" && ok
head -c 3000 $R/wave2016.por > "$tmp/cut.por"
expect por_cut 1 "cut.por: not a readable SPSS portable file: " run --instrument $INS --wave 2016="$tmp/cut.por" \
  --out "$tmp/por_cut" && ok
case "$msg" in *"(save the data as .sav or export CSV instead)"*) ok ;; *) bad "por_cut: no advice: $msg" ;; esac
expect por_sv_label 1 "sv_label.por: variable QD1: the label of value 4 holds a character the SPSS portable format cannot carry" \
  run --instrument $INS --wave 2016=$R/sv_label.por --out "$tmp/por_sv_label" && ok

# a study file names the map (relative to the study file's folder)
mkdir -p "$tmp/st"
cp $E/googleforms/columns.csv "$tmp/st/map.csv"
printf '[study]\ninstrument = %s\ncolumns = map.csv\ngroup = forvaltning\ngroup = sektion\ngroup = yrke\n[waves]\n2016 = %s\n2017 = %s\n' \
  "$PWD/$INS" "$PWD/$E/googleforms/wave2016.csv" "$PWD/$E/googleforms/wave2017.csv" > "$tmp/st/study.ini"
expect study_columns 0 "" run "$tmp/st/study.ini" --out "$tmp/study_columns" && same study_columns

# LimeSurvey's "question code & question text" headings: G01Q01[SQ001]. Stem [Row]
python3 - "$E/limesurvey/wave2016.csv" "$tmp/lime_codes.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
head = ["G%02dQ%02d[SQ%03d]. %s" % (1 + i // 20, 1 + i // 5 % 4, i, h) if "[" in h else h
        for i, h in enumerate(rows[0])]
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows([head] + rows[1:])
PY
"$BIN" columns --instrument $INS "$tmp/lime_codes.csv" > "$tmp/lime_codes.map" 2>&1 && ok || bad "lime_codes: $(cat "$tmp/lime_codes.map")"
[ "$(grep -c '^,"\{0,1\}G[0-9]*Q[0-9]*\[SQ[0-9]*\]\..*,[A-Z][A-Z0-9]*[0-9]$' "$tmp/lime_codes.map")" -eq 60 ] && ok \
  || bad "lime_codes: not 60 items matched: $(grep '^#.*QD\|no column' "$tmp/lime_codes.map" | head -3)"

# a worksheet named per wave in a study file
printf '[study]\ninstrument = %s\ncolumns = %s\ngroup = forvaltning\ngroup = sektion\ngroup = yrke\n[waves]\n2016 = %s\n2016.sheet = Sheet1\n2017 = %s\n2017.sheet = Nope\n' \
  "$PWD/$INS" "$PWD/$E/msforms/columns.csv" "$PWD/$E/msforms/wave2016.xlsx" "$PWD/$E/msforms/wave2017.xlsx" > "$tmp/sheets.ini"
expect sheet_per_wave 1 "wave2017.xlsx: no worksheet named 'Nope'" run "$tmp/sheets.ini" --out "$tmp/sheet_per_wave" && ok

# provenance lists the map's SHA-256 and every rename
want=$(sha256sum "$tmp/qualtrics.map" | cut -d' ' -f1)
grep -q "^column map,sha256,$want\$" "$tmp/qualtrics/provenance.csv" && ok || bad "provenance: map sha256 is not $want"
grep -q '^wave 2017,column Q1_1,QD1$' "$tmp/qualtrics/provenance.csv" && ok || bad "provenance: rename Q1_1 -> QD1 not listed"
[ "$(grep -c '^wave 2016,column ' "$tmp/qualtrics/provenance.csv")" -eq 61 ] && ok || bad "provenance: not 61 renames in 2016 (60 items + ExternalReference)"
grep -q '^wave 2016,header_lines,3$' "$tmp/qualtrics/provenance.csv" && ok || bad "provenance: Qualtrics header_lines is not 3"

# the report's Method sheet names the map's SHA-256 and the renames (read with openpyxl)
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  /usr/bin/python3 - "$tmp/qualtrics/report.xlsx" "$want" <<'PY' && ok || bad "report: the Method sheet lacks the map's SHA-256 or a rename"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
text = " ".join(str(c.value) for ws in wb.worksheets if ws.title in ("Metod", "Method")
                for row in ws.iter_rows() for c in row if c.value is not None)
sys.exit(0 if sys.argv[2] in text and "2017: Q1_1 -> QD1;" in text else 1)
PY
else bad "no python3 with openpyxl"; fi

# every run says on stderr how many respondents each wave has and how many ids
# two waves share (the count from comm, not from copsoq)
cut -d, -f1 "$tmp/p16.csv" | sed 1d | sort -u > "$tmp/i16"; cut -d, -f1 "$tmp/p17.csv" | sed 1d | sort -u > "$tmp/i17"
n=$(comm -12 "$tmp/i16" "$tmp/i17" | wc -l)
grep -q "^copsoq: wave 2016: 300 respondents\$" "$tmp/plain.err" && ok || bad "stderr: no respondent line for 2016: $(cat "$tmp/plain.err")"
grep -q "^copsoq: wave 2017: 300 respondents, $n ids also in wave 2016\$" "$tmp/plain.err" && ok \
  || bad "stderr: 2017 line does not say $n shared ids: $(cat "$tmp/plain.err")"

# UTF-16 LE and BE with a byte-order mark (Excel's "Unicode text": TAB-separated)
tr ',' '\t' < "$tmp/p16.csv" > "$tmp/p16.tsv"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$tmp/p16.tsv"; } > "$tmp/le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$tmp/p16.csv"; } > "$tmp/be.csv"
expect utf16 0 "" run --instrument $INS --wave 2016="$tmp/le.txt" --wave 2017="$tmp/be.csv" $G --out "$tmp/utf16"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$tmp/p17.csv"; } > "$tmp/le17.csv"
expect utf16b 0 "" run --instrument $INS --wave 2016="$tmp/le.txt" --wave 2017="$tmp/le17.csv" $G --out "$tmp/utf16b" && same utf16b
grep -q '^wave 2016,encoding,UTF-16LE$' "$tmp/utf16/provenance.csv" && ok || bad "utf16: provenance lacks the encoding"

# Qualtrics' TSV export: UTF-16 LE with a BOM, TAB-separated, the same 3 header lines
for y in 2016 2017; do
  python3 - $E/qualtrics/wave$y.csv "$tmp/q$y.tsv" <<'PY'
import csv, io, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
buf = io.StringIO()
csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(rows)
open(sys.argv[2], "wb").write(buf.getvalue().encode("utf-16"))  # BOM + native (LE) order
PY
done
expect qualtrics_tsv 0 "" run --instrument $INS --columns $E/qualtrics/columns.csv --wave 2016="$tmp/q2016.tsv" \
  --wave 2017="$tmp/q2017.tsv" $G --out "$tmp/qualtrics_tsv" && same qualtrics_tsv

# pandas' 3.0 and the readstat tool's 3.000000 are codes 3
sed 's/,\([1-6]\)\(,\|$\)/,\1.0\2/g; s/,\([1-6]\)\(,\|$\)/,\1.0\2/g' "$tmp/p16.csv" > "$tmp/f16.csv"
sed 's/,\([1-6]\)\(,\|$\)/,\1.000000\2/g; s/,\([1-6]\)\(,\|$\)/,\1.000000\2/g' "$tmp/p17.csv" > "$tmp/f17.csv"
grep -q ',3\.0,' "$tmp/f16.csv" && grep -q ',3\.000000,' "$tmp/f17.csv" && ok || bad "float fixture not made"
expect floats 0 "" run --instrument $INS --wave 2016="$tmp/f16.csv" --wave 2017="$tmp/f17.csv" $G --out "$tmp/floats" && same floats

# gzip around a workbook, and a wave from a pipe: hashed as read
gzip -c $E/msforms/wave2016.xlsx > "$tmp/w16.xlsx.gz"
expect gz_xlsx 0 "" run --instrument $INS --columns $E/msforms/columns.csv --wave 2016="$tmp/w16.xlsx.gz" \
  --wave 2017=$E/msforms/wave2017.xlsx $G --out "$tmp/gz_xlsx" && same gz_xlsx
msg=$(cat "$tmp/p17.csv" | "$BIN" run --instrument $INS --wave 2016="$tmp/p16.csv" --wave 2017=- $G --out "$tmp/pipe" 2>&1) \
  && ok || bad "pipe: $msg"
same pipe
want=$(sha256sum "$tmp/p17.csv" | cut -d' ' -f1)
grep -q "^wave 2017,sha256,$want\$" "$tmp/pipe/provenance.csv" && ok || bad "pipe: sha256 is not $want"
want=$(sha256sum "$tmp/w16.xlsx.gz" | cut -d' ' -f1)
grep -q "^wave 2016,sha256,$want\$" "$tmp/gz_xlsx/provenance.csv" && ok || bad "gz_xlsx: sha256 is not that of the .gz"

# a workbook whose parts are not where Excel puts them: found through _rels/.rels (the
# officeDocument relationship) and the workbook's own .rels (worksheet, shared strings), with
# "../" in a target and a second sheet first in the zip; hand-written XML, zipped by Python
python3 - "$tmp/p16.csv" "$tmp/moved.xlsx" <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
sst, index, out = [], {}, []
for n, row in enumerate(rows, 1):
    cells = []
    for i, v in enumerate(row):
        ref = "%s%d" % (col(i), n)
        if v == "":
            continue
        if v.isdigit():
            cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        else:
            if v not in index:
                index[v] = len(sst)
                sst.append(v)
            cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
    out.append('<row r="%d">%s</row>' % (n, "".join(cells)))
M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/package/2006/relationships"
empty = '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>' % M
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr("data/other.xml", empty)
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="%s/officeDocument" Target="book/main.xml"/></Relationships>' % (P, R))
    z.writestr("book/main.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Svar" sheetId="1" r:id="rId7"/><sheet name="Annat" sheetId="2" r:id="rId3"/></sheets></workbook>' % (M, R))
    z.writestr("book/_rels/main.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId3" Type="%s/worksheet" Target="/data/other.xml"/><Relationship Id="rId9" Type="%s/sharedStrings" Target="strings/shared.xml"/><Relationship Id="rId7" Type="%s/worksheet" Target="../data/answers.xml"/></Relationships>' % (P, R, R, R))
    z.writestr("book/strings/shared.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (M, len(sst), len(sst), "".join("<si><t>%s</t></si>" % escape(s) for s in sst)))
    z.writestr("data/answers.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (M, "".join(out)))
PY
expect moved_parts 0 "" run --instrument $INS --wave 2016="$tmp/moved.xlsx" --wave 2017="$tmp/p17.csv" $G \
  --out "$tmp/moved_parts" && same moved_parts
grep -q '^wave 2016,sheet,Svar$' "$tmp/moved_parts/provenance.csv" && ok || bad "moved_parts: provenance does not name the sheet Svar"
# the other sheet's target is absolute (/data/other.xml): found, and it holds no items
expect moved_other 1 "moved.xlsx: line 1: the id column 'id' is missing" run --instrument $INS \
  --wave 2016="$tmp/moved.xlsx" --sheet Annat --out "$tmp/moved_other" && ok

# --sheet: a named sheet, and a missing one
expect no_sheet 1 "wave2016.xlsx: no worksheet named 'Svar' (the workbook has 'Sheet1')" run --instrument $INS \
  --columns $E/msforms/columns.csv --wave 2016=$E/msforms/wave2016.xlsx --wave 2017=$E/msforms/wave2017.xlsx $G \
  --sheet Svar --out "$tmp/no_sheet" && ok
expect sheet 0 "" run --instrument $INS --columns $E/msforms/columns.csv --wave 2016=$E/msforms/wave2016.xlsx \
  --wave 2017=$E/msforms/wave2017.xlsx $G --sheet Sheet1 --out "$tmp/sheet" && same sheet

# bad inputs: exit 1, the file and the reason, nothing left behind
P="--wave 2017=$tmp/p17.csv"
expect not_workbook 1 "not_a_workbook.xlsx: a zip file but not an Excel workbook" run --instrument $INS \
  --wave 2016=tests/data/bad/not_a_workbook.xlsx $P --out "$tmp/not_workbook" && ok
head -c 40000 $E/msforms/wave2016.xlsx > "$tmp/truncated.xlsx"
expect truncated_xlsx 1 "truncated.xlsx: starts like a zip file but cannot be opened" run --instrument $INS \
  --wave 2016="$tmp/truncated.xlsx" $P --out "$tmp/truncated_xlsx" && ok
expect label_mismatch 1 "label_mismatch.sav: variable QD1: value 0 is labelled 'Alltid'" run --instrument $INS \
  --wave 2016=tests/data/bad/label_mismatch.sav $P --out "$tmp/label_mismatch" && ok
# the same shifted labels in Stata .dta (converted by the readstat command; the .dta with the
# right labels runs above)
readstat tests/data/bad/label_mismatch.sav "$tmp/label_mismatch.dta" >/dev/null 2>&1 && ok \
  || bad "label_mismatch.dta: readstat could not convert the .sav"
expect label_mismatch_dta 1 "label_mismatch.dta: variable QD1: value 0 is labelled 'Alltid' in the file, which is the instrument's code 1" \
  run --instrument $INS --wave 2016="$tmp/label_mismatch.dta" $P --out "$tmp/label_mismatch_dta" && ok
printf 'wave,column,name\n,id,id\n,Nope,QD1\n' > "$tmp/missing_col.csv"
expect missing_col 1 "missing_col.csv: line 3: column 'Nope' is not in" run --instrument $INS \
  --columns "$tmp/missing_col.csv" --wave 2016="$tmp/p16.csv" $P --out "$tmp/missing_col" && ok
printf 'wave,column,name\n,id,id\n,QD1,QD1\n,QD2,QD1\n' > "$tmp/dup_target.csv"
expect dup_target 1 "dup_target.csv: line 4: two columns mapped to one name" run --instrument $INS \
  --columns "$tmp/dup_target.csv" --wave 2016="$tmp/p16.csv" $P --out "$tmp/dup_target" && ok
printf 'wave,column,name\n,id,respondent\n' > "$tmp/unknown_name.csv"
expect unknown_name 1 "unknown_name.csv: line 2: unknown name 'respondent'" run --instrument $INS \
  --columns "$tmp/unknown_name.csv" --wave 2016="$tmp/p16.csv" $P --out "$tmp/unknown_name" && ok
printf 'wave,column,name\n2015,id,id\n' > "$tmp/unknown_wave.csv"
expect unknown_wave 1 "unknown_wave.csv: line 2: no wave '2015'" run --instrument $INS \
  --columns "$tmp/unknown_wave.csv" --wave 2016="$tmp/p16.csv" $P --out "$tmp/unknown_wave" && ok

# per-wave rows win over rows for every wave
{ printf 'wave,column,name\n,id,id\n,QD2,QD1\n2016,QD1,QD1\n2017,QD1,QD1\n,QD1,QD2\n'; } > "$tmp/per_wave.csv"
expect per_wave 1 "column 'QD1' is mapped to both" run --instrument $INS --columns "$tmp/per_wave.csv" \
  --wave 2016="$tmp/p16.csv" $P --out "$tmp/per_wave" && ok

# guards against silent garbage
sed '1s/^id,/lfd,/' "$tmp/p16.csv" | awk -F, 'BEGIN{OFS=","} NR==1{print "id," $0; next} {print NR-1 "," $0}' > "$tmp/rownum.csv"
expect row_numbers 1 "rownum.csv: wave 2016: the column 'id' holds the numbers 1 to 300 in file order" \
  run --instrument $INS --wave 2016="$tmp/rownum.csv" $P --out "$tmp/row_numbers" && ok
expect row_numbers_named 0 "" run --instrument $INS --id id --wave 2016="$tmp/rownum.csv" --out "$tmp/row_numbers_named" && ok
sed '1s/,QD1,/,QD1x,/; 1s/,yrke,/,QD1,/' "$tmp/p16.csv" > "$tmp/garbage.csv"
n=$(sed 1d "$tmp/p16.csv" | cut -d, -f4 | grep -c .)
expect garbage 1 "garbage.csv: wave 2016, column QD1: $n of its $n values are not answers of freq5 (first: 'socialsekreterare'" \
  run --instrument $INS --wave 2016="$tmp/garbage.csv" $P --out "$tmp/garbage" && ok

# header rows: a SurveyMonkey-style second line is merged; --header-rows forces it
{ head -1 "$tmp/p16.csv"; head -1 "$tmp/p16.csv" | sed 's/[^,]*/Response/g'; sed 1d "$tmp/p16.csv"; } > "$tmp/two.csv"
expect two_lines 0 "" run --instrument $INS --wave 2016="$tmp/two.csv" --wave 2017="$tmp/p17.csv" $G --out "$tmp/two_lines" && same two_lines
{ head -1 "$tmp/p16.csv"; head -1 "$tmp/p16.csv" | sed 's/[^,]*//g'; sed 1d "$tmp/p16.csv"; } > "$tmp/two_forced.csv"
printf '[study]\ninstrument = %s\ngroup = forvaltning\ngroup = sektion\ngroup = yrke\n[waves]\n2016 = %s\n2016.header_rows = 2\n2017 = %s\n' \
  "$PWD/$INS" "$tmp/two_forced.csv" "$tmp/p17.csv" > "$tmp/hr.ini"
expect header_rows 0 "" run "$tmp/hr.ini" --out "$tmp/header_rows" && same header_rows
expect header_rows_bad 2 "--header-rows needs a whole number 1 to 10" run --instrument $INS --header-rows 11 \
  --wave 2016="$tmp/p16.csv" --out "$tmp/header_rows_bad" && ok

finish

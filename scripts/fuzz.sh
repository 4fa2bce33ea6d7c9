#!/bin/sh
# libFuzzer (clang from Debian) on the ingest core, the .xlsx reader, the
# column-map loader, the instrument, the study file, the population file and
# the whole pipeline from one buffer, FUZZ_SECONDS each (default 60).
# FUZZ_TARGETS picks some (default: all seven).  Seeds pass the header checks:
# real response files, workbooks (also with their parts stored uncompressed,
# so mutations reach the XML), maps, instruments, study and population files;
# the multi-file targets take their parts split at "@@@@" lines
# (tests/fuzz/fuzz_common.h).  FUZZ_OUT names the folder (default build-fuzz),
# so that two runs can go side by side.
set -eu
out=${FUZZ_OUT:-build-fuzz}
mkdir -p "$out/corpus_ingest" "$out/corpus_xlsx" "$out/corpus_colmap" "$out/corpus_instrument" \
  "$out/corpus_study" "$out/corpus_population" "$out/corpus_pipeline"
cp tests/data/small/*.csv "$out/corpus_ingest/" 2>/dev/null || true
cp samples/exports/msforms/*.xlsx "$out/corpus_xlsx/"
# the same workbooks with stored (uncompressed) parts, and a tiny one
/usr/bin/python3 - "$out/corpus_xlsx" <<'PY'
import sys, zipfile, glob, os
d = sys.argv[1]
for i, p in enumerate(sorted(glob.glob("samples/exports/msforms/*.xlsx"))):
    with zipfile.ZipFile(p) as src, zipfile.ZipFile(os.path.join(d, "stored%d.xlsx" % i), "w", zipfile.ZIP_STORED) as dst:
        for n in src.namelist():
            data = src.read(n)
            if n.startswith("xl/worksheets/"):
                data = data[:4000] + b"</sheetData></worksheet>" if len(data) > 4000 else data
            dst.writestr(n, data)
with zipfile.ZipFile(os.path.join(d, "tiny.xlsx"), "w", zipfile.ZIP_STORED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/sharedStrings.xml", '<sst><si><t>id</t></si><si><r><t>a</t></r><rPh><t>b</t></rPh></si></sst>')
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="B3"><v>3.0</v></c><c r="C3" t="s"><v>1</v></c></row></sheetData></worksheet>')
# parts found only through the relationships (_rels/.rels, the workbook's .rels, "../")
with zipfile.ZipFile(os.path.join(d, "moved.xlsx"), "w", zipfile.ZIP_STORED) as z:
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    z.writestr("_rels/.rels", '<Relationships><Relationship Id="rId1" Type="%s/officeDocument" Target="/b/main.xml"/></Relationships>' % R)
    z.writestr("b/main.xml", '<workbook xmlns:r="%s"><sheets><sheet name="S" r:id="rId2"/></sheets></workbook>' % R)
    z.writestr("b/_rels/main.xml.rels", '<Relationships><Relationship Id="rId9" Type="%s/sharedStrings" Target="./s/../strings.xml"/><Relationship Id="rId2" Target="../d/sheet.xml"/></Relationships>' % R)
    z.writestr("b/strings.xml", '<sst><si><t>id</t></si><si><t>a</t></si></sst>')
    z.writestr("d/sheet.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>')
PY
for f in samples/exports/*/columns.csv; do cp "$f" "$out/corpus_colmap/$(basename "$(dirname "$f")").csv"; done
printf 'wave,column,name\n,id,id\n2016,Q1,QD1\n,Q1,QD2\n# c\n,"a, b",B1\n' > "$out/corpus_colmap/small.csv"
# instruments (three parts), study files, population files, whole studies (five parts)
sep() { printf '\n@@@@\n'; }
for d in samples/instruments/copsoq3-se tests/data/compare tests/data/p1/instrument; do
  { cat "$d/items.csv"; sep; cat "$d/response_sets.csv"; sep; cat "$d/scales.csv"; } \
    > "$out/corpus_instrument/$(echo "$d" | tr / _)"
done
cp samples/malmo/study.ini "$out/corpus_study/malmo.ini"
printf '[study]\ninstrument = i\ngroup = a\ngroup = b\nmin_group = 3\nlang = en\n# c\n[waves]\n1 = a.csv\n2 = b.csv\n' \
  > "$out/corpus_study/small.ini"
cp samples/malmo/population.csv "$out/corpus_population/malmo.csv"
printf 'breakdown,group,headcount,wave\nall,all,9,2016\nunit,U1,4,2017\nunit,U2,2.5,\n' > "$out/corpus_population/wave.csv"
printf 'breakdown;group;headcount\nall;all;6\nunit;U1;1\n' > "$out/corpus_population/semi.csv"
C=tests/data/compare
{ cat $C/items.csv; sep; cat $C/response_sets.csv; sep; cat $C/scales.csv; sep
  head -25 $C/wave1.csv; sep; head -25 $C/wave2.csv; } > "$out/corpus_pipeline/compare"
{ cat $C/items.csv; sep; cat $C/response_sets.csv; sep; cat $C/scales.csv; sep
  head -8 $C/wave2.csv; sep; head -8 $C/wave3.csv; } > "$out/corpus_pipeline/compare_small"
SRC=$(ls pipeline/*.c stages/*.c | grep -v pipeline/main.c)
LIBS="-lcsv -lreadstat -lgsl -lgslcblas -lxlsxwriter -lz -lcrypto -lminizip -lexpat -lm"
CFLAGS_FUZZ="-std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -I/usr/include/minizip"
# the program's code is compiled once (two at a time) into one archive that
# every target links; only changed sources are compiled again
mkdir -p "$out/obj"
for f in $SRC; do
  o="$out/obj/$(echo "$f" | tr / _ | sed 's/\.c$/.o/')"
  [ "$o" -nt "$f" ] && [ -z "$(find include -newer "$o" -name '*.h' | head -1)" ] || echo "$f $o"
done | xargs -r -n 2 -P 2 sh -c 'clang '"$CFLAGS_FUZZ"' -fsanitize=fuzzer-no-link,address,undefined -c "$0" -o "$1"'
rm -f "$out/libcopsoq.a"
ar rcs "$out/libcopsoq.a" "$out"/obj/*.o
# runs.tsv keeps every session's executions, so the totals per target are the
# fuzzing this code has had (date, target, runs, seconds, result)
[ -f "$out/runs.tsv" ] || printf 'date\ttarget\truns\tseconds\tresult\tcommit\n' > "$out/runs.tsv"
for t in ${FUZZ_TARGETS:-ingest xlsx colmap instrument study population pipeline}; do
  # shellcheck disable=SC2086
  clang $CFLAGS_FUZZ -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_$t.c "$out/libcopsoq.a" $LIBS \
    -o "$out/fuzz_$t"
  result=ok
  "$out/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=262144 -rss_limit_mb=2048 \
    "$out/corpus_$t" > "$out/fuzz_$t.log" 2>&1 || result=crash
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$out/fuzz_$t.log")
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$out/fuzz_$t.log")
  [ "$result" = crash ] && runs=$(grep -o '^#[0-9]*' "$out/fuzz_$t.log" | tail -1 | tr -d '#')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "${runs:-0}" "${secs:-0}" "$result" \
    "$(git describe --always --dirty 2>/dev/null || echo -)" \
    >> "$out/runs.tsv"
  [ "$result" = ok ] || { echo "fuzz_$t: crash, see $out/fuzz_$t.log"; exit 1; }
  echo "fuzz_$t: $(grep '^Done' "$out/fuzz_$t.log")"
done
echo "executions so far, per target ($out/runs.tsv):"
awk -F'\t' 'NR > 1 { n[$2] += $3; s[$2] += $4 } END { for (t in n) printf "  %-11s %10d runs %7d s\n", t, n[t], s[t] }' \
  "$out/runs.tsv" | sort

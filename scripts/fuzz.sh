#!/bin/sh
# libFuzzer (clang from Debian) on the ingest core, the .xlsx reader and the
# column-map loader, FUZZ_SECONDS each (default 60).  FUZZ_TARGETS picks some
# (default: "ingest xlsx colmap").  Seeds pass the header checks: real
# response files, workbooks (also with their parts stored uncompressed, so
# mutations reach the XML) and maps.
set -eu
out=build-fuzz
mkdir -p "$out/corpus_ingest" "$out/corpus_xlsx" "$out/corpus_colmap"
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
PY
for f in samples/exports/*/columns.csv; do cp "$f" "$out/corpus_colmap/$(basename "$(dirname "$f")").csv"; done
printf 'wave,column,name\n,id,id\n2016,Q1,QD1\n,Q1,QD2\n# c\n,"a, b",B1\n' > "$out/corpus_colmap/small.csv"
SRC=$(ls pipeline/*.c stages/*.c | grep -v pipeline/main.c)
LIBS="-lcsv -lreadstat -lgsl -lgslcblas -lxlsxwriter -lz -lcrypto -lminizip -lexpat -lm"
for t in ${FUZZ_TARGETS:-ingest xlsx colmap}; do
  # shellcheck disable=SC2086
  clang -std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -I/usr/include/minizip \
    -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_$t.c $SRC $LIBS -o "$out/fuzz_$t"
  "$out/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=262144 -rss_limit_mb=2048 \
    "$out/corpus_$t" > "$out/fuzz_$t.log" 2>&1 || { echo "fuzz_$t: crash, see $out/fuzz_$t.log"; exit 1; }
  echo "fuzz_$t: $(grep '^Done' "$out/fuzz_$t.log")"
done

#!/bin/sh
# libFuzzer on the ingest core (clang from Debian).  FUZZ_SECONDS (default 60).
set -eu
out=build-fuzz
mkdir -p "$out/corpus"
cp tests/data/small/*.csv "$out/corpus/" 2>/dev/null || true
clang -std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -fsanitize=fuzzer,address,undefined \
  tests/fuzz/fuzz_ingest.c $(ls pipeline/*.c stages/*.c | grep -v pipeline/main.c) \
  -lcsv -lgsl -lgslcblas -lxlsxwriter -lz -lcrypto -lm -o "$out/fuzz_ingest"
"$out/fuzz_ingest" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 "$out/corpus"

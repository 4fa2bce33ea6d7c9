# copsoq - one non-recursive Makefile.
#
#   make            build build/copsoq
#   make demo       install what is missing, run the Malmö samples -> out/malmo/
#   make check      install what is missing, unit + end-to-end tests, then the same
#                   under AddressSanitizer/UBSan; ends with "N passed, N failed"
#   make check-valgrind   tests of the plain build under valgrind memcheck
#   make check-tsan       tests under ThreadSanitizer (the wave threads)
#   make bench      speed and memory on large generated waves, against the libcsv
#                   floor and the pandas peer, then the cost of doubling each
#                   input dimension (not a test)
#   make fuzz       libFuzzer on the ingest core (clang)
#   make format     clang-format in place; make format-check fails on a diff
#   make install    PREFIX=/usr/local
#   make clean

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
PKGS    := gsl zlib xlsxwriter libcrypto minizip expat
WARN    := -Wall -Wextra -Wmissing-prototypes -Wshadow -Wstrict-prototypes -Werror
CSTD    := -std=c11 -D_GNU_SOURCE
OPT     ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -pthread -Iinclude $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(EXTRA_CFLAGS)
# libcsv and ReadStat ship no pkg-config file
LDLIBS_ALL = -pthread -lcsv -lreadstat $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgsl -lgslcblas -lz -lxlsxwriter -lcrypto -lminizip -lexpat) -lm $(EXTRA_LDFLAGS)

LIB_SRC  := $(filter-out pipeline/main.c,$(wildcard pipeline/*.c)) $(wildcard stages/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/pipeline/main.o
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
HEADERS  := $(wildcard include/copsoq/*.h)

BIN      := $(BUILD)/copsoq
UNIT     := $(BUILD)/unit_tests
GEN      := $(BUILD)/gen_malmo
FLOOR    := $(BUILD)/csv_floor

.PHONY: FORCE all deps deps-test demo exports check check-plain check-asan check-tsan check-valgrind bench fuzz format format-check install clean samples

all: $(BIN)

deps:
	@sh scripts/setup.sh

deps-test:
	@sh scripts/setup.sh --with-render

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# The build's commit for provenance: recompiled on every build (FORCE) so it
# is never stale; "unknown" outside a git checkout.
BUILD_ID := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
$(BUILD)/obj/pipeline/buildinfo.o: pipeline/buildinfo.c $(HEADERS) FORCE
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DCQ_BUILD_ID='"$(BUILD_ID)"' -c $< -o $@

FORCE:

$(BUILD)/libcopsoq.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(BUILD)/libcopsoq.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(UNIT): $(TEST_OBJ) $(BUILD)/libcopsoq.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(GEN): scripts/gen_malmo.c
	@mkdir -p $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $< $(shell pkg-config --cflags --libs gsl) -lm

# make bench's floor: libcsv parsing the same bytes, counting fields
$(FLOOR): scripts/csv_floor.c
	@mkdir -p $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $< -lcsv

# The Malmö samples are committed; this regenerates them (byte-identical).
samples: $(GEN)
	$(GEN) samples/instruments/copsoq3-se samples/malmo

demo: deps
	@$(MAKE) --no-print-directory all
	@rm -rf out/malmo
	$(BIN) run samples/malmo/study.ini -v
	@echo "demo: results in out/malmo/ (report.xlsx, scale_summary.csv, comparison.csv, ...)"

# The test command README gives.  Plain build first, then ASan/UBSan.
check: deps-test
	@$(MAKE) --no-print-directory check-plain
	@$(MAKE) --no-print-directory check-asan
	@sh tests/total.sh $(BUILD)/test-plain.log $(BUILD)-asan/test-asan.log

check-plain: $(BIN) $(UNIT)
	@$(MAKE) --no-print-directory format-check || { echo "format: run make format"; exit 1; }
	@sh tests/run.sh $(BUILD) 2>&1 | tee $(BUILD)/test-plain.log; \
	  tail -1 $(BUILD)/test-plain.log | grep -q ' 0 failed'

check-asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)-asan \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  $(BUILD)-asan/copsoq $(BUILD)-asan/unit_tests
	@mkdir -p $(BUILD)-asan
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh $(BUILD)-asan 2>&1 | tee $(BUILD)-asan/test-asan.log; \
	  tail -1 $(BUILD)-asan/test-asan.log | grep -q ' 0 failed'

# The tests under ThreadSanitizer: the wave threads (pipeline/waves.c) share
# nothing unguarded.
check-tsan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)-tsan \
	  OPT="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  $(BUILD)-tsan/copsoq $(BUILD)-tsan/unit_tests
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	  sh tests/run.sh $(BUILD)-tsan 2>&1 | tee $(BUILD)-tsan/test-tsan.log; \
	  tail -1 $(BUILD)-tsan/test-tsan.log | grep -q ' 0 failed'

check-valgrind: $(BIN) $(UNIT)
	@VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	  sh tests/run.sh $(BUILD)

bench:
	@sh scripts/setup.sh --with-tools --with-bench
	@$(MAKE) --no-print-directory $(BIN) $(GEN) $(FLOOR)
	@sh scripts/bench.sh $(BUILD)
	@sh scripts/bench_peers.sh $(BUILD)
	@sh scripts/bench_scaling.sh $(BUILD)

fuzz:
	@sh scripts/setup.sh --with-tools
	@sh scripts/fuzz.sh

format:
	clang-format -i pipeline/*.c stages/*.c include/copsoq/*.h tests/unit/*.c

format-check:
	@clang-format --dry-run --Werror pipeline/*.c stages/*.c include/copsoq/*.h tests/unit/*.c

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/copsoq

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-tsan out

# The survey-tool exports in samples/exports/ are committed; this regenerates them with
# independent tools (scripts/gen_exports.py: csv, openpyxl, the readstat command) and
# their draft maps with copsoq columns.
exports: $(BIN)
	/usr/bin/python3 scripts/gen_exports.py 2>/dev/null
	@for f in limesurvey:csv qualtrics:csv surveymonkey:csv googleforms:csv msforms:xlsx spss:sav; do \
	  d=$${f%:*}; x=$${f#*:}; \
	  $(BIN) columns --instrument samples/instruments/copsoq3-se 2016=samples/exports/$$d/wave2016.$$x \
	    2017=samples/exports/$$d/wave2017.$$x > samples/exports/$$d/columns.csv || exit 1; \
	done

#!/bin/sh
# Fault tests (issue 8): runs that are attacked, interrupted, crowded or
# starved, each checked for the same promises:
#   - a failed or interrupted run leaves --out exactly as it was (earlier
#     results byte-identical, nothing added: no .copsoq-* folder, no lock);
#   - a successful run leaves complete results and nothing else;
#   - nothing outside --out is touched (a folder of victim files and $TMPDIR
#     are compared before and after);
#   - the exit status is right (0, 1, or death by the signal sent).
# Signals are aimed with -v (a stage's line appears when it ends; the signal
# follows at once), so a signal may land in the next stage or after the end:
# the checks hold either way and no timing is asserted; the tally of what
# was interrupted is printed for information.
# Mounts (a full and a read-only file system) need root and mount(8);
# without them those cases say SKIP and why.   $1 = build folder.
NAME=faults
. tests/e2e_lib.sh
INS=samples/instruments/copsoq3-se
T=tests/data
mnt=""
cleanup() {
  for m in $mnt; do umount "$m" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
export TMPDIR="$tmp/tmpdir"
mkdir -p "$TMPDIR" "$tmp/outside"
echo "victim: must never change" > "$tmp/outside/victim.txt"
export SOURCE_DATE_EPOCH=1700000000
RESULTS="codebook.csv comparison.csv item_summary.csv provenance.csv quality.csv reliability.csv
reliability_items.csv report.xlsx response_rates.csv scale_summary.csv"

# snap DIR: every entry (hidden too) with its type, and the SHA-256 of files
snap() {
  (cd "$1" && find . -mindepth 1 -printf '%p %y\n' | sort &&
    find . -type f -exec sha256sum {} + | sort -k2)
}
outside_before=$(snap "$tmp/outside"; snap "$TMPDIR")
check_outside() {
  [ "$(snap "$tmp/outside"; snap "$TMPDIR")" = "$outside_before" ] && ok ||
    bad "$1: something outside --out changed: $(ls -la "$tmp/outside" "$TMPDIR")"
}
# complete DIR CASE [EXTRA]: the eight results and nothing else (but EXTRA)
complete() {
  want=$(echo $RESULTS $3 | tr ' ' '\n' | sort)
  have=$(ls -A "$1" | sort)
  [ "$have" = "$want" ] && ok || bad "$2: folder holds [$(echo $have)], expected the results only"
}
san() { # sanitizer reports on stderr are failures whatever the exit status
  if grep -qE 'runtime error|Sanitizer|LeakSanitizer' "$1"; then bad "$2: $(head -5 "$1")"; else ok; fi
}

# Large waves (30,000 respondents each) from the Malmö samples, new ids.
for y in 2016 2017; do
  awk -F, -v OFS=, -v rows=30000 '
    NR == 1 { print; next }
    { line[++n] = $0 }
    END { for (i = 0; i < rows; i++) { $0 = line[i % n + 1]; $1 = "B" int(i / n) "_" $1; print } }
  ' "samples/malmo/wave$y.csv" > "$tmp/w$y.csv"
done
BIG="--instrument $INS --wave 2016=$tmp/w2016.csv --wave 2017=$tmp/w2017.csv --group forvaltning --group sektion --group yrke"
SMALL="--instrument $INS --wave 2016=$T/small/w2016.csv --wave 2017=$T/small/w2017.csv"
run_q() { $VALGRIND "$BIN" run "$@" >"$tmp/last.err" 2>&1; }

# The earlier results every case starts from (a small study), and a user's file.
run_q $SMALL --out "$tmp/earlier" || bad "setup: the small run failed: $(cat "$tmp/last.err")"
echo "the user's own notes" > "$tmp/earlier/notes.txt"
fresh() { rm -rf "$1"; cp -a "$tmp/earlier" "$1"; }
earlier_snap=$(snap "$tmp/earlier")
# unchanged DIR CASE: DIR is exactly the earlier results
unchanged() {
  [ "$(snap "$1")" = "$earlier_snap" ] && ok ||
    bad "$2: the folder changed: $(ls -A "$1" | tr '\n' ' ')"
}

# ---- 1. symbolic links planted at every predictable name
fresh "$tmp/sym"
ln -s "$tmp/outside/victim.txt" "$tmp/sym/.copsoq.lock"
run_q $SMALL --out "$tmp/sym"; rc=$?
[ "$rc" -eq 1 ] && grep -q ".copsoq.lock: is a symbolic link" "$tmp/last.err" && ok ||
  bad "symlink at the lock: exit $rc: $(cat "$tmp/last.err")"
check_outside "symlink at the lock"
rm "$tmp/sym/.copsoq.lock"
for f in $RESULTS; do rm -f "$tmp/sym/$f"; ln -s "$tmp/outside/victim.txt" "$tmp/sym/$f"; done
# the names earlier versions used (.NAME.part-PID) for the next PIDs, too
pid=$(sh -c 'echo $$')
for i in 1 2 3 4 5 6 7 8 9 10; do
  for f in $RESULTS; do ln -s "$tmp/outside/victim.txt" "$tmp/sym/.$f.part-$((pid + i))"; done
done
run_q $SMALL --out "$tmp/sym"; rc=$?
[ "$rc" -eq 0 ] && ok || bad "symlinks at result names: exit $rc: $(cat "$tmp/last.err")"
for f in $RESULTS; do
  [ -f "$tmp/sym/$f" ] && [ ! -L "$tmp/sym/$f" ] || { bad "symlink at $f: still a link or missing"; continue; }
  cmp -s "$tmp/sym/$f" "$tmp/earlier/$f" && ok || bad "symlink at $f: the result differs from a clean run's"
done
check_outside "symlinks at result names"
san "$tmp/last.err" "symlinks"

# ---- 2. a failing run after and beside a good one
for how in missing_wave empty_wave bad_instrument; do
  fresh "$tmp/fail"
  case $how in
    missing_wave) args="$SMALL --wave 2018=$tmp/no-such-file.csv" ;;
    empty_wave) args="--instrument $INS --wave 2016=$T/bad/empty.csv" ;;
    bad_instrument) args="--instrument $T/bad/instrument_unknown_set --wave 2016=$T/small/w2016.csv" ;;
  esac
  run_q $args --out "$tmp/fail"; rc=$?
  [ "$rc" -eq 1 ] && ok || bad "failing run ($how): exit $rc, expected 1"
  unchanged "$tmp/fail" "failing run ($how)"
  san "$tmp/last.err" "failing run ($how)"
done
# beside: a good large run and a failing one into the same folder at once,
# five times; the good one always finishes and its results are complete
run_q $BIG --out "$tmp/big_ref" || bad "setup: the large run failed: $(cat "$tmp/last.err")"
for i in 1 2 3 4 5; do
  rm -rf "$tmp/beside"; mkdir "$tmp/beside"
  $VALGRIND "$BIN" run $BIG --out "$tmp/beside" >"$tmp/good.err" 2>&1 &
  good=$!
  $VALGRIND "$BIN" run $SMALL --wave 2018=$tmp/no-such-file.csv --out "$tmp/beside" >"$tmp/bad.err" 2>&1
  brc=$?
  wait $good; grc=$?
  [ "$brc" -eq 1 ] && ok || bad "beside $i: the failing run exited $brc"
  if [ "$grc" -eq 0 ]; then
    ok; complete "$tmp/beside" "beside $i"
    for f in $RESULTS; do cmp -s "$tmp/beside/$f" "$tmp/big_ref/$f" || bad "beside $i: $f is not the good run's"; done
  else
    # the good run may have found the failing one's lock: it says so, and the
    # folder stays empty
    grep -q "another copsoq run is writing into this folder" "$tmp/good.err" && ok ||
      bad "beside $i: the good run exited $grc: $(cat "$tmp/good.err")"
    [ -z "$(ls -A "$tmp/beside")" ] && ok || bad "beside $i: left $(ls -A "$tmp/beside")"
  fi
done

# ---- 3. SIGINT, SIGTERM and SIGHUP during each stage
# aim SIG AFTER_STAGE: starts a large run into a copy of the earlier results,
# waits for the line of AFTER_STAGE ("start": none), then sends SIG.
interrupted=0; finished=0
aim() {
  sig=$1; after=$2
  fresh "$tmp/sig"
  : > "$tmp/sig.err"
  $VALGRIND "$BIN" run $BIG --out "$tmp/sig" -v 2>"$tmp/sig.err" &
  p=$!
  if [ "$after" != start ]; then
    n=0
    while ! grep -q "stage $after " "$tmp/sig.err" && kill -0 $p 2>/dev/null && [ $n -lt 20000 ]; do
      n=$((n + 1))
    done
  fi
  kill -s "$sig" $p 2>/dev/null
  wait $p; rc=$?
  case "$sig" in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
  if [ "$rc" -eq "$want" ]; then
    interrupted=$((interrupted + 1)); ok
    unchanged "$tmp/sig" "SIG$sig after $after"
  elif [ "$rc" -eq 0 ]; then
    finished=$((finished + 1)); ok
    complete "$tmp/sig" "SIG$sig after $after (finished first)" notes.txt
  else
    bad "SIG$sig after $after: exit $rc: $(tail -3 "$tmp/sig.err")"
  fi
  san "$tmp/sig.err" "SIG$sig after $after"
}
for st in start instrument ingest population score summarise reliability compare write; do
  aim INT $st
  aim TERM $st
done
aim HUP ingest
aim HUP compare
echo "info: signals: $interrupted runs interrupted, $finished finished before the signal"
check_outside "signals"

# ---- 3b. SIGKILL during the report: no handler can run, so the private
# folder (and the lock file) stay.  The earlier results are untouched; the
# next run succeeds, names the leftover folder on stderr and does not delete
# it (it is not that run's).  Up to three tries, in case a run ends first.
killed=0
for try in 1 2 3; do
  fresh "$tmp/kill"
  : > "$tmp/kill.err"
  $VALGRIND "$BIN" run $BIG --out "$tmp/kill" -v 2>"$tmp/kill.err" &
  p=$!
  n=0
  while ! grep -q "stage write " "$tmp/kill.err" && kill -0 $p 2>/dev/null && [ $n -lt 20000 ]; do
    n=$((n + 1))
  done
  kill -s KILL $p 2>/dev/null
  wait $p; rc=$?
  [ "$rc" -eq 137 ] && { killed=1; break; }
done
if [ $killed -eq 1 ]; then
  left=$(ls -A "$tmp/kill" | grep '^\.copsoq-' || true)
  [ -n "$left" ] && ok || bad "SIGKILL: no private folder was left (expected one)"
  for f in $RESULTS notes.txt; do
    cmp -s "$tmp/kill/$f" "$tmp/earlier/$f" && ok || bad "SIGKILL: $f changed"
  done
  run_q $SMALL --out "$tmp/kill"; rc=$?
  [ "$rc" -eq 0 ] && ok || bad "after SIGKILL: the next run exited $rc: $(cat "$tmp/last.err")"
  for x in $left; do
    grep -q "$x: left by a copsoq run that was killed" "$tmp/last.err" && ok ||
      bad "after SIGKILL: $x not named on stderr: $(cat "$tmp/last.err")"
    [ -d "$tmp/kill/$x" ] && ok || bad "after SIGKILL: the next run deleted $x"
  done
  for f in $RESULTS; do
    cmp -s "$tmp/kill/$f" "$tmp/earlier/$f" && ok || bad "after SIGKILL: $f is not a clean run's"
  done
else
  echo "info: SIGKILL: the large run finished before the signal three times; case not reached"
fi
check_outside "SIGKILL"

# ---- 4. two concurrent runs (two studies) into one folder: the folder ends
# up holding exactly one study's results, never a mix
run_q $SMALL --out "$tmp/small_ref" || bad "setup: small reference run failed"
for i in 1 2 3 4 5; do
  rm -rf "$tmp/two"; mkdir "$tmp/two"
  $VALGRIND "$BIN" run $BIG --out "$tmp/two" >"$tmp/a.err" 2>&1 &
  a=$!
  $VALGRIND "$BIN" run $SMALL --out "$tmp/two" >"$tmp/b.err" 2>&1; brc=$?
  wait $a; arc=$?
  for x in "a $arc" "b $brc"; do
    set -- $x
    if [ "$2" -eq 0 ]; then ok
    elif [ "$2" -eq 1 ] && grep -q "another copsoq run is writing into this folder" "$tmp/$1.err"; then ok
    else bad "two $i: run $1 exited $2: $(cat "$tmp/$1.err")"; fi
  done
  same=""
  for ref in big_ref small_ref; do
    m=1
    for f in $RESULTS; do cmp -s "$tmp/two/$f" "$tmp/$ref/$f" || m=0; done
    [ $m -eq 1 ] && same=$ref
  done
  [ -n "$same" ] && ok || bad "two $i: the folder is a mix of both studies or incomplete"
  complete "$tmp/two" "two $i"
done

# ---- 5. a read-only and a full file system
can_mount=0
if [ "$(id -u)" -eq 0 ] && mkdir -p "$tmp/mnt_probe" &&
   mount -t tmpfs -o size=64k tmpfs "$tmp/mnt_probe" 2>/dev/null; then
  umount "$tmp/mnt_probe"; can_mount=1
fi
# read-only: a read-only tmpfs holding the earlier results (root), or a
# folder without write permission (other users)
ro_done=0
if [ $can_mount -eq 1 ]; then
  mkdir -p "$tmp/ro"; mount -t tmpfs -o size=4m tmpfs "$tmp/ro"; mnt="$mnt $tmp/ro"
  cp -a "$tmp/earlier/." "$tmp/ro/"; mount -o remount,ro "$tmp/ro"; ro_done=1
elif [ "$(id -u)" -ne 0 ]; then
  fresh "$tmp/ro"; chmod a-w "$tmp/ro"; ro_done=1
else
  echo "SKIP read-only file system: root without permission to mount a tmpfs"
fi
if [ $ro_done -eq 1 ]; then
  run_q $SMALL --out "$tmp/ro"; rc=$?
  [ "$rc" -eq 1 ] && grep -qE "Read-only file system|Permission denied" "$tmp/last.err" && ok ||
    bad "read-only: exit $rc: $(cat "$tmp/last.err")"
  unchanged "$tmp/ro" "read-only"
  san "$tmp/last.err" "read-only"
fi
# full: a small tmpfs with the earlier results and a little room left, too
# little for the large run's results
if [ $can_mount -eq 1 ]; then
  mkdir -p "$tmp/full"; mount -t tmpfs -o size=2m tmpfs "$tmp/full"; mnt="$mnt $tmp/full"
  cp -a "$tmp/earlier" "$tmp/full/out"
  # fill all but about 100 KB (the large run writes about 900 KB)
  avail=$(df -k --output=avail "$tmp/full" | tail -1)
  dd if=/dev/zero of="$tmp/full/filler" bs=1k count=$((avail - 100)) 2>/dev/null
  run_q $BIG --out "$tmp/full/out"; rc=$?
  [ "$rc" -eq 1 ] && grep -q "No space left on device" "$tmp/last.err" && ok ||
    bad "full file system: exit $rc: $(cat "$tmp/last.err")"
  unchanged "$tmp/full/out" "full file system"
  san "$tmp/last.err" "full file system"
  # the same folder works again once there is room
  rm "$tmp/full/filler"
  run_q $BIG --out "$tmp/full/out"; rc=$?
  [ "$rc" -eq 0 ] && ok || bad "full file system, after making room: exit $rc: $(cat "$tmp/last.err")"
  complete "$tmp/full/out" "full file system, after making room" notes.txt
else
  echo "SKIP full file system: cannot mount a small tmpfs (needs root and mount permission)"
fi

# ---- 6. a wave file truncated while it is read
for cut in 0 1000 2900000; do
  cp "$tmp/w2017.csv" "$tmp/trunc.csv"
  fresh "$tmp/trunc"
  $VALGRIND "$BIN" run --instrument $INS --wave 2016=$tmp/w2016.csv --wave 2017=$tmp/trunc.csv \
    --group forvaltning --out "$tmp/trunc" -v 2>"$tmp/trunc.err" &
  p=$!
  n=0
  while ! grep -q "stage instrument" "$tmp/trunc.err" && kill -0 $p 2>/dev/null && [ $n -lt 20000 ]; do
    n=$((n + 1))
  done
  truncate -s $cut "$tmp/trunc.csv"
  wait $p; rc=$?
  if [ "$rc" -eq 1 ]; then ok; unchanged "$tmp/trunc" "truncated to $cut"
  elif [ "$rc" -eq 0 ]; then ok; complete "$tmp/trunc" "truncated to $cut" notes.txt
  else bad "truncated to $cut: exit $rc: $(tail -3 "$tmp/trunc.err")"; fi
  san "$tmp/trunc.err" "truncated to $cut"
done
check_outside "all cases"
finish

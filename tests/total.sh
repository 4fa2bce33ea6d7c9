#!/bin/sh
# Sums the last "N passed, N failed" line of each log given; prints the total.
p=0; f=0
for log in "$@"; do
  line=$(tail -1 "$log" 2>/dev/null)
  lp=$(echo "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
  lf=$(echo "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
  [ -n "$lp" ] || { lp=0; lf=1; }
  p=$((p + lp)); f=$((f + lf))
done
echo "check: $p passed, $f failed"
[ "$f" -eq 0 ]

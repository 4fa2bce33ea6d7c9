#!/bin/sh
# End-to-end: messages that name the real problem (issue 8).
#  - --id / --group naming an item column (exit 2, the column named);
#  - 4.5 MB of blank lines between records are not "a record longer than";
#    a file of blank lines only is empty; an 8 MB line without a newline is
#    "a line longer than"; an unclosed quote over 4 MB says so;
#  - UTF-32 (both byte orders) is called UTF-32, UTF-16 still UTF-16.
# $1 = build folder.  Last line: "messages: N passed, N failed".
NAME=messages
. tests/e2e_lib.sh
INS=samples/instruments/copsoq3-se
W=tests/data/small/w2016.csv
case_() { expect "$@" && ok; }
first=$(head -1 $W | cut -d, -f5)   # the first item column

case_ id_item 2 "--id '$first' names the item column '$first' of the instrument" check --instrument $INS --wave 1=$W --id "$first"
lower=$(echo "$first" | tr 'A-Z' 'a-z')
case_ group_item 2 "--group '$lower' names the item column '$first' of the instrument" check --instrument $INS --wave 1=$W --group "$lower"

# blank lines: 4.5 MB of them between the header and the rows, or alone
{ head -1 $W; head -c 4500000 /dev/zero | tr '\0' '\n'; sed -n '2,$p' $W; } > "$tmp/blank.csv"
n=$(($(wc -l < $W) - 1))
case_ blank 0 "$n respondents" check --instrument $INS --wave 1="$tmp/blank.csv"
head -c 4500000 /dev/zero | tr '\0' '\n' > "$tmp/only_blank.csv"
case_ only_blank 1 "only_blank.csv: the file is empty" check --instrument $INS --wave 1="$tmp/only_blank.csv"
head -c 8000000 /dev/zero | tr '\0' 'x' > "$tmp/long_line.csv"
case_ long_line 1 "long_line.csv: line 1: a line longer than 4194304 bytes" check --instrument $INS --wave 1="$tmp/long_line.csv"
{ head -1 $W; printf 'X1,"'; head -c 4500000 /dev/zero | tr '\0' '\n'; } > "$tmp/open_quote.csv"
case_ open_quote 1 "open_quote.csv: line 2: a record longer than 4194304 bytes: a quoted field that is never closed?" check --instrument $INS --wave 1="$tmp/open_quote.csv"

# UTF-32 and UTF-16 byte order marks
printf '\377\376\000\000i\000\000\000d\000\000\000' > "$tmp/u32le.csv"
case_ u32le 1 "u32le.csv: line 1: UTF-32 text is not supported" check --instrument $INS --wave 1="$tmp/u32le.csv"
printf '\000\000\376\377\000\000\000i\000\000\000d' > "$tmp/u32be.csv"
case_ u32be 1 "u32be.csv: line 1: UTF-32 text is not supported" check --instrument $INS --wave 1="$tmp/u32be.csv"
printf '\376\377\000i\000d' > "$tmp/u16be.csv"
case_ u16be 1 "u16be.csv: line 1: UTF-16 text is not supported" check --instrument $INS --wave 1="$tmp/u16be.csv"
finish

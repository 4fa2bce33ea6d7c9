#!/usr/bin/python3
"""compare_csv.py GOT.csv WANT.csv KEYS [--rel 1e-9] [--abs 1e-9] [--only-want-rows]
                  [--extra-hidden-ok]

Compares two CSV files row by row, matching rows by the comma-separated key
columns.  Numbers compare with a relative (or absolute) tolerance, text and
empty cells exactly.  Every column of WANT must exist in GOT.  Prints one line
per difference (at most 20) and as its last line `compare: N passed, N failed`
where each row is one check.  Exit 0 only when nothing failed.

--extra-hidden-ok: a row that WANT (the contract's rules) shows and GOT hides
with suppressed_by "crossed" or "nested" (copsoq's protection beyond the
contract) passes, and is counted on a line `extra hidden: N`."""
import csv
import sys


def load(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return [{k.strip(): (v or "").strip() for k, v in r.items()} for r in rows]


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def main():
    a = sys.argv[1:]
    got_p, want_p, keys = a[0], a[1], a[2].split(",")
    rel = float(a[a.index("--rel") + 1]) if "--rel" in a else 1e-9
    ab = float(a[a.index("--abs") + 1]) if "--abs" in a else 1e-9
    got = {tuple(r[k] for k in keys): r for r in load(got_p)}
    want = load(want_p)
    passed = failed = shown = extra = 0

    def say(msg):
        nonlocal shown
        if shown < 20:
            print("FAIL " + msg)
        shown += 1

    for w in want:
        k = tuple(w[c] for c in keys)
        g = got.pop(k, None)
        if g is None:
            failed += 1
            say(f"row {k} missing")
            continue
        if ("--extra-hidden-ok" in a and g.get("suppressed") == "1" and w.get("suppressed") == "0"
                and g.get("suppressed_by") in ("crossed", "nested")):
            extra += 1
            passed += 1
            continue
        bad = []
        for c, wv in w.items():
            if c not in g:
                bad.append(f"column {c} missing")
                continue
            gv = g[c]
            if wv == gv:
                continue
            wn, gn = num(wv), num(gv)
            if wn is None or gn is None or abs(wn - gn) > max(ab, rel * abs(wn)):
                bad.append(f"{c}={gv!r} expected {wv!r}")
        if bad:
            failed += 1
            say(f"row {k}: " + "; ".join(bad[:4]))
        else:
            passed += 1
    if got and "--only-want-rows" not in a:
        failed += 1
        say(f"{len(got)} unexpected rows, e.g. {next(iter(got))}")
    if extra:
        print(f"extra hidden: {extra}")
    print(f"compare: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

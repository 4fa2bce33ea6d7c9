#!/usr/bin/env python3
"""bench_gen.py DIM SIZE OUTDIR - inputs for the scaling benchmark (scripts/bench_scaling.sh).

Writes OUTDIR/instrument/{items,response_sets,scales}.csv, OUTDIR/w1.csv, OUTDIR/w2.csv and
(for DIM=population) OUTDIR/population.csv, and prints the copsoq arguments (one a line).
Deterministic (fixed seed).  DIM is one of:
  groups      SIZE one-person groups per breakdown (SIZE respondents a wave, group = id)
  scales      SIZE scales of 2 items each, 200 respondents a wave
  items       SIZE items in SIZE/10 scales of 10 items, 50 respondents a wave
  longscale   one scale of SIZE items, 200 respondents a wave
  population  SIZE rows in the population file (breakdown unit, 200 units used)
  line        one answer row carries an ignored comment field of SIZE bytes (one line)
"""
import os
import random
import sys

dim, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(8)
os.makedirs(os.path.join(out, "instrument"), exist_ok=True)


def write(path, text):
    with open(os.path.join(out, path), "w", encoding="utf-8", newline="") as f:
        f.write(text)


n_scales = {"scales": size, "items": max(1, size // 10), "longscale": 1}.get(dim, 4)
per_scale = {"scales": 2, "items": 10, "longscale": size}.get(dim, 3)
items = []
lines = ["scale,domain,label_en,label_sv,higher_is"]
for s in range(n_scales):
    lines.append("S%d,D%d,Scale %d,Skala %d,%s" % (s, s % 7, s, s, "good" if s % 2 else "bad"))
    for k in range(per_scale):
        items.append(("I%d_%d" % (s, k), "S%d" % s))
write("instrument/scales.csv", "\n".join(lines) + "\n")
write("instrument/items.csv", "item,scale,response_set,reverse\n" +
      "".join("%s,%s,f5,%d\n" % (i, s, n % 2) for n, (i, s) in enumerate(items)))
write("instrument/response_sets.csv", "response_set,code,points,label_en,label_sv\n" +
      "".join("f5,%d,%d,L%d,E%d\n" % (c, 100 - 25 * (c - 1), c, c) for c in range(1, 6)))

n_resp = {"groups": size, "scales": 200, "items": 50, "longscale": 200}.get(dim, 400)
for w in (1, 2):
    rows = ["id,unit,comment," + ",".join(i for i, _ in items)]
    for r in range(n_resp):
        unit = "P%d" % r if dim == "groups" else "U%d" % (r % 200)
        comment = "x" * size if dim == "line" and r == 0 else ""
        rows.append("P%d,%s,%s,%s" % (r, unit, comment,
                                      ",".join(str(rnd.randint(1, 5)) for _ in items)))
    write("w%d.csv" % w, "\n".join(rows) + "\n")
args = ["--instrument", os.path.join(out, "instrument"), "--wave", "1=" + os.path.join(out, "w1.csv"),
        "--wave", "2=" + os.path.join(out, "w2.csv"), "--group", "unit", "--min-group", "3"]
if dim == "population":
    pop = ["breakdown,group,headcount,wave"]
    for r in range(size):
        pop.append("unit,U%d,%d,%d" % (r, 5 + r % 7, 1 + r % 2))
    write("population.csv", "\n".join(pop) + "\n")
    args += ["--population", os.path.join(out, "population.csv")]
print("\n".join(args))

#!/usr/bin/python3
"""make_waves.py - writes wave1.csv, wave2.csv, wave3.csv of this folder: a small
three-wave study with hand-placed edge cases (see README.md).  Deterministic:
python3 make_waves.py reproduces the committed files byte for byte."""
import random

rng = random.Random(20240601)
ITEMS = ["A1", "A2", "A3", "B1", "B2", "C1", "D1", "D2"]
REVERSED = {"A3"}
# wave effects on the latent 0-100 level: A down by 10 in wave 2, B up by 8 in wave 3
SHIFT = {"A": [0, -10, -10], "B": [0, 0, 8], "C": [0, 0, 0], "D": [0, 0, 0]}

people = {}
def person(pid, units, role):
    people[pid] = {"units": units, "role": role,
                   "lat": {s: rng.gauss(50, 15) for s in "ABCD"}}

# panel P01-P20 in all waves; P05 moves U1 -> U2 in wave 2, P06 U2 -> U3 in wave 3
for i in range(1, 21):
    u = ["U1", "U2", "U3"][(i - 1) % 3] if i > 2 else "U1"
    units = [u, u, u]
    if i == 5: units = ["U1", "U2", "U2"]
    if i == 6: units = ["U2", "U2", "U3"]
    if i in (19, 20): units = [u, "Lab", u]  # unit Lab in wave 2 only for them
    role = ["nurse", "doctor", "nurse", "admin"][i % 4]
    person(f"P{i:02d}", units, role)
for i in range(1, 7):                       # wave 1 only; X01-X03 form unit Gone
    person(f"X{i:02d}", ["Gone" if i <= 3 else "U1", None, None], "nurse")
for i in range(1, 6):                       # from wave 2 on; Y01-Y04 form unit "Ny enhet"
    u = "Ny enhet" if i <= 4 else "Lab"
    person(f"Y{i:02d}", [None, u, u], "doctor")
for i in range(1, 5):                       # wave 3 only; Lab has 3 answers in waves 2 and 3, 1 pair
    person(f"Z{i:02d}", [None, None, "U2" if i <= 2 else "Lab"], "nurse")
people["P07"]["role"] = ""                  # two respondents without role: group (missing)
people["Y05"]["role"] = ""

def code_for(points, reverse):
    p = 100 - points if reverse else points
    p = min(100, max(0, p))
    return 5 - int(round(p / 25))           # code 1 = 100 points ... 5 = 0

def answers(pid, w):
    lat = people[pid]["lat"]
    unit = people[pid]["units"][w]
    row = {}
    for it in ITEMS:
        s = it[0]
        v = lat[s] + SHIFT[s][w] + rng.gauss(0, 12)
        if s == "B" and unit == "U3" and w >= 1:
            v = 50 if w == 1 else 75          # unit U3: identical answers on B in waves 2 and 3
        row[it] = str(code_for(v, it in REVERSED))
    if w == 1:
        row["D1"] = row["D2"] = ""          # scale D answered by nobody in wave 2
    return row

for w in range(3):
    lines = ["id,unit,role," + ",".join(ITEMS)]
    ids = [p for p in people if people[p]["units"][w] is not None]
    rng.shuffle(ids)
    for k, pid in enumerate(ids):
        a = answers(pid, w)
        if k % 7 == 3:
            a[rng.choice(ITEMS[:6])] = rng.choice(["", "NA", ".", "6"])  # missing and Don't know
        lines.append(",".join([pid, people[pid]["units"][w], people[pid]["role"]] + [a[i] for i in ITEMS]))
    open(f"wave{w + 1}.csv", "w", newline="\n").write("\n".join(lines) + "\n")

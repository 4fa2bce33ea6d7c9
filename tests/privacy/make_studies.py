#!/usr/bin/env python3
"""Writes the generated studies of the attack test (tests/privacy/attack.py) into a folder.

    python3 tests/privacy/make_studies.py OUTDIR [--fuzz FIRST:LAST]

Deterministic (random.Random with fixed seeds, no clock): two runs give identical files.
Both studies use the tiny instrument in tests/privacy/instrument (scales WL, LS and the
sensitive HA). Each study folder holds one CSV per wave and study.json (waves in order,
grouping columns, min_group, min_group_sensitive) for attack.py.

crossed   two waves (2022, 2023), groups unit and yrke (profession), crossed:
          - unit Lab has 3 respondents (primary suppression); the secondary rule then
            hides the next smallest unit, Kök (6), whose members are exactly the
            profession kock; so all - Akut - Bemanning - Centrum - Fys - kock = Lab;
          - unit Fys has 7 respondents in each wave, 6 of them the same people (a paired
            row of 6 leaves one person over in each wave);
          - panel members moving between units and one changing profession;
          - the sensitive scale HA is answered by 14 people in 2022 (below the default
            --min-group-sensitive 20) and by most in 2023;
          - planted echoes: another respondent's id typed into an answer cell, two
            free-text comments in answer columns, a duplicate id, labels instead of codes
            (either language, any case, surrounding spaces).
mixed     two waves of 150, three crossed breakdowns (unit, yrke, alder) drawn at random with
          uneven shares: many small groups and intersections, movers (a stress test).
          --fuzz FIRST:LAST adds fuzzSEED folders: the same design with those seeds,
          60, 100 or 150 respondents a wave, two or three waves (odd seeds: three) and 3 %
          empty group cells (attack.py --fuzz).
threewave three waves (2019, 2020, 2021), group unit, a panel across all three with movers;
          units of 2 and 4 (hidden), 5 (the same five people every wave: median, q1, q3, mean
          and sd give all five scores unless the order statistics are hidden), 7 with 6
          pairs, 12, 18, 25; an id of 2019 typed into a 2021 answer cell.
"""
import json
import os
import random
import sys

ITEMS = ["WL1", "WL2", "WL3", "LS1", "LS2", "HA1", "HA2"]
LABELS = {  # code -> labels (en, sv) of each response set, as in instrument/response_sets.csv
    "freq5": {1: ("Always", "Alltid"), 2: ("Often", "Ofta"), 3: ("Sometimes", "Ibland"),
              4: ("Seldom", "Sällan"), 5: ("Never", "Aldrig")},
    "ext5_nosup": {1: ("Very much", "Mycket"), 2: ("Much", "Ganska mycket"),
                   3: ("Somewhat", "Delvis"), 4: ("Little", "Lite"),
                   5: ("Very little", "Mycket lite"), 6: ("No manager", "Ingen chef")},
    "yesno": {1: ("Yes", "Ja"), 2: ("No", "Nej"), 3: ("Rather not say", "Vill inte svara")},
}
SET_OF = {"WL1": "freq5", "WL2": "freq5", "WL3": "freq5", "LS1": "ext5_nosup",
          "LS2": "ext5_nosup", "HA1": "yesno", "HA2": "yesno"}


class Person:
    def __init__(self, rng, pid, unit, yrke):
        self.id, self.unit, self.yrke = pid, unit, yrke
        self.level = rng.gauss(0.0, 1.0)  # latent work-environment level, kept across waves


def cell(rng, item, code):
    """The code as text, now and then as a label in either language and any case."""
    r = rng.random()
    if r < 0.06:
        en, sv = LABELS[SET_OF[item]][code]
        lab = rng.choice([en, sv])
        return rng.choice([lab, lab.lower(), lab.upper(), " " + lab + " "])
    return str(code)


def answers(rng, p, ha_answers):
    out = {}
    for it in ITEMS:
        if it.startswith("HA"):
            if ha_answers:
                code = 1 if rng.random() < 0.2 else 2
            else:
                code = 3 if rng.random() < 0.5 else None
        elif it.startswith("LS") and rng.random() < 0.05:
            code = 6  # no manager: counts as missing
        else:
            code = min(5, max(1, round(3 + p.level + rng.gauss(0, 0.9))))
        if code is not None and rng.random() < 0.06:
            code = None  # skipped item
        out[it] = "" if code is None else cell(rng, it, code)
    return out


def write_wave(path, groups, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(["id"] + groups + ITEMS) + "\n")
        for r in rows:
            vals = [r["id"]] + [r[g] for g in groups] + [r[i] for i in ITEMS]
            f.write(",".join(quote(v) for v in vals) + "\n")


def quote(v):
    return '"' + v.replace('"', '""') + '"' if ("," in v or '"' in v) else v


def crossed(folder):
    rng = random.Random(20220301)
    os.makedirs(folder, exist_ok=True)
    n = [0]

    def new(unit, yrke):
        n[0] += 1
        return Person(rng, "P%04d" % n[0], unit, yrke)

    staff = ["sjuksköterska", "undersköterska", "läkare"]
    a = []
    for unit, size in (("Akut", 30), ("Bemanning", 24), ("Centrum", 20), ("Fys", 7)):
        a += [new(unit, rng.choice(staff)) for _ in range(size)]
    a += [new("Kök", "kock") for _ in range(6)]
    a += [new("Lab", rng.choice(["sjuksköterska", "läkare"])) for _ in range(3)]
    # wave B: 6 of Fys's 7 stay, 5 of 6 cooks, 2 of 3 in Lab, about 3 in 4 of the rest
    b = []
    for unit in ("Akut", "Bemanning", "Centrum", "Fys", "Kök", "Lab"):
        mem = [p for p in a if p.unit == unit]
        keep = {"Fys": 6, "Kök": 5, "Lab": 2}.get(unit, round(len(mem) * 0.75))
        b += mem[:keep]
    movers = [p for p in b if p.unit == "Akut"][2:4] + [p for p in b if p.unit == "Bemanning"][:1]
    moved = {movers[0].id: "Bemanning", movers[1].id: "Bemanning", movers[2].id: "Centrum"}
    promoted = [p for p in b if p.unit == "Centrum" and p.yrke == "undersköterska"][0].id
    b_rows = []
    ha_b = set(rng.sample(range(200), 140))
    for k, p in enumerate(b):
        unit = moved.get(p.id, p.unit)
        yrke = "sjuksköterska" if p.id == promoted else p.yrke
        b_rows.append(dict(id=p.id, unit=unit, yrke=yrke, **answers(rng, p, k in ha_b)))
    extra = [("Akut", 6), ("Bemanning", 5), ("Centrum", 4), ("Fys", 1), ("Lab", 1)]
    for unit, size in extra:
        for _ in range(size):
            yr = rng.choice(staff) if unit != "Lab" else "läkare"
            p = new(unit, yr)
            b_rows.append(dict(id=p.id, unit=unit, yrke=yr, **answers(rng, p, rng.random() < 0.7)))
    kock = new("Kök", "kock")
    b_rows.append(dict(id=kock.id, unit="Kök", yrke="kock", **answers(rng, kock, True)))
    ha_a = set(rng.sample(range(len(a)), 14))
    a_rows = [dict(id=p.id, unit=p.unit, yrke=p.yrke, **answers(rng, p, k in ha_a))
              for k, p in enumerate(a)]
    # planted echoes
    a_rows[10]["WL1"] = "Ja, ofta, men bara på fredagar när vi är få"
    left = [p.id for p in a if p.id not in {q["id"] for q in b_rows}]
    b_rows[5]["WL2"] = left[0]  # a colleague's id (who did not answer in 2023) typed in
    b_rows[12]["LS1"] = "han borde sluta med det där"
    dup = dict(b_rows[20])
    dup.update(WL1="1", WL2="1", WL3="5")
    b_rows.insert(40, dup)  # a duplicate id: the first row must be the one kept
    rng.shuffle(a_rows)
    rng.shuffle(b_rows)
    write_wave(os.path.join(folder, "w2022.csv"), ["unit", "yrke"], a_rows)
    write_wave(os.path.join(folder, "w2023.csv"), ["unit", "yrke"], b_rows)
    spec = {"waves": [["2022", "w2022.csv"], ["2023", "w2023.csv"]],
            "groups": ["unit", "yrke"], "id": "id", "min_group": 5, "min_group_sensitive": 20}
    with open(os.path.join(folder, "study.json"), "w") as f:
        json.dump(spec, f, indent=1)


def threewave(folder):
    rng = random.Random(20190901)
    os.makedirs(folder, exist_ok=True)
    n = [0]

    def new(unit):
        n[0] += 1
        return Person(rng, "T%04d" % n[0], unit, "")

    sizes = {"Norr": 25, "Söder": 18, "Väster": 12, "Öster": 7, "Kaj": 5, "Hamn": 4, "Torg": 2}
    people = [new(u) for u, s in sizes.items() for _ in range(s)]
    waves = []
    for w in range(3):
        if w:
            # keep 6 of Öster, about 4 in 5 elsewhere; two movers; refill to the sizes
            kept = []
            for u in sizes:
                mem = [p for p in people if p.unit == u]
                keep = {"Öster": 6, "Kaj": 5}.get(u, max(1, round(len(mem) * 0.8)))
                kept += mem[:keep]
            for p in rng.sample([p for p in kept if p.unit in ("Norr", "Söder")], 2):
                p.unit = "Väster" if p.unit == "Norr" else "Norr"
            people = kept
            for u, s in sizes.items():
                have = sum(1 for p in people if p.unit == u)
                people += [new(u) for _ in range(max(0, s - have))]
        rows = [dict(id=p.id, unit=p.unit, **answers(rng, p, rng.random() < 0.6)) for p in people]
        for p in people:
            p.level += rng.gauss(0, 0.3)
        waves.append(rows)
    waves[2][3]["HA1"] = waves[0][-1]["id"]  # an id of 2019 typed into an answer cell
    labels = ["2019", "2020", "2021"]
    for lab, rows in zip(labels, waves):
        rng.shuffle(rows)
        write_wave(os.path.join(folder, "w%s.csv" % lab), ["unit"], rows)
    spec = {"waves": [[lab, "w%s.csv" % lab] for lab in labels], "groups": ["unit"],
            "id": "id", "min_group": 5, "min_group_sensitive": 20}
    with open(os.path.join(folder, "study.json"), "w") as f:
        json.dump(spec, f, indent=1)


def mixed(folder, seed=5, size=150, nwaves=2, missing=0.0):
    """Waves (2024, 2025, ...) of `size`, three crossed breakdowns (unit, yrke, age band)
    drawn at random with uneven shares, so that many intersections and some groups are small;
    a panel of about 70 % from wave to wave with movers between units and age bands; a share
    `missing` of empty group cells (the group "(missing)")."""
    rng = random.Random(seed)  # 5: a study that 0652e22 leaked (paired across breakdowns)
    blank = random.Random(seed + 1)
    os.makedirs(folder, exist_ok=True)
    units = ["U%d" % k for k in range(1, 9)]
    uw = [30, 25, 20, 15, 8, 5, 4, 2]
    yrken = ["sjuksköterska", "undersköterska", "läkare", "kurator", "sekreterare"]
    yw = [40, 30, 15, 8, 4]
    ages = ["-29", "30-44", "45-59", "60-"]
    aw = [15, 35, 35, 10]
    groups = ["unit", "yrke", "alder"]
    n = [0]

    def new():
        n[0] += 1
        p = Person(rng, "X%04d" % n[0], rng.choices(units, uw)[0], rng.choices(yrken, yw)[0])
        p.age = rng.choices(ages, aw)[0]
        return p

    def rows_of(people):
        rows = [dict(id=p.id, unit=p.unit, yrke=p.yrke, alder=p.age,
                     **answers(rng, p, rng.random() < 0.8)) for p in people]
        for r in rows:
            for g in groups:
                if missing and blank.random() < missing:
                    r[g] = ""
        return rows

    people = [new() for _ in range(size)]
    labels = [str(2024 + k) for k in range(nwaves)]
    waves = [rows_of(people)]
    for _ in labels[1:]:
        stay = [p for p in people if rng.random() < 0.7]
        for p in stay:
            if rng.random() < 0.08:
                p.unit = rng.choices(units, uw)[0]
            if rng.random() < 0.1 and p.age != "60-":
                p.age = ages[ages.index(p.age) + 1]
        people = stay + [new() for _ in range(size - len(stay))]
        waves.append(rows_of(people))
    for lab, rows in zip(labels, waves):
        write_wave(os.path.join(folder, "w%s.csv" % lab), groups, rows)
    spec = {"waves": [[lab, "w%s.csv" % lab] for lab in labels], "groups": groups,
            "id": "id", "min_group": 5, "min_group_sensitive": 20}
    with open(os.path.join(folder, "study.json"), "w") as f:
        json.dump(spec, f, indent=1)


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--fuzz"):
        sys.exit("usage: make_studies.py OUTDIR [--fuzz FIRST:LAST]")
    crossed(os.path.join(sys.argv[1], "crossed"))
    threewave(os.path.join(sys.argv[1], "threewave"))
    mixed(os.path.join(sys.argv[1], "mixed"))
    if len(sys.argv) == 4:  # more studies like mixed: seeds FIRST..LAST, 60/100/150 a wave
        first, last = (int(x) for x in sys.argv[3].split(":"))
        for seed in range(first, last + 1):
            mixed(os.path.join(sys.argv[1], "fuzz%d" % seed), seed, (60, 100, 150)[seed % 3],
                  2 + seed % 2, 0.03)


if __name__ == "__main__":
    main()

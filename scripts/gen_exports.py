#!/usr/bin/python3
"""Writes samples/exports/: the first 300 respondents of each Malmö wave as six
survey tools export them, with tools independent of copsoq (Python's csv
module, openpyxl for .xlsx, the readstat command for .sav).

    /usr/bin/python3 scripts/gen_exports.py [ROWS]

Each export holds the same answers as `head -n ROWS+1 samples/malmo/waveYYYY.csv`:
codes become the tool's answer texts where the tool exports texts, labels
become codes where it exports numbers; a token that is neither stays as it is
(it is an invalid value either way), and in .sav a non-number is missing.
Also writes tests/data/bad/label_mismatch.sav (value labels shifted by one:
the numeric-recode trap) and tests/data/bad/not_a_workbook.xlsx.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INS = os.path.join(ROOT, "samples", "instruments", "copsoq3-se")
MALMO = os.path.join(ROOT, "samples", "malmo")
OUT = os.path.join(ROOT, "samples", "exports")
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
GROUPS = ["forvaltning", "sektion", "yrke"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


items = read_csv(os.path.join(INS, "items.csv"))
ih = items[0]
items = [dict(zip(ih, r)) for r in items[1:]]
sets = {}
for r in read_csv(os.path.join(INS, "response_sets.csv"))[1:]:
    sets.setdefault(r[0], []).append({"code": int(r[1]), "points": r[2], "en": r[3], "sv": r[4]})
scales = {r[0]: r for r in read_csv(os.path.join(INS, "scales.csv"))[1:]}


def code_of(item, tok):
    """The option code of a token (contract §1), or None when missing/invalid."""
    t = tok.strip()
    if t in ("", "NA", "."):
        return None
    for o in sets[item["response_set"]]:
        if t == str(o["code"]) or t.lower() in (o["en"].lower(), o["sv"].lower()):
            return o["code"]
    return None


def option(item, code):
    return next(o for o in sets[item["response_set"]] if o["code"] == code)


def as_text(item, tok, lang):
    c = code_of(item, tok)
    if c is None:
        return "" if tok.strip() in ("", "NA", ".") else tok
    return option(item, c)[lang]


def as_code(item, tok):
    c = code_of(item, tok)
    if c is None:
        return "" if tok.strip() in ("", "NA", ".") else tok
    return str(c)


def wave(year):
    rows = read_csv(os.path.join(MALMO, "wave%d.csv" % year))
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:ROWS + 1]]


def stem(item):
    """A matrix question's stem: the scale's Swedish label, as a tool would show it."""
    return scales[item["scale"]][3] if len(scales[item["scale"]]) > 3 else item["scale"]


def write_csv(path, rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, bom=False, trailer=""):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    w.writerows(rows)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue() + trailer)


def limesurvey(year, data):
    """LimeSurvey 'full question text' headings 'Stem [Subquestion]', answer texts,
    ';', every field quoted, BOM, a trailing blank line; `id` is its row number,
    the person is the participant token."""
    head = ["id", "submitdate", "lastpage", "startlanguage", "token"] + GROUPS
    head += ["%s [%s]" % (stem(it), it["text_sv"]) for it in items]
    rows = [head]
    for n, r in enumerate(data, 1):
        rows.append([str(n), "%d-03-%02d 10:00:00" % (year, 1 + n % 28), "5", "sv", r["id"]] +
                    [r[g] for g in GROUPS] + [as_text(it, r[it["item"]], "sv") for it in items])
    write_csv(os.path.join(OUT, "limesurvey", "wave%d.csv" % year), rows, ";", csv.QUOTE_ALL,
              True, "\r\n")


def qualtrics(year, data):
    """Qualtrics: line 1 names, line 2 question texts 'Stem - Row', line 3 ImportIds;
    numeric values (the survey's recode values set to the instrument's codes)."""
    meta = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
            "ResponseId", "ExternalReference"]
    q = ["Q%d_%d" % (1 + i // 10, 1 + i % 10) for i in range(len(items))]
    rows = [meta + GROUPS + q,
            ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)",
             "Finished", "Response ID", "External Data Reference"] + GROUPS +
            ["%s - %s" % (stem(it), it["text_sv"]) for it in items],
            ['{"ImportId":"%s"}' % m for m in ["startDate", "endDate", "status", "progress",
                                                 "duration", "finished", "_recordId",
                                                 "externalDataReference"]] +
            ['{"ImportId":"%s"}' % g for g in GROUPS] +
            ['{"ImportId":"QID%d_%d"}' % (1 + i // 10, 1 + i % 10) for i in range(len(items))]]
    for n, r in enumerate(data, 1):
        rows.append(["%d-03-01 10:00:00" % year, "%d-03-01 10:20:00" % year, "0", "100", "1200",
                     "1", "R_%d%05dx" % (year, n), r["id"]] + [r[g] for g in GROUPS] +
                    [as_code(it, r[it["item"]]) for it in items])
    write_csv(os.path.join(OUT, "qualtrics", "wave%d.csv" % year), rows)


def surveymonkey(year, data):
    """SurveyMonkey: two header lines, the question text only over the first column
    of a matrix, 'Response' under single questions; English answer texts."""
    h1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
          "Email Address", "First Name", "Last Name", "Custom Data 1"] + GROUPS
    h2 = [""] * 9 + ["Response"] * len(GROUPS)
    last = None
    for it in items:
        s = stem(it)
        h1.append(s if s != last else "")
        h2.append(it["text_sv"])
        last = s
    rows = [h1, h2]
    for n, r in enumerate(data, 1):
        rows.append([str(11000000000 + year * 1000 + n), "400000", "03/01/%d" % year,
                     "03/01/%d" % year, "", "", "", "", r["id"]] + [r[g] for g in GROUPS] +
                    [as_text(it, r[it["item"]], "en") for it in items])
    write_csv(os.path.join(OUT, "surveymonkey", "wave%d.csv" % year), rows)


def googleforms(year, data):
    """Google Forms: 'Tidstämpel', grid questions 'Stem [Row]', answer labels."""
    head = ["Tidstämpel", "E-postadress"] + GROUPS
    head += ["%s [%s]" % (stem(it), it["text_sv"]) for it in items]
    rows = [head]
    for n, r in enumerate(data, 1):
        rows.append(["%d/03/01 10:%02d:00" % (year, n % 60), r["id"]] + [r[g] for g in GROUPS] +
                    [as_text(it, r[it["item"]], "sv") for it in items])
    write_csv(os.path.join(OUT, "googleforms", "wave%d.csv" % year), rows)


def msforms(year, data):
    """Microsoft Forms' Excel file: ID (its row number), times, Email (the person),
    one column per question headed by its text, answer labels."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name"] + GROUPS +
              [it["text_sv"] for it in items])
    for n, r in enumerate(data, 1):
        ws.append([n, "%d-03-01 10:00" % year, "%d-03-01 10:20" % year, r["id"], None] +
                  [r[g] or None for g in GROUPS] +
                  [as_text(it, r[it["item"]], "sv") or None for it in items])
    wb.save(os.path.join(OUT, "msforms", "wave%d.xlsx" % year))


def sav_metadata(shift=0):
    variables = [{"type": "STRING", "name": "id", "label": "Respondent"}]
    variables += [{"type": "STRING", "name": g} for g in GROUPS]
    for it in items:
        v = {"type": "NUMERIC", "name": it["item"], "label": it["text_sv"][:120],
             "categories": [{"code": o["code"] + shift, "label": o["sv"]}
                            for o in sets[it["response_set"]]]}
        missing = [o["code"] for o in sets[it["response_set"]] if o["points"] == ""]
        if missing and not shift:
            v["missing"] = {"type": "DISCRETE", "values": missing}  # SPSS user-missing
        variables.append(v)
    return {"type": "SPSS", "variables": variables}


def spss(year, data, path, shift=0):
    """SPSS .sav with value labels, written by the readstat command from CSV + JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        rows = [["id"] + GROUPS + [it["item"] for it in items]]
        for r in data:
            vals = []
            for it in items:
                c = as_code(it, r[it["item"]])
                vals.append(c if c.lstrip("-").isdigit() else "")
            rows.append([r["id"]] + [r[g] for g in GROUPS] + vals)
        write_csv(os.path.join(tmp, "w.csv"), rows)
        with open(os.path.join(tmp, "w.json"), "w", encoding="utf-8") as f:
            json.dump(sav_metadata(shift), f, ensure_ascii=False)
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["readstat", os.path.join(tmp, "w.csv"), os.path.join(tmp, "w.json"),
                        path], check=True, stdout=subprocess.DEVNULL)


def main():
    for d in ["limesurvey", "qualtrics", "surveymonkey", "googleforms", "msforms", "spss"]:
        os.makedirs(os.path.join(OUT, d), exist_ok=True)
    for year in (2016, 2017):
        data = wave(year)
        limesurvey(year, data)
        qualtrics(year, data)
        surveymonkey(year, data)
        googleforms(year, data)
        msforms(year, data)
        spss(year, data, os.path.join(OUT, "spss", "wave%d.sav" % year))
    bad = os.path.join(ROOT, "tests", "data", "bad")
    spss(2016, wave(2016)[:40], os.path.join(bad, "label_mismatch.sav"), shift=-1)
    with zipfile.ZipFile(os.path.join(bad, "not_a_workbook.xlsx"), "w") as z:
        z.writestr("readme.txt", "a zip file, but no workbook inside\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""report_check.py - end-to-end checks of report.xlsx (issue 4).

Runs BUILD/copsoq on the conformance case p1/a (tests/data/p1) and, when present, on the
Malmö samples; reads the workbook back with openpyxl and checks it against
scale_summary.csv and comparison.csv written by the same run:

  - key cells of the overview and the breakdown sheets equal the CSV numbers;
  - every suppressed summary / comparison row shows "–" and no figure;
  - no respondent id appears anywhere in the file (cells, charts, metadata);
  - no NaN/Inf cell, valid sheet names, English sheets and headings with --lang en;
  - two runs with SOURCE_DATE_EPOCH give byte-identical files;
  - response rates per wave (Malmö population file; a per-wave file on p1
    with a rate under 60 %; the same counts without a wave column) against
    respondents / head count computed by hand, and the generated sentences;
  - one wave, everything suppressed, and a bad population file;
  - both languages of every text take the same printf arguments;
  - LibreOffice converts the workbook to PDF (SKIP when soffice is absent).

Usage: report_check.py BUILD_DIR   (run from anywhere; paths are found from
this file).  Prints one line per check and ends with
"report: N passed, N failed"; exits non-zero on a failure.
"""
import csv
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

try:
    import openpyxl
except ImportError:  # the caller picks a python3 with openpyxl; say so clearly
    print("FAIL - python3 has no openpyxl (sh scripts/setup.sh installs python3-openpyxl)")
    print("report: 0 passed, 1 failed")
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The inputs of conformance case p1/a, copied into the repository (tests/data/p1/README.md).
P1 = os.path.join(HERE, "data", "p1")
MALMO = os.path.join(ROOT, "samples", "malmo")
MALMO_INS = os.path.join(ROOT, "samples", "instruments", "copsoq3-se")
DASH = "\u2013"
EPOCH = "1700000000"

import tally  # noqa: E402  (tests/ is the script's folder)
from tally import check  # noqa: E402


def skip(what, why):
    print("SKIP - %s: %s" % (what, why))


def quiet(err):
    """stderr without the per-wave respondent counts every run prints (contract §2a)."""
    return "\n".join(l for l in err.splitlines() if not re.match(r"copsoq: wave .*: \d+ respondents", l)).strip()


def run(binary, args, env_extra=None):
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("VALGRIND", None)
    if env_extra:
        env.update(env_extra)
    wrap = os.environ.get("VALGRIND", "").split()
    p = subprocess.run(wrap + [binary] + args, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fnum(s):
    return float(s) if s not in ("", None) else None


def close(a, b, tol=1e-9):
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return abs(a - b) <= tol * max(1.0, abs(b))


def ids_of(paths, id_col="id"):
    ids = set()
    for p in paths:
        with open(p, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                v = (row.get(id_col) or "").strip()
                if v:
                    ids.add(v)
    return ids


def scales_of(ins_dir):
    rows = read_csv(os.path.join(ins_dir, "scales.csv"))
    return {r["scale"]: r for r in rows}


# ---------------------------------------------------------------- workbook helpers

def cells(ws):
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                yield c


def find_row(ws, col, text):
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=col).value == text:
            return r
    return None


def overview_rows(ws, header_text):
    """{scale label: row} below the header row whose column A is header_text."""
    h1 = find_row(ws, 1, header_text)
    rows = {}
    if h1 is None:
        return None, rows
    for r in range(h1 + 2, ws.max_row + 1):
        a = ws.cell(row=r, column=1).value
        b = ws.cell(row=r, column=2).value
        if a is not None and b is not None:
            rows[a] = r
    return h1, rows


def breakdown_blocks(ws, first_col_head, band_prefix):
    """Scale columns by label, and {band text: {group: row}}."""
    hr = find_row(ws, 1, first_col_head)
    cols = {}
    for c in range(2, ws.max_column + 1):
        v = ws.cell(row=hr + 1, column=c).value
        if v:  # long scale names are shown on two lines
            cols[v.replace("\n", " ")] = c
    blocks = {}
    cur = None
    for r in range(hr + 2, ws.max_row + 1):
        a = ws.cell(row=r, column=1).value
        b = ws.cell(row=r, column=2).value
        if a is None:
            cur = None
            continue
        if b is None:  # a band row (merged): starts a block, ours or another
            cur = blocks.setdefault(a, {}) if str(a).startswith(band_prefix) else None
            continue
        if cur is not None:
            cur[a] = r
    return cols, blocks


# ---------------------------------------------------------------- checks

def parse_texts():
    """{id: (sv, en)} from the X-macro table in report_text.h (literals may be split)."""
    src = open(os.path.join(ROOT, "include", "copsoq", "report_text.h"), encoding="utf-8").read()
    body = src[src.index("#define CQ_REPORT_TEXTS(X)"):]
    body = body[:body.index("\n\n")] if "\n\n" in body else body
    body = body.replace("\\\n", " ")
    lit = r'"(?:[^"\\]|\\.)*"'
    texts = {}
    for m in re.finditer(r"X\((CQ_T_\w+),\s*((?:%s\s*)+),\s*((?:%s\s*)+)\)" % (lit, lit), body):
        join = lambda seq: "".join(bytes(x[1:-1], "utf-8").decode("unicode_escape").encode(
            "latin-1").decode("utf-8") for x in re.findall(lit, seq))
        texts[m.group(1)] = (join(m.group(2)), join(m.group(3)))
    return texts, body.count("X(CQ_T_")


def check_texts():
    """Both languages of every text take the same printf arguments."""
    texts, declared = parse_texts()
    bad = []
    spec = lambda t: [x for x in re.findall(r"%%|%zu|%s|%d", t) if x != "%%"]
    for i, (sv, en) in texts.items():
        if spec(sv) != spec(en):
            bad.append(i)
        for t in (sv, en):
            if spec(t) and "%" in re.sub(r"%%|%zu|%s|%d", "", t):
                bad.append(i + " (a lone %)")
    check(len(texts) == declared and not bad,
          "texts: %d of %d texts parsed, same printf arguments in both languages"
          % (len(texts), declared), bad)


def check_no_inline_texts():
    """Report code picks no words by language itself: every text is an id of report_text.h
    (a literal chosen with `en ? "..." : "..."` has letters; number punctuation may stay)."""
    bad = []
    for name in sorted(os.listdir(os.path.join(ROOT, "stages"))):
        if not (name.startswith("report") and name.endswith(".c")):
            continue
        src = open(os.path.join(ROOT, "stages", name), encoding="utf-8").read()
        for m in re.finditer(r'\ben\s*\?\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")', src):
            plain = re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]+|.)", "", m.group(1) + m.group(2))
            if re.search(r"[A-Za-z]", plain):
                bad.append("%s:%d" % (name, src.count("\n", 0, m.start()) + 1))
    check(not bad, "report code takes its words from report_text.h, none inline by language", bad)


def check_common(path, ids, lang_en):
    """Checks every workbook must pass."""
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    badnames = [s for s in names if len(s) > 31 or re.search(r"[\[\]:*?/\\]", s)]
    check(not badnames, "sheet names valid (<= 31 characters, no []:*?/\\)", badnames)
    lower = [s.lower() for s in names]
    check(len(set(lower)) == len(lower), "sheet names unique", names)
    nonfinite = []
    for ws in wb.worksheets:
        for c in cells(ws):
            v = c.value
            if isinstance(v, float) and not math.isfinite(v):
                nonfinite.append("%s!%s" % (ws.title, c.coordinate))
            if isinstance(v, str) and v.strip().lower() in ("nan", "inf", "-inf", "#num!"):
                nonfinite.append("%s!%s=%s" % (ws.title, c.coordinate, v))
    check(not nonfinite, "no NaN/Inf cell", nonfinite[:5])
    # respondent ids: no token of any XML part of the file is an id
    z = zipfile.ZipFile(path)
    tokens = set()
    for n in z.namelist():
        tokens.update(re.findall(r"[^\s<>\"'=,;:/()\[\]]+", z.read(n).decode("utf-8", "replace")))
    leaked = sorted(ids & tokens)
    check(not leaked, "no respondent id anywhere in the file (%d ids)" % len(ids), leaked[:5])
    first = names[0]
    # the traffic-light sheet exists only with cut-offs (checked where it matters)
    want = ("Overview", "Charts", "Items", "Reliability", "Data quality",
            "Method", "Provenance") if lang_en else \
           ("Översikt", "Diagram", "Frågor", "Reliabilitet", "Datakvalitet",
            "Metod", "Spårbarhet")
    check(first == want[0] and all(w in names for w in want),
          "sheets in %s: %s" % ("English" if lang_en else "Swedish", ", ".join(want)), names)
    return wb


def check_overview(wb, out, scales, lang_en, waves):
    ws = wb[wb.sheetnames[0]]
    label = "label_en" if lang_en else "label_sv"
    h1, rows = overview_rows(ws, "Scale" if lang_en else "Skala")
    if not check(h1 is not None and len(rows) == len(scales),
                 "overview: one row per scale (%d)" % len(scales), (h1, len(rows))):
        return
    summ = read_csv(os.path.join(out, "scale_summary.csv"))
    comp = read_csv(os.path.join(out, "comparison.csv"))
    nw = len(waves)
    bad = []
    for r in summ:
        if r["breakdown"] != "all":
            continue
        w = waves.index(r["wave"])
        row = rows[scales[r["scale"]][label]]
        mean = ws.cell(row=row, column=3 + w).value
        n = ws.cell(row=row, column=3 + nw + 7 * (nw - 1) + w).value
        if r["suppressed"] == "1":
            if mean != DASH or n != DASH:
                bad.append((r["scale"], r["wave"], mean, n))
        elif not close(mean, fnum(r["mean"])) or n != int(r["n"]):
            bad.append((r["scale"], r["wave"], mean, r["mean"], n, r["n"]))
    check(not bad, "overview: means and n equal scale_summary.csv (breakdown all)", bad[:3])
    bad = []
    ncmp = 0
    for r in comp:
        if r["breakdown"] != "all" or r["design"] != "independent":
            continue
        p = waves.index(r["wave_a"])
        if waves.index(r["wave_b"]) != p + 1:
            continue
        ncmp += 1
        row = rows[scales[r["scale"]][label]]
        c0 = 3 + nw + 7 * p
        got = [ws.cell(row=row, column=c0 + k).value for k in range(4)]
        want = [fnum(r[k]) for k in ("diff", "ci_low", "ci_high", "p_adj")]
        # p below 0.001 is shown as "< 0.001": the cell holds 0.001 under a "< " format
        if r["suppressed"] != "1" and want[3] is not None and want[3] < 0.001:
            fmt = ws.cell(row=row, column=c0 + 3).number_format
            want[3] = 0.001 if fmt.startswith('"< "') else float("nan")
        if r["suppressed"] == "1":
            if any(g != DASH for g in got):
                bad.append((r["scale"], got))
        elif not all(close(g, w) for g, w in zip(got, want)):
            bad.append((r["scale"], got, want))
    if nw > 1:
        check(ncmp > 0 and not bad,
              "overview: %d changes (diff, CI, p_adj) equal comparison.csv" % ncmp, bad[:3])
    return ws


def check_breakdown(wb, out, scales, lang_en, waves, b, groups_shown):
    ws = wb[b]
    label = "label_en" if lang_en else "label_sv"
    missing = "(not stated)" if lang_en else "(uppgift saknas)"
    cols, blocks = breakdown_blocks(ws, "Group" if lang_en else "Grupp",
                                    "Means " if lang_en else "Medelvärden ")
    summ = [r for r in read_csv(os.path.join(out, "scale_summary.csv")) if r["breakdown"] == b]
    bad = []
    nsup = 0
    for r in summ:
        block = blocks.get(("Means " if lang_en else "Medelvärden ") + r["wave"], {})
        g = missing if r["group"] == "(missing)" else r["group"]
        if g not in block:
            bad.append(("no row", r["wave"], g))
            continue
        v = ws.cell(row=block[g], column=cols[scales[r["scale"]][label]]).value
        if r["suppressed"] == "1":
            nsup += 1
            if v != DASH:
                bad.append(("suppressed shows", r["wave"], g, r["scale"], v))
        elif not close(v, fnum(r["mean"])):
            bad.append((r["wave"], g, r["scale"], v, r["mean"]))
    check(summ and not bad,
          "%s: %d group means equal scale_summary.csv, %d suppressed cells show –"
          % (b, len(summ) - nsup, nsup), bad[:3])
    # changes per group
    comp = [r for r in read_csv(os.path.join(out, "comparison.csv"))
            if r["breakdown"] == b and r["design"] == "independent"]
    _, cblocks = breakdown_blocks(ws, "Group" if lang_en else "Grupp",
                                  "Change " if lang_en else "Förändring ")
    bad = []
    for r in comp:
        key = [k for k in cblocks if r["wave_a"] in k and r["wave_b"] in k]
        if not key:
            bad.append(("no block", r["wave_a"], r["wave_b"]))
            continue
        g = missing if r["group"] == "(missing)" else r["group"]
        row = cblocks[key[0]].get(g)
        if row is None:
            bad.append(("no row", g))
            continue
        v = ws.cell(row=row, column=cols[scales[r["scale"]][label]]).value
        if r["suppressed"] == "1":
            if v != DASH:
                bad.append(("suppressed change shows", g, r["scale"], v))
        elif not isinstance(v, (int, float)) or abs(v - float(r["diff"])) > 0.05 + 1e-9:
            bad.append((g, r["scale"], v, r["diff"]))
    if len(waves) > 1:
        check(comp and not bad, "%s: %d changes per group equal comparison.csv (– when suppressed)"
              % (b, len(comp)), bad[:3])
    return ws


def check_domain_headers(wb, b, scales):
    """Every domain over a breakdown sheet's heat map has its name (a domain of
    one column was left blank before)."""
    ws = wb[b]
    n_dom = len({scales[s]["domain"] for s in scales})
    row = None
    for r in range(1, 20):
        if any(ws.cell(row=r, column=c).value == "Krav i arbetet" for c in range(2, 6)):
            row = r
            break
    names = [] if row is None else [
        ws.cell(row=row, column=c).value for c in range(2, len(scales) + 2)
        if isinstance(ws.cell(row=row, column=c).value, str) and ws.cell(row=row, column=c).value]
    check(len(names) == n_dom, "%s: all %d domain headers named over the heat map" % (b, n_dom),
          names)


def check_suppressed_nowhere(wb, out, b, min_group=5):
    """Response counts follow their own disclosure (stages/disclose.c): a count
    shown is never below min_group, and a group that is below min_group on
    every scale (so too small to show at all) shows no count or rate."""
    summ = read_csv(os.path.join(out, "scale_summary.csv"))
    by_group = {}
    for r in summ:
        if r["breakdown"] == b:
            by_group.setdefault((r["wave"], r["group"]), []).append(r["suppressed_by"])
    tiny = {k for k, v in by_group.items() if all(x in ("primary", "sensitive") for x in v)}
    ws = wb[b]
    hr = None
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value in ("Grupp", "Group"):
            hr = r
            break
    resp_col = None
    for c in range(2, ws.max_column + 1):
        if ws.cell(row=hr, column=c).value in ("Svar", "Answers"):
            resp_col = c
    bad = []
    cur = None
    for r in range(hr + 2, ws.max_row + 1):
        a = ws.cell(row=r, column=1).value
        if isinstance(a, str) and (a.startswith("Medelvärden ") or a.startswith("Means ")):
            cur = a.split(" ", 1)[1]
            continue
        if isinstance(a, str) and (a.startswith("Förändring ") or a.startswith("Change ")):
            break
        g = "(missing)" if a in ("(uppgift saknas)", "(not stated)") else a
        if not cur or (cur, g) not in by_group:
            continue
        n = ws.cell(row=r, column=resp_col).value
        vals = [ws.cell(row=r, column=c).value for c in range(resp_col, ws.max_column + 1)]
        if isinstance(n, (int, float)) and n < min_group:
            bad.append((cur, g, vals))
        if (cur, g) in tiny and any(isinstance(v, (int, float)) for v in vals):
            bad.append((cur, g, vals))
    check(not bad, "%s: no count below %d and none for a group too small on every scale (%d such)"
          % (b, min_group, len(tiny)), bad[:3])


def check_chart_data(wb, out, lang_en, waves):
    """The hidden chart data hold whole-sample means only."""
    name = "Chart data" if lang_en else "Diagramdata"
    if not check(name in wb.sheetnames and wb[name].sheet_state == "hidden",
                 "charts: hidden data sheet '%s' last" % name, wb.sheetnames):
        return
    means = {round(float(r["mean"]), 9) for r in read_csv(os.path.join(out, "scale_summary.csv"))
             if r["breakdown"] == "all" and r["suppressed"] == "0"}
    nums = [c.value for c in cells(wb[name]) if isinstance(c.value, (int, float))]
    bad = [v for v in nums if round(v, 9) not in means]
    check(nums and not bad, "charts: %d bars, each a whole-sample mean" % len(nums), bad[:3])
    z = zipfile.ZipFile(os.path.join(out, "report.xlsx"))
    charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    check(len(charts) >= 2, "charts: %d charts in the file" % len(charts))
    errbars = sum(z.read(n).decode().count("<c:errBars>") for n in charts)
    check(errbars == len(nums), "charts: one CI whisker per bar (%d)" % errbars)


def check_items(wb, lang_en):
    ws = wb["Items" if lang_en else "Frågor"]
    bad = []
    rows = 0
    for r in range(1, ws.max_row + 1):
        vals = [ws.cell(row=r, column=c).value for c in range(5, ws.max_column + 1)]
        nums = [v for v in vals if isinstance(v, float)]
        if len(nums) >= 2:
            rows += 1
            if abs(sum(nums) - 1.0) > 1e-9:
                bad.append((r, sum(nums)))
    check(rows > 0 and not bad, "items: %d rows of shares, each sums to 100 %%" % rows, bad[:3])


def check_print(wb, lang_en, tag):
    """The print setup of every sheet, the dash note on every printed page,
    page breaks that start with a header, and short two-line scale headers."""
    bad_setup, bad_dash, bad_break, bad_head = [], [], [], []
    breaking = ("Items", "Reliability", "Data quality", "Traffic lights") if lang_en else \
               ("Frågor", "Reliabilitet", "Datakvalitet", "Trafikljus")
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden":
            continue
        footer = (ws.oddFooter.left.text or "") + (ws.oddFooter.center.text or "") + \
                 (ws.oddFooter.right.text or "")
        # fitted to the page (the overview), or a print scale of its own that the builder
        # paginated for: Excel ignores manual page breaks under fit to page.  That the
        # columns fit the page width at that scale is checked in print_check.py.
        fit = ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage
        if ws.page_setup.orientation != "landscape" or (fit and ws.row_breaks.brk) or \
                "&A" not in footer or "&P / &N" not in footer:
            bad_setup.append(ws.title)
        has_dash = any(c.value == DASH for c in cells(ws))
        header = ws.oddHeader.left.text or ""
        if has_dash and DASH + " = " not in header:
            bad_dash.append(ws.title)
        if ws.title in breaking:
            for br in ws.row_breaks.brk:
                a = ws.cell(row=br.id + 1, column=1)
                if a.value is None or not a.font.b:
                    bad_break.append("%s!A%d=%r" % (ws.title, br.id + 1, a.value))
    for b in wb.sheetnames[1:]:
        ws = wb[b]
        if b in breaking or not ws.print_title_rows:
            continue
        r = ws.print_title_rows.split(":")[-1].replace("$", "")
        row = int(r)
        labels = [ws.cell(row=row, column=c).value for c in range(2, ws.max_column + 1)]
        rot = [v for v in labels if isinstance(v, str) and ws.cell(row=row, column=2).alignment
               .textRotation == 90]
        h = ws.row_dimensions[row].height or 15
        longest = max([len(line) for v in rot for line in v.split("\n")] or [0])
        if rot and (any(v.count("\n") > 1 for v in rot) or h > 5.6 * longest + 11):
            bad_head.append((b, h, longest))
    check(not bad_setup, "%s: every sheet landscape, no fit to page with page breaks, footer with sheet "
          "name and page x / y" % tag, bad_setup)
    check(not bad_dash, "%s: every sheet showing – explains it at the top of each page" % tag,
          bad_dash)
    check(not bad_break, "%s: every page break of a long table starts with a header" % tag,
          bad_break[:5])
    check(not bad_head, "%s: scale names of the breakdown sheets on at most two lines" % tag,
          bad_head)
    # items: "no answer" right after each answer set's last option
    ws = wb["Items" if lang_en else "Frågor"]
    na = "No answer" if lang_en else "Inget svar"
    bad = []
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value != ("Item" if lang_en else "Fråga"):
            continue
        vals = [ws.cell(row=r, column=c).value for c in range(5, ws.max_column + 1)]
        if na not in vals or any(v is None for v in vals[:vals.index(na)]):
            bad.append(r)
    check(not bad, "%s: items: \"%s\" follows each answer set's options" % (tag, na), bad[:3])


# ---------------------------------------------------------------- response rates

WARN_FILL = "FFD27F"  # C_WARN in report.c: a response rate under 60 %


def is_warn(c):
    rgb = c.fill.fgColor.rgb if c.fill is not None and c.fill.fgColor is not None else None
    return isinstance(rgb, str) and rgb.upper().endswith(WARN_FILL)


def rate_rows(ws, lang_en=False):
    """{label: (row, {column: value})} of the overview's response-rate rows."""
    prefix = "Response rate " if lang_en else "Svarsfrekvens "
    out = {}
    for r in range(1, ws.max_row + 1):
        a = ws.cell(row=r, column=1).value
        if isinstance(a, str) and a.startswith(prefix):
            out[a] = (r, {c: ws.cell(row=r, column=c).value for c in range(2, ws.max_column + 1)
                          if ws.cell(row=r, column=c).value is not None})
    return out


def overview_n_col(ws, lang_en, waves):
    """The column of the overview's n of each wave (the last len(waves) columns of the table)."""
    h1 = find_row(ws, 1, "Scale" if lang_en else "Skala")
    nw = len(waves)
    first = 3 + nw + 7 * (nw - 1)
    return {w: first + i for i, w in enumerate(waves)}, h1


def head_rate_cells(ws, lang_en=False):
    """Head count and response rate per (wave, group) of a breakdown sheet:
    {(wave, group): (head cell, rate cell)}; also the two column headers."""
    hr = find_row(ws, 1, "Group" if lang_en else "Grupp")
    emp = "Employees" if lang_en else "Anställda"
    rate = "Response rate" if lang_en else "Svarsfrekvens"
    c_head = c_rate = None
    for c in range(2, ws.max_column + 1):
        v = ws.cell(row=hr, column=c).value
        if isinstance(v, str) and v.startswith(emp):
            c_head = c
        if isinstance(v, str) and v.startswith(rate):
            c_rate = c
    if c_head is None or c_rate is None:
        return {}, None, None
    band = "Means " if lang_en else "Medelvärden "
    _, blocks = breakdown_blocks(ws, "Group" if lang_en else "Grupp", band)
    out = {}
    for name, rows in blocks.items():
        wave = name[len(band):]
        for g, r in rows.items():
            out[(wave, g)] = (ws.cell(row=r, column=c_head), ws.cell(row=r, column=c_rate))
    return out, ws.cell(row=hr, column=c_head).value, ws.cell(row=hr, column=c_rate).value


def check_rates(ws, tag, want, lang_en=False):
    """want: {(wave, group): (respondents, head)} computed by hand; respondents None
    means withheld (head count and rate are "–", like the answers).  Every
    other (wave, group) row must have neither."""
    got, _, _ = head_rate_cells(ws, lang_en)
    bad = []
    for key, (h_cell, r_cell) in got.items():
        if key not in want:
            if h_cell.value is not None or r_cell.value is not None:
                bad.append(("unexpected", key, h_cell.value, r_cell.value))
            continue
        n, head = want[key]
        if n is None:
            if h_cell.value != DASH or r_cell.value != DASH:
                bad.append(("withheld group shows", key, h_cell.value, r_cell.value))
            continue
        if not close(h_cell.value, float(head)):
            bad.append(("head", key, h_cell.value, head))
        elif not close(r_cell.value, n / head):
            bad.append(("rate", key, r_cell.value, n / head))
        elif is_warn(r_cell) != (n / head < 0.6):
            bad.append(("orange below 60 %", key, r_cell.value, is_warn(r_cell)))
    miss = [k for k in want if k not in got]
    check(got and not bad and not miss,
          "%s: head count and response rate per wave = respondents / head count (%d rows, "
          "orange below 60 %%, withheld groups –)" % (tag, len(want)), (bad + miss)[:4])


def first_counts(path, col):
    """Respondents per group of a wave file (first row of a duplicate id kept)."""
    counts, seen = {}, set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            counts[row[col]] = counts.get(row[col], 0) + 1
    return counts


def check_identical(binary, args, out1, out2):
    e = {"SOURCE_DATE_EPOCH": EPOCH}
    shutil.rmtree(out1, ignore_errors=True)
    shutil.rmtree(out2, ignore_errors=True)
    rc1, _, err1 = run(binary, args + ["--out", out1], e)
    keep = out1 + ".first.xlsx"
    shutil.copy(os.path.join(out1, "report.xlsx"), keep)
    time.sleep(1.1)  # a clock-dependent byte would now differ
    rc2, _, err2 = run(binary, args + ["--out", out1], e)
    rc3, _, err3 = run(binary, args + ["--out", out2], e)
    same = lambda a, b: open(a, "rb").read() == open(b, "rb").read()
    check(rc1 == rc2 == rc3 == 0 and same(keep, os.path.join(out1, "report.xlsx")),
          "two runs with SOURCE_DATE_EPOCH give byte-identical report.xlsx", err1 + err2)
    check(rc3 == 0 and same(keep, os.path.join(out2, "report.xlsx")),
          "a run into another output folder gives the same bytes", err3)
    check(not quiet(err1), "the run prints nothing to stderr but the wave counts", err1[:200])
    os.remove(keep)


def check_render(path, tmp):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        skip("LibreOffice renders the workbook to PDF",
             "soffice is absent (sh scripts/setup.sh --with-render installs it)")
        return
    outdir = os.path.join(tmp, "pdf")
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ)
    env["HOME"] = tmp  # a private LibreOffice profile
    env.pop("VALGRIND", None)  # the soffice launcher would run itself under it
    try:
        p = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", outdir, path],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=300)
        rc = p.returncode
        msg = p.stderr
    except subprocess.TimeoutExpired:
        rc, msg = -1, "timeout"
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    ok = rc == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 10000
    check(ok, "LibreOffice renders %s to PDF" % os.path.basename(path), msg[-300:])


def check_long_labels(binary, tmp):
    """Very long Swedish scale names, item texts and group names (several
    thousand bytes of å, ä, ö): the workbook is valid (openpyxl opens it), no
    text is cut inside a character, and the overview's sentences keep the
    names whole (they were cut at 4096 bytes before the buffers grew)."""
    ins = os.path.join(tmp, "long_ins")
    shutil.copytree(MALMO_INS, ins)
    long_sv = lambda code: ("Långt skalnamn %s: " % code) + "ÅÄÖ åäö — räksmörgås " * 120
    rows = read_csv(os.path.join(ins, "scales.csv"))
    with open(os.path.join(ins, "scales.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            r["label_sv"] = long_sv(r["scale"]).strip()
            r["label_en"] = r["label_sv"]
            w.writerow(r)
    items = read_csv(os.path.join(ins, "items.csv"))
    with open(os.path.join(ins, "items.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(items[0].keys()))
        w.writeheader()
        for r in items:
            r["text_sv"] = (r["text_sv"] + " " + "ö" * 3000)
            w.writerow(r)
    waves = []
    for y in ("2016", "2017"):
        src = os.path.join(MALMO, "wave%s.csv" % y)
        dst = os.path.join(tmp, "long_wave%s.csv" % y)
        with open(src, encoding="utf-8") as a, open(dst, "w", encoding="utf-8") as b:
            b.write(a.read().replace("Stadsområde Söder", "Stadsområde Söder " + "å" * 2000))
        waves += ["--wave", "%s=%s" % (y, dst)]
    out = os.path.join(tmp, "long")
    rc, _, err = run(binary, ["run", "--instrument", ins] + waves +
                     ["--group", "forvaltning", "--out", out])
    if not check(rc == 0, "long Swedish labels: run", err[:300]):
        return
    path = os.path.join(out, "report.xlsx")
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001 - any parse error is the failure
        check(False, "long Swedish labels: openpyxl opens the workbook", e)
        return
    check(True, "long Swedish labels: openpyxl opens the workbook")
    texts = [c.value for ws in wb.worksheets for c in cells(ws) if isinstance(c.value, str)]
    bad = [t[:40] for t in texts if "\ufffd" in t]
    check(not bad, "long Swedish labels: no character cut in two (no U+FFFD)", bad[:3])
    names = [long_sv(r["scale"]).strip() for r in rows]
    whole = [n[:30] for n in names if not any(n in t for t in texts)]
    check(not whole, "long Swedish labels: every scale name appears whole", whole[:3])
    ov = [c.value for c in cells(wb.worksheets[0]) if isinstance(c.value, str)]
    sent = [t for t in ov if len(t) > 3000]
    cut = [t[-40:] for t in sent if not t.rstrip().endswith((".", ")", ":"))]
    check(sent and not cut, "long Swedish labels: %d long overview sentences end whole" %
          len(sent), cut[:2])
    group = "Stadsområde Söder " + "å" * 2000
    check(any(group == t for t in texts), "long Swedish labels: the long group name whole")
    check(all(len(ws.title) <= 31 for ws in wb.worksheets), "long Swedish labels: sheet names")


def check_item_shares(wb, tag):
    """Malmö 2016 TM1 on the Frågor sheet: 26 of 1,000 chose "Vet inte" (an
    option without points) and 32 gave no answer (counted by hand in
    tests/e2e/reference.sh's independent count; the issue's numbers)."""
    ws = wb["Frågor"]
    row = next((c.row for c in cells(ws) if c.column == 1 and c.value == "TM1"), None)
    if not check(row is not None, tag + ": Frågor has a row for TM1"):
        return
    head = max(c.row for c in cells(ws) if c.column == 1 and c.value == "Fråga" and c.row < row)
    cols = {ws.cell(row=head, column=k).value: k for k in range(1, ws.max_column + 1)}
    dk, na = cols.get("Vet inte *"), cols.get("Inget svar")
    got = (ws.cell(row=row, column=3).value, dk and ws.cell(row=row, column=dk).value,
           na and ws.cell(row=row, column=na).value)
    check(got[0] == "2016" and got[1] is not None and abs(got[1] - 0.026) < 1e-12 and
          abs(got[2] - 0.032) < 1e-12 and ws.cell(row=row, column=dk).number_format == "0.0%",
          tag + ": TM1 2016 Vet inte 2.6 %, Inget svar 3.2 % (one decimal)", got)


def unit_pages(ws):
    """[(title row, unit name)] of the Din enhet sheet, in order."""
    out = []
    for r in range(1, ws.max_row + 1):
        v = ws.cell(row=r, column=1).value
        if isinstance(v, str) and v.startswith("Din enhet: "):
            out.append((r, v[len("Din enhet: "):]))
    return out


def check_unit_pages(wb, out, m17, tag):
    """Din enhet on the Malmö samples: every förvaltning's page followed by
    the pages of its sektioner (parents from the raw 2017 file); the figures
    of one page equal scale_summary.csv and comparison.csv; hidden units say
    why, with the reason checked against a count of the raw file."""
    if not check("Din enhet" in wb.sheetnames, tag + ": a Din enhet sheet"):
        return
    ws = wb["Din enhet"]
    pages = unit_pages(ws)
    rows = list(csv.DictReader(open(m17, encoding="utf-8")))
    seen, first = set(), []
    for r in rows:  # the first row of a repeated id is kept
        if r["id"] not in seen:
            seen.add(r["id"]); first.append(r)
    parent = {r["sektion"]: r["forvaltning"] for r in first}
    n_sek = {}
    for r in first:
        n_sek[r["sektion"]] = n_sek.get(r["sektion"], 0) + 1
    names = [n for _, n in pages]
    forv = sorted(set(parent.values()))
    bad = []
    for i, n in enumerate(names):
        if n in parent and n not in forv:  # a sektion: the last förvaltning above it is its parent
            above = [m for m in names[:i] if m in forv]
            if not above or above[-1] != parent[n]:
                bad.append(n)
    check(set(forv) <= set(names) and set(parent) <= set(names) and not bad,
          tag + ": %d unit pages, every sektion under its förvaltning" % len(pages), bad[:3])
    # one page against the CSVs
    summ = {(r["wave"], r["breakdown"], r["group"], r["scale"]): r
            for r in read_csv(os.path.join(out, "scale_summary.csv"))}
    comp = {(r["breakdown"], r["group"], r["scale"], r["design"]): r
            for r in read_csv(os.path.join(out, "comparison.csv"))}
    labels = {v["label_sv"]: k for k, v in scales_of(MALMO_INS).items()}
    unit = "Arbetsmarknad och socialtjänst"
    top = dict((n, r) for r, n in pages)[unit]
    head = next(r for r in range(top, top + 12) if ws.cell(row=r, column=1).value == "Skala")
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, 12)}
    wrong = []
    for r in range(head + 1, head + 1 + len(labels)):
        code = labels.get(ws.cell(row=r, column=1).value)
        s17 = summ[("2017", "forvaltning", unit, code)]
        org = summ[("2017", "all", "all", code)]
        ind = comp[("forvaltning", unit, code, "independent")]
        pair = comp[("forvaltning", unit, code, "paired")]
        got = (ws.cell(row=r, column=cols["Enheten 2017"]).value,
               ws.cell(row=r, column=cols["Hela organisationen 2017"]).value,
               ws.cell(row=r, column=cols["Förändring"]).value,
               ws.cell(row=r, column=cols["Förändring bland de som svarade båda gångerna"]).value)
        want = (float(s17["mean"]), float(org["mean"]), round(float(ind["diff"]), 1),
                round(float(pair["diff"]), 1))
        if not all(close(a, b) for a, b in zip(got, want)):
            wrong.append((code, got, want))
    check(not wrong, tag + ": %s's page equals scale_summary.csv and comparison.csv" % unit,
          wrong[:2])
    # the overview: the panel beside the independent change
    ov = wb["Översikt"]
    ph = next((c for c in cells(ov) if c.value == "Förändring bland de som svarade båda gångerna"),
              None)
    wrong = []
    if ph is not None:
        for r in range(ph.row + 1, ph.row + 40):
            code = labels.get(ov.cell(row=r, column=1).value)
            if code:
                want = float(comp[("all", "all", code, "paired")]["diff"])
                if not close(ov.cell(row=r, column=ph.column).value, want):
                    wrong.append(code)
    check(ph is not None and not wrong,
          tag + ": the overview shows the paired change beside the independent one", wrong[:3])
    # hidden units: why, in plain words
    texts = {n: " ".join(str(ws.cell(row=q, column=1).value) for q in range(r, r + 5))
             for r, n in pages}
    for n, k in sorted(n_sek.items()):
        hidden = all(summ[("2017", "sektion", n, c)]["suppressed"] == "1"
                     for c in labels.values())
        t = texts.get(n, "")
        if not hidden:
            continue
        if k < 5:
            ok = "färre än 5 svar" in t and "slå ihop" in t and "öka deltagandet" in t
        else:
            ok = "dolda för att skydda en mindre grupp" in t and "färre än" not in t
        check(ok, tag + ": hidden %s (%d answers) says why" % (n, k), t[:160])


def p_two_sided_t(t, df):
    """P(|T| >= |t|) by Simpson's rule on the t density (independent of GSL)."""
    t = abs(t)
    if t > 12:
        return 0.0
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    f = lambda x: c * (1 + x * x / df) ** (-(df + 1) / 2)
    n = 4000
    h = t / n
    s = f(0) + f(t) + sum((4 if i % 2 else 2) * f(i * h) for i in range(1, n))
    return max(0.0, 1 - 2 * s * h / 3)


def check_reference(binary, margs, tmp):
    """The Malmö samples against the demo's FICTITIOUS reference values: the
    overview's reference, difference and p equal a Welch test computed here
    from the summary figures; the midpoint rule gives way to the reference;
    the unit pages carry the reference and its sentence."""
    ref_path = os.path.join(MALMO, "reference_fictitious.csv")
    out = os.path.join(tmp, "malmo_ref")
    rc, _, err = run(binary, margs + ["--reference", ref_path, "--out", out])
    if not check(rc == 0, "reference: run", err[:300]):
        return
    wb = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
    ws = wb["Översikt"]
    ref = {r["scale"]: r for r in read_csv(ref_path)}
    summ = {r["scale"]: r for r in read_csv(os.path.join(out, "scale_summary.csv"))
            if r["wave"] == "2017" and r["breakdown"] == "all"}
    labels = {v["label_sv"]: k for k, v in scales_of(MALMO_INS).items()}
    head = find_row(ws, 1, "Skala")
    cols = {ws.cell(row=head + 1, column=c).value: c for c in range(1, ws.max_column + 1)}
    c_ref, c_diff, c_p = cols.get("Referens"), cols.get("Skillnad"), cols.get("p")
    bad, n_checked = [], 0
    for r in range(head + 2, ws.max_row + 1):
        code = labels.get(ws.cell(row=r, column=1).value)
        if not code or not c_ref:
            continue
        m, sd, n = float(summ[code]["mean"]), float(summ[code]["sd"]), int(summ[code]["n"])
        rm, rsd, rn = float(ref[code]["mean"]), float(ref[code]["sd"]), int(ref[code]["n"])
        va, vb = rsd ** 2 / rn, sd ** 2 / n
        t = (m - rm) / math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va ** 2 / (rn - 1) + vb ** 2 / (n - 1))
        p = p_two_sided_t(t, df)
        got = [ws.cell(row=r, column=c).value for c in (c_ref, c_diff, c_p)]
        shown_p = 0.001 if p < 0.001 else p
        fmt = ws.cell(row=r, column=c_p).number_format
        if not (close(got[0], rm) and close(got[1], m - rm, 1e-9) and
                abs(got[2] - shown_p) < 2e-6 and (fmt.startswith('"< "') == (p < 0.001))):
            bad.append((code, got, (rm, m - rm, p), fmt))
        n_checked += 1
    check(n_checked == 26 and not bad,
          "reference: %d overview rows equal a Welch test from the summary figures" % n_checked,
          bad[:2])
    sent = " ".join(str(c.value) for c in cells(ws) if isinstance(c.value, str))
    check("jämfört med referensvärdet (minst 5 poäng, p < 0,05) i alla mätningar" in sent and
          "från skalans mitt (50), i alla" not in sent and "FICTITIOUS" in sent,
          "reference: the overview's sentences use the reference, not the midpoint; source shown")
    check_traffic_lights(wb, "reference")
    un = " ".join(str(c.value) for c in cells(wb["Din enhet"]) if isinstance(c.value, str))
    check("Fortfarande ogynnsamt jämfört med referensvärdet:" in un and "Referensvärde" in un,
          "reference: unit pages show the reference and its sentence")
    meth = " ".join(str(c.value) for c in cells(wb["Metod"]) if isinstance(c.value, str))
    check("COPSOQ III SE" in meth and "reference_fictitious.csv" in meth,
          "reference: the method sheet names the file, source and instrument")


def malmo_scores(wave_path, scale):
    """Scale scores of the first row of each id, by hand: points of the
    answered items (codes or labels, options without points missing), the
    mean when at least half of the scale's items are answered."""
    items = [r for r in read_csv(os.path.join(MALMO_INS, "items.csv")) if r["scale"] == scale]
    opts = {}
    for o in read_csv(os.path.join(MALMO_INS, "response_sets.csv")):
        opts.setdefault(o["response_set"], []).append(o)
    seen, out = set(), []
    for r in read_csv(wave_path):
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        pts = []
        for it in items:
            v = r[it["item"]].strip()
            for o in opts[it["response_set"]]:
                if o["points"] != "" and (v == o["code"] or v.lower() in
                                          (o["label_en"].lower(), o["label_sv"].lower())):
                    p = float(o["points"])
                    pts.append(100 - p if it["reverse"] == "1" else p)
        if 2 * len(pts) >= len(items):
            out.append(sum(pts) / len(pts))
    return out


def check_traffic_lights(wb, tag):
    """With the demo reference's (fictitious) cut-offs: a traffic-light sheet
    per group and survey, shares with one decimal, and the whole sample's
    shares of QD in both surveys equal to a count by hand from the raw files."""
    if not check("Trafikljus" in wb.sheetnames, tag + ": a traffic-light sheet with cut-offs"):
        return
    ws = wb["Trafikljus"]
    texts = [c.value for c in cells(ws) if isinstance(c.value, str)]
    check(any(t == "Forvaltning, 2016" for t in texts) and
          any(t == "Forvaltning, 2017" for t in texts),
          tag + ": traffic lights per breakdown and survey", [t for t in texts if "," in t][:4])
    fmts = {c.number_format for c in cells(ws) if isinstance(c.value, float)}
    check(fmts == {"0.0%"}, tag + ": shares with one decimal (33.3 %, not 33 %)", fmts)
    ref = {r["scale"]: r for r in read_csv(os.path.join(MALMO, "reference_fictitious.csv"))}
    green, red = float(ref["QD"]["green"]), float(ref["QD"]["red"])  # high is bad
    head = next(c for c in cells(ws) if isinstance(c.value, str) and
                c.value.replace("\n", " ") == "Kvantitativa krav")
    bad = []
    for y in ("2016", "2017"):
        sc = malmo_scores(os.path.join(MALMO, "wave%s.csv" % y), "QD")
        n = len(sc)
        want = (sum(x <= green for x in sc) / n, sum(green < x < red for x in sc) / n,
                sum(x >= red for x in sc) / n)
        row = next(c.row for c in cells(ws) if c.column == 1 and c.value == y)
        got = tuple(ws.cell(row=row, column=head.column + k).value for k in range(3))
        if not all(close(a, b, 1e-12) for a, b in zip(got, want)):
            bad.append((y, got, want))
    check(not bad, tag + ": QD green / yellow / red of all respondents equal a count by hand",
          bad)


def check_trend(binary, tmp):
    """Three surveys (tests/data/compare): a Trend sheet whose first-to-last
    change equals Welch's test computed here from scale_summary.csv's whole-
    sample rows, p adjusted by Benjamini-Hochberg over the scales by hand,
    and overview sentences about the first-to-last change."""
    d = os.path.join(ROOT, "tests", "data", "compare")
    out = os.path.join(tmp, "three")
    rc, _, err = run(binary, ["run", "--instrument", d] +
                     sum((["--wave", "w%d=%s" % (i, os.path.join(d, "wave%d.csv" % i))]
                          for i in (1, 2, 3)), []) + ["--group", "unit", "--out", out])
    if not check(rc == 0, "three waves: run", err[:300]):
        return
    wb = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
    if not check("Trend" in wb.sheetnames, "three waves: a Trend sheet"):
        return
    ws = wb["Trend"]
    summ = {(r["wave"], r["scale"]): r for r in read_csv(os.path.join(out, "scale_summary.csv"))
            if r["breakdown"] == "all"}
    labels = {v["label_sv"]: k for k, v in scales_of(d).items()}
    res = {}
    for code in labels.values():
        a, b = summ[("w1", code)], summ[("w3", code)]
        if a["suppressed"] == "1" or b["suppressed"] == "1":
            continue
        na, ma, sa = int(a["n"]), float(a["mean"]), float(a["sd"])
        nb, mb, sb = int(b["n"]), float(b["mean"]), float(b["sd"])
        va, vb = sa * sa / na, sb * sb / nb
        t = (mb - ma) / math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1))
        res[code] = [mb - ma, p_two_sided_t(t, df)]
    # Benjamini-Hochberg by hand: p_(i) * m / i, cumulative minimum from the top
    order = sorted(res, key=lambda k: res[k][1])
    m, prev = len(order), 1.0
    for i in range(m, 0, -1):
        k = order[i - 1]
        prev = min(prev, res[k][1] * m / i)
        res[k].append(prev)
    bad = []
    for r in range(1, ws.max_row + 1):
        code = labels.get(ws.cell(row=r, column=1).value)
        if code in res:
            diff, padj = ws.cell(row=r, column=6).value, ws.cell(row=r, column=9).value
            want = res[code]
            if not (close(diff, want[0], 1e-9) and abs(padj - max(want[2], 0.001)) < 1e-5):
                bad.append((code, diff, padj, want))
    check(len(res) >= 3 and not bad,
          "three waves: %d first-to-last changes equal Welch + BH by hand" % len(res), bad[:2])
    sent = " ".join(str(c.value) for c in cells(wb["Översikt"]) if isinstance(c.value, str))
    check("Från den första till den sista mätningen, w1 till w3:" in sent and
          "Förändringar från w2 till w3:" in sent,
          "three waves: the sentences cover the last pair and first to last")
    check(len(ws._charts) >= 3, "three waves: a line chart per scale", len(ws._charts))


def check_many_scales(binary, tmp):
    """90 scales (60 in one domain) in three waves: every chart fits a printed
    page (at most 32 category rows; a chart of more would be cut across pages
    and, one series per bar, cost bars x categories to write), no scale is
    dropped from the profile, and every bar keeps its CI whisker."""
    d = os.path.join(tmp, "many")
    os.makedirs(os.path.join(d, "instrument"), exist_ok=True)
    n_scales = 90
    with open(os.path.join(d, "instrument", "scales.csv"), "w") as f:
        f.write("scale,domain,label_en,label_sv,higher_is\n")
        for s in range(n_scales):
            f.write("S%d,%s,Scale %d,Skala %d,good\n" % (s, "D0" if s < 60 else "D%d" % (s % 2 + 1), s, s))
    with open(os.path.join(d, "instrument", "items.csv"), "w") as f:
        f.write("item,scale,response_set,reverse\n")
        for s in range(n_scales):
            f.write("I%d_0,S%d,f5,0\nI%d_1,S%d,f5,0\n" % (s, s, s, s))
    with open(os.path.join(d, "instrument", "response_sets.csv"), "w") as f:
        f.write("response_set,code,points,label_en,label_sv\n")
        for c in range(1, 6):
            f.write("f5,%d,%d,L%d,E%d\n" % (c, 100 - 25 * (c - 1), c, c))
    args = ["run", "--instrument", os.path.join(d, "instrument")]
    for w in range(3):
        path = os.path.join(d, "w%d.csv" % w)
        with open(path, "w") as f:
            f.write("id," + ",".join("I%d_%d" % (s, k) for s in range(n_scales) for k in (0, 1)) + "\n")
            for r in range(12):
                f.write("P%d," % r + ",".join(str(1 + (r * 7 + s * 3 + k + w) % 5)
                                              for s in range(n_scales) for k in (0, 1)) + "\n")
        args += ["--wave", "w%d=%s" % (w, path)]
    out = os.path.join(d, "out")
    rc, _, err = run(binary, args + ["--out", out])
    if not check(rc == 0, "90 scales: run", err):
        return
    z = zipfile.ZipFile(os.path.join(out, "report.xlsx"))
    worst, whiskers, profile = 0, 0, set()
    for n in z.namelist():
        if not n.startswith("xl/charts/chart"):
            continue
        xml = z.read(n).decode()
        cats = re.findall(r"<c:cat>.*?<c:ptCount val=\"(\d+)\"", xml, re.S)
        if cats:
            worst = max(worst, max(int(c) for c in cats))
        whiskers += xml.count("<c:errBars>")
        if "Profil" in xml:
            profile |= set(re.findall(r"<c:v>(Skala \d+)</c:v>", xml))
    check(0 < worst <= 32, "90 scales: every chart fits a page (largest %d categories)" % worst)
    check(len(profile) == n_scales, "90 scales: every scale in the profile charts (%d)" % len(profile))
    check(whiskers >= 3 * n_scales + n_scales, "90 scales: a CI whisker per bar (%d)" % whiskers)


def main():
    if len(sys.argv) != 2:
        print("usage: report_check.py BUILD_DIR")
        return 2
    binary = os.path.abspath(os.path.join(sys.argv[1], "copsoq"))
    if not os.access(binary, os.X_OK):
        check(False, "binary exists", binary)
        print("report: %d passed, %d failed" % (tally.passed, tally.failed))
        return 1
    tmp = tempfile.mkdtemp(prefix="copsoq-report-")
    try:
        check_texts()
        check_no_inline_texts()

        # ---- p1/a: two waves, groups enhet and yrke
        ins = os.path.join(P1, "instrument")
        w16, w17 = os.path.join(P1, "a", "wave2016.csv"), os.path.join(P1, "a", "wave2017.csv")
        base = ["run", "--instrument", ins, "--wave", "2016=" + w16, "--wave", "2017=" + w17,
                "--group", "enhet", "--group", "yrke"]
        ids = ids_of([w16, w17])
        scales = scales_of(ins)
        out = os.path.join(tmp, "p1")
        rc, _, err = run(binary, base + ["--out", out], {"SOURCE_DATE_EPOCH": EPOCH})
        if check(rc == 0 and os.path.exists(os.path.join(out, "report.xlsx")),
                 "p1: run writes report.xlsx", err):
            wb = check_common(os.path.join(out, "report.xlsx"), ids, False)
            check_overview(wb, out, scales, False, ["2016", "2017"])
            for b in ("enhet", "yrke"):
                check_breakdown(wb, out, scales, False, ["2016", "2017"], b, None)
                check_suppressed_nowhere(wb, out, b)
            check_chart_data(wb, out, False, ["2016", "2017"])
            check_items(wb, False)
            check_print(wb, False, "p1")
            tl = wb["Trafikljus"]
            texts = " ".join(str(c.value) for c in cells(tl) if isinstance(c.value, str))
            no_cut = [scales[s]["label_sv"] for s in scales if not scales[s]["green"]]
            check(all(n in texts for n in no_cut) and "Grön" in texts,
                  "traffic lights: shares shown, scales without cut-offs named", no_cut)
            nums = [c.value for c in cells(tl) if isinstance(c.value, float)]
            check(nums and all(0.0 <= v <= 1.0 for v in nums),
                  "traffic lights: %d shares between 0 and 1" % len(nums))
            prov = " ".join(str(c.value) for c in cells(wb["Spårbarhet"]))
            sha = __import__("hashlib").sha256(open(w16, "rb").read()).hexdigest()
            check(sha in prov and "2023-11-14 22:13:20 UTC" in prov,
                  "provenance: SHA-256 of the inputs and the SOURCE_DATE_EPOCH time")
            check(wb.properties.created is not None and
                  wb.properties.created.strftime("%Y-%m-%d %H:%M:%S") == "2023-11-14 22:13:20",
                  "document property 'created' from SOURCE_DATE_EPOCH", wb.properties.created)

        check_identical(binary, base, os.path.join(tmp, "same1"), os.path.join(tmp, "same2"))
        check_many_scales(binary, tmp)

        # English
        out_en = os.path.join(tmp, "p1en")
        rc, _, err = run(binary, base + ["--lang", "en", "--out", out_en])
        if check(rc == 0, "p1 --lang en: run", err):
            wb = check_common(os.path.join(out_en, "report.xlsx"), ids, True)
            ws = wb["Overview"]
            check(ws["A1"].value == "Psychosocial work environment (COPSOQ) – overview",
                  "--lang en: English heading", ws["A1"].value)
            allt = " ".join(str(c.value) for w in wb.worksheets for c in cells(w)
                            if isinstance(c.value, str))
            sv_words = [wd for wd in ("Medelvärde", "Förändring", "Skala", "svar", "Grupp")
                        if re.search(r"\b%s\b" % wd, allt)]
            check(not sv_words, "--lang en: no Swedish headings left", sv_words)
            odd = [t for t in ("95 %", "No sure change") if t in allt]
            check(not odd, "--lang en: English usage (95% CI, no significant change)", odd)
            check_print(wb, True, "p1 --lang en")
            check_overview(wb, out_en, scales, True, ["2016", "2017"])
            check_breakdown(wb, out_en, scales, True, ["2016", "2017"], "enhet", None)
            check_chart_data(wb, out_en, True, ["2016", "2017"])

        # one wave
        out1 = os.path.join(tmp, "one")
        rc, _, err = run(binary, ["run", "--instrument", ins, "--wave", "2016=" + w16,
                                  "--group", "enhet", "--out", out1])
        if check(rc == 0, "one wave: run", err):
            wb = check_common(os.path.join(out1, "report.xlsx"), ids, False)
            check_overview(wb, out1, scales, False, ["2016"])
            texts = " ".join(str(c.value) for c in cells(wb["Översikt"]))
            check("en mätning" in texts, "one wave: the overview says there is one survey")

        # everything suppressed
        outs = os.path.join(tmp, "all_suppressed")
        rc, _, err = run(binary, base + ["--min-group", "100000", "--out", outs])
        if check(rc == 0, "min-group above every n: run", err):
            wb = openpyxl.load_workbook(os.path.join(outs, "report.xlsx"))
            figures = []
            for ws in wb.worksheets:
                if ws.title in ("Datakvalitet", "Spårbarhet", "Reliabilitet", "Metod"):
                    continue  # file facts, not statistics
                for c in cells(ws):
                    if isinstance(c.value, (int, float)):
                        figures.append("%s!%s=%s" % (ws.title, c.coordinate, c.value))
            check(not figures, "min-group above every n: no figure in any statistics sheet",
                  figures[:5])

        # a bad population file: exit 1, file and line named, nothing left behind
        bad_pop = os.path.join(tmp, "bad_population.csv")
        with open(bad_pop, "w", encoding="utf-8") as f:
            f.write("breakdown,group,headcount\nall,all,1200\nenhet,Röntgen,many\n")
        outb = os.path.join(tmp, "badpop")
        rc, _, err = run(binary, base + ["--population", bad_pop, "--out", outb])
        check(rc == 1 and "bad_population.csv" in err and "line 3" in err,
              "bad population file: exit 1 naming the file and line", (rc, err.strip()))
        check(not os.path.exists(outb) or not os.listdir(outb),
              "bad population file: the output folder is left empty")

        # head counts per wave (column wave; an empty cell is the latest wave), one rate < 60 %.
        # By hand: whole sample 2016 600 / 1200 = 50.0 % (orange), 2017 600 / 750 = 80.0 %;
        # Läkare 2016 72 / 150 = 48.0 % (orange), 2017 61 / 80 = 76.25 %; Sjuksköterska 2016
        # 228 / 240 = 95.0 %; Röntgen 2016 has 3 answers (< 5): head count and rate "–".
        pw_pop = os.path.join(tmp, "per_wave.csv")
        with open(pw_pop, "w", encoding="utf-8") as f:
            f.write("wave,breakdown,group,headcount\n2016,all,all,1200\n2016,yrke,Läkare,150\n"
                    "2016,yrke,Sjuksköterska,240\n2016,enhet,Röntgen,10\n,all,all,750\n"
                    ",yrke,Läkare,80\n")
        for lang_en in (False, True):
            outw = os.path.join(tmp, "per_wave_en" if lang_en else "per_wave")
            rc, _, err = run(binary, base + ["--population", pw_pop, "--out", outw] +
                             (["--lang", "en"] if lang_en else []))
            tag = "p1 per-wave head counts" + (" --lang en" if lang_en else "")
            if not check(rc == 0 and not quiet(err), tag + ": run", err[:300]):
                continue
            wb = openpyxl.load_workbook(os.path.join(outw, "report.xlsx"))
            ws = wb.worksheets[0]
            sent = " ".join(str(c.value) for c in cells(ws) if isinstance(c.value, str))
            want = ("The response rate was 50.0% in 2016 (600 of 1,200 employees) and 80.0% in "
                    "2017 (600 of 750 employees). The response rate in 2016 was below 60%"
                    if lang_en else
                    "Svarsfrekvensen var 50,0 % 2016 (600 av 1\u00a0200 anställda) och 80,0 % 2017 "
                    "(600 av 750 anställda). Svarsfrekvensen 2016 var under 60 %")
            check(want in sent, tag + ": the sentence gives both rates and flags 2016", want)
            ncol, _ = overview_n_col(ws, lang_en, ["2016", "2017"])
            rr = rate_rows(ws, lang_en)
            lab = ("Response rate %s (of employees)" if lang_en else
                   "Svarsfrekvens %s (av anställda)")
            r16, r17 = rr.get(lab % "2016"), rr.get(lab % "2017")
            ok = (r16 and r17 and r16[0] < r17[0] and
                  r16[1] == {ncol["2016"]: 600 / 1200} and r17[1] == {ncol["2017"]: 600 / 750} and
                  is_warn(ws.cell(row=r16[0], column=ncol["2016"])) and
                  not is_warn(ws.cell(row=r17[0], column=ncol["2017"])))
            check(ok, tag + ": overview rows of the rates 2016 (orange) and 2017", rr)
            whole = "All respondents" if lang_en else "Alla svarande"
            whole = {("2016", whole): (600, 1200), ("2017", whole): (600, 750)}
            yrke = {("2016", "Läkare"): (72, 150), ("2016", "Sjuksköterska"): (228, 240),
                    ("2017", "Läkare"): (61, 80)}
            yrke.update(whole)
            enhet = {("2016", "Röntgen"): (None, 10)}
            enhet.update(whole)
            check_rates(wb["yrke"], tag + ": yrke", yrke, lang_en)
            check_rates(wb["enhet"], tag + ": enhet", enhet, lang_en)
            if not lang_en:
                check_suppressed_nowhere(wb, outw, "enhet")
                meth = " ".join(str(c.value) for c in cells(wb["Metod"]) if isinstance(c.value, str))
                check("som anger antalet per mätning (kolumnen wave" in meth and
                      "Svarsfrekvens visas för 2016 och 2017." in meth,
                      tag + ": the method sheet says the head counts are per survey")

        check_trend(binary, tmp)
        if os.path.exists(os.path.join(MALMO, "wave2017.csv")):
            check_long_labels(binary, tmp)

        # ---- Malmö samples, with head counts
        if os.path.exists(os.path.join(MALMO, "wave2017.csv")) and os.path.isdir(MALMO_INS):
            m16, m17 = os.path.join(MALMO, "wave2016.csv"), os.path.join(MALMO, "wave2017.csv")
            pop = os.path.join(MALMO, "population.csv")
            margs = ["run", "--instrument", MALMO_INS, "--wave", "2016=" + m16, "--wave",
                     "2017=" + m17, "--group", "forvaltning", "--group", "sektion", "--group",
                     "yrke", "--population", pop]
            outm = os.path.join(tmp, "malmo")
            rc, _, err = run(binary, margs + ["--out", outm], {"SOURCE_DATE_EPOCH": EPOCH})
            if check(rc == 0 and not quiet(err), "malmö: run, nothing on stderr but the wave counts",
                     err[:300]):
                mscales = scales_of(MALMO_INS)
                path = os.path.join(outm, "report.xlsx")
                wb = check_common(path, ids_of([m16, m17]), False)
                check_overview(wb, outm, mscales, False, ["2016", "2017"])
                check_print(wb, False, "malmö")
                check_item_shares(wb, "malmö")
                check_unit_pages(wb, outm, m17, "malmö")
                ovt = " ".join(str(c.value) for c in cells(wb["Översikt"]))
                check("Trafikljus" not in wb.sheetnames and "kolumnerna green och red" in ovt,
                      "malmö without cut-offs: no traffic-light sheet; the overview says how to "
                      "add them")
                check_reference(binary, margs, tmp)
                for b in ("forvaltning", "sektion", "yrke"):
                    check_breakdown(wb, outm, mscales, False, ["2016", "2017"], b, None)
                    check_suppressed_nowhere(wb, outm, b)
                    check_domain_headers(wb, b, mscales)
                ov = wb["Översikt"]
                sent = " ".join(str(c.value) for c in cells(ov) if isinstance(c.value, str))
                want = ["Rollkonflikter har minskat med 7 poäng", "Mening i arbetet har ökat med 8",
                        "Inflytande har ökat med 5", "Tillfredsställelse med arbetet har ökat med 7",
                        "kvantitativa krav", "arbetstempo",
                        # by hand: 1000 / 1060 = 94.3 %, 831 / 1045 = 79.5 %
                        "Svarsfrekvensen var 94,3 % 2016 (1\u00a0000 av 1\u00a0060 anställda) och "
                        "79,5 % 2017 (831 av 1\u00a0045 anställda)."]
                miss = [w for w in want if w not in sent]
                check(not miss, "malmö: the overview sentences tell the story", miss)
                check("försämring" not in sent, "malmö: no sentence of a deterioration")
                # response rates per wave, respondents / head count computed by hand from
                # samples/malmo/README.md (answers) and population.csv (head counts); 2017's
                # duplicate row (Stadsområde Söder, socialsekreterare) is not counted
                forv = {("2016", "Funktionsstöd"): (118, 126),
                        ("2016", "Arbetsmarknad och socialtjänst"): (188, 199),
                        ("2016", "Stadsområde Norr"): (168, 178),
                        ("2016", "Stadsområde Söder"): (160, 171),
                        ("2016", "Stadsområde Öster"): (206, 216),
                        ("2016", "Stadsområde Väster"): (160, 170),
                        ("2017", "Funktionsstöd"): (99, 127),
                        ("2017", "Arbetsmarknad och socialtjänst"): (157, 194),
                        ("2017", "Stadsområde Norr"): (142, 176),
                        ("2017", "Stadsområde Söder"): (133, 171),
                        ("2017", "Stadsområde Öster"): (167, 210),
                        ("2017", "Stadsområde Väster"): (133, 167)}
                # yrke: administratör 2016 has 4 answers (< 5): head count 9 and rate withheld
                yrke = {("2016", "socialsekreterare"): (802, 864),
                        ("2016", "1:e socialsekreterare"): (134, 147),
                        ("2016", "sektionschef"): (38, 40),
                        ("2016", "administratör"): (None, 9),
                        ("2017", "socialsekreterare"): (608, 794),
                        ("2017", "1:e socialsekreterare"): (114, 133),
                        ("2017", "sektionschef"): (39, 43),
                        ("2017", "administratör"): (54, 75)}
                # the hand numbers agree with the files they come from
                pop_rows = read_csv(pop)
                heads = {(r["wave"], r["group"]): float(r["headcount"]) for r in pop_rows
                         if r["breakdown"] in ("forvaltning", "yrke")}
                counts = {"2016": first_counts(m16, "forvaltning"),
                          "2017": first_counts(m17, "forvaltning")}
                ycounts = {"2016": first_counts(m16, "yrke"), "2017": first_counts(m17, "yrke")}
                bad = [(k, v) for k, v in forv.items()
                       if v != (counts[k[0]].get(k[1]), heads.get(k))]
                bad += [(k, v) for k, v in yrke.items() if v[1] != heads.get(k) or
                        (v[0] is not None and v[0] != ycounts[k[0]].get(k[1]))]
                check(not bad and ycounts["2016"].get("administratör") == 4 and
                      len(heads) == len(forv) + len(yrke) and
                      {(r["wave"], r["breakdown"]): r["headcount"] for r in pop_rows
                       if r["breakdown"] == "all"} == {("2016", "all"): "1060",
                                                       ("2017", "all"): "1045"},
                      "malmö: the hand-computed rates match the sample files", bad[:3])
                for b, want_b in (("forvaltning", forv), ("yrke", yrke)):
                    whole = {("2016", "Alla svarande"): (1000, 1060),
                             ("2017", "Alla svarande"): (831, 1045)}
                    whole.update(want_b)
                    check_rates(wb[b], "malmö: " + b, whole)
                # sektion has no head counts: no head-count columns at all
                _, h, _ = head_rate_cells(wb["sektion"])
                check(h is None, "malmö: sektion (no head counts) has no rate columns", h)
                _, h, rt = head_rate_cells(wb["forvaltning"])
                check((h, rt) == ("Anställda", "Svarsfrekvens"),
                      "malmö: forvaltning: one head-count and rate column, filled per survey block",
                      (h, rt))
                ov = wb["Översikt"]
                ncol, _ = overview_n_col(ov, False, ["2016", "2017"])
                rr = rate_rows(ov)
                check(rr.get("Svarsfrekvens 2016 (av anställda)", (0, {}))[1] ==
                      {ncol["2016"]: 1000 / 1060} and
                      rr.get("Svarsfrekvens 2017 (av anställda)", (0, {}))[1] ==
                      {ncol["2017"]: 831 / 1045},
                      "malmö: overview rows Svarsfrekvens 2016 = 1000/1060 and 2017 = 831/1045", rr)

                # the same head counts of 2017 in a file without a wave column: as before,
                # one rate (of the latest wave)
                old_pop = os.path.join(tmp, "population_no_wave.csv")
                with open(old_pop, "w", encoding="utf-8") as f:
                    f.write("breakdown,group,headcount\n")
                    for r in pop_rows:
                        if r["wave"] == "2017":
                            f.write("%s,%s,%s\n" % (r["breakdown"], r["group"], r["headcount"]))
                outo = os.path.join(tmp, "malmo_no_wave")
                margs_o = [a if a != pop else old_pop for a in margs]
                rc, _, err = run(binary, margs_o + ["--out", outo])
                if check(rc == 0 and not quiet(err), "malmö, no wave column: run", err[:300]):
                    wbo = openpyxl.load_workbook(os.path.join(outo, "report.xlsx"))
                    ov = wbo["Översikt"]
                    sent = " ".join(str(c.value) for c in cells(ov) if isinstance(c.value, str))
                    check("Svarsfrekvensen 2017 var 79,5 % (831 av 1\u00a0045 anställda)." in sent
                          and "2016 (1\u00a0000 av" not in sent,
                          "malmö, no wave column: one sentence, of 2017 (831 / 1045 = 79.5 %)")
                    rr = rate_rows(ov)
                    check(list(rr) == ["Svarsfrekvens 2017 (av anställda)"],
                          "malmö, no wave column: one overview rate row, of 2017", list(rr))
                    _, h, rt = head_rate_cells(wbo["forvaltning"])
                    check((h, rt) == ("Anställda 2017", "Svarsfrekvens 2017"),
                          "malmö, no wave column: the columns name the survey", (h, rt))
                    whole = {("2017", "Alla svarande"): (831, 1045)}
                    whole.update({k: v for k, v in forv.items() if k[0] == "2017"})
                    check_rates(wbo["forvaltning"], "malmö, no wave column: forvaltning", whole)
                    meth = " ".join(str(c.value) for c in cells(wbo["Metod"])
                                    if isinstance(c.value, str))
                    check("antas gälla den senaste mätningen (2017)" in meth,
                          "malmö, no wave column: the method sheet says the counts are of 2017")
                check_render(path, tmp)
        else:
            skip("Malmö workbook", "samples/malmo is not there yet")
            check_render(os.path.join(tmp, "p1", "report.xlsx"), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("report: %d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())

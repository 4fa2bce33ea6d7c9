#!/usr/bin/env python3
"""print_check.py - the printed pages of report.xlsx (issue 10), read from the file itself.

Reads the workbook with zipfile and the XML parser only (no viewer, so it runs in make check):
page setup, column widths, row heights, manual page breaks, print titles, bold cells and the
charts' anchors. From those it lays out the pages the way a spreadsheet prints them (A4, the
margins in the file, the print scale in whole percent) and checks, for every printed sheet:

  1. a sheet with manual page breaks is not set to "fit to page": Excel ignores manual page
     breaks under fit-to-page (libxlsxwriter's worksheet_fit_to_pages documentation), so the
     builder's breaks would be lost there;
  2. on a sheet with manual breaks, no page between two of them is taller than the printable
     height: otherwise the viewer breaks it where it likes (a sheet without manual breaks is
     broken where it fills a page, and checked as such);
  3. no page ends with a heading (a row of bold text only) while the sheet goes on;
  4. a section (headings and the rows below them up to a blank row or the next heading) that
     is split over two pages leaves at least 3 of its rows on each page;
  5. no chart is cut by a page break;
  6. a sheet with a print scale of its own fits the page width (columns and charts, at the
     width LibreOffice gives them);
  7. no page holds fewer than 4 rows (text or chart), except on the unit sheet, where each
     unit has a page of its own by design (a hidden unit's page is three lines).

Runs BUILD/copsoq on the Malmö samples (two waves, Swedish; one wave, English) and on the
three-wave study in tests/data/compare.  Usage: print_check.py BUILD_DIR.
Prints one line per check and ends with "print: N passed, N failed".
"""
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MALMO = os.path.join(ROOT, "samples", "malmo")
INS = os.path.join(ROOT, "samples", "instruments", "copsoq3-se")
CMP = os.path.join(HERE, "data", "compare")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
R_ID = "{%s}id" % NS["r"]
A4 = (595.28, 841.89)  # points, portrait
UNIT_SHEETS = ("Din enhet", "Your unit")
MIN_ROWS = 4
MIN_SPLIT = 3
DEFAULT_WIDTH = 9.140625  # Excel's default column, 8.43 characters and the padding

import tally  # noqa: E402  (tests/ is the script's folder)
from tally import check  # noqa: E402


def col_points(width):
    """A column's printed width in points from its width in the file (characters, padding
    included): 7.45 px a character at 96 dpi, as LibreOffice draws Carlito 11 (measured on
    this report's PDF; Excel's Calibri takes 7 px, so this is the wider of the two)."""
    return width * 7.45 * 0.75


def cell_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def rel_targets(z, part):
    """Relationship id -> target path of a part."""
    d, f = os.path.split(part)
    rels = os.path.join(d, "_rels", f + ".rels")
    out = {}
    if rels not in z.namelist():
        return out
    for rel in ET.fromstring(z.read(rels)):
        out[rel.get("Id")] = os.path.normpath(os.path.join(d, rel.get("Target")))
    return out


def read_book(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    styles = ET.fromstring(z.read("xl/styles.xml"))
    bold_font = [f.find("m:b", NS) is not None for f in styles.find("m:fonts", NS)]
    bold_xf = [bold_font[int(xf.get("fontId", "0"))]
               for xf in styles.find("m:cellXfs", NS).findall("m:xf", NS)]
    book = ET.fromstring(z.read("xl/workbook.xml"))
    wrels = rel_targets(z, "xl/workbook.xml")
    titles = {}
    for dn in book.iter("{%s}definedName" % NS["m"]):
        if dn.get("name") == "_xlnm.Print_Titles":
            m = re.search(r"\$(\d+):\$(\d+)", dn.text or "")
            if m:
                titles[int(dn.get("localSheetId"))] = (int(m.group(1)) - 1, int(m.group(2)) - 1)
    sheets = []
    for i, s in enumerate(book.find("m:sheets", NS)):
        part = wrels[s.get(R_ID)]
        ws = ET.fromstring(z.read(part))
        sh = {"name": s.get("name"), "hidden": s.get("state") == "hidden",
              "titles": titles.get(i)}
        pr = ws.find("m:sheetPr/m:pageSetUpPr", NS)
        sh["fit"] = pr is not None and pr.get("fitToPage") == "1"
        ps = ws.find("m:pageSetup", NS)
        ps = ps.attrib if ps is not None else {}
        sh["landscape"] = ps.get("orientation") == "landscape"
        sh["scale"] = int(ps.get("scale", "100"))
        sh["fit_height"] = int(ps.get("fitToHeight", "1"))
        pm = ws.find("m:pageMargins", NS).attrib
        sh["margins"] = (float(pm["top"]) + float(pm["bottom"])) * 72.0
        sh["margins_lr"] = (float(pm["left"]) + float(pm["right"])) * 72.0
        fmt = ws.find("m:sheetFormatPr", NS)
        default_h = float(fmt.get("defaultRowHeight", "15")) if fmt is not None else 15.0
        widths = {}
        for c in ws.iter("{%s}col" % NS["m"]):
            for k in range(int(c.get("min")), int(c.get("max")) + 1):
                widths[k - 1] = float(c.get("width"))
        heights = {}
        cells = {}  # row -> list of (col, bold, is_text)
        last_row = -1
        for row in ws.iter("{%s}row" % NS["m"]):
            r = int(row.get("r")) - 1
            if row.get("ht"):
                heights[r] = float(row.get("ht"))
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                t = c.get("t")
                text = None
                if t == "s" and v is not None:
                    text = strings[int(v.text)]
                elif t == "inlineStr":
                    text = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                elif t == "str" and v is not None:
                    text = v.text or ""
                if text is None and v is None:
                    continue
                if text is not None and text.strip() == "":
                    continue
                rr, cc = cell_ref(c.get("r"))
                cells.setdefault(rr, []).append((cc, bold_xf[int(c.get("s", "0"))], text is not None))
                last_row = max(last_row, rr)
        sh["cells"] = cells
        sh["heights"] = heights
        sh["default_h"] = default_h
        sh["widths"] = widths
        sh["breaks"] = sorted(int(b.get("id")) for rb in ws.findall("m:rowBreaks", NS) for b in rb)
        charts = []
        srels = rel_targets(z, part)
        for dr in ws.findall("m:drawing", NS):
            d = ET.fromstring(z.read(srels[dr.get(R_ID)]))
            for a in d:
                fr, to = a.find("xdr:from", NS), a.find("xdr:to", NS)
                if fr is None or to is None:
                    continue
                r1 = int(fr.find("xdr:row", NS).text)
                r2 = int(to.find("xdr:row", NS).text)
                if int(to.find("xdr:rowOff", NS).text) == 0 and r2 > r1:
                    r2 -= 1  # ends on the top edge of row r2
                charts.append((r1, r2))
                sh_chart_cols = int(to.find("xdr:col", NS).text) + (
                    1 if int(to.find("xdr:colOff", NS).text) > 0 else 0)
                sh["chart_cols"] = max(sh.get("chart_cols", 0), sh_chart_cols)
                last_row = max(last_row, r2)
        sh["charts"] = charts
        ncols = 0
        for rc in cells.values():
            ncols = max([ncols] + [c + 1 for c, _, _ in rc])
        for m in ws.iter("{%s}mergeCell" % NS["m"]):
            a, b = m.get("ref").split(":")
            ncols = max(ncols, cell_ref(b)[1] + 1)
        sh["ncols"] = max(ncols, sh.get("chart_cols", 0))
        sh["n_rows"] = last_row + 1
        sheets.append(sh)
    return sheets


def sheet_width(sh):
    return sum(col_points(sh["widths"].get(c, DEFAULT_WIDTH)) for c in range(sh["ncols"]))


def height(sh, r):
    return sh["heights"].get(r, sh["default_h"])


def layout(sh):
    """The printed pages: lists of row numbers.  Also returns the pages the viewer would have
    to break on its own (taller than the page)."""
    paper_w, paper_h = (A4[1], A4[0]) if sh["landscape"] else A4
    page_h = paper_h - sh["margins"]
    if sh["fit"] and sh["fit_height"] == 1:
        return [list(range(sh["n_rows"]))], []  # shrunk to one page
    if sh["fit"]:
        scale = min(1.0, (paper_w - sh["margins_lr"]) / sheet_width(sh)) if sh["ncols"] else 1.0
    else:
        scale = sh["scale"] / 100.0
    cap = page_h / scale
    titles = sh["titles"]
    t_h = sum(height(sh, r) for r in range(titles[0], titles[1] + 1)) if titles else 0.0
    starts = [0] + [b for b in sh["breaks"] if 0 < b < sh["n_rows"]]
    pages, overflow = [], []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else sh["n_rows"]
        page, used = [], 0.0
        for r in range(s, e):
            # the print titles stand at the top of a page that starts below them
            top = t_h if titles and (page[0] if page else r) > titles[1] else 0.0
            if page and used + height(sh, r) > cap - top + 0.01:
                if sh["breaks"]:
                    overflow.append((page[0], r))
                pages.append(page)
                page, used = [], 0.0
            page.append(r)
            used += height(sh, r)
        if page:
            pages.append(page)
    return pages, overflow


def is_heading(sh, r):
    cs = sh["cells"].get(r)
    return bool(cs) and all(bold and text for _, bold, text in cs)


def content_rows(sh, page):
    charted = set()
    for r1, r2 in sh["charts"]:
        charted.update(range(r1, r2 + 1))
    return [r for r in page if r in sh["cells"] or r in charted]


def check_sheet(case, sh):
    where = "%s, sheet %s" % (case, sh["name"])
    pages, overflow = layout(sh)
    if not sh["fit"]:
        paper_w = A4[1] if sh["landscape"] else A4[0]
        w = sheet_width(sh) * sh["scale"] / 100.0
        check(w <= paper_w - sh["margins_lr"] + 1.0, where + ": the columns fit the page width",
              "%.0f pt at %d %% on %.0f pt" % (w, sh["scale"], paper_w - sh["margins_lr"]))
    if sh["breaks"]:
        check(not sh["fit"], where + ": manual page breaks without fit-to-page",
              "fitToPage is set, so Excel ignores the %d breaks" % len(sh["breaks"]))
    check(not overflow, where + ": every page fits the printable height",
          ", ".join("rows %d-%d run over" % (a + 1, b + 1) for a, b in overflow[:3]))
    page_of = {}
    starts = set(p[0] for p in pages)
    for i, p in enumerate(pages):
        for r in p:
            page_of[r] = i
    bad_foot = []
    for i, p in enumerate(pages[:-1]):
        rows = content_rows(sh, p)
        if rows and is_heading(sh, rows[-1]):
            bad_foot.append("page %d ends with the heading in row %d" % (i + 1, rows[-1] + 1))
    check(not bad_foot, where + ": no heading left at a page foot", "; ".join(bad_foot))
    # sections: a run of headings and the rows below them up to a blank row or a heading
    bad_split = []
    r = 0
    while r < sh["n_rows"]:
        if not is_heading(sh, r):
            r += 1
            continue
        h = r
        while r < sh["n_rows"] and is_heading(sh, r):
            r += 1
        body = []
        while r < sh["n_rows"] and r in sh["cells"]:
            if is_heading(sh, r):
                # a table header repeated at the top of a page: the section goes on below it
                # (a few rows, some of them notes, such as a row of cut-offs)
                if not (body and r in starts):
                    break
                run = r
                while run < r + 6 and run in sh["cells"]:  # up to a blank row
                    run += 1
                r = max(q for q in range(r, run) if is_heading(sh, q)) + 1
                continue
            body.append(r)
            r += 1
        if not body:
            continue
        first_page = page_of.get(h)
        before = [b for b in body if page_of.get(b) == first_page]
        after = [b for b in body if page_of.get(b) != first_page]
        if after and (len(before) < MIN_SPLIT or
                      len([b for b in after if page_of.get(b) == page_of.get(after[-1])]) < MIN_SPLIT):
            bad_split.append("section at row %d: %d rows, then %d" % (h + 1, len(before), len(after)))
    check(not bad_split, where + ": a split section leaves %d rows on each page" % MIN_SPLIT,
          "; ".join(bad_split[:4]))
    cut = ["chart in rows %d-%d" % (a + 1, b + 1) for a, b in sh["charts"]
           if page_of.get(a) != page_of.get(b)]
    check(not cut, where + ": no chart cut by a page break", "; ".join(cut))
    if sh["name"] not in UNIT_SHEETS:
        small = ["page %d: %d rows" % (i + 1, len(content_rows(sh, p)))
                 for i, p in enumerate(pages) if len(content_rows(sh, p)) < MIN_ROWS]
        check(not small or len(pages) == 1,
              where + ": no page holds fewer than %d rows" % MIN_ROWS, "; ".join(small))


def run(case, args, tmp):
    out = os.path.join(tmp, case)
    p = subprocess.run(args + ["--out", out], capture_output=True, text=True)
    check(p.returncode == 0, case + ": the run succeeds", p.stderr[-300:])
    if p.returncode != 0:
        return
    for sh in read_book(os.path.join(out, "report.xlsx")):
        if not sh["hidden"]:
            check_sheet(case, sh)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    exe = os.path.abspath(os.path.join(build, "copsoq"))
    with tempfile.TemporaryDirectory() as tmp:
        run("malmo-sv-2", [exe, "run", os.path.join(MALMO, "study.ini")], tmp)
        run("malmo-en-1", [exe, "run", "--instrument", INS, "--lang", "en",
                           "--wave", "2016=" + os.path.join(MALMO, "wave2016.csv"),
                           "--group", "forvaltning", "--group", "sektion", "--group", "yrke"], tmp)
        run("compare-3", [exe, "run", "--instrument", CMP, "--min-group", "3",
                          "--wave", "1=" + os.path.join(CMP, "wave1.csv"),
                          "--wave", "2=" + os.path.join(CMP, "wave2.csv"),
                          "--wave", "3=" + os.path.join(CMP, "wave3.csv"),
                          "--group", "unit", "--group", "role"], tmp)
    print("print: %d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())

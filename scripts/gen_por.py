#!/usr/bin/python3
"""Writes tests/data/por/: SPSS portable (.por) files written by GNU PSPP
(independent of copsoq and of ReadStat) and checked with R's foreign package.

    /usr/bin/python3 scripts/gen_por.py        (needs pspp and r-cran-foreign)

wave2016.por, wave2017.por: the first ROWS respondents of each Malmö wave as
`head -n ROWS+1 samples/malmo/waveYYYY.csv` holds them, with the grouping
texts spelt in ASCII (å, ä -> a, ö -> o: the portable character set has no
such letters), the items as numbers (a token that is not an answer code is
missing, as in the .sav export), English value labels, the "no supervisor" /
"don't know" codes declared user-missing, and the Swedish item texts as
variable labels (copsoq does not read those).  PSPP writes names of at most
8 capitals: forvaltning becomes FORVALTN, hence tests/data/por/columns.csv.
sv_value.por and sv_label.por (3 respondents): a Swedish group name, a
Swedish value label; copsoq must refuse them (the characters are lost).

After writing, R's foreign::read.spss reads each wave back and the script
stops unless every value equals the CSV the test compares with.
"""
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_exports as gx  # noqa: E402  (instrument tables, the waves, as_code)

ROWS = 150
OUT = os.path.join(gx.ROOT, "tests", "data", "por")
ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})


def q(s):
    return '"' + s.replace('"', '""') + '"'


def write_por(path, data, ascii_groups=True, lang="en"):
    """PSPP: CSV in (GET DATA), labels and missing values, EXPORT to path."""
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for r in data:
            vals = []
            for it in gx.items:
                c = gx.as_code(it, r[it["item"]])
                vals.append(c if c.lstrip("-").isdigit() else "")
            groups = [r[g].translate(ASCII) if ascii_groups else r[g] for g in gx.GROUPS]
            rows.append([r["id"]] + groups + vals)
        src = os.path.join(tmp, "w.csv")
        with open(src, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        names = ["id"] + gx.GROUPS + [it["item"] for it in gx.items]
        fmts = ["A12"] + ["A60"] * len(gx.GROUPS) + ["F2.0"] * len(gx.items)
        sps = ["SET LOCALE='UTF-8'.",
               "GET DATA /TYPE=TXT /FILE=%s /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED"
               " /DELIMITERS=',' /QUALIFIER='\"' /FIRSTCASE=1 /VARIABLES=%s." %
               (q(src), " ".join("%s %s" % nf for nf in zip(names, fmts)))]
        for it in gx.items:
            sps.append("VARIABLE LABELS %s %s." % (it["item"], q(it["text_sv"][:120])))
            opts = gx.sets[it["response_set"]]
            sps.append("VALUE LABELS %s %s." % (it["item"], " ".join(
                "%d %s" % (o["code"], q(o[lang])) for o in opts)))
            miss = [str(o["code"]) for o in opts if o["points"] == ""]
            if miss:
                sps.append("MISSING VALUES %s (%s)." % (it["item"], ",".join(miss)))
        sps.append("EXPORT /OUTFILE=%s." % q(path))
        syntax = os.path.join(tmp, "w.sps")
        with open(syntax, "w", encoding="utf-8") as f:
            f.write("\n".join(sps) + "\n")
        subprocess.run(["pspp", "-O", "format=txt", "-o", os.path.join(tmp, "log.txt"), syntax],
                       check=True)
        return rows


CHECK_R = r"""
library(foreign)
a <- commandArgs(TRUE)
x <- read.spss(a[1], to.data.frame = FALSE, use.value.labels = FALSE, use.missings = FALSE)
want <- read.csv(a[2], header = FALSE, colClasses = "character", na.strings = character(0))
for (j in seq_along(x)) {
  got <- if (is.numeric(x[[j]])) ifelse(is.na(x[[j]]), "", format(x[[j]], trim = TRUE))
         else trimws(x[[j]], "right")
  if (!identical(unname(got), want[[j]])) stop("column ", names(x)[j], " differs")
}
cat(a[1], ": R foreign reads", length(x[[1]]), "cases x", length(x), "variables as written\n")
"""


def check_with_r(path, rows):
    with tempfile.TemporaryDirectory() as tmp:
        want = os.path.join(tmp, "want.csv")
        with open(want, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        subprocess.run(["Rscript", "-e", CHECK_R, path, want], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    gx.ROWS = ROWS
    for year in (2016, 2017):
        path = os.path.join(OUT, "wave%d.por" % year)
        check_with_r(path, write_por(path, gx.wave(year)))
    few = gx.wave(2016)[:3]
    write_por(os.path.join(OUT, "sv_value.por"), few, ascii_groups=False)
    write_por(os.path.join(OUT, "sv_label.por"), few, lang="sv")


if __name__ == "__main__":
    main()

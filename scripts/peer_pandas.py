#!/usr/bin/python3
# Copied unchanged (apart from these three lines) from ../shared/bench/peer_pandas.py, the
# project's shared benchmark peer (see its README there), so that make bench does not
# depend on ../shared.  It is only ever run by scripts/bench_peers.sh, never by a test.
"""Peer benchmark: the copsoq job of interface contract v1, written with pandas/numpy/scipy.

usage: peer_pandas.py [run] --instrument DIR --wave LABEL=FILE --wave LABEL=FILE [--id id]
                      [--group COL ...] [--min-group 5] --out DIR

Reads the waves (delimiter , ; TAB detected from the header; gzip detected from the first
bytes; UTF-8 with or without BOM, else Windows-1252), maps codes and labels to points
(declared missing: empty, NA, '.', options without points), rejects later rows of a duplicated
id, scores scales (half rule), writes scale_summary.csv, reliability.csv, comparison.csv
(Welch + paired, scipy.stats, BH within breakdown/group/design/wave pair), quality.csv and
report.xlsx (openpyxl, write-only mode).  Exit 1 with a message naming the file when an input
cannot be used, 2 on wrong usage; nothing is written to --out unless everything succeeded.
Quality line numbers are record numbers + 1 (header = line 1); pandas does not report
physical lines, so they drift after a record with a quoted newline.
"""
import argparse
import gzip
import io
import os
import sys
import zlib

import numpy as np
import pandas as pd
from scipy import stats


class InputError(Exception):
    pass


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}")
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as e:
            raise InputError(f"{path}: corrupt or truncated gzip data ({e})")
    if b"\x00" in raw[:65536]:
        raise InputError(f"{path}: line 1: binary data, not a text table")
    enc = "utf-8"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            raw.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            raise InputError(f"{path}: neither UTF-8 nor Windows-1252 text")
    return raw, enc


def read_table(path, need=None):
    raw, enc = read_bytes(path)
    if not raw.strip():
        raise InputError(f"{path}: line 1: empty file")
    first = raw.split(b"\n", 1)[0].decode(enc)
    delim = max([",", ";", "\t"], key=first.count)
    header = [h.strip() for h in first.rstrip("\r").split(delim)]
    if need is not None:
        miss = [c for c in need if c not in header]
        if miss:
            raise InputError(f"{path}: line 1: missing column(s) {', '.join(miss)}")
    try:
        df = pd.read_csv(io.BytesIO(raw), sep=delim, dtype=str, keep_default_na=False, na_filter=False,
                         encoding=enc, engine="c", skip_blank_lines=True,
                         usecols=(lambda c: c.strip() in set(need)) if need is not None else None)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as e:
        raise InputError(f"{path}: cannot parse: {e}")
    df.columns = [c.strip() for c in df.columns]
    return df


def load_instrument(d):
    items = read_table(os.path.join(d, "items.csv"))
    rs = read_table(os.path.join(d, "response_sets.csv"))
    sc = read_table(os.path.join(d, "scales.csv"))
    for k, r in items.iterrows():
        if r["response_set"] not in set(rs["response_set"]):
            raise InputError(f"{os.path.join(d, 'items.csv')}: line {k + 2}: unknown response set {r['response_set']}")
        if r["scale"] not in set(sc["scale"]):
            raise InputError(f"{os.path.join(d, 'items.csv')}: line {k + 2}: unknown scale {r['scale']}")
    return items, rs, sc


def score_wave(label, path, a, items, rs, scale_ids, quality):
    need = [a.id] + a.group + list(items["item"])
    df = read_table(path, need)
    if len(df) == 0:
        raise InputError(f"{path}: line 2: no respondents")
    line = np.arange(len(df)) + 2
    dup = df[a.id].duplicated(keep="first").to_numpy()
    for ln in line[dup]:
        quality.append((label, path, int(ln), a.id, "duplicate_id", "later row with an id already seen"))
    df = df[~dup].reset_index(drop=True)
    line = line[~dup]
    n = len(df)
    P = np.empty((n, len(items)))
    for j, (item, rset, rev) in enumerate(zip(items["item"], items["response_set"], items["reverse"])):
        opts = rs[rs["response_set"] == rset]
        direct = {"": -1.0, "NA": -1.0, ".": -1.0}
        folded = {}
        for code, pts, le, ls in zip(opts["code"], opts["points"], opts["label_en"], opts["label_sv"]):
            v = float(pts) if pts.strip() != "" else -1.0
            direct[code.strip()] = v
            direct[le] = v
            direct[ls] = v
            folded[le.strip().casefold()] = v
            folded[ls.strip().casefold()] = v
        col = df[item]
        p = col.map(direct)
        unm = p.isna().to_numpy()
        if unm.any():
            s = col[unm].str.strip()
            q = s.map(direct)
            q2 = s.str.casefold().map(folded)
            q = q.fillna(q2)
            p[unm] = q
            bad = p.isna().to_numpy()
            for k in np.nonzero(bad)[0]:
                quality.append((label, path, int(line[k]), item, "invalid_value", f"not a code or label: {col.iloc[k]!r}"))
        v = p.to_numpy(dtype=float)
        v[np.isnan(v) | (v < 0)] = np.nan
        if str(rev).strip() == "1":
            v = 100.0 - v
        P[:, j] = v
    S = np.full((n, len(scale_ids)), np.nan)
    for si, s in enumerate(scale_ids):
        X = P[:, (items["scale"] == s).to_numpy()]
        k = X.shape[1]
        ans = (~np.isnan(X)).sum(1)
        with np.errstate(invalid="ignore", divide="ignore"):
            sc = np.nansum(X, 1) / ans
        sc[ans * 2 < k] = np.nan
        S[:, si] = sc
    return {"df": df, "P": P, "S": S}


def summaries(W, a, scale_ids):
    out = []
    for wl, w in W.items():
        S = pd.DataFrame(w["S"], columns=scale_ids)
        for b in ["all"] + a.group:
            g = pd.Series("all", index=S.index) if b == "all" else w["df"][b]
            gb = S.groupby(g.to_numpy())
            n = gb.count()
            mean = gb.mean()
            sd = gb.std(ddof=1)
            q = gb.quantile([0.25, 0.5, 0.75])  # linear interpolation = R type 7
            for stat, tab in (("n", n), ("mean", mean), ("sd", sd)):
                t = tab.stack(dropna=False).rename(stat)
                if stat == "n":
                    base = t.reset_index()
                else:
                    base[stat] = t.to_numpy()
            for prob, name in ((0.5, "median"), (0.25, "q1"), (0.75, "q3")):
                base[name] = q.xs(prob, level=1).stack(dropna=False).to_numpy()
            base.columns = ["group", "scale"] + list(base.columns[2:])
            base.insert(0, "breakdown", b)
            base.insert(0, "wave", wl)
            out.append(base)
    summ = pd.concat(out, ignore_index=True)
    h = stats.t.ppf(0.975, np.maximum(summ["n"] - 1, 1)) * summ["sd"] / np.sqrt(summ["n"])
    summ["ci_low"] = summ["mean"] - h
    summ["ci_high"] = summ["mean"] + h
    summ["suppressed"] = (summ["n"] < a.min_group).astype(int)
    return summ[["wave", "breakdown", "group", "scale", "n", "mean", "sd", "ci_low", "ci_high", "median", "q1",
                 "q3", "suppressed"]]


def reliability(W, items, scale_ids, min_group):
    rows = []
    for wl, w in W.items():
        for s in scale_ids:
            cols = (items["scale"] == s).to_numpy()
            k = int(cols.sum())
            if k < 2:
                continue
            X = w["P"][:, cols]
            X = X[~np.isnan(X).any(1)]
            nc = len(X)
            al = (k / (k - 1) * (1 - X.var(0, ddof=1).sum() / X.sum(1).var(ddof=1))) if nc >= min_group else np.nan
            rows.append((wl, s, k, nc, al))
    return pd.DataFrame(rows, columns=["wave", "scale", "items", "n_complete", "alpha"])


def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    o = np.argsort(p)[::-1]
    adj = np.minimum.accumulate(p[o] * m / np.arange(m, 0, -1))
    out = np.empty(m)
    out[o] = np.minimum(adj, 1.0)
    return out


def comparisons(W, summ, a, scale_ids, labels):
    res = []
    for A, B in zip(labels, labels[1:]):
        sa = summ[summ["wave"] == A].set_index(["breakdown", "group", "scale"])
        sb = summ[summ["wave"] == B].set_index(["breakdown", "group", "scale"])
        idx = sa.index.union(sb.index)
        sa = sa.reindex(idx)
        sb = sb.reindex(idx)
        na = sa["n"].fillna(0).to_numpy()
        nb = sb["n"].fillna(0).to_numpy()
        ma, mb = sa["mean"].to_numpy(), sb["mean"].to_numpy()
        va, vb = sa["sd"].to_numpy() ** 2, sb["sd"].to_numpy() ** 2
        with np.errstate(invalid="ignore", divide="ignore"):
            t, p = stats.ttest_ind_from_stats(mb, np.sqrt(vb), nb, ma, np.sqrt(va), na, equal_var=False)
            se = np.sqrt(va / na + vb / nb)
            df = (va / na + vb / nb) ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
            diff = mb - ma
            h = stats.t.ppf(0.975, df) * se
            sp = np.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
            g = diff / sp * (1 - 3 / (4 * (na + nb) - 9))
        ind = pd.DataFrame({"breakdown": idx.get_level_values(0), "group": idx.get_level_values(1),
                            "scale": idx.get_level_values(2), "design": "independent", "wave_a": A, "wave_b": B,
                            "n_a": na, "n_b": nb, "mean_a": ma, "mean_b": mb, "diff": diff, "ci_low": diff - h,
                            "ci_high": diff + h, "t": t, "df": df, "p": p, "effect": g,
                            "suppressed": ((na < a.min_group) | (nb < a.min_group)).astype(int)})
        res.append(ind)
        # paired
        wA, wB = W[A], W[B]
        pos = pd.Index(wA["df"][a.id]).get_indexer(wB["df"][a.id])
        has = pos >= 0
        SA = np.full(wB["S"].shape, np.nan)
        SA[has] = wA["S"][pos[has]]
        SB = wB["S"]
        D = SB - SA
        ok = ~np.isnan(D)
        PA = np.where(ok, SA, np.nan)
        PB = np.where(ok, SB, np.nan)
        for b in ["all"] + a.group:
            gB = np.array(["all"] * len(SB), dtype=object) if b == "all" else wB["df"][b].to_numpy()
            groups = sorted(set(gB) | (set(wA["df"][b]) if b != "all" else set()))
            fr = {}
            for name, M in (("D", D), ("PA", PA), ("PB", PB)):
                fr[name] = pd.DataFrame(M, columns=scale_ids).groupby(gB)
            n = fr["D"].count().reindex(groups).fillna(0)
            md = fr["D"].mean().reindex(groups)
            sd = fr["D"].std(ddof=1).reindex(groups)
            mpa = fr["PA"].mean().reindex(groups)
            mpb = fr["PB"].mean().reindex(groups)
            st = lambda T: T.stack(dropna=False).to_numpy()
            nn, dd, ss = st(n), st(md), st(sd)
            with np.errstate(invalid="ignore", divide="ignore"):
                tt = dd / (ss / np.sqrt(nn))
                pp = 2 * stats.t.sf(np.abs(tt), nn - 1)
                hh = stats.t.ppf(0.975, nn - 1) * ss / np.sqrt(nn)
            keys = n.stack(dropna=False).index
            res.append(pd.DataFrame({
                "breakdown": b, "group": keys.get_level_values(0), "scale": keys.get_level_values(1),
                "design": "paired", "wave_a": A, "wave_b": B, "n_a": nn, "n_b": nn, "mean_a": st(mpa),
                "mean_b": st(mpb), "diff": dd, "ci_low": dd - hh, "ci_high": dd + hh, "t": tt, "df": nn - 1,
                "p": pp, "effect": dd / ss, "suppressed": (nn < a.min_group).astype(int)}))
    cmp = pd.concat(res, ignore_index=True)
    cmp["p_adj"] = np.nan
    live = (cmp["suppressed"] == 0) & np.isfinite(cmp["p"])
    for key, ix in cmp[live].groupby(["breakdown", "group", "design", "wave_a", "wave_b"]).groups.items():
        cmp.loc[ix, "p_adj"] = bh(cmp.loc[ix, "p"].to_numpy())
    return cmp[["breakdown", "group", "scale", "design", "wave_a", "wave_b", "n_a", "n_b", "mean_a", "mean_b", "diff",
                "ci_low", "ci_high", "t", "df", "p", "p_adj", "effect", "suppressed"]]


def blank_suppressed(df, numeric):
    df = df.copy()
    for c in numeric:
        df[c] = df[c].astype(object)
    sup = df["suppressed"] == 1
    df.loc[sup, numeric] = None
    return df


def fmt_frame(df, ints):
    out = df.copy()
    for c in out.columns:
        if c in ints:
            out[c] = [("" if v is None or (isinstance(v, float) and np.isnan(v)) else str(int(v))) for v in out[c]]
        elif out[c].dtype == object or np.issubdtype(out[c].dtype, np.number):
            if c in ("wave", "breakdown", "group", "scale", "design", "wave_a", "wave_b"):
                continue
            out[c] = [("" if v is None or (isinstance(v, float) and not np.isfinite(v)) else
                       (f"{v:.15g}" if isinstance(v, (float, np.floating)) else str(v))) for v in out[c]]
    return out


def write_xlsx(path, summ, rel, cmp):
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    for name, df in (("Sammanfattning", summ), ("Reliabilitet", rel), ("Jämförelse", cmp)):
        ws = wb.create_sheet(name)
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([None if (v is None or (isinstance(v, float) and not np.isfinite(v))) else
                       (v.item() if hasattr(v, "item") else v) for v in row])
    wb.save(path)


def main():
    argv = sys.argv[1:]
    if argv and argv[0] == "run":
        argv = argv[1:]
    ap = argparse.ArgumentParser(prog="peer_pandas.py")
    ap.add_argument("--instrument", required=True)
    ap.add_argument("--wave", action="append", required=True)
    ap.add_argument("--id", default="id")
    ap.add_argument("--group", action="append", default=[])
    ap.add_argument("--min-group", type=int, default=5, dest="min_group")
    ap.add_argument("--lang", default="sv")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)  # exits 2 on wrong usage
    waves = []
    for w in a.wave:
        if "=" not in w:
            ap.error("--wave wants LABEL=FILE")
        waves.append(tuple(w.split("=", 1)))
    quality = []
    try:
        items, rs, sc = load_instrument(a.instrument)
        scale_ids = list(sc["scale"])
        W = {}
        for wl, path in waves:
            W[wl] = score_wave(wl, path, a, items, rs, scale_ids, quality)
    except InputError as e:
        print(f"peer_pandas: error: {e}", file=sys.stderr)
        return 1
    labels = [wl for wl, _ in waves]
    summ = summaries(W, a, scale_ids)
    rel = reliability(W, items, scale_ids, a.min_group)
    cmp = comparisons(W, summ, a, scale_ids, labels)
    summ_o = blank_suppressed(summ, ["n", "mean", "sd", "ci_low", "ci_high", "median", "q1", "q3"])
    cmp_o = blank_suppressed(cmp, ["n_a", "n_b", "mean_a", "mean_b", "diff", "ci_low", "ci_high", "t", "df", "p",
                                   "p_adj", "effect"])
    qual = pd.DataFrame(quality, columns=["wave", "file", "line", "column", "issue", "detail"])
    os.makedirs(a.out, exist_ok=True)
    fmt_frame(summ_o, {"n", "suppressed"}).to_csv(os.path.join(a.out, "scale_summary.csv"), index=False)
    fmt_frame(rel, {"items", "n_complete"}).to_csv(os.path.join(a.out, "reliability.csv"), index=False)
    fmt_frame(cmp_o, {"n_a", "n_b", "suppressed"}).to_csv(os.path.join(a.out, "comparison.csv"), index=False)
    qual.to_csv(os.path.join(a.out, "quality.csv"), index=False)
    write_xlsx(os.path.join(a.out, "report.xlsx"), summ_o, rel, cmp_o)
    return 0


if __name__ == "__main__":
    sys.exit(main())

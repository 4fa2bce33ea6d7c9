/*
 * columns.c - `copsoq columns`: a draft column map for survey-tool exports
 * (see columns.h).
 *
 * Each export is read with the same readers and header rule as a run
 * (reader.h, cq_header_shape).  A column's candidates for matching are its
 * header and, for Qualtrics, the question text of line 2, each also without
 * the tools' decorations: the text inside a trailing [...] (Google Forms and
 * LimeSurvey "Stem [Row]"), the text before it ("Text [SQ001]"), the text
 * after the last " - " (SurveyMonkey, Qualtrics "Stem - Row").  A candidate
 * matches an item when, normalised (case, punctuation, spaces), it equals the
 * item's id, text_sv or text_en.  A column matching one item maps to it; an
 * item matched by several columns, and a column matching several items, are
 * comments for the user.  The id column is the first unmatched column with a
 * known id name whose values are distinct and not the row numbers 1..n;
 * grouping columns are unmatched columns with 2 to 50 distinct values.
 */
#include "copsoq/columns.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/colmap.h"
#include "copsoq/ingest.h"
#include "copsoq/instrument.h"
#include "copsoq/reader.h"
#include "copsoq/strmap.h"

#define SAMPLE_ROWS 2000 /* data rows read to guess the id and grouping columns */
#define NORM_CAP    2048
#define MAX_LEVELS  50

typedef struct {
    cq_record *rec; /* header lines and the first data rows */
    size_t n, cap;
    size_t data_rows; /* records after the first CQ_MAX_HEADER_ROWS + 2 */
    cq_diag *d;
    cq_status status;
} sample;

typedef struct {
    char *name;     /* merged header (the map's `column`) */
    char *question; /* Qualtrics line 2, or "" */
    size_t item;    /* matched item, (size_t)-1 none, (size_t)-2 several */
    char *several;  /* the items when several */
    int is_id, is_group;
    size_t distinct;
    int row_numbers, all_present;
} col;

/* ------------------------------------------------------------ normalising */

size_t
cq_columns_norm(const char *s, char *out, size_t cap)
{
    char folded[NORM_CAP];
    size_t n = cq_fold(s, strlen(s), folded, sizeof folded);
    if (n == (size_t)-1) {
        n = strlen(s) < sizeof folded - 1 ? strlen(s) : sizeof folded - 1;
        memcpy(folded, s, n);
        folded[n] = '\0';
    }
    size_t o = 0;
    int space = 1; /* no leading space */
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        unsigned char c = (unsigned char)folded[i];
        int keep =
            c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (keep) {
            out[o++] = (char)c;
            space = 0;
        } else if (!space) {
            out[o++] = ' ';
            space = 1;
        }
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return o;
}

/* Items whose id or wording equals text (normalised); *first the first, the
 * count returned. */
static size_t
match_text(const cq_instrument *ins, char (*norm)[3][NORM_CAP], const char *text, size_t *first)
{
    char t[NORM_CAP];
    if (cq_columns_norm(text, t, sizeof t) == 0)
        return 0;
    size_t hits = 0;
    for (size_t i = 0; i < ins->n_items; i++)
        for (int k = 0; k < 3; k++)
            if (norm[i][k][0] && strcmp(norm[i][k], t) == 0) {
                if (hits++ == 0)
                    *first = i;
                break;
            }
    return hits;
}

/* The candidates of one header text: itself, inside and before a trailing
 * [...], after the last " - ". */
static void
candidates(const char *h, char out[4][NORM_CAP], size_t *n)
{
    *n = 0;
    snprintf(out[(*n)++], NORM_CAP, "%s", h);
    size_t len = strlen(h);
    while (len && h[len - 1] == ' ')
        len--;
    if (len && h[len - 1] == ']') {
        const char *open = NULL;
        for (size_t i = len - 1; i > 0 && !open; i--)
            if (h[i - 1] == '[')
                open = h + i - 1;
        if (open) {
            snprintf(out[(*n)++], NORM_CAP, "%.*s", (int)(h + len - 1 - open - 1), open + 1);
            snprintf(out[(*n)++], NORM_CAP, "%.*s", (int)(open - h), h);
        }
    }
    const char *dash = NULL;
    for (const char *p = strstr(h, " - "); p; p = strstr(p + 1, " - "))
        dash = p;
    if (dash)
        snprintf(out[(*n)++], NORM_CAP, "%s", dash + 3);
}

/* ------------------------------------------------------------ reading */

static int
s_field(void *ctx, const char *s, size_t len)
{
    sample *x = ctx;
    if (x->n >= CQ_MAX_HEADER_ROWS + 2 + SAMPLE_ROWS)
        return 0;
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 16;
        cq_record *p = realloc(x->rec, cap * sizeof *p);
        if (!p)
            goto nomem;
        memset(p + x->cap, 0, (cap - x->cap) * sizeof *p);
        x->rec = p;
        x->cap = cap;
    }
    if (cq_record_push(&x->rec[x->n], s, len) == 0)
        return 0;
nomem:
    x->status = cq_fail(x->d, CQ_ERR_NOMEM, "out of memory");
    return 1;
}

static int
s_record(void *ctx, size_t line)
{
    sample *x = ctx;
    if (x->n >= CQ_MAX_HEADER_ROWS + 2 + SAMPLE_ROWS)
        return 0;
    if (x->n == x->cap && s_field(ctx, "", 0) != 0) /* an empty record still counts */
        return 1;
    x->rec[x->n++].line = line;
    return 0;
}

static void
sample_free(sample *x)
{
    for (size_t k = 0; k < x->cap; k++) {
        for (size_t c = 0; c < x->rec[k].n; c++)
            free(x->rec[k].f[c]);
        free(x->rec[k].f);
    }
    free(x->rec);
}

/* ------------------------------------------------------------ guessing */

static int
is_id_name(const char *h)
{
    static const char *const names[] = {"externalreference",
                                        "external reference",
                                        "external data reference",
                                        "token",
                                        "custom data 1",
                                        "email address",
                                        "email",
                                        "e postadress",
                                        "respondent id",
                                        "respondentid",
                                        "participant id",
                                        "person id",
                                        "personid",
                                        "id",
                                        "responseid",
                                        "response id"};
    char t[NORM_CAP];
    cq_columns_norm(h, t, sizeof t);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(t, names[i]) == 0)
            return (int)(i + 1); /* earlier names are better ids */
    return 0;
}

static int
is_metadata_name(const char *h)
{
    static const char *const words[] = {
        "date",      "time",     "tid",      "datum",        "ip",       "status",    "progress",
        "duration",  "finished", "language", "lastpage",     "seed",     "collector", "latitude",
        "longitude", "url",      "channel",  "distribution", "recorded", "name"};
    char t[NORM_CAP];
    cq_columns_norm(h, t, sizeof t);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(t, words[i]))
            return 1;
    return 0;
}

static void
profile(col *c, size_t ci, const cq_record *rows, size_t n)
{
    cq_strmap m = {0};
    c->distinct = 0;
    c->all_present = 1;
    c->row_numbers = n > 1;
    for (size_t r = 0; r < n; r++) {
        const char *v = ci < rows[r].n ? rows[r].f[ci] : "";
        if (!v[0]) {
            c->all_present = 0;
            continue;
        }
        char num[32];
        snprintf(num, sizeof num, "%zu", r + 1);
        if (strcmp(v, num) != 0)
            c->row_numbers = 0;
        if (cq_strmap_get(&m, v) == (size_t)-1 && c->distinct <= n) {
            if (cq_strmap_put(&m, v, c->distinct) == 0)
                c->distinct++;
        }
    }
    cq_strmap_free(&m);
}

static void
slug(const char *h, char *out, size_t cap)
{
    cq_columns_norm(h, out, cap);
    for (char *p = out; *p; p++)
        if (*p == ' ')
            *p = '_';
}

static void
put_csv(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n") && s[0] != '#' && s[0] != ' ') {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* ------------------------------------------------------------ the map's lines */

typedef struct {
    char *note;         /* a comment line, or NULL */
    const char *column; /* a row: the export's header (borrowed) */
    char *name;         /* and the name */
    int with_note;      /* the note just before belongs to this row */
    int common;         /* every wave has this row */
} line;

typedef struct {
    line *v;
    size_t n, cap;
    int nomem;
} line_list;

static line *
add_line(line_list *L)
{
    if (L->n == L->cap) {
        size_t cap = L->cap ? 2 * L->cap : 64;
        line *p = realloc(L->v, cap * sizeof *p);
        if (!p) {
            L->nomem = 1;
            return NULL;
        }
        L->v = p;
        L->cap = cap;
    }
    L->v[L->n] = (line){0};
    return &L->v[L->n++];
}

static void note(line_list *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
note(line_list *L, const char *fmt, ...)
{
    line *l = add_line(L);
    if (!l)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&l->note, fmt, ap) < 0) {
        l->note = NULL;
        L->nomem = 1;
    }
    va_end(ap);
}

static void
row(line_list *L, const char *column, const char *name)
{
    line *l = add_line(L);
    if (!l)
        return;
    l->column = column;
    if (!(l->name = strdup(name)))
        L->nomem = 1;
}

static line *
find_row(line_list *L, const char *column, const char *name)
{
    for (size_t k = 0; k < L->n; k++)
        if (L->v[k].column && strcmp(L->v[k].column, column) == 0 &&
            strcmp(L->v[k].name, name) == 0)
            return &L->v[k];
    return NULL;
}

/* The rows with common == want (and their notes); comments of their own only
 * with the wave's own rows. */
static void
print_lines(FILE *out, const line_list *L, const char *wave, int want)
{
    for (size_t k = 0; k < L->n; k++) {
        const line *l = &L->v[k];
        if (l->note) {
            int owner = k + 1 < L->n && L->v[k + 1].with_note;
            if (owner ? L->v[k + 1].common == want : !want)
                fprintf(out, "%s\n", l->note);
            continue;
        }
        if (l->common != want)
            continue;
        put_csv(out, wave);
        fputc(',', out);
        put_csv(out, l->column);
        fputc(',', out);
        put_csv(out, l->name);
        fputc('\n', out);
    }
}

static void
lines_free(line_list *L)
{
    for (size_t k = 0; k < L->n; k++) {
        free(L->v[k].note);
        free(L->v[k].name);
    }
    free(L->v);
}

/* ------------------------------------------------------------ one export */

typedef struct {
    const char *label;
    col *cols;
    size_t n_cols;
    line_list out;
} draft;

static cq_status
draft_one(const cq_settings *set, size_t w, const cq_instrument *ins, char (*norm)[3][NORM_CAP],
          draft *out, cq_diag *d)
{
    const char *path = set->waves[w].path;
    sample x = {0};
    x.d = d;
    x.status = CQ_OK;
    cq_source *src = NULL;
    cq_status st = cq_source_open_file(path, &src, d);
    if (st != CQ_OK)
        return st;
    cq_read_info info = {0};
    info.sheet = set->waves[w].sheet ? set->waves[w].sheet : set->sheet;
    cq_reader_cb cb = {s_field, s_record, NULL, &x, NULL};
    st = cq_read_records(src, &info, &cb, &x.status, d);
    cq_source_close(src, NULL);
    if (st == CQ_OK && x.n == 0)
        st = cq_fail(d, CQ_ERR_EMPTY, "%s: the file is empty", path);
    if (st != CQ_OK) {
        sample_free(&x);
        return st;
    }
    size_t lines, skip;
    int forced = set->waves[w].header_rows ? set->waves[w].header_rows : set->header_rows;
    cq_header_shape(x.rec, x.n, forced, &lines, &skip);
    size_t width = 0;
    for (size_t k = 0; k < lines; k++)
        if (x.rec[k].n > width)
            width = x.rec[k].n;
    out->label = set->waves[w].label;
    out->cols = calloc(width ? width : 1, sizeof *out->cols);
    out->n_cols = width;
    if (!out->cols) {
        sample_free(&x);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    const char *carry = "";
    const cq_record *data = x.rec + lines + skip;
    size_t n_data = x.n > lines + skip ? x.n - lines - skip : 0;
    for (size_t c = 0; c < width && st == CQ_OK; c++) {
        col *k = &out->cols[c];
        k->name = cq_header_name(x.rec, lines, c, &carry);
        k->question = strdup(skip && c < x.rec[1].n ? x.rec[1].f[c] : "");
        if (!k->name || !k->question) {
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            break;
        }
        k->item = (size_t)-1;
        char cand[8][NORM_CAP];
        size_t nc = 0, nq = 0;
        candidates(k->name, cand, &nc);
        if (k->question[0])
            candidates(k->question, cand + nc, &nq);
        size_t found = (size_t)-1, hits = 0;
        char several[512] = "";
        for (size_t i = 0; i < nc + nq; i++) {
            size_t first = 0;
            size_t h = match_text(ins, norm, cand[i], &first);
            if (h == 1 && (found == (size_t)-1 || found == first)) {
                if (found == (size_t)-1)
                    hits++;
                found = first;
            } else if (h >= 1) {
                hits += 2;
            }
            if (h >= 1 && strlen(several) + strlen(ins->items[first].id) + 3 < sizeof several &&
                !strstr(several, ins->items[first].id))
                snprintf(several + strlen(several), sizeof several - strlen(several), "%s%s",
                         several[0] ? ", " : "", ins->items[first].id);
        }
        if (hits == 1)
            k->item = found;
        else if (hits > 1) {
            k->item = (size_t)-2;
            k->several = strdup(several);
        }
        profile(k, c, data, n_data);
    }
    sample_free(&x);
    return st;
}

/* ------------------------------------------------------------ entry point */

cq_status
cq_columns_draft(const cq_settings *set, FILE *out, cq_diag *d)
{
    cq_instrument *ins = NULL;
    cq_status st = cq_instrument_load(set->instrument_dir, &ins, d);
    if (st != CQ_OK)
        return st;
    char(*norm)[3][NORM_CAP] = calloc(ins->n_items ? ins->n_items : 1, sizeof *norm);
    draft *drafts = calloc(set->n_waves, sizeof *drafts);
    if (!norm || !drafts) {
        st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < ins->n_items; i++) {
        cq_columns_norm(ins->items[i].id, norm[i][0], NORM_CAP);
        cq_columns_norm(ins->items[i].text_sv ? ins->items[i].text_sv : "", norm[i][1], NORM_CAP);
        cq_columns_norm(ins->items[i].text_en ? ins->items[i].text_en : "", norm[i][2], NORM_CAP);
    }
    for (size_t w = 0; w < set->n_waves && st == CQ_OK; w++)
        st = draft_one(set, w, ins, norm, &drafts[w], d);
    if (st != CQ_OK)
        goto cleanup;

    for (size_t w = 0; w < set->n_waves && st == CQ_OK; w++) {
        draft *dr = &drafts[w];
        line_list *L = &dr->out;
        /* the id column */
        size_t id = (size_t)-1;
        int best = 0;
        for (size_t c = 0; c < dr->n_cols; c++) {
            col *k = &dr->cols[c];
            int rank = k->item == (size_t)-1 ? is_id_name(k->name) : 0;
            if (!rank)
                continue;
            if (k->row_numbers) {
                note(L, "# column '%s' holds the row numbers 1..n of the tool: not an id of people",
                     k->name);
                continue;
            }
            if (k->all_present && (!best || rank < best)) {
                best = rank;
                id = c;
            }
        }
        if (id != (size_t)-1) {
            dr->cols[id].is_id = 1;
            row(L, dr->cols[id].name, set->id_column ? set->id_column : "id");
        } else {
            note(L, "# no id column found: add a row ',COLUMN,id' for the column that identifies "
                    "people");
        }
        /* grouping columns */
        for (size_t c = 0; c < dr->n_cols; c++) {
            col *k = &dr->cols[c];
            if (k->is_id || k->item != (size_t)-1 || !k->name[0] || is_metadata_name(k->name) ||
                is_id_name(k->name) || k->distinct < 2 || k->distinct > MAX_LEVELS)
                continue;
            char s[NORM_CAP];
            slug(k->name, s, sizeof s);
            if (!s[0])
                continue;
            note(L, "# a grouping column? (%zu values; use --group %s, or delete the row)",
                 k->distinct, s);
            row(L, k->name, s);
            L->v[L->n - 1].with_note = 1;
        }
        /* items */
        for (size_t i = 0; i < ins->n_items; i++) {
            size_t hit = (size_t)-1, n_hit = 0;
            char names[1024] = "";
            for (size_t c = 0; c < dr->n_cols; c++)
                if (dr->cols[c].item == i) {
                    if (n_hit == 0)
                        hit = c;
                    n_hit++;
                    size_t u = strlen(names);
                    snprintf(names + u, sizeof names - u, " '%s'", dr->cols[c].name);
                }
            if (n_hit == 1)
                row(L, dr->cols[hit].name, ins->items[i].id);
            else if (n_hit > 1)
                note(L, "# %s: several columns match; keep one:%s", ins->items[i].id, names);
            else
                note(L, "# %s: no column found (%s); add a row ',COLUMN,%s'", ins->items[i].id,
                     ins->items[i].text_sv && ins->items[i].text_sv[0] ? ins->items[i].text_sv
                                                                       : ins->items[i].text_en,
                     ins->items[i].id);
        }
        for (size_t c = 0; c < dr->n_cols; c++)
            if (dr->cols[c].item == (size_t)-2)
                note(L, "# column '%s' matches several items (%s): map it by hand",
                     dr->cols[c].name, dr->cols[c].several ? dr->cols[c].several : "");
        if (L->nomem)
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    if (st != CQ_OK)
        goto cleanup;
    /* rows that every wave has (same column, same name) are written once, for
     * every wave; the rest under their wave's label */
    for (size_t k = 0; k < drafts[0].out.n; k++) {
        line *l = &drafts[0].out.v[k];
        int everywhere = l->column != NULL;
        for (size_t w = 1; w < set->n_waves && everywhere; w++)
            everywhere = find_row(&drafts[w].out, l->column, l->name) != NULL;
        for (size_t w = 0; w < set->n_waves && everywhere; w++)
            find_row(&drafts[w].out, l->column, l->name)->common = 1;
    }
    fprintf(out,
            "# Draft column map written by copsoq columns for the instrument %s.\n"
            "# Review every row before use: copsoq run --columns THIS_FILE ...\n"
            "# Lines starting with # are comments.  Rows with an empty wave apply to every "
            "wave.\n",
            ins->name);
    fputs("wave,column,name\n", out);
    if (set->n_waves > 1)
        fputs("# every wave\n", out);
    print_lines(out, &drafts[0].out, "", 1);
    for (size_t w = 0; w < set->n_waves; w++) {
        fprintf(out, "# %s (%s)\n", set->waves[w].path, drafts[w].label);
        print_lines(out, &drafts[w].out, set->n_waves == 1 ? "" : drafts[w].label, 0);
    }
    if (fflush(out) != 0 || ferror(out))
        st = cq_fail(d, CQ_ERR_WRITE, "standard output: write error");
cleanup:
    for (size_t w = 0; drafts && w < set->n_waves; w++) {
        for (size_t c = 0; c < drafts[w].n_cols; c++) {
            free(drafts[w].cols[c].name);
            free(drafts[w].cols[c].question);
            free(drafts[w].cols[c].several);
        }
        free(drafts[w].cols);
        lines_free(&drafts[w].out);
    }
    free(drafts);
    free(norm);
    cq_instrument_free(ins);
    return st;
}

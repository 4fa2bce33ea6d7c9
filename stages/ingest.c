/*
 * ingest.c - stage 2: read each wave's response file (contract §2, §2a).
 *
 * Takes records from the reader the file's content calls for (reader.h:
 * delimited text, .xlsx, .sav/.dta) and stores the answers columnar as
 * option indices.  The first records are held until the header is known:
 * a Qualtrics export's 3 header lines, a SurveyMonkey export's 2 merged
 * lines, or --header-rows N (§2a); then the column map (colmap.h), if any,
 * names the columns.  A record is buffered until its end, because
 * the id column may come after the items: only then is it known whether the
 * row is kept (its bad values become quality rows) or rejected as a whole
 * (duplicate id, missing id, wrong number of fields: one quality row).
 */
#include "copsoq/ingest.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copsoq/bigmem.h"
#include "copsoq/colmap.h"
#include "copsoq/csvread.h"
#include "copsoq/utf8.h"
#include "copsoq/log.h"
#include "copsoq/reader.h"
#include "copsoq/stages.h"
#include "copsoq/strmap.h"

#define ROLE_IGNORE     0
#define ROLE_ID         1
#define ROLE_GROUP      2
#define ROLE_ITEM       3
#define MAX_TOKEN_SHOWN 40
#define AUTO_HEADER     3 /* records held to detect a Qualtrics/SurveyMonkey header */
#define N_EXAMPLES      3 /* bad values shown when a column is mostly not answers */

typedef struct {
    int role;
    size_t index;         /* group or item index */
    const int16_t *digit; /* item: its response set's one-digit codes */
} column;

/* a field's text kept until the end of its record; "" = none */
typedef struct {
    char *s;
    size_t cap;
} text;

typedef struct {
    size_t col;
    char *token;
} bad_value;

typedef struct {
    cq_study *st;
    size_t w;
    cq_wave *wave;
    const cq_instrument *ins;
    const char *file;
    cq_diag *d;
    cq_status status;
    /* header */
    int header_done;
    size_t hold;     /* records to hold before deciding the header */
    int header_rows; /* forced, or 0 = detect */
    cq_record held[CQ_MAX_HEADER_ROWS + 1];
    size_t n_held;
    char **header;   /* [n_cols] the names used (after the map), wave arena */
    char **original; /* [n_cols] the file's own headers, wave arena */
    size_t n_cols, cap_header;
    column *cols;
    /* guards */
    size_t *nonempty, *invalid; /* [n_items] over all data records */
    char (*examples)[N_EXAMPLES * (MAX_TOKEN_SHOWN + 8)];
    int ids_are_row_numbers; /* so far, id r is the text of r + 1 */
    /* current record */
    size_t field;     /* index of the next field */
    text id;          /* the id field */
    size_t id_len;    /* its length */
    uint32_t id_hash; /* and its hash in idmap */
    text *gvals;      /* [n_groups] the group values */
    uint8_t *row;     /* [n_items] */
    bad_value *bad;
    size_t n_bad, cap_bad;
    int all_empty;
    size_t first_reject_line; /* for the message when every row is rejected */
    char first_reject[160];
    /* growing columns: each kind in one cq_big_calloc block of cap_rows rows a
     * column (answers[i] = answer_block + i * cap_rows), sized from the
     * reader's estimate of the file's records; finish() hands the blocks to
     * the wave's arena */
    size_t cap_rows;
    uint8_t *answer_block;
    uint32_t *group_block;
    uint8_t **answers; /* [n_items] into answer_block */
    uint32_t **group;  /* [n_groups] into group_block */
    char **ids;        /* cq_big_calloc'd array of arena strings */
    cq_strmap idmap;
    const cq_csv_info *csv; /* the reader's counts: its records_hint sizes idmap */
    int idmap_sized;
    cq_strmap *levelmap; /* [n_groups] */
    char ***levels;      /* [n_groups] malloc'd arrays of arena strings */
    size_t *n_levels, *cap_levels;
} ingest;

static int on_field(void *ctx, const char *s, size_t len);
static int on_record(void *ctx, size_t line);
static int on_row(void *ctx, const cq_field *f, size_t n, size_t line);
static int on_label(void *ctx, size_t col, const char *value, const char *label);
static cq_status decide_header(ingest *g);
static cq_status guards(ingest *g);
static cq_status finish(ingest *g);
static void ingest_free(ingest *g);

/* ids of wave w also in wave w - 1 (the matches compare pairs later) */
static cq_status
count_repeated(cq_study *st, size_t w, cq_diag *d)
{
    cq_wave *b = &st->waves[w];
    const uint32_t *prev = cq_study_prev_rows(st, w);
    if (!prev)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    b->ids_in_previous = 0;
    for (size_t r = 0; r < b->n; r++)
        b->ids_in_previous += prev[r] != 0;
    return CQ_OK;
}

/* The column map is loaded once for the whole run (its rows name the run's
 * waves), before the waves are read, each in a study of its own (waves.c). */
cq_status
cq_stage_columns(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    if (!set->columns_path || st->colmap)
        return CQ_OK;
    st->colmap = calloc(1, sizeof *st->colmap);
    if (!st->colmap)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    cq_status s = cq_colmap_load(set->columns_path, st->colmap, d);
    if (s == CQ_OK)
        s = cq_colmap_check(st->colmap, set, st->ins, d);
    return s;
}

cq_status
cq_stage_ingest(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    cq_status cs = cq_stage_columns(st, d); /* no-op when the run loaded it */
    if (cs != CQ_OK)
        return cs;
    st->waves = calloc(set->n_waves, sizeof *st->waves);
    if (!st->waves)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    st->n_waves = set->n_waves;
    for (size_t w = 0; w < set->n_waves; w++) {
        cq_wave *wave = &st->waves[w];
        const char *path = set->waves[w].path;
        cq_source *src = NULL;
        cq_status s = cq_source_open_file(path, &src, d);
        if (s != CQ_OK)
            return s;
        double t0 = cq_now();
        s = cq_ingest_wave(st, w, src, d);
        cq_diag d2;
        cq_status s2 = cq_source_close(src, &d2);
        if (s == CQ_OK && s2 != CQ_OK) {
            *d = d2;
            s = s2;
        }
        if (s != CQ_OK)
            return s;
        cq_log(CQ_LOG_INFO, "%s: wave %s: %zu respondents, %zu rejected rows, %.3f s", path,
               set->waves[w].label, wave->n, wave->rejected_duplicate + wave->rejected_other,
               cq_now() - t0);
    }
    return CQ_OK;
}

cq_status
cq_ingest_announce(cq_study *st, cq_diag *d)
{
    /* every run says how many people each wave has and how many could be
     * paired: a wrong id column shows here at once (contract §2a) */
    for (size_t w = 0; w < st->n_waves; w++) {
        if (w > 0) {
            cq_status s = count_repeated(st, w, d);
            if (s != CQ_OK)
                return s;
            cq_log(CQ_LOG_QUIET, "wave %s: %zu respondents, %zu ids also in wave %s",
                   st->waves[w].label, st->waves[w].n, st->waves[w].ids_in_previous,
                   st->waves[w - 1].label);
        } else {
            cq_log(CQ_LOG_QUIET, "wave %s: %zu respondents", st->waves[w].label, st->waves[w].n);
        }
    }
    return CQ_OK;
}

cq_status
cq_ingest_wave(cq_study *st, size_t w, cq_source *src, cq_diag *d)
{
    cq_wave *wave = &st->waves[w];
    const cq_settings *set = st->settings;
    cq_arena_init(&wave->arena);
    wave->label = set->waves[w].label;
    wave->path = set->waves[w].path;
    ingest g = {0};
    g.st = st;
    g.w = w;
    g.wave = wave;
    g.ins = st->ins;
    g.file = cq_source_name(src);
    g.d = d;
    g.status = CQ_OK;
    g.header_rows = set->waves[w].header_rows ? set->waves[w].header_rows : set->header_rows;
    g.hold = g.header_rows ? (size_t)g.header_rows : AUTO_HEADER;
    g.ids_are_row_numbers = 1;
    size_t ni = st->ins->n_items, ng = set->n_groups;
    g.row = calloc(ni ? ni : 1, 1);
    g.gvals = calloc(ng ? ng : 1, sizeof *g.gvals);
    g.answers = calloc(ni ? ni : 1, sizeof *g.answers);
    g.group = calloc(ng ? ng : 1, sizeof *g.group);
    g.levelmap = calloc(ng ? ng : 1, sizeof *g.levelmap);
    g.levels = calloc(ng ? ng : 1, sizeof *g.levels);
    g.n_levels = calloc(ng ? ng : 1, sizeof *g.n_levels);
    g.cap_levels = calloc(ng ? ng : 1, sizeof *g.cap_levels);
    g.nonempty = calloc(ni ? ni : 1, sizeof *g.nonempty);
    g.invalid = calloc(ni ? ni : 1, sizeof *g.invalid);
    g.examples = calloc(ni ? ni : 1, sizeof *g.examples);
    cq_status s;
    if (!g.row || !g.gvals || !g.answers || !g.group || !g.levelmap || !g.levels || !g.n_levels ||
        !g.cap_levels || !g.nonempty || !g.invalid || !g.examples) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    g.all_empty = 1;
    cq_read_info info = {0};
    info.sheet = set->waves[w].sheet ? set->waves[w].sheet : set->sheet;
    g.csv = &info.csv;
    cq_reader_cb cb = {on_field, on_record, on_label, &g, on_row};
    s = cq_read_records(src, &info, &cb, &g.status, d);
    wave->format = cq_format_name(info.format);
    wave->gzip = cq_source_is_gzip(src);
    wave->utf16 = cq_source_utf16(src);
    wave->delimiter = info.format == CQ_FMT_TEXT ? info.csv.delimiter : 0;
    wave->bom = info.csv.bom;
    wave->cp1252_fields = info.csv.cp1252_fields;
    wave->lines = info.format == CQ_FMT_TEXT ? info.csv.lines : info.records;
    if (info.sheet_used[0])
        wave->sheet = cq_arena_strdup(&wave->arena, info.sheet_used);
    if (s == CQ_OK && !g.header_done && g.n_held > 0)
        s = decide_header(&g);
    if (s != CQ_OK)
        goto cleanup;
    if ((info.format == CQ_FMT_TEXT && info.csv.bytes == 0) || !g.header_done) {
        s = cq_fail(d, CQ_ERR_EMPTY, "%s: the file is empty", g.file);
        goto cleanup;
    }
    if (wave->records == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA, "%s: line %zu: the file has a header but no data rows",
                    g.file, wave->header_lines + 1);
        goto cleanup;
    }
    if (wave->n == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA,
                    "%s: none of its %zu rows could be used; the first, line %zu: %s", g.file,
                    wave->records, g.first_reject_line, g.first_reject);
        goto cleanup;
    }
    s = guards(&g);
    if (s == CQ_OK)
        s = finish(&g);
    if (s == CQ_OK)
        s = cq_source_digest(src, wave->sha256, &wave->bytes, d);
    if (s == CQ_OK) {
        /* id -> row of every kept row: the wave's id map (cq_wave_id_map) */
        wave->id_map = g.idmap;
        wave->id_mapped = 1;
        g.idmap = (cq_strmap){0};
    }
cleanup:
    ingest_free(&g);
    return s;
}

int
cq_decode_answer(const cq_instrument *ins, size_t item, const char *tok, size_t len, uint8_t *opt)
{
    int ok = cq_decode_option(ins, item, tok, len, opt);
    if (ok && *opt != CQ_NA && ins->sets[ins->items[item].set].options[*opt].missing)
        *opt = CQ_NA;
    return ok;
}

int
cq_decode_option(const cq_instrument *ins, size_t item, const char *tok, size_t len, uint8_t *opt)
{
    const cq_response_set *set = &ins->sets[ins->items[item].set];
    *opt = CQ_NA;
    if (len == 1 && tok[0] >= '0' && tok[0] <= '9') { /* the common case */
        int16_t o = set->digit[tok[0] - '0'];
        if (o < 0)
            return 0;
        if (o != CQ_NA) { /* an option without points goes the long way */
            *opt = (uint8_t)o;
            return 1;
        }
    }
    while (len && (*tok == ' ' || *tok == '\t' || *tok == '\r' || *tok == '\n')) {
        tok++;
        len--;
    }
    while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t' || tok[len - 1] == '\r' ||
                   tok[len - 1] == '\n'))
        len--;
    if (len == 0)
        return 1;
    if ((len == 2 && memcmp(tok, "NA", 2) == 0) || (len == 1 && tok[0] == '.'))
        return 1;
    /* an integer code, written as the instrument writes it: an optional '-',
     * digits, no leading zeros ("03", "+3" and "-0" are not codes); a whole
     * number with a zero fraction ("3.0", "3.000000": pandas, readstat) is
     * that code too (contract §2a) */
    size_t ilen = len;
    const char *dot = memchr(tok, '.', len);
    if (dot && dot > tok && (size_t)(dot - tok) + 1 < len) {
        size_t z = (size_t)(dot - tok) + 1;
        while (z < len && tok[z] == '0')
            z++;
        if (z == len)
            ilen = (size_t)(dot - tok);
    }
    size_t i = tok[0] == '-' ? 1 : 0;
    int canonical = i < ilen && !(tok[i] == '0' && (ilen - i > 1 || i == 1));
    if (canonical && ilen - i <= 9) {
        size_t k = i;
        while (k < ilen && tok[k] >= '0' && tok[k] <= '9')
            k++;
        if (k == ilen) {
            long v = 0;
            for (size_t j = i; j < ilen; j++)
                v = v * 10 + (tok[j] - '0');
            if (tok[0] == '-')
                v = -v;
            for (size_t o = 0; o < set->n_options; o++)
                if (set->options[o].code == v) {
                    *opt = (uint8_t)o;
                    return 1;
                }
            return 0;
        }
    }
    /* a label, in either language */
    char buf[1024];
    size_t n = cq_fold(tok, len, buf, sizeof buf);
    if (n == (size_t)-1 || n == 0)
        return 0;
    for (size_t o = 0; o < set->n_options; o++) {
        const cq_option *op = &set->options[o];
        if ((op->fold_en[0] && strcmp(op->fold_en, buf) == 0) ||
            (op->fold_sv[0] && strcmp(op->fold_sv, buf) == 0)) {
            *opt = (uint8_t)o;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ header */

static int
is_response_word(const char *s)
{
    return cq_same_name(s, "Response") || cq_same_name(s, "Open-Ended Response");
}

/* Qualtrics: the third record's non-empty fields all start {"ImportId": */
static int
is_qualtrics(const cq_record *r)
{
    size_t nonempty = 0;
    for (size_t c = 0; c < r->n; c++) {
        size_t len = strlen(r->f[c]);
        const char *t = cq_trim(r->f[c], &len);
        if (!len)
            continue;
        if (len < 12 || strncmp(t, "{\"ImportId\":", 12) != 0)
            return 0;
        nonempty++;
    }
    return nonempty > 0;
}

/* SurveyMonkey: the second record holds Response or Open-Ended Response */
static int
is_surveymonkey(const cq_record *r)
{
    for (size_t c = 0; c < r->n; c++)
        if (is_response_word(r->f[c]))
            return 1;
    return 0;
}

void
cq_header_shape(const cq_record *rec, size_t n_rec, int forced, size_t *lines, size_t *skip)
{
    *lines = 1;
    *skip = 0;
    if (forced)
        *lines = (size_t)forced < n_rec ? (size_t)forced : n_rec;
    else if (n_rec >= 3 && is_qualtrics(&rec[2]))
        *skip = 2;
    else if (n_rec >= 2 && is_surveymonkey(&rec[1]))
        *lines = 2;
}

char *
cq_header_name(const cq_record *rec, size_t lines, size_t c, const char **carry)
{
    const char *first = c < rec[0].n ? rec[0].f[c] : "";
    if (first[0] || lines == 1)
        *carry = first;
    size_t cap = strlen(*carry) + 1;
    for (size_t k = 1; k < lines; k++)
        if (c < rec[k].n)
            cap += strlen(rec[k].f[c]) + 3;
    char *h = malloc(cap);
    if (!h)
        return NULL;
    size_t used = (size_t)snprintf(h, cap, "%s", *carry);
    for (size_t k = 1; k < lines; k++) {
        const char *t = c < rec[k].n ? rec[k].f[c] : "";
        if (t[0] && !is_response_word(t))
            used += (size_t)snprintf(h + used, cap - used, "%s%s", used ? " - " : "", t);
    }
    /* a line break inside a quoted or Excel header (question texts have them)
     * is a space: the name stays one line in messages and in the map */
    for (char *p = h; *p; p++)
        if (*p == '\r' || *p == '\n')
            *p = ' ';
    return h;
}

/* Header of n_lines held records merged (contract §2a): line 1's text carried
 * right from the nearest non-empty cell, then " - " and each further line's
 * text where it is neither empty nor Response/Open-Ended Response. */
static cq_status
merge_header(ingest *g, size_t n_lines)
{
    size_t width = 0;
    for (size_t k = 0; k < n_lines; k++)
        if (g->held[k].n > width)
            width = g->held[k].n;
    g->header = calloc(width ? width : 1, sizeof *g->header);
    g->original = calloc(width ? width : 1, sizeof *g->original);
    if (!g->header || !g->original)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    const char *carry = "";
    for (size_t c = 0; c < width; c++) {
        char *h = cq_header_name(g->held, n_lines, c, &carry);
        if (!h)
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        g->original[c] = cq_arena_strdup(&g->wave->arena, h);
        free(h);
        if (!g->original[c])
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        g->header[c] = g->original[c];
    }
    g->n_cols = width;
    return CQ_OK;
}

static cq_status
add_rename(ingest *g, const char *from, const char *to)
{
    cq_wave *w = g->wave;
    if (w->n_renames % 16 == 0) {
        const char **f = cq_arena_calloc(&w->arena, w->n_renames + 16, sizeof *f);
        const char **t = cq_arena_calloc(&w->arena, w->n_renames + 16, sizeof *t);
        if (!f || !t)
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        if (w->n_renames) {
            memcpy(f, w->rename_from, w->n_renames * sizeof *f);
            memcpy(t, w->rename_to, w->n_renames * sizeof *t);
        }
        w->rename_from = f;
        w->rename_to = t;
    }
    w->rename_from[w->n_renames] = from;
    w->rename_to[w->n_renames] = to;
    w->n_renames++;
    return CQ_OK;
}

/* The column map's rows for this wave name the columns; every other column
 * is ignored (NULL). */
static cq_status
apply_map(ingest *g, size_t line)
{
    const cq_colmap *m = g->st->colmap;
    const cq_colmap_row **rows = NULL;
    size_t n = 0;
    if (cq_colmap_for_wave(m, g->wave->label, &rows, &n) != CQ_OK)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    if (n == 0)
        return CQ_OK;
    cq_status s = CQ_OK;
    for (size_t c = 0; c < g->n_cols; c++)
        g->header[c] = NULL;
    for (size_t r = 0; r < n && s == CQ_OK; r++) {
        size_t found = (size_t)-1;
        for (size_t c = 0; c < g->n_cols && s == CQ_OK; c++) {
            if (!cq_same_name(g->original[c], rows[r]->column))
                continue;
            if (found != (size_t)-1)
                s = cq_fail(g->d, CQ_ERR_HEADER,
                            "%s: line %zu: column '%s' (%s, line %zu) appears twice in %s "
                            "(columns %zu and %zu)",
                            g->file, line, rows[r]->column, m->table.name, rows[r]->line, g->file,
                            found + 1, c + 1);
            found = c;
        }
        if (s != CQ_OK)
            break;
        if (found == (size_t)-1) {
            s = cq_fail(g->d, CQ_ERR_HEADER, "%s: line %zu: column '%s' is not in %s (wave %s)",
                        m->table.name, rows[r]->line, rows[r]->column, g->file, g->wave->label);
        } else if (g->header[found]) {
            s = cq_fail(g->d, CQ_ERR_HEADER,
                        "%s: line %zu: column '%s' is mapped to both '%s' and '%s' (wave %s)",
                        m->table.name, rows[r]->line, rows[r]->column, g->header[found],
                        rows[r]->name, g->wave->label);
        } else {
            g->header[found] = cq_arena_strdup(&g->wave->arena, rows[r]->name);
            if (!g->header[found])
                s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            else if (strcmp(g->original[found], rows[r]->name) != 0)
                s = add_rename(g, g->original[found], g->header[found]);
        }
    }
    free(rows);
    return s;
}

/* s folded as cq_fold does (never longer than s); caller frees. */
static char *
fold_alloc(const char *s)
{
    size_t n = strlen(s);
    char *f = malloc(n + 2);
    if (f && cq_fold(s, n, f, n + 2) == (size_t)-1)
        f[0] = '\0';
    return f;
}

static cq_status
header_record(ingest *g, size_t line)
{
    const cq_settings *set = g->st->settings;
    const cq_instrument *ins = g->ins;
    cq_diag *d = g->d;
    for (size_t c = 0; c < g->n_cols; c++) {
        const char *h = g->original[c];
        for (const unsigned char *p = (const unsigned char *)h; *p; p++)
            if (*p < 0x20 && *p != '\t')
                return cq_fail(d, CQ_ERR_BINARY,
                               "%s: line %zu: the header holds control characters: not a "
                               "text file of survey answers",
                               g->file, line);
    }
    cq_status s = apply_map(g, line);
    if (s != CQ_OK)
        return s;
    g->cols = calloc(g->n_cols ? g->n_cols : 1, sizeof *g->cols);
    if (!g->cols)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    size_t ng = set->n_groups, ni = ins->n_items;
    size_t *seen = calloc(ng + ni + 1, sizeof *seen); /* column + 1 of each role */
    /* folded item ids -> item, so that a header of n columns costs n look-ups */
    char **folded = calloc(ni + 1, sizeof *folded);
    cq_strmap items = {0};
    s = seen && folded ? CQ_OK : cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < ni && s == CQ_OK; k++) {
        folded[k] = fold_alloc(ins->items[k].id);
        if (!folded[k])
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        else if (cq_strmap_get(&items, folded[k]) == (size_t)-1 &&
                 cq_strmap_put(&items, folded[k], k) != 0)
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    /* --id or --group naming an item: say so, not "the item is missing" */
    for (size_t k = 0; k <= ng && s == CQ_OK; k++) {
        const char *name = k == 0 ? set->id_column : set->groups[k - 1];
        char *f = fold_alloc(name);
        if (!f) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            break;
        }
        size_t it = cq_strmap_get(&items, f);
        free(f);
        if (it != (size_t)-1)
            s = cq_fail(d, CQ_ERR_USAGE,
                        "%s '%s' names the item column '%s' of the instrument (items.csv); %s",
                        k == 0 ? "--id" : "--group", name, ins->items[it].id,
                        k == 0 ? "the id must be a column of its own"
                               : "a breakdown must be a column other than the items");
    }
    for (size_t c = 0; c < g->n_cols && s == CQ_OK; c++) {
        const char *h = g->header[c];
        size_t slot = (size_t)-1;
        if (!h)
            continue; /* not in the column map */
        if (cq_same_name(h, set->id_column)) {
            g->cols[c].role = ROLE_ID;
            slot = 0;
        } else {
            for (size_t k = 0; k < ng && slot == (size_t)-1; k++)
                if (cq_same_name(h, set->groups[k])) {
                    g->cols[c] = (column){ROLE_GROUP, k, NULL};
                    slot = 1 + k;
                }
            if (slot == (size_t)-1) {
                char *f = fold_alloc(h);
                if (!f) {
                    s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                    break;
                }
                size_t k = cq_strmap_get(&items, f);
                free(f);
                if (k != (size_t)-1) {
                    g->cols[c] = (column){ROLE_ITEM, k, ins->sets[ins->items[k].set].digit};
                    slot = 1 + ng + k;
                }
            }
        }
        if (slot == (size_t)-1)
            continue;
        if (seen[slot])
            s = cq_fail(d, CQ_ERR_HEADER,
                        "%s: line %zu: column '%s' appears twice (columns %zu and %zu)", g->file,
                        line, h, seen[slot], c + 1);
        seen[slot] = c + 1;
    }
    if (s == CQ_OK && !seen[0])
        s = cq_fail(d, CQ_ERR_HEADER, "%s: line %zu: the id column '%s' is missing%s", g->file,
                    line, set->id_column,
                    g->st->colmap    ? " (name it in the column map)"
                    : g->n_cols <= 1 ? " (is the delimiter , ; or TAB?)"
                                     : "");
    for (size_t k = 0; k < ng && s == CQ_OK; k++)
        if (!seen[1 + k])
            s = cq_fail(d, CQ_ERR_HEADER, "%s: line %zu: the grouping column '%s' is missing",
                        g->file, line, set->groups[k]);
    if (s == CQ_OK) {
        char list[512] = "";
        size_t missing = 0, used = 0;
        for (size_t k = 0; k < ni; k++)
            if (!seen[1 + ng + k]) {
                if (missing < 8) {
                    int n = snprintf(list + used, sizeof list - used, "%s%s", missing ? ", " : "",
                                     ins->items[k].id);
                    if (n > 0 && (size_t)n < sizeof list - used)
                        used += (size_t)n;
                }
                missing++;
            }
        if (missing)
            s = cq_fail(d, CQ_ERR_HEADER,
                        "%s: line %zu: %zu item column%s of the instrument %s missing: %s%s%s",
                        g->file, line, missing, missing == 1 ? "" : "s",
                        missing == 1 ? "is" : "are", list, missing > 8 ? ", ..." : "",
                        g->st->colmap ? ""
                                      : " (a survey tool's export needs a column map: "
                                        "copsoq columns)");
    }
    for (size_t k = 0; folded && k < ni; k++)
        free(folded[k]);
    free(folded);
    cq_strmap_free(&items);
    free(seen);
    return s;
}

/* inlined into on_field: it runs once per cell */
static inline int data_field(ingest *g, const char *s, size_t len) __attribute__((always_inline));
static int data_record(ingest *g, size_t line);
static void reset_record(ingest *g);

/* Decides the header from the held records, then replays the others as data. */
static cq_status
decide_header(ingest *g)
{
    size_t lines, skip;
    cq_header_shape(g->held, g->n_held, g->header_rows, &lines, &skip);
    g->header_done = 1;
    g->wave->header_lines = lines + skip;
    cq_status s = merge_header(g, lines);
    if (s == CQ_OK)
        s = header_record(g, g->held[0].line);
    for (size_t k = lines + skip; k < g->n_held && s == CQ_OK; k++) {
        for (size_t c = 0; c < g->held[k].n && s == CQ_OK; c++)
            if (data_field(g, g->held[k].f[c], strlen(g->held[k].f[c])) != 0)
                s = g->status;
        if (s == CQ_OK && data_record(g, g->held[k].line) != 0)
            s = g->status;
    }
    for (size_t k = 0; k < g->n_held; k++) {
        for (size_t c = 0; c < g->held[k].n; c++)
            free(g->held[k].f[c]);
        free(g->held[k].f);
        g->held[k] = (cq_record){0};
    }
    g->n_held = 0;
    if (s == CQ_OK)
        reset_record(g);
    return s;
}

/* ------------------------------------------------------------------ records */

static int
on_field(void *ctx, const char *s, size_t len)
{
    ingest *g = ctx;
    if (g->header_done)
        return data_field(g, s, len);
    if (cq_record_push(&g->held[g->n_held], s, len) == 0)
        return 0;
    g->status = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    return 1;
}

/* A whole unquoted record (the reader's fast path): an answer that is one
 * digit of its set goes straight into the row; every other field takes
 * data_field's way. */
static int
on_row(void *ctx, const cq_field *f, size_t n, size_t line)
{
    ingest *g = ctx;
    if (!g->header_done) {
        for (size_t k = 0; k < n; k++)
            if (on_field(g, f[k].s, f[k].len) != 0)
                return 1;
        return on_record(g, line);
    }
    for (size_t k = 0; k < n; k++) {
        size_t c = g->field;
        if (f[k].len == 1 && c < g->n_cols && g->cols[c].role == ROLE_ITEM) {
            unsigned dg = (unsigned char)f[k].s[0] - (unsigned)'0';
            int16_t o = dg < 10 ? g->cols[c].digit[dg] : -1;
            if (o >= 0 && o != CQ_NA) {
                size_t i = g->cols[c].index;
                g->field++;
                g->all_empty = 0;
                g->nonempty[i]++;
                g->row[i] = (uint8_t)o;
                continue;
            }
        }
        if (data_field(g, f[k].s, f[k].len) != 0)
            return 1;
    }
    return data_record(g, line);
}

int
cq_record_push(cq_record *r, const char *s, size_t len)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 32;
        char **f = realloc(r->f, cap * sizeof *f);
        if (!f)
            return -1;
        r->f = f;
        r->cap = cap;
    }
    s = cq_trim(s, &len);
    if (!(r->f[r->n] = strndup(s, len)))
        return -1;
    r->n++;
    return 0;
}

static int
on_record(void *ctx, size_t line)
{
    ingest *g = ctx;
    if (g->header_done)
        return data_record(g, line);
    g->held[g->n_held++].line = line;
    if (g->n_held < g->hold)
        return 0;
    g->status = decide_header(g);
    return g->status != CQ_OK;
}

/* Numbers of a file's variable were labelled by the tool (.sav, .dta): each
 * label must name the option the instrument gives that code (contract §2a). */
static int
on_label(void *ctx, size_t col, const char *value, const char *label)
{
    ingest *g = ctx;
    if (!g->header_done && g->n_held > 0) {
        g->status = decide_header(g);
        if (g->status != CQ_OK)
            return 1;
    }
    if (col >= g->n_cols || g->cols[col].role != ROLE_ITEM)
        return 0;
    const cq_item *it = &g->ins->items[g->cols[col].index];
    const cq_response_set *set = &g->ins->sets[it->set];
    char *end;
    long v = strtol(value, &end, 10);
    if (end == value || *end)
        return 0;
    char fl[512];
    size_t n = cq_fold(label, strlen(label), fl, sizeof fl);
    if (n == (size_t)-1)
        n = 0;
    const cq_option *coded = NULL, *named = NULL;
    for (size_t o = 0; o < set->n_options; o++) {
        const cq_option *op = &set->options[o];
        if (op->code == v)
            coded = op;
        if (n && ((op->fold_en[0] && strcmp(op->fold_en, fl) == 0) ||
                  (op->fold_sv[0] && strcmp(op->fold_sv, fl) == 0)))
            named = op;
    }
    if (coded == named || (!coded && !named))
        return 0;
    if (coded)
        g->status =
            cq_fail(g->d, CQ_ERR_HEADER,
                    "%s: variable %s: value %s is labelled '%s' in the file, but the "
                    "instrument's code %s is '%s' (%s): the tool's numbers are not the "
                    "instrument's codes; export answer texts or recode the variable",
                    g->file, g->original[col], value, label, value,
                    coded->label_sv[0] ? coded->label_sv : coded->label_en, coded->label_en);
    else
        g->status = cq_fail(g->d, CQ_ERR_HEADER,
                            "%s: variable %s: value %s is labelled '%s' in the file, which is the "
                            "instrument's code %ld ('%s'): the tool's numbers are not the "
                            "instrument's codes; export answer texts or recode the variable",
                            g->file, g->original[col], value, label, named->code,
                            named->label_sv[0] ? named->label_sv : named->label_en);
    return 1;
}

static void
add_example(char *ex, const char *s, size_t len)
{
    size_t used = strlen(ex), have = 0;
    for (const char *p = ex; *p; p++)
        have += *p == '\'' ? 1 : 0;
    if (have / 2 >= N_EXAMPLES)
        return;
    char tok[MAX_TOKEN_SHOWN + 1];
    size_t n = len > MAX_TOKEN_SHOWN ? MAX_TOKEN_SHOWN : len;
    while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(tok, s, n);
    tok[n] = '\0';
    if (strchr(tok, '\''))
        return;
    char quoted[MAX_TOKEN_SHOWN + 4];
    snprintf(quoted, sizeof quoted, "'%s'", tok);
    if (strstr(ex, quoted))
        return;
    snprintf(ex + used, N_EXAMPLES * (MAX_TOKEN_SHOWN + 8) - used, "%s%s", used ? ", " : "",
             quoted);
}

static int
only_blanks(const char *s, size_t len)
{
    size_t n = len;
    cq_trim(s, &n);
    return n == 0;
}

static inline int
data_field(ingest *g, const char *s, size_t len)
{
    size_t c = g->field++;
    if (len)
        for (size_t k = 0; k < len && g->all_empty; k++)
            if (s[k] != ' ' && s[k] != '\t')
                g->all_empty = 0;
    if (c >= g->n_cols)
        return 0;
    const column *col = &g->cols[c];
    if (col->role == ROLE_ITEM) {
        uint8_t opt;
        if (len == 1 ? s[0] != ' ' && s[0] != '\t' : len > 0 && !only_blanks(s, len))
            g->nonempty[col->index]++;
        /* the option as chosen, also one without points: counted in finish() */
        if (!cq_decode_option(g->ins, col->index, s, len, &opt)) {
            size_t tl = len;
            const char *t = cq_trim(s, &tl);
            g->invalid[col->index]++;
            add_example(g->examples[col->index], t, tl);
            if (g->n_bad == g->cap_bad) {
                size_t cap = g->cap_bad ? 2 * g->cap_bad : 8;
                bad_value *b = realloc(g->bad, cap * sizeof *b);
                if (!b)
                    goto nomem;
                g->bad = b;
                g->cap_bad = cap;
            }
            char *copy = strndup(s, len);
            if (!copy)
                goto nomem;
            g->bad[g->n_bad++] = (bad_value){c, copy};
        }
        g->row[col->index] = opt;
    } else if (col->role == ROLE_ID || col->role == ROLE_GROUP) {
        s = cq_trim(s, &len);
        text *t = col->role == ROLE_ID ? &g->id : &g->gvals[col->index];
        if (len + 1 > t->cap) {
            size_t cap = len + 1 > 2 * t->cap ? len + 1 : 2 * t->cap;
            char *p = realloc(t->s, cap);
            if (!p)
                goto nomem;
            t->s = p;
            t->cap = cap;
        }
        memcpy(t->s, s, len);
        t->s[len] = '\0';
        if (col->role == ROLE_ID) { /* the record's other fields come before its look-up */
            g->id_len = len;
            g->id_hash = cq_strmap_hash(t->s, len);
            cq_strmap_prefetch_hash(&g->idmap, g->id_hash);
        }
    }
    return 0;
nomem:
    g->status = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    return 1;
}

static void
reset_record(ingest *g)
{
    g->field = 0;
    if (g->id.s)
        g->id.s[0] = '\0';
    if (g->gvals)
        for (size_t k = 0; k < g->st->settings->n_groups; k++)
            if (g->gvals[k].s)
                g->gvals[k].s[0] = '\0';
    for (size_t b = 0; b < g->n_bad; b++)
        free(g->bad[b].token);
    g->n_bad = 0;
    memset(g->row, CQ_NA, g->ins->n_items);
    g->all_empty = 1;
}

static cq_status
reject(ingest *g, size_t line, const char *issue, const char *detail)
{
    if (!g->first_reject_line) {
        g->first_reject_line = line;
        snprintf(g->first_reject, sizeof g->first_reject, "%s", detail);
    }
    if (cq_study_add_quality(g->st, g->w, g->file, line, "", issue, detail) != CQ_OK)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    return CQ_OK;
}

/* Room for more rows: to the reader's estimate of the file's records (plus a
 * little) once it has one, doubling beyond it; each block moved column by
 * column into a fresh one. */
static cq_status
grow(ingest *g)
{
    size_t ni = g->ins->n_items, ng = g->st->settings->n_groups, old = g->cap_rows;
    size_t doubled = old ? 2 * old : 1024, cap = doubled;
    size_t hint = g->csv ? g->csv->records_hint : 0;
    if (hint + hint / 64 > cap)
        cap = hint + hint / 64;
    uint8_t *ab;
    uint32_t *gb;
    char **ids;
    for (;;) {
        ab = cq_big_calloc(cap, ni ? ni : 1);
        gb = cq_big_calloc(cap, (ng ? ng : 1) * sizeof *gb);
        ids = ab && gb ? cq_big_realloc(g->ids, old * sizeof *ids, cap * sizeof *ids) : NULL;
        if (ids)
            break;
        /* g's blocks, ids among them, unchanged */
        cq_big_free(ab, cap * (ni ? ni : 1));
        cq_big_free(gb, cap * (ng ? ng : 1) * sizeof *gb);
        if (cap == doubled)
            return CQ_ERR_NOMEM;
        cap = doubled; /* an estimate too large to map (an odd first block): double instead */
    }
    for (size_t i = 0; i < ni; i++) {
        if (old)
            memcpy(ab + i * cap, g->answers[i], old);
        g->answers[i] = ab + i * cap;
    }
    for (size_t k = 0; k < ng; k++) {
        if (old)
            memcpy(gb + k * cap, g->group[k], old * sizeof *gb);
        g->group[k] = gb + k * cap;
    }
    cq_big_free(g->answer_block, old * (ni ? ni : 1));
    cq_big_free(g->group_block, old * (ng ? ng : 1) * sizeof *gb);
    g->answer_block = ab;
    g->group_block = gb;
    g->ids = ids;
    g->cap_rows = cap;
    return CQ_OK;
}

static size_t
level_of(ingest *g, size_t k, const char *value)
{
    if (!value || !*value)
        value = CQ_MISSING_GROUP;
    size_t v = cq_strmap_get(&g->levelmap[k], value);
    if (v != (size_t)-1)
        return v;
    if (g->n_levels[k] == g->cap_levels[k]) {
        size_t cap = g->cap_levels[k] ? 2 * g->cap_levels[k] : 16;
        char **p = realloc(g->levels[k], cap * sizeof *p);
        if (!p)
            return (size_t)-1;
        g->levels[k] = p;
        g->cap_levels[k] = cap;
    }
    char *copy = cq_arena_strdup(&g->wave->arena, value);
    if (!copy)
        return (size_t)-1;
    v = g->n_levels[k];
    if (cq_strmap_put(&g->levelmap[k], copy, v) != 0)
        return (size_t)-1;
    g->levels[k][v] = copy;
    g->n_levels[k]++;
    return v;
}

static int
data_record(ingest *g, size_t line)
{
    cq_wave *wave = g->wave;
    cq_status s = CQ_OK;
    char detail[256];
    cq_strmap_slot *slot;
    int found;
    if (g->all_empty) {
        wave->empty_records++;
        reset_record(g);
        return 0;
    }
    wave->records++;
    if (!g->idmap_sized && g->csv && g->csv->records_hint) {
        /* the whole file's ids in a table of their size at once, not one
         * doubled again and again (a failure only leaves it growing) */
        g->idmap_sized = 1;
        (void)cq_strmap_reserve(&g->idmap, g->csv->records_hint + g->csv->records_hint / 64);
    }
    if (g->field != g->n_cols) {
        snprintf(detail, sizeof detail, "%zu fields where the header has %zu: row not used",
                 g->field, g->n_cols);
        wave->rejected_other++;
        s = reject(g, line, "field_count", detail);
    } else if (!g->id.s || !g->id.s[0]) {
        wave->rejected_other++;
        s = reject(g, line, "missing_id", "no respondent id: row not used");
    } else if (!(slot = cq_strmap_upsert_hashed(&g->idmap, g->id.s, g->id_hash, wave->n, &found))) {
        s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    } else if (found) {
        wave->rejected_duplicate++;
        s = reject(g, line, "duplicate_id",
                   "the same id as an earlier row: the first row is kept, this one not used");
    } else {
        /* the map's new key becomes the wave's own copy of the id */
        size_t r = wave->n;
        char *id = cq_arena_text(&wave->arena, g->id.s, g->id_len);
        if (!id || (r == g->cap_rows && grow(g) != CQ_OK)) {
            slot->key = "";
            s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            goto out;
        }
        slot->key = id;
        g->ids[r] = id;
        if (g->ids_are_row_numbers) {
            char num[32];
            snprintf(num, sizeof num, "%zu", r + 1);
            g->ids_are_row_numbers = strcmp(id, num) == 0;
        }
        for (size_t i = 0; i < g->ins->n_items; i++)
            g->answers[i][r] = g->row[i];
        for (size_t k = 0; k < g->st->settings->n_groups; k++) {
            size_t v = level_of(g, k, g->gvals[k].s);
            if (v == (size_t)-1) {
                s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
                goto out;
            }
            g->group[k][r] = (uint32_t)v;
        }
        wave->n++;
        for (size_t b = 0; b < g->n_bad && s == CQ_OK; b++) {
            const bad_value *bv = &g->bad[b];
            const cq_item *it = &g->ins->items[g->cols[bv->col].index];
            char shown[MAX_TOKEN_SHOWN * 4 + 8];
            size_t tl = strlen(bv->token);
            if (tl > MAX_TOKEN_SHOWN) {
                /* cut on a UTF-8 character boundary */
                size_t cut = cq_utf8_prefix(bv->token, (size_t)-1, MAX_TOKEN_SHOWN);
                snprintf(shown, sizeof shown, "%.*s...", (int)cut, bv->token);
            } else {
                snprintf(shown, sizeof shown, "%s", bv->token);
            }
            snprintf(detail, sizeof detail,
                     "'%s' is not an answer option of %s: counted as missing", shown,
                     g->ins->sets[it->set].id);
            wave->bad_values++;
            if (cq_study_add_quality(g->st, g->w, g->file, line, g->header[bv->col],
                                     "invalid_value", detail) != CQ_OK)
                s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            else {
                /* the disclose stage rewrites detail from these (no echo) */
                cq_quality *q = &g->st->quality[g->st->n_quality - 1];
                q->item = g->cols[bv->col].index;
                if (!(q->token = cq_arena_strdup(&g->st->arena, bv->token)))
                    s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            }
        }
    }
out:
    reset_record(g);
    if (s != CQ_OK) {
        g->status = s;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ guards */

/* What a response set accepts, for messages: "codes 1, 2, 3 or labels Alltid/Always, ..." */
static void
describe_set(const cq_response_set *set, char *buf, size_t cap)
{
    size_t used = (size_t)snprintf(buf, cap, "the codes");
    for (size_t o = 0; o < set->n_options && used < cap; o++)
        used +=
            (size_t)snprintf(buf + used, cap - used, "%s %ld", o ? "," : "", set->options[o].code);
    if (used < cap)
        used += (size_t)snprintf(buf + used, cap - used, " or the labels");
    for (size_t o = 0; o < set->n_options && used < cap; o++) {
        const cq_option *op = &set->options[o];
        used += (size_t)snprintf(buf + used, cap - used, "%s '%s'", o ? "," : "",
                                 op->label_sv[0] ? op->label_sv : op->label_en);
    }
}

/* Silent garbage becomes an error (contract §2a): a column whose values are
 * mostly not answers, and ids that are only a tool's row numbers. */
static cq_status
guards(ingest *g)
{
    const cq_settings *set = g->st->settings;
    for (size_t c = 0; c < g->n_cols; c++) {
        if (g->cols[c].role != ROLE_ITEM)
            continue;
        size_t i = g->cols[c].index;
        if (g->invalid[i] == 0 || 2 * g->invalid[i] <= g->nonempty[i])
            continue;
        const cq_item *it = &g->ins->items[i];
        char expects[400];
        describe_set(&g->ins->sets[it->set], expects, sizeof expects);
        char from[300] = "";
        if (strcmp(g->original[c], g->header[c]) != 0)
            snprintf(from, sizeof from, " (the file's column '%.200s')", g->original[c]);
        return cq_fail(g->d, CQ_ERR_HEADER,
                       "%s: wave %s, column %s%s: %zu of its %zu values are not answers of %s "
                       "(first: %s); it expects %s. Is the column map right, or does the tool "
                       "export its own numbers? Then export answer texts",
                       g->file, g->wave->label, g->header[c], from, g->invalid[i], g->nonempty[i],
                       g->ins->sets[it->set].id, g->examples[i], expects);
    }
    if (!set->id_explicit && g->ids_are_row_numbers && g->wave->n >= 2)
        return cq_fail(g->d, CQ_ERR_HEADER,
                       "%s: wave %s: the column '%s' holds the numbers 1 to %zu in file order: "
                       "a survey tool's row number, not the person who answered, so waves "
                       "cannot be paired. Name the column that identifies people with --id "
                       "COLUMN (or id = in the study file, or the column map); if these numbers "
                       "really are the ids, say so with --id %s",
                       g->file, g->wave->label, set->id_column, g->wave->n, set->id_column);
    return CQ_OK;
}

/* ------------------------------------------------------------------ finish */

/* levels by bytes; the names come as qsort_r's argument, so that waves can
 * be read in threads at once */
static int
cmp_level(const void *a, const void *b, void *names)
{
    const char *const *base = names;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return strcmp(base[x], base[y]);
}

static cq_status
finish(ingest *g)
{
    cq_wave *wave = g->wave;
    const cq_instrument *ins = g->ins;
    size_t n = wave->n, ni = ins->n_items, ng = g->st->settings->n_groups;
    cq_arena *a = &wave->arena;
    if (!g->cap_rows && grow(g) != CQ_OK) /* no row kept: empty columns all the same */
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    wave->answers = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->answers);
    wave->missing_per_item = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->missing_per_item);
    wave->answer_count = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->answer_count);
    wave->group = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->group);
    wave->levels = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->levels);
    wave->n_levels = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->n_levels);
    if (!wave->answers || !wave->missing_per_item || !wave->answer_count || !wave->group ||
        !wave->levels || !wave->n_levels)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    /* the blocks become the wave's, the columns rewritten in place below */
    size_t cap = g->cap_rows;
    if (cq_arena_take(a, g->answer_block, cap * (ni ? ni : 1)) != 0)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    g->answer_block = NULL;
    if (cq_arena_take(a, g->group_block, cap * (ng ? ng : 1) * sizeof *g->group_block) != 0)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    g->group_block = NULL;
    if (cq_arena_take(a, g->ids, cap * sizeof *g->ids) != 0)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    wave->ids = g->ids;
    g->ids = NULL;
    for (size_t i = 0; i < ni; i++) {
        wave->answers[i] = g->answers[i];
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        size_t n_opt = set->n_options;
        size_t *count = cq_arena_calloc(a, n_opt + 1, sizeof *count); /* + 1: no answer */
        if (!count)
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        /* g->answers hold the options as chosen; the wave's answers hold an
         * option without points ("Vet inte") as missing, for scoring: one
         * table look-up a row, counted by byte value and folded after */
        uint8_t as_scored[256];
        size_t by_byte[256] = {0};
        for (size_t o = 0; o < 256; o++)
            as_scored[o] = o < n_opt && !set->options[o].missing ? (uint8_t)o : CQ_NA;
        const uint8_t *in = g->answers[i];
        uint8_t *out = wave->answers[i];
        for (size_t r = 0; r < n; r++) {
            by_byte[in[r]]++;
            out[r] = as_scored[in[r]];
        }
        size_t missing = 0;
        for (size_t o = 0; o < 256; o++) {
            if (o < n_opt)
                count[o] = by_byte[o];
            else if (o == CQ_NA)
                count[n_opt] = by_byte[o];
            missing += as_scored[o] == CQ_NA ? by_byte[o] : 0;
        }
        wave->answer_count[i] = count;
        wave->missing_per_item[i] = missing;
    }
    for (size_t k = 0; k < ng; k++) {
        size_t nl = g->n_levels[k];
        size_t *order = malloc((nl ? nl : 1) * sizeof *order);
        uint32_t *remap = malloc((nl ? nl : 1) * sizeof *remap);
        wave->levels[k] = cq_arena_calloc(a, nl ? nl : 1, sizeof(char *));
        wave->group[k] = g->group[k];
        if (!order || !remap || !wave->levels[k]) {
            free(order);
            free(remap);
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        }
        for (size_t v = 0; v < nl; v++)
            order[v] = v;
        qsort_r(order, nl, sizeof *order, cmp_level, g->levels[k]);
        for (size_t v = 0; v < nl; v++) {
            wave->levels[k][v] = g->levels[k][order[v]];
            remap[order[v]] = (uint32_t)v;
        }
        for (size_t r = 0; r < n; r++)
            wave->group[k][r] = remap[wave->group[k][r]];
        wave->n_levels[k] = nl;
        free(order);
        free(remap);
    }
    return CQ_OK;
}

static void
ingest_free(ingest *g)
{
    size_t ni = g->ins->n_items, ng = g->st->settings->n_groups;
    if (g->row)
        reset_record(g);
    free(g->row);
    free(g->id.s);
    if (g->gvals)
        for (size_t k = 0; k < ng; k++)
            free(g->gvals[k].s);
    free(g->gvals);
    free(g->bad);
    free(g->header);
    free(g->original);
    free(g->cols);
    free(g->nonempty);
    free(g->invalid);
    free(g->examples);
    for (size_t k = 0; k <= CQ_MAX_HEADER_ROWS; k++) {
        for (size_t c = 0; c < g->held[k].n; c++)
            free(g->held[k].f[c]);
        free(g->held[k].f);
    }
    cq_big_free(g->answer_block, g->cap_rows * (ni ? ni : 1));
    cq_big_free(g->group_block, g->cap_rows * (ng ? ng : 1) * sizeof *g->group_block);
    cq_big_free(g->ids, g->cap_rows * sizeof *g->ids);
    free(g->answers);
    free(g->group);
    cq_strmap_free(&g->idmap);
    if (g->levelmap)
        for (size_t k = 0; k < ng; k++)
            cq_strmap_free(&g->levelmap[k]);
    free(g->levelmap);
    if (g->levels)
        for (size_t k = 0; k < ng; k++)
            free(g->levels[k]);
    free(g->levels);
    free(g->n_levels);
    free(g->cap_levels);
}

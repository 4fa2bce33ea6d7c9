/*
 * ingest.c - stage 2: read each wave's response file (contract §2).
 *
 * Streams the file through csvread (libcsv + zlib) and stores the answers
 * columnar as option indices.  A record is buffered until its end, because
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

#include "copsoq/csvread.h"
#include "copsoq/log.h"
#include "copsoq/stages.h"
#include "copsoq/strmap.h"

#define ROLE_IGNORE     0
#define ROLE_ID         1
#define ROLE_GROUP      2
#define ROLE_ITEM       3
#define MAX_TOKEN_SHOWN 40

typedef struct {
    int role;
    size_t index; /* group or item index */
} column;

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
    char **header;
    size_t n_cols, cap_header;
    column *cols;
    /* current record */
    size_t field; /* index of the next field */
    char *id;     /* malloc'd copy of the id field */
    char **gvals; /* [n_groups] malloc'd group values */
    uint8_t *row; /* [n_items] */
    bad_value *bad;
    size_t n_bad, cap_bad;
    int all_empty;
    size_t first_reject_line; /* for the message when every row is rejected */
    char first_reject[160];
    /* growing columns */
    size_t cap_rows;
    uint8_t **answers; /* [n_items] malloc'd */
    uint32_t **group;  /* [n_groups] malloc'd */
    char **ids;        /* malloc'd array of arena strings */
    cq_strmap idmap;
    cq_strmap *levelmap; /* [n_groups] */
    char ***levels;      /* [n_groups] malloc'd arrays of arena strings */
    size_t *n_levels, *cap_levels;
} ingest;

static int on_field(void *ctx, const char *s, size_t len);
static int on_record(void *ctx, size_t line);
static cq_status finish(ingest *g);
static void ingest_free(ingest *g);

cq_status
cq_stage_ingest(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    st->waves = calloc(set->n_waves, sizeof *st->waves);
    if (!st->waves)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    st->n_waves = set->n_waves;
    for (size_t w = 0; w < set->n_waves; w++) {
        cq_wave *wave = &st->waves[w];
        const char *path = set->waves[w].path;
        cq_status s = cq_file_sha256(path, wave->sha256, &wave->bytes, d);
        if (s != CQ_OK)
            return s;
        cq_source *src = NULL;
        s = cq_source_open_file(path, &src, d);
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
cq_ingest_wave(cq_study *st, size_t w, cq_source *src, cq_diag *d)
{
    cq_wave *wave = &st->waves[w];
    const cq_settings *set = st->settings;
    cq_arena_init(&wave->arena);
    wave->label = set->waves[w].label;
    wave->path = set->waves[w].path;
    wave->gzip = cq_source_is_gzip(src);
    ingest g = {0};
    g.st = st;
    g.w = w;
    g.wave = wave;
    g.ins = st->ins;
    g.file = cq_source_name(src);
    g.d = d;
    g.status = CQ_OK;
    size_t ni = st->ins->n_items, ng = set->n_groups;
    g.row = calloc(ni ? ni : 1, 1);
    g.gvals = calloc(ng ? ng : 1, sizeof *g.gvals);
    g.answers = calloc(ni ? ni : 1, sizeof *g.answers);
    g.group = calloc(ng ? ng : 1, sizeof *g.group);
    g.levelmap = calloc(ng ? ng : 1, sizeof *g.levelmap);
    g.levels = calloc(ng ? ng : 1, sizeof *g.levels);
    g.n_levels = calloc(ng ? ng : 1, sizeof *g.n_levels);
    g.cap_levels = calloc(ng ? ng : 1, sizeof *g.cap_levels);
    cq_status s;
    if (!g.row || !g.gvals || !g.answers || !g.group || !g.levelmap || !g.levels || !g.n_levels ||
        !g.cap_levels) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    g.all_empty = 1;
    cq_csv_info info = {0};
    s = cq_csv_read(src, &info, on_field, on_record, &g, &g.status, d);
    wave->delimiter = info.delimiter;
    wave->bom = info.bom;
    wave->cp1252_fields = info.cp1252_fields;
    wave->lines = info.lines;
    if (s != CQ_OK)
        goto cleanup;
    if (info.bytes == 0 || (!g.header_done && info.records == 0)) {
        s = cq_fail(d, CQ_ERR_EMPTY, "%s: the file is empty", g.file);
        goto cleanup;
    }
    if (wave->records == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA, "%s: line 2: the file has a header but no data rows",
                    g.file);
        goto cleanup;
    }
    if (wave->n == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA,
                    "%s: none of its %zu rows could be used; the first, line %zu: %s", g.file,
                    wave->records, g.first_reject_line, g.first_reject);
        goto cleanup;
    }
    s = finish(&g);
cleanup:
    ingest_free(&g);
    return s;
}

int
cq_decode_answer(const cq_instrument *ins, size_t item, const char *tok, size_t len, uint8_t *opt)
{
    const cq_response_set *set = &ins->sets[ins->items[item].set];
    *opt = CQ_NA;
    if (len == 1 && tok[0] >= '0' && tok[0] <= '9') { /* the common case */
        int16_t o = set->digit[tok[0] - '0'];
        if (o < 0)
            return 0;
        *opt = (uint8_t)o;
        return 1;
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
     * digits, no leading zeros ("03", "+3" and "-0" are not codes) */
    size_t i = tok[0] == '-' ? 1 : 0;
    int canonical = i < len && !(tok[i] == '0' && (len - i > 1 || i == 1));
    if (canonical && len - i <= 9) {
        size_t k = i;
        while (k < len && tok[k] >= '0' && tok[k] <= '9')
            k++;
        if (k == len) {
            long v = 0;
            for (size_t j = i; j < len; j++)
                v = v * 10 + (tok[j] - '0');
            if (tok[0] == '-')
                v = -v;
            for (size_t o = 0; o < set->n_options; o++)
                if (set->options[o].code == v) {
                    *opt = set->options[o].missing ? CQ_NA : (uint8_t)o;
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
            *opt = op->missing ? CQ_NA : (uint8_t)o;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ header */

/* Header names match case-insensitively, also for å, ä, ö (cq_fold). */
static int
same_name(const char *a, const char *b)
{
    char fa[256], fb[256];
    size_t la = cq_fold(a, strlen(a), fa, sizeof fa), lb = cq_fold(b, strlen(b), fb, sizeof fb);
    if (la == (size_t)-1 || lb == (size_t)-1)
        return strcasecmp(a, b) == 0;
    return la == lb && memcmp(fa, fb, la) == 0;
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
        const char *h = g->header[c];
        for (const unsigned char *p = (const unsigned char *)h; *p; p++)
            if (*p < 0x20 && *p != '\t')
                return cq_fail(d, CQ_ERR_BINARY,
                               "%s: line %zu: the header holds control characters: not a "
                               "text file of survey answers",
                               g->file, line);
    }
    g->cols = calloc(g->n_cols ? g->n_cols : 1, sizeof *g->cols);
    if (!g->cols)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    size_t ng = set->n_groups, ni = ins->n_items;
    size_t *seen = calloc(ng + ni + 1, sizeof *seen); /* column + 1 of each role */
    /* folded item ids -> item, so that a header of n columns costs n look-ups */
    char **folded = calloc(ni + 1, sizeof *folded);
    cq_strmap items = {0};
    cq_status s = seen && folded ? CQ_OK : cq_fail(d, CQ_ERR_NOMEM, "out of memory");
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
        if (same_name(h, set->id_column)) {
            g->cols[c].role = ROLE_ID;
            slot = 0;
        } else {
            for (size_t k = 0; k < ng && slot == (size_t)-1; k++)
                if (same_name(h, set->groups[k])) {
                    g->cols[c] = (column){ROLE_GROUP, k};
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
                    g->cols[c] = (column){ROLE_ITEM, k};
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
                    line, set->id_column, g->n_cols <= 1 ? " (is the delimiter , ; or TAB?)" : "");
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
                        "%s: line %zu: %zu item column%s of the instrument %s missing: %s%s",
                        g->file, line, missing, missing == 1 ? "" : "s",
                        missing == 1 ? "is" : "are", list, missing > 8 ? ", ..." : "");
    }
    for (size_t k = 0; folded && k < ni; k++)
        free(folded[k]);
    free(folded);
    cq_strmap_free(&items);
    free(seen);
    return s;
}

/* ------------------------------------------------------------------ records */

static int
on_field(void *ctx, const char *s, size_t len)
{
    ingest *g = ctx;
    if (!g->header_done) {
        if (g->n_cols == g->cap_header) {
            size_t cap = g->cap_header ? 2 * g->cap_header : 64;
            char **h = realloc(g->header, cap * sizeof *h);
            if (!h)
                goto nomem;
            g->header = h;
            g->cap_header = cap;
        }
        s = cq_trim(s, &len);
        g->header[g->n_cols] = cq_arena_strndup(&g->wave->arena, s, len);
        if (!g->header[g->n_cols])
            goto nomem;
        g->n_cols++;
        return 0;
    }
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
        if (!cq_decode_answer(g->ins, col->index, s, len, &opt)) {
            if (g->n_bad == g->cap_bad) {
                size_t cap = g->cap_bad ? 2 * g->cap_bad : 8;
                bad_value *b = realloc(g->bad, cap * sizeof *b);
                if (!b)
                    goto nomem;
                g->bad = b;
                g->cap_bad = cap;
            }
            char *t = strndup(s, len);
            if (!t)
                goto nomem;
            g->bad[g->n_bad++] = (bad_value){c, t};
        }
        g->row[col->index] = opt;
    } else if (col->role == ROLE_ID || col->role == ROLE_GROUP) {
        s = cq_trim(s, &len);
        char *t = strndup(s, len);
        if (!t)
            goto nomem;
        if (col->role == ROLE_ID) {
            free(g->id);
            g->id = t;
        } else {
            free(g->gvals[col->index]);
            g->gvals[col->index] = t;
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
    free(g->id);
    g->id = NULL;
    if (g->gvals)
        for (size_t k = 0; k < g->st->settings->n_groups; k++) {
            free(g->gvals[k]);
            g->gvals[k] = NULL;
        }
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

static cq_status
grow(ingest *g)
{
    size_t cap = g->cap_rows ? 2 * g->cap_rows : 1024;
    for (size_t i = 0; i < g->ins->n_items; i++) {
        uint8_t *p = realloc(g->answers[i], cap);
        if (!p)
            return CQ_ERR_NOMEM;
        g->answers[i] = p;
    }
    for (size_t k = 0; k < g->st->settings->n_groups; k++) {
        uint32_t *p = realloc(g->group[k], cap * sizeof *p);
        if (!p)
            return CQ_ERR_NOMEM;
        g->group[k] = p;
    }
    char **ids = realloc(g->ids, cap * sizeof *ids);
    if (!ids)
        return CQ_ERR_NOMEM;
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
on_record(void *ctx, size_t line)
{
    ingest *g = ctx;
    cq_wave *wave = g->wave;
    cq_status s = CQ_OK;
    char detail[256];
    if (!g->header_done) {
        g->header_done = 1;
        s = header_record(g, line);
        if (s != CQ_OK) {
            g->status = s;
            return 1;
        }
        reset_record(g);
        return 0;
    }
    if (g->all_empty) {
        wave->empty_records++;
        reset_record(g);
        return 0;
    }
    wave->records++;
    if (g->field != g->n_cols) {
        snprintf(detail, sizeof detail, "%zu fields where the header has %zu: row not used",
                 g->field, g->n_cols);
        wave->rejected_other++;
        s = reject(g, line, "field_count", detail);
    } else if (!g->id || !*g->id) {
        wave->rejected_other++;
        s = reject(g, line, "missing_id", "no respondent id: row not used");
    } else if (cq_strmap_get(&g->idmap, g->id) != (size_t)-1) {
        wave->rejected_duplicate++;
        s = reject(g, line, "duplicate_id",
                   "the same id as an earlier row: the first row is kept, this one not used");
    } else {
        if (wave->n == g->cap_rows && grow(g) != CQ_OK) {
            s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            goto out;
        }
        size_t r = wave->n;
        char *id = cq_arena_strdup(&wave->arena, g->id);
        if (!id || cq_strmap_put(&g->idmap, id, r) != 0) {
            s = cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
            goto out;
        }
        g->ids[r] = id;
        for (size_t i = 0; i < g->ins->n_items; i++)
            g->answers[i][r] = g->row[i];
        for (size_t k = 0; k < g->st->settings->n_groups; k++) {
            size_t v = level_of(g, k, g->gvals[k]);
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
                size_t cut = MAX_TOKEN_SHOWN;
                while (cut > 0 && ((unsigned char)bv->token[cut] & 0xC0) == 0x80)
                    cut--;
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

/* ------------------------------------------------------------------ finish */

static const char *const *sort_base;

static int
cmp_level(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return strcmp(sort_base[x], sort_base[y]);
}

static cq_status
finish(ingest *g)
{
    cq_wave *wave = g->wave;
    const cq_instrument *ins = g->ins;
    size_t n = wave->n, ni = ins->n_items, ng = g->st->settings->n_groups;
    cq_arena *a = &wave->arena;
    wave->ids = cq_arena_calloc(a, n, sizeof *wave->ids);
    wave->answers = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->answers);
    wave->missing_per_item = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->missing_per_item);
    wave->answer_count = cq_arena_calloc(a, ni ? ni : 1, sizeof *wave->answer_count);
    wave->group = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->group);
    wave->levels = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->levels);
    wave->n_levels = cq_arena_calloc(a, ng ? ng : 1, sizeof *wave->n_levels);
    if (!wave->ids || !wave->answers || !wave->missing_per_item || !wave->answer_count ||
        !wave->group || !wave->levels || !wave->n_levels)
        return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
    memcpy(wave->ids, g->ids, n * sizeof *wave->ids);
    for (size_t i = 0; i < ni; i++) {
        wave->answers[i] = cq_arena_calloc(a, n, 1);
        if (!wave->answers[i])
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        memcpy(wave->answers[i], g->answers[i], n);
        size_t n_opt = ins->sets[ins->items[i].set].n_options;
        size_t *count = cq_arena_calloc(a, n_opt + 1, sizeof *count); /* + 1: missing */
        if (!count)
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        for (size_t r = 0; r < n; r++)
            count[wave->answers[i][r] == CQ_NA ? n_opt : wave->answers[i][r]]++;
        wave->answer_count[i] = count;
        wave->missing_per_item[i] = count[n_opt];
    }
    for (size_t k = 0; k < ng; k++) {
        size_t nl = g->n_levels[k];
        size_t *order = malloc((nl ? nl : 1) * sizeof *order);
        uint32_t *remap = malloc((nl ? nl : 1) * sizeof *remap);
        wave->levels[k] = cq_arena_calloc(a, nl ? nl : 1, sizeof(char *));
        wave->group[k] = cq_arena_calloc(a, n, sizeof(uint32_t));
        if (!order || !remap || !wave->levels[k] || !wave->group[k]) {
            free(order);
            free(remap);
            return cq_fail(g->d, CQ_ERR_NOMEM, "out of memory");
        }
        for (size_t v = 0; v < nl; v++)
            order[v] = v;
        sort_base = (const char *const *)g->levels[k];
        qsort(order, nl, sizeof *order, cmp_level);
        for (size_t v = 0; v < nl; v++) {
            wave->levels[k][v] = g->levels[k][order[v]];
            remap[order[v]] = (uint32_t)v;
        }
        for (size_t r = 0; r < n; r++)
            wave->group[k][r] = remap[g->group[k][r]];
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
    free(g->gvals);
    free(g->bad);
    free(g->header);
    free(g->cols);
    if (g->answers)
        for (size_t i = 0; i < ni; i++)
            free(g->answers[i]);
    free(g->answers);
    if (g->group)
        for (size_t k = 0; k < ng; k++)
            free(g->group[k]);
    free(g->group);
    free(g->ids);
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

/*
 * instrument.c - stage 1: load and validate the instrument (contract §1).
 *
 * The three files are read whole (they are small), then checked in the order
 * response_sets.csv, scales.csv, items.csv, because items refer to both.
 * Every problem is reported with the file, the line and what is wrong.
 */
#include "copsoq/instrument.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/source.h"
#include "copsoq/stages.h"
#include "copsoq/table.h"

const char *const cq_instrument_files[3] = {"items.csv", "response_sets.csv", "scales.csv"};

#define FOLD_CAP 1024

static cq_status load_sets(cq_instrument *ins, const cq_table *t, cq_diag *d);
static cq_status load_scales(cq_instrument *ins, const cq_table *t, cq_diag *d);
static cq_status load_items(cq_instrument *ins, const cq_table *t, const cq_table *scales,
                            cq_diag *d);
static cq_status build(cq_table tables[3], cq_instrument **out, cq_diag *d);

cq_status
cq_stage_instrument(cq_study *st, cq_diag *d)
{
    return cq_instrument_load(st->settings->instrument_dir, &st->ins, d);
}

cq_status
cq_instrument_load(const char *dir, cq_instrument **out, cq_diag *d)
{
    cq_table tables[3];
    char hashes[3][65];
    memset(tables, 0, sizeof tables);
    *out = NULL;
    cq_status st = CQ_OK;
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(dir) + strlen(cq_instrument_files[i]) + 2;
        char *path = malloc(n);
        if (!path) {
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        snprintf(path, n, "%s/%s", dir, cq_instrument_files[i]);
        st = cq_table_read_file(path, &tables[i], d);
        if (st == CQ_OK)
            st = cq_file_sha256(path, hashes[i], NULL, d);
        free(path);
        if (st != CQ_OK)
            goto cleanup;
    }
    st = build(tables, out, d);
    if (st == CQ_OK) {
        cq_instrument *ins = *out;
        memcpy(ins->sha256, hashes, sizeof hashes);
        ins->dir = cq_arena_strdup(&ins->arena, dir);
        size_t len = strlen(dir);
        while (len > 1 && dir[len - 1] == '/')
            len--;
        size_t start = len;
        while (start > 0 && dir[start - 1] != '/')
            start--;
        ins->name = cq_arena_strndup(&ins->arena, dir + start, len - start);
        if (!ins->dir || !ins->name) {
            cq_instrument_free(ins);
            *out = NULL;
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        }
    }
cleanup:
    for (int i = 0; i < 3; i++)
        cq_table_free(&tables[i]);
    return st;
}

cq_status
cq_instrument_parse(const char *items_csv, size_t items_len, const char *sets_csv, size_t sets_len,
                    const char *scales_csv, size_t scales_len, cq_instrument **out, cq_diag *d)
{
    cq_table tables[3];
    memset(tables, 0, sizeof tables);
    *out = NULL;
    const char *bufs[3] = {items_csv, sets_csv, scales_csv};
    size_t lens[3] = {items_len, sets_len, scales_len};
    cq_status st = CQ_OK;
    for (int i = 0; i < 3 && st == CQ_OK; i++)
        st = cq_table_read_mem(bufs[i], lens[i], cq_instrument_files[i], &tables[i], d);
    if (st == CQ_OK)
        st = build(tables, out, d);
    for (int i = 0; i < 3; i++)
        cq_table_free(&tables[i]);
    return st;
}

void
cq_instrument_free(cq_instrument *ins)
{
    if (!ins)
        return;
    cq_strmap_free(&ins->item_map);
    cq_strmap_free(&ins->scale_map);
    cq_strmap_free(&ins->set_map);
    cq_arena_free(&ins->arena);
    free(ins);
}

size_t
cq_instrument_find_item(const cq_instrument *ins, const char *id)
{
    size_t i = cq_strmap_get(&ins->item_map, id);
    return i < ins->n_items ? i : (size_t)-1;
}

size_t
cq_instrument_find_scale(const cq_instrument *ins, const char *id)
{
    size_t i = cq_strmap_get(&ins->scale_map, id);
    return i < ins->n_scales ? i : (size_t)-1;
}

double
cq_item_points(const cq_instrument *ins, size_t i, uint8_t opt)
{
    const cq_item *it = &ins->items[i];
    double p = ins->sets[it->set].options[opt].points;
    return it->reverse ? 100.0 - p : p;
}

size_t
cq_fold(const char *s, size_t len, char *out, size_t cap)
{
    while (len && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    while (len &&
           (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (o + 1 >= cap)
            return (size_t)-1;
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < len) {
            unsigned char c2 = (unsigned char)s[i + 1];
            /* U+00C0..U+00DE except U+00D7 (multiplication sign) */
            if (c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97)
                c2 = (unsigned char)(c2 + 0x20);
            if (o + 2 >= cap)
                return (size_t)-1;
            out[o++] = (char)c;
            out[o++] = (char)c2;
            i++;
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            out[o++] = '\''; /* typographic apostrophes as Excel writes them */
            i += 2;
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return o;
}

/* ------------------------------------------------------------------ helpers */

/* Integers are decimal digits with an optional '-' (no '+', spaces, hex or
 * octal prefixes: strtol would take " +0x10" apart differently). */
static int
parse_long(const char *s, long *v)
{
    const char *p = s + (*s == '-');
    if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 9)
        return 0;
    long x = strtol(s, NULL, 10);
    *v = x;
    return 1;
}

/* Numbers such as points and cut-offs: digits with an optional decimal
 * part ("37.5"); no sign, exponent, hex, inf or nan. */
static int
parse_double(const char *s, double *v)
{
    size_t n = strspn(s, "0123456789");
    if (n == 0 || n > 9)
        return 0;
    if (s[n] == '.') {
        size_t f = strspn(s + n + 1, "0123456789");
        if (f == 0 || s[n + 1 + f])
            return 0;
    } else if (s[n]) {
        return 0;
    }
    *v = strtod(s, NULL);
    return 1;
}

/* 1 when a folded label is one of the tokens that always mean "missing" in
 * a response file (NA and '.', as ingest reads them) */
static int
missing_token(const char *fold)
{
    return strcmp(fold, "na") == 0 || strcmp(fold, ".") == 0;
}

static cq_status
need_cols(const cq_table *t, const char *const *names, size_t n, size_t *cols, cq_diag *d)
{
    for (size_t i = 0; i < n; i++) {
        cols[i] = cq_table_col(t, names[i]);
        if (cols[i] == (size_t)-1)
            return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line 1: the column '%s' is missing", t->name,
                           names[i]);
    }
    return CQ_OK;
}

static char *
fold_dup(cq_arena *a, const char *s)
{
    char buf[FOLD_CAP];
    size_t n = cq_fold(s, strlen(s), buf, sizeof buf);
    if (n == (size_t)-1)
        return NULL;
    return cq_arena_strndup(a, buf, n);
}

static cq_status
build(cq_table tables[3], cq_instrument **out, cq_diag *d)
{
    cq_instrument *ins = calloc(1, sizeof *ins);
    if (!ins)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    cq_arena_init(&ins->arena);
    cq_status st = load_sets(ins, &tables[1], d);
    if (st == CQ_OK)
        st = load_scales(ins, &tables[2], d);
    if (st == CQ_OK)
        st = load_items(ins, &tables[0], &tables[2], d);
    if (st != CQ_OK) {
        cq_instrument_free(ins);
        return st;
    }
    *out = ins;
    return CQ_OK;
}

static cq_status
load_sets(cq_instrument *ins, const cq_table *t, cq_diag *d)
{
    static const char *const names[] = {"response_set", "code", "points"};
    size_t c[3];
    cq_status st = need_cols(t, names, 3, c, d);
    if (st != CQ_OK)
        return st;
    size_t c_en = cq_table_col(t, "label_en"), c_sv = cq_table_col(t, "label_sv");
    if (t->n_rows == 0)
        return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: no answer options", t->name);
    /* sets in order of first appearance */
    ins->sets = cq_arena_calloc(&ins->arena, t->n_rows, sizeof *ins->sets);
    size_t *set_of = calloc(t->n_rows, sizeof *set_of);
    if (!ins->sets || !set_of) {
        free(set_of);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *id = t->rows[r][c[0]];
        size_t line = t->lines[r];
        if (!*id) {
            st = cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: empty response_set", t->name, line);
            goto done;
        }
        size_t s = cq_strmap_get(&ins->set_map, id);
        if (s == (size_t)-1) {
            s = ins->n_sets;
            ins->sets[s].id = cq_arena_strdup(&ins->arena, id);
            if (!ins->sets[s].id || cq_strmap_put(&ins->set_map, ins->sets[s].id, s) != 0) {
                st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                goto done;
            }
            ins->n_sets++;
        }
        set_of[r] = s;
        ins->sets[s].n_options++;
    }
    for (size_t s = 0; s < ins->n_sets; s++) {
        if (ins->sets[s].n_options > CQ_MAX_OPTIONS) {
            st = cq_fail(d, CQ_ERR_INSTRUMENT, "%s: response set '%s' has more than %d options",
                         t->name, ins->sets[s].id, CQ_MAX_OPTIONS);
            goto done;
        }
        ins->sets[s].options =
            cq_arena_calloc(&ins->arena, ins->sets[s].n_options, sizeof(cq_option));
        if (!ins->sets[s].options) {
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto done;
        }
        ins->sets[s].n_options = 0;
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        cq_response_set *set = &ins->sets[set_of[r]];
        cq_option *o = &set->options[set->n_options];
        size_t line = t->lines[r];
        const char *code = t->rows[r][c[1]], *points = t->rows[r][c[2]];
        if (!parse_long(code, &o->code)) {
            st = cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: code '%s' is not an integer", t->name,
                         line, code);
            goto done;
        }
        for (size_t k = 0; k < set->n_options; k++)
            if (set->options[k].code == o->code) {
                st = cq_fail(d, CQ_ERR_INSTRUMENT,
                             "%s: line %zu: duplicate code %ld in response set '%s'", t->name, line,
                             o->code, set->id);
                goto done;
            }
        if (!*points) {
            o->missing = 1;
        } else if (!parse_double(points, &o->points) || o->points < 0 || o->points > 100) {
            st = cq_fail(d, CQ_ERR_INSTRUMENT,
                         "%s: line %zu: points '%s' must be a number from 0 to 100 (or empty "
                         "for an option that counts as missing)",
                         t->name, line, points);
            goto done;
        }
        o->label_en = cq_arena_strdup(&ins->arena, c_en != (size_t)-1 ? t->rows[r][c_en] : "");
        o->label_sv = cq_arena_strdup(&ins->arena, c_sv != (size_t)-1 ? t->rows[r][c_sv] : "");
        if (!o->label_en || !o->label_sv) {
            st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto done;
        }
        o->fold_en = fold_dup(&ins->arena, o->label_en);
        o->fold_sv = fold_dup(&ins->arena, o->label_sv);
        if (!o->fold_en || !o->fold_sv) {
            st = cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: label too long", t->name, line);
            goto done;
        }
        o->line = line;
        /* a scored option's label must not be a token that means missing */
        const char *mine2[2] = {o->fold_en, o->fold_sv}, *raw[2] = {o->label_en, o->label_sv};
        for (int a = 0; a < 2 && !o->missing; a++)
            if (missing_token(mine2[a])) {
                st = cq_fail(d, CQ_ERR_INSTRUMENT,
                             "%s: line %zu: label '%s' of code %ld in response set '%s' is a "
                             "missing-value token (NA, .): that answer would count as missing, "
                             "not as %s points",
                             t->name, line, raw[a], o->code, set->id, points);
                goto done;
            }
        /* a label must not be another option's code: an answer '2' would be
         * both code 2 and the option labelled '2' */
        for (size_t k = 0; k < set->n_options; k++) {
            const cq_option *p = &set->options[k];
            const cq_option *pairs[2][2] = {{o, p}, {p, o}}; /* label of [0], code of [1] */
            for (int w = 0; w < 2; w++)
                for (int a = 0; a < 2; a++) {
                    const cq_option *lab = pairs[w][0], *cod = pairs[w][1];
                    long v;
                    const char *l = a ? lab->label_sv : lab->label_en;
                    if (parse_long(l, &v) && v == cod->code) {
                        st = cq_fail(d, CQ_ERR_INSTRUMENT,
                                     "%s: line %zu: in response set '%s', the label '%s' of code "
                                     "%ld (line %zu) is the code of another option (line %zu)",
                                     t->name, line, set->id, l, lab->code, lab->line, cod->line);
                        goto done;
                    }
                }
        }
        /* a label must name one option only, or matching would be ambiguous */
        for (size_t k = 0; k < set->n_options; k++) {
            const cq_option *p = &set->options[k];
            const char *mine[2] = {o->fold_en, o->fold_sv}, *theirs[2] = {p->fold_en, p->fold_sv};
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                    if (*mine[a] && strcmp(mine[a], theirs[b]) == 0 &&
                        !(p->missing && o->missing) &&
                        !(p->points == o->points && p->missing == o->missing)) {
                        st = cq_fail(d, CQ_ERR_INSTRUMENT,
                                     "%s: line %zu: label '%s' is used twice in response set "
                                     "'%s' with different points",
                                     t->name, line, a ? o->label_sv : o->label_en, set->id);
                        goto done;
                    }
        }
        set->n_options++;
    }
    for (size_t k = 0; k < ins->n_sets; k++) {
        cq_response_set *set = &ins->sets[k];
        for (int code = 0; code < 10; code++)
            set->digit[code] = -1;
        for (size_t o = 0; o < set->n_options; o++)
            if (set->options[o].code >= 0 && set->options[o].code <= 9)
                set->digit[set->options[o].code] = set->options[o].missing ? CQ_NA : (int16_t)o;
    }
done:
    free(set_of);
    return st;
}

static cq_status
load_scales(cq_instrument *ins, const cq_table *t, cq_diag *d)
{
    static const char *const names[] = {"scale", "domain", "label_en", "label_sv", "higher_is"};
    size_t c[5];
    cq_status st = need_cols(t, names, 5, c, d);
    if (st != CQ_OK)
        return st;
    size_t c_green = cq_table_col(t, "green"), c_red = cq_table_col(t, "red"),
           c_sens = cq_table_col(t, "sensitive");
    if (t->n_rows == 0)
        return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: no scales", t->name);
    ins->scales = cq_arena_calloc(&ins->arena, t->n_rows, sizeof *ins->scales);
    if (!ins->scales)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t r = 0; r < t->n_rows; r++) {
        char **row = t->rows[r];
        size_t line = t->lines[r];
        cq_scale *s = &ins->scales[r];
        if (!*row[c[0]])
            return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: empty scale id", t->name, line);
        size_t k = cq_strmap_get(&ins->scale_map, row[c[0]]);
        if (k != (size_t)-1)
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: duplicate scale '%s' (first on line %zu)", t->name, line,
                           row[c[0]], t->lines[k]);
        s->id = cq_arena_strdup(&ins->arena, row[c[0]]);
        if (s->id && cq_strmap_put(&ins->scale_map, s->id, r) != 0)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        s->domain = cq_arena_strdup(&ins->arena, row[c[1]]);
        s->label_en = cq_arena_strdup(&ins->arena, *row[c[2]] ? row[c[2]] : row[c[0]]);
        s->label_sv = cq_arena_strdup(&ins->arena, *row[c[3]] ? row[c[3]] : row[c[0]]);
        if (!s->id || !s->domain || !s->label_en || !s->label_sv)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        if (strcmp(row[c[4]], "good") == 0)
            s->higher_is_good = 1;
        else if (strcmp(row[c[4]], "bad") == 0)
            s->higher_is_good = 0;
        else
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: scale '%s': higher_is is '%s', must be good or bad",
                           t->name, line, s->id, row[c[4]]);
        const char *g = c_green != (size_t)-1 ? row[c_green] : "";
        const char *rd = c_red != (size_t)-1 ? row[c_red] : "";
        if (*g || *rd) {
            if (!parse_double(g, &s->green) || !parse_double(rd, &s->red) || s->green < 0 ||
                s->green > 100 || s->red < 0 || s->red > 100)
                return cq_fail(d, CQ_ERR_INSTRUMENT,
                               "%s: line %zu: scale '%s': green and red must both be numbers "
                               "from 0 to 100, or both empty",
                               t->name, line, s->id);
            if (s->higher_is_good ? s->green <= s->red : s->green >= s->red)
                return cq_fail(d, CQ_ERR_INSTRUMENT,
                               "%s: line %zu: scale '%s': green cut-off %g must be on the "
                               "favourable side of red %g (higher is %s)",
                               t->name, line, s->id, s->green, s->red,
                               s->higher_is_good ? "good" : "bad");
            s->has_cutoffs = 1;
        }
        if (c_sens != (size_t)-1) {
            const char *v = row[c_sens];
            if (strcmp(v, "1") == 0)
                s->sensitive = 1;
            else if (*v && strcmp(v, "0") != 0)
                return cq_fail(d, CQ_ERR_INSTRUMENT,
                               "%s: line %zu: scale '%s': sensitive is '%s', must be 0 or 1",
                               t->name, line, s->id, v);
        }
        ins->n_scales++;
    }
    return CQ_OK;
}

static cq_status
load_items(cq_instrument *ins, const cq_table *t, const cq_table *scales, cq_diag *d)
{
    static const char *const names[] = {"item", "scale", "response_set", "reverse"};
    size_t c[4];
    cq_status st = need_cols(t, names, 4, c, d);
    if (st != CQ_OK)
        return st;
    size_t c_en = cq_table_col(t, "text_en"), c_sv = cq_table_col(t, "text_sv");
    if (t->n_rows == 0)
        return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: no items", t->name);
    ins->items = cq_arena_calloc(&ins->arena, t->n_rows, sizeof *ins->items);
    if (!ins->items)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t r = 0; r < t->n_rows; r++) {
        char **row = t->rows[r];
        size_t line = t->lines[r];
        cq_item *it = &ins->items[r];
        const char *id = row[c[0]];
        if (!*id)
            return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: empty item id", t->name, line);
        size_t k = cq_strmap_get(&ins->item_map, id);
        if (k != (size_t)-1)
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: duplicate item '%s' (first on line %zu)", t->name, line,
                           id, t->lines[k]);
        if (!*row[c[1]])
            return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: item '%s' has no scale", t->name,
                           line, id);
        it->scale = cq_instrument_find_scale(ins, row[c[1]]);
        if (it->scale == (size_t)-1)
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: item '%s': unknown scale '%s' (not in scales.csv)",
                           t->name, line, id, row[c[1]]);
        size_t s = cq_strmap_get(&ins->set_map, row[c[2]]);
        if (s == (size_t)-1)
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: item '%s': unknown response set '%s' (not in "
                           "response_sets.csv)",
                           t->name, line, id, row[c[2]]);
        it->set = s;
        if (strcmp(row[c[3]], "0") == 0)
            it->reverse = 0;
        else if (strcmp(row[c[3]], "1") == 0)
            it->reverse = 1;
        else
            return cq_fail(d, CQ_ERR_INSTRUMENT,
                           "%s: line %zu: item '%s': reverse is '%s', must be 0 or 1", t->name,
                           line, id, row[c[3]]);
        it->id = cq_arena_strdup(&ins->arena, id);
        if (it->id && cq_strmap_put(&ins->item_map, it->id, r) != 0)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        it->text_en = cq_arena_strdup(&ins->arena, c_en != (size_t)-1 ? row[c_en] : "");
        it->text_sv = cq_arena_strdup(&ins->arena, c_sv != (size_t)-1 ? row[c_sv] : "");
        if (!it->id || !it->text_en || !it->text_sv)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        ins->scales[it->scale].n_items++;
        ins->n_items++;
    }
    for (size_t s = 0; s < ins->n_scales; s++) {
        cq_scale *sc = &ins->scales[s];
        if (sc->n_items == 0)
            return cq_fail(d, CQ_ERR_INSTRUMENT, "%s: line %zu: scale '%s' has no items in %s",
                           scales->name, scales->lines[s], sc->id, t->name);
        sc->items = cq_arena_calloc(&ins->arena, sc->n_items, sizeof *sc->items);
        if (!sc->items)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        sc->n_items = 0;
    }
    for (size_t i = 0; i < ins->n_items; i++) {
        cq_scale *sc = &ins->scales[ins->items[i].scale];
        sc->items[sc->n_items++] = i;
    }
    return CQ_OK;
}

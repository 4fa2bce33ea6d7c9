/*
 * population.c - stage: the head counts of --population FILE, for response
 * rates in the report.
 *
 * The file is a small CSV (delimiter detected, UTF-8 or Windows-1252) with
 * the columns breakdown, group, headcount and, optionally, wave (any order,
 * other columns ignored).  breakdown is "all" (group "all") or a grouping
 * column; group is a group of that column as it appears in the response
 * files.  A head count is a positive number in decimal digits (full-time
 * equivalents with a decimal part such as 12.5 are accepted; no sign,
 * exponent or hex).  wave is the label of one of the run's waves
 * (--wave LABEL=FILE): the row's head count refers to that wave.  Without
 * the column, and for an empty cell, the head count refers to the latest
 * wave.  A wave label that is not one of the run's is an error, and so is
 * a second row of the same wave, breakdown and group.
 *
 * Rows of breakdowns not used in this run are kept (the report ignores them),
 * so one population file serves several runs.  Errors name the file, the
 * line and the problem; the stage never prints.
 *
 * A response rate is computed by the report, per wave with head counts:
 * respondents of that wave in the group / headcount, flagged below 60 %.
 * A head count below the number of respondents is a warning here; the
 * report caps that rate at 100 % and says so.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/log.h"
#include "copsoq/stages.h"
#include "copsoq/strmap.h"
#include "copsoq/table.h"

/* rows already read: "wave\x01breakdown\x01group" -> row index */
typedef struct {
    cq_strmap map;
    cq_arena keys;
} seen_rows;

static cq_status check_row(cq_study *st, const cq_table *t, size_t r, const size_t col[4],
                           seen_rows *seen, cq_diag *d);
static cq_status warn_over(cq_study *st, const cq_table *t, cq_diag *d);

cq_status
cq_stage_population(cq_study *st, cq_diag *d)
{
    const char *path = st->settings->population_path;
    if (!path)
        return CQ_OK;
    cq_table t;
    cq_status s = cq_table_read_file(path, &t, d);
    if (s != CQ_OK)
        return s;
    st->population_file.known =
        cq_file_sha256(path, st->population_file.sha256, &st->population_file.bytes, NULL) == CQ_OK;
    static const char *const names[3] = {"breakdown", "group", "headcount"};
    size_t col[4];
    for (int i = 0; i < 3; i++) {
        col[i] = cq_table_col(&t, names[i]);
        if (col[i] == (size_t)-1) {
            s = cq_fail(d, CQ_ERR_HEADER,
                        "%s: line 1: no column '%s' (a population file has the columns "
                        "breakdown, group, headcount)",
                        t.name, names[i]);
            goto cleanup;
        }
    }
    col[3] = cq_table_col(&t, "wave"); /* optional */
    if (st->settings->n_waves == 0) {
        s = cq_fail(d, CQ_ERR_INTERNAL, "%s: no waves to refer the head counts to", t.name);
        goto cleanup;
    }
    if (t.n_rows == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA, "%s: the file has a header but no rows", t.name);
        goto cleanup;
    }
    st->population = calloc(t.n_rows, sizeof *st->population);
    if (!st->population) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    seen_rows seen = {{0}, {0}};
    cq_arena_init(&seen.keys);
    for (size_t r = 0; r < t.n_rows && s == CQ_OK; r++) {
        s = check_row(st, &t, r, col, &seen, d);
        if (s == CQ_OK)
            st->n_population++;
    }
    cq_strmap_free(&seen.map);
    cq_arena_free(&seen.keys);
    if (s == CQ_OK)
        s = warn_over(st, &t, d);

cleanup:
    cq_table_free(&t);
    if (s != CQ_OK) {
        free(st->population);
        st->population = NULL;
        st->n_population = 0;
    }
    return s;
}

static int
used_breakdown(const cq_study *st, const char *b)
{
    if (strcmp(b, "all") == 0)
        return 1;
    for (size_t i = 0; i < st->settings->n_groups; i++)
        if (strcmp(st->settings->groups[i], b) == 0)
            return 1;
    return 0;
}

/* The index of the wave labelled `label`, or (size_t)-1. */
static size_t
wave_index(const cq_study *st, const char *label)
{
    for (size_t w = 0; w < st->settings->n_waves; w++)
        if (strcmp(st->settings->waves[w].label, label) == 0)
            return w;
    return (size_t)-1;
}

/* Checks row r and stores it as st->population[st->n_population]; rows
 * 0 .. r-1 are stored already, in the same order. */
static cq_status
check_row(cq_study *st, const cq_table *t, size_t r, const size_t col[4], seen_rows *seen,
          cq_diag *d)
{
    cq_population *out = &st->population[st->n_population];
    char **row = t->rows[r];
    size_t line = t->lines[r];
    const char *b = row[col[0]], *g = row[col[1]], *h = row[col[2]];
    const char *wl = col[3] != (size_t)-1 ? row[col[3]] : "";
    if (t->n_fields[r] < t->n_cols)
        return cq_fail(d, CQ_ERR_CSV, "%s: line %zu: %zu fields, the header has %zu", t->name, line,
                       t->n_fields[r], t->n_cols);
    if (!*b)
        return cq_fail(d, CQ_ERR_CSV, "%s: line %zu: empty breakdown", t->name, line);
    if (!*g)
        return cq_fail(d, CQ_ERR_CSV,
                       "%s: line %zu: empty group (respondents who left the column empty are "
                       "the group '%s')",
                       t->name, line, CQ_MISSING_GROUP);
    if (strcmp(b, "all") == 0 && strcmp(g, "all") != 0)
        return cq_fail(d, CQ_ERR_CSV, "%s: line %zu: breakdown 'all' has the group 'all', not '%s'",
                       t->name, line, g);
    /* decimal digits, optionally with a decimal part: no 0x10, 1e3 or +16 */
    size_t nd = strspn(h, "0123456789"), nf = 0;
    if (h[nd] == '.')
        nf = strspn(h + nd + 1, "0123456789");
    int well_formed = nd && nd <= 9 && (h[nd] == '\0' || (h[nd] == '.' && nf && !h[nd + 1 + nf]));
    double v = well_formed ? strtod(h, NULL) : 0;
    if (v <= 0)
        return cq_fail(d, CQ_ERR_CSV,
                       "%s: line %zu: headcount '%s' is not a positive number (decimal digits, "
                       "optionally with a decimal part such as 12.5; at most 999999999)",
                       t->name, line, h);
    size_t latest = st->settings->n_waves - 1;
    size_t w = *wl ? wave_index(st, wl) : latest;
    if (w == (size_t)-1) {
        char waves[512];
        size_t o = 0;
        waves[0] = '\0';
        for (size_t i = 0; i < st->settings->n_waves && o < sizeof waves; i++) {
            int n = snprintf(waves + o, sizeof waves - o, "%s%s", i ? ", " : "",
                             st->settings->waves[i].label);
            if (n < 0)
                break;
            o += (size_t)n;
        }
        return cq_fail(d, CQ_ERR_CSV,
                       "%s: line %zu: wave '%s' is not a wave of this run (the waves are %s)",
                       t->name, line, wl, waves);
    }
    size_t nk = strlen(b) + strlen(g) + 24;
    char *key = cq_arena_calloc(&seen->keys, nk, 1);
    if (!key)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    snprintf(key, nk, "%zu\x01%s\x01%s", w, b, g);
    size_t k = cq_strmap_get(&seen->map, key);
    if (k != (size_t)-1) {
        const cq_population *p = &st->population[k];
        if (col[3] == (size_t)-1)
            return cq_fail(d, CQ_ERR_CSV, "%s: line %zu: '%s' / '%s' again (first on line %zu)",
                           t->name, line, b, g, t->lines[k]);
        return cq_fail(d, CQ_ERR_CSV,
                       "%s: line %zu: wave '%s', '%s' / '%s' again (first on line %zu%s)", t->name,
                       line, st->settings->waves[w].label, b, g, t->lines[k],
                       *wl && p->wave_given ? "" : "; an empty wave cell means the latest wave");
    }
    if (cq_strmap_put(&seen->map, key, r) != 0)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    out->breakdown = cq_arena_strdup(&st->arena, b);
    out->group = cq_arena_strdup(&st->arena, g);
    out->headcount = v;
    out->wave = w;
    out->wave_given = *wl != '\0';
    if (!out->breakdown || !out->group)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    if (!used_breakdown(st, b))
        cq_log(CQ_LOG_DEBUG, "%s: line %zu: breakdown '%s' is not a --group of this run: ignored",
               t->name, line, b);
    return CQ_OK;
}

/* Warns (stderr) about each head count below the number of respondents of
 * its group and wave: the rate would be over 100 % (the report caps it). */
static cq_status
warn_over(cq_study *st, const cq_table *t, cq_diag *d)
{
    size_t ng = st->settings->n_groups;
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        for (size_t b = 0; b <= ng; b++) {
            cq_strmap names = {0};
            size_t *count = NULL;
            if (b > 0) {
                size_t nl = wv->n_levels[b - 1];
                count = calloc(nl ? nl : 1, sizeof *count);
                if (!count)
                    return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                for (size_t r = 0; r < wv->n; r++)
                    if (wv->group[b - 1][r] < nl)
                        count[wv->group[b - 1][r]]++;
                int bad = 0;
                for (size_t l = 0; l < nl && !bad; l++)
                    bad = cq_strmap_put(&names, wv->levels[b - 1][l], l) != 0;
                if (bad) {
                    free(count);
                    cq_strmap_free(&names);
                    return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                }
            }
            const char *bname = b == 0 ? "all" : st->settings->groups[b - 1];
            for (size_t i = 0; i < st->n_population; i++) {
                const cq_population *p = &st->population[i];
                if (p->wave != w || strcmp(p->breakdown, bname) != 0)
                    continue;
                size_t n = 0;
                if (b == 0) {
                    n = wv->n;
                } else {
                    size_t l = cq_strmap_get(&names, p->group);
                    n = l == (size_t)-1 ? 0 : count[l];
                }
                if ((double)n > p->headcount)
                    cq_warn("%s: line %zu: wave %s, %s / %s: head count %g is below the %zu "
                            "respondents; the report shows the response rate as 100 %%",
                            t->name, t->lines[i], wv->label, p->breakdown, p->group, p->headcount,
                            n);
            }
            free(count);
            cq_strmap_free(&names);
        }
    }
    return CQ_OK;
}

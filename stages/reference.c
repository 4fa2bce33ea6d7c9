/*
 * reference.c - stage: the reference values of --reference FILE (study file
 * `reference =`), against which the report compares each group's score.
 *
 * The file is a small CSV with the columns scale, mean, sd, n, source and
 * instrument (any order; optional green and red: traffic-light cut-offs on
 * the 0-100 scale).  scale is a scale id of the instrument; mean and sd are
 * on the 0-100 scale; n is the size of the reference population (at least
 * 2); source says where the values come from and is shown with them;
 * instrument names the instrument and version they were measured with.
 * Cut-offs given here replace the scale's cut-offs of scales.csv (they are
 * the reference population's), so the traffic lights use them.
 *
 * Values of another instrument or version must never be compared (COPSOQ II
 * values with COPSOQ III scores): the instrument folder states its name and
 * version in instrument.csv, and every row's instrument must equal
 * "name version" (case and runs of spaces aside).  A folder without
 * instrument.csv cannot be checked, so a reference file is refused there
 * too.  Every problem names the file and line; exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/table.h"

/* Case-insensitive (ASCII) equality with runs of spaces as one space. */
static int
same_name(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' && (a[1] == ' ' || a[1] == '\0'))
            a++;
        while (*b == ' ' && (b[1] == ' ' || b[1] == '\0'))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        a++;
        b++;
    }
}

static int
number(const char *s, double *v)
{
    char *end = NULL;
    errno = 0;
    *v = strtod(s, &end);
    return *s && !errno && end && !*end && isfinite(*v);
}

cq_status
cq_stage_reference(cq_study *st, cq_diag *d)
{
    const char *path = st->settings->reference_path;
    if (!path)
        return CQ_OK;
    const cq_instrument *ins = st->ins;
    cq_table t;
    cq_status s = cq_table_read_file(path, &t, d);
    if (s != CQ_OK)
        return s;
    st->reference_file.known =
        cq_file_sha256(path, st->reference_file.sha256, &st->reference_file.bytes, NULL) == CQ_OK;
    char want[512] = "";
    if (!ins->title || !ins->version) {
        s = cq_fail(d, CQ_ERR_CSV,
                    "%s: the instrument folder %s does not state its name and version "
                    "(instrument.csv with the columns name, version), so reference values "
                    "cannot be checked against it",
                    t.name, ins->dir);
        goto cleanup;
    }
    snprintf(want, sizeof want, "%s %s", ins->title, ins->version);
    static const char *const names[6] = {"scale", "mean", "sd", "n", "source", "instrument"};
    size_t col[8];
    for (int i = 0; i < 6; i++) {
        col[i] = cq_table_col(&t, names[i]);
        if (col[i] == (size_t)-1) {
            s = cq_fail(d, CQ_ERR_HEADER,
                        "%s: line 1: no column '%s' (a reference file has the columns scale, "
                        "mean, sd, n, source, instrument)",
                        t.name, names[i]);
            goto cleanup;
        }
    }
    col[6] = cq_table_col(&t, "green");
    col[7] = cq_table_col(&t, "red");
    if (t.n_rows == 0) {
        s = cq_fail(d, CQ_ERR_NO_DATA, "%s: the file has a header but no rows", t.name);
        goto cleanup;
    }
    st->reference = calloc(t.n_rows, sizeof *st->reference);
    if (!st->reference) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t r = 0; r < t.n_rows && s == CQ_OK; r++) {
        char **row = t.rows[r];
        size_t line = t.lines[r];
        cq_reference *out = &st->reference[st->n_reference];
        if (!same_name(row[col[5]], want)) {
            s = cq_fail(d, CQ_ERR_CSV,
                        "%s: line %zu: the values are of the instrument '%s', but this run uses "
                        "'%s' (%s/instrument.csv): reference values of another instrument or "
                        "version cannot be compared",
                        t.name, line, row[col[5]], want, ins->dir);
            break;
        }
        size_t sc = cq_instrument_find_scale(ins, row[col[0]]);
        if (sc == (size_t)-1) {
            s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: '%s' is not a scale of the instrument",
                        t.name, line, row[col[0]]);
            break;
        }
        for (size_t k = 0; k < st->n_reference; k++)
            if (st->reference[k].scale == sc) {
                s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: scale '%s' again (first on line %zu)",
                            t.name, line, row[col[0]], t.lines[k]);
                break;
            }
        if (s != CQ_OK)
            break;
        double mean, sd, n;
        if (!number(row[col[1]], &mean) || mean < 0 || mean > 100) {
            s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: mean '%s' is not a number from 0 to 100",
                        t.name, line, row[col[1]]);
            break;
        }
        if (!number(row[col[2]], &sd) || sd <= 0 || sd > 100) {
            s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: sd '%s' is not a number above 0", t.name,
                        line, row[col[2]]);
            break;
        }
        if (!number(row[col[3]], &n) || n < 2 || n != floor(n)) {
            s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: n '%s' is not a whole number of 2 or more",
                        t.name, line, row[col[3]]);
            break;
        }
        if (!*row[col[4]]) {
            s = cq_fail(d, CQ_ERR_CSV,
                        "%s: line %zu: empty source (say where the values come from)", t.name,
                        line);
            break;
        }
        out->scale = sc;
        out->mean = mean;
        out->sd = sd;
        out->n = n;
        out->green = out->red = NAN;
        for (int k = 0; k < 2; k++) {
            const char *c = col[6 + k] != (size_t)-1 ? row[col[6 + k]] : "";
            double v;
            if (!*c)
                continue;
            if (!number(c, &v) || v < 0 || v > 100) {
                s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: %s '%s' is not a number from 0 to 100",
                            t.name, line, k ? "red" : "green", c);
                break;
            }
            *(k ? &out->red : &out->green) = v;
        }
        if (s != CQ_OK)
            break;
        if (isnan(out->green) != isnan(out->red)) {
            s = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: give both green and red, or neither", t.name,
                        line);
            break;
        }
        cq_scale *scl = &st->ins->scales[sc];
        if (!isnan(out->green)) {
            if (scl->higher_is_good ? out->green <= out->red : out->green >= out->red) {
                s = cq_fail(d, CQ_ERR_CSV,
                            "%s: line %zu: green %g and red %g are the wrong way round for %s "
                            "(high is %s)",
                            t.name, line, out->green, out->red, scl->id,
                            scl->higher_is_good ? "good" : "bad");
                break;
            }
            /* the reference population's cut-offs win over scales.csv's: the
             * summaries count green / yellow / red with them */
            scl->green = out->green;
            scl->red = out->red;
            scl->has_cutoffs = 1;
        }
        out->source = cq_arena_strdup(&st->arena, row[col[4]]);
        if (!out->source) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            break;
        }
        st->n_reference++;
    }

cleanup:
    cq_table_free(&t);
    if (s != CQ_OK) {
        free(st->reference);
        st->reference = NULL;
        st->n_reference = 0;
    }
    return s;
}

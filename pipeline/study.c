/* study.c - the study's lifetime, quality rows and atomic output files (see study.h). */
#include "copsoq/study.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
cq_settings_free(cq_settings *s)
{
    if (!s)
        return;
    free(s->instrument_dir);
    for (size_t i = 0; i < s->n_waves; i++) {
        free(s->waves[i].label);
        free(s->waves[i].path);
    }
    free(s->waves);
    free(s->id_column);
    for (size_t i = 0; i < s->n_groups; i++)
        free(s->groups[i]);
    free(s->groups);
    free(s->out_dir);
    free(s->population_path);
    free(s->reference_path);
    free(s->study_path);
    free(s->stop_after);
    memset(s, 0, sizeof *s);
}

void
cq_study_init(cq_study *st, const cq_settings *settings)
{
    memset(st, 0, sizeof *st);
    st->settings = settings;
    cq_arena_init(&st->arena);
}

void
cq_study_free(cq_study *st)
{
    if (!st)
        return;
    cq_output_discard(st);
    for (size_t i = 0; i < st->n_outputs; i++) {
        free(st->outputs[i].final_path);
        free(st->outputs[i].tmp_path);
    }
    free(st->outputs);
    for (size_t w = 0; w < st->n_waves; w++)
        cq_arena_free(&st->waves[w].arena);
    free(st->waves);
    cq_instrument_free(st->ins);
    free(st->quality);
    free(st->summary);
    free(st->reliability);
    free(st->reliability_items);
    free(st->comparison);
    free(st->population);
    free(st->reference);
    cq_arena_free(&st->arena);
    memset(st, 0, sizeof *st);
}

cq_status
cq_study_add_quality(cq_study *st, size_t wave, const char *file, size_t line, const char *column,
                     const char *issue, const char *detail)
{
    if (st->n_quality == st->cap_quality) {
        size_t cap = st->cap_quality ? 2 * st->cap_quality : 64;
        cq_quality *q = realloc(st->quality, cap * sizeof *q);
        if (!q)
            return CQ_ERR_NOMEM;
        st->quality = q;
        st->cap_quality = cap;
    }
    cq_quality *q = &st->quality[st->n_quality];
    q->wave = wave;
    q->file = cq_arena_strdup(&st->arena, file);
    q->line = line;
    q->column = cq_arena_strdup(&st->arena, column ? column : "");
    q->issue = cq_arena_strdup(&st->arena, issue);
    q->detail = cq_arena_strdup(&st->arena, detail ? detail : "");
    if (!q->file || !q->column || !q->issue || !q->detail)
        return CQ_ERR_NOMEM;
    st->n_quality++;
    return CQ_OK;
}

static char *
join_path(const char *dir, const char *prefix, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(prefix) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s", dir, prefix, name, suffix);
    return p;
}

cq_status
cq_output_reserve(cq_study *st, const char *name, const char **tmp_path, cq_diag *d)
{
    const char *dir = st->settings->out_dir;
    cq_output_file *o = realloc(st->outputs, (st->n_outputs + 1) * sizeof *o);
    if (!o)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    st->outputs = o;
    char suffix[48];
    snprintf(suffix, sizeof suffix, ".part-%ld", (long)getpid());
    o[st->n_outputs].final_path = join_path(dir, "", name, "");
    o[st->n_outputs].tmp_path = join_path(dir, ".", name, suffix);
    if (!o[st->n_outputs].final_path || !o[st->n_outputs].tmp_path) {
        free(o[st->n_outputs].final_path);
        free(o[st->n_outputs].tmp_path);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    *tmp_path = o[st->n_outputs].tmp_path;
    st->n_outputs++;
    return CQ_OK;
}

cq_status
cq_output_open(cq_study *st, const char *name, FILE **fp, const char **tmp_path, cq_diag *d)
{
    const char *tmp;
    cq_status s = cq_output_reserve(st, name, &tmp, d);
    if (s != CQ_OK)
        return s;
    *fp = fopen(tmp, "wb");
    if (!*fp)
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create: %s", tmp, strerror(errno));
    if (tmp_path)
        *tmp_path = tmp;
    return CQ_OK;
}

cq_status
cq_output_commit(cq_study *st, cq_diag *d)
{
    for (size_t i = 0; i < st->n_outputs; i++) {
        cq_output_file *o = &st->outputs[i];
        if (!o->tmp_path)
            continue;
        if (rename(o->tmp_path, o->final_path) != 0)
            return cq_fail(d, CQ_ERR_WRITE, "%s: cannot rename into place: %s", o->final_path,
                           strerror(errno));
        free(o->tmp_path);
        o->tmp_path = NULL;
    }
    return CQ_OK;
}

void
cq_output_discard(cq_study *st)
{
    for (size_t i = 0; i < st->n_outputs; i++) {
        if (st->outputs[i].tmp_path) {
            remove(st->outputs[i].tmp_path);
            free(st->outputs[i].tmp_path);
            st->outputs[i].tmp_path = NULL;
        }
    }
}

const char *
cq_breakdown_name(const cq_study *st, size_t b)
{
    return b == 0 ? "all" : st->settings->groups[b - 1];
}

int
cq_min_group_for(const cq_study *st, size_t scale)
{
    int m = st->settings->min_group;
    if (st->ins && scale < st->ins->n_scales && st->ins->scales[scale].sensitive &&
        st->settings->min_group_sensitive > m)
        m = st->settings->min_group_sensitive;
    return m;
}

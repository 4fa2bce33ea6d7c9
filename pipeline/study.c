/* study.c - the study's lifetime and quality rows (see study.h; output files: output.c). */
#include "copsoq/study.h"

#include "copsoq/bigmem.h"
#include "copsoq/colmap.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
cq_settings_free(cq_settings *s)
{
    if (!s)
        return;
    free(s->instrument_dir);
    for (size_t i = 0; i < s->n_waves; i++) {
        free(s->waves[i].label);
        free(s->waves[i].path);
        free(s->waves[i].sheet);
    }
    free(s->columns_path);
    free(s->sheet);
    free(s->waves);
    free(s->id_column);
    for (size_t i = 0; i < s->n_groups; i++)
        free(s->groups[i]);
    free(s->groups);
    free(s->out_dir);
    free(s->population_path);
    free(s->reference_path);
    for (size_t i = 0; i < s->n_labels; i++) {
        free(s->label_keys[i]);
        free(s->label_values[i]);
    }
    free(s->label_keys);
    free(s->label_values);
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
    for (size_t w = 0; w < st->n_waves; w++) {
        cq_arena_free(&st->waves[w].arena);
        cq_strmap_free(&st->waves[w].id_map);
    }
    free(st->waves);
    cq_instrument_free(st->ins);
    cq_colmap_free(st->colmap);
    free(st->colmap);
    free(st->quality);
    free(st->summary);
    free(st->reliability);
    free(st->reliability_items);
    free(st->comparison);
    free(st->population);
    free(st->reference);
    for (size_t w = 0; st->panels && w + 1 < st->n_waves; w++) {
        free(st->panels[w].a);
        free(st->panels[w].b);
    }
    free(st->panels);
    free(st->counts);
    for (size_t w = 0; st->item_hidden && w < st->n_waves; w++)
        free(st->item_hidden[w]);
    free(st->item_hidden);
    cq_arena_free(&st->arena);
    memset(st, 0, sizeof *st);
}

const cq_strmap *
cq_wave_id_map(cq_wave *wave)
{
    if (wave->id_mapped)
        return &wave->id_map;
    for (size_t r = 0; r < wave->n; r++) {
        int found; /* ingest keeps ids unique; the first row would win */
        if (cq_strmap_get_or_put(&wave->id_map, wave->ids[r], r, &found) == (size_t)-1) {
            cq_strmap_free(&wave->id_map);
            return NULL;
        }
    }
    wave->id_mapped = 1;
    return &wave->id_map;
}

const uint32_t *
cq_study_prev_rows(cq_study *st, size_t w)
{
    cq_wave *b = &st->waves[w];
    if (b->prev_row)
        return b->prev_row;
    const cq_strmap *m = w > 0 ? cq_wave_id_map(&st->waves[w - 1]) : NULL;
    size_t n = b->n ? b->n : 1;
    uint32_t *prev = m ? cq_big_calloc(n, sizeof *prev) : NULL;
    if (!prev || cq_arena_take(&b->arena, prev, n * sizeof *prev) != 0) {
        cq_big_free(prev, n * sizeof *prev);
        return NULL;
    }
    for (size_t r = 0; r < b->n; r++) {
        if (r + 16 < b->n) /* a big map's slots are a cache miss each: load ahead */
            cq_strmap_prefetch(m, b->ids[r + 16]);
        size_t ra = cq_strmap_get(m, b->ids[r]);
        prev[r] = ra == (size_t)-1 ? 0 : (uint32_t)(ra + 1);
    }
    b->prev_row = prev;
    return prev;
}

int
cq_study_has_id(const cq_study *st, const char *key)
{
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        if (wv->id_mapped) {
            if (cq_strmap_get(&wv->id_map, key) != (size_t)-1)
                return 1;
            continue;
        }
        for (size_t r = 0; r < wv->n; r++)
            if (strcmp(wv->ids[r], key) == 0)
                return 1;
    }
    return 0;
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
    q->token = NULL;
    q->item = (size_t)-1;
    if (!q->file || !q->column || !q->issue || !q->detail)
        return CQ_ERR_NOMEM;
    st->n_quality++;
    return CQ_OK;
}

const char *
cq_hidden_name(cq_hidden_by h)
{
    static const char *const names[CQ_HID_N_REASONS] = {
        "",        "primary", "sensitive",        "secondary", "nested",
        "summary", "pairs",   "paired_remainder", "crossed",
    };
    return h < CQ_HID_N_REASONS ? names[h] : "";
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

/*
 * write.c - stage: the tidy CSV files of contract §6 (plus the additive
 * reliability_items.csv and comparison columns of §8), each written into the
 * run's private folder; the driver moves them into place only when the whole
 * run succeeded (pipeline/output.c).
 * Suppressed rows keep their keys and the flag; every numeric cell is empty.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <time.h>
#include <math.h>
#include <string.h>

#include "copsoq/cli.h"
#include "copsoq/csvwrite.h"
#include "copsoq/source.h"
#include "copsoq/stages.h"

static cq_status write_summary(cq_study *st, FILE *f);
static cq_status write_quality(cq_study *st, FILE *f);
static cq_status write_reliability(cq_study *st, FILE *f);
static cq_status write_reliability_items(cq_study *st, FILE *f);
static cq_status write_comparison(cq_study *st, FILE *f);
static cq_status write_provenance(cq_study *st, FILE *f);
static cq_status write_item_summary(cq_study *st, FILE *f);

typedef struct {
    const char *name;
    cq_status (*fn)(cq_study *, FILE *);
} output;

/* clang-format off */
static const output outputs[] = {
    {"scale_summary.csv", write_summary},
    {"quality.csv", write_quality},
    {"reliability.csv", write_reliability},
    {"reliability_items.csv", write_reliability_items},
    {"comparison.csv", write_comparison},
    {"item_summary.csv", write_item_summary},
    {"provenance.csv", write_provenance},
};
/* clang-format on */

const char *
cq_output_name(size_t i)
{
    size_t n = sizeof outputs / sizeof outputs[0];
    return i < n ? outputs[i].name : i == n ? CQ_REPORT_FILE : NULL;
}

cq_status
cq_stage_write(cq_study *st, cq_diag *d)
{
    for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
        FILE *f = NULL;
        const char *tmp = NULL;
        cq_status s = cq_output_open(st, outputs[i].name, &f, &tmp, d);
        if (s != CQ_OK)
            return s;
        s = outputs[i].fn(st, f);
        int bad = ferror(f);
        if (fclose(f) != 0 || bad)
            return cq_fail(d, CQ_ERR_WRITE, "%s: write failed: %s", tmp, strerror(errno));
        if (s != CQ_OK)
            return cq_fail(d, s, "%s: write failed", tmp);
    }
    return CQ_OK;
}

static cq_status
write_summary(cq_study *st, FILE *f)
{
    cq_csv_out o = {f, 0};
    fputs("wave,breakdown,group,scale,n,mean,sd,ci_low,ci_high,median,q1,q3,suppressed,"
          "suppressed_by\n",
          f);
    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        int sup = r->suppressed;
        cq_csv_text(&o, st->waves[r->wave].label);
        cq_csv_text(&o, cq_breakdown_name(st, r->breakdown));
        cq_csv_text(&o, r->group);
        cq_csv_text(&o, st->ins->scales[r->scale].id);
        cq_csv_count(&o, r->n, sup);
        const double v[] = {r->mean, r->sd, r->ci_low, r->ci_high, r->median, r->q1, r->q3};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
            cq_csv_num(&o, v[k], sup || (k >= 4 && r->order_hidden));
        cq_csv_int(&o, sup);
        cq_csv_text(&o, sup               ? cq_hidden_name(r->hidden_by)
                        : r->order_hidden ? "order_statistics"
                                          : "");
        cq_csv_end(&o);
    }
    return CQ_OK;
}

static cq_status
write_quality(cq_study *st, FILE *f)
{
    cq_csv_out o = {f, 0};
    fputs("wave,file,line,column,issue,detail\n", f);
    for (size_t i = 0; i < st->n_quality; i++) {
        const cq_quality *q = &st->quality[i];
        cq_csv_text(&o, st->settings->waves[q->wave].label);
        cq_csv_text(&o, q->file);
        cq_csv_count(&o, q->line, 0);
        cq_csv_text(&o, q->column);
        cq_csv_text(&o, q->issue);
        cq_csv_text(&o, q->detail);
        cq_csv_end(&o);
    }
    return CQ_OK;
}

static cq_status
write_reliability(cq_study *st, FILE *f)
{
    cq_csv_out o = {f, 0};
    fputs("wave,scale,items,n_complete,alpha\n", f);
    for (size_t i = 0; i < st->n_reliability; i++) {
        const cq_reliability *r = &st->reliability[i];
        cq_csv_text(&o, st->waves[r->wave].label);
        cq_csv_text(&o, st->ins->scales[r->scale].id);
        cq_csv_count(&o, r->items, 0);
        cq_csv_count(&o, r->n_complete, 0);
        cq_csv_num(&o, r->alpha, 0);
        cq_csv_end(&o);
    }
    return CQ_OK;
}

static cq_status
write_reliability_items(cq_study *st, FILE *f)
{
    cq_csv_out o = {f, 0};
    fputs("wave,scale,item,n_complete,item_rest_r,alpha_if_deleted\n", f);
    for (size_t i = 0; i < st->n_reliability_items; i++) {
        const cq_reliability_item *r = &st->reliability_items[i];
        cq_csv_text(&o, st->waves[r->wave].label);
        cq_csv_text(&o, st->ins->scales[r->scale].id);
        cq_csv_text(&o, st->ins->items[r->item].id);
        cq_csv_count(&o, r->n_complete, 0);
        cq_csv_num(&o, r->item_rest_r, 0);
        cq_csv_num(&o, r->alpha_if_deleted, 0);
        cq_csv_end(&o);
    }
    return CQ_OK;
}

static const char *
change_name(int c)
{
    return c > 0 ? "better" : c < 0 ? "worse" : "none";
}

static cq_status
write_comparison(cq_study *st, FILE *f)
{
    cq_csv_out o = {f, 0};
    fputs("breakdown,group,scale,design,wave_a,wave_b,n_a,n_b,mean_a,mean_b,diff,ci_low,ci_high,"
          "t,df,p,p_adj,effect,suppressed,relevance,change,suppressed_by\n",
          f);
    for (size_t i = 0; i < st->n_comparison; i++) {
        const cq_comparison *r = &st->comparison[i];
        int sup = r->suppressed;
        cq_csv_text(&o, cq_breakdown_name(st, r->breakdown));
        cq_csv_text(&o, r->group);
        cq_csv_text(&o, st->ins->scales[r->scale].id);
        cq_csv_text(&o, r->design == CQ_PAIRED ? "paired" : "independent");
        cq_csv_text(&o, st->waves[r->wave_a].label);
        cq_csv_text(&o, st->waves[r->wave_b].label);
        cq_csv_count(&o, r->n_a, sup);
        cq_csv_count(&o, r->n_b, sup);
        const double v[] = {r->mean_a, r->mean_b, r->diff, r->ci_low, r->ci_high,
                            r->t,      r->df,     r->p,    r->p_adj,  r->effect};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
            cq_csv_num(&o, v[k], sup);
        cq_csv_int(&o, sup);
        cq_csv_num(&o, r->relevance, sup || r->relevance < 0);
        cq_csv_text(&o, sup ? "" : change_name(r->change));
        cq_csv_text(&o, sup ? cq_hidden_name(r->hidden_by) : "");
        cq_csv_end(&o);
    }
    return CQ_OK;
}

static void
kv(cq_csv_out *o, const char *section, const char *key, const char *value)
{
    cq_csv_text(o, section);
    cq_csv_text(o, key);
    cq_csv_text(o, value);
    cq_csv_end(o);
}

static void
kv_count(cq_csv_out *o, const char *section, const char *key, uint64_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, value);
    kv(o, section, key, buf);
}

/* provenance.csv (section,key,value): what an auditor needs to reproduce the
 * run from the CSV files alone: program, settings, every input's size,
 * counts and SHA-256.  The same facts as the report's provenance sheet. */
static cq_status
write_provenance(cq_study *st, FILE *f)
{
    const cq_settings *set = st->settings;
    cq_csv_out o = {f, 0};
    char buf[128];
    fputs("section,key,value\n", f);
    kv(&o, "program", "version", CQ_VERSION);
    time_t t = (time_t)st->created;
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else
        snprintf(buf, sizeof buf, "%lld", st->created);
    kv(&o, "program", "created", buf);
    kv(&o, "program", "created_from", st->created_from_sde ? "SOURCE_DATE_EPOCH" : "clock");
    if (set->study_path)
        kv(&o, "settings", "study", set->study_path);
    kv(&o, "settings", "instrument", set->instrument_dir);
    kv(&o, "settings", "id", set->id_column);
    for (size_t g = 0; g < set->n_groups; g++)
        kv(&o, "settings", "group", set->groups[g]);
    kv_count(&o, "settings", "min_group", (uint64_t)set->min_group);
    kv_count(&o, "settings", "min_group_sensitive", (uint64_t)set->min_group_sensitive);
    kv(&o, "settings", "lang", set->lang_en ? "en" : "sv");
    if (set->population_path)
        kv(&o, "settings", "population", set->population_path);
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf, "%s sha256", cq_instrument_files[i]);
        kv(&o, "instrument", buf, st->ins->sha256[i]);
    }
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        char section[96];
        snprintf(section, sizeof section, "wave %s", wv->label);
        kv(&o, section, "file", wv->path);
        kv(&o, section, "sha256", wv->sha256);
        kv_count(&o, section, "bytes", wv->bytes);
        kv(&o, section, "gzip", wv->gzip ? "yes" : "no");
        kv(&o, section, "delimiter",
           wv->delimiter == '\t'  ? "TAB"
           : wv->delimiter == ';' ? ";"
                                  : ",");
        kv(&o, section, "utf8_bom", wv->bom ? "yes" : "no");
        kv_count(&o, section, "fields_from_windows_1252", wv->cp1252_fields);
        kv_count(&o, section, "physical_lines", wv->lines);
        kv_count(&o, section, "data_rows", wv->records);
        kv_count(&o, section, "respondents", wv->n);
        kv_count(&o, section, "rejected_duplicate_id", wv->rejected_duplicate);
        kv_count(&o, section, "rejected_other", wv->rejected_other);
        kv_count(&o, section, "empty_rows_skipped", wv->empty_records);
        kv_count(&o, section, "invalid_values", wv->bad_values);
    }
    kv_count(&o, "disclosure", "cells_audited", st->audit_cells);
    kv_count(&o, "disclosure", "spaces_audited", st->audit_spaces);
    for (int h = 1; h < CQ_HID_N_REASONS; h++) {
        snprintf(buf, sizeof buf, "hidden_%s", cq_hidden_name((cq_hidden_by)h));
        kv_count(&o, "disclosure", buf, st->hidden_count[h]);
    }
    if (st->population_file.known) {
        kv(&o, "population", "sha256", st->population_file.sha256);
        kv_count(&o, "population", "bytes", st->population_file.bytes);
    }
    return CQ_OK;
}

/* item_summary.csv: for each wave and item, how many respondents chose each
 * answer option and how many gave no answer (empty, NA, an option without
 * points, or an invalid value).  Whole waves only, never per group; an item
 * the disclose stage withholds keeps its keys and the flag. */
static cq_status
write_item_summary(cq_study *st, FILE *f)
{
    const cq_instrument *ins = st->ins;
    cq_csv_out o = {f, 0};
    fputs("wave,item,scale,code,label_en,label_sv,n,share,suppressed\n", f);
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        for (size_t i = 0; i < ins->n_items; i++) {
            /* decided by the disclose stage; no decision: nothing shown */
            int sup = !st->item_hidden || !st->item_hidden[w] || st->item_hidden[w][i];
            const cq_item *it = &ins->items[i];
            const cq_response_set *set = &ins->sets[it->set];
            const size_t *count = wv->answer_count[i]; /* [n_options + 1]: last = missing */
            for (size_t k = 0; k <= set->n_options; k++) {
                int missing_row = k == set->n_options;
                if (!missing_row && set->options[k].missing)
                    continue; /* counted as no answer */
                size_t n = count[k];
                char code[24] = "";
                if (!missing_row)
                    snprintf(code, sizeof code, "%ld", set->options[k].code);
                cq_csv_text(&o, wv->label);
                cq_csv_text(&o, it->id);
                cq_csv_text(&o, ins->scales[it->scale].id);
                cq_csv_text(&o, code);
                cq_csv_text(&o, missing_row ? "(no answer)" : set->options[k].label_en);
                cq_csv_text(&o, missing_row ? "(inget svar)" : set->options[k].label_sv);
                cq_csv_count(&o, n, sup);
                cq_csv_num(&o, wv->n ? (double)n / (double)wv->n : NAN, sup);
                cq_csv_int(&o, sup);
                cq_csv_end(&o);
            }
        }
    }
    return CQ_OK;
}

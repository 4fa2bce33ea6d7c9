/*
 * write.c - stage: the tidy CSV files of contract §6 (plus the additive
 * reliability_items.csv and comparison columns of §8), each written to a
 * temporary name that the driver renames only when the whole run succeeded.
 * Suppressed rows keep their keys and the flag; every numeric cell is empty.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "copsoq/csvwrite.h"
#include "copsoq/stages.h"

static cq_status write_summary(cq_study *st, FILE *f);
static cq_status write_quality(cq_study *st, FILE *f);
static cq_status write_reliability(cq_study *st, FILE *f);
static cq_status write_reliability_items(cq_study *st, FILE *f);
static cq_status write_comparison(cq_study *st, FILE *f);

typedef struct {
    const char *name;
    cq_status (*fn)(cq_study *, FILE *);
} output;

static const output outputs[] = {
    {"scale_summary.csv", write_summary},   {"quality.csv", write_quality},
    {"reliability.csv", write_reliability}, {"reliability_items.csv", write_reliability_items},
    {"comparison.csv", write_comparison},
};

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

static void
num_or_blank(FILE *f, int suppressed, double v)
{
    cq_csv_sep(f);
    if (!suppressed)
        cq_csv_num(f, v);
}

static cq_status
write_summary(cq_study *st, FILE *f)
{
    fputs("wave,breakdown,group,scale,n,mean,sd,ci_low,ci_high,median,q1,q3,suppressed\n", f);
    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        int sup = r->suppressed;
        cq_csv_text(f, st->waves[r->wave].label);
        cq_csv_sep(f);
        cq_csv_text(f, cq_breakdown_name(st, r->breakdown));
        cq_csv_sep(f);
        cq_csv_text(f, r->group);
        cq_csv_sep(f);
        cq_csv_text(f, st->ins->scales[r->scale].id);
        cq_csv_sep(f);
        if (!sup)
            cq_csv_count(f, r->n);
        num_or_blank(f, sup, r->mean);
        num_or_blank(f, sup, r->sd);
        num_or_blank(f, sup, r->ci_low);
        num_or_blank(f, sup, r->ci_high);
        num_or_blank(f, sup, r->median);
        num_or_blank(f, sup, r->q1);
        num_or_blank(f, sup, r->q3);
        fprintf(f, ",%d\n", sup);
    }
    return CQ_OK;
}

static cq_status
write_quality(cq_study *st, FILE *f)
{
    fputs("wave,file,line,column,issue,detail\n", f);
    for (size_t i = 0; i < st->n_quality; i++) {
        const cq_quality *q = &st->quality[i];
        cq_csv_text(f, st->settings->waves[q->wave].label);
        cq_csv_sep(f);
        cq_csv_text(f, q->file);
        cq_csv_sep(f);
        cq_csv_count(f, q->line);
        cq_csv_sep(f);
        cq_csv_text(f, q->column);
        cq_csv_sep(f);
        cq_csv_text(f, q->issue);
        cq_csv_sep(f);
        cq_csv_text(f, q->detail);
        cq_csv_eol(f);
    }
    return CQ_OK;
}

static cq_status
write_reliability(cq_study *st, FILE *f)
{
    fputs("wave,scale,items,n_complete,alpha\n", f);
    for (size_t i = 0; i < st->n_reliability; i++) {
        const cq_reliability *r = &st->reliability[i];
        cq_csv_text(f, st->waves[r->wave].label);
        cq_csv_sep(f);
        cq_csv_text(f, st->ins->scales[r->scale].id);
        cq_csv_sep(f);
        cq_csv_count(f, r->items);
        cq_csv_sep(f);
        cq_csv_count(f, r->n_complete);
        cq_csv_sep(f);
        cq_csv_num(f, r->alpha);
        cq_csv_eol(f);
    }
    return CQ_OK;
}

static cq_status
write_reliability_items(cq_study *st, FILE *f)
{
    fputs("wave,scale,item,n_complete,item_rest_r,alpha_if_deleted\n", f);
    for (size_t i = 0; i < st->n_reliability_items; i++) {
        const cq_reliability_item *r = &st->reliability_items[i];
        cq_csv_text(f, st->waves[r->wave].label);
        cq_csv_sep(f);
        cq_csv_text(f, st->ins->scales[r->scale].id);
        cq_csv_sep(f);
        cq_csv_text(f, st->ins->items[r->item].id);
        cq_csv_sep(f);
        cq_csv_count(f, r->n_complete);
        cq_csv_sep(f);
        cq_csv_num(f, r->item_rest_r);
        cq_csv_sep(f);
        cq_csv_num(f, r->alpha_if_deleted);
        cq_csv_eol(f);
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
    fputs("breakdown,group,scale,design,wave_a,wave_b,n_a,n_b,mean_a,mean_b,diff,ci_low,ci_high,"
          "t,df,p,p_adj,effect,suppressed,relevance,change\n",
          f);
    for (size_t i = 0; i < st->n_comparison; i++) {
        const cq_comparison *r = &st->comparison[i];
        int sup = r->suppressed;
        cq_csv_text(f, cq_breakdown_name(st, r->breakdown));
        cq_csv_sep(f);
        cq_csv_text(f, r->group);
        cq_csv_sep(f);
        cq_csv_text(f, st->ins->scales[r->scale].id);
        cq_csv_sep(f);
        cq_csv_text(f, r->design == CQ_PAIRED ? "paired" : "independent");
        cq_csv_sep(f);
        cq_csv_text(f, st->waves[r->wave_a].label);
        cq_csv_sep(f);
        cq_csv_text(f, st->waves[r->wave_b].label);
        cq_csv_sep(f);
        if (!sup)
            cq_csv_count(f, r->n_a);
        cq_csv_sep(f);
        if (!sup)
            cq_csv_count(f, r->n_b);
        num_or_blank(f, sup, r->mean_a);
        num_or_blank(f, sup, r->mean_b);
        num_or_blank(f, sup, r->diff);
        num_or_blank(f, sup, r->ci_low);
        num_or_blank(f, sup, r->ci_high);
        num_or_blank(f, sup, r->t);
        num_or_blank(f, sup, r->df);
        num_or_blank(f, sup, r->p);
        num_or_blank(f, sup, r->p_adj);
        num_or_blank(f, sup, r->effect);
        fprintf(f, ",%d,", sup);
        if (!sup && r->relevance >= 0)
            fprintf(f, "%d", r->relevance);
        cq_csv_sep(f);
        if (!sup)
            fputs(change_name(r->change), f);
        cq_csv_eol(f);
    }
    return CQ_OK;
}

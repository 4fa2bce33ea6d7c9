/*
 * driver.c - the stage driver (see driver.h).
 *
 * The stages run from one ordered table.  Stages that write output create
 * their files in a private temporary folder inside --out (pipeline/output.c);
 * only when every stage succeeded are they renamed to their final names, so a
 * failed or interrupted run leaves the output folder as it was.
 */
#include "copsoq/driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "copsoq/log.h"
#include "copsoq/source.h"
#include "copsoq/stages.h"

typedef struct {
    const char *name;
    cq_stage_fn fn;
    int writes; /* skipped by `copsoq check` */
} stage;

static const stage stages[] = {
    {"instrument", cq_stage_instrument, 0}, {"ingest", cq_stage_ingest, 0},
    {"population", cq_stage_population, 0}, {"score", cq_stage_score, 0},
    {"summarise", cq_stage_summarise, 0},   {"reliability", cq_stage_reliability, 0},
    {"compare", cq_stage_compare, 0},       {"disclose", cq_stage_disclose, 0},
    {"write", cq_stage_write, 1},           {"report", cq_stage_report, 1},
};

#define N_STAGES (sizeof stages / sizeof stages[0])

/* The one rule for SOURCE_DATE_EPOCH (reproducible-builds.org): unset or
 * empty means the clock; otherwise it must be decimal digits only, a number
 * of seconds since 1970 up to 9999-12-31; anything else is an error. */
static cq_status
creation_time(cq_study *st, cq_diag *d)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    st->created_from_sde = 0;
    if (!e || !*e) {
        st->created = (long long)time(NULL);
        return CQ_OK;
    }
    long long v = 0;
    const char *p = e;
    for (; *p >= '0' && *p <= '9' && v <= 253402300799LL; p++)
        v = v * 10 + (*p - '0');
    if (*p || v > 253402300799LL)
        return cq_fail(d, CQ_ERR_USAGE,
                       "SOURCE_DATE_EPOCH='%.40s%s' is not a number of seconds since 1970 "
                       "(decimal digits only, at most 253402300799); fix or unset it",
                       e, strlen(e) > 40 ? "..." : "");
    st->created = v;
    st->created_from_sde = 1;
    return CQ_OK;
}

cq_status
cq_run_stages(cq_study *st, const char *stop_after, cq_diag *d)
{
    cq_status t = creation_time(st, d);
    if (t != CQ_OK)
        return t;
    if (st->settings->min_group < CQ_WARN_MIN_GROUP)
        cq_warn("--min-group %d is below %d: groups this small are easy to recognise; the report "
                "says so on its first page",
                st->settings->min_group, CQ_WARN_MIN_GROUP);
    if (st->settings->study_path)
        st->study_file.known = cq_file_sha256(st->settings->study_path, st->study_file.sha256,
                                              &st->study_file.bytes, NULL) == CQ_OK;
    for (size_t i = 0; i < N_STAGES; i++) {
        if (stages[i].writes && st->settings->check_only)
            continue;
        double t0 = cq_now();
        cq_status s = stages[i].fn(st, d);
        double dt = cq_now() - t0;
        cq_log(CQ_LOG_INFO, "stage %-11s %8.3f s%s", stages[i].name, dt,
               s == CQ_OK ? "" : "  (failed)");
        if (s != CQ_OK)
            return s;
        if (stop_after && strcmp(stop_after, stages[i].name) == 0)
            break;
    }
    return CQ_OK;
}

cq_status
cq_run(const cq_settings *settings, cq_diag *d)
{
    cq_study st;
    cq_study_init(&st, settings);
    cq_status s = CQ_OK;
    if (settings->stop_after) {
        int known = 0;
        for (size_t i = 0; i < N_STAGES; i++)
            known |= strcmp(stages[i].name, settings->stop_after) == 0 && !stages[i].writes;
        if (!known)
            s = cq_fail(d, CQ_ERR_USAGE, "--stop-after: no stage '%s' that writes nothing",
                        settings->stop_after);
    }
    if (s == CQ_OK)
        s = creation_time(&st, d); /* checked before anything is created */
    if (s == CQ_OK && !settings->check_only)
        s = cq_output_begin(&st, d);
    if (s == CQ_OK)
        s = cq_run_stages(&st, settings->stop_after, d);
    if (s == CQ_OK && !settings->check_only)
        s = cq_output_commit(&st, d);
    cq_output_discard(&st); /* the private folder and the lock; results stay */
    if (s == CQ_OK && settings->check_only) {
        size_t n = 0;
        for (size_t w = 0; w < st.n_waves; w++)
            n += st.waves[w].n;
        if (settings->stop_after)
            fprintf(stdout,
                    "copsoq: stopped after stage %s: %zu waves, %zu respondents, "
                    "%zu quality issues, %zu summary rows, %zu comparison rows\n",
                    settings->stop_after, st.n_waves, n, st.n_quality, st.n_summary,
                    st.n_comparison);
        else
            fprintf(stdout,
                    "copsoq check: %zu waves, %zu respondents, %zu quality issues: usable\n",
                    st.n_waves, n, st.n_quality);
    }
    cq_study_free(&st);
    return s;
}

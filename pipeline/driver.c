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
#include "copsoq/waves.h"

typedef struct {
    const char *name;
    cq_stage_fn fn;
    int writes;   /* skipped by `copsoq check` */
    int per_wave; /* run for each wave in a thread of its own (waves.h) */
    int one_at_a_time;
} stage;

/* The per-wave stages run for every wave at once, each wave in a thread of
 * its own (waves.c); one_at_a_time serialises a stage that cannot. */
static const stage stages[] = {
    {"instrument", cq_stage_instrument, 0, 0, 0},
    {"columns", cq_stage_columns, 0, 0, 0},
    /* before the per-wave stages: its cut-offs are the summaries' */
    {"reference", cq_stage_reference, 0, 0, 0},
    {"ingest", cq_stage_ingest, 0, 1, 0},
    {"population", cq_stage_population, 0, 0, 0},
    {"score", cq_stage_score, 0, 1, 0},
    {"summarise", cq_stage_summarise, 0, 1, 0},
    {"reliability", cq_stage_reliability, 0, 1, 0},
    {"compare", cq_stage_compare, 0, 0, 0},
    {"disclose", cq_stage_disclose, 0, 0, 0},
    {"write", cq_stage_write, 1, 0, 0},
    {"report", cq_stage_report, 1, 0, 0},
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

/* Two waves read from byte-identical files are almost surely one survey
 * given twice: say so (the report's data-quality sheet says it too). */
static void
warn_identical_waves(const cq_study *st)
{
    for (size_t a = 0; a < st->n_waves; a++)
        for (size_t b = a + 1; b < st->n_waves; b++)
            if (st->waves[a].sha256[0] && strcmp(st->waves[a].sha256, st->waves[b].sha256) == 0)
                cq_warn(
                    "waves '%s' (%s) and '%s' (%s) are byte-identical files (SHA-256 %.16s...): "
                    "the same survey given twice?",
                    st->waves[a].label, st->waves[a].path, st->waves[b].label, st->waves[b].path,
                    st->waves[a].sha256);
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
    /* the per-wave stages run together, each wave in its own thread, when
     * the first of them is reached; the others run in order around them */
    cq_wave_stage wave_stage[N_STAGES];
    size_t wave_index[N_STAGES], n_wave = 0, failed = N_STAGES;
    double wave_seconds[N_STAGES];
    cq_status wave_status = CQ_OK;
    cq_diag wave_d = {{0}};
    int waves_run = 0;
    for (size_t i = 0; i < N_STAGES; i++) {
        if (stages[i].writes && st->settings->check_only)
            continue;
        cq_status s;
        double dt;
        if (stages[i].per_wave) {
            if (!waves_run) {
                for (size_t j = i; j < N_STAGES; j++) {
                    if (stages[j].per_wave) {
                        wave_stage[n_wave] =
                            (cq_wave_stage){stages[j].name, stages[j].fn, stages[j].one_at_a_time};
                        wave_index[n_wave++] = j;
                    }
                    if (stop_after && strcmp(stop_after, stages[j].name) == 0)
                        break;
                }
                size_t k;
                wave_status = cq_run_waves(st, wave_stage, n_wave, wave_seconds, &k, &wave_d);
                failed = k < n_wave ? wave_index[k] : N_STAGES;
                waves_run = 1;
            }
            size_t k = 0;
            while (k < n_wave && wave_index[k] != i)
                k++;
            dt = k < n_wave ? wave_seconds[k] : 0;
            s = failed == i ? wave_status : CQ_OK;
            if (s != CQ_OK)
                *d = wave_d;
            else if (stages[i].fn == cq_stage_ingest)
                s = cq_ingest_announce(st, d);
        } else {
            double t0 = cq_now();
            s = stages[i].fn(st, d);
            dt = cq_now() - t0;
        }
        cq_log(CQ_LOG_INFO, "stage %-11s %8.3f s%s%s", stages[i].name, dt,
               stages[i].per_wave ? " (slowest wave)" : "", s == CQ_OK ? "" : "  (failed)");
        if (s != CQ_OK)
            return s;
        if (strcmp(stages[i].name, "ingest") == 0)
            warn_identical_waves(st);
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

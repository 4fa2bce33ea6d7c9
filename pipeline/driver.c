/*
 * driver.c - the stage driver (see driver.h).
 *
 * The stages run from one ordered table.  Stages that write output create
 * temporary files in the output folder; only when every stage succeeded are
 * they renamed to their final names, so a failed run leaves nothing behind.
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
    {"instrument", cq_stage_instrument, 0},
    {"ingest", cq_stage_ingest, 0},
    {"population", cq_stage_population, 0},
    {"reference", cq_stage_reference, 0},
    {"score", cq_stage_score, 0},
    {"summarise", cq_stage_summarise, 0},
    {"reliability", cq_stage_reliability, 0},
    {"compare", cq_stage_compare, 0},
    {"write", cq_stage_write, 1},
    {"report", cq_stage_report, 1},
};

#define N_STAGES (sizeof stages / sizeof stages[0])

static long long
creation_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long v = strtoll(e, &end, 10);
        if (!errno && !*end && v >= 0)
            return v;
        cq_warn("SOURCE_DATE_EPOCH='%s' is not a number of seconds; using the clock", e);
    }
    return (long long)time(NULL);
}

cq_status
cq_run_stages(cq_study *st, const char *stop_after, cq_diag *d)
{
    st->created = creation_time();
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

/* Creates dir and its parents; *created is 1 when dir itself was made. */
static cq_status
make_dirs(const char *dir, int *created, cq_diag *d)
{
    *created = 0;
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (!S_ISDIR(sb.st_mode))
            return cq_fail(d, CQ_ERR_WRITE, "%s: exists and is not a folder", dir);
        return CQ_OK;
    }
    char *p = strdup(dir);
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            cq_status st =
                cq_fail(d, CQ_ERR_WRITE, "%s: cannot create folder: %s", p, strerror(errno));
            free(p);
            return st;
        }
        *s = '/';
    }
    free(p);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create folder: %s", dir, strerror(errno));
    *created = 1;
    return CQ_OK;
}

/* A failed run leaves no report in the output folder (contract §7): results
 * of an earlier run there would no longer match the inputs, so they go too. */
static void
remove_stale(const char *dir)
{
    int removed = 0;
    for (size_t i = 0; cq_output_name(i); i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, cq_output_name(i));
        if (remove(path) == 0)
            removed++;
    }
    if (removed)
        cq_warn("%s: removed %d result file%s of an earlier run, which would not match these "
                "inputs",
                dir, removed, removed == 1 ? "" : "s");
}

cq_status
cq_run(const cq_settings *settings, cq_diag *d)
{
    cq_study st;
    cq_study_init(&st, settings);
    int created = 0;
    cq_status s = CQ_OK;
    if (!settings->check_only)
        s = make_dirs(settings->out_dir, &created, d);
    if (s == CQ_OK && settings->stop_after) {
        int known = 0;
        for (size_t i = 0; i < N_STAGES; i++)
            known |= strcmp(stages[i].name, settings->stop_after) == 0 && !stages[i].writes;
        if (!known)
            s = cq_fail(d, CQ_ERR_USAGE, "--stop-after: no stage '%s' that writes nothing",
                        settings->stop_after);
    }
    if (s == CQ_OK)
        s = cq_run_stages(&st, settings->stop_after, d);
    if (s == CQ_OK && !settings->check_only)
        s = cq_output_commit(&st, d);
    if (s != CQ_OK) {
        cq_output_discard(&st);
        if (!settings->check_only && s != CQ_ERR_USAGE)
            remove_stale(settings->out_dir);
        if (created)
            rmdir(settings->out_dir); /* only when empty */
    } else if (settings->check_only) {
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

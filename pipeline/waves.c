/* waves.c - the per-wave stages on every core (see waves.h). */
#include "copsoq/waves.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copsoq/log.h"

#define MAX_WAVE_STAGES 8

/* One wave: its study of one wave and how its stages went. */
typedef struct {
    cq_settings set; /* the run's settings with waves = this wave only */
    cq_study sub;
    cq_status status;
    size_t failed; /* stage index, or n when all went well */
    cq_diag d;
    double seconds[MAX_WAVE_STAGES];
    int last;  /* 1: the run's last wave */
    char *log; /* held-back log lines (open_memstream) */
    size_t log_len;
} wave_job;

/* What one thread does: waves first, first + step, ... */
typedef struct {
    wave_job *jobs;
    size_t n_jobs, first, step;
    const cq_wave_stage *stages;
    size_t n_stages;
    pthread_mutex_t *one_at_a_time;
    pthread_t tid;
    int started; /* 0: runs in the calling thread */
} worker;

static void *work(void *arg);
static void run_job(const worker *wk, wave_job *job);
static cq_status merge(cq_study *st, wave_job *jobs);
static size_t thread_count(size_t n_waves);

cq_status
cq_run_waves(cq_study *st, const cq_wave_stage *stages, size_t n, double *seconds, size_t *failed,
             cq_diag *d)
{
    const cq_settings *set = st->settings;
    size_t nw = set->n_waves;
    *failed = n;
    if (n > MAX_WAVE_STAGES)
        return cq_fail(d, CQ_ERR_INTERNAL, "too many per-wave stages");
    wave_job *jobs = calloc(nw ? nw : 1, sizeof *jobs);
    size_t nt = thread_count(nw);
    worker *wk = calloc(nt, sizeof *wk);
    if (!jobs || !wk) {
        free(jobs);
        free(wk);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    for (size_t w = 0; w < nw; w++) {
        jobs[w].set = *set;
        jobs[w].set.waves = &set->waves[w];
        jobs[w].set.n_waves = 1;
        cq_study_init(&jobs[w].sub, &jobs[w].set);
        jobs[w].sub.ins = st->ins;
        jobs[w].sub.colmap = st->colmap; /* borrowed: loaded once for the run */
        jobs[w].failed = n;
        jobs[w].last = w + 1 == nw;
    }
    /* worker 0 is the calling thread, as is any whose thread cannot start */
    for (size_t t = 0; t < nt; t++) {
        wk[t] = (worker){jobs, nw, t, nt, stages, n, &lock, 0, 0};
        if (t > 0)
            wk[t].started = pthread_create(&wk[t].tid, NULL, work, &wk[t]) == 0;
    }
    for (size_t t = 0; t < nt; t++)
        if (!wk[t].started)
            work(&wk[t]);
    for (size_t t = 0; t < nt; t++)
        if (wk[t].started)
            pthread_join(wk[t].tid, NULL);
    pthread_mutex_destroy(&lock);
    /* log lines in wave order, then the first failure in stage order */
    for (size_t w = 0; w < nw; w++) {
        if (jobs[w].log)
            fwrite(jobs[w].log, 1, jobs[w].log_len, stderr);
        free(jobs[w].log);
    }
    for (size_t i = 0; i < n; i++)
        seconds[i] = 0;
    cq_status status = CQ_OK;
    for (size_t w = 0; w < nw; w++) {
        for (size_t i = 0; i < n; i++)
            if (jobs[w].seconds[i] > seconds[i])
                seconds[i] = jobs[w].seconds[i];
        if (jobs[w].failed < *failed) {
            *failed = jobs[w].failed;
            status = jobs[w].status;
            *d = jobs[w].d;
        }
    }
    cq_status ms = merge(st, jobs);
    if (status == CQ_OK && ms != CQ_OK) {
        status = cq_fail(d, ms, "out of memory");
        *failed = n - 1;
    }
    free(jobs);
    free(wk);
    return status;
}

static void *
work(void *arg)
{
    const worker *wk = arg;
    for (size_t w = wk->first; w < wk->n_jobs; w += wk->step)
        run_job(wk, &wk->jobs[w]);
    return NULL;
}

static void
run_job(const worker *wk, wave_job *job)
{
    FILE *log = open_memstream(&job->log, &job->log_len);
    if (log)
        cq_log_hold(log);
    for (size_t i = 0; i < wk->n_stages; i++) {
        const cq_wave_stage *sg = &wk->stages[i];
        if (sg->one_at_a_time)
            pthread_mutex_lock(wk->one_at_a_time);
        double t0 = cq_now(); /* not counting the wait for the lock */
        cq_status s = sg->fn(&job->sub, &job->d);
        job->seconds[i] = cq_now() - t0;
        if (sg->one_at_a_time)
            pthread_mutex_unlock(wk->one_at_a_time);
        cq_log(CQ_LOG_INFO, "wave %s: %-11s %8.3f s%s", job->set.waves[0].label, sg->name,
               job->seconds[i], s == CQ_OK ? "" : "  (failed)");
        if (s != CQ_OK) {
            job->status = s;
            job->failed = i;
            break;
        }
    }
    /* compare pairs this wave's ids with the next wave's: the map now, in
     * this thread (compare builds it itself when this fails) */
    if (job->failed == wk->n_stages && job->sub.waves && job->last == 0)
        (void)cq_wave_id_map(&job->sub.waves[0]);
    if (log) {
        cq_log_hold(NULL);
        fclose(log);
    }
}

/* Moves each wave's study into st, in wave order.  Always takes everything,
 * so that cq_study_free(st) releases it, also after a failure. */
static cq_status
merge(cq_study *st, wave_job *jobs)
{
    size_t nw = st->settings->n_waves, nq = 0, ns = 0, nr = 0, nri = 0;
    cq_status status = CQ_OK;
    for (size_t w = 0; w < nw; w++) {
        nq += jobs[w].sub.n_quality;
        ns += jobs[w].sub.n_summary;
        nr += jobs[w].sub.n_reliability;
        nri += jobs[w].sub.n_reliability_items;
    }
    st->waves = calloc(nw ? nw : 1, sizeof *st->waves);
    cq_quality *q = realloc(st->quality, (st->n_quality + nq + 1) * sizeof *q);
    if (q) {
        st->quality = q;
        st->cap_quality = st->n_quality + nq + 1;
    }
    cq_summary *sm = ns ? calloc(ns, sizeof *sm) : NULL;
    cq_reliability *rel = nr ? calloc(nr, sizeof *rel) : NULL;
    cq_reliability_item *ri = nri ? calloc(nri, sizeof *ri) : NULL;
    if (!st->waves || !q || (ns && !sm) || (nr && !rel) || (nri && !ri))
        status = CQ_ERR_NOMEM;
    if (st->waves)
        st->n_waves = nw;
    for (size_t w = 0; w < nw; w++) {
        cq_study *sub = &jobs[w].sub;
        if (st->waves && sub->waves && sub->n_waves == 1) {
            st->waves[w] = sub->waves[0];
            memset(&sub->waves[0], 0, sizeof sub->waves[0]);
        }
        for (size_t i = 0; q && i < sub->n_quality; i++) {
            st->quality[st->n_quality] = sub->quality[i];
            st->quality[st->n_quality++].wave = w;
        }
        for (size_t i = 0; sm && i < sub->n_summary; i++) {
            sm[st->n_summary] = sub->summary[i];
            sm[st->n_summary++].wave = w;
        }
        for (size_t i = 0; rel && i < sub->n_reliability; i++) {
            rel[st->n_reliability] = sub->reliability[i];
            rel[st->n_reliability++].wave = w;
        }
        for (size_t i = 0; ri && i < sub->n_reliability_items; i++) {
            ri[st->n_reliability_items] = sub->reliability_items[i];
            ri[st->n_reliability_items++].wave = w;
        }
        cq_arena_adopt(&st->arena, &sub->arena); /* the quality rows' strings */
        sub->ins = NULL;                         /* borrowed */
        sub->colmap = NULL;
        cq_study_free(sub);
    }
    if (sm) {
        free(st->summary);
        st->summary = sm;
    }
    if (rel) {
        free(st->reliability);
        st->reliability = rel;
    }
    if (ri) {
        free(st->reliability_items);
        st->reliability_items = ri;
    }
    return status;
}

static size_t
thread_count(size_t n_waves)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    const char *e = getenv("COPSOQ_THREADS");
    if (e && *e) {
        char *end;
        long v = strtol(e, &end, 10);
        if (!*end && v > 0)
            cores = v;
    }
    size_t t = cores > 0 ? (size_t)cores : 1;
    if (t > n_waves)
        t = n_waves;
    return t ? t : 1;
}

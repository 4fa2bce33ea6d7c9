/*
 * read_stat.c - records from SPSS .sav/.zsav/.por and Stata .dta files, from
 * memory, through ReadStat (see reader.h).
 *
 * ReadStat parses through our I/O handlers over the buffer.  Its callbacks
 * collect every cell as text (a whole number as an integer, "3" not "3.0";
 * system-, tagged- and SPSS user-defined missing values as empty cells) and
 * the value labels; a .dta keeps its labels after the data, so the records
 * are handed on only after the parse: the variable names as the header
 * (origin 0), then every value label of each variable, then one record per
 * case (origin: the case number, from 1).  Cases x variables is capped
 * before anything is stored for them.
 */
#include "copsoq/reader.h"

#include <math.h>
#include <pthread.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "copsoq/arena.h"

typedef struct {
    const char *set;
    char *value;
    const char *label;
} vlabel;

typedef struct {
    const unsigned char *data;
    size_t len, pos;
    const char *file;
    cq_diag *d;
    cq_status status;
    cq_arena arena;
    size_t n_vars;
    char **names;     /* [n_vars] */
    char **label_set; /* [n_vars] name of its value-label set, or NULL */
    char **cells;     /* [n_obs * n_vars] */
    size_t n_obs, cap_obs;
    vlabel *labels;
    size_t n_labels, cap_labels;
    char errmsg[200];
} statread;

/* ------------------------------------------------------------ I/O over memory */

static int
io_open(const char *path, void *io_ctx)
{
    (void)path;
    ((statread *)io_ctx)->pos = 0;
    return 0;
}

static int
io_close(void *io_ctx)
{
    (void)io_ctx;
    return 0;
}

static readstat_off_t
io_seek(readstat_off_t offset, readstat_io_flags_t whence, void *io_ctx)
{
    statread *r = io_ctx;
    readstat_off_t base = whence == READSTAT_SEEK_SET   ? 0
                          : whence == READSTAT_SEEK_CUR ? (readstat_off_t)r->pos
                                                        : (readstat_off_t)r->len;
    readstat_off_t to = base + offset;
    if (to < 0 || (size_t)to > r->len)
        return -1;
    r->pos = (size_t)to;
    return to;
}

static ssize_t
io_read(void *buf, size_t nbyte, void *io_ctx)
{
    statread *r = io_ctx;
    size_t left = r->len - r->pos;
    size_t n = nbyte < left ? nbyte : left;
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    return (ssize_t)n;
}

static readstat_error_t
io_update(long file_size, readstat_progress_handler progress_handler, void *user_ctx, void *io_ctx)
{
    (void)file_size;
    (void)progress_handler;
    (void)user_ctx;
    (void)io_ctx;
    return READSTAT_OK;
}

/* ------------------------------------------------------------ callbacks */

/* The text of a value: "" when missing, integers without decimals. */
static char *
value_text(statread *r, readstat_value_t v, readstat_variable_t *var)
{
    char buf[64];
    if (var ? readstat_value_is_missing(v, var)
            : (readstat_value_is_system_missing(v) || readstat_value_is_tagged_missing(v)))
        return cq_arena_strdup(&r->arena, "");
    switch (readstat_value_type(v)) {
    case READSTAT_TYPE_STRING:
    case READSTAT_TYPE_STRING_REF: {
        const char *s = readstat_string_value(v);
        return cq_arena_strdup(&r->arena, s ? s : "");
    }
    case READSTAT_TYPE_INT8:
    case READSTAT_TYPE_INT16:
    case READSTAT_TYPE_INT32:
        snprintf(buf, sizeof buf, "%ld", (long)readstat_int32_value(v));
        break;
    default: {
        double x = readstat_double_value(v);
        if (isnan(x))
            buf[0] = '\0';
        else if (x == floor(x) && fabs(x) < 1e15)
            snprintf(buf, sizeof buf, "%.0f", x);
        else
            snprintf(buf, sizeof buf, "%.17g", x);
        break;
    }
    }
    return cq_arena_strdup(&r->arena, buf);
}

static int
on_metadata(readstat_metadata_t *m, void *ctx)
{
    statread *r = ctx;
    int nv = readstat_get_var_count(m), nr = readstat_get_row_count(m);
    if (nv < 0 || (size_t)nv > CQ_MAX_FIELDS) {
        r->status = cq_fail(r->d, CQ_ERR_LIMIT, "%s: %d variables (at most %d)", r->file, nv,
                            CQ_MAX_FIELDS);
        return READSTAT_HANDLER_ABORT;
    }
    if (nr > 0 && nv > 0 && (size_t)nr > CQ_MAX_CELLS / (size_t)nv) {
        r->status = cq_fail(r->d, CQ_ERR_LIMIT, "%s: %d cases x %d variables: more than %u cells",
                            r->file, nr, nv, CQ_MAX_CELLS);
        return READSTAT_HANDLER_ABORT;
    }
    r->n_vars = (size_t)nv;
    r->names = cq_arena_calloc(&r->arena, r->n_vars ? r->n_vars : 1, sizeof *r->names);
    r->label_set = cq_arena_calloc(&r->arena, r->n_vars ? r->n_vars : 1, sizeof *r->label_set);
    if (!r->names || !r->label_set) {
        r->status = cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int
on_variable(int index, readstat_variable_t *var, const char *val_labels, void *ctx)
{
    statread *r = ctx;
    if (index < 0 || (size_t)index >= r->n_vars)
        return READSTAT_HANDLER_ABORT;
    const char *name = readstat_variable_get_name(var);
    r->names[index] = cq_arena_strdup(&r->arena, name ? name : "");
    if (val_labels)
        r->label_set[index] = cq_arena_strdup(&r->arena, val_labels);
    if (!r->names[index] || (val_labels && !r->label_set[index])) {
        r->status = cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int
on_value(int obs, readstat_variable_t *var, readstat_value_t value, void *ctx)
{
    statread *r = ctx;
    int vi = readstat_variable_get_index(var);
    if (obs < 0 || vi < 0 || (size_t)vi >= r->n_vars)
        return READSTAT_HANDLER_ABORT;
    size_t o = (size_t)obs;
    if (o >= r->cap_obs) {
        size_t cap = r->cap_obs ? 2 * r->cap_obs : 256;
        while (cap <= o)
            cap *= 2;
        if (r->n_vars && cap > CQ_MAX_CELLS / r->n_vars) {
            r->status =
                cq_fail(r->d, CQ_ERR_LIMIT, "%s: more than %u cells", r->file, CQ_MAX_CELLS);
            return READSTAT_HANDLER_ABORT;
        }
        char **p = realloc(r->cells, cap * r->n_vars * sizeof *p);
        if (!p)
            goto nomem;
        memset(p + r->cap_obs * r->n_vars, 0, (cap - r->cap_obs) * r->n_vars * sizeof *p);
        r->cells = p;
        r->cap_obs = cap;
    }
    if (o + 1 > r->n_obs)
        r->n_obs = o + 1;
    char *t = value_text(r, value, var);
    if (!t)
        goto nomem;
    r->cells[o * r->n_vars + (size_t)vi] = t;
    return READSTAT_HANDLER_OK;
nomem:
    r->status = cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
    return READSTAT_HANDLER_ABORT;
}

static int
on_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    statread *r = ctx;
    if (readstat_value_is_tagged_missing(value) || readstat_value_is_system_missing(value))
        return READSTAT_HANDLER_OK;
    if (r->n_labels == r->cap_labels) {
        size_t cap = r->cap_labels ? 2 * r->cap_labels : 64;
        if (cap > CQ_MAX_CELLS)
            return READSTAT_HANDLER_ABORT;
        vlabel *p = realloc(r->labels, cap * sizeof *p);
        if (!p)
            goto nomem;
        r->labels = p;
        r->cap_labels = cap;
    }
    vlabel *l = &r->labels[r->n_labels];
    l->set = cq_arena_strdup(&r->arena, set ? set : "");
    l->value = value_text(r, value, NULL);
    l->label = cq_arena_strdup(&r->arena, label ? label : "");
    if (!l->set || !l->value || !l->label)
        goto nomem;
    r->n_labels++;
    return READSTAT_HANDLER_OK;
nomem:
    r->status = cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
    return READSTAT_HANDLER_ABORT;
}

static void
on_error(const char *msg, void *ctx)
{
    statread *r = ctx;
    if (!r->errmsg[0]) {
        snprintf(r->errmsg, sizeof r->errmsg, "%s", msg ? msg : "");
        size_t n = strlen(r->errmsg);
        while (n && (r->errmsg[n - 1] == '\n' || r->errmsg[n - 1] == ' '))
            r->errmsg[--n] = '\0';
    }
}

/* ------------------------------------------------------------ entry point */

static cq_status
stopped(statread *r, cq_status *stop)
{
    if (*stop == CQ_OK)
        *stop = cq_fail(r->d, CQ_ERR_INTERNAL, "%s: reading stopped", r->file);
    return *stop;
}

cq_status
cq_stat_read(const unsigned char *data, size_t len, const char *name, cq_format fmt,
             cq_read_info *info, const cq_reader_cb *cb, cq_status *stop, cq_diag *d)
{
    statread r = {0};
    r.data = data;
    r.len = len;
    r.file = name;
    r.d = d;
    cq_status st = CQ_OK;
    readstat_parser_t *p = readstat_parser_init();
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
    readstat_set_open_handler(p, io_open);
    readstat_set_close_handler(p, io_close);
    readstat_set_seek_handler(p, io_seek);
    readstat_set_read_handler(p, io_read);
    readstat_set_update_handler(p, io_update);
    readstat_set_io_ctx(p, &r);
    readstat_set_metadata_handler(p, on_metadata);
    readstat_set_variable_handler(p, on_variable);
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_value_label);
    readstat_set_error_handler(p, on_error);
    readstat_set_handler_character_encoding(p, "UTF-8");
    /* ReadStat converts the file's time stamps with the C library's time
     * zone state (tzset, localtime), which is not safe in two threads at
     * once: the waves (waves.c) take turns here */
    static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&one_at_a_time);
    readstat_error_t e = fmt == CQ_FMT_DTA   ? readstat_parse_dta(p, name, &r)
                         : fmt == CQ_FMT_POR ? readstat_parse_por(p, name, &r)
                                             : readstat_parse_sav(p, name, &r);
    pthread_mutex_unlock(&one_at_a_time);
    readstat_parser_free(p);
    if (r.status != CQ_OK) {
        st = r.status;
        goto cleanup;
    }
    if (e != READSTAT_OK) {
        st = cq_fail(d, CQ_ERR_BINARY, "%s: not a readable %s file: %s%s%s", name,
                     fmt == CQ_FMT_DTA ? "Stata" : "SPSS", readstat_error_message(e),
                     r.errmsg[0] ? ": " : "", r.errmsg);
        goto cleanup;
    }
    if (!r.names) {
        st = cq_fail(d, CQ_ERR_EMPTY, "%s: the file has no variables", name);
        goto cleanup;
    }
    /* header */
    for (size_t v = 0; v < r.n_vars; v++) {
        const char *n = r.names[v] ? r.names[v] : "";
        if (cb->field(cb->ctx, n, strlen(n)) != 0) {
            st = stopped(&r, stop);
            goto cleanup;
        }
    }
    info->records = 1;
    if (cb->record(cb->ctx, 0) != 0) {
        st = stopped(&r, stop);
        goto cleanup;
    }
    /* value labels */
    for (size_t v = 0; v < r.n_vars && cb->label; v++) {
        if (!r.label_set[v])
            continue;
        for (size_t k = 0; k < r.n_labels; k++)
            if (strcmp(r.labels[k].set, r.label_set[v]) == 0 &&
                cb->label(cb->ctx, v, r.labels[k].value, r.labels[k].label) != 0) {
                st = stopped(&r, stop);
                goto cleanup;
            }
    }
    /* cases */
    for (size_t o = 0; o < r.n_obs; o++) {
        for (size_t v = 0; v < r.n_vars; v++) {
            const char *c = r.cells[o * r.n_vars + v];
            if (!c)
                c = "";
            if (cb->field(cb->ctx, c, strlen(c)) != 0) {
                st = stopped(&r, stop);
                goto cleanup;
            }
        }
        info->records++;
        if (cb->record(cb->ctx, o + 1) != 0) {
            st = stopped(&r, stop);
            goto cleanup;
        }
    }
cleanup:
    free(r.cells);
    free(r.labels);
    cq_arena_free(&r.arena);
    return st;
}

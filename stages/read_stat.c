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
 *
 * SPSS portable files (.por) get two repairs, see "SPSS portable files"
 * below: ReadStat is shown the file's character table as PSPP's own reader
 * takes it, and a character the portable format could not carry (å, ä, ö
 * in a name, a value label or a text value) stops the read instead of
 * arriving as blanks.
 */
#include "copsoq/reader.h"

#include <locale.h>
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
    int lost; /* .por: the label lost a character (see por_lost) */
} vlabel;

typedef struct {
    const unsigned char *data;
    size_t len, pos;
    size_t label_name_max; /* the longest value-label name the file's format holds */
    unsigned char *head;   /* .por: data[0..head_len) with the repaired table */
    size_t head_len;
    int por;
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
    size_t h = r->pos < r->head_len ? r->head_len - r->pos : 0;
    if (h > n)
        h = n;
    if (h)
        memcpy(buf, r->head + r->pos, h);
    if (n > h)
        memcpy((char *)buf + h, r->data + r->pos + h, n - h);
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

/* ------------------------------------------------------------ SPSS portable files
 *
 * A portable file starts with 200 characters of vendor text and a table of
 * 256 giving, for each position of the portable character set, the byte
 * that stands for it (positions 64-73 the digits, 126 the space, ...), all
 * in lines of 80 characters (a shorter line is padded with spaces).  A writer
 * without a character names the byte of a near one: PSPP 1.6 writes the
 * superscript digits (positions 167-176) as the bytes of '0'-'9'.  PSPP's
 * reader gives a byte the meaning of the first position naming it, from 64
 * on.  ReadStat 1.1.8 gives it the last one (it only re-maps '0' afterwards),
 * so it reads every digit 1-9 of such a file as a superscript and refuses
 * the first number ("Error parsing double string").  ReadStat is therefore
 * shown the table with every byte already named at a lower position
 * replaced by the byte of '0' (position 64), the byte ReadStat maps last.
 */
#define POR_VANITY 200
#define POR_TABLE  256
#define POR_LINE   80
#define POR_PAD    ((size_t)-1) /* a table position in a line's padding */

static cq_status
por_repair_table(statread *r)
{
    size_t at[POR_TABLE]; /* where each table position is in the file */
    size_t logical = 0, col = 0, i = 0;
    while (logical < POR_VANITY + POR_TABLE && i < r->len) {
        unsigned char c = r->data[i];
        if (c == '\r' || c == '\n') {
            i += c == '\r' && i + 1 < r->len && r->data[i + 1] == '\n' ? 2 : 1;
            for (; col < POR_LINE && logical < POR_VANITY + POR_TABLE; col++, logical++)
                if (logical >= POR_VANITY)
                    at[logical - POR_VANITY] = POR_PAD;
            col = 0;
            continue;
        }
        if (logical >= POR_VANITY)
            at[logical - POR_VANITY] = i;
        logical++;
        col++;
        i++;
    }
    if (logical < POR_VANITY + POR_TABLE || at[64] == POR_PAD)
        return CQ_OK; /* ReadStat will say what is wrong */
    r->head = malloc(i);
    if (!r->head)
        return cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
    memcpy(r->head, r->data, i);
    r->head_len = i;
    unsigned char named[256] = {0};
    for (size_t k = 64; k < POR_TABLE; k++) {
        if (at[k] == POR_PAD) {
            named[' '] = 1;
            continue;
        }
        unsigned char b = r->data[at[k]];
        if (named[b])
            r->head[at[k]] = r->data[at[64]];
        named[b] = 1;
    }
    return CQ_OK;
}

/* ReadStat turns a byte the table does not name into U+FFFD (in a UTF-8
 * locale, which the parse runs in; blanks otherwise): the portable format
 * has no å, ä or ö, and writers put their own bytes there.  R's foreign
 * package cuts such texts short; nothing reads them back reliably. */
static int
por_lost(const char *s)
{
    return s && strstr(s, "\xEF\xBF\xBD") != NULL;
}

/* Whether data[0..len) holds a byte above 127. */
static int
memchr_high(const unsigned char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (data[i] & 0x80)
            return 1;
    return 0;
}

#define POR_LOST_HINT                                                                              \
    "a character the SPSS portable format cannot carry (letters such as å, ä, ö "               \
    "are lost in .por files); save the data as .sav or export CSV instead"

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

/* The width of a .dta file's value-label-name entries, by its format as
 * ReadStat 1.1.8 reads them (dta.c: 9 bytes before format 110, 33 before
 * 118, 129 from 118): ReadStat hands each variable's entry over as it
 * stands, and a file may fill one without a terminating NUL (fuzzing found
 * the read past the last one). */
static size_t
dta_label_name_len(const unsigned char *data, size_t len)
{
    long format = 0;
    static const char xml[] = "<stata_dta>", rel[] = "<release>";
    if (len >= sizeof xml - 1 && memcmp(data, xml, sizeof xml - 1) == 0) {
        size_t scan = len < 96 ? len : 96;
        const unsigned char *at = memmem(data, scan, rel, sizeof rel - 1);
        for (at = at ? at + sizeof rel - 1 : NULL;
             at && at < data + scan && *at >= '0' && *at <= '9'; at++)
            format = format * 10 + (*at - '0');
    } else if (len > 0) {
        format = data[0];
    }
    return format < 110 ? 9 : format < 118 ? 33 : 129;
}

static int
on_variable(int index, readstat_variable_t *var, const char *val_labels, void *ctx)
{
    statread *r = ctx;
    if (index < 0 || (size_t)index >= r->n_vars)
        return READSTAT_HANDLER_ABORT;
    const char *name = readstat_variable_get_name(var);
    r->names[index] = cq_arena_strdup(&r->arena, name ? name : "");
    if (val_labels) /* .dta: a fixed-width entry, not always NUL-terminated */
        r->label_set[index] =
            cq_arena_strndup(&r->arena, val_labels, strnlen(val_labels, r->label_name_max));
    if (!r->names[index] || (val_labels && !r->label_set[index])) {
        r->status = cq_fail(r->d, CQ_ERR_NOMEM, "%s: out of memory", r->file);
        return READSTAT_HANDLER_ABORT;
    }
    if (r->por && por_lost(r->names[index])) {
        r->status = cq_fail(r->d, CQ_ERR_BINARY, "%s: the name of variable %d holds " POR_LOST_HINT,
                            r->file, index + 1);
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
    if (r->por && por_lost(t)) {
        r->status = cq_fail(r->d, CQ_ERR_BINARY,
                            "%s: variable %s, case %zu: the value holds " POR_LOST_HINT, r->file,
                            r->names[vi] ? r->names[vi] : "?", o + 1);
        return READSTAT_HANDLER_ABORT;
    }
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
    l->lost = r->por && por_lost(l->label);
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
    r.por = fmt == CQ_FMT_POR;
    r.label_name_max = fmt == CQ_FMT_DTA ? dta_label_name_len(data, len) : SIZE_MAX;
    cq_status st = r.por ? por_repair_table(&r) : CQ_OK;
    if (st != CQ_OK)
        return st;
    /* .por: ReadStat writes a character it cannot translate as U+FFFD only
     * in a UTF-8 locale (a blank otherwise): this thread uses one meanwhile */
    locale_t utf8 = r.por ? newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0) : (locale_t)0;
    if (r.por && !utf8 && memchr_high(data, len)) {
        free(r.head);
        return cq_fail(d, CQ_ERR_BINARY, "%s: holds bytes outside ASCII: " POR_LOST_HINT, name);
    }
    readstat_parser_t *p = readstat_parser_init();
    if (!p) {
        if (utf8)
            freelocale(utf8);
        free(r.head);
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
    }
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
    locale_t was = utf8 ? uselocale(utf8) : (locale_t)0;
    readstat_error_t e = fmt == CQ_FMT_DTA   ? readstat_parse_dta(p, name, &r)
                         : fmt == CQ_FMT_POR ? readstat_parse_por(p, name, &r)
                                             : readstat_parse_sav(p, name, &r);
    if (utf8) {
        uselocale(was);
        freelocale(utf8);
    }
    pthread_mutex_unlock(&one_at_a_time);
    readstat_parser_free(p);
    if (r.status != CQ_OK) {
        st = r.status;
        goto cleanup;
    }
    if (e != READSTAT_OK) {
        st = cq_fail(d, CQ_ERR_BINARY, "%s: not a readable %s file: %s%s%s%s", name,
                     fmt == CQ_FMT_DTA ? "Stata"
                     : r.por           ? "SPSS portable"
                                       : "SPSS",
                     readstat_error_message(e), r.errmsg[0] ? ": " : "", r.errmsg,
                     r.por ? " (save the data as .sav or export CSV instead)" : "");
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
        for (size_t k = 0; k < r.n_labels; k++) {
            if (strcmp(r.labels[k].set, r.label_set[v]) != 0)
                continue;
            if (r.labels[k].lost) {
                st = cq_fail(d, CQ_ERR_BINARY,
                             "%s: variable %s: the label of value %s holds " POR_LOST_HINT, name,
                             r.names[v] ? r.names[v] : "?", r.labels[k].value);
                goto cleanup;
            }
            if (cb->label(cb->ctx, v, r.labels[k].value, r.labels[k].label) != 0) {
                st = stopped(&r, stop);
                goto cleanup;
            }
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
    free(r.head);
    free(r.cells);
    free(r.labels);
    cq_arena_free(&r.arena);
    return st;
}

/* table.c - small CSV files read whole (see table.h). */
#include "copsoq/table.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copsoq/csvread.h"

typedef struct {
    cq_table *t;
    char **cur; /* fields of the record being read */
    size_t n_cur, cap_cur;
    size_t cap_rows;
    int header_done;
    cq_status status;
    cq_diag *d;
} loader;

static char *
trim_dup(cq_arena *a, const char *s, size_t len)
{
    s = cq_trim(s, &len);
    while (len && s[len - 1] == '\r') { /* a CR kept in quotes at the end of a line */
        len--;
        s = cq_trim(s, &len);
    }
    return cq_arena_strndup(a, s, len);
}

static int
on_field(void *ctx, const char *s, size_t len)
{
    loader *L = ctx;
    if (L->n_cur == L->cap_cur) {
        size_t cap = L->cap_cur ? 2 * L->cap_cur : 16;
        char **p = realloc(L->cur, cap * sizeof *p);
        if (!p) {
            L->status = cq_fail(L->d, CQ_ERR_NOMEM, "%s: out of memory", L->t->name);
            return 1;
        }
        L->cur = p;
        L->cap_cur = cap;
    }
    L->cur[L->n_cur] = trim_dup(&L->t->arena, s, len);
    if (!L->cur[L->n_cur]) {
        L->status = cq_fail(L->d, CQ_ERR_NOMEM, "%s: out of memory", L->t->name);
        return 1;
    }
    L->n_cur++;
    return 0;
}

static int
on_record(void *ctx, size_t line)
{
    loader *L = ctx;
    cq_table *t = L->t;
    size_t n = L->n_cur;
    L->n_cur = 0;
    int blank = 1;
    for (size_t i = 0; i < n && blank; i++)
        blank = L->cur[i][0] == '\0';
    if (!L->header_done) {
        if (blank) {
            L->status = cq_fail(L->d, CQ_ERR_HEADER, "%s: line %zu: empty header", t->name, line);
            return 1;
        }
        t->header = cq_arena_calloc(&t->arena, n, sizeof *t->header);
        if (!t->header)
            goto nomem;
        memcpy(t->header, L->cur, n * sizeof *t->header);
        t->n_cols = n;
        L->header_done = 1;
        return 0;
    }
    if (blank)
        return 0;
    if (t->n_rows >= CQ_TABLE_MAX_ROWS) {
        L->status = cq_fail(L->d, CQ_ERR_LIMIT, "%s: line %zu: more than %d rows", t->name, line,
                            CQ_TABLE_MAX_ROWS);
        return 1;
    }
    if (t->n_rows == L->cap_rows) {
        size_t cap = L->cap_rows ? 2 * L->cap_rows : 64;
        char ***rows = realloc(t->rows, cap * sizeof *rows);
        if (rows)
            t->rows = rows;
        size_t *lines = realloc(t->lines, cap * sizeof *lines);
        if (lines)
            t->lines = lines;
        size_t *nf = realloc(t->n_fields, cap * sizeof *nf);
        if (nf)
            t->n_fields = nf;
        if (!rows || !lines || !nf)
            goto nomem;
        L->cap_rows = cap;
    }
    size_t cols = n > t->n_cols ? n : t->n_cols;
    char **row = cq_arena_calloc(&t->arena, cols, sizeof *row);
    if (!row)
        goto nomem;
    for (size_t i = 0; i < cols; i++)
        row[i] = i < n ? L->cur[i] : (char *)"";
    t->rows[t->n_rows] = row;
    t->lines[t->n_rows] = line;
    t->n_fields[t->n_rows] = n;
    t->n_rows++;
    return 0;
nomem:
    L->status = cq_fail(L->d, CQ_ERR_NOMEM, "%s: out of memory", t->name);
    return 1;
}

cq_status
cq_table_read(cq_source *src, cq_table *t, cq_diag *d)
{
    memset(t, 0, sizeof *t);
    cq_arena_init(&t->arena);
    t->name = cq_arena_strdup(&t->arena, cq_source_name(src));
    if (!t->name)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    loader L = {.t = t, .status = CQ_OK, .d = d};
    cq_csv_info info = {0};
    cq_status st = cq_csv_read(src, &info, on_field, on_record, &L, &L.status, d);
    free(L.cur);
    if (st == CQ_OK && !L.header_done)
        st = cq_fail(d, CQ_ERR_EMPTY, "%s: the file is empty", t->name);
    if (st != CQ_OK) {
        cq_table_free(t);
        return st;
    }
    return CQ_OK;
}

cq_status
cq_table_read_file(const char *path, cq_table *t, cq_diag *d)
{
    cq_source *src = NULL;
    memset(t, 0, sizeof *t);
    cq_status st = cq_source_open_file(path, &src, d);
    if (st != CQ_OK)
        return st;
    st = cq_table_read(src, t, d);
    cq_diag d2;
    cq_status st2 = cq_source_close(src, &d2);
    if (st == CQ_OK && st2 != CQ_OK) {
        cq_table_free(t);
        if (d)
            *d = d2;
        return st2;
    }
    return st;
}

cq_status
cq_table_read_mem(const char *buf, size_t len, const char *name, cq_table *t, cq_diag *d)
{
    cq_source *src = NULL;
    memset(t, 0, sizeof *t);
    cq_status st = cq_source_open_mem(buf, len, name, &src, d);
    if (st != CQ_OK)
        return st;
    st = cq_table_read(src, t, d);
    cq_source_close(src, NULL);
    return st;
}

void
cq_table_free(cq_table *t)
{
    if (!t)
        return;
    free(t->rows);
    free(t->lines);
    free(t->n_fields);
    cq_arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

size_t
cq_table_col(const cq_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_cols; i++)
        if (strcasecmp(t->header[i], name) == 0)
            return i;
    return (size_t)-1;
}

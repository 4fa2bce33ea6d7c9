/* colmap.c - the column map (see colmap.h). */
#include "copsoq/colmap.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
cq_same_name(const char *a, const char *b)
{
    char fa[512], fb[512];
    size_t la = cq_fold(a, strlen(a), fa, sizeof fa), lb = cq_fold(b, strlen(b), fb, sizeof fb);
    if (la == (size_t)-1 || lb == (size_t)-1)
        return strcasecmp(a, b) == 0;
    return la == lb && memcmp(fa, fb, la) == 0;
}

static cq_status
from_table(cq_colmap *m, cq_diag *d)
{
    cq_table *t = &m->table;
    size_t cw = cq_table_col(t, "wave"), cc = cq_table_col(t, "column"),
           cn = cq_table_col(t, "name");
    if (cw == (size_t)-1 || cc == (size_t)-1 || cn == (size_t)-1)
        return cq_fail(d, CQ_ERR_HEADER,
                       "%s: line 1: a column map needs the header wave,column,name", t->name);
    m->rows = calloc(t->n_rows ? t->n_rows : 1, sizeof *m->rows);
    if (!m->rows)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t r = 0; r < t->n_rows; r++) {
        cq_colmap_row *row = &m->rows[r];
        row->wave = t->rows[r][cw];
        row->column = t->rows[r][cc];
        row->name = t->rows[r][cn];
        row->line = t->lines[r];
        if (!row->column[0] || !row->name[0])
            return cq_fail(d, CQ_ERR_HEADER, "%s: line %zu: both column and name are needed",
                           t->name, row->line);
    }
    m->n_rows = t->n_rows;
    return CQ_OK;
}

#define MAX_MAP_BYTES (16u << 20)

/* Lines that start with '#' (outside quotes) are comments, as copsoq columns
 * writes them: their text goes, their line ends stay, so line numbers hold. */
static size_t
drop_comments(char *s, size_t len)
{
    size_t o = 0;
    int inq = 0, at_start = 1, in_comment = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_comment) {
            if (c != '\n' && c != '\r')
                continue;
            in_comment = 0;
        } else if (at_start && !inq && c == '#') {
            in_comment = 1;
            continue;
        }
        if (c == '"')
            inq = !inq;
        at_start = !inq && (c == '\n' || c == '\r');
        s[o++] = c;
    }
    return o;
}

cq_status
cq_colmap_parse(const char *buf, size_t len, const char *name, cq_colmap *m, cq_diag *d)
{
    memset(m, 0, sizeof *m);
    m->path = name;
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    memcpy(copy, buf, len);
    len = drop_comments(copy, len);
    cq_status st = cq_table_read_mem(copy, len, name, &m->table, d);
    free(copy);
    if (st == CQ_OK)
        st = from_table(m, d);
    return st;
}

cq_status
cq_colmap_load(const char *path, cq_colmap *m, cq_diag *d)
{
    memset(m, 0, sizeof *m);
    cq_source *src = NULL;
    unsigned char *data = NULL;
    size_t len = 0;
    char hex[65] = "";
    uint64_t bytes = 0;
    cq_status st = cq_source_open_file(path, &src, d);
    if (st == CQ_OK)
        st = cq_source_slurp(src, MAX_MAP_BYTES, &data, &len, d);
    if (st == CQ_OK)
        st = cq_source_digest(src, hex, &bytes, d);
    cq_source_close(src, NULL);
    if (st == CQ_OK)
        st = cq_colmap_parse((const char *)data, len, path, m, d);
    free(data);
    memcpy(m->sha256, hex, sizeof hex);
    m->bytes = bytes;
    m->path = path;
    return st;
}

cq_status
cq_colmap_check(const cq_colmap *m, const cq_settings *set, const cq_instrument *ins, cq_diag *d)
{
    const char *file = m->table.name;
    for (size_t r = 0; r < m->n_rows; r++) {
        const cq_colmap_row *row = &m->rows[r];
        int known = cq_same_name(row->name, set->id_column);
        for (size_t k = 0; k < set->n_groups && !known; k++)
            known = cq_same_name(row->name, set->groups[k]);
        for (size_t k = 0; k < ins->n_items && !known; k++)
            known = cq_same_name(row->name, ins->items[k].id);
        if (!known)
            return cq_fail(d, CQ_ERR_HEADER,
                           "%s: line %zu: unknown name '%s': not an item of the instrument, the "
                           "id column ('%s') or a --group",
                           file, row->line, row->name, set->id_column);
        if (row->wave[0]) {
            size_t w = 0;
            while (w < set->n_waves && strcmp(set->waves[w].label, row->wave) != 0)
                w++;
            if (w == set->n_waves)
                return cq_fail(d, CQ_ERR_HEADER, "%s: line %zu: no wave '%s' in this run", file,
                               row->line, row->wave);
        }
        for (size_t q = 0; q < r; q++) {
            const cq_colmap_row *o = &m->rows[q];
            if (strcmp(o->wave, row->wave) == 0 && cq_same_name(o->name, row->name))
                return cq_fail(d, CQ_ERR_HEADER,
                               "%s: line %zu: two columns mapped to one name: '%s' and '%s' "
                               "(line %zu) are both '%s'",
                               file, row->line, row->column, o->column, o->line, row->name);
        }
    }
    return CQ_OK;
}

cq_status
cq_colmap_for_wave(const cq_colmap *m, const char *wave, const cq_colmap_row ***rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    if (!m || m->n_rows == 0)
        return CQ_OK;
    const cq_colmap_row **out = calloc(m->n_rows, sizeof *out);
    if (!out)
        return CQ_ERR_NOMEM;
    size_t k = 0;
    for (size_t r = 0; r < m->n_rows; r++)
        if (strcmp(m->rows[r].wave, wave) == 0)
            out[k++] = &m->rows[r];
    for (size_t r = 0; r < m->n_rows; r++) {
        if (m->rows[r].wave[0])
            continue;
        int overridden = 0;
        for (size_t q = 0; q < m->n_rows && !overridden; q++)
            overridden = strcmp(m->rows[q].wave, wave) == 0 &&
                         cq_same_name(m->rows[q].name, m->rows[r].name);
        if (!overridden)
            out[k++] = &m->rows[r];
    }
    *rows = out;
    *n = k;
    return CQ_OK;
}

void
cq_colmap_free(cq_colmap *m)
{
    if (!m)
        return;
    cq_table_free(&m->table);
    free(m->rows);
    memset(m, 0, sizeof *m);
}

/*
 * csvread.c - streaming CSV reader with physical line numbers (see csvread.h).
 *
 * libcsv does not count lines, so the reader feeds it one physical line at a
 * time (each piece ends with its terminator): after each piece the line
 * count is exact, and a record that starts in a piece starts on that line.
 */
#include "copsoq/csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK (64 * 1024)

typedef struct {
    cq_csv_info *info;
    cq_csv_field_fn field;
    cq_csv_record_fn record;
    cq_csv_row_fn row;
    void *ctx;
    int stopped;
    size_t rec_line;
    int in_record;
    size_t nfields;
    size_t rec_bytes;
    char *scratch; /* transcoding buffer */
    size_t scratch_cap;
    int nomem;
    int too_many_fields;
    /* the fast path */
    char delim;
    cq_field *fld; /* [fld_cap] the fields of the current line */
    size_t fld_cap;
} reader;

int cq_csv_fast_path = 1;

const char *
cq_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

/* One field to the callback; valid: the text is known to be UTF-8. */
static void
deliver(reader *r, const char *text, size_t len, int valid)
{
    if (r->stopped)
        return;
    if (++r->nfields > CQ_MAX_FIELDS) {
        r->too_many_fields = 1;
        r->stopped = 1;
        return;
    }
    if (!valid && !cq_utf8_valid(text, len)) {
        size_t need = 3 * len + 4;
        if (need > r->scratch_cap) {
            char *p = realloc(r->scratch, need);
            if (!p) {
                r->nomem = 1;
                r->stopped = 1;
                return;
            }
            r->scratch = p;
            r->scratch_cap = need;
        }
        len = cq_cp1252_to_utf8(text, len, r->scratch, r->scratch_cap);
        text = r->scratch;
        r->info->cp1252_fields++;
    }
    if (r->field(r->ctx, text, len) != 0)
        r->stopped = 1;
}

static void
on_field(void *s, size_t len, void *data)
{
    deliver(data, s ? s : "", len, 0);
}

static void
on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    size_t line = r->rec_line;
    r->in_record = 0;
    r->nfields = 0;
    r->rec_bytes = 0;
    if (r->stopped)
        return;
    r->info->records++;
    if (r->record(r->ctx, line) != 0)
        r->stopped = 1;
}

/* Scans the line that starts at buf[i] (not inside a record) up to its
 * terminator or the end of the block (*j) and splits it at the delimiters
 * into r->fld (*nf fields, spaces trimmed at both ends as libcsv trims an
 * unquoted field).  Returns 1 when the line holds no quote and no more
 * fields than allowed, so that the fast path may take it; 0 leaves it to
 * libcsv. */
static int
split_line(reader *r, const char *buf, size_t got, size_t i, size_t *j, size_t *nf)
{
    /* the line's end, then any quote in it: memchr, many bytes a step */
    const char *nl = memchr(buf + i, '\n', got - i);
    size_t end = nl ? (size_t)(nl - buf) : got;
    const char *cr = memchr(buf + i, '\r', end - i);
    if (cr)
        end = (size_t)(cr - buf);
    *j = end;
    *nf = 0;
    if (memchr(buf + i, '"', end - i))
        return 0;
    char delim = r->delim;
    size_t a = i, n = 0;
    for (size_t k = i;; k++) {
        if (k < end && buf[k] != delim)
            continue;
        /* a field ends at k: a delimiter, the terminator or the block's end */
        if (n == r->fld_cap) {
            size_t cap = 2 * r->fld_cap;
            cq_field *f = cap <= CQ_MAX_FIELDS ? realloc(r->fld, cap * sizeof *f) : NULL;
            if (!f)
                return 0; /* libcsv says what is wrong */
            r->fld = f;
            r->fld_cap = cap;
        }
        size_t b = a, e = k;
        if (b < e && (buf[b] == ' ' || buf[e - 1] == ' ')) {
            while (b < e && buf[b] == ' ')
                b++;
            while (e > b && buf[e - 1] == ' ')
                e--;
        }
        r->fld[n++] = (cq_field){buf + b, e - b};
        if (k == end)
            break;
        a = k + 1;
    }
    *nf = n;
    return 1;
}

static int
only_space(unsigned char c)
{
    return c == ' ';
}

/* Delimiter from the header line: the most frequent of , ; TAB outside quotes. */
static char
detect_delimiter(const char *buf, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    int inq = 0;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '"')
            inq = !inq;
        else if (!inq && (c == '\n' || c == '\r'))
            break;
        else if (!inq && c == ',')
            comma++;
        else if (!inq && c == ';')
            semi++;
        else if (!inq && c == '\t')
            tab++;
    }
    if (tab > comma && tab >= semi)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}

cq_status
cq_csv_read(cq_source *src, cq_csv_info *info, cq_csv_field_fn field, cq_csv_record_fn record,
            void *ctx, cq_status *stop, cq_diag *d)
{
    return cq_csv_read_rows(src, info, field, record, NULL, ctx, stop, d);
}

cq_status
cq_csv_read_rows(cq_source *src, cq_csv_info *info, cq_csv_field_fn field, cq_csv_record_fn record,
                 cq_csv_row_fn row, void *ctx, cq_status *stop, cq_diag *d)
{
    const char *name = cq_source_name(src);
    cq_status st = CQ_OK;
    struct csv_parser p;
    int parser_ready = 0;
    reader r = {0};
    r.info = info;
    r.field = field;
    r.record = record;
    r.row = row;
    r.ctx = ctx;
    char *buf = malloc(BLOCK);
    r.fld_cap = 256;
    r.fld = malloc(r.fld_cap * sizeof *r.fld);
    if (!buf || !r.fld) {
        free(buf);
        free(r.fld);
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
    }

    size_t got = 0;
    /* first block: BOM, delimiter */
    st = cq_source_read(src, buf, BLOCK, &got, d);
    if (st != CQ_OK)
        goto cleanup;
    size_t off = 0;
    if (got >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF) {
        info->bom = 1;
        off = 3;
    }
    if (!info->delimiter)
        info->delimiter = detect_delimiter(buf + off, got - off);
    if (csv_init(&p, CSV_STRICT_FINI) != 0) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    parser_ready = 1;
    csv_set_delim(&p, (unsigned char)info->delimiter);
    r.delim = info->delimiter;
    csv_set_space_func(&p, only_space);

    size_t line = 1, blocks = 0;
    int prev_cr = 0;
    int at_line_start = 1;
    while (got > 0) {
        info->bytes += got - off;
        const char *nul = memchr(buf + off, '\0', got - off);
        if (nul) {
            /* the line of the NUL itself, counted from the start of the block */
            size_t at = line;
            for (const char *q = buf + off; q < nul; q++)
                if (*q == '\n' ? !(q > buf + off ? q[-1] == '\r' : prev_cr) : *q == '\r')
                    at++;
            st = cq_fail(d, CQ_ERR_BINARY, "%s: line %zu: contains NUL bytes: not a text file",
                         name, at);
            goto cleanup;
        }
        /* one UTF-8 check for the block's whole lines: from the end of its
         * first line (the block may start inside a character) to the end of
         * its last; a line inside that stretch needs no check of its own */
        size_t valid_from = got, valid_to = got;
        {
            size_t a = off, z = got;
            while (a < got && buf[a] != '\n' && buf[a] != '\r')
                a++;
            while (z > a && buf[z - 1] != '\n' && buf[z - 1] != '\r')
                z--;
            if (a < z && cq_utf8_valid(buf + a + 1, z - a - 1)) {
                valid_from = a + 1;
                valid_to = z;
            }
        }
        size_t i = off;
        while (i < got) {
            /* one piece: up to and including the next line terminator; a
             * piece that starts a record is also split at the delimiters */
            size_t j = i;
            size_t nf = 0;
            int plain = 0;
            if (!r.in_record && cq_csv_fast_path)
                plain = split_line(&r, buf, got, i, &j, &nf);
            else
                while (j < got && buf[j] != '\n' && buf[j] != '\r')
                    j++;
            size_t end = j < got ? j + 1 : got;
            int content = 0;
            for (size_t k = i; k < j && !content; k++)
                content = buf[k] != ' ';
            if (!r.in_record && content) {
                r.in_record = 1;
                r.rec_line = line;
            }
            /* only a record's own bytes count (blank lines between records do not) */
            r.rec_bytes = r.in_record ? r.rec_bytes + (end - i) : 0;
            if (r.rec_bytes > CQ_MAX_RECORD_BYTES) {
                st = cq_fail(d, CQ_ERR_LIMIT,
                             p.quoted ? "%s: line %zu: a record longer than %u bytes: a quoted "
                                        "field that is never closed?"
                                      : "%s: line %zu: a line longer than %u bytes",
                             name, r.rec_line, CQ_MAX_RECORD_BYTES);
                goto cleanup;
            }
            /* libcsv grows its field buffer by blk_size: keep that as large
             * as the buffer so a long field costs linear time, not quadratic */
            if (p.entry_size > 128)
                csv_set_blk_size(&p, p.entry_size);
            if (plain && j < got) {
                /* the fast path: a whole line without quotes, split as
                 * libcsv splits it, fields not copied */
                if (content) {
                    if (i >= valid_from && j < valid_to && r.row) {
                        r.in_record = 0;
                        r.rec_bytes = 0;
                        info->records++;
                        if (r.row(r.ctx, r.fld, nf, r.rec_line) != 0)
                            r.stopped = 1;
                    } else {
                        int valid = i >= valid_from && j < valid_to;
                        for (size_t k = 0; k < nf; k++)
                            deliver(&r, r.fld[k].s, r.fld[k].len, valid);
                        on_record(0, &r);
                    }
                }
            } else if (csv_parse(&p, buf + i, end - i, on_field, on_record, &r) != end - i) {
                st = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: %s", name, line,
                             csv_strerror(csv_error(&p)));
                goto cleanup;
            }
            if (j < got) {
                if (buf[j] == '\r') {
                    line++;
                    prev_cr = 1;
                } else {
                    if (!prev_cr || j > i)
                        line++;
                    prev_cr = 0;
                }
                at_line_start = 1;
            } else if (j > i) {
                prev_cr = 0;
                at_line_start = 0;
            }
            if (r.stopped)
                goto stopped;
            i = end;
        }
        off = 0;
        /* after two blocks (the look-ahead and one more), the records to expect */
        if (++blocks == 2 && info->bytes)
            info->records_hint = (size_t)((double)cq_source_size_hint(src) * (double)info->records /
                                          (double)info->bytes);
        st = cq_source_read(src, buf, BLOCK, &got, d);
        if (st != CQ_OK)
            goto cleanup;
    }
    /* libcsv reports an unclosed quote at the end only in full strict mode,
     * which would also refuse stray quotes inside fields; its public parser
     * state tells it directly (2 = FIELD_BEGUN in libcsv 3.0). */
    if (p.quoted && p.pstate == 2) {
        st = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: a quoted field is never closed", name,
                     r.rec_line);
        goto cleanup;
    }
    if (csv_fini(&p, on_field, on_record, &r) != 0) {
        st = cq_fail(d, CQ_ERR_CSV, "%s: line %zu: a quoted field is never closed", name,
                     r.rec_line);
        goto cleanup;
    }
stopped:
    info->lines = at_line_start ? line - 1 : line;
    if (r.nomem)
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
    else if (r.too_many_fields)
        st = cq_fail(d, CQ_ERR_LIMIT, "%s: line %zu: more than %d columns", name, r.rec_line,
                     CQ_MAX_FIELDS);
    else if (r.stopped)
        st = (stop && *stop != CQ_OK) ? *stop
                                      : cq_fail(d, CQ_ERR_INTERNAL, "%s: reading stopped", name);
cleanup:
    if (parser_ready)
        csv_free(&p);
    free(r.scratch);
    free(r.fld);
    free(buf);
    return st;
}

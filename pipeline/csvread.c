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
} reader;

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

int
cq_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return 0;
        }
        if (len - i <= need)
            return 0;
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += need + 1;
    }
    return 1;
}

/* Windows-1252 0x80..0x9F; 0 where undefined (kept as U+FFFD). */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

size_t
cq_cp1252_to_utf8(const char *str, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    for (size_t i = 0; i < len && o + 4 <= cap; i++) {
        unsigned cp = s[i];
        if (cp >= 0x80 && cp <= 0x9F)
            cp = cp1252_high[cp - 0x80] ? cp1252_high[cp - 0x80] : 0xFFFD;
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | (cp >> 6));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xE0 | (cp >> 12));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = '\0';
    return o;
}

static void
on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->stopped)
        return;
    if (++r->nfields > CQ_MAX_FIELDS) {
        r->too_many_fields = 1;
        r->stopped = 1;
        return;
    }
    const char *text = s ? s : "";
    if (!cq_utf8_valid(text, len)) {
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
    const char *name = cq_source_name(src);
    cq_status st = CQ_OK;
    struct csv_parser p;
    int parser_ready = 0;
    reader r = {0};
    r.info = info;
    r.field = field;
    r.record = record;
    r.ctx = ctx;
    char *buf = malloc(BLOCK);
    if (!buf)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);

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
    csv_set_space_func(&p, only_space);

    size_t line = 1;
    int prev_cr = 0;
    int at_line_start = 1;
    while (got > 0) {
        info->bytes += got - off;
        const unsigned char *u = (const unsigned char *)buf + off;
        if (line == 1 && got - off >= 4 &&
            ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
             (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF))) {
            st = cq_fail(d, CQ_ERR_BINARY,
                         "%s: line 1: UTF-32 text is not supported: save the file as CSV "
                         "(UTF-8) or CSV (semicolon)",
                         name);
            goto cleanup;
        }
        if (line == 1 && got - off >= 2 &&
            ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
            st = cq_fail(d, CQ_ERR_BINARY,
                         "%s: line 1: UTF-16 text is not supported: save the file as CSV "
                         "(UTF-8) or CSV (semicolon), not as Unicode text",
                         name);
            goto cleanup;
        }
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
        size_t i = off;
        while (i < got) {
            /* one piece: up to and including the next line terminator */
            size_t j = i;
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
            if (csv_parse(&p, buf + i, end - i, on_field, on_record, &r) != end - i) {
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
    free(buf);
    return st;
}

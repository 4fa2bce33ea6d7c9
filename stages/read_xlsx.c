/*
 * read_xlsx.c - records from an Excel workbook (.xlsx), from memory (see reader.h).
 *
 * The zip is read with minizip (unzip.h, over memory through its file
 * function table) and each XML part is streamed through expat.  Parts are
 * found through the package's relationships, as Excel finds them, not by
 * fixed names (part names compare without case, as OPC says):
 *   _rels/.rels                 the officeDocument relationship: the workbook
 *                               part (xl/workbook.xml when there is none)
 *   the workbook                sheet names and relationship ids, in order
 *   its rels (dir/_rels/NAME.rels) relationship id -> worksheet part, and the
 *                               sharedStrings relationship (optional)
 *   the shared strings          (xl/sharedStrings.xml when no relationship)
 *   the worksheet               rows of cells: shared (t="s"), inline
 *                               (t="inlineStr"), numbers, booleans, text
 * A relationship's target is relative to its source part's folder ("../"
 * allowed) or absolute from the package root ("/xl/...").
 * A row's origin is its row number (r="12"); a cell's column comes from its
 * reference (r="C12"), so skipped empty cells become empty fields, and rows
 * shorter than the header are padded.  Sizes are capped before reading: the
 * declared uncompressed size of each part, and again the bytes actually
 * inflated (a zip can lie about its sizes).  A DOCTYPE is refused, so no
 * entity can expand.
 */
#include "copsoq/reader.h"

#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

#define MAX_SHARED_STRINGS (16u << 20)
#define MAX_CELL_TEXT      (1u << 20)
#define MAX_SHEETS         1024
#define CHUNK              (64 * 1024)

/* ------------------------------------------------------------ zip over memory */

typedef struct {
    const unsigned char *data;
    size_t len, pos;
} memzip;

static voidpf
mz_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename;
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return NULL;
    memzip *m = opaque;
    m->pos = 0;
    return m;
}

static uLong
mz_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    memzip *m = stream;
    size_t left = m->len - m->pos;
    size_t n = size < left ? size : left;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (uLong)n;
}

static uLong
mz_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0;
}

static ZPOS64_T
mz_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((memzip *)stream)->pos;
}

static long
mz_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    memzip *m = stream;
    ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                    : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                       : m->len;
    if (offset > m->len || base + offset > m->len)
        return -1;
    m->pos = (size_t)(base + offset);
    return 0;
}

static int
mz_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int
mz_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

/* ------------------------------------------------------------ state */

typedef struct {
    char *name;
    char *rid;
} sheet_ref;

typedef struct {
    const char *file;
    cq_diag *d;
    cq_status status; /* first failure inside an XML callback */
    XML_Parser xp;
    /* workbook */
    sheet_ref *sheets;
    size_t n_sheets;
    const char *rels_base; /* folder of the part whose .rels is read: "" or "xl/" */
    const char *want_rid;
    char *target;     /* the worksheet part */
    char *sst_target; /* the shared strings part */
    char *wb_target;  /* the workbook part */
    /* shared strings */
    char **sst;
    size_t n_sst, cap_sst;
    int in_si, in_t, in_rph;
    /* text of the current <t>/<v> */
    char *text;
    size_t text_len, text_cap;
    /* sheet */
    const cq_reader_cb *cb;
    cq_status *stop;
    int in_sheetdata, in_v, in_is;
    unsigned long row, cell_col; /* 1-based */
    char cell_type[16];
    int cell_has_value;
    size_t next_col; /* fields emitted in this row */
    size_t width;    /* fields of the first record (the header) */
    size_t records;
} xlsx;

static const char *
local_name(const char *n)
{
    const char *bar = strrchr(n, '|');
    return bar ? bar + 1 : n;
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
           int has_internal)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal;
    xlsx *x = ud;
    x->status =
        cq_fail(x->d, CQ_ERR_BINARY, "%s: the workbook's XML declares a DOCTYPE: refused", x->file);
    XML_StopParser(x->xp, XML_FALSE);
}

static int
text_add(xlsx *x, const char *s, int len)
{
    if (len <= 0)
        return 0;
    if (x->text_len + (size_t)len + 1 > MAX_CELL_TEXT) {
        x->status =
            cq_fail(x->d, CQ_ERR_LIMIT, "%s: a cell longer than %u bytes", x->file, MAX_CELL_TEXT);
        return -1;
    }
    if (x->text_len + (size_t)len + 1 > x->text_cap) {
        size_t cap = x->text_cap ? x->text_cap : 256;
        while (cap < x->text_len + (size_t)len + 1)
            cap *= 2;
        char *p = realloc(x->text, cap);
        if (!p) {
            x->status = cq_fail(x->d, CQ_ERR_NOMEM, "%s: out of memory", x->file);
            return -1;
        }
        x->text = p;
        x->text_cap = cap;
    }
    memcpy(x->text + x->text_len, s, (size_t)len);
    x->text_len += (size_t)len;
    x->text[x->text_len] = '\0';
    return 0;
}

static void XMLCALL
on_chars(void *ud, const XML_Char *s, int len)
{
    xlsx *x = ud;
    if ((x->in_t && !x->in_rph) || x->in_v)
        if (text_add(x, s, len) != 0)
            XML_StopParser(x->xp, XML_FALSE);
}

/* Parses one part of the zip through expat with the handlers already set. */
static cq_status
parse_part(xlsx *x, unzFile uz, const char *part, int required, int *found)
{
    *found = 0;
    if (unzLocateFile(uz, part, 2) != UNZ_OK) { /* 2: without regard to case */
        if (!required)
            return CQ_OK;
        return cq_fail(x->d, CQ_ERR_BINARY, "%s: a zip file but not an Excel workbook (no %s)",
                       x->file, part);
    }
    *found = 1;
    unz_file_info64 fi;
    if (unzGetCurrentFileInfo64(uz, &fi, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return cq_fail(x->d, CQ_ERR_BINARY, "%s: damaged workbook (%s)", x->file, part);
    if (fi.uncompressed_size > CQ_MAX_ZIP_ENTRY)
        return cq_fail(x->d, CQ_ERR_LIMIT, "%s: %s would unpack to more than %u MB", x->file, part,
                       CQ_MAX_ZIP_ENTRY >> 20);
    if (unzOpenCurrentFile(uz) != UNZ_OK)
        return cq_fail(x->d, CQ_ERR_BINARY, "%s: damaged workbook (cannot open %s)", x->file, part);
    char *buf = malloc(CHUNK);
    if (!buf) {
        unzCloseCurrentFile(uz);
        return cq_fail(x->d, CQ_ERR_NOMEM, "%s: out of memory", x->file);
    }
    uint64_t total = 0;
    cq_status st = CQ_OK;
    for (;;) {
        int n = unzReadCurrentFile(uz, buf, CHUNK);
        if (n < 0) {
            st = cq_fail(x->d, CQ_ERR_BINARY,
                         "%s: damaged or truncated workbook (%s, zip error %d)", x->file, part, n);
            break;
        }
        total += (uint64_t)n;
        if (total > CQ_MAX_ZIP_ENTRY) {
            st = cq_fail(x->d, CQ_ERR_LIMIT, "%s: %s unpacks to more than %u MB", x->file, part,
                         CQ_MAX_ZIP_ENTRY >> 20);
            break;
        }
        if (XML_Parse(x->xp, buf, n, n == 0) == XML_STATUS_ERROR) {
            if (x->status != CQ_OK)
                st = x->status;
            else
                st = cq_fail(x->d, CQ_ERR_BINARY, "%s: %s: XML error at line %lu: %s", x->file,
                             part, (unsigned long)XML_GetCurrentLineNumber(x->xp),
                             XML_ErrorString(XML_GetErrorCode(x->xp)));
            break;
        }
        if (n == 0)
            break;
    }
    /* the CRC is checked at close, once the whole part was read */
    int rc = unzCloseCurrentFile(uz);
    if (st == CQ_OK && rc != UNZ_OK)
        st = cq_fail(x->d, CQ_ERR_BINARY, "%s: damaged workbook (%s: CRC error)", x->file, part);
    free(buf);
    return st;
}

static XML_Parser
new_parser(xlsx *x, XML_StartElementHandler start, XML_EndElementHandler end)
{
    if (x->xp)
        XML_ParserFree(x->xp);
    x->xp = XML_ParserCreateNS(NULL, '|');
    if (!x->xp)
        return NULL;
    XML_SetUserData(x->xp, x);
    XML_SetElementHandler(x->xp, start, end);
    XML_SetCharacterDataHandler(x->xp, on_chars);
    XML_SetStartDoctypeDeclHandler(x->xp, on_doctype);
    return x->xp;
}

/* ------------------------------------------------------------ workbook, rels */

static void XMLCALL
wb_start(void *ud, const XML_Char *el, const XML_Char **attr)
{
    xlsx *x = ud;
    if (strcmp(local_name(el), "sheet") != 0)
        return;
    const char *name = NULL, *rid = NULL;
    for (size_t i = 0; attr[i]; i += 2) {
        if (strcmp(attr[i], "name") == 0)
            name = attr[i + 1];
        else if (strcmp(local_name(attr[i]), "id") == 0 && strstr(attr[i], "relationships"))
            rid = attr[i + 1];
    }
    if (!name || !rid || x->n_sheets >= MAX_SHEETS)
        return;
    sheet_ref *p = realloc(x->sheets, (x->n_sheets + 1) * sizeof *p);
    if (!p)
        goto nomem;
    x->sheets = p;
    p[x->n_sheets].name = strdup(name);
    p[x->n_sheets].rid = strdup(rid);
    x->n_sheets++;
    if (!p[x->n_sheets - 1].name || !p[x->n_sheets - 1].rid)
        goto nomem;
    return;
nomem:
    x->status = cq_fail(x->d, CQ_ERR_NOMEM, "%s: out of memory", x->file);
    XML_StopParser(x->xp, XML_FALSE);
}

static void XMLCALL
no_end(void *ud, const XML_Char *el)
{
    (void)ud;
    (void)el;
}

/* The part a relationship's target names: relative to base (a folder
 * ending in '/', or ""), or absolute from the package root; "." and ".."
 * segments resolved ("xl/" + "../data/s.xml" -> "data/s.xml").  NULL when
 * out of memory or when ".." climbs above the root. */
static char *
resolve_target(const char *base, const char *target)
{
    if (target[0] == '/') {
        base = "";
        target++;
    }
    size_t n = strlen(base) + strlen(target) + 1;
    char *joined = malloc(n), *out = malloc(n);
    if (!joined || !out) {
        free(joined);
        free(out);
        return NULL;
    }
    snprintf(joined, n, "%s%s", base, target);
    size_t used = 0;
    for (char *seg = joined, *next; seg; seg = next) {
        next = strchr(seg, '/');
        size_t len = next ? (size_t)(next - seg) : strlen(seg);
        if (next)
            next++;
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (used == 0) {
                free(joined);
                free(out);
                return NULL;
            }
            while (used > 0 && out[used - 1] != '/')
                used--;
            if (used > 0)
                used--; /* the '/' before the dropped segment */
            continue;
        }
        if (used)
            out[used++] = '/';
        memcpy(out + used, seg, len);
        used += len;
    }
    out[used] = '\0';
    free(joined);
    return out;
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
static char *
rels_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
    size_t n = strlen(part) + sizeof "_rels/" + sizeof ".rels";
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%.*s_rels/%s.rels", (int)dir, part, part + dir);
    return p;
}

/* The relationship types that name a workbook's parts end so (the
 * transitional and the strict namespaces alike). */
static int
type_is(const char *type, const char *what)
{
    size_t n = strlen(type), m = strlen(what);
    return n > m && type[n - m - 1] == '/' && strcmp(type + n - m, what) == 0;
}

static void XMLCALL
rels_start(void *ud, const XML_Char *el, const XML_Char **attr)
{
    xlsx *x = ud;
    if (strcmp(local_name(el), "Relationship") != 0)
        return;
    const char *id = NULL, *target = NULL, *type = "", *mode = "";
    for (size_t i = 0; attr[i]; i += 2) {
        if (strcmp(attr[i], "Id") == 0)
            id = attr[i + 1];
        else if (strcmp(attr[i], "Target") == 0)
            target = attr[i + 1];
        else if (strcmp(attr[i], "Type") == 0)
            type = attr[i + 1];
        else if (strcmp(attr[i], "TargetMode") == 0)
            mode = attr[i + 1];
    }
    if (!target || strcmp(mode, "External") == 0)
        return;
    char **slot = NULL;
    if (x->want_rid && id && strcmp(id, x->want_rid) == 0)
        slot = &x->target;
    else if (x->want_rid && type_is(type, "sharedStrings"))
        slot = &x->sst_target;
    else if (!x->want_rid && type_is(type, "officeDocument"))
        slot = &x->wb_target;
    if (!slot || *slot)
        return;
    *slot = resolve_target(x->rels_base, target);
    if (!*slot && target[0]) {
        if (strstr(target, "..")) /* climbs above the package: no such part */
            return;
        x->status = cq_fail(x->d, CQ_ERR_NOMEM, "%s: out of memory", x->file);
        XML_StopParser(x->xp, XML_FALSE);
    }
}

/* ------------------------------------------------------------ shared strings */

static void XMLCALL
sst_start(void *ud, const XML_Char *el, const XML_Char **attr)
{
    (void)attr;
    xlsx *x = ud;
    const char *n = local_name(el);
    if (strcmp(n, "si") == 0) {
        x->in_si = 1;
        x->text_len = 0;
    } else if (strcmp(n, "t") == 0 && x->in_si) {
        x->in_t = 1;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 1; /* phonetic run: not part of the text */
    }
}

static void XMLCALL
sst_end(void *ud, const XML_Char *el)
{
    xlsx *x = ud;
    const char *n = local_name(el);
    if (strcmp(n, "t") == 0) {
        x->in_t = 0;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 0;
    } else if (strcmp(n, "si") == 0 && x->in_si) {
        x->in_si = 0;
        if (x->n_sst >= MAX_SHARED_STRINGS) {
            x->status = cq_fail(x->d, CQ_ERR_LIMIT, "%s: more than %u shared strings", x->file,
                                MAX_SHARED_STRINGS);
            XML_StopParser(x->xp, XML_FALSE);
            return;
        }
        if (x->n_sst == x->cap_sst) {
            size_t cap = x->cap_sst ? 2 * x->cap_sst : 256;
            char **p = realloc(x->sst, cap * sizeof *p);
            if (!p)
                goto nomem;
            x->sst = p;
            x->cap_sst = cap;
        }
        x->sst[x->n_sst] = strndup(x->text ? x->text : "", x->text_len);
        if (!x->sst[x->n_sst])
            goto nomem;
        x->n_sst++;
        x->text_len = 0;
    }
    return;
nomem:
    x->status = cq_fail(x->d, CQ_ERR_NOMEM, "%s: out of memory", x->file);
    XML_StopParser(x->xp, XML_FALSE);
}

/* ------------------------------------------------------------ worksheet */

static int
emit(xlsx *x, const char *s, size_t len)
{
    if (x->cb->field(x->cb->ctx, s, len) != 0) {
        if (*x->stop == CQ_OK)
            *x->stop = cq_fail(x->d, CQ_ERR_INTERNAL, "%s: reading stopped", x->file);
        x->status = *x->stop;
        XML_StopParser(x->xp, XML_FALSE);
        return -1;
    }
    x->next_col++;
    return 0;
}

/* "BC12" -> column 55 (1-based); 0 when malformed */
static unsigned long
ref_column(const char *r)
{
    unsigned long c = 0;
    while (*r >= 'A' && *r <= 'Z' && c <= CQ_MAX_FIELDS)
        c = c * 26 + (unsigned long)(*r++ - 'A' + 1);
    return (*r >= '0' && *r <= '9') ? c : 0;
}

static void XMLCALL
sheet_start(void *ud, const XML_Char *el, const XML_Char **attr)
{
    xlsx *x = ud;
    const char *n = local_name(el);
    if (strcmp(n, "sheetData") == 0) {
        x->in_sheetdata = 1;
    } else if (!x->in_sheetdata) {
        return;
    } else if (strcmp(n, "row") == 0) {
        unsigned long r = x->row + 1;
        for (size_t i = 0; attr[i]; i += 2)
            if (strcmp(attr[i], "r") == 0) {
                char *end;
                unsigned long v = strtoul(attr[i + 1], &end, 10);
                if (*end == '\0' && v > 0)
                    r = v;
            }
        x->row = r;
        x->next_col = 0;
        x->cell_col = 0;
    } else if (strcmp(n, "c") == 0) {
        unsigned long col = x->cell_col + 1;
        x->cell_type[0] = '\0';
        for (size_t i = 0; attr[i]; i += 2) {
            if (strcmp(attr[i], "r") == 0) {
                unsigned long c = ref_column(attr[i + 1]);
                if (c)
                    col = c;
            } else if (strcmp(attr[i], "t") == 0) {
                snprintf(x->cell_type, sizeof x->cell_type, "%s", attr[i + 1]);
            }
        }
        if (col > CQ_MAX_FIELDS) {
            x->status = cq_fail(x->d, CQ_ERR_LIMIT, "%s: line %lu: more than %d columns", x->file,
                                x->row, CQ_MAX_FIELDS);
            XML_StopParser(x->xp, XML_FALSE);
            return;
        }
        x->cell_col = col;
        x->cell_has_value = 0;
        x->text_len = 0;
    } else if (strcmp(n, "v") == 0) {
        x->in_v = 1;
        x->cell_has_value = 1;
        x->text_len = 0;
    } else if (strcmp(n, "is") == 0) {
        x->in_is = 1;
        x->cell_has_value = 1;
        x->text_len = 0;
    } else if (strcmp(n, "t") == 0 && x->in_is) {
        x->in_t = 1;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 1;
    }
}

static void
end_cell(xlsx *x)
{
    if (!x->cell_has_value)
        return;
    if (x->cell_col <= x->next_col) {
        x->status =
            cq_fail(x->d, CQ_ERR_BINARY, "%s: line %lu: cells out of order", x->file, x->row);
        XML_StopParser(x->xp, XML_FALSE);
        return;
    }
    while (x->next_col + 1 < x->cell_col)
        if (emit(x, "", 0) != 0)
            return;
    const char *s = x->text ? x->text : "";
    size_t len = x->text_len;
    if (strcmp(x->cell_type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(s, &end, 10);
        if (end == s || *end || i >= x->n_sst) {
            x->status = cq_fail(x->d, CQ_ERR_BINARY,
                                "%s: line %lu, column %lu: shared string '%.20s' does not exist",
                                x->file, x->row, x->cell_col, s);
            XML_StopParser(x->xp, XML_FALSE);
            return;
        }
        s = x->sst[i];
        len = strlen(s);
    }
    emit(x, s, len);
}

static void XMLCALL
sheet_end(void *ud, const XML_Char *el)
{
    xlsx *x = ud;
    const char *n = local_name(el);
    if (!x->in_sheetdata)
        return;
    if (strcmp(n, "sheetData") == 0) {
        x->in_sheetdata = 0;
    } else if (strcmp(n, "v") == 0) {
        x->in_v = 0;
    } else if (strcmp(n, "t") == 0) {
        x->in_t = 0;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 0;
    } else if (strcmp(n, "is") == 0) {
        x->in_is = 0;
    } else if (strcmp(n, "c") == 0) {
        end_cell(x);
    } else if (strcmp(n, "row") == 0 && x->next_col > 0) {
        if (x->records == 0)
            x->width = x->next_col;
        while (x->next_col < x->width)
            if (emit(x, "", 0) != 0)
                return;
        x->records++;
        if (x->cb->record(x->cb->ctx, x->row) != 0) {
            if (*x->stop == CQ_OK)
                *x->stop = cq_fail(x->d, CQ_ERR_INTERNAL, "%s: reading stopped", x->file);
            x->status = *x->stop;
            XML_StopParser(x->xp, XML_FALSE);
        }
    }
}

/* ------------------------------------------------------------ entry point */

cq_status
cq_xlsx_read(const unsigned char *data, size_t len, const char *name, cq_read_info *info,
             const cq_reader_cb *cb, cq_status *stop, cq_diag *d)
{
    memzip mem = {data, len, 0};
    zlib_filefunc64_def io = {mz_open, mz_read,  mz_write, mz_tell,
                              mz_seek, mz_close, mz_error, &mem};
    xlsx x = {0};
    x.file = name;
    x.d = d;
    x.cb = cb;
    x.stop = stop;
    cq_status st = CQ_OK;
    int found;
    char *wb_dir = NULL, *wb_rels = NULL;
    unzFile uz = unzOpen2_64("workbook", &io);
    if (!uz)
        return cq_fail(d, CQ_ERR_BINARY,
                       "%s: starts like a zip file but cannot be opened as one (damaged or "
                       "truncated workbook?)",
                       name);
    /* the workbook part, named by the package's relationships */
    x.rels_base = "";
    if (!new_parser(&x, rels_start, no_end)) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    if ((st = parse_part(&x, uz, "_rels/.rels", 0, &found)) != CQ_OK)
        goto cleanup;
    if (!x.wb_target && !(x.wb_target = strdup("xl/workbook.xml"))) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    /* the sheet: by name, or the first in the workbook's order */
    if (!new_parser(&x, wb_start, no_end)) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    if ((st = parse_part(&x, uz, x.wb_target, 1, &found)) != CQ_OK)
        goto cleanup;
    if (x.n_sheets == 0) {
        st = cq_fail(d, CQ_ERR_BINARY, "%s: the workbook has no worksheet", name);
        goto cleanup;
    }
    size_t k = 0;
    if (info->sheet) {
        while (k < x.n_sheets && strcmp(x.sheets[k].name, info->sheet) != 0)
            k++;
        if (k == x.n_sheets) {
            char list[256] = "";
            size_t used = 0;
            for (size_t i = 0; i < x.n_sheets && i < 8; i++) {
                int m = snprintf(list + used, sizeof list - used, "%s'%s'", i ? ", " : "",
                                 x.sheets[i].name);
                if (m < 0 || (size_t)m >= sizeof list - used)
                    break;
                used += (size_t)m;
            }
            st = cq_fail(d, CQ_ERR_HEADER, "%s: no worksheet named '%s' (the workbook has %s)",
                         name, info->sheet, list);
            goto cleanup;
        }
    }
    snprintf(info->sheet_used, sizeof info->sheet_used, "%s", x.sheets[k].name);
    x.want_rid = x.sheets[k].rid;
    /* its relationships: the worksheet and the shared strings, relative to
     * the workbook's folder */
    char *slash = strrchr(x.wb_target, '/');
    wb_dir = strndup(x.wb_target, slash ? (size_t)(slash - x.wb_target) + 1 : 0);
    wb_rels = rels_of(x.wb_target);
    if (!wb_dir || !wb_rels || !new_parser(&x, rels_start, no_end)) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    x.rels_base = wb_dir;
    if ((st = parse_part(&x, uz, wb_rels, 1, &found)) != CQ_OK)
        goto cleanup;
    if (!x.target) {
        st = cq_fail(d, CQ_ERR_BINARY, "%s: the worksheet '%s' has no part in the workbook", name,
                     x.sheets[k].name);
        goto cleanup;
    }
    if (!new_parser(&x, sst_start, sst_end)) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    if ((st = parse_part(&x, uz, x.sst_target ? x.sst_target : "xl/sharedStrings.xml",
                         x.sst_target != NULL, &found)) != CQ_OK)
        goto cleanup;
    x.in_t = x.in_rph = 0;
    if (!new_parser(&x, sheet_start, sheet_end)) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    st = parse_part(&x, uz, x.target, 1, &found);
    info->records = x.records;
cleanup:
    if (x.xp)
        XML_ParserFree(x.xp);
    unzClose(uz);
    for (size_t i = 0; i < x.n_sheets; i++) {
        free(x.sheets[i].name);
        free(x.sheets[i].rid);
    }
    free(x.sheets);
    for (size_t i = 0; i < x.n_sst; i++)
        free(x.sst[i]);
    free(x.sst);
    free(x.text);
    free(x.target);
    free(x.sst_target);
    free(x.wb_target);
    free(wb_dir);
    free(wb_rels);
    return st;
}

/* test_readers.c - the readers from memory (reader.h): format detection,
 * UTF-16 in the source, .xlsx (zips built here with minizip's zip.h),
 * .sav (a fixture written by the readstat command, read into memory), the
 * column map loader, the header rule and copsoq columns' normalising. */
#include <stdlib.h>
#include <zip.h>

#include "copsoq/colmap.h"
#include "copsoq/columns.h"
#include "copsoq/ingest.h"
#include "copsoq/reader.h"
#include "fixture.h"
#include "harness.h"

/* ------------------------------------------------------------ a record sink */

typedef struct {
    char text[8192]; /* "a|b|c@line;..." */
    size_t used;
    char labels[1024];
    size_t n_labels;
} sink;

static int
sk_field(void *ctx, const char *s, size_t len)
{
    sink *k = ctx;
    if (k->used + len + 2 < sizeof k->text) {
        if (k->used && k->text[k->used - 1] != ';')
            k->text[k->used++] = '|';
        memcpy(k->text + k->used, s, len);
        k->used += len;
        k->text[k->used] = '\0';
    }
    return 0;
}

static int
sk_record(void *ctx, size_t line)
{
    sink *k = ctx;
    int n = snprintf(k->text + k->used, sizeof k->text - k->used, "@%zu;", line);
    if (n > 0 && k->used + (size_t)n < sizeof k->text)
        k->used += (size_t)n;
    return 0;
}

static int
sk_label(void *ctx, size_t col, const char *value, const char *label)
{
    sink *k = ctx;
    if (k->n_labels++ < 3) {
        size_t u = strlen(k->labels);
        snprintf(k->labels + u, sizeof k->labels - u, "%zu:%s=%s;", col, value, label);
    }
    return 0;
}

/* ------------------------------------------------------------ zips in memory */

typedef struct {
    unsigned char *buf;
    size_t len, cap, pos;
} membuf;

static voidpf
mb_open(voidpf opaque, const void *name, int mode)
{
    (void)name;
    (void)mode;
    return opaque;
}

static uLong
mb_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    membuf *m = stream;
    size_t n = m->pos < m->len ? m->len - m->pos : 0;
    if (n > size)
        n = size;
    memcpy(buf, m->buf + m->pos, n);
    m->pos += n;
    return (uLong)n;
}

static uLong
mb_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    membuf *m = stream;
    if (m->pos + size > m->cap) {
        size_t cap = (m->pos + size) * 2;
        unsigned char *p = realloc(m->buf, cap);
        if (!p)
            return 0;
        m->buf = p;
        m->cap = cap;
    }
    memcpy(m->buf + m->pos, buf, size);
    m->pos += size;
    if (m->pos > m->len)
        m->len = m->pos;
    return size;
}

static ZPOS64_T
mb_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((membuf *)stream)->pos;
}

static long
mb_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
    (void)opaque;
    membuf *m = stream;
    size_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                  : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                     : m->len;
    m->pos = base + (size_t)off;
    return 0;
}

static int
mb_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int
mb_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

/* A zip of the given parts (name, text; NULL-terminated), in m->buf. */
static int
make_zip(membuf *m, const char *const *parts)
{
    memset(m, 0, sizeof *m);
    zlib_filefunc64_def io = {mb_open, mb_read, mb_write, mb_tell, mb_seek, mb_close, mb_error, m};
    zipFile z = zipOpen2_64("mem", APPEND_STATUS_CREATE, NULL, &io);
    if (!z)
        return -1;
    for (size_t i = 0; parts[i]; i += 2) {
        zip_fileinfo zi = {0};
        if (zipOpenNewFileInZip64(z, parts[i], &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6, 0) !=
                ZIP_OK ||
            zipWriteInFileInZip(z, parts[i + 1], (unsigned)strlen(parts[i + 1])) != ZIP_OK ||
            zipCloseFileInZip(z) != ZIP_OK)
            return -1;
    }
    return zipClose(z, NULL) == ZIP_OK ? 0 : -1;
}

static const char WB[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Info\" sheetId=\"1\" r:id=\"rId7\"/><sheet name=\"Data\" sheetId=\"2\" "
    "r:id=\"rId3\"/></sheets></workbook>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId3\" Type=\"x/worksheet\" Target=\"worksheets/b.xml\"/>"
    "<Relationship Id=\"rId7\" Type=\"x/worksheet\" Target=\"/xl/worksheets/a.xml\"/>"
    "</Relationships>";
static const char SST[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>id</t></si><si><r><t>Al</t></r><r><t xml:space=\"preserve\">ltid &amp; </t></r>"
    "<rPh><t>x</t></rPh></si><si><t>QD1</t></si></sst>";
/* sheet a: shared, inline, numbers, a gap (B missing), a row number gap, a
 * styled empty cell beyond the header, a short row padded */
static const char SHEET_A[] =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>note</t>"
    "</is></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>17</v></c><c r=\"C2\" t=\"s\"><v>1</v></c>"
    "<c r=\"F2\" s=\"3\"/></row>"
    "<row r=\"5\"><c r=\"A5\" t=\"str\"><v>r5</v></c><c r=\"B5\" t=\"b\"><v>1</v></c>"
    "<c r=\"C5\"><v>3.0</v></c></row>"
    "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>r6</t></is></c></row>"
    "</sheetData></worksheet>";
static const char SHEET_B[] =
    "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c>"
    "<c t=\"inlineStr\"><is><t>y</t></is></c></row><row r=\"2\"><c><v>1</v></c><c><v>2</v></c>"
    "</row></sheetData></worksheet>";

static cq_status
read_xlsx(const membuf *m, const char *sheet, sink *k, cq_diag *d)
{
    memset(k, 0, sizeof *k);
    cq_read_info info = {0};
    info.sheet = sheet;
    cq_reader_cb cb = {sk_field, sk_record, sk_label, k, NULL};
    cq_status stop = CQ_OK;
    return cq_xlsx_read(m->buf, m->len, "t.xlsx", &info, &cb, &stop, d);
}

CQ_TEST(xlsx_reader_cells)
{
    const char *parts[] = {"xl/workbook.xml",
                           WB,
                           "xl/_rels/workbook.xml.rels",
                           RELS,
                           "xl/sharedStrings.xml",
                           SST,
                           "xl/worksheets/a.xml",
                           SHEET_A,
                           "xl/worksheets/b.xml",
                           SHEET_B,
                           NULL};
    membuf m;
    CHECK(make_zip(&m, parts) == 0);
    sink k;
    cq_diag d = {{0}};
    /* the first sheet in the workbook's order (Info -> rId7 -> /xl/worksheets/a.xml) */
    CHECK_INT(read_xlsx(&m, NULL, &k, &d), CQ_OK);
    CHECK_STR(k.text, "id|note|QD1@1;17||Alltid & @2;r5|1|3.0@5;r6||@6;");
    /* --sheet Data: resolved through the relationships */
    CHECK_INT(read_xlsx(&m, "Data", &k, &d), CQ_OK);
    CHECK_STR(k.text, "x|y@1;1|2@2;");
    CHECK_INT(read_xlsx(&m, "Nope", &k, &d), CQ_ERR_HEADER);
    CHECK(strstr(d.msg, "no worksheet named 'Nope' (the workbook has 'Info', 'Data')") != NULL);
    /* truncated: every cut is an error, never a crash */
    for (size_t cut = 0; cut < m.len; cut += 7) {
        membuf t = m;
        t.len = cut;
        cq_status s = read_xlsx(&t, NULL, &k, &d);
        if (s == CQ_OK)
            cq_test_fail(__FILE__, __LINE__, "cut at %zu of %zu read fine", cut, m.len);
    }
    free(m.buf);
}

CQ_TEST(xlsx_reader_refusals)
{
    static const struct {
        const char *sheet;
        const char *sst;
        const char *words;
    } cases[] = {
        {"<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", "<sst/>", "DOCTYPE"},
        {"<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>9</v></c></row></sheetData></worksheet>",
         "<sst><si><t>a</t></si></sst>", "line 1, column 1: shared string '9' does not exist"},
        {"<worksheet><sheetData><row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c>"
         "</row></sheetData></worksheet>",
         "<sst/>", "line 1: cells out of order"},
        {"<worksheet><sheetData><row r=\"1\"><c><v>1</v></sheetData></worksheet>", "<sst/>",
         "XML error"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *parts[] = {"xl/workbook.xml",
                               WB,
                               "xl/_rels/workbook.xml.rels",
                               RELS,
                               "xl/sharedStrings.xml",
                               cases[i].sst,
                               "xl/worksheets/a.xml",
                               cases[i].sheet,
                               NULL};
        membuf m;
        CHECK(make_zip(&m, parts) == 0);
        sink k;
        cq_diag d = {{0}};
        cq_status s = read_xlsx(&m, NULL, &k, &d);
        if (s == CQ_OK || !strstr(d.msg, cases[i].words))
            cq_test_fail(__FILE__, __LINE__, "case %zu: status %d, '%s'", i, s, d.msg);
        free(m.buf);
    }
    /* a zip without a workbook */
    const char *parts[] = {"readme.txt", "hello", NULL};
    membuf m;
    CHECK(make_zip(&m, parts) == 0);
    sink k;
    cq_diag d = {{0}};
    CHECK_INT(read_xlsx(&m, NULL, &k, &d), CQ_ERR_BINARY);
    CHECK(strstr(d.msg, "t.xlsx: a zip file but not an Excel workbook (no xl/workbook.xml)") !=
          NULL);
    free(m.buf);
}

/* ------------------------------------------------------------ detection, UTF-16 */

CQ_TEST(format_detection)
{
    static const struct {
        const char *bytes;
        size_t n;
        cq_format want;
    } cases[] = {
        {"PK\x03\x04rest", 8, CQ_FMT_XLSX},
        {"$FL2@(#) SPSS", 13, CQ_FMT_SAV},
        {"$FL3@(#) SPSS", 13, CQ_FMT_SAV},
        {"<stata_dta><header>", 19, CQ_FMT_DTA},
        {"\x72\x02\x01\x00", 4, CQ_FMT_DTA},
        {"id,QD1\n", 7, CQ_FMT_TEXT},
        {"PK", 2, CQ_FMT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (cq_detect_format((const unsigned char *)cases[i].bytes, cases[i].n) != cases[i].want)
            cq_test_fail(__FILE__, __LINE__, "case %zu", i);
}

CQ_TEST(source_utf16)
{
    /* "id,Å😀\n" in UTF-16 LE and BE, and an odd last byte */
    static const unsigned char le[] = {0xFF, 0xFE, 'i',  0,    'd',  0,    ',',  0,
                                       0xC5, 0,    0x3D, 0xD8, 0x00, 0xDE, '\n', 0};
    static const unsigned char be[] = {0xFE, 0xFF, 0,    'i',  0,    'd', 0,    ',', 0,
                                       0xC5, 0xD8, 0x3D, 0xDE, 0x00, 0,   '\n', 0x41};
    const unsigned char *texts[2] = {le, be};
    size_t lens[2] = {sizeof le, sizeof be};
    const char *want[2] = {"id,\xC3\x85\xF0\x9F\x98\x80\n",
                           "id,\xC3\x85\xF0\x9F\x98\x80\n\xEF\xBF\xBD"};
    for (int i = 0; i < 2; i++) {
        cq_source *src = NULL;
        cq_diag d = {{0}};
        CHECK_INT(cq_source_open_mem(texts[i], lens[i], "u", &src, &d), CQ_OK);
        char out[64];
        size_t n = 0, got;
        /* a tiny buffer: surrogate pairs cross reads */
        while (cq_source_read(src, out + n, 8, &got, &d) == CQ_OK && got > 0)
            n += got;
        out[n] = '\0';
        CHECK_STR(out, want[i]);
        CHECK_INT(cq_source_utf16(src), i + 1);
        char hex[65];
        uint64_t bytes;
        CHECK_INT(cq_source_digest(src, hex, &bytes, &d), CQ_OK);
        CHECK_INT(bytes, lens[i]);
        cq_source_close(src, NULL);
    }
}

/* ------------------------------------------------------------ .sav */

static unsigned char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

CQ_TEST(stat_reader_sav)
{
    size_t len;
    unsigned char *buf = slurp("tests/data/bad/label_mismatch.sav", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    sink k = {0};
    cq_read_info info = {0};
    cq_reader_cb cb = {sk_field, sk_record, sk_label, &k, NULL};
    cq_status stop = CQ_OK;
    cq_diag d = {{0}};
    CHECK_INT(cq_stat_read(buf, len, "m.sav", CQ_FMT_SAV, &info, &cb, &stop, &d), CQ_OK);
    /* header: variable names (origin 0), then labels (values shifted by one in this
     * fixture), then the first case: the same as samples/malmo/wave2016.csv line 2 */
    CHECK(strncmp(k.text, "id|forvaltning|sektion|yrke|QD1|QD2|", 36) == 0);
    CHECK(
        strstr(k.text,
               "@0;M00001|Stadsområde Söder|Barn och familj Söder|socialsekreterare|3|3|4|1|2|") !=
        NULL);
    CHECK(strstr(k.text, "@1;M00002|") != NULL);
    CHECK_STR(k.labels, "4:0=Alltid;4:1=Ofta;4:2=Ibland;");
    CHECK_INT(info.records, 41);
    /* damaged: every cut is an error, never a crash */
    for (size_t cut = 0; cut < len; cut += len / 50 + 1) {
        sink k2 = {0};
        cq_reader_cb cb2 = {sk_field, sk_record, sk_label, &k2, NULL};
        stop = CQ_OK;
        cq_status s = cq_stat_read(buf, cut, "m.sav", CQ_FMT_SAV, &info, &cb2, &stop, &d);
        if (s == CQ_OK && cut < len / 2)
            cq_test_fail(__FILE__, __LINE__, "cut at %zu of %zu read fine", cut, len);
    }
    free(buf);
}

/* A format-105 .dta (found by fuzz_ingest) whose last value-label-name entry
 * fills its 9 bytes with no NUL: ReadStat 1.1.8 hands the entry over as a
 * string, and copying it with strlen read past ReadStat's buffer (ASan:
 * heap-buffer-overflow in on_variable).  Any status is fine; no read beyond
 * the entry, and the file's bytes are read with no NULL pointer arithmetic
 * (UBSan, io_read).  Cut at every length too. */
CQ_TEST(stat_reader_dta_unterminated_label_name)
{
    size_t len;
    unsigned char *buf = slurp("tests/data/bad/dta_label_name_unterminated.dta", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    for (size_t cut = len; cut > 0; cut--) {
        sink k = {0};
        cq_read_info info = {0};
        cq_reader_cb cb = {sk_field, sk_record, sk_label, &k, NULL};
        cq_status stop = CQ_OK;
        cq_diag d = {{0}};
        (void)cq_stat_read(buf, cut, "u.dta", CQ_FMT_DTA, &info, &cb, &stop, &d);
    }
    free(buf);
    /* no bytes at all (libFuzzer's empty input comes as NULL, 0) */
    for (int f = 0; f < 3; f++) {
        sink k = {0};
        cq_read_info info = {0};
        cq_reader_cb cb = {sk_field, sk_record, sk_label, &k, NULL};
        cq_status stop = CQ_OK;
        cq_diag d = {{0}};
        cq_format fmt = f == 0 ? CQ_FMT_DTA : f == 1 ? CQ_FMT_SAV : CQ_FMT_POR;
        CHECK(cq_stat_read(NULL, 0, "e", fmt, &info, &cb, &stop, &d) != CQ_OK);
    }
}

/* SPSS user-missing values are missing: in the sample export the codes 6
 * ("I have no supervisor", "Don't know", ...) are user-missing, and the first
 * 300 rows of samples/malmo/wave2017.csv hold 76 of them (grep). */
static int
count_six(void *ctx, const char *s, size_t len)
{
    size_t *n = ctx;
    *n += len == 1 && s[0] == '6';
    return 0;
}

static int
no_record(void *ctx, size_t line)
{
    (void)ctx;
    (void)line;
    return 0;
}

CQ_TEST(stat_reader_user_missing)
{
    size_t len;
    unsigned char *buf = slurp("samples/exports/spss/wave2017.sav", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    size_t six = 0;
    cq_read_info info = {0};
    cq_reader_cb cb = {count_six, no_record, NULL, &six, NULL};
    cq_status stop = CQ_OK;
    cq_diag d = {{0}};
    CHECK_INT(cq_stat_read(buf, len, "w.sav", CQ_FMT_SAV, &info, &cb, &stop, &d), CQ_OK);
    CHECK_INT(six, 0);
    CHECK_INT(info.records, 301);
    free(buf);
}

/* ------------------------------------------------------------ .por */

/* The PSPP-written fixture (tests/data/por/README.md) as PSPP wrote it (CRLF),
 * with LF line ends, and with every line's trailing spaces cut (a reader pads
 * a short line to 80 characters, so the character table moves in the bytes):
 * the same records each time.  Its first case is line 2 of
 * samples/malmo/wave2016.csv with the groups spelt in ASCII. */
static size_t
por_variant(const unsigned char *in, size_t len, unsigned char *out, int how)
{
    size_t o = 0, line_start = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '\r' && how > 0)
            continue;
        if (in[i] == '\n' && how == 2)
            while (o > line_start && out[o - 1] == ' ')
                o--;
        out[o++] = in[i];
        if (in[i] == '\n')
            line_start = o;
    }
    return o;
}

CQ_TEST(stat_reader_por)
{
    size_t len;
    unsigned char *buf = slurp("tests/data/por/wave2016.por", &len);
    unsigned char *var = buf ? malloc(len) : NULL;
    CHECK(var != NULL);
    if (!var) {
        free(buf);
        return;
    }
    for (int how = 0; how < 3; how++) {
        size_t n = por_variant(buf, len, var, how);
        if (how == 2 && n == len)
            cq_test_fail(__FILE__, __LINE__, "no trailing spaces were cut");
        sink k = {0};
        cq_read_info info = {0};
        cq_reader_cb cb = {sk_field, sk_record, sk_label, &k, NULL};
        cq_status stop = CQ_OK;
        cq_diag d = {{0}};
        CHECK_INT(cq_stat_read(var, n, "w.por", CQ_FMT_POR, &info, &cb, &stop, &d), CQ_OK);
        CHECK(strncmp(k.text, "ID|FORVALTN|SEKTION|YRKE|QD1|QD2|QD3|WP1|", 41) == 0);
        CHECK(strstr(k.text, "@0;M00001|Stadsomrade Soder|Barn och familj Soder|"
                             "socialsekreterare|3|3|4|1|2|2|2|3|") != NULL);
        CHECK_STR(k.labels, "4:1=Always;4:2=Often;4:3=Sometimes;");
        CHECK_INT(info.records, 151);
    }
    /* damaged: every cut is an error, never a crash */
    for (size_t cut = 0; cut < len; cut += len / 50 + 1) {
        sink k = {0};
        cq_read_info info = {0};
        cq_reader_cb cb = {sk_field, sk_record, sk_label, &k, NULL};
        cq_status stop = CQ_OK;
        cq_diag d = {{0}};
        if (cq_stat_read(buf, cut, "w.por", CQ_FMT_POR, &info, &cb, &stop, &d) == CQ_OK)
            cq_test_fail(__FILE__, __LINE__, "cut at %zu of %zu read fine", cut, len);
    }
    free(var);
    free(buf);
}

/* ------------------------------------------------------------ ingest with labels */

CQ_TEST(ingest_header_rows)
{
    static const struct {
        const char *text;
        size_t n, first_line;
    } cases[] = {
        /* Qualtrics: line 1 names, lines 2-3 skipped */
        {"id,unit,A1,A2,A3,B1\nId,Unit,Q a,Q b,Q c,Q d\n{\"ImportId\":\"x\"},{\"ImportId\":\"u\"},"
         "{\"ImportId\":\"q1\"},,{\"ImportId\":\"q3\"},{\"ImportId\":\"q4\"}\nr1,X,1,2,3,1\n",
         1, 4},
        /* a line break inside a quoted header is a space */
        {"\"id\",unit,\"A\n1\",A2,A3,B1\nr1,X,1,2,3,1\n", 1, 2},
        /* SurveyMonkey: stems carried right, Response dropped */
        {"id,unit,A,,,B1\n,Response,1,2,3,Response\nr1,X,1,2,3,1\nr2,X,1,2,3,1\n", 2, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f;
        CHECK(fx_init(&f, 1, 1, 5) == 0);
        cq_diag d = {{0}};
        cq_status s;
        if (i == 1) {
            static const char map[] = "wave,column,name\n,A 1,A1\n,A2,A2\n,A3,A3\n,B1,B1\n,"
                                      "id,id\n,unit,unit\n";
            f.st.colmap = calloc(1, sizeof *f.st.colmap);
            CHECK_INT(cq_colmap_parse(map, strlen(map), "m.csv", f.st.colmap, &d), CQ_OK);
        }
        if (i == 2) {
            /* "A - 1" etc. need a map: the merged names are what it matches */
            static const char map[] = "wave,column,name\n,A - 1,A1\n,a - 2,A2\n, A - 3 ,A3\n"
                                      ",B1,B1\n,id,id\n,unit,unit\n";
            f.st.colmap = calloc(1, sizeof *f.st.colmap);
            CHECK_INT(cq_colmap_parse(map, strlen(map), "m.csv", f.st.colmap, &d), CQ_OK);
        }
        s = fx_ingest(&f, 0, cases[i].text, strlen(cases[i].text), &d);
        if (s != CQ_OK)
            cq_test_fail(__FILE__, __LINE__, "case %zu: %s", i, d.msg);
        else {
            CHECK_INT(f.st.waves[0].n, cases[i].n);
            CHECK_INT(f.st.waves[0].header_lines, cases[i].first_line - 1);
            CHECK_INT(f.st.waves[0].answers[1][0], 1);
        }
        fx_free(&f);
    }
}

CQ_TEST(colmap_rules)
{
    static const char text[] = "# a comment, with \"quotes\n"
                               "wave,column,name\n"
                               ",Q1,A1\n"
                               "# another\n"
                               "w1,Q9,A1\n"
                               ",Q2,A2\n";
    cq_colmap m;
    cq_diag d = {{0}};
    CHECK_INT(cq_colmap_parse(text, strlen(text), "m.csv", &m, &d), CQ_OK);
    CHECK_INT(m.n_rows, 3);
    CHECK_INT(m.rows[1].line, 5);
    const cq_colmap_row **rows;
    size_t n;
    CHECK_INT(cq_colmap_for_wave(&m, "w1", &rows, &n), CQ_OK);
    CHECK_INT(n, 2); /* w1's own A1 wins over the every-wave A1 */
    CHECK_STR(rows[0]->column, "Q9");
    CHECK_STR(rows[1]->column, "Q2");
    free(rows);
    CHECK_INT(cq_colmap_for_wave(&m, "w2", &rows, &n), CQ_OK);
    CHECK_INT(n, 2);
    CHECK_STR(rows[0]->column, "Q1");
    free(rows);
    cq_colmap_free(&m);
    static const struct {
        const char *text;
        const char *words;
    } bad[] = {
        {"column,name\nQ1,A1\n", "line 1: a column map needs the header wave,column,name"},
        {"wave,column,name\n,,A1\n", "line 2: both column and name are needed"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cq_status s = cq_colmap_parse(bad[i].text, strlen(bad[i].text), "m.csv", &m, &d);
        if (s == CQ_OK || !strstr(d.msg, bad[i].words))
            cq_test_fail(__FILE__, __LINE__, "bad %zu: '%s'", i, d.msg);
        cq_colmap_free(&m);
    }
}

CQ_TEST(columns_normalising)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"  Är din ARBETSBÖRDA ojämnt fördelad, så att arbetet hopar sig? ",
         "är din arbetsbörda ojämnt fördelad så att arbetet hopar sig"},
        {"Q1_1", "q1 1"},
        {"--", ""},
        {"Don't know", "don t know"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[256];
        cq_columns_norm(cases[i].in, out, sizeof out);
        CHECK_STR(out, cases[i].want);
    }
}

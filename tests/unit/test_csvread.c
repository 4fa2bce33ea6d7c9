/* test_csvread.c - record start lines under every line ending, quoted newlines, BOM. */
#include <stdlib.h>

#include "copsoq/csvread.h"
#include "copsoq/source.h"
#include "harness.h"

typedef struct {
    size_t lines[16];
    size_t fields[16];
    size_t n, cur;
} seen;

static int
on_field(void *ctx, const char *s, size_t len)
{
    (void)s;
    (void)len;
    ((seen *)ctx)->cur++;
    return 0;
}

static int
on_record(void *ctx, size_t line)
{
    seen *z = ctx;
    if (z->n < 16) {
        z->lines[z->n] = line;
        z->fields[z->n] = z->cur;
        z->n++;
    }
    z->cur = 0;
    return 0;
}

CQ_TEST(csvread_record_lines)
{
    static const struct {
        const char *name, *text;
        size_t n, lines[6], physical;
    } cases[] = {
        {"LF", "h1,h2\na,b\nc,d\n", 3, {1, 2, 3}, 3},
        {"CRLF", "h1,h2\r\na,b\r\nc,d\r\n", 3, {1, 2, 3}, 3},
        {"CR", "h1,h2\ra,b\rc,d\r", 3, {1, 2, 3}, 3},
        {"no final newline", "h1,h2\na,b\nc,d", 3, {1, 2, 3}, 3},
        {"blank lines", "h1,h2\n\na,b\n\r\n\nc,d\n", 3, {1, 3, 6}, 6},
        {"quoted LF", "h1,h2\n\"x\ny\",b\nc,d\n", 3, {1, 2, 4}, 4},
        {"quoted CRLF", "h1,h2\r\n\"x\r\ny\r\nz\",b\r\nc,d\r\n", 3, {1, 2, 5}, 5},
        {"BOM", "\xEF\xBB\xBFh1,h2\na,b\n", 2, {1, 2}, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cq_source *src = NULL;
        cq_diag d;
        CHECK_INT(cq_source_open_mem(cases[i].text, strlen(cases[i].text), "t", &src, &d), CQ_OK);
        seen z = {0};
        cq_csv_info info = {0};
        cq_status stop = CQ_OK;
        cq_status s = cq_csv_read(src, &info, on_field, on_record, &z, &stop, &d);
        cq_source_close(src, NULL);
        if (s != CQ_OK) {
            cq_test_fail(__FILE__, __LINE__, "%s: %s", cases[i].name, d.msg);
            continue;
        }
        if (z.n != cases[i].n)
            cq_test_fail(__FILE__, __LINE__, "%s: %zu records, expected %zu", cases[i].name, z.n,
                         cases[i].n);
        for (size_t k = 0; k < z.n && k < cases[i].n; k++) {
            if (z.lines[k] != cases[i].lines[k])
                cq_test_fail(__FILE__, __LINE__, "%s: record %zu at line %zu, expected %zu",
                             cases[i].name, k, z.lines[k], cases[i].lines[k]);
            if (z.fields[k] != 2)
                cq_test_fail(__FILE__, __LINE__, "%s: record %zu has %zu fields", cases[i].name, k,
                             z.fields[k]);
        }
        if (info.lines != cases[i].physical)
            cq_test_fail(__FILE__, __LINE__, "%s: %zu physical lines, expected %zu", cases[i].name,
                         info.lines, cases[i].physical);
        CHECK_INT(info.bom, i == 7);
    }
}

/* A record spanning the reader's 64 KiB blocks keeps its line and its fields. */
CQ_TEST(csvread_long_record_across_blocks)
{
    size_t big = 200000;
    char *text = malloc(big + 64);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t n = (size_t)sprintf(text, "h1,h2\na,\"");
    memset(text + n, 'x', big);
    n += big;
    n += (size_t)sprintf(text + n, "\"\nc,d\n");
    cq_source *src = NULL;
    cq_diag d;
    CHECK_INT(cq_source_open_mem(text, n, "t", &src, &d), CQ_OK);
    seen z = {0};
    cq_csv_info info = {0};
    cq_status stop = CQ_OK;
    CHECK_INT(cq_csv_read(src, &info, on_field, on_record, &z, &stop, &d), CQ_OK);
    cq_source_close(src, NULL);
    CHECK_INT(z.n, 3);
    CHECK_INT(z.lines[2], 3);
    free(text);
}

/* ------------------------------------------------ the fast path (csvread.c) */

/* Everything the reader reports, as text: each field in brackets, each
 * record's line, then the totals. */
typedef struct {
    char *log;
    size_t len, cap;
} trace;

static void
tr_put(trace *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = 2 * (t->len + n + 1);
        t->log = realloc(t->log, t->cap);
    }
    memcpy(t->log + t->len, s, n);
    t->len += n;
    t->log[t->len] = '\0';
}

static int
tr_field(void *ctx, const char *s, size_t len)
{
    tr_put(ctx, "[", 1);
    tr_put(ctx, s, len);
    tr_put(ctx, "]", 1);
    return 0;
}

static int
tr_record(void *ctx, size_t line)
{
    char b[32];
    tr_put(ctx, b, (size_t)snprintf(b, sizeof b, " @%zu\n", line));
    return 0;
}

static int
tr_row(void *ctx, const cq_field *f, size_t n, size_t line)
{
    for (size_t k = 0; k < n; k++)
        tr_field(ctx, f[k].s, f[k].len);
    return tr_record(ctx, line);
}

/* mode 0: libcsv alone; 1: fast path, fields one by one; 2: fast path, whole rows */
static char *
read_trace(const char *text, size_t len, int mode)
{
    trace t = {0};
    tr_put(&t, "", 0);
    cq_source *src = NULL;
    cq_diag d;
    if (cq_source_open_mem(text, len, "t", &src, &d) != CQ_OK)
        return NULL;
    cq_csv_info info = {0};
    cq_status stop = CQ_OK;
    cq_csv_fast_path = mode != 0;
    cq_status s =
        cq_csv_read_rows(src, &info, tr_field, tr_record, mode == 2 ? tr_row : NULL, &t, &stop, &d);
    cq_csv_fast_path = 1;
    cq_source_close(src, NULL);
    char b[400];
    tr_put(&t, b,
           (size_t)snprintf(b, sizeof b, "status %d %s; lines %zu records %zu cp1252 %zu bom %d\n",
                            (int)s, s == CQ_OK ? "" : d.msg, info.lines, info.records,
                            info.cp1252_fields, info.bom));
    return t.log;
}

/* Hand-counted: physical lines and fields of each record, whichever path
 * reads the line. */
CQ_TEST(csvread_fast_path_edge_cases)
{
    const char *text = "\xEF\xBB\xBF"
                       "id,a,b\r\n"     /* line 1 (BOM removed) */
                       "1, x ,y\r\n"    /* 2: spaces trimmed */
                       "2,\"q\nq\",z\n" /* 3-4: a quoted record among unquoted ones */
                       "3,\t,\xE9\n"    /* 5: a TAB kept; e-acute in Windows-1252 */
                       "\r\n"           /* 6: blank */
                       "   \n"          /* 7: spaces only: no record */
                       ",,\r"           /* 8: three empty fields, lone CR */
                       "4,e,f";         /* 9: last field without a newline */
    const char *want = "[id][a][b] @1\n"
                       "[1][x][y] @2\n"
                       "[2][q\nq][z] @3\n"
                       "[3][\t][\xC3\xA9] @5\n"
                       "[][][] @8\n"
                       "[4][e][f] @9\n"
                       "status 0 ; lines 9 records 6 cp1252 1 bom 1\n";
    for (int mode = 0; mode < 3; mode++) {
        char *got = read_trace(text, strlen(text), mode);
        if (!got || strcmp(got, want) != 0)
            cq_test_fail(__FILE__, __LINE__, "mode %d:\n%s\nexpected\n%s", mode,
                         got ? got : "(null)", want);
        free(got);
    }
}

/* Records that cross the reader's blocks: its first block is the 4096 bytes
 * the source looked ahead at (CQ_SOURCE_PEEK), the second the rest of the
 * source's first 64 KiB, so blocks end at bytes 4096 and 65536.  Header
 * "h1,h2,h3\n" is 9 bytes, then lines of 10 bytes "NNNNN,abc\n" (NNNNN = 0,
 * 1, ...): line L (L >= 2) starts at byte 9 + 10 (L - 2).  4096 - 9 = 10 x 408
 * + 7: line 410 (00408) starts at 4089 and ends at 4098, across the first
 * end; 65536 - 9 = 10 x 6552 + 7: line 6554 (06552) starts at 65529, across
 * the second.  Every record must still be [NNNNN][abc] on line NNNNN + 2
 * (and wherever the blocks end, so must it). */
CQ_TEST(csvread_fast_path_block_boundary)
{
    size_t rows = 7000;
    char *text = malloc(9 + 10 * rows + 1);
    char *want = malloc(32 * (rows + 2) + 128);
    CHECK(text != NULL && want != NULL);
    if (!text || !want) {
        free(text);
        free(want);
        return;
    }
    size_t n = (size_t)sprintf(text, "h1,h2,h3\n");
    size_t w = (size_t)sprintf(want, "[h1][h2][h3] @1\n");
    for (size_t r = 0; r < rows; r++) {
        n += (size_t)sprintf(text + n, "%05zu,abc\n", r);
        w += (size_t)sprintf(want + w, "[%05zu][abc] @%zu\n", r, r + 2);
    }
    sprintf(want + w, "status 0 ; lines 7001 records 7001 cp1252 0 bom 0\n");
    for (int mode = 0; mode < 3; mode++) {
        char *got = read_trace(text, n, mode);
        CHECK(got && strstr(got, "[00408][abc] @410\n") && strstr(got, "[06552][abc] @6554\n"));
        if (!got || strcmp(got, want) != 0)
            cq_test_fail(__FILE__, __LINE__, "mode %d: records differ", mode);
        free(got);
    }
    free(want);
    free(text);
}

/* The fast path and libcsv alone agree on everything they report, over
 * random text from an alphabet of the awkward bytes (quotes, both line
 * ends, spaces, TAB, delimiters, UTF-8 and Windows-1252 letters), long
 * enough to cross several blocks. */
CQ_TEST(csvread_fast_path_same_as_libcsv)
{
    static const char *const piece[] = {
        "a",  "bc",    "7",    " ",        "  ",   "\t",           ",",
        ",",  ",",     ";",    "\n",       "\n",   "\r\n",         "\r",
        "\"", "\"x\"", "\"\"", "\xC3\xB6", "\xE9", "\xE2\x82\xAC", "123,45"};
    unsigned long long seed = 12345;
    for (int round = 0; round < 6; round++) {
        size_t cap = 300000, n = 0;
        char *text = malloc(cap + 8);
        CHECK(text != NULL);
        if (!text)
            return;
        /* rounds 0-2: quotes rare (most lines take the fast path); 3-5: often */
        while (n < cap - 8) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t k = (size_t)(seed >> 33) % (sizeof piece / sizeof piece[0]);
            if (piece[k][0] == '"' && round < 3 && (seed >> 20) % 50 != 0)
                k = 0;
            if (piece[k][0] == '\xE9' && round % 3 != 2)
                k = 1; /* valid UTF-8 but in rounds 2 and 5 */
            size_t l = strlen(piece[k]);
            memcpy(text + n, piece[k], l);
            n += l;
        }
        char *slow = read_trace(text, n, 0);
        for (int mode = 1; mode < 3; mode++) {
            char *fast = read_trace(text, n, mode);
            if (!slow || !fast || strcmp(slow, fast) != 0)
                cq_test_fail(__FILE__, __LINE__, "round %d mode %d: the paths differ", round, mode);
            free(fast);
        }
        free(slow);
        free(text);
    }
}

/* The size hint: a plain buffer's length; a gzip stream's recorded size (its
 * last four bytes, little-endian: 0x00012345 = 74565 here, hand-written);
 * none when that claims more than 64 times the compressed size. */
CQ_TEST(source_size_hint)
{
    cq_source *src = NULL;
    cq_diag d;
    const char *plain = "id,a\n1,2\n";
    CHECK_INT(cq_source_open_mem(plain, strlen(plain), "t", &src, &d), CQ_OK);
    CHECK_INT(cq_source_size_hint(src), strlen(plain));
    cq_source_close(src, NULL);
    unsigned char gz[2000] = {0x1f, 0x8b, 8};
    gz[sizeof gz - 4] = 0x45;
    gz[sizeof gz - 3] = 0x23;
    gz[sizeof gz - 2] = 0x01;
    CHECK_INT(cq_source_open_mem(gz, sizeof gz, "t.gz", &src, &d), CQ_OK);
    CHECK_INT(cq_source_size_hint(src), 74565);
    cq_source_close(src, NULL);
    CHECK_INT(cq_source_open_mem(gz, 1000, "t.gz", &src, &d), CQ_OK);
    CHECK_INT(cq_source_size_hint(src), 0); /* the trailer is at 996..999: zero */
    cq_source_close(src, NULL);
    gz[999] = 0x10; /* 0x10000000 = 268435456 > 64 x 1000 */
    CHECK_INT(cq_source_open_mem(gz, 1000, "t.gz", &src, &d), CQ_OK);
    CHECK_INT(cq_source_size_hint(src), 0);
    cq_source_close(src, NULL);
}

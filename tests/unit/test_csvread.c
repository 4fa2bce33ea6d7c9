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

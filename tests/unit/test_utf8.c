/* test_utf8.c - the UTF-8 helpers and the growable string (pipeline/utf8.c).
 * Expected byte counts are worked out by hand from the encodings:
 * "å" is C3 A5 (2 bytes), "—" is E2 80 94 (3 bytes), "😀" is F0 9F 98 80. */
#include <stdlib.h>

#include "copsoq/utf8.h"
#include "harness.h"

CQ_TEST(utf8_next_reads_code_points)
{
    const char *p = "a\xC3\xA5\xE2\x80\x94\xF0\x9F\x98\x80";
    CHECK_INT(cq_utf8_next(&p), 'a');
    CHECK_INT(cq_utf8_next(&p), 0xE5);
    CHECK_INT(cq_utf8_next(&p), 0x2014);
    CHECK_INT(cq_utf8_next(&p), 0x1F600);
    CHECK(*p == '\0');
}

CQ_TEST(utf8_width_counts_characters_of_the_widest_line)
{
    CHECK_INT(cq_utf8_width("räksmörgås"), 10);
    CHECK_INT(cq_utf8_width("åå\nåäöåäö"), 6);
    CHECK_INT(cq_utf8_width("e\xCC\x81"), 1); /* e + combining acute */
    CHECK_INT(cq_utf8_width(""), 0);
}

CQ_TEST(utf8_prefix_cuts_on_a_boundary)
{
    /* "åäö" = 6 bytes: 5 bytes hold two characters (4 bytes), never 5 */
    CHECK_INT(cq_utf8_prefix("åäö", (size_t)-1, 5), 4);
    CHECK_INT(cq_utf8_prefix("åäö", (size_t)-1, 6), 6);
    CHECK_INT(cq_utf8_prefix("åäö", 2, 100), 4);
    CHECK_INT(cq_utf8_prefix("a—b", (size_t)-1, 3), 1); /* the dash needs 3 more */
    CHECK_INT(cq_utf8_prefix("a—b", (size_t)-1, 4), 4);
    CHECK_INT(cq_utf8_prefix("abc", 0, 100), 0);
}

CQ_TEST(sbuf_grows_past_any_fixed_size)
{
    cq_sbuf b = {0};
    CHECK_STR(cq_sbuf_str(&b), "");
    for (int i = 0; i < 5000; i++)
        cq_sbuf_puts(&b, "ö");
    CHECK_INT(b.len, 10000);
    CHECK(cq_utf8_valid(b.p, b.len));
    cq_sbuf_clear(&b);
    cq_sbuf_printf(&b, "%s-%d-%s", "å", 42, "ä");
    CHECK_STR(cq_sbuf_str(&b), "å-42-ä");
    /* a formatted piece longer than the first probe (256 bytes) */
    char big[1001];
    memset(big, 'x', 1000);
    big[1000] = '\0';
    cq_sbuf_printf(&b, "[%s]", big);
    CHECK_INT(b.len, strlen("å-42-ä") + 1002);
    CHECK(b.p[b.len - 1] == ']' && b.p[b.len] == '\0');
    CHECK(!b.nomem);
    cq_sbuf_free(&b);
    CHECK(b.p == NULL && b.len == 0);
    cq_sbuf_free(NULL);
}

/* test_runtime.c - the runtime modules: arena, string map, CSV cells, status
 * list, command line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/arena.h"
#include "copsoq/bigmem.h"
#include "copsoq/study.h"
#include "copsoq/cli.h"
#include "copsoq/csvwrite.h"
#include "copsoq/status.h"
#include "copsoq/strmap.h"
#include "harness.h"

CQ_TEST(arena_alignment_zeroing_and_overflow)
{
    cq_arena a;
    cq_arena_init(&a);
    for (int i = 1; i < 200; i++) {
        char *p = cq_arena_calloc(&a, (size_t)i * 37, 1);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p % _Alignof(max_align_t)) == 0);
        CHECK(p[0] == 0 && p[(size_t)i * 37 - 1] == 0);
        p[0] = 'x';
    }
    CHECK(cq_arena_calloc(&a, 1u << 20, 1) != NULL); /* larger than a block */
    CHECK(cq_arena_calloc(&a, SIZE_MAX / 2, 4) == NULL);
    CHECK_STR(cq_arena_strndup(&a, "abcdef", 3), "abc");
    cq_arena_free(&a);
    cq_arena_free(&a); /* again: a no-op */
    cq_arena_free(NULL);
}

CQ_TEST(arena_adopt_keeps_strings)
{
    cq_arena a, b;
    cq_arena_init(&a);
    cq_arena_init(&b);
    cq_arena_adopt(&a, &b); /* both empty */
    CHECK(a.head == NULL);
    char *x = cq_arena_strdup(&b, "from b");
    char *big = cq_arena_calloc(&b, 1u << 20, 1); /* a block of its own */
    CHECK(x && big);
    size_t tb = b.total;
    cq_arena_adopt(&a, &b); /* into an empty arena */
    CHECK(b.head == NULL && b.total == 0);
    CHECK_INT(a.total, tb);
    char *y = cq_arena_strdup(&b, "second");
    cq_arena_adopt(&a, &b); /* behind a's current block */
    char *z = cq_arena_strdup(&a, "a again");
    CHECK_STR(x, "from b");
    CHECK_STR(y, "second");
    CHECK_STR(z, "a again");
    cq_arena_free(&b);
    cq_arena_free(&a); /* frees all three (ASan and valgrind would see a leak) */
}

/* Sizes on both sides of CQ_BIG_MIN (mapped on huge pages above it, calloc
 * below, and calloc always under ASan): zeroed, contents kept through growing
 * and shrinking across the line, and the room regained by growing again after
 * a shrink reads as zero. */
CQ_TEST(bigmem_resize_across_the_threshold)
{
    size_t sizes[] = {100, CQ_BIG_MIN - 1, CQ_BIG_MIN, 3 * CQ_BIG_MIN + 5, CQ_BIG_MIN + 7, 50};
    unsigned char *p = cq_big_calloc(sizes[0], 1);
    CHECK(p != NULL);
    size_t have = sizes[0], bad = 0;
    for (size_t i = 0; p && i < have; i++)
        bad += p[i] != 0;
    for (size_t i = 0; p && i < have; i++)
        p[i] = (unsigned char)(i * 7 + 1);
    for (size_t k = 1; p && k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *q = cq_big_realloc(p, have, sizes[k]);
        CHECK(q != NULL);
        if (!q)
            break;
        size_t kept = have < sizes[k] ? have : sizes[k];
        for (size_t i = 0; i < kept; i++)
            bad += q[i] != (unsigned char)(i * 7 + 1);
        for (size_t i = kept; i < sizes[k]; i++)
            bad += q[i] != 0;
        for (size_t i = kept; i < sizes[k]; i++)
            q[i] = (unsigned char)(i * 7 + 1);
        p = q;
        have = sizes[k];
    }
    CHECK_INT(bad, 0);
    cq_big_free(p, have);
    /* shrink within one mapping, then grow back: the regained bytes are zero */
    p = cq_big_calloc(3 * CQ_BIG_MIN, 1);
    CHECK(p != NULL);
    if (p) {
        memset(p, 0xAB, 3 * CQ_BIG_MIN);
        p = cq_big_realloc(p, 3 * CQ_BIG_MIN, 2 * CQ_BIG_MIN + 1);
        CHECK(p != NULL);
        p = p ? cq_big_realloc(p, 2 * CQ_BIG_MIN + 1, 3 * CQ_BIG_MIN) : NULL;
        CHECK(p != NULL);
        CHECK(p && p[2 * CQ_BIG_MIN] == 0xAB && p[2 * CQ_BIG_MIN + 1] == 0 &&
              p[3 * CQ_BIG_MIN - 1] == 0);
        cq_big_free(p, 3 * CQ_BIG_MIN);
    }
    CHECK(cq_big_calloc(SIZE_MAX / 2, 4) == NULL);
    cq_big_free(NULL, 0);
}

/* Arrays handed to an arena are freed with it, also after moving to another
 * arena (ASan's leak check and valgrind see any that is not). */
CQ_TEST(arena_take_frees_with_the_arena)
{
    cq_arena a, b;
    cq_arena_init(&a);
    cq_arena_init(&b);
    char *small = cq_big_calloc(1000, 1), *big = cq_big_calloc(CQ_BIG_MIN + 1, 1);
    CHECK(small && big);
    CHECK_INT(cq_arena_take(&b, small, 1000), 0);
    CHECK_INT(cq_arena_take(&b, big, CQ_BIG_MIN + 1), 0);
    big[CQ_BIG_MIN] = 'x';
    char *t = cq_big_calloc(10, 1);
    CHECK_INT(cq_arena_take(&a, t, 10), 0);
    cq_arena_adopt(&a, &b);
    CHECK(b.taken == NULL && a.taken != NULL);
    CHECK(big[CQ_BIG_MIN] == 'x');
    cq_arena_free(&b);
    cq_arena_free(&a);
    CHECK(a.taken == NULL && a.head == NULL);
}

CQ_TEST(strmap_many_keys)
{
    cq_strmap m = {0};
    static char keys[5000][12];
    for (size_t i = 0; i < 5000; i++) {
        snprintf(keys[i], sizeof keys[i], "R%06zu", i * 7);
        CHECK(cq_strmap_put(&m, keys[i], i) == 0);
    }
    for (size_t i = 0; i < 5000; i++)
        if (cq_strmap_get(&m, keys[i]) != i)
            cq_test_fail(__FILE__, __LINE__, "key %s", keys[i]);
    CHECK(cq_strmap_get(&m, "R000001") == (size_t)-1);
    CHECK(cq_strmap_get(&m, "") == (size_t)-1);
    cq_strmap_free(&m);
    CHECK(cq_strmap_get(&m, "R000000") == (size_t)-1);
}

CQ_TEST(strmap_get_or_put)
{
    cq_strmap m = {0};
    static char keys[3000][12];
    int found = -1;
    for (size_t i = 0; i < 3000; i++) {
        snprintf(keys[i], sizeof keys[i], "%zu", i % 1000); /* each key three times */
        size_t v = cq_strmap_get_or_put(&m, keys[i], i, &found);
        if (v != i % 1000 || found != (i >= 1000))
            cq_test_fail(__FILE__, __LINE__, "key %s: %zu, found %d", keys[i], v, found);
    }
    CHECK_INT(m.len, 1000);
    CHECK_INT(cq_strmap_get(&m, "999"), 999);
    CHECK(cq_strmap_get(&m, "1000") == (size_t)-1);
    CHECK(cq_strmap_put(&m, "1000", 7) == 0);
    CHECK_INT(cq_strmap_get(&m, "1000"), 7);
    CHECK_INT(m.len, 1001);
    cq_strmap_free(&m);
}

/* A map reserved for n keys holds them without growing (at most half full:
 * 1000 keys need 2048 slots), and a new slot's key may be re-pointed at a
 * lasting copy of the same text (ingest keys by a scratch buffer). */
CQ_TEST(strmap_reserve_and_upsert)
{
    cq_strmap m = {0};
    CHECK(cq_strmap_reserve(&m, 1000) == 0);
    CHECK_INT(m.cap, 2048);
    static char keys[1000][12];
    char scratch[12];
    int found = -1;
    for (size_t i = 0; i < 1000; i++) {
        snprintf(scratch, sizeof scratch, "k%zu", i);
        cq_strmap_slot *s = cq_strmap_upsert(&m, scratch, i, &found);
        CHECK(s != NULL && !found);
        if (!s)
            break;
        memcpy(keys[i], scratch, sizeof scratch);
        s->key = keys[i];
    }
    memset(scratch, 0, sizeof scratch);
    CHECK_INT(m.cap, 2048);
    CHECK_INT(m.len, 1000);
    CHECK_INT(cq_strmap_get(&m, "k0"), 0);
    CHECK_INT(cq_strmap_get(&m, "k999"), 999);
    cq_strmap_slot *again = cq_strmap_upsert(&m, "k500", 7, &found);
    CHECK(again != NULL && found && again->val == 500);
    /* 1024 keys still fit 2048 slots; the 1025th doubles them */
    static char more[25][12];
    for (size_t i = 0; i < 25; i++) {
        snprintf(more[i], sizeof more[i], "k%zu", 1000 + i);
        CHECK(cq_strmap_put(&m, more[i], 1000 + i) == 0);
        CHECK_INT(m.cap, i < 24 ? 2048 : 4096);
    }
    CHECK_INT(cq_strmap_get(&m, "k1024"), 1024);
    CHECK_INT(cq_strmap_get(&m, "k7"), 7);
    /* values are kept in 32 bits: UINT32_MAX and more are refused, not cut */
    CHECK_INT(cq_strmap_put(&m, "big", (size_t)UINT32_MAX), -1);
    CHECK(cq_strmap_upsert(&m, "big", (size_t)UINT32_MAX + 5, &found) == NULL);
    CHECK(cq_strmap_get(&m, "big") == (size_t)-1);
    CHECK_INT(cq_strmap_put(&m, "big", (size_t)UINT32_MAX - 1), 0);
    CHECK_INT(cq_strmap_get(&m, "big"), (size_t)UINT32_MAX - 1);
    cq_strmap_free(&m);
}

CQ_TEST(wave_id_map_built_once)
{
    char *ids[] = {"b7", "a1", "c3"};
    cq_wave w;
    memset(&w, 0, sizeof w);
    w.ids = ids;
    w.n = 3;
    const cq_strmap *m = cq_wave_id_map(&w);
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK_INT(cq_strmap_get(m, "b7"), 0);
    CHECK_INT(cq_strmap_get(m, "c3"), 2);
    CHECK(cq_strmap_get(m, "a") == (size_t)-1);
    w.ids = NULL; /* a second call must not read the ids again */
    CHECK(cq_wave_id_map(&w) == m);
    cq_strmap_free(&w.id_map);
}

CQ_TEST(csv_cells_quoting_and_numbers)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(f != NULL);
    if (!f)
        return;
    cq_csv_out o = {f, 0};
    cq_csv_text(&o, "plain");
    cq_csv_text(&o, "a,b");
    cq_csv_text(&o, "say \"hi\"");
    cq_csv_text(&o, " edge");
    cq_csv_text(&o, "Söder;x");
    cq_csv_num(&o, 0.1 + 0.2, 0);
    cq_csv_num(&o, -0.0, 0);
    cq_csv_num(&o, NAN, 0);
    cq_csv_num(&o, INFINITY, 0);
    cq_csv_num(&o, 42, 1);
    cq_csv_count(&o, 1000, 0);
    cq_csv_int(&o, -1);
    cq_csv_end(&o);
    fclose(f);
    CHECK_STR(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\" edge\",\"Söder;x\",0.3,0,,,,1000,-1\n");
    free(buf);
}

CQ_TEST(status_list_exit_codes)
{
    CHECK_INT(cq_exit_code(CQ_OK), 0);
    CHECK_INT(cq_exit_code(CQ_ERR_USAGE), 2);
    for (int s = CQ_ERR_NOMEM; s < CQ_STATUS_COUNT; s++)
        CHECK_INT(cq_exit_code((cq_status)s), 1);
    CHECK_STR(cq_strerror(CQ_ERR_GZIP), "damaged or truncated gzip data");
    CHECK_STR(cq_strerror((cq_status)999), "unknown status");
}

/* argv -> status, action and settings */
CQ_TEST(cli_parse_table)
{
    static const struct {
        const char *argv[16];
        cq_status want;
        cq_action act;
        const char *words; /* in the message, for errors */
    } cases[] = {
        {{"copsoq", "--version"}, CQ_OK, CQ_ACT_VERSION, ""},
        {{"copsoq", "run", "--help"}, CQ_OK, CQ_ACT_HELP, ""},
        {{"copsoq", "run", "--instrument", "i", "--wave", "a=x", "--out", "o"},
         CQ_OK,
         CQ_ACT_RUN,
         ""},
        {{"copsoq", "check", "--instrument", "i", "--wave", "a=x"}, CQ_OK, CQ_ACT_CHECK, ""},
        {{"copsoq", "run", "--instrument", "i", "--wave", "a=x"},
         CQ_ERR_USAGE,
         CQ_ACT_RUN,
         "--out DIR is missing"},
        {{"copsoq", "run", "--instrument", "i", "--wave", "=x", "--out", "o"},
         CQ_ERR_USAGE,
         CQ_ACT_RUN,
         "both parts"},
        {{"copsoq", "run", "--instrument", "i", "--wave", "a=x", "--out", "o", "--min-group", "2x"},
         CQ_ERR_USAGE,
         CQ_ACT_RUN,
         "whole number"},
        {{"copsoq", "run", "--instrument", "i", "--wave", "a=x", "--out", "o", "extra1", "extra2"},
         CQ_ERR_USAGE,
         CQ_ACT_RUN,
         "unexpected argument"},
        {{"copsoq", "run", "/nonexistent/study.ini"}, CQ_ERR_STUDY, CQ_ACT_RUN, "cannot open"},
        {{"copsoq", "frob"}, CQ_ERR_USAGE, CQ_ACT_RUN, "unknown command"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int argc = 0;
        char *argv[16];
        while (cases[i].argv[argc]) {
            argv[argc] = (char *)cases[i].argv[argc];
            argc++;
        }
        argv[argc] = NULL;
        cq_settings s = {0};
        cq_action act = CQ_ACT_RUN;
        cq_diag d = {{0}};
        cq_status st = cq_cli_parse(argc, argv, &s, &act, &d);
        if (st != cases[i].want || (st == CQ_OK && act != cases[i].act))
            cq_test_fail(__FILE__, __LINE__, "case %zu: status %d action %d (%s)", i, st, act,
                         d.msg);
        else if (st != CQ_OK && !strstr(d.msg, cases[i].words))
            cq_test_fail(__FILE__, __LINE__, "case %zu: '%s' lacks '%s'", i, d.msg, cases[i].words);
        if (st == CQ_OK && act == CQ_ACT_RUN) {
            CHECK_STR(s.id_column, "id");
            CHECK_INT(s.min_group, 5);
            CHECK_INT(s.min_group_sensitive, 20);
            CHECK_INT(s.lang_en, 0);
            CHECK_INT(s.n_waves, 1);
        }
        cq_settings_free(&s);
    }
}

/* test_ingest.c - ingest from memory: formats, encodings, labels, quality rows, bad files. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "copsoq/csvread.h"
#include "copsoq/ingest.h"
#include "fixture.h"
#include "harness.h"

/* option index of item it for respondent r */
#define ANS(f, r, it) ((f).st.waves[0].answers[it][r])

/* Same data in many shapes: every variant must give the same answers. */
CQ_TEST(ingest_variants_same_answers)
{
    static const struct {
        const char *name;
        const char *text;
    } cases[] = {
        {"comma LF", "id,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\nr2,Y,5,,NA,0\n"},
        {"semicolon CRLF", "id;unit;A1;A2;A3;B1\r\nr1;X;1;2;3;1\r\nr2;Y;5;;NA;0\r\n"},
        {"tab CR", "id\tunit\tA1\tA2\tA3\tB1\rr1\tX\t1\t2\t3\t1\rr2\tY\t5\t\tNA\t0\r"},
        {"BOM, no final newline", "\xEF\xBB\xBFid,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\nr2,Y,5,,NA,0"},
        {"labels sv/en, odd case", "id,unit,A1,A2,A3,B1\nr1,X,ALLTID, often ,ibland,Ja\n"
                                   "r2,Y,Never,.,,NEJ\n"},
        {"shuffled columns, extra column",
         "B1,A3,note,unit,id,A2,A1\n1,3,\"a, b\",X,r1,2,1\n0,NA,,Y,r2,,5\n"},
        {"quoted fields, blank line", "\"id\",\"unit\",A1,A2,A3,B1\n\"r1\",\"X\",\"1\",2,3,1\n\n"
                                      "r2,\"Y\",5,\"\",\"NA\",0\n"},
        {"semicolon with commas in quotes", "id;unit;A1;A2;A3;B1\nr1;X;1;2;3;1\nr2;Y;5;;NA;0\n"},
        {"Don't know and spaces",
         "id,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\nr2,Y,5,6,\" don't KNOW \",0\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f;
        CHECK(fx_init(&f, 1, 1, 5) == 0);
        cq_diag d = {{0}};
        cq_status s = fx_ingest(&f, 0, cases[i].text, strlen(cases[i].text), &d);
        if (s != CQ_OK) {
            cq_test_fail(__FILE__, __LINE__, "%s: %s", cases[i].name, d.msg);
            fx_free(&f);
            continue;
        }
        cq_wave *w = &f.st.waves[0];
        int ok = w->n == 2 && ANS(f, 0, 0) == 0 && ANS(f, 0, 1) == 1 && ANS(f, 0, 2) == 2 &&
                 ANS(f, 0, 3) == 0 && ANS(f, 1, 0) == 4 && ANS(f, 1, 1) == CQ_NA &&
                 ANS(f, 1, 2) == CQ_NA && ANS(f, 1, 3) == 1 && f.st.n_quality == 0 &&
                 w->n_levels[0] == 2 && strcmp(w->levels[0][0], "X") == 0 &&
                 strcmp(w->ids[1], "r2") == 0;
        if (!ok)
            cq_test_fail(__FILE__, __LINE__, "%s: wrong data (n=%zu, quality=%zu)", cases[i].name,
                         w->n, f.st.n_quality);
        fx_free(&f);
    }
}

CQ_TEST(ingest_delimiter_detection)
{
    static const struct {
        const char *text;
        char want;
    } cases[] = {
        {"id,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\n", ','},
        {"id;unit;A1;A2;A3;B1\nr1;X;1;2;3;1\n", ';'},
        {"id\tunit\tA1\tA2\tA3\tB1\nr1\tX\t1\t2\t3\t1\n", '\t'},
        /* commas inside a quoted header name do not count */
        {"\"id,x,y,z,w,v,u\";unit;A1;A2;A3;B1;id\nq;X;1;2;3;1;r1\n", ';'},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f;
        CHECK(fx_init(&f, 1, 1, 5) == 0);
        cq_diag d = {{0}};
        cq_status s = fx_ingest(&f, 0, cases[i].text, strlen(cases[i].text), &d);
        CHECK_INT(s, CQ_OK);
        CHECK_INT(f.st.waves[0].delimiter, cases[i].want);
        fx_free(&f);
    }
}

CQ_TEST(ingest_windows1252)
{
    /* "Sällan" and the unit "Söder" in Windows-1252: ä = 0xE4, ö = 0xF6 */
    const char text[] = "id;unit;A1;A2;A3;B1\r\nr1;S\xF6"
                        "der;S\xE4llan;1;1;Ja\r\n";
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_diag d = {{0}};
    CHECK_INT(fx_ingest(&f, 0, text, strlen(text), &d), CQ_OK);
    CHECK_INT(f.st.waves[0].n, 1);
    CHECK_INT(ANS(f, 0, 0), 3);
    CHECK_STR(f.st.waves[0].levels[0][0], "Söder");
    CHECK_INT(f.st.waves[0].cp1252_fields, 2);
    CHECK_INT(f.st.n_quality, 0);
    fx_free(&f);
}

/* Physical line numbers of quality rows, with a quoted newline in between. */
CQ_TEST(ingest_quality_rows_and_lines)
{
    const char *text = "id,unit,note,A1,A2,A3,B1\n"    /* line 1 */
                       "r1,X,,1,7,3,1\n"               /* 2: A2 '7' invalid */
                       "r2,X,\"two\nlines\",1,2,3,1\n" /* 3-4 */
                       "r3,X,,x,2,3.5,Maybe\n"         /* 5: three invalid */
                       "r1,Y,,1,1,1,1\n"               /* 6: duplicate id */
                       ",Y,,1,1,1,1\n"                 /* 7: missing id */
                       "r4,Y,,1,1\n"                   /* 8: too few fields */
                       ",,,,,,\n"                      /* 9: empty record, skipped */
                       "r5,Y,,NA,.,6,\n";              /* 10: all declared missing */
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_diag d = {{0}};
    CHECK_INT(fx_ingest(&f, 0, text, strlen(text), &d), CQ_OK);
    cq_wave *w = &f.st.waves[0];
    CHECK_INT(w->n, 4);
    CHECK_INT(w->rejected_duplicate, 1);
    CHECK_INT(w->rejected_other, 2);
    CHECK_INT(w->empty_records, 1);
    CHECK_INT(w->bad_values, 4);
    CHECK_INT(w->lines, 10);
    static const struct {
        size_t line;
        const char *column, *issue, *token;
    } want[] = {
        {2, "A2", "invalid_value", "'7'"},
        {5, "A1", "invalid_value", "'x'"},
        {5, "A3", "invalid_value", "'3.5'"},
        {5, "B1", "invalid_value", "'Maybe'"},
        {6, "", "duplicate_id", "first row is kept"},
        {7, "", "missing_id", "no respondent id"},
        {8, "", "field_count", "5 fields where the header has 7"},
    };
    CHECK_INT(f.st.n_quality, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < f.st.n_quality && i < sizeof want / sizeof want[0]; i++) {
        const cq_quality *q = &f.st.quality[i];
        CHECK_INT(q->line, want[i].line);
        CHECK_STR(q->column, want[i].column);
        CHECK_STR(q->issue, want[i].issue);
        CHECK(strstr(q->detail, want[i].token) != NULL);
        CHECK(strstr(q->detail, "r1") == NULL); /* never an id */
    }
    /* the invalid answers became missing, the valid ones on that row stayed */
    CHECK_INT(ANS(f, 0, 1), CQ_NA);
    CHECK_INT(ANS(f, 0, 0), 0);
    CHECK_INT(w->missing_per_item[0], 2); /* r3 'x', r5 NA */
    fx_free(&f);
}

static size_t
gzip_mem(const char *in, size_t len, unsigned char *out, size_t cap)
{
    z_stream z = {0};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = z.total_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? n : 0;
}

CQ_TEST(ingest_gzip_and_truncated_gzip)
{
    const char *text = "id,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\nr2,Y,5,,NA,0\n";
    unsigned char gz[512];
    size_t n = gzip_mem(text, strlen(text), gz, sizeof gz);
    CHECK(n > 20);
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_diag d = {{0}};
    CHECK_INT(fx_ingest(&f, 0, (const char *)gz, n, &d), CQ_OK);
    CHECK_INT(f.st.waves[0].n, 2);
    CHECK_INT(f.st.waves[0].gzip, 1);
    fx_free(&f);

    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_status s = fx_ingest(&f, 0, (const char *)gz, n - 12, &d);
    CHECK_INT(s, CQ_ERR_GZIP);
    CHECK(strstr(d.msg, "w1") != NULL);
    fx_free(&f);
}

/* Files that cannot be used: status and the words of the message. */
CQ_TEST(ingest_refusals)
{
    static const struct {
        const char *name;
        const char *text;
        size_t len; /* 0: strlen */
        cq_status want;
        const char *words;
    } cases[] = {
        {"empty", "", 0, CQ_ERR_EMPTY, "empty"},
        {"only blank lines", "\n\n\r\n", 0, CQ_ERR_EMPTY, "empty"},
        {"header only", "id,unit,A1,A2,A3,B1\n", 0, CQ_ERR_NO_DATA, "no data rows"},
        {"header and empty rows", "id,unit,A1,A2,A3,B1\n,,,,,\n", 0, CQ_ERR_NO_DATA,
         "no data rows"},
        {"missing item", "id,unit,A1,A2,B1\nr1,X,1,2,1\n", 0, CQ_ERR_HEADER, "A3"},
        {"missing id", "key,unit,A1,A2,A3,B1\nr1,X,1,2,3,1\n", 0, CQ_ERR_HEADER, "'id'"},
        {"missing group", "id,A1,A2,A3,B1\nr1,1,2,3,1\n", 0, CQ_ERR_HEADER, "'unit'"},
        {"duplicate column", "id,unit,A1,A1,A2,A3,B1\nr1,X,1,1,2,3,1\n", 0, CQ_ERR_HEADER, "twice"},
        {"NUL bytes", "id,unit\0\x01\x02,A1\n", 14, CQ_ERR_BINARY, "not a text file"},
        {"control characters", "\x01\x02\x03\x04,\x05\n\x06\x07\n", 0, CQ_ERR_BINARY,
         "control characters"},
        {"unclosed quote", "id,unit,A1,A2,A3,B1\nr1,\"X,1,2,3,1\n", 0, CQ_ERR_CSV, "never closed"},
        {"every row rejected", "id,unit,A1,A2,A3,B1\n,X,1,2,3,1\n", 0, CQ_ERR_NO_DATA,
         "none of its 1 rows"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f;
        CHECK(fx_init(&f, 1, 1, 5) == 0);
        cq_diag d = {{0}};
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        cq_status s = fx_ingest(&f, 0, cases[i].text, len, &d);
        if (s != cases[i].want)
            cq_test_fail(__FILE__, __LINE__, "%s: status %d (%s), expected %d", cases[i].name, s,
                         d.msg, cases[i].want);
        else if (!strstr(d.msg, cases[i].words) || !strstr(d.msg, "w1"))
            cq_test_fail(__FILE__, __LINE__, "%s: message '%s' lacks '%s' or the file name",
                         cases[i].name, d.msg, cases[i].words);
        fx_free(&f);
    }
}

CQ_TEST(decode_answer_table)
{
    fixture f;
    CHECK(fx_init(&f, 1, 0, 5) == 0);
    static const struct {
        size_t item;
        const char *tok;
        int valid;
        int opt; /* CQ_NA = 255 */
    } cases[] = {
        {0, "1", 1, 0},
        {0, "5", 1, 4},
        {0, "6", 1, CQ_NA},
        {0, "7", 0, CQ_NA},
        {0, "0", 0, CQ_NA},
        {0, "-1", 0, CQ_NA},
        {0, "3.5", 0, CQ_NA},
        /* a whole number with a zero fraction is that code (contract §2a: pandas
         * writes 3.0, the readstat tool 3.000000) */
        {0, "2.0", 1, 1},
        {0, "2.000000", 1, 1},
        {0, "5.00", 1, 4},
        {0, "6.0", 1, CQ_NA},
        {0, "2.", 0, CQ_NA},
        {0, ".0", 0, CQ_NA},
        {0, "2.01", 0, CQ_NA},
        {0, "02.0", 0, CQ_NA},
        {0, "7.0", 0, CQ_NA},
        {3, "0.0", 1, 1},
        {0, "", 1, CQ_NA},
        {0, "NA", 1, CQ_NA},
        {0, ".", 1, CQ_NA},
        {0, "  ", 1, CQ_NA},
        {0, "SÄLLAN", 1, 3},
        {0, "sällan", 1, 3},
        {0, "Seldom", 1, 3},
        {0, " ofta ", 1, 1},
        {0, "VET INTE", 1, CQ_NA},
        {0, "Ja", 0, CQ_NA},
        {3, "ja", 1, 0},
        {3, "0", 1, 1},
        {3, "Often", 0, CQ_NA},
        {0, "99999999999", 0, CQ_NA},
        /* only the code as the instrument writes it, and only NA (R's reading) */
        {0, "03", 0, CQ_NA},
        {0, "+3", 0, CQ_NA},
        {3, "-0", 0, CQ_NA},
        {0, "na", 0, CQ_NA},
        {0, "3\n", 1, 2},
        {0, "\r\n", 1, CQ_NA},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t opt = 0;
        int v = cq_decode_answer(f.st.ins, cases[i].item, cases[i].tok, strlen(cases[i].tok), &opt);
        if (v != cases[i].valid || opt != cases[i].opt)
            cq_test_fail(__FILE__, __LINE__, "'%s': valid %d opt %d, expected %d %d", cases[i].tok,
                         v, opt, cases[i].valid, cases[i].opt);
    }
    fx_free(&f);
}

CQ_TEST(utf8_validation_and_cp1252)
{
    CHECK(cq_utf8_valid("abc", 3));
    CHECK(cq_utf8_valid("S\xC3\xA4llan", 7));
    CHECK(!cq_utf8_valid("S\xE4llan", 6));
    CHECK(!cq_utf8_valid("\xC0\xAF", 2));     /* overlong */
    CHECK(!cq_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
    CHECK(!cq_utf8_valid("\xC3", 1));         /* cut */
    CHECK(cq_utf8_valid("\xE2\x82\xAC", 3));  /* euro */
    char out[32];
    cq_cp1252_to_utf8("\x80\xC5\xE4", 3, out, sizeof out);
    CHECK_STR(out, "\xE2\x82\xAC\xC3\x85\xC3\xA4"); /* € Å ä */
}

/* Quality rows keep their line and column whichever way the reader splits a
 * line (its fast path or libcsv).  Hand count: header "id,unit,note,A1,A2,
 * A3,B1\r\n" is 26 bytes (line 1); row k is "rKKKK,X,,1,2,3,1\r\n", 18 bytes, on
 * line k + 2, except row 50, whose quoted note holds a line break: 30 bytes
 * on lines 52-53, so row k > 50 is on line k + 3 and starts at byte
 * 26 + 18 k + 12.  Row 60 (line 63) has A1 'x'.  The reader's first block
 * ends at byte 4096 (the source's look-ahead): 4096 - 38 = 18 x 225 + 8, so
 * row 225 starts at 4088 and crosses it; it has A2 '7' (line 228).  Row 260
 * (line 263) has B1 '9'. */
CQ_TEST(ingest_quality_lines_fast_path)
{
    size_t rows = 300;
    char *text = malloc(26 + 18 * rows + 64);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t n = (size_t)sprintf(text, "id,unit,note,A1,A2,A3,B1\r\n");
    for (size_t k = 0; k < rows; k++) {
        if (k == 50)
            n += (size_t)sprintf(text + n, "r%04zu,X,\"two\r\nlines\",1,2,3,1\r\n", k);
        else
            n += (size_t)sprintf(text + n, "r%04zu,X,,%s,%s,3,%s\r\n", k, k == 60 ? "x" : "1",
                                 k == 225 ? "7" : "2", k == 260 ? "9" : "1");
    }
    CHECK_INT(n, 26 + 18 * rows + 12);
    for (int fast = 1; fast >= 0; fast--) {
        fixture f;
        CHECK(fx_init(&f, 1, 1, 5) == 0);
        cq_diag d = {{0}};
        cq_csv_fast_path = fast;
        cq_status s = fx_ingest(&f, 0, text, n, &d);
        cq_csv_fast_path = 1;
        CHECK_INT(s, CQ_OK);
        CHECK_INT(f.st.waves[0].n, rows);
        CHECK_INT(f.st.waves[0].lines, rows + 2);
        /* ingest's id map is the wave's: every kept row by its id */
        CHECK_INT(f.st.waves[0].id_mapped, 1);
        CHECK_INT(cq_strmap_get(&f.st.waves[0].id_map, "r0299"), 299);
        CHECK_INT(cq_strmap_get(&f.st.waves[0].id_map, "r0050"), 50);
        CHECK_INT(f.st.waves[0].id_map.len, rows);
        CHECK_INT(f.st.n_quality, 3);
        if (f.st.n_quality == 3) {
            CHECK_INT(f.st.quality[0].line, 63);
            CHECK_STR(f.st.quality[0].column, "A1");
            CHECK(strstr(f.st.quality[0].detail, "'x'") != NULL);
            CHECK_INT(f.st.quality[1].line, 228);
            CHECK_STR(f.st.quality[1].column, "A2");
            CHECK(strstr(f.st.quality[1].detail, "'7'") != NULL);
            CHECK_INT(f.st.quality[2].line, 263);
            CHECK_STR(f.st.quality[2].column, "B1");
            CHECK(strstr(f.st.quality[2].detail, "'9'") != NULL);
        }
        fx_free(&f);
    }
    free(text);
}

/* gzip is inflated on a thread of its own into a ring of 4 blocks of
 * 256 KiB (source.c): 3 MB of text (pseudo-random, so deflate does not
 * shrink it to nothing) come out byte for byte through small reads; the same
 * stream cut short gives every byte it holds before the error; a source
 * closed after one read (the thread waiting on a full ring) stops at once. */
CQ_TEST(source_gzip_thread)
{
    size_t len = 3u << 20;
    char *text = malloc(len);
    unsigned char *gz = malloc(len + 1024);
    char *back = malloc(len + 1);
    CHECK(text && gz && back);
    if (!text || !gz || !back) {
        free(text);
        free(gz);
        free(back);
        return;
    }
    unsigned long long seed = 7;
    for (size_t i = 0; i < len; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        text[i] = (char)('a' + (seed >> 59));
    }
    size_t n = gzip_mem(text, len, gz, len + 1024);
    CHECK(n > (1u << 20));
    for (int cut = 0; cut < 2; cut++) {
        cq_source *src = NULL;
        cq_diag d = {{0}};
        CHECK_INT(cq_source_open_mem(gz, cut ? n / 2 : n, "t.gz", &src, &d), CQ_OK);
        size_t got = 0, k;
        cq_status s = CQ_OK;
        do {
            s = cq_source_read(src, back + got, 1000 + got % 7000, &k, &d);
            got += s == CQ_OK ? k : 0;
        } while (s == CQ_OK && k > 0 && got < len);
        if (!cut) {
            CHECK_INT(s, CQ_OK);
            CHECK_INT(got, len);
            CHECK(memcmp(back, text, len) == 0);
            char hex[65];
            uint64_t size = 0;
            CHECK_INT(cq_source_digest(src, hex, &size, &d), CQ_OK);
            CHECK_INT(size, n);
            CHECK_INT(cq_source_close(src, &d), CQ_OK);
        } else {
            CHECK_INT(s, CQ_ERR_GZIP);
            CHECK(strstr(d.msg, "too early") != NULL);
            CHECK(got > len / 3 && got < len); /* what the first half holds */
            CHECK(memcmp(back, text, got) == 0);
            cq_source_close(src, NULL);
        }
    }
    cq_source *src = NULL;
    cq_diag d = {{0}};
    CHECK_INT(cq_source_open_mem(gz, n, "t.gz", &src, &d), CQ_OK);
    size_t k;
    CHECK_INT(cq_source_read(src, back, 100, &k, &d), CQ_OK);
    CHECK_INT(k, 100);
    CHECK(memcmp(back, text, 100) == 0);
    CHECK_INT(cq_source_close(src, &d), CQ_OK);
    free(text);
    free(gz);
    free(back);
}

/* The columns are sized from the reader's estimate of the file's records,
 * made from its first blocks.  Here those blocks hold long rows (a 300-byte
 * note) and the rest short ones, so the file has ten times the records the
 * estimate says: the columns must grow, moving every column's rows, and each
 * row must still read back as written (A1 = r % 5 + 1, A2 = (r / 5) % 5 + 1,
 * B1 = 1, the first option of its yes/no set,
 * unit X/Y by r % 2, id r<r>). */
CQ_TEST(ingest_more_rows_than_estimated)
{
    size_t n_long = 800, n_short = 20000, cap = 2 << 20, len = 0;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text)
        return;
    char note[301];
    memset(note, 'n', 300);
    note[300] = '\0';
    len += (size_t)snprintf(text + len, cap - len, "id,unit,A1,A2,A3,B1,note\n");
    for (size_t r = 0; r < n_long + n_short; r++)
        len +=
            (size_t)snprintf(text + len, cap - len, "r%zu,%s,%zu,%zu,,1,%s\n", r, r % 2 ? "Y" : "X",
                             r % 5 + 1, (r / 5) % 5 + 1, r < n_long ? note : "");
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_diag d = {{0}};
    cq_status s = fx_ingest(&f, 0, text, len, &d);
    CHECK_INT(s, CQ_OK);
    cq_wave *w = &f.st.waves[0];
    CHECK_INT(w->n, n_long + n_short);
    size_t wrong = 0;
    for (size_t r = 0; s == CQ_OK && r < w->n; r++) {
        char id[32];
        snprintf(id, sizeof id, "r%zu", r);
        wrong += ANS(f, r, 0) != r % 5 || ANS(f, r, 1) != (r / 5) % 5 || ANS(f, r, 2) != CQ_NA ||
                 ANS(f, r, 3) != 0 || w->group[0][r] != r % 2 || strcmp(w->ids[r], id) != 0;
    }
    CHECK_INT(wrong, 0);
    fx_free(&f);
    free(text);
}

/* The reverse: the first blocks hold short rows and the rest a few very long
 * ones (a 1 MB note each), so the estimate is far too large.  When the
 * estimate cannot be mapped (here: an address-space limit just above what the
 * test uses), the columns grow by doubling instead and the file reads in
 * full; before, the run stopped with "out of memory".  Not under
 * AddressSanitizer or ThreadSanitizer, whose shadow memory needs the address
 * space. */
CQ_TEST(ingest_estimate_too_large_to_map)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return;
#endif
#endif
    size_t n_short = 20000, n_long = 48, note = 1u << 20, cap = 64u << 20, len = 0;
    char *text = malloc(cap), *big = malloc(note + 1);
    CHECK(text && big);
    if (!text || !big) {
        free(text);
        free(big);
        return;
    }
    memset(big, 'n', note);
    big[note] = '\0';
    len += (size_t)snprintf(text + len, cap - len, "id,unit,A1,A2,A3,B1,note\n");
    for (size_t r = 0; r < n_short + n_long; r++)
        len += (size_t)snprintf(text + len, cap - len, "r%zu,X,1,2,3,1,%s\n", r,
                                r < n_short ? "" : big);
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    /* about 130k rows a 64 KiB block x 50 MB: an estimate of some 7.5M rows,
     * over 100 MB of columns; leave 48 MB of room */
    struct rlimit was, lim;
    int limited = getrlimit(RLIMIT_AS, &was) == 0;
    FILE *st = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    limited = limited && st && fscanf(st, "%lu", &pages) == 1;
    if (st)
        fclose(st);
    lim = was;
    lim.rlim_cur = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (48u << 20);
    limited = limited && setrlimit(RLIMIT_AS, &lim) == 0;
    cq_diag d = {{0}};
    cq_status s = fx_ingest(&f, 0, text, len, &d);
    if (limited)
        setrlimit(RLIMIT_AS, &was);
    CHECK(limited);
    CHECK_INT(s, CQ_OK);
    CHECK_INT(f.st.waves[0].n, n_short + n_long);
    fx_free(&f);
    free(text);
    free(big);
}

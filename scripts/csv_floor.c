/*
 * csv_floor.c - the libcsv floor for make bench (not part of copsoq).
 *
 *   build/csv_floor FILE...
 *
 * Parses each file with libcsv, as copsoq's reader does (CSV_STRICT_FINI, the
 * delimiter from the header line, spaces and TABs trimmed), in 1 MiB blocks,
 * and counts records and fields.  Nothing else: no decoding, no copies, no
 * statistics.  Its time is the least any libcsv-based reader of the same
 * bytes can take, the "floor" make bench compares copsoq with.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned long long fields, records;
} counts;

static void
on_field(void *s, size_t len, void *ctx)
{
    (void)s;
    (void)len;
    ((counts *)ctx)->fields++;
}

static void
on_record(int c, void *ctx)
{
    (void)c;
    ((counts *)ctx)->records++;
}

static int
only_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* , ; or TAB: the one that occurs most often in the first line. */
static unsigned char
delimiter_of(const char *buf, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    for (size_t i = 0; i < n && buf[i] != '\n'; i++) {
        comma += buf[i] == ',';
        semi += buf[i] == ';';
        tab += buf[i] == '\t';
    }
    return semi > comma && semi >= tab ? ';' : tab > comma ? '\t' : ',';
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: csv_floor FILE...\n");
        return 2;
    }
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    if (!buf)
        return 1;
    int status = 0;
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            perror(argv[a]);
            status = 1;
            continue;
        }
        struct csv_parser p;
        counts c = {0, 0};
        if (csv_init(&p, CSV_STRICT_FINI) != 0) {
            fclose(f);
            free(buf);
            return 1;
        }
        csv_set_space_func(&p, only_space);
        size_t got;
        int first = 1;
        while ((got = fread(buf, 1, cap, f)) > 0) {
            if (first) {
                csv_set_delim(&p, delimiter_of(buf, got));
                first = 0;
            }
            if (csv_parse(&p, buf, got, on_field, on_record, &c) != got) {
                fprintf(stderr, "%s: %s\n", argv[a], csv_strerror(csv_error(&p)));
                status = 1;
                break;
            }
        }
        csv_fini(&p, on_field, on_record, &c);
        csv_free(&p);
        fclose(f);
        printf("%s: %llu records, %llu fields\n", argv[a], c.records, c.fields);
    }
    free(buf);
    return status;
}

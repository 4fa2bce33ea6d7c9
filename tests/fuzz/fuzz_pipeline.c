/* fuzz_pipeline.c - libFuzzer target: the whole pipeline from one buffer.
 * The input holds items.csv, response_sets.csv, scales.csv and two waves,
 * split at "@@@@" lines; they are written to a private folder in /dev/shm
 * and run through every stage up to compare (cq_run_stages, as `copsoq
 * check` does, grouping column `unit`, min_group 3), then the report model
 * is built (cq_report_build: every sheet and text, without the xlsx
 * rendering).  Any status is fine; no crash, leak or out-of-bounds read.
 * Seeds: tests/data/compare (instrument and waves) and small variants. */
#include "copsoq/driver.h"
#include "copsoq/report.h"
#include "fuzz_common.h"

#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const NAMES[5] = {"items.csv", "response_sets.csv", "scales.csv", "w1.csv",
                                     "w2.csv"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64];
    static char paths[5][96];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/dev/shm/cqfuzz-%ld", (long)getpid());
        if (mkdir(dir, 0700) != 0)
            abort();
        for (int i = 0; i < 5; i++)
            snprintf(paths[i], sizeof paths[i], "%s/%s", dir, NAMES[i]);
    }
    const char *part[5];
    size_t len[5];
    fuzz_split(data, size, part, len, 5);
    for (int i = 0; i < 5; i++) {
        FILE *f = fopen(paths[i], "wb");
        if (!f)
            abort();
        fwrite(part[i], 1, len[i], f);
        fclose(f);
    }
    static char *groups[1] = {(char *)"unit"};
    cq_wave_spec specs[2] = {{(char *)"1", paths[3], 0, NULL}, {(char *)"2", paths[4], 0, NULL}};
    cq_settings set = {0};
    set.instrument_dir = dir;
    set.waves = specs;
    set.n_waves = 2;
    set.groups = groups;
    set.n_groups = 1;
    set.id_column = (char *)"id";
    set.min_group = 3;
    set.min_group_sensitive = 5;
    set.check_only = 1;
    cq_study st;
    cq_study_init(&st, &set);
    cq_diag d;
    if (cq_run_stages(&st, NULL, &d) == CQ_OK) {
        cq_report rep;
        if (cq_report_build(&st, &rep, &d) == CQ_OK)
            cq_report_free(&rep);
    }
    cq_study_free(&st);
    return 0;
}

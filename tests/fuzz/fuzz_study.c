/* fuzz_study.c - libFuzzer target: any bytes as a study file (STUDY.ini),
 * read by cq_study_file_read through a memfd.  Any status is fine; no
 * crash, leak or out-of-bounds read.  Seeds: the study files in samples/. */
#include "copsoq/cli.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_memfile(data, size, path);
    if (fd < 0)
        return 0;
    cq_settings s = {0};
    s.lang_en = -1;
    cq_diag d;
    cq_study_file_read(path, &s, &d);
    cq_settings_free(&s);
    close(fd);
    return 0;
}

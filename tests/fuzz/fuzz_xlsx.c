/* fuzz_xlsx.c - libFuzzer target: any bytes as an .xlsx workbook (zip and XML),
 * from memory.  Must never crash, leak or read out of bounds; any status is
 * fine.  Seeded (scripts/fuzz.sh) with real workbooks and with workbooks whose
 * parts are stored uncompressed, so that mutations reach the XML. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
on_field(void *ctx, const char *s, size_t len)
{
    size_t *n = ctx;
    *n += len + (s[0] == 'x');
    return 0;
}

static int
on_record(void *ctx, size_t line)
{
    size_t *n = ctx;
    *n += line & 1;
    return *n > 1000000; /* a callback that stops reading is a path too */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = 0;
    cq_read_info info = {0};
    info.sheet = size > 0 && (data[size - 1] & 1) ? "Data" : NULL;
    cq_reader_cb cb = {on_field, on_record, NULL, &n, NULL};
    cq_status stop = CQ_OK;
    cq_diag d;
    cq_xlsx_read(data, size, "fuzz.xlsx", &info, &cb, &stop, &d);
    return 0;
}

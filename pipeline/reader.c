/* reader.c - format detection and dispatch to the readers (see reader.h). */
#include "copsoq/reader.h"

#include <stdlib.h>
#include <string.h>

cq_format
cq_detect_format(const unsigned char *p, size_t n)
{
    if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
        return CQ_FMT_XLSX;
    if (n >= 4 && (memcmp(p, "$FL2", 4) == 0 || memcmp(p, "$FL3", 4) == 0))
        return CQ_FMT_SAV;
    if (n >= 11 && memcmp(p, "<stata_dta>", 11) == 0)
        return CQ_FMT_DTA;
    /* Stata 104-115: release byte, byte order 1 or 2, file type 1, unused 0 */
    if (n >= 4 && p[0] >= 104 && p[0] <= 115 && (p[1] == 1 || p[1] == 2) && p[2] == 1 && p[3] == 0)
        return CQ_FMT_DTA;
    /* SPSS portable: 200 bytes of vendor text, 256 of character table, then
     * SPSSPORT (lines may be broken every 80 characters, so search) */
    for (size_t i = 400; i + 8 <= n && i < 600; i++)
        if (memcmp(p + i, "SPSSPORT", 8) == 0)
            return CQ_FMT_POR;
    return CQ_FMT_TEXT;
}

const char *
cq_format_name(cq_format f)
{
    static const char *const names[] = {"text", "xlsx", "sav", "por", "dta"};
    return names[f];
}

cq_status
cq_read_records(cq_source *src, cq_read_info *info, const cq_reader_cb *cb, cq_status *stop,
                cq_diag *d)
{
    const unsigned char *head;
    size_t n;
    cq_status st = cq_source_peek(src, &head, &n, d);
    if (st != CQ_OK)
        return st;
    info->format = cq_source_utf16(src) ? CQ_FMT_TEXT : cq_detect_format(head, n);
    if (info->format == CQ_FMT_TEXT) {
        st = cq_csv_read_rows(src, &info->csv, cb->field, cb->record, cb->row, cb->ctx, stop, d);
        info->records = info->csv.records;
        return st;
    }
    unsigned char *data = NULL;
    size_t len = 0;
    st = cq_source_slurp(src, CQ_MAX_BINARY_BYTES, &data, &len, d);
    if (st != CQ_OK)
        return st;
    info->csv.bytes = len;
    if (info->format == CQ_FMT_XLSX)
        st = cq_xlsx_read(data, len, cq_source_name(src), info, cb, stop, d);
    else
        st = cq_stat_read(data, len, cq_source_name(src), info->format, info, cb, stop, d);
    free(data);
    return st;
}

/* fuzz_instrument.c - libFuzzer target: items.csv, response_sets.csv and
 * scales.csv from one input (parts split at "@@@@" lines), parsed and
 * checked by cq_instrument_parse.  Any status is fine; no crash, leak or
 * out-of-bounds read.  Seeds: the instruments in samples/ and tests/data. */
#include "copsoq/instrument.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[3];
    size_t len[3];
    fuzz_split(data, size, part, len, 3);
    cq_instrument *ins = NULL;
    cq_diag d;
    if (cq_instrument_parse(part[0], len[0], part[1], len[1], part[2], len[2], &ins, &d) == CQ_OK) {
        for (size_t i = 0; i < ins->n_items; i++)
            if (cq_instrument_find_item(ins, ins->items[i].id) == (size_t)-1)
                abort(); /* every item must be found by its own id */
        cq_instrument_free(ins);
    }
    return 0;
}

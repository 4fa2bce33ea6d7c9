/* fuzz_colmap.c - libFuzzer target: any bytes as a column map (contract §2a),
 * loaded and checked against a small instrument and run, then resolved for
 * each wave.  Must never crash, leak or read out of bounds; any status is
 * fine.  Seeded with the maps in samples/exports/ and tests. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/colmap.h"
#include "copsoq/instrument.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char ITEMS[] = "item,scale,response_set,reverse\nQD1,A,f5,0\nQD2,A,f5,1\nB1,B,f5,0\n";
static const char SETS[] = "response_set,code,points,label_en,label_sv\n"
                           "f5,1,100,Always,Alltid\nf5,2,0,Never,Aldrig\n";
static const char SCALES[] = "scale,domain,label_en,label_sv,higher_is\nA,D,a,a,bad\nB,D,b,b,good\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cq_instrument *ins;
    static char *groups[1] = {(char *)"forvaltning"};
    static cq_wave_spec specs[2] = {{(char *)"2016", (char *)"a", 0, NULL},
                                    {(char *)"2017", (char *)"b", 0, NULL}};
    cq_diag d;
    if (!ins && cq_instrument_parse(ITEMS, strlen(ITEMS), SETS, strlen(SETS), SCALES,
                                    strlen(SCALES), &ins, &d) != CQ_OK)
        abort();
    cq_settings set = {0};
    set.waves = specs;
    set.n_waves = 2;
    set.groups = groups;
    set.n_groups = 1;
    set.id_column = (char *)"id";
    cq_colmap m;
    if (cq_colmap_parse((const char *)data, size, "fuzz.csv", &m, &d) == CQ_OK &&
        cq_colmap_check(&m, &set, ins, &d) == CQ_OK) {
        for (size_t w = 0; w < 2; w++) {
            const cq_colmap_row **rows;
            size_t n;
            if (cq_colmap_for_wave(&m, specs[w].label, &rows, &n) == CQ_OK)
                free(rows);
        }
    }
    cq_colmap_free(&m);
    return 0;
}

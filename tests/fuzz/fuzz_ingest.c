/* fuzz_ingest.c - libFuzzer target: any bytes as a response file, from memory.
 * Must never crash, leak or read out of bounds; any status is fine. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/ingest.h"
#include "copsoq/instrument.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char ITEMS[] = "item,scale,response_set,reverse\nA1,A,f5,0\nA2,A,f5,1\nB1,B,yn,0\n";
static const char SETS[] = "response_set,code,points,label_en,label_sv\n"
                           "f5,1,100,Always,Alltid\nf5,2,50,Sometimes,Ibland\nf5,3,0,Never,Aldrig\n"
                           "f5,6,,Don't know,Vet inte\nyn,1,100,Yes,Ja\nyn,0,0,No,Nej\n";
static const char SCALES[] = "scale,domain,label_en,label_sv,higher_is\nA,D,a,a,bad\nB,D,b,b,good\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *groups[1] = {(char *)"unit"};
    static cq_wave_spec spec = {(char *)"w", (char *)"fuzz"};
    cq_settings set = {0};
    set.waves = &spec;
    set.n_waves = 1;
    set.groups = groups;
    set.n_groups = 1;
    set.id_column = (char *)"id";
    set.min_group = 5;
    cq_study st;
    cq_study_init(&st, &set);
    cq_diag d;
    if (cq_instrument_parse(ITEMS, strlen(ITEMS), SETS, strlen(SETS), SCALES, strlen(SCALES),
                            &st.ins, &d) != CQ_OK)
        abort();
    st.waves = calloc(1, sizeof *st.waves);
    st.n_waves = 1;
    cq_source *src = NULL;
    if (cq_source_open_mem(data, size, "fuzz", &src, &d) == CQ_OK) {
        cq_ingest_wave(&st, 0, src, &d);
        cq_source_close(src, &d);
    }
    cq_study_free(&st);
    return 0;
}

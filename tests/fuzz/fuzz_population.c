/* fuzz_population.c - libFuzzer target: any bytes as a --population file,
 * read by the population stage (through a memfd) against a study of two
 * small waves with the grouping column `unit`.  Any status is fine; no
 * crash, leak or out-of-bounds read.  Seeds: samples/malmo/population*.csv
 * and small files with and without a wave column. */
#include "copsoq/ingest.h"
#include "copsoq/instrument.h"
#include "copsoq/stages.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char ITEMS[] = "item,scale,response_set,reverse\nA1,A,f5,0\nA2,A,f5,1\n";
static const char SETS[] = "response_set,code,points,label_en,label_sv\n"
                           "f5,1,100,Always,Alltid\nf5,2,50,Sometimes,Ibland\nf5,3,0,Never,Aldrig\n";
static const char SCALES[] = "scale,domain,label_en,label_sv,higher_is\nA,D,a,a,bad\n";
static const char WAVE[] = "id,unit,A1,A2\nP1,U1,1,2\nP2,U1,2,3\nP3,U2,3,1\nP4,,1,1\nP5,U2,2,2\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *groups[1] = {(char *)"unit"};
    static cq_wave_spec specs[2] = {{(char *)"2016", (char *)"a", 0, NULL},
                                    {(char *)"2017", (char *)"b", 0, NULL}};
    static cq_settings set;
    static cq_study st;
    static int ready;
    cq_diag d;
    if (!ready) {
        set.waves = specs;
        set.n_waves = 2;
        set.groups = groups;
        set.n_groups = 1;
        set.id_column = (char *)"id";
        set.min_group = 3;
        cq_study_init(&st, &set);
        if (cq_instrument_parse(ITEMS, strlen(ITEMS), SETS, strlen(SETS), SCALES, strlen(SCALES),
                                &st.ins, &d) != CQ_OK)
            abort();
        st.waves = calloc(2, sizeof *st.waves);
        st.n_waves = 2;
        for (size_t w = 0; w < 2; w++) {
            cq_source *src = NULL;
            if (cq_source_open_mem(WAVE, strlen(WAVE), "wave", &src, &d) != CQ_OK ||
                cq_ingest_wave(&st, w, src, &d) != CQ_OK) {
                fprintf(stderr, "fuzz_population: set-up: %s\n", d.msg);
                abort();
            }
            cq_source_close(src, &d);
        }
        ready = 1;
    }
    char path[64];
    int fd = fuzz_memfile(data, size, path);
    if (fd < 0)
        return 0;
    set.population_path = path;
    cq_stage_population(&st, &d);
    free(st.population);
    st.population = NULL;
    st.n_population = 0;
    set.population_path = NULL;
    close(fd);
    return 0;
}

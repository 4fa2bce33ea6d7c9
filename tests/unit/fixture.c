/* fixture.c - see fixture.h. */
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

#include "copsoq/ingest.h"

const char *const FX_ITEMS = "item,scale,response_set,reverse\n"
                             "A1,A,f5,0\n"
                             "A2,A,f5,0\n"
                             "A3,A,f5,1\n"
                             "B1,B,yn,0\n";
const char *const FX_SETS = "response_set,code,points,label_en,label_sv\n"
                            "f5,1,100,Always,Alltid\n"
                            "f5,2,75,Often,Ofta\n"
                            "f5,3,50,Sometimes,Ibland\n"
                            "f5,4,25,Seldom,Sällan\n"
                            "f5,5,0,Never,Aldrig\n"
                            "f5,6,,Don't know,Vet inte\n"
                            "yn,1,100,Yes,Ja\n"
                            "yn,0,0,No,Nej\n";
const char *const FX_SCALES = "scale,domain,label_en,label_sv,higher_is,green,red\n"
                              "A,Demands,Scale A,Skala A,bad,25,60\n"
                              "B,Health,Scale B,Skala B,good,,\n";

int
fx_init(fixture *f, size_t n_waves, size_t n_groups, int min_group)
{
    static const char *const labels[3] = {"w1", "w2", "w3"};
    static const char *const groups[2] = {"unit", "role"};
    memset(f, 0, sizeof *f);
    for (size_t w = 0; w < n_waves; w++) {
        f->specs[w].label = (char *)labels[w];
        f->specs[w].path = (char *)labels[w];
    }
    for (size_t g = 0; g < n_groups; g++)
        f->group_names[g] = (char *)groups[g];
    f->settings.waves = f->specs;
    f->settings.n_waves = n_waves;
    f->settings.groups = f->group_names;
    f->settings.n_groups = n_groups;
    f->settings.id_column = (char *)"id";
    f->settings.min_group = min_group;
    f->settings.min_group_sensitive = 20;
    cq_study_init(&f->st, &f->settings);
    cq_diag d;
    if (cq_instrument_parse(FX_ITEMS, strlen(FX_ITEMS), FX_SETS, strlen(FX_SETS), FX_SCALES,
                            strlen(FX_SCALES), &f->st.ins, &d) != CQ_OK)
        return -1;
    f->st.waves = calloc(n_waves, sizeof *f->st.waves);
    f->st.n_waves = n_waves;
    return f->st.waves ? 0 : -1;
}

cq_status
fx_ingest(fixture *f, size_t w, const char *text, size_t len, cq_diag *d)
{
    cq_source *src = NULL;
    cq_status s = cq_source_open_mem(text, len, f->specs[w].label, &src, d);
    if (s != CQ_OK)
        return s;
    s = cq_ingest_wave(&f->st, w, src, d);
    cq_diag d2;
    cq_status s2 = cq_source_close(src, &d2);
    if (s == CQ_OK && s2 != CQ_OK) {
        *d = d2;
        s = s2;
    }
    return s;
}

void
fx_free(fixture *f)
{
    /* settings strings are static here: only the study is freed */
    cq_study_free(&f->st);
}

unsigned long long
fx_rng(unsigned long long *state)
{
    unsigned long long z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

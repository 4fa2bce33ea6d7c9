/*
 * gen_malmo.c - synthetic COPSOQ III survey data for the Malmö social-services story.
 *
 *   cc -std=c11 -Wall -Wextra -Werror -O2 scripts/gen_malmo.c -lgsl -lgslcblas -lm -o build/gen_malmo
 *   build/gen_malmo samples/instruments/copsoq3-se samples/malmo
 *
 * Reads the instrument (items.csv, scales.csv, response_sets.csv) so the item list has one
 * source of truth, then writes OUT_DIR/wave2016.csv, OUT_DIR/wave2017.csv (id, forvaltning,
 * sektion, yrke, one column per item) and OUT_DIR/population.csv (head counts per wave).
 * Everything here is SYNTHETIC: no Malmö scale numbers were ever published.  The story
 * (six administrations; 2016 ~1,000 answers; April 2017 831 of 1,045; meaning of work, job
 * satisfaction, influence up and role conflicts down, demands unchanged and high) is from
 * /work/shared/domain/copsoq.md.  Output is byte-reproducible: GSL mt19937, fixed seed, one
 * stream of draws in a fixed order.
 *
 * Model: for respondent i, scale s, wave w the latent level on the 0-100 scale is
 *   T = mu_s + delta_s*[w=2017] + section_effect(sec,s) + profession_effect(yrke,s) + dev_is(w)
 * with dev ~ N(0, SD_PERSON); for panel members dev(2017) = RHO*dev(2016) + sqrt(1-RHO^2)*N(0,SD).
 * An item answer is T + item offset + N(0, sigma_e) rounded to the nearest answer option's points;
 * sigma_e is chosen per scale length so that Cronbach's alpha lands near 0.8.  Then missing
 * cells, "no supervisor"/"no colleagues"/"don't know" codes, break-offs and a few labels instead
 * of codes are sprinkled in, and in 2017 two invalid answers and one duplicate id.  The
 * generator prints a self-check (means, alphas, where the deliberate problems are) on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#define SEED 20160815UL
#define MAXI 128 /* items */
#define MAXS 48  /* scales */
#define MAXR 32  /* response sets */
#define MAXO 12  /* options per set */
#define MAXF 16  /* csv fields read per line */
#define MAXP 4000
#define CELL 72

#define SD_PERSON 16.0 /* between-person sd of the latent level */
#define SD_SECTION 5.0 /* between-section sd, per scale, constant over waves */
#define SD_ITEMOFF 4.0 /* fixed item offsets within a scale */
#define RHO 0.6        /* panel: correlation of a person's deviation 2016 -> 2017 */
#define ALPHA_TARGET 0.82
#define PANEL_SHARE 0.6

enum { Y_SS, Y_FORSTE, Y_CHEF, Y_ADM, NYRKE };
static const char *const YRKE[NYRKE] = {"socialsekreterare", "1:e socialsekreterare",
                                        "sektionschef", "administratör"};

/* latent mean in 2016 and true change 2016 -> 2017, points on the 0-100 scale */
static const struct { const char *scale; double mu, delta; } STORY[] = {
    {"QD", 65, 0}, {"WP", 70, 0},  {"ED", 70, 0}, {"HE", 55, 0}, {"IN", 38, 7},
    {"PD", 62, 0}, {"CT", 48, 0},  {"MW", 66, 8}, {"PR", 45, 0}, {"RE", 50, 0},
    {"CL", 60, 0}, {"CO", 55, -8}, {"IT", 52, 0}, {"QL", 50, 3}, {"SS", 60, 3},
    {"SC", 72, 0}, {"SW", 74, 0},  {"JI", 20, 0}, {"IW", 38, 0}, {"QW", 52, 0},
    {"JS", 52, 7}, {"WF", 55, 0},  {"TE", 66, 0}, {"TM", 58, 0}, {"JU", 45, 0},
    {"GH", 55, 0}};

/* profession effects on the latent level (socialsekreterare is the baseline) */
static const struct { int yrke; const char *scale; double eff; } YEFF[] = {
    {Y_CHEF, "IN", 15},  {Y_CHEF, "PD", 8},   {Y_CHEF, "CT", 10}, {Y_CHEF, "ED", -10},
    {Y_CHEF, "CL", 5},   {Y_ADM, "ED", -25},  {Y_ADM, "HE", -10}, {Y_ADM, "CO", -10},
    {Y_ADM, "IN", -5},   {Y_FORSTE, "IN", 5}, {Y_FORSTE, "PD", 5}};

/* units: administration, section, head count April 2017, answers 2017, answers 2016 */
static const struct { const char *forv, *sek; int head17, n17, n16; } SEC[] = {
    {"Funktionsstöd", "LSS-handläggning Barn", 38, 31, 36},
    {"Funktionsstöd", "LSS-handläggning Vuxen", 47, 38, 44},
    {"Funktionsstöd", "Socialpsykiatri", 36, 28, 35},
    {"Funktionsstöd", "Funktionsstöd Stab", 6, 2, 3},
    {"Arbetsmarknad och socialtjänst", "Mottagning Vuxen", 40, 32, 39},
    {"Arbetsmarknad och socialtjänst", "Vuxen Missbruk", 53, 43, 51},
    {"Arbetsmarknad och socialtjänst", "Socialjour", 22, 18, 22},
    {"Arbetsmarknad och socialtjänst", "Enheten för hemlösa", 30, 24, 29},
    {"Arbetsmarknad och socialtjänst", "Försörjningsstöd Centrum", 49, 40, 47},
    {"Stadsområde Norr", "Barn och familj Norr", 67, 54, 64},
    {"Stadsområde Norr", "Försörjningsstöd Norr", 55, 45, 52},
    {"Stadsområde Norr", "Vuxen Norr", 34, 27, 33},
    {"Stadsområde Norr", "Mottagning Barn Norr", 20, 16, 19},
    {"Stadsområde Söder", "Barn och familj Söder", 71, 57, 67},
    {"Stadsområde Söder", "Försörjningsstöd Söder", 57, 45, 55},
    {"Stadsområde Söder", "Vuxen Söder", 36, 29, 34},
    {"Stadsområde Söder", "Familjehem Söder", 7, 2, 4},
    {"Stadsområde Öster", "Barn och familj Öster", 65, 52, 63},
    {"Stadsområde Öster", "Försörjningsstöd Öster", 59, 47, 57},
    {"Stadsområde Öster", "Vuxen Öster", 34, 27, 33},
    {"Stadsområde Öster", "Ensamkommande Öster", 28, 22, 30},
    {"Stadsområde Öster", "Utredning Öster", 24, 19, 23},
    {"Stadsområde Väster", "Barn och familj Väster", 63, 50, 61},
    {"Stadsområde Väster", "Försörjningsstöd Väster", 48, 38, 46},
    {"Stadsområde Väster", "Vuxen Väster", 31, 25, 30},
    {"Stadsområde Väster", "Mottagning Väster", 25, 20, 23}};
#define NSEC ((int)(sizeof SEC / sizeof SEC[0]))

typedef struct { int code, has_pts; double pts; char en[64], sv[64]; } Opt;
typedef struct { char id[32]; int n; Opt o[MAXO]; } RSet;
typedef struct { char id[32]; int scale, rset; double off; } Item;
typedef struct { char id[16]; int nit, it[16]; double mu, delta, sig_e; } Scale;
typedef struct { int sec[2], yrke[2], in[2]; double dev[2][MAXS]; } Person;
typedef struct {
    int person, sec, yrke, blank_yrke, clean, dup;
    double pts[MAXI]; /* NAN = no points (missing, code 6, invalid) */
    char cell[MAXI][CELL];
} Row;

static Item items[MAXI];
static Scale scales[MAXS];
static RSet rsets[MAXR];
static int nitems, nscales, nrsets;
static double sec_eff[NSEC][MAXS];
static Person people[MAXP];
static int npeople;
static gsl_rng *rng;

/* ---------- minimal CSV reading: quoted fields, "" escapes, no embedded newlines ---------- */

static int split_csv(char *s, char **f, int maxf)
{
    int n = 0;
    s[strcspn(s, "\r\n")] = '\0';
    for (;;) {
        char *w = s;
        if (n == maxf) return n;
        f[n++] = s;
        if (*s == '"') {
            for (++s; *s; ++s) {
                if (*s == '"' && s[1] == '"') *w++ = '"', ++s;
                else if (*s == '"') { ++s; break; }
                else *w++ = *s;
            }
        } else {
            while (*s && *s != ',') *w++ = *s++;
        }
        if (*s != ',') { *w = '\0'; return n; }
        ++s;
        *w = '\0';
    }
}

typedef struct { FILE *fp; char *line; size_t cap; char *f[MAXF]; int nf, idx[8]; } Reader;

static void rd_open(Reader *r, const char *dir, const char *file, const char *const *cols, int nc)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    memset(r, 0, sizeof *r);
    if (!(r->fp = fopen(path, "r")) || getline(&r->line, &r->cap, r->fp) < 0) {
        fprintf(stderr, "gen_malmo: cannot read %s\n", path);
        exit(1);
    }
    char *h = r->line;
    if ((unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB) h += 3; /* BOM */
    r->nf = split_csv(h, r->f, MAXF);
    for (int k = 0; k < nc; k++) {
        r->idx[k] = -1;
        for (int j = 0; j < r->nf; j++)
            if (!strcmp(r->f[j], cols[k])) r->idx[k] = j;
        if (r->idx[k] < 0) {
            fprintf(stderr, "gen_malmo: %s has no column %s\n", path, cols[k]);
            exit(1);
        }
    }
}

static int rd_next(Reader *r)
{
    while (getline(&r->line, &r->cap, r->fp) >= 0) {
        r->nf = split_csv(r->line, r->f, MAXF);
        if (r->nf > 1 || r->f[0][0]) return 1;
    }
    fclose(r->fp);
    free(r->line);
    return 0;
}

static const char *rd_get(const Reader *r, int k) { return r->idx[k] < r->nf ? r->f[r->idx[k]] : ""; }

static void copy(char *dst, size_t n, const char *src) { snprintf(dst, n, "%s", src); }

static int find_scale(const char *id)
{
    for (int s = 0; s < nscales; s++)
        if (!strcmp(scales[s].id, id)) return s;
    return -1;
}

static void load_instrument(const char *dir)
{
    static const char *const rc[] = {"response_set", "code", "points", "label_en", "label_sv"};
    static const char *const sc[] = {"scale"};
    static const char *const ic[] = {"item", "scale", "response_set"};
    Reader r;
    rd_open(&r, dir, "response_sets.csv", rc, 5);
    while (rd_next(&r)) {
        int k;
        for (k = 0; k < nrsets && strcmp(rsets[k].id, rd_get(&r, 0)); k++) {}
        if (k == nrsets) {
            if (nrsets == MAXR) { fprintf(stderr, "gen_malmo: too many response sets\n"); exit(1); }
            copy(rsets[nrsets++].id, sizeof rsets[k].id, rd_get(&r, 0));
        }
        if (rsets[k].n == MAXO) { fprintf(stderr, "gen_malmo: too many options\n"); exit(1); }
        Opt *o = &rsets[k].o[rsets[k].n++];
        o->code = atoi(rd_get(&r, 1));
        o->has_pts = rd_get(&r, 2)[0] != '\0';
        o->pts = o->has_pts ? atof(rd_get(&r, 2)) : NAN;
        copy(o->en, sizeof o->en, rd_get(&r, 3));
        copy(o->sv, sizeof o->sv, rd_get(&r, 4));
    }
    rd_open(&r, dir, "scales.csv", sc, 1);
    while (rd_next(&r) && nscales < MAXS) {
        Scale *s = &scales[nscales++];
        copy(s->id, sizeof s->id, rd_get(&r, 0));
        s->mu = 50; /* a scale the story does not mention */
        for (size_t j = 0; j < sizeof STORY / sizeof STORY[0]; j++)
            if (!strcmp(STORY[j].scale, s->id)) s->mu = STORY[j].mu, s->delta = STORY[j].delta;
    }
    rd_open(&r, dir, "items.csv", ic, 3);
    while (rd_next(&r) && nitems < MAXI) {
        Item *it = &items[nitems];
        copy(it->id, sizeof it->id, rd_get(&r, 0));
        it->scale = find_scale(rd_get(&r, 1));
        for (it->rset = 0; it->rset < nrsets && strcmp(rsets[it->rset].id, rd_get(&r, 2)); it->rset++) {}
        if (it->scale < 0 || it->rset == nrsets || scales[it->scale].nit == 16) {
            fprintf(stderr, "gen_malmo: item %s: unknown scale or response set\n", it->id);
            exit(1);
        }
        scales[it->scale].it[scales[it->scale].nit++] = nitems++;
    }
    /* item error sd so that alpha ~ ALPHA_TARGET after adding the rounding error (step 25: 25^2/12) */
    double var_t = SD_PERSON * SD_PERSON + SD_SECTION * SD_SECTION;
    for (int s = 0; s < nscales; s++) {
        int k = scales[s].nit > 1 ? scales[s].nit : 2;
        double rel = ALPHA_TARGET / (k - (k - 1) * ALPHA_TARGET); /* inter-item correlation */
        double v = var_t * (1 / rel - 1) - 625.0 / 12;
        scales[s].sig_e = sqrt(v > 16 ? v : 16);
    }
}

/* ---------- simulation ---------- */

static int draw_yrke(const double p[NYRKE])
{
    double u = gsl_rng_uniform(rng), c = 0;
    for (int y = 0; y < NYRKE; y++)
        if (u < (c += p[y])) return y;
    return Y_SS;
}

static double yrke_eff(int y, int s)
{
    double e = 0;
    for (size_t j = 0; j < sizeof YEFF / sizeof YEFF[0]; j++)
        if (YEFF[j].yrke == y && !strcmp(YEFF[j].scale, scales[s].id)) e += YEFF[j].eff;
    return e;
}

static int is_small(int sec) { return SEC[sec].n16 < 5 || SEC[sec].n17 < 5; }

/* option of the response set whose points are nearest to x */
static const Opt *nearest(const RSet *rs, double x)
{
    const Opt *best = NULL;
    for (int k = 0; k < rs->n; k++)
        if (rs->o[k].has_pts && (!best || fabs(rs->o[k].pts - x) < fabs(best->pts - x))) best = &rs->o[k];
    return best;
}

static const Opt *points_less(const RSet *rs)
{
    for (int k = 0; k < rs->n; k++)
        if (!rs->o[k].has_pts) return &rs->o[k];
    return NULL;
}

/* a label instead of the code: either language, sometimes lower case or padded with spaces */
static void as_label(char *out, const Opt *o)
{
    char buf[64];
    copy(buf, sizeof buf, gsl_rng_uniform(rng) < 0.5 ? o->sv : o->en);
    int v = (int)gsl_rng_uniform_int(rng, 3);
    if (v == 1) buf[0] = (char)tolower((unsigned char)buf[0]);
    snprintf(out, CELL, v == 2 ? " %s " : "%s", buf);
}

static void make_row(Row *row, int p, int w, int clean)
{
    Person *pe = &people[p];
    memset(row, 0, sizeof *row);
    row->person = p, row->sec = pe->sec[w], row->yrke = pe->yrke[w], row->clean = clean;
    row->blank_yrke = !clean && gsl_rng_uniform(rng) < 0.03;
    int nosup = !clean && gsl_rng_uniform(rng) < 0.015;
    int nocol = !clean && gsl_rng_uniform(rng) < 0.005;
    int stop = nitems; /* break-off: the rest of the questionnaire left empty */
    if (!clean && gsl_rng_uniform(rng) < 0.01)
        stop = nitems / 2 + (int)gsl_rng_uniform_int(rng, (unsigned long)(nitems - nitems / 2));
    for (int i = 0; i < nitems; i++) {
        const Item *it = &items[i];
        const Scale *sc = &scales[it->scale];
        const RSet *rs = &rsets[it->rset];
        const Opt *pl = points_less(rs);
        double t = sc->mu + (w ? sc->delta : 0) + sec_eff[row->sec][it->scale] +
                   yrke_eff(row->yrke, it->scale) + pe->dev[w][it->scale];
        const Opt *o = nearest(rs, t + it->off + gsl_ran_gaussian(rng, sc->sig_e));
        double u = gsl_rng_uniform(rng);
        row->pts[i] = NAN;
        if (clean || (i < stop && u >= 0.015)) {
            int special = pl && ((nosup && strstr(rs->id, "nosup")) || (nocol && strstr(rs->id, "nocol")) ||
                                 (strstr(rs->id, "_dk") && !clean && gsl_rng_uniform(rng) < 0.04));
            if (special) {
                snprintf(row->cell[i], CELL, "%d", pl->code);
            } else {
                row->pts[i] = o->pts;
                if (!clean && gsl_rng_uniform(rng) < 0.0005) as_label(row->cell[i], o);
                else snprintf(row->cell[i], CELL, "%d", o->code);
            }
        } else if (u < 0.015 * (w ? 0.01 : 0.02)) {
            copy(row->cell[i], CELL, w ? "." : "NA"); /* the other spellings of "missing" */
        }
    }
}

/* ---------- output ---------- */

static void put_field(FILE *f, const char *s, int last)
{
    if (strpbrk(s, ",\"\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"') fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "gen_malmo: cannot write %s\n", path); exit(1); }
    return f;
}

static void write_wave(const char *dir, const char *name, const Row *rows, int n)
{
    FILE *f = open_out(dir, name);
    char id[16];
    fputs("id,forvaltning,sektion,yrke", f);
    for (int i = 0; i < nitems; i++) fprintf(f, ",%s", items[i].id);
    fputc('\n', f);
    for (int r = 0; r < n; r++) {
        snprintf(id, sizeof id, "M%05d", rows[r].person + 1);
        put_field(f, id, 0);
        put_field(f, SEC[rows[r].sec].forv, 0);
        put_field(f, SEC[rows[r].sec].sek, 0);
        put_field(f, rows[r].blank_yrke ? "" : YRKE[rows[r].yrke], 0);
        for (int i = 0; i < nitems; i++) put_field(f, rows[r].cell[i], i == nitems - 1);
    }
    if (fclose(f)) { fprintf(stderr, "gen_malmo: write error on %s\n", name); exit(1); }
}

/* self-check on stderr: whole-sample mean of scale scores and Cronbach's alpha */
static void self_check(const char *wave, const Row *rows, int n)
{
    fprintf(stderr, "%s  scale k   n_score    mean    n_complete alpha\n", wave);
    for (int s = 0; s < nscales; s++) {
        const Scale *sc = &scales[s];
        int k = sc->nit, ns = 0, nc = 0;
        double sum = 0, si[16] = {0}, sii[16] = {0}, st = 0, stt = 0;
        for (int r = 0; r < n; r++) {
            if (rows[r].dup) continue;
            double tot = 0;
            int ans = 0;
            for (int j = 0; j < k; j++) {
                double p = rows[r].pts[sc->it[j]];
                if (!isnan(p)) ans++, tot += p;
            }
            if (ans && 2 * ans >= k) ns++, sum += tot / ans;
            if (ans == k) {
                nc++, st += tot, stt += tot * tot;
                for (int j = 0; j < k; j++) si[j] += rows[r].pts[sc->it[j]], sii[j] += pow(rows[r].pts[sc->it[j]], 2);
            }
        }
        double alpha = NAN;
        if (k > 1 && nc > 1) {
            double vi = 0, vt = (stt - st * st / nc) / (nc - 1);
            for (int j = 0; j < k; j++) vi += (sii[j] - si[j] * si[j] / nc) / (nc - 1);
            alpha = k / (k - 1.0) * (1 - vi / vt);
        }
        fprintf(stderr, "%s  %-5s %d %9d %7.2f %13d %6.3f\n", wave, sc->id, k, ns, sum / ns, nc, alpha);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_malmo INSTRUMENT_DIR OUT_DIR\n");
        return 2;
    }
    load_instrument(argv[1]);
    rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    for (int i = 0; i < nitems; i++) items[i].off = gsl_ran_gaussian(rng, SD_ITEMOFF);
    for (int c = 0; c < NSEC; c++)
        for (int s = 0; s < nscales; s++) sec_eff[c][s] = gsl_ran_gaussian(rng, SD_SECTION);
    for (int s = 0; s < nscales; s++) { /* centre offsets and effects: the scale keeps its mean */
        double mi = 0, mc = 0;
        for (int j = 0; j < scales[s].nit; j++) mi += items[scales[s].it[j]].off / scales[s].nit;
        for (int j = 0; j < scales[s].nit; j++) items[scales[s].it[j]].off -= mi;
        for (int c = 0; c < NSEC; c++) mc += sec_eff[c][s] / NSEC;
        for (int c = 0; c < NSEC; c++) sec_eff[c][s] -= mc;
    }

    /* 2016: every respondent gets a person; ids M00001.. follow a shuffled order */
    static const double P16[NYRKE] = {0.83, 0.13, 0.04, 0.0};
    static const double P17NEW[NYRKE] = {0.66, 0.07, 0.09, 0.18}; /* admin support hired */
    static const double PNONRESP[NYRKE] = {0.74, 0.10, 0.06, 0.10};
    static int perm[MAXP], secpool[NSEC][128], poolpos[NSEC], poolsize[NSEC], clean16[MAXP];
    int n16 = 0;
    for (int c = 0; c < NSEC; c++)
        for (int k = 0; k < SEC[c].n16; k++) perm[n16++] = c;
    gsl_ran_shuffle(rng, perm, (size_t)n16, sizeof perm[0]);
    for (int p = 0; p < n16; p++) {
        Person *pe = &people[p];
        pe->in[0] = 1, pe->sec[0] = perm[p], pe->yrke[0] = draw_yrke(P16);
        for (int s = 0; s < nscales; s++) pe->dev[0][s] = gsl_ran_gaussian(rng, SD_PERSON);
        secpool[perm[p]][poolsize[perm[p]]++] = p;
        clean16[p] = is_small(perm[p]);
    }
    npeople = n16;
    for (int k = 0; k < 4;) { /* exactly four administrators answered in 2016 */
        int p = (int)gsl_rng_uniform_int(rng, (unsigned long)n16);
        if (clean16[p]) continue;
        people[p].yrke[0] = Y_ADM, clean16[p] = 1, k++;
    }
    for (int c = 0; c < NSEC; c++) gsl_ran_shuffle(rng, secpool[c], (size_t)poolsize[c], sizeof(int));

    /* 2017: PANEL_SHARE of each section's answers come from 2016 respondents, a few of them
       from another section (movers); the rest are newcomers with new ids */
    int newcomers[MAXP], nnew = 0, movers = 0;
    for (int c = 0; c < NSEC; c++) {
        int np = (int)lround(PANEL_SHARE * SEC[c].n17);
        for (int k = 0; k < SEC[c].n17; k++) {
            int p = -1, from = c;
            if (k < np) {
                if (!is_small(c) && gsl_rng_uniform(rng) < 0.03) {
                    int o = (int)gsl_rng_uniform_int(rng, NSEC);
                    if (!is_small(o) && o != c && poolpos[o] < poolsize[o] - 20) from = o, movers++;
                }
                if (poolpos[from] >= poolsize[from]) { fprintf(stderr, "gen_malmo: section pool exhausted\n"); return 1; }
                p = secpool[from][poolpos[from]++];
                Person *pe = &people[p];
                pe->yrke[1] = pe->yrke[0];
                if (pe->yrke[1] == Y_SS && gsl_rng_uniform(rng) < 0.05) pe->yrke[1] = Y_FORSTE;
                for (int s = 0; s < nscales; s++)
                    pe->dev[1][s] = RHO * pe->dev[0][s] + sqrt(1 - RHO * RHO) * gsl_ran_gaussian(rng, SD_PERSON);
            } else {
                p = npeople++;
                newcomers[nnew++] = p;
                people[p].yrke[1] = draw_yrke(P17NEW);
                for (int s = 0; s < nscales; s++) people[p].dev[1][s] = gsl_ran_gaussian(rng, SD_PERSON);
            }
            people[p].in[1] = 1, people[p].sec[1] = c;
        }
    }
    /* newcomers' ids: a shuffled block after the 2016 ids (swap person records) */
    int ord[MAXP];
    for (int k = 0; k < nnew; k++) ord[k] = k;
    gsl_ran_shuffle(rng, ord, (size_t)nnew, sizeof ord[0]);
    static Person tmp[MAXP];
    for (int k = 0; k < nnew; k++) tmp[n16 + k] = people[newcomers[ord[k]]];
    memcpy(&people[n16], &tmp[n16], (size_t)nnew * sizeof(Person));

    /* rows of both waves, in id order */
    Row *rows[2];
    int nrow[2] = {0, 0};
    for (int w = 0; w < 2; w++) {
        rows[w] = calloc((size_t)npeople + 2, sizeof(Row));
        if (!rows[w]) return 1;
        for (int p = 0; p < npeople; p++)
            if (people[p].in[w]) {
                int clean = is_small(people[p].sec[w]) || (w == 0 && clean16[p]);
                make_row(&rows[w][nrow[w]++], p, w, clean);
            }
    }

    /* 2016: one respondent who opened the survey and answered nothing */
    Row *blank = &rows[0][137];
    while (blank->clean) blank++;
    for (int i = 0; i < nitems; i++) blank->cell[i][0] = '\0', blank->pts[i] = NAN;
    fprintf(stderr, "2016 line %d id M%05d: all item cells empty\n", (int)(blank - rows[0]) + 2, blank->person + 1);

    /* 2017: two invalid answers and one duplicate id (a second submission), documented in README */
    Row *r17 = rows[1];
    int q1 = 99, q2 = 399, d = 249, at = 700;
    while (r17[q1].clean) q1++;
    while (r17[q2].clean) q2++;
    while (r17[d].clean || d == q1 || d == q2) d++;
    int iQD2 = -1, iJS4 = -1;
    for (int i = 0; i < nitems; i++) {
        if (!strcmp(items[i].id, "QD2")) iQD2 = i;
        if (!strcmp(items[i].id, "JS4")) iJS4 = i;
    }
    if (iQD2 < 0 || iJS4 < 0) { fprintf(stderr, "gen_malmo: instrument lacks QD2 or JS4\n"); return 1; }
    copy(r17[q1].cell[iQD2], CELL, "7"), r17[q1].pts[iQD2] = NAN;
    copy(r17[q2].cell[iJS4], CELL, "Ganska nöjd"), r17[q2].pts[iJS4] = NAN;
    memmove(&r17[at + 1], &r17[at], (size_t)(nrow[1] - at) * sizeof(Row));
    make_row(&r17[at], r17[d].person, 1, 0);
    r17[at].dup = 1, nrow[1]++;
    fprintf(stderr, "2017 line %d id M%05d: QD2 = '7' (not a code of freq5)\n", q1 + 2, r17[q1].person + 1);
    fprintf(stderr, "2017 line %d id M%05d: JS4 = 'Ganska nöjd' (not a label of sat5)\n", q2 + 2, r17[q2].person + 1);
    fprintf(stderr, "2017 line %d id M%05d: duplicate of line %d\n", at + 2, r17[at].person + 1, d + 2);

    write_wave(argv[2], "wave2016.csv", rows[0], nrow[0]);
    write_wave(argv[2], "wave2017.csv", rows[1], nrow[1]);

    /* population.csv, per wave.  2016: head counts set by hand (no HR data for 2016 in the
       story), each above that wave's respondents in its group.  2017: April 2017 head counts;
       a respondent's profession comes from HR even when the answer left yrke empty;
       non-respondents get a profession drawn from PNONRESP. */
    static const char *const head16[] = {
        "all,all,1060",
        "forvaltning,Funktionsstöd,126",
        "forvaltning,Arbetsmarknad och socialtjänst,199",
        "forvaltning,Stadsområde Norr,178",
        "forvaltning,Stadsområde Söder,171",
        "forvaltning,Stadsområde Öster,216",
        "forvaltning,Stadsområde Väster,170",
        "yrke,socialsekreterare,864",
        "yrke,1:e socialsekreterare,147",
        "yrke,sektionschef,40",
        "yrke,administratör,9",
    };
    int head_y[NYRKE] = {0}, total = 0;
    FILE *f = open_out(argv[2], "population.csv");
    fputs("wave,breakdown,group,headcount\n", f);
    for (size_t i = 0; i < sizeof head16 / sizeof head16[0]; i++)
        fprintf(f, "2016,%s\n", head16[i]);
    for (int r = 0; r < nrow[1]; r++)
        if (!r17[r].dup) head_y[r17[r].yrke]++;
    for (int c = 0; c < NSEC; c++) {
        total += SEC[c].head17;
        for (int k = SEC[c].n17; k < SEC[c].head17; k++) head_y[draw_yrke(PNONRESP)]++;
    }
    fprintf(f, "2017,all,all,%d\n", total);
    for (int c = 0; c < NSEC; c++) {
        if (c && !strcmp(SEC[c].forv, SEC[c - 1].forv)) continue;
        int h = 0;
        for (int e = c; e < NSEC && !strcmp(SEC[e].forv, SEC[c].forv); e++) h += SEC[e].head17;
        fprintf(f, "2017,forvaltning,%s,%d\n", SEC[c].forv, h);
    }
    for (int y = 0; y < NYRKE; y++) fprintf(f, "2017,yrke,%s,%d\n", YRKE[y], head_y[y]);
    if (fclose(f)) return 1;

    int panel = 0;
    for (int p = 0; p < npeople; p++) panel += people[p].in[0] && people[p].in[1];
    fprintf(stderr, "respondents 2016 %d, 2017 %d (+1 duplicate row), panel %d (%.1f %% of 2017), movers %d, head count %d\n",
            nrow[0], nrow[1] - 1, panel, 100.0 * panel / (nrow[1] - 1), movers, total);
    self_check("2016", rows[0], nrow[0]);
    self_check("2017", rows[1], nrow[1]);
    free(rows[0]);
    free(rows[1]);
    gsl_rng_free(rng);
    return 0;
}

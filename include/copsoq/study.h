/*
 * study.h - the settings of one run and everything the stages produce.
 *
 * Data flow (see pipeline/README.md):
 *   settings -> instrument -> ingest (cq_wave: answers, groups) -> score (scores)
 *   -> summarise (cq_summary) -> reliability -> compare -> write CSV -> report
 * Each stage reads what earlier stages left in cq_study and adds its own part.
 *
 * Memory: the settings own their strings (cq_settings_free).  A cq_wave owns
 * its arrays through wave->arena.  Result tables are malloc'd arrays owned by
 * the study; group names in result rows point into study->arena.  All of it
 * is released by cq_study_free().
 *
 * Undefined statistics (an sd of one value, a t of zero variance, a suppressed
 * cell) are stored as NaN in result rows; writers print NaN as an empty cell
 * and never as "nan".  Input to statistics never contains NaN: the present
 * values are gathered first.
 */
#ifndef COPSOQ_STUDY_H
#define COPSOQ_STUDY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "copsoq/arena.h"
#include "copsoq/instrument.h"
#include "copsoq/status.h"
#include "copsoq/strmap.h"

#define CQ_MISSING_GROUP               "(missing)"
#define CQ_DEFAULT_MIN_GROUP           5
#define CQ_DEFAULT_MIN_GROUP_SENSITIVE 20
#define CQ_MAX_HEADER_ROWS             10
#define CQ_MIN_MIN_GROUP               3 /* below: wrong usage (contract §7) */
#define CQ_WARN_MIN_GROUP              5 /* below: a warning and a note in the report */

typedef struct {
    char *label;     /* wave label, e.g. "2016" */
    char *path;      /* response file */
    int header_rows; /* header lines to merge; 0: the global setting */
    char *sheet;     /* worksheet of an .xlsx; NULL: the global setting */
} cq_wave_spec;

typedef struct {
    char *instrument_dir;
    cq_wave_spec *waves;
    size_t n_waves;
    char *id_column;    /* default "id" */
    int id_explicit;    /* the id column was named (--id, id = in a study file) */
    char *columns_path; /* --columns FILE: the column map (contract §2a), or NULL */
    int header_rows;    /* --header-rows N; 0: detected (Qualtrics, SurveyMonkey) or 1 */
    char *sheet;        /* --sheet NAME; NULL: the first worksheet */
    char **groups;      /* grouping columns (breakdowns), in command-line order */
    size_t n_groups;
    int min_group;           /* default 5 */
    int min_group_sensitive; /* default 20, for scales with sensitive=1 */
    int lang_en;             /* 0: Swedish report (default), 1: English */
    char *out_dir;
    char *population_path; /* optional --population FILE */
    char *reference_path;  /* optional --reference FILE (reference values) */
    char **label_keys;     /* study file [labels]: grouping column -> its name for readers */
    char **label_values;
    size_t n_labels;
    char *study_path; /* the STUDY.ini the settings came from, if any */
    int check_only;   /* `copsoq check`: validate, write nothing */
    char *stop_after; /* --stop-after STAGE: debugging, writes nothing */
    int verbose;
} cq_settings;

void cq_settings_free(cq_settings *s);

/* The scores of one scale in one wave, kept compactly: a scale score takes
 * few distinct values (means of a few items' points), so respondent r's
 * score is value[code[r]].  Code 0 is "no score" (value[0] is NaN); codes
 * 1 .. n_values - 1 are the distinct scores in ascending order, so counting
 * codes sorts scores.  A scale of at most CQ_CODE8_VALUES values (every
 * COPSOQ scale: a few dozen) keeps its codes in one byte a respondent
 * (code8), others in four (code); exactly one of the two is set. */
#define CQ_CODE8_VALUES 256
typedef struct {
    uint8_t *code8; /* [n] when n_values <= CQ_CODE8_VALUES, else NULL */
    uint32_t *code; /* [n] when n_values > CQ_CODE8_VALUES, else NULL */
    double *value;  /* [n_values] */
    size_t n_values;
} cq_scores;

/* Respondent r's code. */
static inline uint32_t
cq_score_code(const cq_scores *s, size_t r)
{
    return s->code8 ? s->code8[r] : s->code[r];
}

/* Respondent r's score (NaN: no score). */
static inline double
cq_score(const cq_scores *s, size_t r)
{
    return s->value[cq_score_code(s, r)];
}

/* One survey wave after ingest and scoring.  Respondent r of the wave is row r
 * in every column.  Levels of each grouping column are sorted by bytes. */
typedef struct {
    cq_arena arena;    /* owns everything below */
    const char *label; /* borrowed from the settings */
    const char *path;
    /* provenance */
    char sha256[65];
    uint64_t bytes; /* raw file size */
    int gzip;
    const char *format;                    /* "text", "xlsx", "sav", "por", "dta" */
    const char *sheet;                     /* xlsx: the worksheet read (arena), else NULL */
    int utf16;                             /* 1/2: UTF-16 LE/BE transcoded */
    size_t header_lines;                   /* header records merged or skipped (contract §2a) */
    size_t n_renames;                      /* columns the map renamed: from (file) -> to (name) */
    const char **rename_from, **rename_to; /* [n_renames], arena */
    size_t ids_in_previous;                /* ids also in the previous wave */
    char delimiter;
    int bom;
    size_t cp1252_fields; /* fields transcoded from Windows-1252 */
    /* counts */
    size_t lines;   /* physical lines, header included */
    size_t records; /* data records seen (not blank lines) */
    size_t n;       /* accepted respondents */
    size_t rejected_duplicate;
    size_t rejected_other;    /* missing id, wrong number of fields */
    size_t empty_records;     /* records with every field empty: skipped */
    size_t bad_values;        /* answers set to missing and listed in quality.csv */
    size_t *missing_per_item; /* [n_items]: answers missing for scoring among accepted rows
                                 (blank, declared missing, invalid, or an option without
                                 points) */
    size_t **answer_count;    /* [n_items][n_options of its set + 1]: accepted rows choosing
                                 each option, options without points included; the last
                                 counts rows without an answer (blank, declared missing,
                                 invalid) */
    /* data */
    char **ids;        /* [n] respondent ids: never written to any output */
    uint8_t **answers; /* [n_items][n] option index, or CQ_NA */
    uint32_t **group;  /* [n_groups][n] level index */
    char ***levels;    /* [n_groups][n_levels[g]] level names (UTF-8) */
    size_t *n_levels;  /* [n_groups] */
    cq_scores *scores; /* [n_scales] scale scores */
    cq_strmap id_map;  /* id -> row, once cq_wave_id_map has built it */
    int id_mapped;
    uint32_t *prev_row; /* [n] row + 1 of the same id in the wave before (0: none),
                           once cq_study_prev_rows has built it (in the arena) */
} cq_wave;

/* The wave's ids -> rows map, built on the first call and kept (freed with
 * the study); NULL when out of memory.  Not to be called for one wave from
 * two threads at once. */
const cq_strmap *cq_wave_id_map(cq_wave *wave);

/* One row of quality.csv. Strings point into the study arena. */
typedef struct {
    size_t wave;
    const char *file;
    size_t line;        /* physical line where the record starts (header = 1) */
    const char *column; /* "" for whole-row issues */
    const char *issue;  /* duplicate_id, invalid_value, missing_id, field_count */
    const char *detail;
    /* invalid_value: what the respondent typed and the item; the disclose
     * stage writes detail from them so that no id and no free text is echoed */
    const char *token; /* NULL for other issues */
    size_t item;
} cq_quality;

/* Why a published cell is withheld (stages/disclose.c decides all of it).
 * The names are those of the suppressed_by column (cq_hidden_name). */
typedef enum {
    CQ_SHOWN = 0,
    CQ_HID_PRIMARY,   /* fewer than min_group respondents */
    CQ_HID_SENSITIVE, /* fewer than min_group_sensitive on a sensitive scale */
    CQ_HID_SECONDARY, /* the contract's difference rule within a breakdown */
    CQ_HID_NESTED,    /* the difference rule between nested breakdowns */
    CQ_HID_SUMMARY,   /* a comparison whose group summary is withheld or absent */
    CQ_HID_PAIRS,     /* fewer than min_group pairs */
    CQ_HID_REMAINDER, /* the pairs leave 1 .. min_group - 1 respondents over */
    CQ_HID_LINEAR,    /* crossed breakdowns, designs or waves: a small set would follow by
                         adding and subtracting published figures */
    CQ_HID_N_REASONS
} cq_hidden_by;

/* breakdown 0 is "all"; breakdown b >= 1 is settings->groups[b - 1]. */
typedef struct {
    size_t wave, breakdown, scale;
    const char *group; /* "all" for breakdown 0 */
    size_t n;
    double mean, sd, ci_low, ci_high, median, q1, q3;
    int suppressed; /* 1: every numeric cell is withheld, n included */
    cq_hidden_by hidden_by;
    int order_hidden; /* median, q1, q3 withheld: n < 2 * min_group (contract §5) */
    /* traffic lights: respondents in green / yellow / red (scale cut-offs) */
    size_t n_green, n_yellow, n_red;
} cq_summary;

typedef struct {
    size_t wave, scale;
    size_t items;
    size_t n_complete;
    double alpha; /* NaN when undefined or n_complete < min_group */
} cq_reliability;

typedef struct {
    size_t wave, scale, item; /* item: index into instrument items */
    size_t n_complete;
    double item_rest_r, alpha_if_deleted;
} cq_reliability_item;

typedef enum { CQ_INDEPENDENT = 0, CQ_PAIRED = 1 } cq_design;

typedef struct {
    size_t breakdown, scale;
    const char *group;
    cq_design design;
    size_t wave_a, wave_b;
    size_t n_a, n_b;
    double mean_a, mean_b, diff, ci_low, ci_high, t, df, p, p_adj, effect;
    int suppressed;
    cq_hidden_by hidden_by;
    int relevance; /* 0: |diff| < 5, 1: 5 to < 10, 2: >= 10; -1 undefined */
    int change;    /* 1 better, -1 worse, 0 none */
    /* for the disclose stage: the group's level in waves A and B (CQ_NO_LEVEL:
     * not there), and for paired rows the pairs whose wave-A group is the same */
    size_t level_a, level_b;
    size_t pairs_same_group;
} cq_comparison;

#define CQ_NO_LEVEL ((size_t)-1)

/* The respondents in both of two consecutive waves: pair k is row a[k] of
 * wave w and row b[k] of wave w + 1 (built once by the compare stage). */
typedef struct {
    size_t *a, *b;
    size_t n;
} cq_panel;

/* Respondents of a group in a wave, all scales together (the report's
 * response counts and rates); hidden as decided by the disclose stage. */
typedef struct {
    size_t wave, breakdown, level;
    const char *group;
    size_t n;
    cq_hidden_by hidden_by;
} cq_group_count;

/* Size and SHA-256 of an input file other than a wave, hashed once. */
typedef struct {
    int known; /* 0: no such file in this run, or it could not be read */
    char sha256[65];
    uint64_t bytes;
} cq_file_info;

/* One row of --population FILE.  wave is the index of the wave the head
 * count refers to: the wave named in the optional column `wave`, or the
 * latest wave when the file has no such column or the cell is empty. */
typedef struct {
    const char *breakdown; /* "all" or a grouping column */
    const char *group;
    double headcount;
    size_t wave;    /* index into the run's waves */
    int wave_given; /* 1: the row named its wave; 0: the latest wave by default */
} cq_population;

/* One row of --reference FILE: a scale's reference value (a national or
 * sector population) with its spread and size, and optional traffic-light
 * cut-offs (NaN when not given). */
typedef struct {
    size_t scale; /* index into the instrument's scales */
    double mean, sd, n;
    double green, red; /* cut-offs, NaN when the file has none */
    const char *source;
} cq_reference;

/* A file written into the run's private temporary folder and renamed into
 * the output folder only when the whole run succeeded (pipeline/output.c). */
typedef struct {
    char *final_path; /* the file's name inside the output folder */
    char *tmp_path;   /* its path inside the private temporary folder */
} cq_output_file;

typedef struct {
    const cq_settings *settings; /* borrowed */
    cq_instrument *ins;          /* owned */
    cq_wave *waves;              /* [n_waves], owned */
    size_t n_waves;
    cq_arena arena; /* strings of result rows */

    cq_quality *quality;
    size_t n_quality, cap_quality;
    cq_summary *summary;
    size_t n_summary;
    cq_reliability *reliability;
    size_t n_reliability;
    cq_reliability_item *reliability_items;
    size_t n_reliability_items;
    cq_comparison *comparison;
    size_t n_comparison;
    cq_population *population;
    size_t n_population;
    cq_reference *reference; /* --reference, by the reference stage */
    size_t n_reference;
    cq_panel *panels; /* [n_waves - 1] */
    cq_group_count *counts;
    size_t n_counts;
    unsigned char **item_hidden; /* [n_waves][n_items]: item_summary rows withheld */
    /* the disclose stage's audit: cells checked, extra cells it hid */
    size_t audit_cells, audit_spaces, hidden_linear;
    size_t hidden_count[CQ_HID_N_REASONS]; /* cells withheld, by reason */

    cq_output_file *outputs;
    size_t n_outputs;
    char *tmp_dir;                /* the private folder in --out (cq_output_begin), owned */
    long long created;            /* report creation time: SOURCE_DATE_EPOCH or now */
    int created_from_sde;         /* 1: created came from SOURCE_DATE_EPOCH */
    cq_file_info population_file; /* --population, hashed by the population stage */
    cq_file_info study_file;      /* STUDY.ini, hashed by the driver */
    cq_file_info reference_file;  /* --reference, hashed by the reference stage */
    struct cq_colmap_s *colmap;   /* --columns, loaded by ingest; owned */
} cq_study;

/* A zeroed study with the settings borrowed. */
void cq_study_init(cq_study *st, const cq_settings *settings);
/* Frees everything the study owns and removes temporary output files not yet
 * committed.  NULL is a no-op. */
void cq_study_free(cq_study *st);

/* The suppressed_by name of a reason ("" for CQ_SHOWN). */
const char *cq_hidden_name(cq_hidden_by h);

/* Appends a quality row; strings are copied into the study arena. */
/* 1 when key is the id of a respondent in any wave of st: one look-up in
 * each wave's id map (a wave whose map is not built is searched row by row,
 * so that this stays read-only and safe for a const study). */
int cq_study_has_id(const cq_study *st, const char *key);
/* Wave w's respondents matched by id with wave w - 1 (w >= 1): for each row
 * r, the row + 1 of the same id in wave w - 1, or 0.  Built on the first call
 * from wave w - 1's id map and kept, so that the announcement's count and
 * compare's pairs take the same look-ups once; NULL when out of memory.  Not
 * for two threads at once. */
const uint32_t *cq_study_prev_rows(cq_study *st, size_t w);
cq_status cq_study_add_quality(cq_study *st, size_t wave, const char *file, size_t line,
                               const char *column, const char *issue, const char *detail);

/* Output files (pipeline/output.c).  cq_output_begin creates --out if
 * needed, takes the lock .copsoq.lock there (a second run stops with a
 * message) and makes the private folder .copsoq-XXXXXX; from then on
 * SIGINT/SIGTERM/SIGHUP remove what the run made. */
cq_status cq_output_begin(cq_study *st, cq_diag *d);
/* Creates the file `name` (e.g. "scale_summary.csv") in the private folder
 * with O_CREAT|O_EXCL|O_NOFOLLOW; *tmp_path is owned by the study.  Returns
 * the FILE* through *fp (caller closes it with fclose and checks the result). */
cq_status cq_output_open(cq_study *st, const char *name, FILE **fp, const char **tmp_path,
                         cq_diag *d);
/* Reserves `name` in the private folder for a file another library creates
 * at *tmp_path (libxlsxwriter). */
cq_status cq_output_reserve(cq_study *st, const char *name, const char **tmp_path, cq_diag *d);
/* Syncs every file, renames them all into --out (all or none: a failed
 * rename puts earlier results back) and syncs the folder. */
cq_status cq_output_commit(cq_study *st, cq_diag *d);
/* Removes the private folder and what is left in it, releases the lock
 * (called on failure and by cq_study_free; a no-op when nothing was begun). */
void cq_output_discard(cq_study *st);

/* Name of breakdown b ("all" for 0). */
const char *cq_breakdown_name(const cq_study *st, size_t b);
/* Minimum group size for scale s (sensitive scales use min_group_sensitive). */
int cq_min_group_for(const cq_study *st, size_t scale);

#endif

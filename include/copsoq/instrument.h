/*
 * instrument.h - the questionnaire as data (contract §1): items, answer
 * options and scales, loaded from items.csv, response_sets.csv, scales.csv.
 *
 * Indices, not pointers, link the tables: item->scale is an index into
 * scales, item->set into sets.  An answer is stored as the index of its
 * option within the item's response set (uint8_t), CQ_NA when missing.
 */
#ifndef COPSOQ_INSTRUMENT_H
#define COPSOQ_INSTRUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/arena.h"
#include "copsoq/status.h"
#include "copsoq/strmap.h"

#define CQ_NA          0xFF /* missing answer marker in the answer columns */
#define CQ_MAX_OPTIONS 254  /* options per response set (indices 0..253) */

typedef struct {
    long code;      /* integer stored in response files */
    double points;  /* 0..100; meaningless when missing */
    int missing;    /* 1: the option counts as missing (points empty) */
    char *label_en; /* as written in the file */
    char *label_sv;
    char *fold_en; /* labels folded for matching (trimmed, lower case, å/ä/ö folded) */
    char *fold_sv;
    size_t line; /* of response_sets.csv, for messages */
} cq_option;

typedef struct {
    char *id;
    size_t n_options;
    cq_option *options;
    /* fast path for the one-digit codes 0..9: the option index, CQ_NA for an
     * option that counts as missing, -1 when no option has that code */
    int16_t digit[10];
} cq_response_set;

typedef struct {
    char *id;                /* column name in the response files */
    size_t scale;            /* index into cq_instrument.scales */
    size_t set;              /* index into cq_instrument.sets */
    int reverse;             /* 1: points become 100 - points */
    char *text_en, *text_sv; /* may be empty strings */
} cq_item;

typedef struct {
    char *id;
    char *domain;
    char *label_en, *label_sv;
    int higher_is_good; /* 1: higher_is=good, 0: bad */
    int has_cutoffs;    /* green and red given */
    double green, red;  /* traffic-light cut-offs on 0..100 */
    int sensitive;      /* optional column `sensitive` (0/1) */
    size_t n_items;
    size_t *items; /* indices into cq_instrument.items, in file order */
} cq_scale;

typedef struct {
    cq_arena arena; /* owns everything below */
    char *dir;
    char *name; /* the folder's base name, e.g. copsoq3-se */
    size_t n_items, n_scales, n_sets;
    cq_item *items;
    cq_scale *scales;
    cq_response_set *sets;
    char sha256[3][65];                     /* items.csv, response_sets.csv, scales.csv */
    cq_strmap item_map, scale_map, set_map; /* id -> index (keys in the arena) */
} cq_instrument;

/* The three file names, in the order of cq_instrument.sha256. */
extern const char *const cq_instrument_files[3];

/* Loads and validates the instrument in dir.  On success *out is owned by the
 * caller (cq_instrument_free).  On failure d names the file, line and problem. */
cq_status cq_instrument_load(const char *dir, cq_instrument **out, cq_diag *d);

/* The same from three in-memory CSV texts (for tests); names are used in messages. */
cq_status cq_instrument_parse(const char *items_csv, size_t items_len, const char *sets_csv,
                              size_t sets_len, const char *scales_csv, size_t scales_len,
                              cq_instrument **out, cq_diag *d);

void cq_instrument_free(cq_instrument *ins);

/* Index of the item / scale with that id, or (size_t)-1. */
size_t cq_instrument_find_item(const cq_instrument *ins, const char *id);
size_t cq_instrument_find_scale(const cq_instrument *ins, const char *id);

/* Item points of option index opt for item i after reversal; the option must
 * not be missing. */
double cq_item_points(const cq_instrument *ins, size_t i, uint8_t opt);

/* Folds s for label matching into out (cap bytes): surrounding white space
 * removed, ASCII and Latin-1 letters (å ä ö é ...) lower-cased.  Returns the
 * length, or (size_t)-1 when it does not fit. */
size_t cq_fold(const char *s, size_t len, char *out, size_t cap);

#endif

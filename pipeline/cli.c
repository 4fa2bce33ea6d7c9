/*
 * cli.c - command line and study file (see cli.h).
 *
 * getopt_long from the C library parses the options; the study file is a
 * small INI format read here (no INI library is packaged for Debian with a
 * stable C API that we would rather depend on; the format is 40 lines):
 *
 *   # comment
 *   [study]
 *   instrument = samples/instruments/copsoq3-se
 *   id = id
 *   group = forvaltning          (repeatable)
 *   min_group = 5
 *   min_group_sensitive = 20
 *   lang = sv
 *   population = population.csv
 *   out = out/malmo
 *   [waves]
 *   2016 = wave2016.csv           (in order)
 */
#include "copsoq/cli.h"
#include "copsoq/strmap.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_INSTRUMENT = 256,
    OPT_WAVE,
    OPT_ID,
    OPT_GROUP,
    OPT_MIN_GROUP,
    OPT_MIN_GROUP_SENSITIVE,
    OPT_LANG,
    OPT_OUT,
    OPT_POPULATION,
    OPT_STOP_AFTER,
};

void
cq_cli_usage(FILE *f)
{
    fputs("usage: copsoq run --instrument DIR --wave LABEL=FILE [--wave LABEL=FILE ...]\n"
          "                  [--id COLUMN] [--group COLUMN ...] [--min-group N]\n"
          "                  [--min-group-sensitive N] [--population FILE]\n"
          "                  [--lang sv|en] --out DIR [-v]\n"
          "       copsoq run STUDY.ini [options]\n"
          "       copsoq check ...        (the same arguments; validates, writes nothing)\n"
          "       copsoq --help | --version\n"
          "\n"
          "Scores COPSOQ survey waves and writes scale_summary.csv, reliability.csv,\n"
          "reliability_items.csv, comparison.csv, quality.csv and report.xlsx into DIR.\n"
          "\n"
          "  --instrument DIR   folder with items.csv, response_sets.csv, scales.csv\n"
          "  --wave LABEL=FILE  one survey wave (CSV; , ; or TAB; UTF-8 or Windows-1252;\n"
          "                     plain or gzip); waves are compared in the order given\n"
          "  --id COLUMN        respondent id column (default: id)\n"
          "  --group COLUMN     a breakdown, e.g. unit or profession (repeatable)\n"
          "  --min-group N      smallest group whose figures are shown (default: 5)\n"
          "  --min-group-sensitive N  the same for scales marked sensitive (default: 20)\n"
          "  --population FILE  head counts (breakdown,group,headcount; optional wave column)\n"
          "                     for response rates\n"
          "  --lang sv|en       language of the report (default: sv)\n"
          "  --out DIR          output folder (created if missing)\n"
          "  -v, --verbose      progress and timing on stderr\n"
          "  --stop-after STAGE run up to STAGE only and write nothing (debugging; -v shows\n"
          "                     the stages: instrument ingest population score summarise\n"
          "                     reliability compare)\n"
          "\n"
          "Exit status: 0 done, 1 the input could not be used, 2 wrong usage.\n",
          f);
}

static cq_status
set_str(char **dst, const char *v, cq_diag *d)
{
    char *p = strdup(v);
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    free(*dst);
    *dst = p;
    return CQ_OK;
}

static cq_status
add_wave(cq_settings *s, const char *label, size_t llen, const char *path, cq_diag *d,
         cq_status kind, const char *where)
{
    if (llen == 0 || !*path)
        return cq_fail(d, kind, "%s--wave needs LABEL=FILE with both parts", where);
    for (size_t i = 0; i < s->n_waves; i++)
        if (strlen(s->waves[i].label) == llen && memcmp(s->waves[i].label, label, llen) == 0)
            return cq_fail(d, kind, "%sthe wave label '%.*s' is given twice", where, (int)llen,
                           label);
    cq_wave_spec *w = realloc(s->waves, (s->n_waves + 1) * sizeof *w);
    if (!w)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    s->waves = w;
    w[s->n_waves].label = strndup(label, llen);
    w[s->n_waves].path = strdup(path);
    if (!w[s->n_waves].label || !w[s->n_waves].path) {
        free(w[s->n_waves].label);
        free(w[s->n_waves].path);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    s->n_waves++;
    return CQ_OK;
}

static cq_status
add_group(cq_settings *s, const char *g, cq_diag *d, cq_status kind, const char *where)
{
    if (!*g)
        return cq_fail(d, kind, "%s--group needs a column name", where);
    for (size_t i = 0; i < s->n_groups; i++)
        if (strcmp(s->groups[i], g) == 0)
            return cq_fail(d, kind, "%sthe group column '%s' is given twice", where, g);
    char **p = realloc(s->groups, (s->n_groups + 1) * sizeof *p);
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    s->groups = p;
    p[s->n_groups] = strdup(g);
    if (!p[s->n_groups])
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    s->n_groups++;
    return CQ_OK;
}

static int
parse_count(const char *v, int *out)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || !*v || *end || x < 1 || x > 1000000)
        return 0;
    *out = (int)x;
    return 1;
}

static char *
trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

/* path relative to the study file's folder unless absolute */
static char *
resolve(const char *base_dir, const char *p)
{
    if (p[0] == '/' || !base_dir[0])
        return strdup(p);
    size_t n = strlen(base_dir) + strlen(p) + 2;
    char *r = malloc(n);
    if (r)
        snprintf(r, n, "%s/%s", base_dir, p);
    return r;
}

/* The keys of a study file already read, with their lines. */
typedef struct {
    cq_strmap map; /* key text -> index into line */
    char **keys;   /* owned: "s\x01key", "w\x01label" or "s\x01group\x01value" */
    size_t *line;
    size_t n, cap;
} seen_keys;

static void
seen_free(seen_keys *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->keys[i]);
    free(k->keys);
    free(k->line);
    cq_strmap_free(&k->map);
}

/* Records key (and value, for repeatable keys) of section sec on line ln;
 * *first is the line where it was set before, or 0. */
static cq_status
seen_add(seen_keys *k, char sec, const char *key, const char *value, size_t ln, size_t *first,
         cq_diag *d)
{
    size_t n = strlen(key) + (value ? strlen(value) + 1 : 0) + 3;
    char *t = malloc(n);
    if (!t)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    snprintf(t, n, "%c\x01%s%s%s", sec, key, value ? "\x01" : "", value ? value : "");
    size_t i = cq_strmap_get(&k->map, t);
    if (i != (size_t)-1) {
        *first = k->line[i];
        free(t);
        return CQ_OK;
    }
    *first = 0;
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 16;
        char **nk = realloc(k->keys, cap * sizeof *nk);
        if (nk)
            k->keys = nk;
        size_t *nl = nk ? realloc(k->line, cap * sizeof *nl) : NULL;
        if (!nk || !nl) {
            free(t);
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        }
        k->line = nl;
        k->cap = cap;
    }
    k->keys[k->n] = t;
    k->line[k->n] = ln;
    if (cq_strmap_put(&k->map, t, k->n) != 0) {
        free(t);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    k->n++;
    return CQ_OK;
}

cq_status
cq_study_file_read(const char *path, cq_settings *s, cq_diag *d)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return cq_fail(d, CQ_ERR_STUDY, "%s: cannot open: %s", path, strerror(errno));
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '\0';
    /* getline: any line length; `seen` maps each key (per section; for
     * `group`, the key and its value) to the line that set it first */
    char *line = NULL, where[PATH_MAX + 64];
    size_t line_cap = 0, ln = 0;
    seen_keys seen = {0};
    enum { NONE, STUDY, WAVES } section = NONE;
    cq_status st = CQ_OK;
    int had_waves = s->n_waves > 0, had_groups = s->n_groups > 0;
    while (st == CQ_OK && getline(&line, &line_cap, f) >= 0) {
        ln++;
        snprintf(where, sizeof where, "%s: line %zu: ", path, ln);
        char *t = trim(line);
        if (ln == 1 && (unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBB &&
            (unsigned char)t[2] == 0xBF)
            t += 3;
        if (!*t || *t == '#' || *t == ';')
            continue;
        if (*t == '[') {
            if (strcmp(t, "[study]") == 0)
                section = STUDY;
            else if (strcmp(t, "[waves]") == 0)
                section = WAVES;
            else
                st = cq_fail(d, CQ_ERR_STUDY, "%sunknown section %s (use [study] or [waves])",
                             where, t);
            continue;
        }
        char *eq = strchr(t, '=');
        if (!eq || section == NONE) {
            st = cq_fail(d, CQ_ERR_STUDY, "%sexpected 'key = value' inside [study] or [waves]",
                         where);
            continue;
        }
        *eq = '\0';
        char *key = trim(t), *val = trim(eq + 1);
        size_t first = 0;
        st = seen_add(&seen, section == WAVES ? 'w' : 's', key,
                      section == STUDY && strcmp(key, "group") == 0 ? val : NULL, ln, &first, d);
        if (st == CQ_OK && first)
            st = cq_fail(d, CQ_ERR_STUDY,
                         "%s'%s' is set again (first on line %zu); give each setting once%s", where,
                         key, first, strcmp(key, "group") == 0 ? " (each group once)" : "");
        if (st != CQ_OK)
            continue;
        if (section == WAVES) {
            if (had_waves)
                continue; /* --wave on the command line wins */
            char *p = resolve(dir, val);
            if (!p) {
                st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                continue;
            }
            st = add_wave(s, key, strlen(key), p, d, CQ_ERR_STUDY, where);
            free(p);
            continue;
        }
        if (strcmp(key, "instrument") == 0 || strcmp(key, "out") == 0 ||
            strcmp(key, "population") == 0) {
            char **dst = key[0] == 'i'   ? &s->instrument_dir
                         : key[0] == 'o' ? &s->out_dir
                                         : &s->population_path;
            if (*dst)
                continue;
            *dst = resolve(dir, val);
            if (!*dst)
                st = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        } else if (strcmp(key, "id") == 0) {
            if (!s->id_column)
                st = set_str(&s->id_column, val, d);
        } else if (strcmp(key, "group") == 0) {
            if (!had_groups)
                st = add_group(s, val, d, CQ_ERR_STUDY, where);
        } else if (strcmp(key, "min_group") == 0 || strcmp(key, "min_group_sensitive") == 0) {
            int *dst = strcmp(key, "min_group") == 0 ? &s->min_group : &s->min_group_sensitive;
            int v;
            if (!parse_count(val, &v))
                st = cq_fail(d, CQ_ERR_STUDY, "%s%s must be a whole number >= 1, not '%s'", where,
                             key, val);
            else if (!*dst)
                *dst = v;
        } else if (strcmp(key, "lang") == 0) {
            if (strcmp(val, "sv") != 0 && strcmp(val, "en") != 0)
                st = cq_fail(d, CQ_ERR_STUDY, "%slang must be sv or en, not '%s'", where, val);
            else if (s->lang_en < 0)
                s->lang_en = strcmp(val, "en") == 0;
        } else {
            st = cq_fail(d, CQ_ERR_STUDY, "%sunknown key '%s'", where, key);
        }
    }
    if (st == CQ_OK && ferror(f))
        st = cq_fail(d, CQ_ERR_STUDY, "%s: cannot read: %s", path, strerror(errno));
    free(line);
    seen_free(&seen);
    fclose(f);
    return st;
}

cq_status
cq_cli_parse(int argc, char **argv, cq_settings *s, cq_action *act, cq_diag *d)
{
    static const struct option opts[] = {
        {"instrument", required_argument, NULL, OPT_INSTRUMENT},
        {"wave", required_argument, NULL, OPT_WAVE},
        {"id", required_argument, NULL, OPT_ID},
        {"group", required_argument, NULL, OPT_GROUP},
        {"min-group", required_argument, NULL, OPT_MIN_GROUP},
        {"min-group-sensitive", required_argument, NULL, OPT_MIN_GROUP_SENSITIVE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"out", required_argument, NULL, OPT_OUT},
        {"population", required_argument, NULL, OPT_POPULATION},
        {"stop-after", required_argument, NULL, OPT_STOP_AFTER},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    cq_status st = CQ_OK;
    s->lang_en = -1;
    *act = CQ_ACT_RUN;
    if (argc < 2)
        return cq_fail(d, CQ_ERR_USAGE, "a command is needed: run or check");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        *act = CQ_ACT_HELP;
        return CQ_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        *act = CQ_ACT_VERSION;
        return CQ_OK;
    }
    if (strcmp(cmd, "run") == 0)
        *act = CQ_ACT_RUN;
    else if (strcmp(cmd, "check") == 0)
        *act = CQ_ACT_CHECK;
    else
        return cq_fail(d, CQ_ERR_USAGE, "unknown command '%s' (use run or check)", cmd);
    s->check_only = *act == CQ_ACT_CHECK;

    optind = 0; /* glibc: full reset, so tests can parse several times */
    opterr = 0;
    int c;
    int sub_argc = argc - 1;
    char **sub_argv = argv + 1;
    while (st == CQ_OK && (c = getopt_long(sub_argc, sub_argv, ":vhV", opts, NULL)) != -1) {
        switch (c) {
        case OPT_INSTRUMENT:
            st = set_str(&s->instrument_dir, optarg, d);
            break;
        case OPT_WAVE: {
            const char *eq = strchr(optarg, '=');
            if (!eq)
                st = cq_fail(d, CQ_ERR_USAGE, "--wave needs LABEL=FILE, not '%s'", optarg);
            else
                st = add_wave(s, optarg, (size_t)(eq - optarg), eq + 1, d, CQ_ERR_USAGE, "");
            break;
        }
        case OPT_ID:
            st = *optarg ? set_str(&s->id_column, optarg, d)
                         : cq_fail(d, CQ_ERR_USAGE, "--id needs a column name");
            break;
        case OPT_GROUP:
            st = add_group(s, optarg, d, CQ_ERR_USAGE, "");
            break;
        case OPT_MIN_GROUP:
        case OPT_MIN_GROUP_SENSITIVE:
            if (!parse_count(optarg, c == OPT_MIN_GROUP ? &s->min_group : &s->min_group_sensitive))
                st = cq_fail(d, CQ_ERR_USAGE, "%s needs a whole number >= 1, not '%s'",
                             c == OPT_MIN_GROUP ? "--min-group" : "--min-group-sensitive", optarg);
            break;
        case OPT_LANG:
            if (strcmp(optarg, "sv") == 0 || strcmp(optarg, "en") == 0)
                s->lang_en = strcmp(optarg, "en") == 0;
            else
                st = cq_fail(d, CQ_ERR_USAGE, "--lang must be sv or en, not '%s'", optarg);
            break;
        case OPT_OUT:
            st = *optarg ? set_str(&s->out_dir, optarg, d)
                         : cq_fail(d, CQ_ERR_USAGE, "--out needs a folder");
            break;
        case OPT_POPULATION:
            st = set_str(&s->population_path, optarg, d);
            break;
        case OPT_STOP_AFTER:
            st = set_str(&s->stop_after, optarg, d);
            s->check_only = 1; /* a partial run never writes */
            break;
        case 'v':
            s->verbose++;
            break;
        case 'h':
            *act = CQ_ACT_HELP;
            return CQ_OK;
        case 'V':
            *act = CQ_ACT_VERSION;
            return CQ_OK;
        case ':':
            st = cq_fail(d, CQ_ERR_USAGE, "%s needs a value", sub_argv[optind - 1]);
            break;
        default:
            st = cq_fail(d, CQ_ERR_USAGE, "unknown option '%s'", sub_argv[optind - 1]);
            break;
        }
    }
    if (st != CQ_OK)
        return st;
    /* one positional argument: the study file */
    if (optind < sub_argc) {
        if (sub_argc - optind > 1)
            return cq_fail(d, CQ_ERR_USAGE, "unexpected argument '%s'", sub_argv[optind + 1]);
        st = set_str(&s->study_path, sub_argv[optind], d);
        if (st == CQ_OK)
            st = cq_study_file_read(s->study_path, s, d);
        if (st != CQ_OK)
            return st;
    }
    if (!s->instrument_dir)
        return cq_fail(d, CQ_ERR_USAGE, "--instrument DIR is missing");
    if (s->n_waves == 0)
        return cq_fail(d, CQ_ERR_USAGE, "at least one --wave LABEL=FILE is needed");
    if (!s->out_dir && !s->check_only)
        return cq_fail(d, CQ_ERR_USAGE, "--out DIR is missing");
    if (!s->id_column && (st = set_str(&s->id_column, "id", d)) != CQ_OK)
        return st;
    for (size_t g = 0; g < s->n_groups; g++)
        if (strcmp(s->groups[g], s->id_column) == 0)
            return cq_fail(d, CQ_ERR_USAGE, "the id column '%s' cannot be a --group", s->id_column);
    if (!s->min_group)
        s->min_group = CQ_DEFAULT_MIN_GROUP;
    if (!s->min_group_sensitive)
        s->min_group_sensitive = CQ_DEFAULT_MIN_GROUP_SENSITIVE;
    /* contract §7: below 3 a published mean of two people gives each one's
     * score to the other; 3-4 runs, with a warning (driver) and a note in the
     * report */
    if (s->min_group < CQ_MIN_MIN_GROUP)
        return cq_fail(d, CQ_ERR_USAGE, "--min-group must be at least %d, not %d", CQ_MIN_MIN_GROUP,
                       s->min_group);
    if (s->min_group_sensitive < CQ_MIN_MIN_GROUP)
        return cq_fail(d, CQ_ERR_USAGE, "--min-group-sensitive must be at least %d, not %d",
                       CQ_MIN_MIN_GROUP, s->min_group_sensitive);
    if (s->lang_en < 0)
        s->lang_en = 0;
    return CQ_OK;
}

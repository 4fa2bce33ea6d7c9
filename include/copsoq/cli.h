/*
 * cli.h - the command line (contract §7) and the study file.
 *
 *   copsoq run --instrument DIR --wave LABEL=FILE ... --out DIR [options]
 *   copsoq run STUDY.ini [options]      settings from a study file; options override
 *   copsoq check ...                     validate only, write nothing
 *   copsoq columns --instrument DIR FILE...  a draft column map on stdout
 *   copsoq --help | --version
 */
#ifndef COPSOQ_CLI_H
#define COPSOQ_CLI_H

#include "copsoq/status.h"
#include "copsoq/study.h"

#define CQ_VERSION "0.1.0"

typedef enum { CQ_ACT_RUN, CQ_ACT_CHECK, CQ_ACT_COLUMNS, CQ_ACT_HELP, CQ_ACT_VERSION } cq_action;

/* Parses argv into *s (zeroed by the caller; freed with cq_settings_free
 * whatever the result).  Usage errors are CQ_ERR_USAGE; a study file that
 * cannot be read or parsed is CQ_ERR_STUDY (an input error, exit 1). */
cq_status cq_cli_parse(int argc, char **argv, cq_settings *s, cq_action *act, cq_diag *d);

/* Reads a study file into *s (values not yet set only).  Relative paths in
 * it are taken from the file's folder. */
cq_status cq_study_file_read(const char *path, cq_settings *s, cq_diag *d);

/* The usage text. */
void cq_cli_usage(FILE *f);

#endif

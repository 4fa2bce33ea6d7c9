/*
 * csvwrite.h - writing tidy CSV: RFC 4180 quoting, numbers with '.' and 15
 * significant digits, NaN and infinities as empty cells.
 */
#ifndef COPSOQ_CSVWRITE_H
#define COPSOQ_CSVWRITE_H

#include <stdio.h>

/* A text cell, quoted when it holds a delimiter, quote, newline or edge space. */
void cq_csv_text(FILE *f, const char *s);
/* A number; empty when not finite. */
void cq_csv_num(FILE *f, double v);
/* An unsigned count. */
void cq_csv_count(FILE *f, size_t v);
/* The separator or the end of the line. */
void cq_csv_sep(FILE *f);
void cq_csv_eol(FILE *f);

#endif

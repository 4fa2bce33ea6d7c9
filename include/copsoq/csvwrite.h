/*
 * csvwrite.h - writing tidy CSV: RFC 4180 quoting, numbers with '.' and 15
 * significant digits, NaN and infinities as empty cells.  A cq_csv_out puts
 * the separators itself, so a writer only names its cells in order.
 */
#ifndef COPSOQ_CSVWRITE_H
#define COPSOQ_CSVWRITE_H

#include <stdio.h>

typedef struct {
    FILE *f;  /* borrowed */
    int cell; /* cells written on the current line */
} cq_csv_out;

/* A text cell, quoted when it holds a delimiter, quote, newline or edge space. */
void cq_csv_text(cq_csv_out *o, const char *s);
/* A number; empty when not finite or when blank is set (a withheld cell). */
void cq_csv_num(cq_csv_out *o, double v, int blank);
/* A count; empty when blank is set. */
void cq_csv_count(cq_csv_out *o, size_t v, int blank);
/* An integer flag or code. */
void cq_csv_int(cq_csv_out *o, int v);
/* Ends the line. */
void cq_csv_end(cq_csv_out *o);

#endif

/* csvwrite.c - CSV cells (see csvwrite.h). */
#include "copsoq/csvwrite.h"

#include <math.h>
#include <string.h>

void
cq_csv_text(FILE *f, const char *s)
{
    size_t n = strlen(s);
    int quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    if (!quote && strpbrk(s, ",\"\r\n;\t"))
        quote = 1;
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void
cq_csv_num(FILE *f, double v)
{
    if (!isfinite(v))
        return;
    if (v == 0)
        v = 0; /* no "-0" */
    fprintf(f, "%.15g", v);
}

void
cq_csv_count(FILE *f, size_t v)
{
    fprintf(f, "%zu", v);
}

void
cq_csv_sep(FILE *f)
{
    fputc(',', f);
}

void
cq_csv_eol(FILE *f)
{
    fputc('\n', f);
}

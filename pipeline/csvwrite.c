/* csvwrite.c - CSV cells (see csvwrite.h). */
#include "copsoq/csvwrite.h"

#include <math.h>
#include <string.h>

static void
sep(cq_csv_out *o)
{
    if (o->cell++ > 0)
        fputc(',', o->f);
}

void
cq_csv_text(cq_csv_out *o, const char *s)
{
    sep(o);
    size_t n = strlen(s);
    int quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    if (!quote && strpbrk(s, ",\"\r\n;\t"))
        quote = 1;
    if (!quote) {
        fputs(s, o->f);
        return;
    }
    fputc('"', o->f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', o->f);
        fputc(*s, o->f);
    }
    fputc('"', o->f);
}

void
cq_csv_num(cq_csv_out *o, double v, int blank)
{
    sep(o);
    if (blank || !isfinite(v))
        return;
    if (v == 0)
        v = 0; /* no "-0" */
    fprintf(o->f, "%.15g", v);
}

void
cq_csv_count(cq_csv_out *o, size_t v, int blank)
{
    sep(o);
    if (!blank)
        fprintf(o->f, "%zu", v);
}

void
cq_csv_int(cq_csv_out *o, int v)
{
    sep(o);
    fprintf(o->f, "%d", v);
}

void
cq_csv_end(cq_csv_out *o)
{
    fputc('\n', o->f);
    o->cell = 0;
}

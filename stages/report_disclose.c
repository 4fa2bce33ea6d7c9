/*
 * report_disclose.c - the report's own copy of the anonymity rule for
 * respondent counts.  This is the one place where the report decides what
 * to withhold; everything else reads the result rows' suppressed flags
 * (cq_summary.suppressed, cq_comparison.suppressed).  The disclosure module
 * of suppress.c is to take this over (issue 7); until then it is moved here
 * unchanged from report.c.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Respondent counts (and so response rates) of wave w, breakdown b: a group
 * is withheld when it has fewer than min_group respondents or is suppressed
 * on any scale; then, like the secondary rule of contract §5, while the
 * withheld groups hold more than 0 and fewer than min_group respondents, the
 * shown group with the fewest respondents (ties: name by bytes) is withheld
 * too, so that no small group follows from the total minus the others. */
void
rb_hide_counts(ctx *x, size_t b, size_t w)
{
    size_t ng = x->bg[b].n;
    size_t *n = &x->resp[b][w * ng];
    unsigned char *h = &x->hidden[b][w * ng];
    size_t min = (size_t)(x->st->settings->min_group > 0 ? x->st->settings->min_group : 1);
    for (size_t g = 0; g < ng; g++) {
        h[g] = n[g] < min;
        for (size_t s = 0; s < x->ns && !h[g]; s++) {
            const cq_summary *r = rb_sum_at(x, b, w, g, s);
            if (r && r->suppressed)
                h[g] = 1;
        }
    }
    if (b == 0)
        return;
    for (;;) {
        size_t hid = 0;
        for (size_t g = 0; g < ng; g++)
            if (h[g])
                hid += n[g];
        if (hid == 0 || hid >= min)
            break;
        size_t pick = (size_t)-1;
        for (size_t g = 0; g < ng; g++) {
            if (h[g] || n[g] == 0)
                continue;
            if (pick == (size_t)-1 || n[g] < n[pick] ||
                (n[g] == n[pick] && strcmp(x->bg[b].names[g], x->bg[b].names[pick]) < 0))
                pick = g;
        }
        if (pick == (size_t)-1)
            break;
        h[pick] = 1;
    }
}

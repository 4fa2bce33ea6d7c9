/*
 * suppress.h - the difference rule between nested breakdowns (copsoq's
 * extension of contract §5), shared by summarise.c (respondents) and
 * compare.c (pairs).  The rule within one breakdown is cq_suppress_secondary
 * in stats.h.
 */
#ifndef COPSOQ_SUPPRESS_H
#define COPSOQ_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/study.h"

#define CQ_NO_PARENT UINT32_MAX

/* For every ordered pair of breakdowns (child c, parent p), 1 <= c, p <=
 * n_groups, c != p: when each level of c lies within one level of p in this
 * wave (sections of an administration), map[c * (n_groups + 1) + p][level of
 * c] is that level of p; otherwise the entry is NULL.  Returns NULL when out
 * of memory.  Free with cq_nesting_free. */
uint32_t **cq_nesting(const cq_wave *wave, size_t n_groups);
void cq_nesting_free(uint32_t **map, size_t n_groups);

/* Scratch space for cq_nested_rule: four arrays of cap entries. */
typedef struct {
    size_t *idx, *count;
    const char **name;
    int *hidden;
    size_t cap;
} cq_nested_scratch;

int cq_nested_scratch_init(cq_nested_scratch *s, size_t cap);
void cq_nested_scratch_free(cq_nested_scratch *s);

/* One pass of the rule for one scale.  Child group i (0 <= i < n_child) has
 * count[i] respondents (or pairs), name[i], hidden[i] (in/out) and lies in
 * parent group parent_of[i] (CQ_NO_PARENT: none); parent_hidden[v] says
 * whether parent v is withheld.  For each parent v:
 * - shown: its children partition it like "all": while the hidden children
 *   hold more than 0 and fewer than min_group, hide its smallest shown child
 *   (ties: name first by bytes);
 * - hidden, with every child shown: the children would add up to it, so
 *   its smallest child is hidden.
 * Returns the number of children it newly hid. */
size_t cq_nested_rule(const size_t *count, const char *const *name, int *hidden,
                      const uint32_t *parent_of, size_t n_child, const int *parent_hidden,
                      size_t n_parent, int min_group, cq_nested_scratch *scratch);

/* All the anonymity rules of one scale over the breakdowns b = 1 .. G - 1
 * of a wave (or wave pair): n[b] groups with count[b][g] respondents (or
 * pairs), name[b][g] and hidden[b][g] (in: primary suppression; out: the
 * result).  parent_of[c * G + p] maps each group of breakdown c to its
 * group in breakdown p where c nests in p, NULL elsewhere (or parent_of
 * NULL: no nesting).  First the contract's rule within each breakdown
 * (cq_suppress_secondary), then cq_nested_rule and the contract's rule again
 * until nothing changes, so the contract's result is always part of the
 * result.  scratch must hold the largest n[b]. */
void cq_protect(size_t G, const size_t *n, size_t *const *count, const char *const *const *name,
                int *const *hidden, const uint32_t *const *parent_of, int min_group,
                cq_nested_scratch *scratch);

/* ---- The linear rule: can a small set be worked out by adding and
 * subtracting published figures?
 *
 * Every published count and score sum (n, n * mean, and for the sd the sum
 * of squares) is a sum over a set of respondents.  Respondents who belong to
 * exactly the same published sets form an atom; a figure is a 0/1 vector
 * over atoms.  A set S of respondents can be worked out exactly when its
 * indicator vector lies in the span of the published vectors; S is then a
 * union of atoms.  cq_span keeps that span in reduced row echelon form over
 * GF(p), p = 2^31 - 1 (exact; a dependence over the rationals is one mod p,
 * so a set that can be worked out is never missed), with the small atoms
 * (fewer than min_group respondents) ordered last.  Any span vector that is
 * zero on the big atoms is then a combination of the rows whose pivot is a
 * small atom, with coefficients 0 or 1 for an indicator vector, so
 * cq_span_check enumerates those subsets (bounded by their size) and looks
 * for one whose sum is a 0/1 vector over fewer than min_group respondents.
 * The enumeration is capped; past the cap the answer is "cannot prove", which
 * callers treat as unsafe. */
typedef struct cq_span cq_span;

/* A span over n_atoms atoms of the given sizes; budget caps the subsets
 * cq_span_check may try.  NULL when out of memory. */
cq_span *cq_span_new(const size_t *atom_size, size_t n_atoms, int min_group, size_t budget);
void cq_span_free(cq_span *sp);

/* Adds the 0/1 vector of the atoms atoms[0 .. n - 1] (each once).  Returns 1
 * when it enlarged the span, 0 when it was in it already, -1 out of memory. */
int cq_span_add(cq_span *sp, const uint32_t *atoms, size_t n);

typedef enum { CQ_SPAN_SAFE = 0, CQ_SPAN_UNSAFE = 1, CQ_SPAN_UNDECIDED = 2 } cq_span_verdict;

/* Whether a set of 1 .. min_group - 1 respondents lies in the span.  On
 * CQ_SPAN_UNSAFE, *witness_size (if not NULL) is that set's size. */
cq_span_verdict cq_span_check(cq_span *sp, size_t *witness_size);

/* Like cq_span_add then cq_span_check, but leaves the span as it was when the
 * result is not CQ_SPAN_SAFE.  -1: out of memory. */
int cq_span_try(cq_span *sp, const uint32_t *atoms, size_t n, cq_span_verdict *verdict);

#endif

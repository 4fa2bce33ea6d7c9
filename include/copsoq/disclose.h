/*
 * disclose.h - the disclose stage (stages/disclose.c): the one place that
 * decides what may be published.
 */
#ifndef COPSOQ_DISCLOSE_H
#define COPSOQ_DISCLOSE_H

#include "copsoq/study.h"

/* The summary row of wave w, breakdown b (0 = "all"), level and scale, in
 * summarise.c's layout (wave, breakdown, scale, level). */
cq_summary *cq_summary_row(const cq_study *st, size_t w, size_t b, size_t level, size_t s);

#endif

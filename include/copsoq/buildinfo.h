/*
 * buildinfo.h - the build's git commit and the linked libraries' versions
 * (pipeline/buildinfo.c).  Static strings.
 */
#ifndef COPSOQ_BUILDINFO_H
#define COPSOQ_BUILDINFO_H

#include <stddef.h>

/* `git describe --always --dirty` at build time, or "unknown". */
const char *cq_build_id(void);

/* The i-th library (0, 1, ...): returns its version and sets *name; NULL
 * after the last. */
const char *cq_build_library(size_t i, const char **name);

#endif

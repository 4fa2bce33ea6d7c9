/* fuzz_common.h - helpers shared by the libFuzzer targets of tests/fuzz/.
 *
 * Targets whose code reads a path get their bytes through a memfd
 * (/proc/self/fd/N), so nothing is written to a disk; the input of the
 * multi-file targets is split into parts at lines "@@@@". */
#ifndef COPSOQ_FUZZ_COMMON_H
#define COPSOQ_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define FUZZ_SEP "\n@@@@\n"

/* An anonymous in-memory file holding data; its path goes into path[64].
 * Returns the descriptor (close it), or -1. */
static inline int
fuzz_memfile(const uint8_t *data, size_t size, char path[64])
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < size) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)n;
    }
    snprintf(path, 64, "/proc/self/fd/%d", fd);
    return fd;
}

/* Splits data into at most max parts at FUZZ_SEP; missing parts are empty. */
static inline void
fuzz_split(const uint8_t *data, size_t size, const char **part, size_t *len, size_t max)
{
    const char *p = (const char *)data, *end = p + size;
    for (size_t i = 0; i < max; i++) {
        part[i] = p;
        const char *q = i + 1 < max ? memmem(p, (size_t)(end - p), FUZZ_SEP, 6) : NULL;
        len[i] = q ? (size_t)(q - p) : (size_t)(end - p);
        p = q ? q + 6 : end;
    }
}

#endif

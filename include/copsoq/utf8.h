/*
 * utf8.h - the program's one set of UTF-8 helpers, and a growable string.
 *
 * Every text the program holds is UTF-8 (csvread.c transcodes input that
 * is not); these functions read it by code point and cut it only on a
 * code-point boundary.  cq_sbuf replaces fixed text buffers: it grows as
 * needed, and on running out of memory it keeps what it has, sets nomem and
 * ignores further writes, so callers check once at the end.
 */
#ifndef COPSOQ_UTF8_H
#define COPSOQ_UTF8_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int cq_utf8_valid(const char *s, size_t len);

/* Transcodes Windows-1252 s[0..len) to UTF-8 into out (cap >= 3 * len + 1);
 * returns the length written (NUL-terminated). */
size_t cq_cp1252_to_utf8(const char *s, size_t len, char *out, size_t cap);

/* The code point at *p (valid UTF-8 expected; a stray byte is read as
 * itself); advances *p past it.  *p must not point at the terminating NUL. */
uint32_t cq_utf8_next(const char **p);

/* Display width in characters (code points less combining marks; the
 * widest line when the text holds newlines). */
size_t cq_utf8_width(const char *s);

/* Bytes of the longest prefix of s that holds at most max_cps code points
 * and at most max_bytes bytes, ending on a code-point boundary. */
size_t cq_utf8_prefix(const char *s, size_t max_cps, size_t max_bytes);

/* A growable NUL-terminated string.  Zero-initialise; free with
 * cq_sbuf_free.  str() is never NULL. */
typedef struct {
    char *p;
    size_t len, cap;
    int nomem;
} cq_sbuf;

void cq_sbuf_puts(cq_sbuf *b, const char *s);
void cq_sbuf_putn(cq_sbuf *b, const char *s, size_t n);
void cq_sbuf_printf(cq_sbuf *b, const char *f, ...) __attribute__((format(printf, 2, 3)));
void cq_sbuf_vprintf(cq_sbuf *b, const char *f, va_list ap);
void cq_sbuf_clear(cq_sbuf *b); /* empties the string, keeps the memory */
const char *cq_sbuf_str(const cq_sbuf *b);
void cq_sbuf_free(cq_sbuf *b);

#endif

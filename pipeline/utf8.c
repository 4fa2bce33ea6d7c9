/*
 * utf8.c - UTF-8 reading, checking, cutting and transcoding (utf8.h), and
 * the growable string cq_sbuf.
 */
#include "copsoq/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cq_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* eight ASCII bytes at a time */
        uint64_t w;
        if (len - i >= 8 && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0)) {
            i += 8;
            continue;
        }
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return 0;
        }
        if (len - i <= need)
            return 0;
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += need + 1;
    }
    return 1;
}

/* Windows-1252 0x80..0x9F; 0 where undefined (kept as U+FFFD). */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

size_t
cq_cp1252_to_utf8(const char *str, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    for (size_t i = 0; i < len && o + 4 <= cap; i++) {
        unsigned cp = s[i];
        if (cp >= 0x80 && cp <= 0x9F)
            cp = cp1252_high[cp - 0x80] ? cp1252_high[cp - 0x80] : 0xFFFD;
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | (cp >> 6));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xE0 | (cp >> 12));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = '\0';
    return o;
}

uint32_t
cq_utf8_next(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    int n = 0;
    if (c < 0x80)
        n = 0;
    else if ((c & 0xE0) == 0xC0) {
        c &= 0x1F;
        n = 1;
    } else if ((c & 0xF0) == 0xE0) {
        c &= 0x0F;
        n = 2;
    } else if ((c & 0xF8) == 0xF0) {
        c &= 0x07;
        n = 3;
    }
    s++;
    for (int i = 0; i < n && (*s & 0xC0) == 0x80; i++, s++)
        c = (c << 6) | (*s & 0x3F);
    *p = (const char *)s;
    return c;
}

size_t
cq_utf8_width(const char *s)
{
    size_t best = 0, cur = 0;
    while (s && *s) {
        uint32_t c = cq_utf8_next(&s);
        if (c == '\n') {
            cur = 0;
            continue;
        }
        if ((c >= 0x300 && c < 0x370) || c == 0x200B) /* combining marks, zero width */
            continue;
        if (++cur > best)
            best = cur;
    }
    return best;
}

size_t
cq_utf8_prefix(const char *s, size_t max_cps, size_t max_bytes)
{
    size_t o = 0, n = 0;
    const char *p = s;
    while (*p && n < max_cps) {
        const char *start = p;
        cq_utf8_next(&p);
        size_t len = (size_t)(p - start);
        if (o + len > max_bytes)
            break;
        o += len;
        n++;
    }
    return o;
}

/* Room for need more bytes and the NUL; 0 or -1 (nomem set). */
static int
reserve(cq_sbuf *b, size_t need)
{
    if (b->nomem)
        return -1;
    if (b->len + need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *q = realloc(b->p, cap);
    if (!q) {
        b->nomem = 1;
        return -1;
    }
    b->p = q;
    b->cap = cap;
    return 0;
}

void
cq_sbuf_putn(cq_sbuf *b, const char *s, size_t n)
{
    if (reserve(b, n) != 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void
cq_sbuf_puts(cq_sbuf *b, const char *s)
{
    if (s)
        cq_sbuf_putn(b, s, strlen(s));
}

void
cq_sbuf_vprintf(cq_sbuf *b, const char *f, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    char probe[256];
    int n = vsnprintf(probe, sizeof probe, f, ap);
    if (n < 0 || reserve(b, (size_t)n) != 0) {
        va_end(again);
        return;
    }
    if ((size_t)n < sizeof probe)
        memcpy(b->p + b->len, probe, (size_t)n + 1);
    else
        vsnprintf(b->p + b->len, (size_t)n + 1, f, again);
    va_end(again);
    b->len += (size_t)n;
}

void
cq_sbuf_printf(cq_sbuf *b, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    cq_sbuf_vprintf(b, f, ap);
    va_end(ap);
}

void
cq_sbuf_clear(cq_sbuf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

const char *
cq_sbuf_str(const cq_sbuf *b)
{
    return b->p ? b->p : "";
}

void
cq_sbuf_free(cq_sbuf *b)
{
    if (!b)
        return;
    free(b->p);
    memset(b, 0, sizeof *b);
}

/*
 * source.c - byte sources for the readers (see source.h).
 *
 * One pass over the input: raw bytes are read with fread (a file, a pipe,
 * /dev/stdin) or taken from memory, hashed with SHA-256 as they pass, and
 * inflated with zlib when the first two bytes are the gzip magic (never the
 * name).  Text that starts with a UTF-16 byte-order mark is transcoded to
 * UTF-8 on the way out.  A truncated gzip stream is reported at the end of
 * the data or at the latest by cq_source_close, whose status must be checked.
 */
#include "copsoq/source.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <openssl/evp.h>

#define RAW_BLOCK (64 * 1024)
#define OUT_BLOCK (64 * 1024)

#define GZ_SLOTS 4
#define GZ_BLOCK (256 * 1024)

typedef struct {
    unsigned char *data; /* [GZ_BLOCK] */
    size_t len;
    cq_status st; /* after the good bytes: an error (the thread's last slot) */
    cq_diag d;
} gz_slot;

struct cq_source {
    char *name;
    FILE *f;
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    /* raw bytes: a block read from f, or a window of mem */
    unsigned char *raw;
    int raw_eof;
    uint64_t raw_bytes;
    EVP_MD_CTX *md;
    /* gzip */
    int gzip;
    z_stream zs;
    int zs_open, zs_done;
    /* decompressed look-ahead (format detection) and UTF-16 */
    unsigned char *look;
    size_t look_len, look_pos;
    int started;        /* the first decompressed bytes were inspected */
    int utf16;          /* 0: no, 1: LE, 2: BE */
    uint64_t size_hint; /* decompressed size as far as known before reading, or 0 */
    unsigned char u16_pend[4];
    size_t u16_npend;
    unsigned char *u16_in;
    /* gzip is inflated on a thread of its own (gz_produce) into a ring of
     * GZ_SLOTS blocks; the thread alone touches zs, raw, md and raw_* while
     * it runs (gz_join hands them back) */
    int gz_started, gz_sync, gz_running;
    pthread_t gz_tid;
    pthread_mutex_t gz_mu;
    pthread_cond_t gz_cv; /* a slot filled or freed, or gz_stop */
    gz_slot gz_q[GZ_SLOTS];
    size_t gz_head, gz_count; /* the filled slots, oldest first */
    size_t gz_pos;            /* bytes of the head slot already taken */
    int gz_end, gz_stop;      /* the thread's last slot is in; stop filling */
};

static int
has_gzip_magic(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

static cq_source *
source_new(const char *name)
{
    cq_source *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->name = strdup(name);
    s->md = EVP_MD_CTX_new();
    s->raw = malloc(RAW_BLOCK);
    if (!s->name || !s->md || !s->raw || EVP_DigestInit_ex(s->md, EVP_sha256(), NULL) != 1) {
        free(s->name);
        EVP_MD_CTX_free(s->md);
        free(s->raw);
        free(s);
        return NULL;
    }
    return s;
}

/* The next raw block (hashed) into s->raw; *got = 0 at the end. */
static cq_status
raw_next(cq_source *s, size_t *got, cq_diag *d)
{
    *got = 0;
    if (s->raw_eof)
        return CQ_OK;
    if (s->f) {
        size_t n = fread(s->raw, 1, RAW_BLOCK, s->f);
        if (n == 0 && ferror(s->f))
            return cq_fail(d, CQ_ERR_READ, "%s: read error: %s", s->name, strerror(errno));
        *got = n;
    } else {
        size_t left = s->mem_len - s->mem_pos;
        size_t n = left < RAW_BLOCK ? left : RAW_BLOCK;
        memcpy(s->raw, s->mem + s->mem_pos, n);
        s->mem_pos += n;
        *got = n;
    }
    if (*got == 0) {
        s->raw_eof = 1;
        return CQ_OK;
    }
    EVP_DigestUpdate(s->md, s->raw, *got);
    s->raw_bytes += *got;
    return CQ_OK;
}

static cq_status
open_common(cq_source *s, cq_diag *d)
{
    size_t got;
    cq_status st = raw_next(s, &got, d);
    if (st != CQ_OK)
        return st;
    s->gzip = has_gzip_magic(s->raw, got);
    /* the decompressed size, for sizing tables: a plain file's size, or a
     * gzip file's last four bytes (the size of its last member, mod 2^32) */
    uint64_t raw_size = 0;
    unsigned char tail[4] = {0};
    int have_tail = 0;
    struct stat sb;
    if (s->f && fstat(fileno(s->f), &sb) == 0 && S_ISREG(sb.st_mode)) {
        raw_size = (uint64_t)sb.st_size;
        have_tail = raw_size >= 18 && pread(fileno(s->f), tail, 4, sb.st_size - 4) == 4;
    } else if (s->mem) {
        raw_size = s->mem_len;
        if ((have_tail = raw_size >= 18))
            memcpy(tail, s->mem + s->mem_len - 4, 4);
    }
    uint64_t isize = (uint64_t)tail[0] | (uint64_t)tail[1] << 8 | (uint64_t)tail[2] << 16 |
                     (uint64_t)tail[3] << 24;
    if (!s->gzip)
        s->size_hint = raw_size;
    else if (have_tail && isize <= 64 * raw_size) /* a damaged trailer claims no more */
        s->size_hint = isize;
    s->zs.next_in = s->raw;
    s->zs.avail_in = (uInt)got;
    if (s->gzip) {
        /* 15 + 16: gzip wrapper only */
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK)
            return cq_fail(d, CQ_ERR_NOMEM, "%s: cannot start zlib", s->name);
        s->zs_open = 1;
    }
    return CQ_OK;
}

cq_status
cq_source_open_file(const char *path, cq_source **out, cq_diag *d)
{
    *out = NULL;
    /* "-" is standard input (a pipe); dup'd so that closing it is ours */
    int fd = strcmp(path, "-") == 0 ? dup(0) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : fopen(path, "rb");
    if (!f)
        return cq_fail(d, CQ_ERR_OPEN, "%s: cannot open: %s", path, strerror(errno));
    cq_source *s = source_new(path);
    if (!s) {
        fclose(f);
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", path);
    }
    s->f = f;
    cq_status st = open_common(s, d);
    if (st != CQ_OK) {
        cq_source_close(s, NULL);
        return st;
    }
    *out = s;
    return CQ_OK;
}

cq_status
cq_source_open_mem(const void *buf, size_t len, const char *name, cq_source **out, cq_diag *d)
{
    *out = NULL;
    cq_source *s = source_new(name);
    if (!s)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", name);
    s->mem = buf;
    s->mem_len = len;
    cq_status st = open_common(s, d);
    if (st != CQ_OK) {
        cq_source_close(s, NULL);
        return st;
    }
    *out = s;
    return CQ_OK;
}

/* The next raw block as zlib's input (plain files read it from there too). */
static cq_status
refill(cq_source *s, cq_diag *d)
{
    size_t n;
    cq_status st = raw_next(s, &n, d);
    if (st != CQ_OK)
        return st;
    s->zs.next_in = s->raw;
    s->zs.avail_in = (uInt)n;
    return CQ_OK;
}

/* Inflated bytes (some, or none at the end of the data). */
static cq_status
read_gzip(cq_source *s, unsigned char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    if (cap > UINT32_MAX)
        cap = UINT32_MAX;
    while (*got == 0 && !s->zs_done) {
        if (s->zs.avail_in == 0 && !s->raw_eof) {
            cq_status st = refill(s, d);
            if (st != CQ_OK)
                return st;
        }
        if (s->zs.avail_in == 0 && s->raw_eof)
            return cq_fail(d, CQ_ERR_GZIP, "%s: gzip data end too early (truncated file)", s->name);
        s->zs.next_out = buf;
        s->zs.avail_out = (uInt)cap;
        int rc = inflate(&s->zs, Z_NO_FLUSH);
        *got = (size_t)(s->zs.next_out - buf);
        if (rc == Z_STREAM_END) {
            /* a further gzip member may follow (concatenated files) */
            if (s->zs.avail_in == 0 && !s->raw_eof) {
                size_t n;
                cq_status st = raw_next(s, &n, d);
                if (st != CQ_OK)
                    return st;
                s->zs.next_in = s->raw;
                s->zs.avail_in = (uInt)n;
            }
            if (s->zs.avail_in == 0)
                s->zs_done = 1;
            else if (inflateReset(&s->zs) != Z_OK)
                return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data", s->name);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data (%s)", s->name,
                           s->zs.msg ? s->zs.msg : "inflate failed");
        }
    }
    return CQ_OK;
}

/* The inflating thread: fills the ring's free slots with GZ_BLOCK bytes each
 * (fewer in the last), until the end of the data, an error (kept in the slot,
 * after its good bytes) or gz_stop. */
static void *
gz_produce(void *arg)
{
    cq_source *s = arg;
    for (int last = 0; !last;) {
        pthread_mutex_lock(&s->gz_mu);
        while (s->gz_count == GZ_SLOTS && !s->gz_stop)
            pthread_cond_wait(&s->gz_cv, &s->gz_mu);
        int stop = s->gz_stop;
        gz_slot *q = &s->gz_q[(s->gz_head + s->gz_count) % GZ_SLOTS];
        pthread_mutex_unlock(&s->gz_mu);
        if (stop)
            break;
        /* the slot is not in the ring yet: this thread's alone */
        q->len = 0;
        q->st = CQ_OK;
        while (q->len < GZ_BLOCK) {
            size_t got;
            q->st = read_gzip(s, q->data + q->len, GZ_BLOCK - q->len, &got, &q->d);
            if (q->st != CQ_OK || got == 0) {
                last = 1;
                break;
            }
            q->len += got;
        }
        pthread_mutex_lock(&s->gz_mu);
        s->gz_count++;
        s->gz_end = last;
        pthread_cond_broadcast(&s->gz_cv);
        pthread_mutex_unlock(&s->gz_mu);
    }
    return NULL;
}

/* Stops the inflating thread and waits for it: zlib's state, the raw
 * block and the hash are this thread's again. */
static void
gz_join(cq_source *s)
{
    if (!s->gz_running)
        return;
    pthread_mutex_lock(&s->gz_mu);
    s->gz_stop = 1;
    pthread_cond_broadcast(&s->gz_cv);
    pthread_mutex_unlock(&s->gz_mu);
    pthread_join(s->gz_tid, NULL);
    s->gz_running = 0;
}

/* Inflated bytes from the ring; the thread starts at the first call (or,
 * when it cannot, this thread inflates itself). */
static cq_status
read_ring(cq_source *s, unsigned char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    if (!s->gz_started) {
        s->gz_started = 1;
        int ok = 1;
        for (size_t k = 0; k < GZ_SLOTS && ok; k++)
            ok = (s->gz_q[k].data = malloc(GZ_BLOCK)) != NULL;
        if (ok && pthread_mutex_init(&s->gz_mu, NULL) == 0) {
            if (pthread_cond_init(&s->gz_cv, NULL) == 0) {
                s->gz_sync = 1;
                s->gz_running = pthread_create(&s->gz_tid, NULL, gz_produce, s) == 0;
            } else {
                pthread_mutex_destroy(&s->gz_mu);
            }
        }
    }
    if (!s->gz_running)
        return read_gzip(s, buf, cap, got, d);
    pthread_mutex_lock(&s->gz_mu);
    while (s->gz_count == 0 && !s->gz_end)
        pthread_cond_wait(&s->gz_cv, &s->gz_mu);
    gz_slot *q = s->gz_count ? &s->gz_q[s->gz_head] : NULL;
    pthread_mutex_unlock(&s->gz_mu);
    if (!q)
        return CQ_OK; /* the end, every byte taken */
    if (s->gz_pos == q->len && q->st != CQ_OK) {
        if (d)
            *d = q->d;
        return q->st; /* after the slot's good bytes; it stays, so it repeats */
    }
    size_t n = q->len - s->gz_pos < cap ? q->len - s->gz_pos : cap;
    memcpy(buf, q->data + s->gz_pos, n);
    s->gz_pos += n;
    *got = n;
    if (s->gz_pos == q->len && q->st == CQ_OK) {
        pthread_mutex_lock(&s->gz_mu);
        s->gz_head = (s->gz_head + 1) % GZ_SLOTS;
        s->gz_count--;
        s->gz_pos = 0;
        pthread_cond_broadcast(&s->gz_cv);
        pthread_mutex_unlock(&s->gz_mu);
    }
    return CQ_OK;
}

/* Decompressed bytes, before any transcoding. */
static cq_status
read_plain(cq_source *s, unsigned char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    if (s->gzip)
        return read_ring(s, buf, cap, got, d);
    while (s->zs.avail_in == 0 && !s->raw_eof) {
        cq_status st = refill(s, d);
        if (st != CQ_OK)
            return st;
    }
    size_t n = s->zs.avail_in < cap ? s->zs.avail_in : cap;
    memcpy(buf, s->zs.next_in, n);
    s->zs.next_in += n;
    s->zs.avail_in -= (uInt)n;
    *got = n;
    return CQ_OK;
}

/* Fills the look-ahead with the first decompressed bytes (up to CQ_SOURCE_PEEK)
 * and switches on UTF-16 transcoding when they start with its byte-order mark. */
static cq_status
start(cq_source *s, cq_diag *d)
{
    if (s->started)
        return CQ_OK;
    s->started = 1;
    s->look = malloc(CQ_SOURCE_PEEK);
    if (!s->look)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", s->name);
    while (s->look_len < CQ_SOURCE_PEEK) {
        size_t got;
        cq_status st = read_plain(s, s->look + s->look_len, CQ_SOURCE_PEEK - s->look_len, &got, d);
        if (st != CQ_OK)
            return st;
        if (got == 0)
            break;
        s->look_len += got;
    }
    const unsigned char *u = s->look;
    if (s->look_len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                             (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
        return cq_fail(d, CQ_ERR_BINARY,
                       "%s: line 1: UTF-32 text is not supported: save the file as CSV (UTF-8), "
                       "CSV (semicolon) or Unicode text (UTF-16)",
                       s->name);
    if (s->look_len >= 2 && s->look[0] == 0xFF && s->look[1] == 0xFE)
        s->utf16 = 1;
    else if (s->look_len >= 2 && s->look[0] == 0xFE && s->look[1] == 0xFF)
        s->utf16 = 2;
    if (s->utf16)
        s->look_pos = 2; /* the BOM goes */
    return CQ_OK;
}

cq_status
cq_source_peek(cq_source *s, const unsigned char **p, size_t *n, cq_diag *d)
{
    cq_status st = start(s, d);
    if (st != CQ_OK)
        return st;
    *p = s->look + s->look_pos;
    *n = s->look_len - s->look_pos;
    return CQ_OK;
}

/* Decompressed bytes after the look-ahead. */
static cq_status
read_bytes(cq_source *s, unsigned char *buf, size_t cap, size_t *got, cq_diag *d)
{
    if (s->look_pos < s->look_len) {
        size_t n = s->look_len - s->look_pos;
        if (n > cap)
            n = cap;
        memcpy(buf, s->look + s->look_pos, n);
        s->look_pos += n;
        *got = n;
        return CQ_OK;
    }
    return read_plain(s, buf, cap, got, d);
}

static size_t
put_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* UTF-16 -> UTF-8: reads at most cap / 4 code units' worth so the output fits. */
static cq_status
read_utf16(cq_source *s, char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    if (!s->u16_in && !(s->u16_in = malloc(OUT_BLOCK)))
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", s->name);
    size_t want = cap / 2; /* bytes of UTF-16 in; each 2 bytes give at most 3 bytes out */
    if (want > OUT_BLOCK)
        want = OUT_BLOCK;
    want &= ~(size_t)3;
    if (want < 4)
        return cq_fail(d, CQ_ERR_INTERNAL, "%s: read buffer too small", s->name);
    while (*got == 0) {
        memcpy(s->u16_in, s->u16_pend, s->u16_npend);
        size_t have = s->u16_npend, n = 0;
        s->u16_npend = 0;
        cq_status st = read_bytes(s, s->u16_in + have, want - have, &n, d);
        if (st != CQ_OK)
            return st;
        have += n;
        if (have == 0)
            return CQ_OK;
        int at_end = n == 0;
        size_t i = 0, o = 0;
        const unsigned char *u = s->u16_in;
        while (i + 1 < have) {
            unsigned c =
                s->utf16 == 1 ? (unsigned)(u[i] | u[i + 1] << 8) : (unsigned)(u[i] << 8 | u[i + 1]);
            size_t used = 2;
            if (c >= 0xD800 && c <= 0xDBFF) {
                if (i + 3 >= have && !at_end)
                    break; /* the pair's second half comes with the next block */
                unsigned c2 = 0;
                if (i + 3 < have)
                    c2 = s->utf16 == 1 ? (unsigned)(u[i + 2] | u[i + 3] << 8)
                                       : (unsigned)(u[i + 2] << 8 | u[i + 3]);
                if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                    used = 4;
                } else {
                    c = 0xFFFD;
                }
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                c = 0xFFFD;
            }
            o += put_utf8(c, buf + o);
            i += used;
        }
        if (i < have) {
            if (at_end) {
                o += put_utf8(0xFFFD, buf + o); /* an odd last byte */
            } else {
                s->u16_npend = have - i;
                memcpy(s->u16_pend, u + i, s->u16_npend);
            }
        }
        *got = o;
        if (at_end && o == 0)
            return CQ_OK;
    }
    return CQ_OK;
}

cq_status
cq_source_read(cq_source *s, char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    cq_status st = start(s, d);
    if (st != CQ_OK)
        return st;
    if (s->utf16)
        return read_utf16(s, buf, cap, got, d);
    return read_bytes(s, (unsigned char *)buf, cap, got, d);
}

cq_status
cq_source_slurp(cq_source *s, size_t max, unsigned char **data, size_t *len, cq_diag *d)
{
    *data = NULL;
    *len = 0;
    size_t cap = 1 << 16, n = 0;
    unsigned char *p = malloc(cap);
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", s->name);
    for (;;) {
        if (n == cap) {
            if (cap >= max) {
                free(p);
                return cq_fail(d, CQ_ERR_LIMIT, "%s: larger than %zu MB", s->name, max >> 20);
            }
            size_t nc = cap * 2 > max ? max : cap * 2;
            unsigned char *q = realloc(p, nc);
            if (!q) {
                free(p);
                return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", s->name);
            }
            p = q;
            cap = nc;
        }
        size_t got;
        cq_status st = cq_source_read(s, (char *)p + n, cap - n, &got, d);
        if (st != CQ_OK) {
            free(p);
            return st;
        }
        if (got == 0)
            break;
        n += got;
    }
    *data = p;
    *len = n;
    return CQ_OK;
}

uint64_t
cq_source_size_hint(const cq_source *s)
{
    return s->utf16 ? 0 : s->size_hint;
}

int
cq_source_is_gzip(const cq_source *s)
{
    return s->gzip;
}

int
cq_source_utf16(const cq_source *s)
{
    return s->utf16;
}

const char *
cq_source_name(const cq_source *s)
{
    return s->name;
}

cq_status
cq_source_digest(cq_source *s, char hex[65], uint64_t *size, cq_diag *d)
{
    gz_join(s);
    /* the rest of the input, so that the hash covers the whole file */
    for (;;) {
        size_t got;
        cq_status st = raw_next(s, &got, d);
        if (st != CQ_OK)
            return st;
        if (got == 0)
            break;
        if (s->gzip && !s->zs_done) { /* inflate it too: a truncated tail must show */
            s->zs.next_in = s->raw;
            s->zs.avail_in = (uInt)got;
            unsigned char sink[4096];
            while (s->zs.avail_in && !s->zs_done) {
                s->zs.next_out = sink;
                s->zs.avail_out = sizeof sink;
                int rc = inflate(&s->zs, Z_NO_FLUSH);
                if (rc == Z_STREAM_END && s->zs.avail_in)
                    rc = inflateReset(&s->zs);
                else if (rc == Z_STREAM_END)
                    s->zs_done = 1;
                if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
                    return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data", s->name);
            }
        }
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_DigestFinal_ex(s->md, md, &mdlen);
    for (unsigned i = 0; i < mdlen && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = '\0';
    if (size)
        *size = s->raw_bytes;
    return CQ_OK;
}

cq_status
cq_source_close(cq_source *s, cq_diag *d)
{
    if (!s)
        return CQ_OK;
    cq_status st = CQ_OK;
    gz_join(s);
    if (s->gz_sync) {
        pthread_cond_destroy(&s->gz_cv);
        pthread_mutex_destroy(&s->gz_mu);
    }
    for (size_t k = 0; k < GZ_SLOTS; k++)
        free(s->gz_q[k].data);
    if (s->zs_open) {
        if (!s->zs_done && s->raw_eof && s->zs.avail_in == 0)
            st = cq_fail(d, CQ_ERR_GZIP, "%s: gzip data end too early (truncated file)", s->name);
        inflateEnd(&s->zs);
    }
    if (s->f && fclose(s->f) != 0 && st == CQ_OK)
        st = cq_fail(d, CQ_ERR_READ, "%s: error while closing: %s", s->name, strerror(errno));
    EVP_MD_CTX_free(s->md);
    free(s->raw);
    free(s->look);
    free(s->u16_in);
    free(s->name);
    free(s);
    return st;
}

cq_status
cq_file_sha256(const char *path, char hex[65], uint64_t *size, cq_diag *d)
{
    cq_source *s = NULL;
    cq_status st = cq_source_open_file(path, &s, d);
    if (st != CQ_OK)
        return st;
    st = cq_source_digest(s, hex, size, d);
    cq_source_close(s, NULL);
    return st;
}

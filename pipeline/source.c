/*
 * source.c - byte sources for the readers (see source.h).
 *
 * Files are read with zlib's gz* functions, which pass plain files through
 * and inflate gzip ones, deciding from the first bytes, not the name.  zlib
 * reports a truncated gzip stream only at gzclose (Z_BUF_ERROR), so the
 * status of cq_source_close must be checked.  Memory buffers are inflated
 * with inflate() when they start with the gzip magic bytes.
 */
#include "copsoq/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <openssl/evp.h>

#define GZ_BUFFER (128 * 1024)

struct cq_source {
    char *name;
    int gzip;
    /* file */
    gzFile gz;
    /* memory */
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    z_stream zs;
    int zs_open, zs_done;
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
    if (!s->name) {
        free(s);
        return NULL;
    }
    return s;
}

cq_status
cq_source_open_file(const char *path, cq_source **out, cq_diag *d)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return cq_fail(d, CQ_ERR_OPEN, "%s: cannot open: %s", path, strerror(errno));
    unsigned char magic[2];
    size_t got = fread(magic, 1, 2, f);
    fclose(f);
    cq_source *s = source_new(path);
    if (!s)
        return cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", path);
    s->gzip = has_gzip_magic(magic, got);
    s->gz = gzopen(path, "rb");
    if (!s->gz) {
        int e = errno;
        free(s->name);
        free(s);
        return cq_fail(d, CQ_ERR_OPEN, "%s: cannot open: %s", path, e ? strerror(e) : "zlib");
    }
    gzbuffer(s->gz, GZ_BUFFER);
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
    s->gzip = has_gzip_magic(buf, len);
    if (s->gzip) {
        /* 15 + 16: gzip wrapper only */
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK) {
            free(s->name);
            free(s);
            return cq_fail(d, CQ_ERR_NOMEM, "%s: cannot start zlib", name);
        }
        s->zs_open = 1;
        s->zs.next_in = (unsigned char *)(uintptr_t)buf;
        s->zs.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
        s->mem_pos = s->zs.avail_in;
    }
    *out = s;
    return CQ_OK;
}

static cq_status
read_mem_gzip(cq_source *s, char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    while (*got == 0 && !s->zs_done) {
        s->zs.next_out = (unsigned char *)buf;
        s->zs.avail_out = (uInt)(cap > UINT32_MAX ? UINT32_MAX : cap);
        int rc = inflate(&s->zs, Z_NO_FLUSH);
        *got = (size_t)((unsigned char *)s->zs.next_out - (unsigned char *)buf);
        if (rc == Z_STREAM_END) {
            /* a further gzip member may follow (concatenated files) */
            if (s->zs.avail_in == 0 && s->mem_pos >= s->mem_len) {
                s->zs_done = 1;
            } else {
                if (inflateReset(&s->zs) != Z_OK)
                    return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data", s->name);
            }
        } else if (rc == Z_BUF_ERROR && *got == 0) {
            return cq_fail(d, CQ_ERR_GZIP, "%s: gzip data end too early (truncated file)", s->name);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data (%s)", s->name,
                           s->zs.msg ? s->zs.msg : "inflate failed");
        }
    }
    return CQ_OK;
}

cq_status
cq_source_read(cq_source *s, char *buf, size_t cap, size_t *got, cq_diag *d)
{
    *got = 0;
    if (s->gz) {
        if (cap > INT32_MAX)
            cap = INT32_MAX;
        int n = gzread(s->gz, buf, (unsigned)cap);
        if (n < 0) {
            int err = 0;
            const char *msg = gzerror(s->gz, &err);
            if (err == Z_ERRNO)
                return cq_fail(d, CQ_ERR_READ, "%s: read error: %s", s->name, strerror(errno));
            return cq_fail(d, CQ_ERR_GZIP, "%s: damaged gzip data (%s)", s->name,
                           msg ? msg : "zlib error");
        }
        *got = (size_t)n;
        return CQ_OK;
    }
    if (s->gzip)
        return read_mem_gzip(s, buf, cap, got, d);
    size_t left = s->mem_len - s->mem_pos;
    size_t n = left < cap ? left : cap;
    memcpy(buf, s->mem + s->mem_pos, n);
    s->mem_pos += n;
    *got = n;
    return CQ_OK;
}

int
cq_source_is_gzip(const cq_source *s)
{
    return s->gzip;
}

const char *
cq_source_name(const cq_source *s)
{
    return s->name;
}

cq_status
cq_source_close(cq_source *s, cq_diag *d)
{
    if (!s)
        return CQ_OK;
    cq_status st = CQ_OK;
    if (s->gz) {
        int rc = gzclose(s->gz);
        if (rc == Z_BUF_ERROR)
            st = cq_fail(d, CQ_ERR_GZIP, "%s: gzip data end too early (truncated file)", s->name);
        else if (rc != Z_OK)
            st = cq_fail(d, CQ_ERR_READ, "%s: error while closing (zlib status %d)", s->name, rc);
    }
    if (s->zs_open) {
        if (!s->zs_done && st == CQ_OK)
            st = cq_fail(d, CQ_ERR_GZIP, "%s: gzip data end too early (truncated file)", s->name);
        inflateEnd(&s->zs);
    }
    free(s->name);
    free(s);
    return st;
}

cq_status
cq_file_sha256(const char *path, char hex[65], uint64_t *size, cq_diag *d)
{
    cq_status st = CQ_OK;
    unsigned char *buf = NULL;
    EVP_MD_CTX *ctx = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return cq_fail(d, CQ_ERR_OPEN, "%s: cannot open: %s", path, strerror(errno));
    buf = malloc(GZ_BUFFER);
    ctx = EVP_MD_CTX_new();
    if (!buf || !ctx) {
        st = cq_fail(d, CQ_ERR_NOMEM, "%s: out of memory", path);
        goto cleanup;
    }
    if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
        st = cq_fail(d, CQ_ERR_INTERNAL, "%s: SHA-256 unavailable", path);
        goto cleanup;
    }
    uint64_t total = 0;
    size_t n;
    while ((n = fread(buf, 1, GZ_BUFFER, f)) > 0) {
        EVP_DigestUpdate(ctx, buf, n);
        total += n;
    }
    if (ferror(f)) {
        st = cq_fail(d, CQ_ERR_READ, "%s: read error: %s", path, strerror(errno));
        goto cleanup;
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_DigestFinal_ex(ctx, md, &mdlen);
    for (unsigned i = 0; i < mdlen && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = '\0';
    if (size)
        *size = total;
cleanup:
    EVP_MD_CTX_free(ctx);
    free(buf);
    fclose(f);
    return st;
}

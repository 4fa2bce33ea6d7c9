/*
 * buildinfo.c - what this binary was built from: the git commit (passed by
 * the Makefile as -DCQ_BUILD_ID from `git describe --always --dirty`, and
 * "unknown" outside a git checkout) and the versions of the libraries it is
 * linked with, for provenance.csv and the report's provenance sheet.  The
 * Makefile recompiles this file on every build so the commit is current.
 */
#include "copsoq/buildinfo.h"

#include <gsl/gsl_version.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <xlsxwriter.h>
#include <zlib.h>

#ifndef CQ_BUILD_ID
#define CQ_BUILD_ID "unknown"
#endif

const char *
cq_build_id(void)
{
    return CQ_BUILD_ID[0] ? CQ_BUILD_ID : "unknown";
}

const char *
cq_build_library(size_t i, const char **name)
{
    switch (i) {
    case 0:
        *name = "gsl";
        return GSL_VERSION; /* the headers built against; gsl_version is the linked one */
    case 1:
        *name = "libxlsxwriter";
        return LXW_VERSION;
    case 2:
        *name = "zlib";
        return zlibVersion(); /* the linked library */
    case 3:
        *name = "openssl";
        return OpenSSL_version(OPENSSL_VERSION);
    case 4:
        *name = "libcsv";
        return "3 (no version call)";
    default:
        return NULL;
    }
}

/*
 * report_text.c - the report's strings (table in report_text.h) and the
 * small helpers that put numbers and names into running text.
 */
#include "copsoq/report_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const texts[CQ_T_COUNT][2] = {
#define CQ_X_TEXT_ROW(id, sv, en) {sv, en},
    CQ_REPORT_TEXTS(CQ_X_TEXT_ROW)
#undef CQ_X_TEXT_ROW
};

const char *
cq_text(int en, cq_text_id id)
{
    if ((unsigned)id >= CQ_T_COUNT)
        return "";
    return texts[id][en ? 1 : 0];
}

const char *
cq_vtextf(cq_sbuf *out, int en, cq_text_id id, va_list ap)
{
    cq_sbuf_clear(out);
    /* the formats are the fixed texts above, each checked to take the same
     * arguments in both languages (tests/report_check.py) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    cq_sbuf_vprintf(out, cq_text(en, id), ap);
#pragma GCC diagnostic pop
    return cq_sbuf_str(out);
}

const char *
cq_textf(cq_sbuf *out, int en, cq_text_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    const char *r = cq_vtextf(out, en, id, ap);
    va_end(ap);
    return r;
}

/* Appends s to buf at *o, within cap. */
static void
put(char *buf, size_t cap, size_t *o, const char *s)
{
    size_t n = strlen(s);
    if (*o + n + 1 > cap)
        n = cap > *o + 1 ? cap - *o - 1 : 0;
    memcpy(buf + *o, s, n);
    *o += n;
    buf[*o] = '\0';
}

const char *
cq_text_number(char *buf, size_t cap, int en, double v, int decimals, int sign)
{
    if (cap == 0)
        return buf;
    buf[0] = '\0';
    if (!isfinite(v))
        return buf;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* a value that rounds to zero has no sign */
    int zero = 1;
    for (const char *p = digits; *p; p++)
        if (*p >= '1' && *p <= '9')
            zero = 0;
    size_t o = 0;
    if (!zero && v < 0)
        put(buf, cap, &o, "\u2212");
    else if (!zero && sign)
        put(buf, cap, &o, "+");
    const char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    for (size_t i = 0; i < int_len; i++) {
        char c[2] = {digits[i], '\0'};
        put(buf, cap, &o, c);
        size_t left = int_len - i - 1;
        /* group thousands only in numbers of five digits or more in Swedish
         * practice; we group from four, as both languages read it fine */
        if (left > 0 && left % 3 == 0)
            put(buf, cap, &o, en ? "," : "\u00a0");
    }
    if (dot) {
        put(buf, cap, &o, en ? "." : ",");
        put(buf, cap, &o, dot + 1);
    }
    return buf;
}

const char *
cq_text_domain(int en, const char *domain)
{
    static const struct {
        const char *en, *sv;
    } known[] = {
        {"Demands at work", "Krav i arbetet"},
        {"Work organisation and job contents", "Arbetets organisation och innehåll"},
        {"Work organization and job contents", "Arbetets organisation och innehåll"},
        {"Interpersonal relations and leadership", "Relationer och ledarskap"},
        {"Work\u2013individual interface", "Arbete och individ"},
        {"Work-individual interface", "Arbete och individ"},
        {"Values at the workplace", "Värderingar på arbetsplatsen"},
        {"Health and well-being", "Hälsa och välbefinnande"},
        {"Health and wellbeing", "Hälsa och välbefinnande"},
        {"Offensive behaviour", "Kränkande beteenden"},
        {"Offensive behavior", "Kränkande beteenden"},
    };
    if (en || !domain)
        return domain ? domain : "";
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcasecmp(domain, known[i].en) == 0)
            return known[i].sv;
    return domain;
}

const char *
cq_text_issue(int en, const char *issue)
{
    static const struct {
        const char *code, *sv, *en;
    } known[] = {
        {"duplicate_id", "dubblett-id", "duplicate id"},
        {"invalid_value", "ogiltigt värde", "invalid value"},
        {"missing_id", "id saknas", "missing id"},
        {"field_count", "fel antal fält", "wrong number of fields"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(issue, known[i].code) == 0)
            return en ? known[i].en : known[i].sv;
    return issue;
}

void
cq_text_lower_first(char *s)
{
    unsigned char *u = (unsigned char *)s;
    if (u[0] >= 'A' && u[0] <= 'Z') {
        /* keep acronyms ("LSS", "IT-stöd") as they are */
        if (u[1] >= 'A' && u[1] <= 'Z')
            return;
        u[0] = (unsigned char)(u[0] - 'A' + 'a');
    } else if (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97) {
        u[1] = (unsigned char)(u[1] + 0x20); /* À..Þ -> à..þ, not × */
    }
}

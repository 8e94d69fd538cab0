/* render_audit: audit's findings written in the formats audit takes. */
#ifndef LIANHU_RENDER_AUDIT_H
#define LIANHU_RENDER_AUDIT_H

#include "lianhu/audit.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/render.h"

/*
 * Writes the findings of a to o as text (one a line, with the mapping's or
 * the roster's file and line; the counts on stderr), CSV or JSON (SPEC §4);
 * format is one of those three.
 */
void audit_write(struct output *o, enum render_format format, const struct audit *a,
    const struct roster *r, const struct mapping *map);

#endif

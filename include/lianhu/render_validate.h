/* render_validate: what validate writes: the roster's diagnostics as SPEC's JSON, or as lines and a summary. */
#ifndef LIANHU_RENDER_VALIDATE_H
#define LIANHU_RENDER_VALIDATE_H

#include "lianhu/render.h"
#include "lianhu/roster.h"

/*
 * Writes the diagnostics of reading r: as the JSON report of SPEC §4 on
 * stdout (RENDER_JSON), else each on a line and the rows per file and the
 * counts on stderr.
 */
void validate_write(enum render_format format, const struct roster *r);

#endif

/* render_diff: what diff writes: the changes household by household or, with the roster, member by member. */
#ifndef LIANHU_RENDER_DIFF_H
#define LIANHU_RENDER_DIFF_H

#include <stdio.h>

#include "lianhu/changes.h"
#include "lianhu/output.h"
#include "lianhu/render.h"

/*
 * Writes the changes to o as text, CSV or JSON (SPEC §4): without the roster
 * (r NULL) a household a line or row, with it each member's households taken
 * on and handed over; or as the HTML change notices (r needed), in the
 * charset opts asks for.
 */
void diff_write(struct output *o, enum render_format format, const struct changes *c,
    const struct roster *r, const struct out_opts *opts);

/* The counts of the changes in one line on fp: with the roster, why households lost contacts. */
void diff_summary(FILE *fp, const struct changes *c, const struct roster *r);

#endif

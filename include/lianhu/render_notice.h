/* render_notice: change notices (变更通知) for members, a printed page each, and the words they share with diff's text. */
#ifndef LIANHU_RENDER_NOTICE_H
#define LIANHU_RENDER_NOTICE_H

#include <stdbool.h>
#include <stdio.h>

#include "lianhu/changes.h"
#include "lianhu/roster.h"

/* What happened to a household, told to the member who hands it over (taken) or takes it on; the caller frees it. */
char *change_note(const struct roster *r, const struct change *ch, bool taken);

/* Household h's address: building name (else ID), unit, room; the caller frees it. */
char *household_address(const struct roster *r, int h);

/*
 * Where the household of a change is: its address in the roster; for one no
 * longer there, its building in the old mapping (named as the roster names it)
 * and that its room is not known, or that it is not known at all. The caller frees it.
 */
char *change_address(const struct roster *r, const struct change *ch);

/* Writes the change notices (变更通知) as one HTML page, a printed page a member. */
void notice_write_html(FILE *fp, const struct roster *r, const struct changes *c,
    const char *date, const char *charset);

#endif

/* summary: what assign tells about its mapping, as SPEC's JSON and as lines for people. */
#ifndef LIANHU_SUMMARY_H
#define LIANHU_SUMMARY_H

#include <stdio.h>

#include "lianhu/assign.h"

/* Writes the --summary JSON of SPEC §4; returns -1 when out of memory. */
int summary_write_json(FILE *fp, const struct assign_aims *a, long changed);

/*
 * Writes the human summary: coverage, members used and idle, tiers, the
 * largest load and, where households are left without a contact, how many
 * contact slots each grid and community lacks.
 */
void summary_print(FILE *fp, const struct roster *r, const struct assign_opts *o,
    const int *contact, const struct assign_aims *a, long changed);

#endif

/*
 * report: the report's columns and cells, which each of its formats shows:
 * render_report.c (text, CSV, JSON, Markdown), report_html.c, report_xlsx.c.
 */
#ifndef LIANHU_REPORT_H
#define LIANHU_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lianhu/render.h"
#include "lianhu/rollup.h"

enum report_col_kind {
	COL_KEY, COL_NAME, COL_GROUPS, COL_RESPONSIBLE, COL_COUNT, COL_COVERAGE, COL_MEAN, COL_VISIT_RATE
};

/* A column of the rollup table; both strings are marked with N_. */
struct report_col {
	const char *key;	/* csv and json as it is; an xlsx header translated */
	const char *label;	/* text, md and html, translated */
	enum report_col_kind kind;
	enum rollup_level level;	/* of a key */
	size_t offset;		/* of a count in struct rollup_counts */
};

#define REPORT_MAXCOLS 32	/* the most columns a report's table has */
#define REPORT_CELL_MAX 512	/* room for a number, or a masked name */

/* The levels for people (marked with N_): one unit, several units. */
extern const char *const report_level_labels[];
extern const char *const report_plurals[];

/*
 * Fills cols (room for REPORT_MAXCOLS) with the rollup's columns: its keys, a
 * name at building and member level, the values; returns how many.
 */
size_t report_columns(const struct rollup *u, const struct report_col **cols);

/* The count a COL_COUNT column shows of c. */
long report_count(const struct rollup_counts *c, const struct report_col *col);

/* The name of a building's or a member's row (not masked); "" for other rows. */
const char *report_row_name(const struct roster *r, const struct rollup_row *row);

/*
 * A cell as text, in buf (size) or a string that lives as long as in; row is
 * NULL for the total. For people (human) an empty key reads "-" and coverage
 * has its "%"; for programs both stay bare.
 */
const char *report_cell(const struct render_input *in, const struct rollup_row *row,
    const struct report_col *col, bool human, char *buf, size_t size);

/* "87.0%" of a count of a whole, in buf (size), for sentences; "-" when the whole is 0. */
const char *report_percent(long part, long whole, char *buf, size_t size);

/* Units whose every household has a contact. */
size_t report_units_covered(const struct rollup *u);

/* Writes the report as one HTML page: its facts, the organisation, charts and the table. */
void report_write_html(FILE *fp, const struct render_input *in);

#endif

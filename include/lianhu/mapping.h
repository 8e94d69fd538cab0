/* mapping: reading household → member mappings (hand-made or written by assign) and writing SPEC's mapping.csv. */
#ifndef LIANHU_MAPPING_H
#define LIANHU_MAPPING_H

#include <stdio.h>

#include "lianhu/output.h"

#include "lianhu/roster.h"
#include "lianhu/table.h"

/* One row of a mapping file, as written: IDs are text, member may be "". */
struct mapping_row {
	const char *household_id;
	const char *member_id;
	const char *building_id;	/* "" when the mapping has no building_id column */
	long line;
};

struct mapping {
	struct pool *pool;	/* the rows' strings */
	struct mapping_row *rows;
	size_t nrows, rows_alloc;
	char *path;		/* label of diagnostics: FILE, or FILE[SHEET] in a workbook */
};

/*
 * Reads a mapping: only household_id (户编号) and member_id (党员编号) matter;
 * in a workbook, the sheet named for a mapping, else the first with those
 * columns (in_workbook: a workbook of rosters, where only its mapping sheet
 * will do). Problems in the data go to diag; returns -1 after a message when
 * the file cannot be read. Release with mapping_release.
 */
int mapping_read(struct mapping *map, const char *path, bool in_workbook,
    const struct read_opts *opts);

/* Frees what the mapping holds. */
void mapping_release(struct mapping *map);

/* For each roster household, the index of its first row (-1: none); the caller frees the array. */
int *mapping_first_rows(const struct mapping *map, const struct roster *r);

/*
 * For each roster household, the member of its first row (-1: no row, or a
 * member not in the roster). Returns r->nhouseholds ints; the caller frees them.
 */
int *mapping_first_contacts(const struct mapping *map, const struct roster *r);

/* The same from the first rows mapping_first_rows found (first), for a caller that keeps them. */
int *mapping_row_contacts(const struct mapping *map, const struct roster *r, const int *first);

/* A household of either of two mappings with its first row in each (NULL: no row there). */
struct mapping_pair {
	const char *household;
	const struct mapping_row *old, *new;
};

/*
 * Pairs up the households of two mappings, in order of appearance, old
 * mapping first; the first row of each counts. Returns how many, in *out
 * (the caller frees it; NULL when none).
 */
size_t mapping_pair_up(const struct mapping *old, const struct mapping *new,
    struct mapping_pair **out);

/*
 * Warns (previous-unmatched) when the rows name households and none of them
 * is in the roster, or members and none of them is: a previous mapping that
 * can keep no contact. Says so when leading zeros would make them match.
 */
void mapping_check_common(const struct mapping *map, const struct roster *r);

/* Writes the mapping header of SPEC §2. */
void mapping_write_header(struct output *o);

/* Writes the mapping of SPEC §2: the header, then a row per household (contact[h]: member or -1). */
void mapping_write(struct output *o, const struct roster *r, const int *contact);

#endif

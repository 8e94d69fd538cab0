/* rollup: coverage and loads counted per township, community, grid, building or member; contact lists. */
#ifndef LIANHU_ROLLUP_H
#define LIANHU_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/audit.h"
#include "lianhu/roster.h"

enum rollup_level { LEVEL_TOWNSHIP, LEVEL_COMMUNITY, LEVEL_GRID, LEVEL_BUILDING, LEVEL_MEMBER };

/*
 * The counts of one unit. Households count where they live (at member level:
 * the households whose contact the member is); members count where they live
 * (a member who gives only a grid is in no building's row).
 */
struct rollup_counts {
	long households, covered, priority_households, priority_covered, shops;
	long vacant;		/* vacant households: in no other count */
	long eligible_members, idle_members, overloaded;
	long largest_load, load_sum;	/* over the eligible members */
	long missing_slots;	/* see rollup_build */
	long up_to_date, overdue, needs, needs_resolved;	/* see rollup_add_visits */
};

/* One unit: the indices that name it (-1: none, or below the level) and its counts. */
struct rollup_row {
	int township, community, grid, building, member;
	int unit;		/* the unit's index while counting */
	struct rollup_counts c;
};

struct rollup {
	enum rollup_level level;
	struct rollup_row *rows;	/* worst first */
	size_t nrows;
	struct rollup_counts total;	/* the whole roster */
	int *unit_row;		/* per unit index: its row, -1 when none */
	bool visits;		/* rollup_add_visits has counted a visit log */
};

/*
 * Counts the audit's coverage and loads per unit of level and sorts the rows
 * worst first: lowest coverage (units without households last), then most
 * uncovered households, then most overloaded members, then by the names.
 *
 * Missing contact slots: the scope splits the roster into parts inside which
 * any eligible member may take any household (the townships, communities,
 * grids or buildings of SPEC §3: roster_apply's parts). A unit is cut along these parts into pieces;
 * a piece lacks its uncovered households minus the spare capacity (capacity
 * minus load, when positive) of the eligible members living in it, never
 * below 0, and the unit lacks the sum over its pieces. So no unit counts on
 * members it may not use, and the total is the number of contact slots to
 * add (as member capacity) before every household can be covered.
 * Release with rollup_release.
 */
void rollup_build(struct rollup *u, const struct roster *r, const struct audit *a,
    enum rollup_level level);

/* Frees the rows. */
void rollup_release(struct rollup *u);

struct household_visits;

/*
 * Adds what the visit log says (per roster household, see visits.h) to the
 * rows and the total: households up to date and overdue (vacant ones not
 * counted), needs raised and resolved. A household counts where it does in
 * rollup_build.
 */
void rollup_add_visits(struct rollup *u, const struct roster *r, const struct audit *a,
    const struct household_visits *per);

/* Visit rate (up to date of counted households) in tenths of a percent, rounded as coverage; -1: none. */
long rollup_visit_rate_permille(const struct rollup_counts *c);

/*
 * Coverage in tenths of a percent, rounded half up, except that 1000 (100.0%)
 * means every household and 0 none; -1 without households.
 */
long rollup_coverage_permille(const struct rollup_counts *c);

/* Mean load over the eligible members in tenths, rounded half up; -1 without eligible members. */
long rollup_mean_load_tenths(const struct rollup_counts *c);

/* The text naming a row's unit at a level at or above the rollup's ("" when none): a name or an ID. */
const char *rollup_key_text(const struct roster *r, const struct rollup_row *row,
    enum rollup_level key);

/* Parses a --by value. */
bool rollup_level_parse(const char *name, enum rollup_level *out);

/* The level's name as --by spells it. */
const char *rollup_level_name(enum rollup_level level);

/*
 * Each member's contact list: the households whose contact (audit's: the
 * first covering row) the member is, in walking order. Members with
 * households only, by grid (buildings.csv order), then in members.csv order.
 */
struct contact_lists {
	int *members;
	size_t nmembers;
	size_t *first;		/* member i's households are households[first[i] .. first[i + 1]) */
	int *households;
};

/* Builds the lists from contact (per household a member or -1); release with contact_lists_release. */
void contact_lists_build(struct contact_lists *l, const struct roster *r, const int *contact);

/* Frees the lists. */
void contact_lists_release(struct contact_lists *l);

#endif

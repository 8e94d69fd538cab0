/* organise: Party groups on grids, leaders, branch secretaries and each building's responsible member (SPEC 5.6). */
#ifndef LIANHU_ORGANISE_H
#define LIANHU_ORGANISE_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/mapping.h"
#include "lianhu/roster.h"

/* --min-group's default: a group of fewer members is small. */
#define ORGANISE_MIN_GROUP 3

enum organise_code {
	ORG_GRID_WITHOUT_GROUP, ORG_GROUP_WITHOUT_LEADER, ORG_SMALL_GROUP,
	ORG_COMMUNITY_WITHOUT_SECRETARY, ORG_BUILDING_WITHOUT_MEMBER, ORG_COUNT
};

/* A Party group (党小组): known by its name together with its community. */
struct party_group {
	const char *name;
	int community, township;	/* of its first member's home; -1 when none */
	int first_member;		/* in members.csv order */
	long members;
	bool has_leader;
};

/* A finding about one unit (a grid, group, community or building, by its index) and its roster row. */
struct organise_finding {
	enum organise_code code;
	int unit;
	enum roster_file file;
	long line;
};

struct organise {
	struct pool *pool;		/* the groups' keys */
	struct party_group *groups;	/* in order of first member */
	size_t ngroups, groups_alloc;
	int *member_group;		/* per member: its group, or -1 */
	size_t *served_first;		/* groups serving grid g: served_groups[served_first[g] .. [g + 1]) */
	int *served_groups;
	const char **served_by;		/* per grid: the names of the groups serving it, joined with "、" */
	int *responsible;		/* per building: its responsible member, or -1 */
	long *building_households;	/* per building: its counted (not vacant) households */
	size_t *member_first;		/* member m answers for member_buildings[member_first[m] .. [m + 1]) */
	int *member_buildings;
	struct organise_finding *findings;	/* by code, then in the order of the units */
	size_t nfindings, findings_alloc;
	long counts[ORG_COUNT];
	long min_group;
	long grids, grids_served, groups_with_leader, communities, communities_with_secretary,
	    buildings, buildings_with_member;
};

/*
 * Finds the groups, the findings and the responsible members of r, each
 * household's contact being the member of its first row in map when known,
 * eligible and within the roster's scope. Release with organise_release.
 */
void organise_run(struct organise *o, const struct roster *r, const struct mapping *map,
    long min_group);

/* Frees what o holds; accepts one never run (zeroed). */
void organise_release(struct organise *o);

/* The code's name as SPEC writes it ("grid-without-group" ...). */
const char *organise_code_name(enum organise_code code);

/* Findings that make organise exit 1: all but small-group. */
long organise_faults(const struct organise *o);

/* The finding's unit: its ID (grid, group name, community name, building) and where it lies ("" when none). */
void organise_unit(const struct organise *o, const struct roster *r,
    const struct organise_finding *f, const char **id, const char **community,
    const char **township);

/* A one-line description of the finding, in a static buffer. */
const char *organise_message(const struct organise *o, const struct roster *r,
    const struct organise_finding *f);

#endif

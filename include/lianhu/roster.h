/* roster: the model of buildings, households and members, read and checked from the three CSV files. */
#ifndef LIANHU_ROSTER_H
#define LIANHU_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/table.h"
#include "lianhu/util.h"

/* How near a member is to a household; lower is nearer. */
enum tier { TIER_BUILDING, TIER_GRID, TIER_COMMUNITY, TIER_TOWNSHIP, TIER_NONE };

/* A vacant household (空挂户) is never assigned and counted in no figure (SPEC 5.2). */
enum household_kind { KIND_RESIDENT, KIND_SHOP, KIND_VACANT, KIND_COUNT };

/* A member's Party roles (SPEC 5.6), any of them at once. */
enum member_role { ROLE_SECRETARY = 1, ROLE_GROUP_LEADER = 2, ROLE_BUILDING_LEADER = 4 };

/* A village or community, known by its name together with its township's. */
struct community {
	const char *name;
	int township;		/* -1 when the roster names none */
};

struct grid {
	const char *id;
	int community;		/* -1 when the roster names none */
	int township;		/* -1 when the roster names none */
	long line;		/* first line of buildings.csv naming it */
};

struct building {
	const char *id;
	const char *name;
	int grid;
	long line;
	int households;		/* how many households live in it */
	int part;		/* roster_apply: its part of the scope */
};

struct household {
	const char *id;
	const char *unit, *room, *head, *phone;
	const char *priority;	/* the tag, or NULL for an ordinary household */
	int building;
	enum household_kind kind;
	long line;
};

struct member {
	const char *id, *name, *branch, *phone, *status;
	const char *group;	/* the Party group (党小组) as written, "" when none */
	unsigned roles;		/* enum member_role bits */
	int building;		/* -1 when the member gives only a grid */
	int grid;
	long own_capacity;	/* as members.csv gives it, -1: none */
	bool status_eligible;
	long line;
	/* Filled by roster_apply: */
	long capacity;		/* own_capacity, else the default */
	bool eligible;		/* may take households: eligible status and capacity above 0 */
	int part;		/* its part of the scope, -1: none (a member of a grid under scope building) */
};

/*
 * Where the three files are; NULL fields default to DIR/<name>.csv (or .xlsx,
 * .xls), or to the sheets of DIR when it is a workbook.
 */
struct roster_paths {
	const char *dir;
	const char *buildings, *households, *members;
	const char *config;	/* --config FILE; NULL: DIR/lianhu.ini when there is one */
};

enum roster_file { FILE_BUILDINGS, FILE_HOUSEHOLDS, FILE_MEMBERS, FILE_COUNT };

struct roster {
	struct pool *pool;	/* every string below lives here */
	const char **townships;
	struct community *communities;
	struct grid *grids;
	struct building *buildings;
	struct household *households;
	struct member *members;
	size_t ntownships, ncommunities, ngrids, nbuildings, nhouseholds, nmembers;
	size_t townships_alloc, communities_alloc, grids_alloc, buildings_alloc,
	    households_alloc, members_alloc;
	struct strmap township_ids, community_ids, grid_ids, building_ids, household_ids, member_ids;
	char *paths[FILE_COUNT];	/* the files as read */
	char *labels[FILE_COUNT];	/* their diagnostics' names: FILE, or FILE[SHEET] in a workbook */
	char *config;		/* the lianhu.ini read, NULL when none */
	long rows[FILE_COUNT];		/* data rows read per file */
	/* The policy roster_apply resolved: */
	enum tier scope;	/* the highest tier allowed between a household and its contact */
	long default_capacity;	/* households per member without a capacity of its own */
	size_t nparts;		/* parts of the scope: part indices run below it */
};

/* The sheet names a mapping is taken from in a workbook. */
#define MAPPING_SHEETS "mapping", "联系户", "党员联系户", "联户", "对应表", "联系表"

/* Every sheet name of a table lianhu reads (rosters and mappings), NULL-terminated. */
extern const char *const table_sheets[];

/* Initialises an empty roster; release with roster_release. */
void roster_init(struct roster *r);

/*
 * Reads and checks the three files; problems in the data go to diag.
 * Returns -1 (after a message) when a file cannot be read or two files are
 * standard input, 0 otherwise.
 */
int roster_load(struct roster *r, const struct roster_paths *paths, const struct read_opts *opts);

/* Frees everything the roster holds. */
void roster_release(struct roster *r);

/* The most files roster_inputs lists: the three rosters and lianhu.ini. */
#define ROSTER_INPUTS (FILE_COUNT + 1)

/* Puts the files the roster was read from (lianhu.ini too) in list; returns how many. */
size_t roster_inputs(const struct roster *r, const char **list);

/*
 * Resolves the policy once, for every reader after it: each member's capacity
 * (its own, else default_capacity) and eligibility, and the part of the scope
 * each building and member lies in. The scope splits the roster into parts
 * (townships, communities, grids or buildings: the largest unit the scope
 * allows that holds the place) inside which every eligible member may take
 * every household and across which none may. Call it again to change either.
 */
void roster_apply(struct roster *r, enum tier scope, long default_capacity);

/* The tier between a household in building b and member m (TIER_NONE when unreachable). */
enum tier roster_tier(const struct roster *r, int building, const struct member *m);

/* The member's community and township (-1 when none). */
int member_community(const struct roster *r, const struct member *m);
int member_township(const struct roster *r, const struct member *m);

/*
 * Walking order of households (indices into r->households, for qsort_r with
 * the roster as context): building in buildings.csv order, unit, room (runs
 * of digits compared as numbers, "2" before "10"), then households.csv order.
 */
int household_walk_compare(const void *a, const void *b, void *roster);

/*
 * Excel drops the leading zeros of IDs it takes for numbers (0010001 becomes
 * 10001). An index of the roster's household IDs (members: its member IDs)
 * without their leading zeros, the first of equals kept; release with
 * strmap_release. Build it only when an ID is unknown.
 */
void roster_unpadded_index(const struct roster *r, bool members, struct strmap *out);

/* The household (member) whose ID is id but for leading zeros, by the index; -1 when none or id itself. */
int roster_unpadded_match(const struct roster *r, bool members, const struct strmap *index,
    const char *id);

/* Says in buf (size n) that id is roster_id in the roster but for leading zeros, and which file lost them. */
const char *roster_zeros_hint(char *buf, size_t n, const char *id, const char *roster_id);

/* Names of tiers as SPEC writes them ("building" ...), and their parser. */
const char *tier_name(enum tier t);
bool tier_parse(const char *name, enum tier *out);

/* A tier's name for people, in the language of the messages ("" for TIER_NONE). */
const char *tier_label(enum tier t);

#endif

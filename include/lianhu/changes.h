/* changes: what changed between two mappings, household by household, and the notices it makes for members. */
#ifndef LIANHU_CHANGES_H
#define LIANHU_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/mapping.h"
#include "lianhu/roster.h"

/* A household's contact: added (none before), removed (none now), changed (another member). */
enum change_kind { CHANGE_NONE, CHANGE_ADDED, CHANGE_REMOVED, CHANGE_CHANGED, CHANGE_KINDS };

/*
 * Why a contact was added or removed: the household is new (in no row of the
 * old mapping), or had no contact; it left (it is in no row of the new
 * mapping, or no longer in the roster), or lost its contact (still there).
 */
enum change_reason {
	REASON_NONE, REASON_NEW_HOUSEHOLD, REASON_GAINED_CONTACT, REASON_LEFT_ROSTER,
	REASON_LOST_CONTACT, REASON_COUNT
};

/* One household of either mapping with its first contact in each ("" for none). */
struct change {
	const char *household, *old, *new;
	const char *building;	/* the old mapping's building_id ("" when none): where a leaver was */
	enum change_kind kind;
	enum change_reason reason;
	int h;			/* the household in the roster, -1 when not (or no roster) */
};

/* A member's part of the changes: households it takes on, then those it hands over. */
struct notice {
	const char *member_id;
	int member;		/* in the roster, -1 when not (or no roster) */
	size_t first, nadded, ntaken;	/* items[first ..] added, then taken away */
};

struct changes {
	struct change *list;	/* households in order of appearance, old mapping first */
	size_t n;
	long counts[CHANGE_KINDS];
	long reasons[REASON_COUNT];
	struct notice *notices;	/* by member: members.csv order, then members not in the roster */
	size_t nnotices;
	size_t *items;		/* indices into list, grouped as the notices say */
};

/*
 * Pairs up the households of two mappings (the first row of each counts) and
 * groups the changes by member; r (may be NULL) names households and members
 * and orders them (members as in members.csv, households in walking order).
 * Release with changes_release.
 */
void changes_build(struct changes *c, const struct mapping *old, const struct mapping *new,
    const struct roster *r);

/* Frees what changes_build made. */
void changes_release(struct changes *c);

/* The kind's name as SPEC writes it ("added" ...), and the reason's ("left-roster" ..., "" for none). */
const char *change_kind_name(enum change_kind k);
const char *change_reason_name(enum change_reason why);

#endif

/* assign: the mapping of households to members that is optimal for SPEC §3's six aims, in order. */
#ifndef LIANHU_ASSIGN_H
#define LIANHU_ASSIGN_H

#include <stdbool.h>

#include "lianhu/roster.h"

/* What assign takes besides the roster's policy (roster_apply: capacities, eligibility, parts). */
struct assign_opts {
	enum tier scope;	/* highest tier allowed: the roster's scope */
	long min_load;		/* aim 3's floor: households each member should have (0: none) */
	const int *previous;	/* per household the previous contact (-1: none), or NULL */
	bool progress;		/* show progress on stderr */
};

/* The values of SPEC §3's aims for one mapping, and the rest of the --summary numbers. */
struct assign_aims {
	long priority_covered;	/* aim 1, more is better */
	long covered;		/* aim 2, more is better */
	long shortfall;		/* aim 3: sum over eligible members of max(0, min_load - load) */
	long idle;		/* eligible members with no household */
	long below_floor;	/* eligible members with fewer than min_load households */
	long moved;		/* aim 4: households away from a still-valid previous contact */
	long tier_sum;		/* aim 5 */
	long long load_squares;	/* aim 6: sum of load² over eligible members */
	long households, priority_households, members, eligible, largest_load;
	long tiers[TIER_NONE];	/* covered households per tier */
};

/*
 * Computes the optimal mapping: contact[h] gets household h's member or -1.
 * contact has r->nhouseholds entries. Returns -1 after a message when a part
 * of the roster is too large for exact weights (never at realistic sizes).
 */
int assign_solve(const struct roster *r, const struct assign_opts *o, int *contact);

/*
 * Evaluates a mapping (contact[h] = member or -1) against the aims: audit's
 * coverage and loads (audit_contacts; a contact it refuses covers nothing),
 * and on top of them aim 3's floor and aims 4-6. Vacant households count nowhere.
 */
void assign_evaluate(const struct roster *r, const struct assign_opts *o, const int *contact,
    struct assign_aims *a);

/* True when previous contact p of a household in building b still counts for aim 4. */
bool assign_previous_valid(const struct roster *r, const struct assign_opts *o, int b, int p);

#endif

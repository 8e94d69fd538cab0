/*
 * assign: the mapping of households to members that is optimal for SPEC §3's
 * six aims, in order. Each independent part of the roster (a township, or
 * less when the scope allows no further) is a min-cost flow through hubs
 * (building → grid → community → township) to groups of alike members.
 * Coverage (aims 1-2) needs no network: every household of a part may take
 * every member of it. The rest (aims 3-6) is one exact min-cost flow with
 * coverage held fixed through the supplies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lianhu/assign.h"
#include "lianhu/audit.h"
#include "lianhu/i18n.h"
#include "lianhu/mcf.h"

/* Households of building b are order[first[b] .. first[b + 1]), in walking order. */
struct walk {
	int *order;
	size_t *first;
};

/*
 * A group of alike households of one building: same priority, same
 * still-valid previous contact. A class without one flows from its source
 * straight into its building's entry hub, on one arc shared with every such
 * class of that hub and priority. A class with one has a node of its own
 * (arcs to the entry hub and, keeping, to the member) unless it is its
 * member's only class: then the member's node takes its supply and sends
 * the households it does not keep on to the entry hub (unkeep_arc).
 */
struct klass {
	int building;
	int priority;		/* 0 or 1 */
	int previous;		/* member kept by aim 4, or -1 */
	long size;
	int node;		/* -1 when the class has no node */
	int supply_arc;		/* source → class node or member, -1 for a class without previous */
	int keep_arc;		/* class node → previous member, or -1 */
	int unkeep_arc;		/* previous member → entry hub, or -1 */
	long covered, kept;	/* while placing: households still to cover, to keep */
};

/*
 * A hub node: a building, grid, community or township of the part that
 * holds eligible members (others would only pass flow on). Households enter
 * at their building's entry hub: the nearest such unit, at the cost of the
 * tiers climbed.
 */
struct hub {
	int node;
	enum tier level;	/* the tier of households matched here */
	int parent;		/* hub index, or -1 */
	int up_arc;		/* arc to the parent, or -1 */
	int first_child, last_child, next_sibling;
	int first_entering;	/* first part building entering here (then next_entering), or -1 */
	int sources;		/* hubs below and buildings entering */
	long enter_size[2];	/* households of classes without previous, per priority */
	int enter_arc[2];	/* their arc from the source, or -1 */
	int first_down, ndown;	/* its arcs to members: downs[first_down ..] after sorting */
};

/* A hub → member group arc. */
struct down {
	int hub, group, arc;
};

/* A group's load taken from a hub's flow while it is shared out to the hubs below. */
struct slot {
	int group;
	long count;
};

/*
 * Members alike in home and capacity, none of them anyone's previous contact,
 * share one node: its convex arc to the sink carries up to count households
 * at cost 2k-1 in its k-th segment, which prices even loads inside the group
 * exactly as separate nodes would.
 */
struct group {
	int first, count;	/* its members: group_members[first .. first + count) */
	long cap;		/* capacity of each member, at most the part's demand */
	int node;
	int sink_arc;		/* its convex arc into the sink */
	int keep_arc, unkeep_arc;	/* members keeping one class each: their classes' arcs, or -1 */
	int cursor;		/* next member to hand households to while placing */
	long kept;		/* households whose previous contact is in the group */
};

/* The lexicographic weights of aims 3-6; see weights(). */
struct weights {
	mcf_cost shortfall, keep, tier;
};

/* Everything one part's networks need; arrays are reused from part to part. */
struct solver {
	const struct roster *r;
	const struct assign_opts *o;
	const struct walk *walk;
	long *capacity;		/* effective capacity per member, 0 when not eligible */
	int *hub_of_grid, *hub_of_community, *hub_of_township, *hub_of_building;
	int *buildings, *members;	/* of the current part */
	size_t nbuildings, nmembers;
	int *group_of_member;	/* group of each member of the part */
	int *kept_class;	/* per member kept by one class only: that class */
	struct group *groups;
	size_t ngroups;
	int *group_members;
	long *load;		/* per member: households still to hand it while placing */
	size_t *class_first;	/* per part building: its first class; one more at the end */
	int *class_of;		/* per household of the part: its class */
	int *class_at[2];	/* per priority and member: its class in the building at hand, or stale */
	int plain_class[2];	/* per priority: the class without a previous contact in it, or -1 */
	struct klass *classes;
	size_t nclasses, classes_alloc;
	int *entry;		/* per part building: its entry hub, or -1 */
	int *next_entering;	/* per part building: the next one of its entry hub */
	int *target_classes;	/* per member: classes keeping it (zero between parts) */
	struct hub *hubs;
	size_t nhubs, hubs_alloc;
	struct down *downs;
	size_t ndowns, downs_alloc;
	const char *bench_dir;	/* LIANHU_BENCH_DIMACS: write every network there (make bench) */
	long networks;		/* solved so far, for the bench */
	double solve_seconds;	/* CPU time in mcf_solve, for the bench */
	mcf_cost solve_cost;	/* sum of the optimal costs, for the bench */
};

/* Whether households are in walking order already (as rosters mostly list them): then no sort is needed. */
static bool walk_sorted(const struct roster *r, const int *h, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (household_walk_compare(&h[i - 1], &h[i], (void *)r) > 0)
			return false;
	return true;
}

/* Fills w with every building's households (vacant ones left out) in walking order; release with walk_release. */
static void walk_build(const struct roster *r, struct walk *w)
{
	size_t *next = xcalloc(r->nbuildings + 1, sizeof(*next));

	w->first = xcalloc(r->nbuildings + 1, sizeof(*w->first));
	w->order = xmalloc((r->nhouseholds + 1) * sizeof(*w->order));
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (r->households[h].kind != KIND_VACANT)
			w->first[r->households[h].building + 1]++;
	for (size_t b = 0; b < r->nbuildings; b++)
		w->first[b + 1] += w->first[b];
	memcpy(next, w->first, (r->nbuildings + 1) * sizeof(*next));
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (r->households[h].kind != KIND_VACANT)
			w->order[next[r->households[h].building]++] = (int)h;
	for (size_t b = 0; b < r->nbuildings; b++)
		if (!walk_sorted(r, w->order + w->first[b], w->first[b + 1] - w->first[b]))
			qsort_r(w->order + w->first[b], w->first[b + 1] - w->first[b],
			    sizeof(int), household_walk_compare, (void *)r);
	free(next);
}

static void walk_release(struct walk *w)
{
	free(w->order);
	free(w->first);
}

bool assign_previous_valid(const struct roster *r, const struct assign_opts *o, int b, int p)
{
	return p >= 0 && r->members[p].eligible && roster_tier(r, b, &r->members[p]) <= o->scope;
}

static int new_hub(struct solver *s, struct mcf *g, enum tier level)
{
	GROW(s->hubs, s->hubs_alloc, s->nhubs + 1);
	s->hubs[s->nhubs] = (struct hub){ .node = mcf_add_node(g), .level = level,
	    .parent = -1, .up_arc = -1,
	    .first_child = -1, .last_child = -1, .next_sibling = -1, .first_entering = -1,
	    .enter_arc = { -1, -1 } };
	return (int)s->nhubs++;
}

/* Links child under parent with an arc costing cost. */
static void link_hub(struct solver *s, struct mcf *g, int child, int parent, mcf_cost cost)
{
	struct hub *c = &s->hubs[child], *p = &s->hubs[parent];

	c->parent = parent;
	c->up_arc = mcf_add_arc(g, c->node, p->node, MCF_INF, cost);
	if (p->last_child < 0)
		p->first_child = child;
	else
		s->hubs[p->last_child].next_sibling = child;
	p->last_child = child;
}

/* The hub of a unit, made (and linked upwards) on first use; -1 when the scope excludes the unit. */
static int township_hub(struct solver *s, struct mcf *g, int t)
{
	if (t < 0 || s->o->scope < TIER_TOWNSHIP)
		return -1;
	if (s->hub_of_township[t] < 0)
		s->hub_of_township[t] = new_hub(s, g, TIER_TOWNSHIP);
	return s->hub_of_township[t];
}

static int community_hub(struct solver *s, struct mcf *g, int c, int t, mcf_cost step)
{
	int parent;

	if (c < 0 || s->o->scope < TIER_COMMUNITY)
		return -1;
	if (s->hub_of_community[c] < 0) {
		s->hub_of_community[c] = new_hub(s, g, TIER_COMMUNITY);
		if ((parent = township_hub(s, g, t)) >= 0)
			link_hub(s, g, s->hub_of_community[c], parent, step);
	}
	return s->hub_of_community[c];
}

static int grid_hub(struct solver *s, struct mcf *g, int gi, mcf_cost step)
{
	const struct grid *gr = &s->r->grids[gi];
	int parent;

	if (s->o->scope < TIER_GRID)
		return -1;
	if (s->hub_of_grid[gi] < 0) {
		s->hub_of_grid[gi] = new_hub(s, g, TIER_GRID);
		if ((parent = community_hub(s, g, gr->community, gr->township, step)) >= 0)
			link_hub(s, g, s->hub_of_grid[gi], parent, step);
		else if ((parent = township_hub(s, g, gr->township)) >= 0)
			link_hub(s, g, s->hub_of_grid[gi], parent, 2 * step);
	}
	return s->hub_of_grid[gi];
}

static int building_hub(struct solver *s, struct mcf *g, int b, mcf_cost step)
{
	int parent;

	if (s->hub_of_building[b] < 0) {
		s->hub_of_building[b] = new_hub(s, g, TIER_BUILDING);
		if ((parent = grid_hub(s, g, s->r->buildings[b].grid, step)) >= 0)
			link_hub(s, g, s->hub_of_building[b], parent, step);
	}
	return s->hub_of_building[b];
}

/* Forgets the hubs of a grid and of a building (or -1), after a part is solved. */
static void forget_hubs(struct solver *s, int grid, int building)
{
	const struct grid *gr = &s->r->grids[grid];

	if (building >= 0)
		s->hub_of_building[building] = -1;
	s->hub_of_grid[grid] = -1;
	if (gr->community >= 0)
		s->hub_of_community[gr->community] = -1;
	if (gr->township >= 0)
		s->hub_of_township[gr->township] = -1;
}

/* Forgets the hubs of the part just solved (made for its members' homes). */
static void reset_hubs(struct solver *s)
{
	for (size_t i = 0; i < s->nmembers; i++) {
		const struct member *m = &s->r->members[s->members[i]];

		forget_hubs(s, m->grid, m->building);
	}
	s->nhubs = s->ndowns = 0;
}

/*
 * The class of a household of building b (made on first use): class_at
 * remembers each member's class per priority; an entry is current when it
 * points at a class of this building (from start on) with that key.
 */
static int class_for(struct solver *s, int b, size_t start, int prio, int prev)
{
	int *slot = prev >= 0 ? &s->class_at[prio][prev] : &s->plain_class[prio];
	int c = *slot;

	if (c >= (int)start && (size_t)c < s->nclasses && s->classes[c].priority == prio &&
	    s->classes[c].previous == prev)
		return c;
	GROW(s->classes, s->classes_alloc, s->nclasses + 1);
	s->classes[s->nclasses] = (struct klass){ .building = b, .priority = prio,
	    .previous = prev, .node = -1, .keep_arc = -1 };
	return *slot = (int)s->nclasses++;
}

/* Groups the part's households into classes. */
static void make_classes(struct solver *s)
{
	const struct roster *r = s->r;

	s->nclasses = 0;
	for (size_t i = 0; i < s->nbuildings; i++) {
		int b = s->buildings[i];
		size_t start = s->nclasses;

		s->class_first[i] = start;
		s->plain_class[0] = s->plain_class[1] = -1;
		for (size_t k = s->walk->first[b]; k < s->walk->first[b + 1]; k++) {
			int h = s->walk->order[k];
			int prio = r->households[h].priority != NULL;
			int prev = s->o->previous &&
			    assign_previous_valid(r, s->o, b, s->o->previous[h]) ?
			    s->o->previous[h] : -1;
			int c = class_for(s, b, start, prio, prev);

			s->class_of[h] = c;
			s->classes[c].size++;
		}
	}
	s->class_first[s->nbuildings] = s->nclasses;
}

/* Orders members by home and capacity, previous contacts apart, so that alike members sit together. */
/*
 * What makes members alike: home and capacity, and what they keep: nothing;
 * one class, of a given building, priority and size; or more (then only
 * the member itself is alike).
 */
static void alike_key(const struct solver *s, int m, long key[8])
{
	const struct member *mm = &s->r->members[m];
	int n = s->target_classes[m];
	const struct klass *k = n == 1 ? &s->classes[s->kept_class[m]] : NULL;

	key[0] = n < 2 ? n : 2;
	key[1] = n > 1 ? m : k ? k->building : -1;
	key[2] = k ? k->priority : -1;
	key[3] = k ? k->size : -1;
	key[4] = mm->building;
	key[5] = mm->grid;
	key[6] = s->capacity[m];
	key[7] = 0;
}

/* Orders members so that alike members sit together. */
static int compare_alike(const void *pa, const void *pb, void *ctx)
{
	const struct solver *s = ctx;
	int a = *(const int *)pa, b = *(const int *)pb;
	long kx[8], ky[8];

	alike_key(s, a, kx);
	alike_key(s, b, ky);
	for (int i = 0; i < 8; i++)
		if (kx[i] != ky[i])
			return kx[i] < ky[i] ? -1 : 1;
	return a < b ? -1 : a > b;
}

static bool alike(const struct solver *s, int a, int b)
{
	long kx[8], ky[8];

	alike_key(s, a, kx);
	alike_key(s, b, ky);
	return kx[0] < 2 && memcmp(kx, ky, sizeof(kx)) == 0;
}

/* Groups the part's members (after make_classes, which decides who is a previous contact). */
static void make_groups(struct solver *s, long demand)
{
	for (size_t c = 0; c < s->nclasses; c++)
		if (s->classes[c].previous >= 0) {
			s->target_classes[s->classes[c].previous]++;
			s->kept_class[s->classes[c].previous] = (int)c;
		}
	memcpy(s->group_members, s->members, s->nmembers * sizeof(int));
	qsort_r(s->group_members, s->nmembers, sizeof(int), compare_alike, s);
	s->ngroups = 0;
	for (size_t i = 0; i < s->nmembers; i++) {
		int m = s->group_members[i];

		if (i == 0 || !alike(s, s->group_members[i - 1], m)) {
			long cap = s->capacity[m] < demand ? s->capacity[m] : demand;

			s->groups[s->ngroups++] = (struct group){ .first = (int)i, .cap = cap,
			    .keep_arc = -1, .unkeep_arc = -1 };
		}
		s->groups[s->ngroups - 1].count++;
		s->group_of_member[m] = (int)s->ngroups - 1;
	}
}

/* The hubs of the group's home within scope (made on first use), building to township, -1 where none. */
static void home_hubs(struct solver *s, struct mcf *g, int group, mcf_cost step, int hubs[4])
{
	const struct member *mm = &s->r->members[s->group_members[s->groups[group].first]];
	const struct grid *gr = &s->r->grids[mm->grid];

	hubs[0] = mm->building >= 0 ? building_hub(s, g, mm->building, step) : -1;
	hubs[1] = grid_hub(s, g, mm->grid, step);
	hubs[2] = community_hub(s, g, gr->community, gr->township, step);
	hubs[3] = township_hub(s, g, gr->township);
}

/*
 * Adds the group's arcs from the hubs of its home. A hub above the group's
 * own whose flow all comes from one hub below gets none: that one reaches
 * the group nearer.
 */
static void member_arcs(struct solver *s, struct mcf *g, int group, mcf_cost step)
{
	int node = s->groups[group].node, hubs[4], own = -1;

	home_hubs(s, g, group, step, hubs);
	for (int i = 0; i < 4; i++) {
		if (hubs[i] < 0 || (own >= 0 && s->hubs[hubs[i]].sources == 1))
			continue;
		own = own < 0 ? i : own;
		GROW(s->downs, s->downs_alloc, s->ndowns + 1);
		s->downs[s->ndowns++] = (struct down){ hubs[i], group,
		    mcf_add_arc(g, s->hubs[hubs[i]].node, node, MCF_INF, 0) };
	}
}

/*
 * Adds the arcs into the sink: a convex arc per group whose k-th segment
 * (count units) costs 2k-1, less the shortfall weight while k <= --min-load.
 * Segments never outnumber the households the part can cover (gr->cap is at
 * most that). The solve starts from the households the group's members keep,
 * else from the even load of the covered households.
 */
static void sink_arcs(struct solver *s, struct mcf *g, const struct weights *w, long covered,
    int sink)
{
	for (size_t i = 0; i < s->ngroups; i++)
		s->groups[i].kept = 0;
	for (size_t c = 0; c < s->nclasses; c++)
		if (s->classes[c].previous >= 0)
			s->groups[s->group_of_member[s->classes[c].previous]].kept += s->classes[c].size;
	for (size_t i = 0; i < s->ngroups; i++) {
		struct group *gr = &s->groups[i];

		gr->sink_arc = mcf_add_convex_arc(g, gr->node, sink, gr->count, gr->cap, 1, 2,
		    w->shortfall, s->o->min_load);
		mcf_set_start(g, gr->sink_arc, gr->kept > 0 ? gr->kept :
		    covered / (long)s->nmembers * gr->count);
	}
}

/*
 * Splits each group's load among its members from the flow F = q count + r
 * on its convex arc: segment k carries count units until F runs out, so
 * member j takes one household per segment whose flow exceeds j, q + (j < r).
 */
static void split_loads(struct solver *s, const struct mcf *g)
{
	for (size_t i = 0; i < s->ngroups; i++) {
		struct group *gr = &s->groups[i];
		long f = mcf_flow(g, gr->sink_arc);

		gr->cursor = gr->first;
		for (int j = 0; j < gr->count; j++)
			s->load[s->group_members[gr->first + j]] = f / gr->count + (j < f % gr->count);
	}
}

/* The entry hub of a building: its own, else its grid's, community's or township's, the nearest that exists. */
static int entry_hub(const struct solver *s, int b)
{
	const struct grid *gr = &s->r->grids[s->r->buildings[b].grid];
	int hubs[4] = {
		s->hub_of_building[b],
		s->o->scope >= TIER_GRID ? s->hub_of_grid[s->r->buildings[b].grid] : -1,
		gr->community >= 0 && s->o->scope >= TIER_COMMUNITY ?
		    s->hub_of_community[gr->community] : -1,
		gr->township >= 0 && s->o->scope >= TIER_TOWNSHIP ? s->hub_of_township[gr->township] : -1,
	};

	for (int i = 0; i < 4; i++)
		if (hubs[i] >= 0)
			return hubs[i];
	return -1;
}

/* Finds each part building's entry hub and lists the buildings entering each hub, in part order. */
static void enter_buildings(struct solver *s)
{
	for (size_t i = s->nbuildings; i-- > 0;) {
		int hub = s->entry[i] = entry_hub(s, s->buildings[i]);

		if (hub >= 0) {
			s->next_entering[i] = s->hubs[hub].first_entering;
			s->hubs[hub].first_entering = (int)i;
			s->hubs[hub].sources++;
		}
	}
}

/*
 * Adds a class with a previous contact: its own node; or, when it is its
 * member's only class, the arcs of the member's group, whose members all
 * keep one class alike (same building, priority and size): the group takes
 * their households and sends those it does not keep on to the entry hub.
 */
static void keep_class(struct solver *s, struct mcf *g, const struct weights *w, struct klass *k,
    int src, int entry)
{
	const struct roster *r = s->r;
	mcf_cost step = w->tier, tier = step * roster_tier(r, k->building, &r->members[k->previous]);
	struct group *gr = &s->groups[s->group_of_member[k->previous]];
	int member = gr->node;

	if (s->target_classes[k->previous] == 1) {
		if (gr->keep_arc >= 0)
			return;
		gr->keep_arc = mcf_add_arc(g, src, member, k->size * gr->count, tier - w->keep);
		mcf_set_start(g, gr->keep_arc, k->size * gr->count);
		if (entry >= 0)
			gr->unkeep_arc = mcf_add_arc(g, member, s->hubs[entry].node,
			    k->size * gr->count, w->keep - tier + step * s->hubs[entry].level);
		return;
	}
	k->node = mcf_add_node(g);
	k->supply_arc = mcf_add_arc(g, src, k->node, k->size, 0);
	if (entry >= 0)
		mcf_add_arc(g, k->node, s->hubs[entry].node, MCF_INF, step * s->hubs[entry].level);
	k->keep_arc = mcf_add_arc(g, k->node, member, k->size, tier - w->keep);
	mcf_set_start(g, k->supply_arc, k->size);
	mcf_set_start(g, k->keep_arc, k->size);
}

/*
 * Builds the part's network: two sources (ordinary, priority), hubs where
 * members are, members, a sink. It prices aims 3-6 and holds coverage
 * fixed through the supplies.
 */
static struct mcf *build(struct solver *s, const struct weights *w, long supply_prio,
    long supply_ord, int *src, int *sink)
{
	mcf_cost step = w->tier;
	struct mcf *g = mcf_new((int)(s->nbuildings + s->ngroups * 5 + s->nclasses + 8),
	    (int)(s->nbuildings + s->ngroups * 10 + s->nclasses * 3 + 8));

	src[0] = mcf_add_node(g);
	src[1] = mcf_add_node(g);
	*sink = mcf_add_node(g);
	mcf_set_supply(g, src[1], supply_prio);
	mcf_set_supply(g, src[0], supply_ord);
	mcf_set_supply(g, *sink, -(supply_prio + supply_ord));
	for (size_t i = 0; i < s->ngroups; i++) {
		int hubs[4];

		s->groups[i].node = mcf_add_node(g);
		home_hubs(s, g, (int)i, step, hubs);
	}
	enter_buildings(s);
	for (size_t h = 0; h < s->nhubs; h++)
		if (s->hubs[h].parent >= 0)
			s->hubs[s->hubs[h].parent].sources++;
	for (size_t i = 0; i < s->ngroups; i++)
		member_arcs(s, g, (int)i, step);
	for (size_t i = 0; i < s->nbuildings; i++)
		for (size_t c = s->class_first[i]; c < s->class_first[i + 1]; c++) {
			struct klass *k = &s->classes[c];

			k->node = k->supply_arc = k->keep_arc = k->unkeep_arc = -1;
			if (k->previous >= 0)
				keep_class(s, g, w, k, src[k->priority], s->entry[i]);
			else if (s->entry[i] >= 0)
				s->hubs[s->entry[i]].enter_size[k->priority] += k->size;
		}
	for (size_t h = 0; h < s->nhubs; h++)
		for (int p = 0; p < 2; p++)
			if (s->hubs[h].enter_size[p] > 0)
				s->hubs[h].enter_arc[p] = mcf_add_arc(g, src[p], s->hubs[h].node,
				    s->hubs[h].enter_size[p], step * s->hubs[h].level);
	sink_arcs(s, g, w, supply_prio + supply_ord, *sink);
	return g;
}

static double cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* For make bench: writes the network as DIMACS into the bench folder. */
static void bench_write(const struct solver *s, const struct mcf *g)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%06ld.dimacs", s->bench_dir, s->networks);
	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		return;
	}
	mcf_write_dimacs(g, fp);
	fclose(fp);
}

/* Solves a part's network: 0, or -1 after a message when its numbers are beyond exact arithmetic. */
static int solve_network(struct solver *s, struct mcf *g, long households)
{
	enum mcf_status status;
	double start;

	if (s->bench_dir)
		bench_write(s, g);
	start = cpu_seconds();
	status = mcf_solve(g);
	s->solve_seconds += cpu_seconds() - start;
	s->solve_cost += mcf_total_cost(g);
	s->networks++;
	switch (status) {
	case MCF_OPTIMAL:
		return 0;
	case MCF_TOO_LARGE:
		fprintf(stderr, _("lianhu: a part of %ld households and %zu members is too large to "
		    "solve exactly; split it (e.g. by township)\n"), households, s->nmembers);
		return -1;
	default:
		fprintf(stderr, "lianhu: internal error: the assignment network has no optimum\n");
		abort();
	}
}

/*
 * Aims 1-2: the most priority households, then the most households, the
 * part can cover. Every household of a part may take every member of it
 * (a part is the unit of the scope that holds both), so the bipartite graph
 * is complete and its largest b-matching is min(households, capacities),
 * priority households first.
 */
static void max_coverage(const struct solver *s, long hprio, long hord, long *cover_prio,
    long *cover_all)
{
	long room = 0, hall = hprio + hord;

	for (size_t i = 0; i < s->nmembers && room < hall; i++)
		room += s->capacity[s->members[i]] < hall ? s->capacity[s->members[i]] : hall;
	*cover_prio = hprio < room ? hprio : room;
	*cover_all = hall < room ? hall : room;
}

/* Multiplies with a ceiling: the weights must stay far below 2^127. */
static mcf_cost mul_capped(mcf_cost a, mcf_cost b)
{
	const mcf_cost cap = (mcf_cost)1 << 120;

	if (a != 0 && b > cap / a)
		return cap;
	return a * b;
}

/*
 * Weights that make one cost function lexicographic: each aim's weight
 * exceeds the largest change all later aims together can make. Returns
 * false when the part is too large for 128-bit arithmetic.
 */
static bool weights(const struct solver *s, long covered, struct weights *w)
{
	long most = 0, keepers = 0, floor = s->o->min_load < covered ? s->o->min_load : covered;
	mcf_cost top, bound;

	for (size_t i = 0; i < s->nmembers; i++) {
		long cap = s->capacity[s->members[i]];

		most = cap > most ? cap : most;
	}
	most = most < covered ? most : covered;
	for (size_t c = 0; c < s->nclasses; c++)
		keepers += s->classes[c].previous >= 0 ? s->classes[c].size : 0;
	w->tier = mul_capped(covered, most) + 1;		/* > any change of sum load² */
	w->keep = mul_capped(w->tier, 3 * (mcf_cost)covered + 1);	/* > tiers and loads */
	w->shortfall = mul_capped(w->keep, (mcf_cost)keepers + 1);	/* > keeps, tiers, loads */
	top = mul_capped(w->shortfall, mul_capped((mcf_cost)s->nmembers, floor) + 1);
	bound = mul_capped(top, (mcf_cost)(s->nmembers + s->nbuildings * 2 + s->nclasses + 8) * 4);
	return bound < ((mcf_cost)1 << 120);
}

/* Arcs into members grouped by hub, in member order, so that slots are shared out nearest first. */
static void group_downs(struct solver *s)
{
	struct down *sorted = xmalloc((s->ndowns + 1) * sizeof(*sorted));
	size_t at = 0;

	for (size_t h = 0; h < s->nhubs; h++)
		s->hubs[h].ndown = 0;
	for (size_t d = 0; d < s->ndowns; d++)
		s->hubs[s->downs[d].hub].ndown++;
	for (size_t h = 0; h < s->nhubs; h++) {
		s->hubs[h].first_down = (int)at;
		at += (size_t)s->hubs[h].ndown;
		s->hubs[h].ndown = 0;
	}
	for (size_t d = 0; d < s->ndowns; d++) {
		struct hub *h = &s->hubs[s->downs[d].hub];

		sorted[h->first_down + h->ndown++] = s->downs[d];
	}
	memcpy(s->downs, sorted, s->ndowns * sizeof(*sorted));
	free(sorted);
}

/* The group's next member with households still to take (split_loads set them). */
static int member_of_group(struct solver *s, int group)
{
	struct group *gr = &s->groups[group];
	int m;

	while (s->load[s->group_members[gr->cursor]] == 0)
		gr->cursor++;
	m = s->group_members[gr->cursor];
	s->load[m]--;
	return m;
}

/*
 * Shares a keeping group's covered households among its members' classes:
 * each member keeps what its load and its class allow, in member order,
 * and the moved ones fill what the classes have left. Both always fit:
 * the loads are q or q + 1 (F households over count members) and every
 * class has z households, so sum min(z, load) is F when z > q and count z
 * when z <= q, at least the K kept either way (K <= F, K <= count z); and
 * the classes have count z - K >= moved left.
 */
static void share_keeps(struct solver *s, const struct mcf *g, const struct group *gr)
{
	long covered = mcf_flow(g, gr->keep_arc);
	long moved = gr->unkeep_arc >= 0 ? mcf_flow(g, gr->unkeep_arc) : 0, kept = covered - moved;

	for (int j = 0; j < gr->count; j++) {
		int m = s->group_members[gr->first + j];
		struct klass *k = &s->classes[s->kept_class[m]];
		long take = k->size < s->load[m] ? k->size : s->load[m];

		k->kept = take < kept ? take : kept;
		kept -= k->kept;
		s->load[m] -= k->kept;	/* kept households are placed apart from the hubs' slots */
		take = k->size - k->kept < moved ? k->size - k->kept : moved;
		k->covered = k->kept + take;
		moved -= take;
	}
	if (kept > 0 || moved > 0) {
		fprintf(stderr, "lianhu: internal error: kept households do not fit their members\n");
		abort();
	}
}

/*
 * Reads how many households of each class are covered and kept: classes
 * without a previous contact share their entry arc's flow in part order.
 */
static void count_covered(struct solver *s, const struct mcf *g)
{
	for (size_t h = 0; h < s->nhubs; h++) {
		long left[2];

		for (int p = 0; p < 2; p++)
			left[p] = s->hubs[h].enter_arc[p] >= 0 ? mcf_flow(g, s->hubs[h].enter_arc[p]) : 0;
		for (int i = s->hubs[h].first_entering; i >= 0; i = s->next_entering[i])
			for (size_t c = s->class_first[i]; c < s->class_first[i + 1]; c++) {
				struct klass *k = &s->classes[c];

				if (k->previous >= 0)
					continue;
				k->covered = k->size < left[k->priority] ? k->size : left[k->priority];
				left[k->priority] -= k->covered;
			}
	}
	for (size_t c = 0; c < s->nclasses; c++) {
		struct klass *k = &s->classes[c];

		k->kept = 0;
		if (k->previous >= 0 && s->target_classes[k->previous] > 1) {
			k->covered = mcf_flow(g, k->supply_arc);
			k->kept = mcf_flow(g, k->keep_arc);
		}
	}
	for (size_t i = 0; i < s->ngroups; i++)
		if (s->groups[i].keep_arc >= 0)
			share_keeps(s, g, &s->groups[i]);
}

/* Households of a part building that take a member from its entry hub's pool. */
static long pool_need(const struct solver *s, size_t bi)
{
	long need = 0;

	for (size_t c = s->class_first[bi]; c < s->class_first[bi + 1]; c++)
		need += s->classes[c].covered - s->classes[c].kept;
	return need;
}

/* Gives the covered households of a building their contacts in walking order (kept ones first their own). */
static void place_building(struct solver *s, size_t bi, const struct slot *pool, size_t npool,
    int *contact)
{
	int b = s->buildings[bi];
	size_t at = 0;
	long used = 0;

	for (size_t i = s->walk->first[b]; i < s->walk->first[b + 1]; i++) {
		int h = s->walk->order[i];
		struct klass *k = &s->classes[s->class_of[h]];

		contact[h] = -1;
		if (k->covered == 0)
			continue;
		k->covered--;
		if (k->kept > 0) {
			k->kept--;
			contact[h] = k->previous;
			continue;
		}
		while (at < npool && used == pool[at].count) {
			at++;
			used = 0;
		}
		if (at == npool) {
			fprintf(stderr, "lianhu: internal error: building flow does not balance\n");
			abort();
		}
		contact[h] = member_of_group(s, pool[at].group);
		used++;
	}
}

/* Moves need households' worth of slots from pool (at, used: how far it is spent) to out; returns how many slots. */
static size_t take_slots(const struct slot *pool, size_t *at, long *used, long need,
    struct slot *out)
{
	size_t n = 0;

	while (need > 0) {
		long take = pool[*at].count - *used < need ? pool[*at].count - *used : need;

		out[n++] = (struct slot){ pool[*at].group, take };
		need -= take;
		*used += take;
		if (*used == pool[*at].count) {
			++*at;
			*used = 0;
		}
	}
	return n;
}

/*
 * Shares a hub's member loads (its own arcs first, then what it received)
 * out to the buildings entering it and to the hubs below.
 */
static void share_out(struct solver *s, int hub, const struct mcf *g, const struct slot *in,
    size_t nin, int *contact)
{
	const struct hub *hh = &s->hubs[hub];
	size_t npool = 0, at = 0, nparts = 1, nout;
	struct slot *pool, *out;
	long used = 0;

	for (int c = hh->first_child; c >= 0; c = s->hubs[c].next_sibling)
		nparts++;
	for (int i = hh->first_entering; i >= 0; i = s->next_entering[i])
		nparts++;
	pool = xmalloc(((size_t)hh->ndown + nin + 1) * sizeof(*pool));
	out = xmalloc(((size_t)hh->ndown + nin + nparts) * sizeof(*out));
	for (int d = 0; d < hh->ndown; d++) {
		const struct down *dn = &s->downs[hh->first_down + d];
		long f = mcf_flow(g, dn->arc);

		if (f > 0)
			pool[npool++] = (struct slot){ dn->group, f };
	}
	if (nin > 0)	/* in may be NULL then, and memcpy(NULL) is undefined even for 0 bytes */
		memcpy(pool + npool, in, nin * sizeof(*in));
	npool += nin;
	nout = 0;
	for (int i = hh->first_entering; i >= 0; i = s->next_entering[i]) {
		size_t n = take_slots(pool, &at, &used, pool_need(s, (size_t)i), out + nout);

		place_building(s, (size_t)i, out + nout, n, contact);
		nout += n;
	}
	for (int c = hh->first_child; c >= 0; c = s->hubs[c].next_sibling) {
		size_t n = take_slots(pool, &at, &used, mcf_flow(g, s->hubs[c].up_arc), out + nout);

		share_out(s, c, g, out + nout, n, contact);
		nout += n;
	}
	free(out);
	free(pool);
}

/* Solves one part: its buildings and eligible members are in s; writes contact[] for its households. */
static int solve_part(struct solver *s, int *contact)
{
	long hprio = 0, hall = 0, cover_prio = 0, cover_all = 0;
	struct weights w;
	int src[2], sink;
	struct mcf *g;

	for (size_t i = 0; i < s->nbuildings; i++) {
		int b = s->buildings[i];

		for (size_t k = s->walk->first[b]; k < s->walk->first[b + 1]; k++) {
			hprio += s->r->households[s->walk->order[k]].priority != NULL;
			contact[s->walk->order[k]] = -1;
		}
		hall += (long)(s->walk->first[b + 1] - s->walk->first[b]);
	}
	if (s->nmembers == 0 || hall == 0)
		return 0;
	max_coverage(s, hprio, hall - hprio, &cover_prio, &cover_all);
	if (cover_all == 0)
		return 0;
	make_classes(s);
	make_groups(s, cover_all);
	if (!weights(s, cover_all, &w)) {
		fprintf(stderr, _("lianhu: a part of %ld households and %zu members is too large to "
		    "solve exactly; split it (e.g. by township)\n"), hall, s->nmembers);
		return -1;
	}
	g = build(s, &w, cover_prio, cover_all - cover_prio, src, &sink);
	if (solve_network(s, g, hall) < 0) {
		mcf_free(g);
		reset_hubs(s);
		return -1;
	}
	split_loads(s, g);
	group_downs(s);
	for (size_t c = 0; c < s->nclasses; c++)
		s->classes[c].covered = 0;
	count_covered(s, g);
	for (size_t h = 0; h < s->nhubs; h++)
		if (s->hubs[h].parent < 0)
			share_out(s, (int)h, g, NULL, 0, contact);
	for (size_t i = 0; i < s->nbuildings; i++)	/* no member within reach: kept ones only */
		if (s->entry[i] < 0)
			place_building(s, i, NULL, 0, contact);
	for (size_t c = 0; c < s->nclasses; c++)
		if (s->classes[c].previous >= 0)
			s->target_classes[s->classes[c].previous] = 0;
	mcf_free(g);
	reset_hubs(s);
	return 0;
}

/* Lists buildings (with households) and eligible members per part, parts in order of first building. */
struct parts {
	long *part_of;		/* compact part per building (-1: no households) */
	size_t nparts;
	size_t *bfirst, *mfirst;	/* part p: buildings[bfirst[p] ..], members[mfirst[p] ..] */
	int *buildings, *members;
};

static void parts_build(const struct roster *r, const long *capacity, struct parts *p)
{
	size_t nkeys = r->nparts;
	long *compact = xmalloc(nkeys * sizeof(*compact) + 1);
	size_t *bnext, *mnext;
	long *mpart = xmalloc((r->nmembers + 1) * sizeof(*mpart));

	memset(p, 0, sizeof(*p));
	for (size_t k = 0; k < nkeys; k++)
		compact[k] = -1;
	p->part_of = xmalloc((r->nbuildings + 1) * sizeof(*p->part_of));
	for (size_t b = 0; b < r->nbuildings; b++) {
		long key = r->buildings[b].part;

		p->part_of[b] = -1;
		if (r->buildings[b].households == 0)
			continue;
		if (compact[key] < 0)
			compact[key] = (long)p->nparts++;
		p->part_of[b] = compact[key];
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		long key = r->members[m].part;

		mpart[m] = capacity[m] > 0 && key >= 0 ? compact[key] : -1;
	}
	p->bfirst = xcalloc(p->nparts + 2, sizeof(size_t));
	p->mfirst = xcalloc(p->nparts + 2, sizeof(size_t));
	for (size_t b = 0; b < r->nbuildings; b++)
		if (p->part_of[b] >= 0)
			p->bfirst[p->part_of[b] + 1]++;
	for (size_t m = 0; m < r->nmembers; m++)
		if (mpart[m] >= 0)
			p->mfirst[mpart[m] + 1]++;
	for (size_t k = 0; k < p->nparts; k++) {
		p->bfirst[k + 1] += p->bfirst[k];
		p->mfirst[k + 1] += p->mfirst[k];
	}
	bnext = xmalloc((p->nparts + 1) * sizeof(*bnext));
	mnext = xmalloc((p->nparts + 1) * sizeof(*mnext));
	memcpy(bnext, p->bfirst, (p->nparts + 1) * sizeof(*bnext));
	memcpy(mnext, p->mfirst, (p->nparts + 1) * sizeof(*mnext));
	p->buildings = xmalloc((p->bfirst[p->nparts] + 1) * sizeof(int));
	p->members = xmalloc((p->mfirst[p->nparts] + 1) * sizeof(int));
	for (size_t b = 0; b < r->nbuildings; b++)
		if (p->part_of[b] >= 0)
			p->buildings[bnext[p->part_of[b]]++] = (int)b;
	for (size_t m = 0; m < r->nmembers; m++)
		if (mpart[m] >= 0)
			p->members[mnext[mpart[m]]++] = (int)m;
	free(bnext);
	free(mnext);
	free(mpart);
	free(compact);
}

static void parts_release(struct parts *p)
{
	free(p->part_of);
	free(p->bfirst);
	free(p->mfirst);
	free(p->buildings);
	free(p->members);
}

static int *filled(size_t n, int value)
{
	int *a = xmalloc((n + 1) * sizeof(*a));

	for (size_t i = 0; i < n; i++)
		a[i] = value;
	return a;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int assign_solve(const struct roster *r, const struct assign_opts *o, int *contact)
{
	struct walk walk;
	struct parts parts;
	struct solver s = { .r = r, .o = o, .walk = &walk, .bench_dir = getenv("LIANHU_BENCH_DIMACS") };
	double start = seconds(), shown = 0;
	int rc = 0;

	walk_build(r, &walk);
	s.capacity = xmalloc((r->nmembers + 1) * sizeof(*s.capacity));
	for (size_t m = 0; m < r->nmembers; m++)
		s.capacity[m] = r->members[m].eligible ? r->members[m].capacity : 0;
	parts_build(r, s.capacity, &parts);
	s.hub_of_grid = filled(r->ngrids, -1);
	s.hub_of_community = filled(r->ncommunities, -1);
	s.hub_of_township = filled(r->ntownships, -1);
	s.hub_of_building = filled(r->nbuildings, -1);
	s.group_of_member = filled(r->nmembers, -1);
	s.kept_class = xmalloc((r->nmembers + 1) * sizeof(*s.kept_class));
	s.groups = xmalloc((r->nmembers + 1) * sizeof(*s.groups));
	s.group_members = xmalloc((r->nmembers + 1) * sizeof(*s.group_members));
	s.load = xcalloc(r->nmembers + 1, sizeof(*s.load));
	s.class_first = xmalloc((r->nbuildings + 1) * sizeof(*s.class_first));
	s.class_of = xmalloc((r->nhouseholds + 1) * sizeof(*s.class_of));
	s.entry = xmalloc((r->nbuildings + 1) * sizeof(*s.entry));
	s.next_entering = xmalloc((r->nbuildings + 1) * sizeof(*s.next_entering));
	s.target_classes = xcalloc(r->nmembers + 1, sizeof(*s.target_classes));
	s.class_at[0] = filled(r->nmembers, -1);
	s.class_at[1] = filled(r->nmembers, -1);
	for (size_t h = 0; h < r->nhouseholds; h++)
		contact[h] = -1;
	for (size_t k = 0; k < parts.nparts && rc == 0; k++) {
		s.buildings = parts.buildings + parts.bfirst[k];
		s.nbuildings = parts.bfirst[k + 1] - parts.bfirst[k];
		s.members = parts.members + parts.mfirst[k];
		s.nmembers = parts.mfirst[k + 1] - parts.mfirst[k];
		rc = solve_part(&s, contact);
		if (o->progress && seconds() - start > 1 && seconds() - shown > 0.2) {
			shown = seconds();
			fputc('\r', stderr);
			fprintf(stderr, ngettext("assign: %zu of %zu part solved",
			    "assign: %zu of %zu parts solved", parts.nparts), k + 1, parts.nparts);
		}
	}
	if (o->progress && shown > 0)
		fprintf(stderr, "\r%40s\r", "");
	if (s.bench_dir) {
		fprintf(stderr, "lianhu: mcf_solve %.3f s CPU in %ld networks (cost ", s.solve_seconds,
		    s.networks);
		mcf_print_cost(stderr, s.solve_cost);
		fprintf(stderr, ")\n");
	}
	free(s.hub_of_grid);
	free(s.hub_of_community);
	free(s.hub_of_township);
	free(s.hub_of_building);
	free(s.group_of_member);
	free(s.kept_class);
	free(s.groups);
	free(s.group_members);
	free(s.load);
	free(s.class_first);
	free(s.class_of);
	free(s.entry);
	free(s.next_entering);
	free(s.target_classes);
	free(s.class_at[0]);
	free(s.class_at[1]);
	free(s.classes);
	free(s.hubs);
	free(s.downs);
	free(s.capacity);
	parts_release(&parts);
	walk_release(&walk);
	return rc;
}

void assign_evaluate(const struct roster *r, const struct assign_opts *o, const int *contact,
    struct assign_aims *a)
{
	struct audit au;

	audit_contacts(&au, r, contact);
	*a = (struct assign_aims){ .priority_covered = au.priority_covered, .covered = au.covered,
	    .idle = au.counts[FIND_IDLE], .households = au.households,
	    .priority_households = au.priority_households, .members = (long)r->nmembers,
	    .eligible = au.eligible };
	for (size_t h = 0; h < r->nhouseholds; h++) {
		const struct household *hh = &r->households[h];
		int m = au.contact[h], prev = o->previous ? o->previous[h] : -1;

		if (hh->kind == KIND_VACANT)
			continue;
		if (assign_previous_valid(r, o, hh->building, prev) && m != prev)
			a->moved++;
		if (m < 0)
			continue;
		enum tier t = roster_tier(r, hh->building, &r->members[m]);

		a->tier_sum += t;
		a->tiers[t]++;
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		long load = au.load[m];

		if (!r->members[m].eligible)
			continue;
		a->below_floor += load < o->min_load;
		a->shortfall += load < o->min_load ? o->min_load - load : 0;
		a->load_squares += (long long)load * load;
		a->largest_load = load > a->largest_load ? load : a->largest_load;
	}
	audit_release(&au);
}

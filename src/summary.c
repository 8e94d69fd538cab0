/* summary: what assign tells about its mapping, as SPEC's JSON and as lines for people. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/summary.h"

int summary_write_json(FILE *fp, const struct assign_aims *a, long changed)
{
	cJSON *root = cJSON_CreateObject(), *tiers;

	cJSON_AddNumberToObject(root, "households", (double)a->households);
	cJSON_AddNumberToObject(root, "priority_households", (double)a->priority_households);
	cJSON_AddNumberToObject(root, "covered", (double)a->covered);
	cJSON_AddNumberToObject(root, "priority_covered", (double)a->priority_covered);
	cJSON_AddNumberToObject(root, "members", (double)a->members);
	cJSON_AddNumberToObject(root, "eligible_members", (double)a->eligible);
	cJSON_AddNumberToObject(root, "idle_members", (double)a->idle);
	cJSON_AddNumberToObject(root, "shortfall", (double)a->shortfall);
	cJSON_AddNumberToObject(root, "changed", (double)changed);
	cJSON_AddNumberToObject(root, "tier_sum", (double)a->tier_sum);
	cJSON_AddNumberToObject(root, "load_square_sum", (double)a->load_squares);
	cJSON_AddNumberToObject(root, "max_load", (double)a->largest_load);
	tiers = cJSON_AddObjectToObject(root, "tiers");
	for (int t = 0; t < TIER_NONE; t++)
		cJSON_AddNumberToObject(tiers, tier_name((enum tier)t), (double)a->tiers[t]);
	json_write(fp, root);
	return 0;
}

/* A unit short of contacts: how many of its households have none, how many more members would cover them. */
struct shortfall {
	int unit;
	long uncovered, need;
};

static int by_uncovered(const void *pa, const void *pb)
{
	const struct shortfall *a = pa, *b = pb;

	if (a->uncovered != b->uncovered)
		return a->uncovered > b->uncovered ? -1 : 1;
	return a->unit - b->unit;
}

/* Uncovered households and the members they need, per building, grid and community. */
struct shortage {
	long *building, *grid, *community;		/* uncovered households */
	long *building_need, *grid_need, *community_need;	/* more members at --max-load each */
};

static long members_for(long households, long load)
{
	return load > 0 ? (households + load - 1) / load : 0;
}

/*
 * Counts what is short. A member added to a unit reaches all of it only when
 * the scope is that wide; else the unit needs members part by part (per
 * building, or per grid), and its need is the sum of theirs.
 */
static void shortage_count(struct shortage *sh, const struct roster *r, const int *contact)
{
	sh->building = xcalloc(r->nbuildings + 1, sizeof(long));
	sh->grid = xcalloc(r->ngrids + 1, sizeof(long));
	sh->community = xcalloc(r->ncommunities + 1, sizeof(long));
	sh->building_need = xcalloc(r->nbuildings + 1, sizeof(long));
	sh->grid_need = xcalloc(r->ngrids + 1, sizeof(long));
	sh->community_need = xcalloc(r->ncommunities + 1, sizeof(long));
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (contact[h] < 0 && r->households[h].kind != KIND_VACANT)
			sh->building[r->households[h].building]++;
	for (size_t b = 0; b < r->nbuildings; b++) {
		int g = r->buildings[b].grid;

		sh->building_need[b] = members_for(sh->building[b], r->default_capacity);
		sh->grid[g] += sh->building[b];
		if (r->scope == TIER_BUILDING)
			sh->grid_need[g] += sh->building_need[b];
	}
	for (size_t g = 0; g < r->ngrids; g++) {
		int c = r->grids[g].community;

		if (r->scope >= TIER_GRID)
			sh->grid_need[g] = members_for(sh->grid[g], r->default_capacity);
		if (c < 0)
			continue;
		sh->community[c] += sh->grid[g];
		if (r->scope < TIER_COMMUNITY)
			sh->community_need[c] += sh->grid_need[g];
	}
	for (size_t c = 0; c < r->ncommunities && r->scope >= TIER_COMMUNITY; c++)
		sh->community_need[c] = members_for(sh->community[c], r->default_capacity);
}

static void shortage_release(struct shortage *sh)
{
	free(sh->building);
	free(sh->grid);
	free(sh->community);
	free(sh->building_need);
	free(sh->grid_need);
	free(sh->community_need);
}

/* ": N households without a contact; M more members at L households each would cover them". */
static void print_need(FILE *fp, const struct shortfall *u, long load)
{
	char each[128];

	fprintf(fp, ngettext(": %ld household without a contact",
	    ": %ld households without a contact", (unsigned long)u->uncovered), u->uncovered);
	if (u->need == 0)
		return;
	snprintf(each, sizeof(each), ngettext("%ld household each", "%ld households each",
	    (unsigned long)load), load);
	if (u->uncovered == 1)
		fprintf(fp, ngettext("; %ld more member at %s would cover it",
		    "; %ld more members at %s would cover it", (unsigned long)u->need), u->need, each);
	else
		fprintf(fp, ngettext("; %ld more member at %s would cover them",
		    "; %ld more members at %s would cover them", (unsigned long)u->need), u->need, each);
}

/* Lists the units (grids or communities) with uncovered households, worst first, at most limit. */
static void print_shortfalls(FILE *fp, const struct roster *r, const long *uncovered,
    const long *need, size_t nunits, bool grids, size_t limit)
{
	struct shortfall *list = xmalloc((nunits + 1) * sizeof(*list));
	size_t n = 0;

	for (size_t u = 0; u < nunits; u++)
		if (uncovered[u] > 0)
			list[n++] = (struct shortfall){ (int)u, uncovered[u], need[u] };
	qsort(list, n, sizeof(*list), by_uncovered);
	for (size_t i = 0; i < n && i < limit; i++) {
		const struct grid *g = grids ? &r->grids[list[i].unit] : NULL;
		const struct community *c = grids ? NULL : &r->communities[list[i].unit];

		if (grids && g->community >= 0)
			fprintf(fp, _("  grid %s (%s)"), g->id, r->communities[g->community].name);
		else if (grids)
			fprintf(fp, _("  grid %s"), g->id);
		else
			fprintf(fp, _("  community %s"), c->name);
		print_need(fp, &list[i], r->default_capacity);
		fputc('\n', fp);
	}
	if (n > limit)
		fprintf(fp, grids ? ngettext("  ... and %zu more grid short of contacts\n",
		    "  ... and %zu more grids short of contacts\n", n - limit) :
		    ngettext("  ... and %zu more community short of contacts\n",
		    "  ... and %zu more communities short of contacts\n", n - limit), n - limit);
	free(list);
}

void summary_print(FILE *fp, const struct roster *r, const struct assign_opts *o,
    const int *contact, const struct assign_aims *a, long changed)
{
	struct shortage sh;

	fprintf(fp, ngettext("assign: %ld of %ld household covered (priority: %ld of %ld); ",
	    "assign: %ld of %ld households covered (priority: %ld of %ld); ",
	    (unsigned long)a->households), a->covered, a->households, a->priority_covered,
	    a->priority_households);
	fprintf(fp, ngettext("%ld of %ld eligible member used, %ld idle\n",
	    "%ld of %ld eligible members used, %ld idle\n", (unsigned long)a->eligible),
	    a->eligible - a->idle, a->eligible, a->idle);
	fprintf(fp, _("  tiers: building %ld, grid %ld, community %ld, township %ld; largest load %ld\n"),
	    a->tiers[TIER_BUILDING], a->tiers[TIER_GRID], a->tiers[TIER_COMMUNITY],
	    a->tiers[TIER_TOWNSHIP], a->largest_load);
	if (o->min_load > 1 && a->below_floor > 0)
		fprintf(fp, ngettext("  %ld member has fewer than %ld households (%ld short in all)\n",
		    "  %ld members have fewer than %ld households (%ld short in all)\n",
		    (unsigned long)a->below_floor), a->below_floor, o->min_load, a->shortfall);
	if (o->previous)
		fprintf(fp, ngettext("  %ld household has a different contact than in the previous "
		    "mapping\n", "  %ld households have a different contact than in the previous "
		    "mapping\n", (unsigned long)changed), changed);
	if (a->covered == a->households)
		return;
	shortage_count(&sh, r, contact);
	fprintf(fp, ngettext("  %ld household has no contact:\n", "  %ld households have no contact:\n",
	    (unsigned long)(a->households - a->covered)), a->households - a->covered);
	print_shortfalls(fp, r, sh.grid, sh.grid_need, r->ngrids, true, 10);
	print_shortfalls(fp, r, sh.community, sh.community_need, r->ncommunities, false, 5);
	shortage_release(&sh);
}

/* summary: what assign tells about its mapping, as SPEC's JSON and as lines for people. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/summary.h"

/* Writes the --summary JSON of SPEC §4; returns -1 when out of memory. */
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
	cJSON_AddNumberToObject(root, "changed", (double)changed);
	cJSON_AddNumberToObject(root, "tier_sum", (double)a->tier_sum);
	cJSON_AddNumberToObject(root, "load_square_sum", (double)a->load_squares);
	cJSON_AddNumberToObject(root, "max_load", (double)a->max_load);
	tiers = cJSON_AddObjectToObject(root, "tiers");
	for (int t = 0; t < TIER_NONE; t++)
		cJSON_AddNumberToObject(tiers, tier_name((enum tier)t), (double)a->tiers[t]);
	json_write(fp, root);
	return 0;
}

/* A unit short of contacts: how many of its households have none. */
struct shortfall {
	int unit;
	long uncovered;
};

static int by_uncovered(const void *pa, const void *pb)
{
	const struct shortfall *a = pa, *b = pb;

	if (a->uncovered != b->uncovered)
		return a->uncovered > b->uncovered ? -1 : 1;
	return a->unit - b->unit;
}

/* Lists the units (grids or communities) with uncovered households, worst first, at most limit. */
static void print_shortfalls(FILE *fp, const struct roster *r, const struct assign_opts *o,
    const long *uncovered, size_t nunits, bool grids, size_t limit)
{
	struct shortfall *list = xmalloc((nunits + 1) * sizeof(*list));
	size_t n = 0;

	for (size_t u = 0; u < nunits; u++)
		if (uncovered[u] > 0)
			list[n++] = (struct shortfall){ (int)u, uncovered[u] };
	qsort(list, n, sizeof(*list), by_uncovered);
	for (size_t i = 0; i < n && i < limit; i++) {
		long need = o->max_load > 0 ? (list[i].uncovered + o->max_load - 1) / o->max_load : 0;
		const struct grid *g = grids ? &r->grids[list[i].unit] : NULL;
		const struct community *c = grids ? NULL : &r->communities[list[i].unit];
		unsigned long short_of = (unsigned long)list[i].uncovered;

		if (grids && g->community >= 0)
			fprintf(fp, _("  grid %s (%s)"), g->id, r->communities[g->community].name);
		else if (grids)
			fprintf(fp, _("  grid %s"), g->id);
		else
			fprintf(fp, _("  community %s"), c->name);
		fprintf(fp, ngettext(": %ld household without a contact",
		    ": %ld households without a contact", short_of), list[i].uncovered);
		if (need > 0 && short_of == 1)
			fprintf(fp, ngettext("; %ld more member at the default load would cover it",
			    "; %ld more members at the default load would cover it",
			    (unsigned long)need), need);
		else if (need > 0)
			fprintf(fp, ngettext("; %ld more member at the default load would cover them",
			    "; %ld more members at the default load would cover them",
			    (unsigned long)need), need);
		fputc('\n', fp);
	}
	if (n > limit)
		fprintf(fp, grids ? _("  ... and %zu more grids short of contacts\n") :
		    _("  ... and %zu more communities short of contacts\n"), n - limit);
	free(list);
}

/* Writes the human summary of an assignment. */
void summary_print(FILE *fp, const struct roster *r, const struct assign_opts *o,
    const int *contact, const struct assign_aims *a, long changed)
{
	long *grid_short, *community_short;

	fprintf(fp, _("assign: %ld of %ld households covered (priority: %ld of %ld); "
	    "%ld of %ld eligible members used, %ld idle\n"),
	    a->covered, a->households, a->priority_covered, a->priority_households,
	    a->eligible - a->idle, a->eligible, a->idle);
	fprintf(fp, _("  tiers: building %ld, grid %ld, community %ld, township %ld; largest load %ld\n"),
	    a->tiers[TIER_BUILDING], a->tiers[TIER_GRID], a->tiers[TIER_COMMUNITY],
	    a->tiers[TIER_TOWNSHIP], a->max_load);
	if (o->previous)
		fprintf(fp, _("  %ld households have a different contact than in the previous mapping\n"),
		    changed);
	if (a->covered == a->households)
		return;
	grid_short = xcalloc(r->ngrids + 1, sizeof(*grid_short));
	community_short = xcalloc(r->ncommunities + 1, sizeof(*community_short));
	for (size_t h = 0; h < r->nhouseholds; h++) {
		const struct grid *g;

		if (contact[h] >= 0)
			continue;
		g = &r->grids[r->buildings[r->households[h].building].grid];
		grid_short[r->buildings[r->households[h].building].grid]++;
		if (g->community >= 0)
			community_short[g->community]++;
	}
	fprintf(fp, ngettext("  %ld household has no contact:\n", "  %ld households have no contact:\n",
	    (unsigned long)(a->households - a->covered)), a->households - a->covered);
	print_shortfalls(fp, r, o, grid_short, r->ngrids, true, 10);
	print_shortfalls(fp, r, o, community_short, r->ncommunities, false, 5);
	free(grid_short);
	free(community_short);
}

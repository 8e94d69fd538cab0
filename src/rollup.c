/* rollup: coverage and loads counted per township, community, grid, building or member; contact lists. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/rollup.h"
#include "lianhu/visits.h"

static const char *const level_names[] = { "township", "community", "grid", "building", "member" };

bool rollup_level_parse(const char *name, enum rollup_level *out)
{
	for (int l = LEVEL_TOWNSHIP; l <= LEVEL_MEMBER; l++) {
		if (strcmp(name, level_names[l]) == 0) {
			*out = (enum rollup_level)l;
			return true;
		}
	}
	return false;
}

const char *rollup_level_name(enum rollup_level level)
{
	return level_names[level];
}

long rollup_coverage_permille(const struct rollup_counts *c)
{
	long v;

	if (c->households == 0)
		return -1;
	v = (long)(((long long)c->covered * 2000 + c->households) / (2LL * c->households));
	if (v == 1000 && c->covered < c->households)
		return 999;
	return v == 0 && c->covered > 0 ? 1 : v;
}

long rollup_mean_load_tenths(const struct rollup_counts *c)
{
	if (c->eligible_members == 0)
		return -1;
	return (long)(((long long)c->load_sum * 10 + c->eligible_members / 2) / c->eligible_members);
}

const char *rollup_key_text(const struct roster *r, const struct rollup_row *row,
    enum rollup_level key)
{
	switch (key) {
	case LEVEL_TOWNSHIP:
		return row->township >= 0 ? r->townships[row->township] : "";
	case LEVEL_COMMUNITY:
		return row->community >= 0 ? r->communities[row->community].name : "";
	case LEVEL_GRID:
		return row->grid >= 0 ? r->grids[row->grid].id : "";
	case LEVEL_BUILDING:
		return row->building >= 0 ? r->buildings[row->building].id : "";
	case LEVEL_MEMBER:
		return row->member >= 0 ? r->members[row->member].id : "";
	}
	abort();
}

/* Units at a level; grids without a community or township share a "none" unit per township. */
static size_t unit_count(const struct roster *r, enum rollup_level level)
{
	switch (level) {
	case LEVEL_TOWNSHIP:
		return r->ntownships + 1;
	case LEVEL_COMMUNITY:
		return r->ncommunities + r->ntownships + 1;
	case LEVEL_GRID:
		return r->ngrids;
	case LEVEL_BUILDING:
		return r->nbuildings;
	case LEVEL_MEMBER:
		return r->nmembers;
	}
	abort();
}

/* The unit of grid g at township, community or grid level. */
static int grid_unit(const struct roster *r, enum rollup_level level, int g)
{
	const struct grid *gr = &r->grids[g];
	int t = gr->township >= 0 ? gr->township : (int)r->ntownships;

	if (level == LEVEL_TOWNSHIP)
		return t;
	if (level == LEVEL_COMMUNITY)
		return gr->community >= 0 ? gr->community : (int)r->ncommunities + t;
	return g;
}

/* The unit a household counts in: where it lives, or at member level its contact (-1: none). */
static int household_unit(const struct roster *r, const struct audit *a, enum rollup_level level,
    size_t h)
{
	int b = r->households[h].building;

	if (level == LEVEL_MEMBER)
		return a->contact[h];
	if (level == LEVEL_BUILDING)
		return b;
	return grid_unit(r, level, r->buildings[b].grid);
}

/* The unit a member counts in: where it lives (-1: a member of a grid at building level). */
static int member_unit(const struct roster *r, enum rollup_level level, size_t m)
{
	if (level == LEVEL_MEMBER)
		return (int)m;
	if (level == LEVEL_BUILDING)
		return r->members[m].building;
	return grid_unit(r, level, r->members[m].grid);
}

/* Names a unit from a place in it: grid g, building b (or -1) and member m (or -1). */
static void name_unit(struct rollup_row *row, const struct roster *r, enum rollup_level level,
    int g, int b, int m)
{
	memset(row, 0, sizeof(*row));
	row->township = r->grids[g].township;
	row->community = level >= LEVEL_COMMUNITY ? r->grids[g].community : -1;
	row->grid = level >= LEVEL_GRID ? g : -1;
	row->building = level >= LEVEL_BUILDING ? b : -1;
	row->member = level >= LEVEL_MEMBER ? m : -1;
}

/* Names every unit the roster has at the level; used[u] tells which of the "none" units occur. */
static void name_units(const struct roster *r, enum rollup_level level, struct rollup_row *rows,
    bool *used)
{
	if (level == LEVEL_MEMBER) {
		for (size_t m = 0; m < r->nmembers; m++) {
			name_unit(&rows[m], r, level, r->members[m].grid, r->members[m].building, (int)m);
			used[m] = true;
		}
	} else if (level == LEVEL_BUILDING) {
		for (size_t b = 0; b < r->nbuildings; b++) {
			name_unit(&rows[b], r, level, r->buildings[b].grid, (int)b, -1);
			used[b] = true;
		}
	} else {
		for (size_t g = 0; g < r->ngrids; g++) {
			int u = grid_unit(r, level, (int)g);

			name_unit(&rows[u], r, level, (int)g, -1, -1);
			used[u] = true;
		}
	}
}

static void add_household(struct rollup_counts *c, const struct household *h, bool covered)
{
	if (h->kind == KIND_VACANT) {	/* counted in no other figure (SPEC 5.2) */
		c->vacant++;
		return;
	}
	c->households++;
	c->covered += covered;
	c->priority_households += h->priority != NULL;
	c->priority_covered += h->priority != NULL && covered;
	c->shops += h->kind == KIND_SHOP;
}

static void add_member(struct rollup_counts *c, long load, long capacity)
{
	c->eligible_members++;
	c->idle_members += load == 0;
	c->overloaded += load > capacity;
	if (load > c->largest_load)
		c->largest_load = load;
	c->load_sum += load;
}

static void count(struct rollup *u, struct rollup_row *rows, const struct roster *r,
    const struct audit *a)
{
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int unit = household_unit(r, a, u->level, h);
		bool covered = a->contact[h] >= 0;

		add_household(&u->total, &r->households[h], covered);
		if (unit >= 0)
			add_household(&rows[unit].c, &r->households[h], covered);
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		int unit = member_unit(r, u->level, m);
		long capacity = r->members[m].capacity;

		if (!r->members[m].eligible)
			continue;
		add_member(&u->total, a->load[m], capacity);
		if (unit >= 0)
			add_member(&rows[unit].c, a->load[m], capacity);
	}
}

/* Uncovered households (positive) or spare capacity (negative) of a unit in one part. */
struct piece {
	int unit, part;
	long need;
};

static int compare_pieces(const void *pa, const void *pb)
{
	const struct piece *x = pa, *y = pb;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->part < y->part ? -1 : x->part > y->part;
}

/* The pieces of uncovered households and spare capacity; whole: one unit, the roster. */
static struct piece *pieces(const struct rollup *u, const struct roster *r, const struct audit *a,
    bool whole, size_t *n)
{
	struct piece *p = xmalloc((r->nhouseholds + r->nmembers + 1) * sizeof(*p));

	*n = 0;
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int b = r->households[h].building;
		int unit = whole ? 0 : household_unit(r, a, u->level, h);

		if (a->contact[h] < 0 && unit >= 0 && r->households[h].kind != KIND_VACANT)
			p[(*n)++] = (struct piece){ unit, r->buildings[b].part, 1 };
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		const struct member *mm = &r->members[m];
		long spare = mm->capacity - a->load[m];
		int unit = whole ? 0 : member_unit(r, u->level, m);

		if (mm->eligible && spare > 0 && unit >= 0 && mm->part >= 0)
			p[(*n)++] = (struct piece){ unit, mm->part, -spare };
	}
	qsort(p, *n, sizeof(*p), compare_pieces);
	return p;
}

/* Adds each piece's shortfall to its unit's missing slots (or the total's when whole). */
static void settle_missing(struct rollup *u, struct rollup_row *rows, const struct roster *r,
    const struct audit *a, bool whole)
{
	size_t n;
	struct piece *p = pieces(u, r, a, whole, &n);

	for (size_t i = 0, j; i < n; i = j) {
		long need = 0;

		for (j = i; j < n && p[j].unit == p[i].unit && p[j].part == p[i].part; j++)
			need += p[j].need;
		if (need > 0)
			(whole ? &u->total : &rows[p[i].unit].c)->missing_slots += need;
	}
	free(p);
}

static int compare_keys(const struct roster *r, const struct rollup_row *x,
    const struct rollup_row *y)
{
	const int xi[] = { x->township, x->community, x->grid, x->building, x->member };
	const int yi[] = { y->township, y->community, y->grid, y->building, y->member };
	int c;

	for (int k = LEVEL_TOWNSHIP; k <= LEVEL_MEMBER; k++)
		if ((c = strcmp(rollup_key_text(r, x, (enum rollup_level)k),
		    rollup_key_text(r, y, (enum rollup_level)k))) != 0)
			return c;
	for (int k = LEVEL_TOWNSHIP; k <= LEVEL_MEMBER; k++)
		if (xi[k] != yi[k])
			return xi[k] < yi[k] ? -1 : 1;
	return 0;
}

/* Worst first: lowest coverage (none last), most uncovered, most overloaded, then the names. */
static int compare_worst(const void *pa, const void *pb, void *ctx)
{
	const struct rollup_row *x = pa, *y = pb;
	const struct rollup_counts *a = &x->c, *b = &y->c;
	long long lhs = (long long)a->covered * b->households, rhs = (long long)b->covered * a->households;

	if ((a->households == 0) != (b->households == 0))
		return a->households == 0 ? 1 : -1;
	if (lhs != rhs)
		return lhs < rhs ? -1 : 1;
	if (a->households - a->covered != b->households - b->covered)
		return a->households - a->covered > b->households - b->covered ? -1 : 1;
	if (a->overloaded != b->overloaded)
		return a->overloaded > b->overloaded ? -1 : 1;
	return compare_keys(ctx, x, y);
}

void rollup_build(struct rollup *u, const struct roster *r, const struct audit *a,
    enum rollup_level level)
{
	size_t n = unit_count(r, level);
	struct rollup_row *rows = xcalloc(n + 1, sizeof(*rows));
	bool *used = xcalloc(n + 1, sizeof(*used));

	memset(u, 0, sizeof(*u));
	u->level = level;
	name_units(r, level, rows, used);
	count(u, rows, r, a);
	settle_missing(u, rows, r, a, false);
	settle_missing(u, rows, r, a, true);
	u->rows = xmalloc((n + 1) * sizeof(*u->rows));
	u->unit_row = xmalloc((n + 1) * sizeof(*u->unit_row));
	for (size_t i = 0; i < n; i++) {
		rows[i].unit = (int)i;
		u->unit_row[i] = -1;
		if (used[i])
			u->rows[u->nrows++] = rows[i];
	}
	qsort_r(u->rows, u->nrows, sizeof(*u->rows), compare_worst, (void *)r);
	for (size_t i = 0; i < u->nrows; i++)
		u->unit_row[u->rows[i].unit] = (int)i;
	free(used);
	free(rows);
}

void rollup_release(struct rollup *u)
{
	free(u->rows);
	free(u->unit_row);
	memset(u, 0, sizeof(*u));
}

static void add_visits(struct rollup_counts *c, const struct household_visits *hv)
{
	c->up_to_date += !hv->overdue;
	c->overdue += hv->overdue;
	c->needs += hv->needs;
	c->needs_resolved += hv->needs_resolved;
}

void rollup_add_visits(struct rollup *u, const struct roster *r, const struct audit *a,
    const struct household_visits *per)
{
	u->visits = true;
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int unit = household_unit(r, a, u->level, h);

		if (!per[h].counted)
			continue;
		add_visits(&u->total, &per[h]);
		if (unit >= 0 && u->unit_row[unit] >= 0)
			add_visits(&u->rows[u->unit_row[unit]].c, &per[h]);
	}
}

long rollup_visit_rate_permille(const struct rollup_counts *c)
{
	struct rollup_counts share = { .households = c->up_to_date + c->overdue,
		.covered = c->up_to_date };

	return rollup_coverage_permille(&share);
}

/* Members by grid (buildings.csv order), then members.csv order. */
static int compare_member_place(const void *pa, const void *pb, void *ctx)
{
	const struct roster *r = ctx;
	int a = *(const int *)pa, b = *(const int *)pb;

	if (r->members[a].grid != r->members[b].grid)
		return r->members[a].grid < r->members[b].grid ? -1 : 1;
	return a < b ? -1 : a > b;
}

void contact_lists_build(struct contact_lists *l, const struct roster *r, const int *contact)
{
	size_t *size = xcalloc(r->nmembers + 1, sizeof(*size));
	size_t *next = xcalloc(r->nmembers + 1, sizeof(*next));

	memset(l, 0, sizeof(*l));
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (contact[h] >= 0)
			size[contact[h]]++;
	l->members = xmalloc((r->nmembers + 1) * sizeof(*l->members));
	for (size_t m = 0; m < r->nmembers; m++)
		if (size[m] > 0)
			l->members[l->nmembers++] = (int)m;
	qsort_r(l->members, l->nmembers, sizeof(*l->members), compare_member_place, (void *)r);
	l->first = xmalloc((l->nmembers + 1) * sizeof(*l->first));
	l->first[0] = 0;
	for (size_t i = 0; i < l->nmembers; i++) {
		next[l->members[i]] = l->first[i];
		l->first[i + 1] = l->first[i] + size[l->members[i]];
	}
	l->households = xmalloc((l->first[l->nmembers] + 1) * sizeof(*l->households));
	for (size_t h = 0; h < r->nhouseholds; h++)
		if (contact[h] >= 0)
			l->households[next[contact[h]]++] = (int)h;
	for (size_t i = 0; i < l->nmembers; i++)
		qsort_r(l->households + l->first[i], l->first[i + 1] - l->first[i],
		    sizeof(*l->households), household_walk_compare, (void *)r);
	free(next);
	free(size);
}

void contact_lists_release(struct contact_lists *l)
{
	free(l->members);
	free(l->first);
	free(l->households);
	memset(l, 0, sizeof(*l));
}

/* check_assign: the solver of SPEC §3 against brute force on small random rosters, and its promises (determinism, walking order, edge cases). */
#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "scratch.h"
#include "lianhu/assign.h"
#include "lianhu/diag.h"
#include "lianhu/mapping.h"
#include "lianhu/roster.h"

/*
 * The errors of the roster but empty-roster: the solver is tested on rosters
 * without members or households too, which the commands refuse before it.
 */
static size_t errors_but_empty(void)
{
	size_t n, errors = 0;
	const struct diag *d = diag_sorted(&n);

	for (size_t i = 0; i < n; i++)
		errors += d[i].severity == DIAG_ERROR && strcmp(diag_name(d[i].code), "empty-roster") != 0;
	return errors;
}

/* Writes the three files and loads them into r (released by the caller); the roster must have no errors. */
static void load(struct roster *r, const char *buildings, const char *households,
    const char *members)
{
	struct roster_paths paths = { .dir = scratch_dir };
	struct read_opts opts = { 0 };

	diag_reset();
	scratch_write_text("buildings.csv", buildings);
	scratch_write_text("households.csv", households);
	scratch_write_text("members.csv", members);
	roster_init(r);
	ck_assert_int_eq(roster_load(r, &paths, &opts), 0);
	if (errors_but_empty() > 0)
		diag_print(stderr);
	ck_assert_uint_eq(errors_but_empty(), 0);
	diag_reset();
}

static int household(const struct roster *r, const char *id)
{
	int h = strmap_get(&r->household_ids, id);

	ck_assert_msg(h >= 0, "no household '%s'", id);
	return h;
}

static int member(const struct roster *r, const char *id)
{
	int m = strmap_get(&r->member_ids, id);

	ck_assert_msg(m >= 0, "no member '%s'", id);
	return m;
}

/* The member ID of household id's contact, "" when none. */
static const char *contact_of(const struct roster *r, const int *contact, const char *id)
{
	int m = contact[household(r, id)];

	return m >= 0 ? r->members[m].id : "";
}

/* Solves with scope and default capacity (and previous, may be NULL), --min-load 1; the caller frees it. */
static int *solve(struct roster *r, enum tier scope, long default_capacity, const int *previous,
    struct assign_aims *aims)
{
	struct assign_opts o = { .scope = scope, .min_load = 1, .previous = previous };
	int *contact = malloc((r->nhouseholds + 1) * sizeof(*contact));

	ck_assert_ptr_nonnull(contact);
	roster_apply(r, scope, default_capacity);
	ck_assert_int_eq(assign_solve(r, &o, contact), 0);
	if (aims)
		assign_evaluate(r, &o, contact, aims);
	return contact;
}

/*
 * The random model. Everything the brute force needs is computed from these
 * fields with SPEC §3 as the only guide, never from the roster the solver sees.
 */
#define MAX_GRIDS 4
#define MAX_BUILDINGS 5
#define MAX_HOUSEHOLDS 7
#define MAX_MEMBERS 3

struct model {
	int ngrids, nbuildings, nhouseholds, nmembers;
	const char *community[MAX_GRIDS], *township[MAX_GRIDS];	/* "" when none */
	int building_grid[MAX_BUILDINGS];
	bool blank_names[MAX_BUILDINGS];	/* row leaves community and township to other rows */
	int household_building[MAX_HOUSEHOLDS];
	const char *unit[MAX_HOUSEHOLDS], *room[MAX_HOUSEHOLDS], *tag[MAX_HOUSEHOLDS];
	bool priority[MAX_HOUSEHOLDS];
	bool vacant[MAX_HOUSEHOLDS];	/* set on the loaded roster: never assigned, counted nowhere */
	int member_building[MAX_MEMBERS];	/* -1: grid only */
	int member_grid[MAX_MEMBERS];
	bool member_grid_written[MAX_MEMBERS];	/* building members: grid column filled too */
	const char *status[MAX_MEMBERS];
	long capacity[MAX_MEMBERS];	/* -1: none given */
	int scope;
	long default_capacity, min_load;
	bool with_previous;
	int previous[MAX_HOUSEHOLDS];	/* -1: none */
	char buildings_csv[1024], households_csv[1024], members_csv[1024];
};

/* splitmix64: small, seeded, the same on every machine. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int below(uint64_t *state, int n)
{
	return (int)(next_random(state) % (uint64_t)n);
}

static const char *pick(uint64_t *state, const char *const *words, int n)
{
	return words[below(state, n)];
}

static void appendf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void appendf(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	ck_assert_msg(strlen(buf) + 1 < size, "test buffer too small");
}

/* Draws a roster: two villages named 新地村 in two townships, grids without names, priorities, statuses, capacities. */
static void model_draw(struct model *md, uint64_t seed)
{
	static const char *const villages[] = { "新地村", "新地村", "红旗村", "" };
	static const char *const towns[] = { "甲镇", "乙镇" };
	static const char *const units[] = { "", "", "1", "2" };
	static const char *const rooms[] = { "", "1", "2", "3", "4", "5", "6", "7", "8", "9" };
	static const char *const ordinary[] = { "", "", "0", "no", "否", "False" };
	static const char *const tags[] = { "独居老人", "低保", "yes", "1" };
	static const char *const statuses[] = {
		"", "active", "ACTIVE", "正常", "在岗",			/* eligible */
		"inactive", "mobile", "infirm", "流动", "失联", "retired"	/* not eligible */
	};
	uint64_t st = seed;
	int ntownships = 1 + below(&st, 2);
	bool seen[MAX_GRIDS] = { false };

	memset(md, 0, sizeof(*md));
	md->ngrids = 1 + below(&st, 3);
	for (int g = 0; g < md->ngrids; g++) {
		md->community[g] = pick(&st, villages, 4);
		md->township[g] = below(&st, 6) == 0 ? "" : towns[below(&st, ntownships)];
	}
	md->nbuildings = md->ngrids + below(&st, MAX_BUILDINGS - md->ngrids + 1);
	for (int b = 0; b < md->nbuildings; b++) {
		md->building_grid[b] = b < md->ngrids ? b : below(&st, md->ngrids);
		md->blank_names[b] = seen[md->building_grid[b]] && below(&st, 2) == 0;
		seen[md->building_grid[b]] = true;
	}
	md->nhouseholds = below(&st, 8) == 0 ? below(&st, 2) : 2 + below(&st, MAX_HOUSEHOLDS - 1);
	for (int h = 0; h < md->nhouseholds; h++) {
		md->household_building[h] = below(&st, md->nbuildings);
		md->unit[h] = pick(&st, units, 4);
		md->room[h] = pick(&st, rooms, 10);
		md->priority[h] = below(&st, 3) == 0;
		md->tag[h] = md->priority[h] ? pick(&st, tags, 4) : pick(&st, ordinary, 6);
		md->vacant[h] = below(&st, 12) == 0;
	}
	md->nmembers = below(&st, 12) == 0 ? 0 : below(&st, 6) == 0 ? 1 : 2 + below(&st, MAX_MEMBERS - 1);
	for (int m = 0; m < md->nmembers; m++) {
		if (below(&st, 3) == 0) {
			md->member_building[m] = -1;
			md->member_grid[m] = below(&st, md->ngrids);
		} else {
			md->member_building[m] = below(&st, md->nbuildings);
			md->member_grid[m] = md->building_grid[md->member_building[m]];
			md->member_grid_written[m] = below(&st, 2) == 0;
		}
		md->status[m] = below(&st, 5) == 0 ? pick(&st, statuses + 5, 6) : pick(&st, statuses, 5);
		md->capacity[m] = below(&st, 2) == 0 ? -1 : below(&st, 8) == 0 ? 0 : 1 + below(&st, 3);
	}
	md->scope = below(&st, 10) < 2 ? below(&st, 2) : 2 + below(&st, 2);	/* wide scopes meet more aims */
	md->default_capacity = 1 + below(&st, 3);
	/* Mostly 1 (the old aim); 0 (no floor) and floors above some capacities too. */
	md->min_load = below(&st, 2) == 0 ? 1 : below(&st, 5);
	md->with_previous = below(&st, 2) == 0;
	for (int h = 0; h < md->nhouseholds; h++)
		md->previous[h] = md->with_previous && md->nmembers > 0 && below(&st, 4) != 0 ?
		    below(&st, md->nmembers) : -1;
}

/*
 * Recasts a drawn roster as issue 12's "many grids in one community": every
 * grid one building in the same community, every household in a building
 * of its own, members in some of them.
 */
static void model_grids(struct model *md)
{
	md->ngrids = md->nbuildings = MAX_GRIDS;
	for (int g = 0; g < MAX_GRIDS; g++) {
		md->community[g] = "新地村";
		md->township[g] = "甲镇";
		md->building_grid[g] = g;
		md->blank_names[g] = false;
	}
	md->nhouseholds = md->nhouseholds < MAX_GRIDS ? md->nhouseholds : MAX_GRIDS;
	for (int h = 0; h < md->nhouseholds; h++)
		md->household_building[h] = h;
	for (int m = 0; m < md->nmembers; m++) {
		if (md->member_building[m] >= 0)
			md->member_building[m] %= MAX_GRIDS;
		md->member_grid[m] = md->member_building[m] >= 0 ? md->member_building[m] :
		    md->member_grid[m] % MAX_GRIDS;
	}
}

/* Writes the model as the three CSV texts (kept in the model for the dump of a failing case). */
static void model_write(struct model *md)
{
	md->buildings_csv[0] = md->households_csv[0] = md->members_csv[0] = '\0';
	appendf(md->buildings_csv, sizeof(md->buildings_csv), "building_id,grid_id,community,township\n");
	for (int b = 0; b < md->nbuildings; b++) {
		int g = md->building_grid[b];

		appendf(md->buildings_csv, sizeof(md->buildings_csv), "B%d,G%d,%s,%s\n", b, g,
		    md->blank_names[b] ? "" : md->community[g],
		    md->blank_names[b] ? "" : md->township[g]);
	}
	appendf(md->households_csv, sizeof(md->households_csv),
	    "household_id,building_id,unit,room,priority\n");
	for (int h = 0; h < md->nhouseholds; h++)
		appendf(md->households_csv, sizeof(md->households_csv), "H%d,B%d,%s,%s,%s\n", h,
		    md->household_building[h], md->unit[h], md->room[h], md->tag[h]);
	appendf(md->members_csv, sizeof(md->members_csv), "member_id,building_id,grid_id,capacity,status\n");
	for (int m = 0; m < md->nmembers; m++) {
		char building[24] = "", grid[24] = "", capacity[24] = "";

		if (md->member_building[m] >= 0)
			snprintf(building, sizeof(building), "B%d", md->member_building[m]);
		if (md->member_building[m] < 0 || md->member_grid_written[m])
			snprintf(grid, sizeof(grid), "G%d", md->member_grid[m]);
		if (md->capacity[m] >= 0)
			snprintf(capacity, sizeof(capacity), "%ld", md->capacity[m]);
		appendf(md->members_csv, sizeof(md->members_csv), "M%d,%s,%s,%s,%s\n", m, building,
		    grid, capacity, md->status[m]);
	}
}

/* SPEC §3's tier, from the model: 0 building .. 3 township, 4 none. */
static int model_tier(const struct model *md, int h, int m)
{
	int hb = md->household_building[h], hg = md->building_grid[hb], mg = md->member_grid[m];

	if (md->member_building[m] == hb)
		return 0;
	if (mg == hg)
		return 1;
	if (*md->community[hg] && strcmp(md->community[hg], md->community[mg]) == 0 &&
	    strcmp(md->township[hg], md->township[mg]) == 0)
		return 2;
	if (*md->township[hg] && strcmp(md->township[hg], md->township[mg]) == 0)
		return 3;
	return 4;
}

static long model_capacity(const struct model *md, int m)
{
	return md->capacity[m] >= 0 ? md->capacity[m] : md->default_capacity;
}

/* SPEC §2: eligible status (any case) and capacity above 0. */
static bool model_eligible(const struct model *md, int m)
{
	static const char *const eligible[] = { "", "active", "正常", "在岗" };
	bool ok = false;

	for (int i = 0; i < 4; i++)
		ok |= strcasecmp(md->status[m], eligible[i]) == 0;
	return ok && model_capacity(md, m) > 0;
}

static bool model_allowed(const struct model *md, int h, int m)
{
	return model_eligible(md, m) && model_tier(md, h, m) <= md->scope;
}

/* The previous contact of h that still counts for aim 4, or -1. */
static int model_previous(const struct model *md, int h)
{
	int p = md->previous[h];

	return p >= 0 && model_allowed(md, h, p) ? p : -1;
}

/* The six aims of SPEC §3 (aim 3 as SPEC 5.4 words it), each in the direction "less is better". */
#define NAIMS 6
static const char *const aim_names[NAIMS] = {
	"1 priority covered", "2 covered", "3 shortfall", "4 moved", "5 tier sum", "6 load squares"
};

static void model_aims(const struct model *md, const int *contact, long long aims[NAIMS])
{
	long load[MAX_MEMBERS] = { 0 };

	memset(aims, 0, NAIMS * sizeof(*aims));
	for (int h = 0; h < md->nhouseholds; h++) {
		int m = contact[h], p = model_previous(md, h);

		if (md->vacant[h])
			continue;
		if (p >= 0 && m != p)
			aims[3]++;
		if (m < 0)
			continue;
		aims[0] -= md->priority[h];
		aims[1]--;
		aims[4] += model_tier(md, h, m);
		load[m]++;
	}
	for (int m = 0; m < md->nmembers; m++) {
		if (!model_eligible(md, m))
			continue;
		aims[2] += load[m] < md->min_load ? md->min_load - load[m] : 0;
		aims[5] += (long long)load[m] * load[m];
	}
}

/* Index of the first aim where a and b differ, or NAIMS. */
static int first_difference(const long long a[NAIMS], const long long b[NAIMS])
{
	int i = 0;

	while (i < NAIMS && a[i] == b[i])
		i++;
	return i;
}

/* The exhaustive search: every valid mapping, the lexicographically best aims. */
struct search {
	const struct model *md;
	int contact[MAX_HOUSEHOLDS];
	long load[MAX_MEMBERS];
	long long best[NAIMS];
	int best_contact[MAX_HOUSEHOLDS];
	bool found;
	long mappings;
};

static void search(struct search *s, int h)
{
	const struct model *md = s->md;

	if (h == md->nhouseholds) {
		long long aims[NAIMS];
		int d;

		s->mappings++;
		model_aims(md, s->contact, aims);
		d = first_difference(aims, s->best);
		if (!s->found || (d < NAIMS && aims[d] < s->best[d])) {
			memcpy(s->best, aims, sizeof(aims));
			memcpy(s->best_contact, s->contact, sizeof(s->contact));
			s->found = true;
		}
		return;
	}
	s->contact[h] = -1;
	search(s, h + 1);
	for (int m = 0; m < md->nmembers && !md->vacant[h]; m++) {
		if (!model_allowed(md, h, m) || s->load[m] >= model_capacity(md, m))
			continue;
		s->contact[h] = m;
		s->load[m]++;
		search(s, h + 1);
		s->load[m]--;
	}
}

/* Everything about a failing case, to paste into a bug report. */
static void dump(const struct model *md, uint64_t seed, const int *got, const int *best)
{
	fprintf(stderr, "--- case seed %llu: scope %s, --max-load %ld, --min-load %ld\n",
	    (unsigned long long)seed, tier_name((enum tier)md->scope), md->default_capacity, md->min_load);
	fprintf(stderr, "buildings.csv:\n%shouseholds.csv:\n%smembers.csv:\n%s", md->buildings_csv,
	    md->households_csv, md->members_csv);
	for (int h = 0; h < md->nhouseholds; h++)
		if (md->vacant[h])
			fprintf(stderr, "H%d is vacant\n", h);
	if (md->with_previous) {
		fprintf(stderr, "previous mapping:\nhousehold_id,member_id\n");
		for (int h = 0; h < md->nhouseholds; h++)
			if (md->previous[h] >= 0)
				fprintf(stderr, "H%d,M%d\n", h, md->previous[h]);
	}
	fprintf(stderr, "household solver best (-: none)\n");
	for (int h = 0; h < md->nhouseholds; h++) {
		char a[24] = "-", b[24] = "-";

		if (got[h] >= 0)
			snprintf(a, sizeof(a), "M%d", got[h]);
		if (best && best[h] >= 0)
			snprintf(b, sizeof(b), "M%d", best[h]);
		fprintf(stderr, "H%-8d %-6s %s\n", h, a, best ? b : "?");
	}
}

/* Households of building b in walking order: unit, room, file (the model's values sort alike as text and as numbers). */
static int walking_order(const struct model *md, int b, int *order)
{
	int n = 0;

	for (int h = 0; h < md->nhouseholds; h++) {
		int k;

		if (md->household_building[h] != b)
			continue;
		for (k = n; k > 0; k--) {
			int o = order[k - 1];
			int c = strcmp(md->unit[o], md->unit[h]);

			if (c == 0)
				c = strcmp(md->room[o], md->room[h]);
			if (c <= 0)
				break;
			order[k] = o;
		}
		order[k] = h;
		n++;
	}
	return n;
}

/*
 * Inside a building, any permutation of the contacts of covered households
 * not kept by a previous contact leaves every aim as it is (at an optimum),
 * so each member's share of them must be contiguous in walking order.
 * Returns the first member found split, or -1.
 */
static int split_member(const struct model *md, const int *contact, int *where)
{
	for (int b = 0; b < md->nbuildings; b++) {
		int order[MAX_HOUSEHOLDS], n = walking_order(md, b, order), free_seq[MAX_HOUSEHOLDS], nf = 0;

		for (int i = 0; i < n; i++) {
			int h = order[i];

			if (contact[h] >= 0 && contact[h] != model_previous(md, h))
				free_seq[nf++] = contact[h];
		}
		for (int i = 0; i < nf; i++)
			for (int j = i + 2; j < nf; j++)
				for (int k = i + 1; k < j; k++)
					if (free_seq[i] == free_seq[j] && free_seq[k] != free_seq[i]) {
						*where = b;
						return free_seq[i];
					}
	}
	return -1;
}

/* Statistics of the random cases, to show that the draw reaches what it should. */
struct stats {
	long cases, mappings, uncovered, kept_farther, at_tier[5], idle, same_name_villages;
	long floors_above_one, floor_zero, vacant;
};

/* One random case (of the grids shape or not): draw, write, load, solve, compare with brute force. */
static void random_case(uint64_t seed, bool grids, struct stats *stats)
{
	struct model md;
	struct roster r;
	struct search s = { 0 };
	struct assign_opts o;
	struct assign_aims a;
	int got[MAX_HOUSEHOLDS + 1] = { 0 }, again[MAX_HOUSEHOLDS + 1], prev[MAX_HOUSEHOLDS + 1];
	long long aims[NAIMS];
	long loads[MAX_MEMBERS] = { 0 };
	int d, where = -1, split;

	model_draw(&md, seed);
	if (grids)
		model_grids(&md);
	model_write(&md);
	load(&r, md.buildings_csv, md.households_csv, md.members_csv);
	ck_assert_uint_eq(r.nhouseholds, (size_t)md.nhouseholds);
	ck_assert_uint_eq(r.nmembers, (size_t)md.nmembers);
	for (int h = 0; h < md.nhouseholds; h++) {
		char id[16];

		snprintf(id, sizeof(id), "H%d", h);
		ck_assert_int_eq(household(&r, id), h);
		ck_assert_int_eq(r.households[h].priority != NULL, md.priority[h]);
		if (md.vacant[h])	/* the reader's word for it is the columns helper's; the kind is what counts */
			r.households[h].kind = KIND_VACANT;
		prev[h] = md.previous[h];
		got[h] = -1;
	}
	for (int m = 0; m < md.nmembers; m++) {
		char id[16];

		snprintf(id, sizeof(id), "M%d", m);
		ck_assert_int_eq(member(&r, id), m);
	}
	roster_apply(&r, (enum tier)md.scope, md.default_capacity);
	o = (struct assign_opts){ .scope = (enum tier)md.scope, .min_load = md.min_load,
	    .previous = md.with_previous ? prev : NULL };
	for (int h = 0; h < md.nhouseholds; h++) {
		for (int m = 0; m < md.nmembers; m++)
			if ((int)roster_tier(&r, md.household_building[h], &r.members[m]) !=
			    model_tier(&md, h, m)) {
				dump(&md, seed, got, NULL);
				ck_abort_msg("seed %llu: roster_tier(H%d, M%d) = %d, SPEC says %d",
				    (unsigned long long)seed, h, m,
				    roster_tier(&r, md.household_building[h], &r.members[m]),
				    model_tier(&md, h, m));
			}
		if (md.with_previous &&
		    assign_previous_valid(&r, &o, md.household_building[h], prev[h]) !=
		    (model_previous(&md, h) >= 0)) {
			dump(&md, seed, got, NULL);
			ck_abort_msg("seed %llu: assign_previous_valid(H%d, M%d) disagrees with SPEC",
			    (unsigned long long)seed, h, prev[h]);
		}
	}

	ck_assert_int_eq(assign_solve(&r, &o, got), 0);
	ck_assert_int_eq(assign_solve(&r, &o, again), 0);
	for (int h = 0; h < md.nhouseholds; h++)
		if (got[h] != again[h]) {
			dump(&md, seed, got, again);
			ck_abort_msg("seed %llu: two solves differ at H%d", (unsigned long long)seed, h);
		}

	/* The solver's mapping is valid. */
	for (int h = 0; h < md.nhouseholds; h++) {
		int m = got[h];

		if (m < 0)
			continue;
		if (md.vacant[h]) {
			dump(&md, seed, got, NULL);
			ck_abort_msg("seed %llu: vacant H%d gets member %d", (unsigned long long)seed,
			    h, m);
		}
		if (m >= md.nmembers || !model_allowed(&md, h, m)) {
			dump(&md, seed, got, NULL);
			ck_abort_msg("seed %llu: H%d gets member %d, not eligible within scope",
			    (unsigned long long)seed, h, m);
		}
		if (++loads[m] > model_capacity(&md, m)) {
			dump(&md, seed, got, NULL);
			ck_abort_msg("seed %llu: M%d above its capacity %ld", (unsigned long long)seed,
			    m, model_capacity(&md, m));
		}
	}

	/* It is as good as the best of all valid mappings, aim by aim. */
	s.md = &md;
	search(&s, 0);
	ck_assert(s.found);
	model_aims(&md, got, aims);
	if ((d = first_difference(aims, s.best)) < NAIMS) {
		dump(&md, seed, got, s.best_contact);
		ck_abort_msg("seed %llu: aim %s: solver %lld, best %lld (aims before it equal)",
		    (unsigned long long)seed, aim_names[d], d < 2 ? -aims[d] : aims[d],
		    d < 2 ? -s.best[d] : s.best[d]);
	}

	/* assign_evaluate agrees with SPEC on it. */
	assign_evaluate(&r, &o, got, &a);
	{
		long eligible = 0, prio = 0, largest_load = 0, tiers[4] = { 0 }, idle = 0;
		long households = 0;

		for (int m = 0; m < md.nmembers; m++) {
			eligible += model_eligible(&md, m);
			idle += model_eligible(&md, m) && loads[m] == 0;
			if (model_eligible(&md, m) && loads[m] > largest_load)
				largest_load = loads[m];
		}
		for (int h = 0; h < md.nhouseholds; h++) {
			households += !md.vacant[h];
			prio += md.priority[h] && !md.vacant[h];
			if (got[h] >= 0)
				tiers[model_tier(&md, h, got[h])]++;
		}
		if (a.priority_covered != -aims[0] || a.covered != -aims[1] ||
		    a.shortfall != aims[2] || a.idle != idle ||
		    a.moved != aims[3] || a.tier_sum != aims[4] || a.load_squares != aims[5] ||
		    a.households != households || a.priority_households != prio ||
		    a.members != md.nmembers || a.eligible != eligible || a.largest_load != largest_load ||
		    a.tiers[0] != tiers[0] || a.tiers[1] != tiers[1] || a.tiers[2] != tiers[2] ||
		    a.tiers[3] != tiers[3]) {
			dump(&md, seed, got, NULL);
			ck_abort_msg("seed %llu: assign_evaluate disagrees: prio %ld/%lld covered "
			    "%ld/%lld shortfall %ld/%lld moved %ld/%lld tiers %ld/%lld squares %lld/%lld "
			    "eligible %ld/%ld largest load %ld/%ld", (unsigned long long)seed,
			    a.priority_covered, -aims[0], a.covered, -aims[1], a.shortfall, aims[2],
			    a.moved, aims[3], a.tier_sum, aims[4], a.load_squares, aims[5],
			    a.eligible, eligible, a.largest_load, largest_load);
		}
	}

	/* Walking order where the aims leave the freedom. */
	if ((split = split_member(&md, got, &where)) >= 0) {
		dump(&md, seed, got, NULL);
		ck_abort_msg("seed %llu: M%d's households in B%d are not contiguous in walking order",
		    (unsigned long long)seed, split, where);
	}

	stats->cases++;
	stats->mappings += s.mappings;
	stats->uncovered += -aims[1] < a.households;
	for (int h = 0; h < md.nhouseholds; h++)
		stats->kept_farther += got[h] >= 0 && got[h] == model_previous(&md, h) &&
		    model_tier(&md, h, got[h]) > 0;
	for (int h = 0; h < md.nhouseholds; h++)
		stats->at_tier[got[h] >= 0 ? model_tier(&md, h, got[h]) : 4]++;
	stats->idle += aims[2] > 0;
	stats->floors_above_one += md.min_load > 1 && aims[2] > 0;
	stats->floor_zero += md.min_load == 0 && md.nhouseholds > 0;
	for (int h = 0; h < md.nhouseholds; h++)
		stats->vacant += md.vacant[h];
	for (int g = 0; g < md.ngrids; g++)
		for (int k = 0; k < md.ngrids; k++)
			stats->same_name_villages += *md.community[g] &&
			    strcmp(md.community[g], md.community[k]) == 0 &&
			    strcmp(md.township[g], md.township[k]) != 0;
	roster_release(&r);
}

#define BATCHES 20
#define CASES_PER_BATCH 100

/* 2000 random rosters in 20 batches (each batch its own process and timeout). */
START_TEST(brute_force)
{
	struct stats st = { 0 };
	const char *one = getenv("CHECK_ASSIGN_SEED");

	if (one) {	/* CHECK_ASSIGN_SEED=N reruns one case from a failure message */
		if (_i == 0)
			random_case(strtoull(one, NULL, 10), getenv("CHECK_ASSIGN_GRIDS") != NULL, &st);
		return;
	}
	for (int i = 0; i < CASES_PER_BATCH; i++)
		random_case(0x6c69616e6875ULL * 1000 + (uint64_t)(_i * CASES_PER_BATCH + i), false, &st);
	ck_assert_int_eq(st.cases, CASES_PER_BATCH);
	/* The draw must reach the interesting situations, else the test proves little. */
	ck_assert_int_gt(st.uncovered, 5);
	ck_assert_int_gt(st.kept_farther, 0);
	ck_assert_int_gt(st.at_tier[0], 0);
	ck_assert_int_gt(st.at_tier[1], 0);
	ck_assert_int_gt(st.at_tier[2], 0);
	ck_assert_int_gt(st.at_tier[3], 0);
	ck_assert_int_gt(st.idle, 5);
	ck_assert_int_gt(st.floors_above_one, 3);
	ck_assert_int_gt(st.floor_zero, 3);
	ck_assert_int_gt(st.vacant, 3);
	ck_assert_int_gt(st.same_name_villages, 0);
	if (getenv("CHECK_ASSIGN_STATS"))
		fprintf(stderr, "batch %d: %ld cases, %ld mappings enumerated, %ld with uncovered "
		    "households, %ld keeping a farther previous contact, tiers %ld/%ld/%ld/%ld, "
		    "%ld uncovered households, %ld with idle members\n", _i, st.cases, st.mappings,
		    st.uncovered, st.kept_farther, st.at_tier[0], st.at_tier[1], st.at_tier[2],
		    st.at_tier[3], st.at_tier[4], st.idle);
}
END_TEST

/* 500 random rosters of the grids shape (CHECK_ASSIGN_SEED with CHECK_ASSIGN_GRIDS reruns one). */
START_TEST(brute_force_grids)
{
	struct stats st = { 0 };

	for (int i = 0; i < CASES_PER_BATCH; i++)
		random_case(0x6772696473ULL * 1000 + (uint64_t)(_i * CASES_PER_BATCH + i), true, &st);
	ck_assert_int_eq(st.cases, CASES_PER_BATCH);
	ck_assert_int_gt(st.uncovered, 5);
	ck_assert_int_gt(st.at_tier[0], 0);
	ck_assert_int_gt(st.at_tier[2], 0);
	ck_assert_int_gt(st.idle, 5);
	ck_assert_int_gt(st.kept_farther, 0);
}
END_TEST

static const char *const quickstart_buildings =
    "building_id,grid_id,community,township,name\n"
    "0101,01,红旗村,隆盛合镇,一组\n"
    "0102,01,红旗村,隆盛合镇,二组\n"
    "0201,02,红旗村,隆盛合镇,三组\n"
    "0301,03,新地村,隆盛合镇,一组\n"
    "0302,03,新地村,隆盛合镇,二组\n";
static const char *const quickstart_households =
    "household_id,building_id,unit,room,kind,head,phone,priority\n"
    "0101001,0101,,1,resident,王建国,13904781201,\n"
    "0101002,0101,,2,resident,李秀英,13904781202,独居老人\n"
    "0101003,0101,,5,resident,张海波,15847810033,\n"
    "0102001,0102,,1,resident,刘桂兰,,\n"
    "0102002,0102,,3,shop,赵德成,13514780021,\n"
    "0201001,0201,,2,resident,陈永福,18647801156,\n"
    "0201002,0201,,4,resident,杨玉梅,13704780142,低保\n"
    "0201003,0201,,6,resident,高志忠,15004780267,\n"
    "0201004,0201,,8,resident,巴特尔,13948780355,\n"
    "0301001,0301,,1,resident,孙淑珍,15134780411,\n"
    "0301002,0301,,2,resident,马文斌,13624780508,\n"
    "0302001,0302,,1,resident,郭春生,18047800693,\n";
static const char *const quickstart_members =
    "member_id,name,building_id,grid_id,branch,capacity,status,phone\n"
    "DY001,王志刚,0101,01,红旗村党支部,,active,13904781288\n"
    "DY002,李红梅,0201,02,红旗村党支部,3,active,15847810199\n"
    "DY003,张永强,0102,01,红旗村党支部,,mobile,13514780388\n"
    "DY004,刘慧,,03,新地村党支部,,active,18647800477\n";

START_TEST(deterministic)
{
	struct roster r1, r2;
	int *a, *b, *c;

	/* The same input gives the same mapping: twice on one roster, and on the roster read again. */
	load(&r1, quickstart_buildings, quickstart_households, quickstart_members);
	a = solve(&r1, TIER_TOWNSHIP, 4, NULL, NULL);
	b = solve(&r1, TIER_TOWNSHIP, 4, NULL, NULL);
	load(&r2, quickstart_buildings, quickstart_households, quickstart_members);
	c = solve(&r2, TIER_TOWNSHIP, 4, NULL, NULL);
	ck_assert_mem_eq(a, b, r1.nhouseholds * sizeof(*a));
	ck_assert_mem_eq(a, c, r1.nhouseholds * sizeof(*a));
	free(a);
	free(b);
	free(c);
	roster_release(&r1);
	roster_release(&r2);
}
END_TEST

/* Asserts that in walking order (given as household IDs) each member's households form one run. */
static void expect_runs(const struct roster *r, const int *contact, const char *const *walk, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = i + 2; j < n; j++) {
			const char *a = contact_of(r, contact, walk[i]);

			if (!*a || strcmp(a, contact_of(r, contact, walk[j])) != 0)
				continue;
			for (int k = i + 1; k < j; k++)
				ck_assert_msg(strcmp(a, contact_of(r, contact, walk[k])) == 0,
				    "%s takes %s and %s but not %s between them", a, walk[i], walk[j],
				    walk[k]);
		}
}

START_TEST(walking_order_rooms)
{
	static const char *const walk[] = { "h4", "h2", "h6", "h5", "h1", "h3" };
	struct roster r;
	struct assign_aims a;
	int *contact;

	/* Rooms out of file order: each member takes three neighbours, not every other door. */
	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,room\nh1,B1,105\nh2,B1,102\nh3,B1,106\nh4,B1,101\n"
	    "h5,B1,104\nh6,B1,103\n",
	    "member_id,building_id,capacity\nA,B1,3\nB,B1,3\n");
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, &a);
	ck_assert_int_eq(a.covered, 6);
	ck_assert_int_eq(a.load_squares, 18);
	expect_runs(&r, contact, walk, 6);
	ck_assert_str_ne(contact_of(&r, contact, "h4"), contact_of(&r, contact, "h3"));
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(walking_order_units_then_file)
{
	static const char *const walk[] = { "u1a", "u1b", "u1c", "u2a", "u2b", "u2c" };
	static const char *const by_file[] = { "a", "b", "c", "d", "e", "f" };
	struct roster r;
	int *contact;

	/* Unit first, then room; the same unit and room fall back to file order. */
	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,unit,room\nu2b,B1,2,101\nu1c,B1,1,301\nu1a,B1,1,101\n"
	    "u2c,B1,2,201\nu1b,B1,1,201\nu2a,B1,2,101\n",
	    "member_id,building_id,capacity\nA,B1,3\nB,B1,3\n");
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, NULL);
	expect_runs(&r, contact, walk, 6);
	ck_assert_str_ne(contact_of(&r, contact, "u1a"), contact_of(&r, contact, "u2c"));
	free(contact);
	roster_release(&r);

	/* The same room falls back to file order: a b c (room 1) before d e f (room 2), in pairs. */
	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,room\nd,B1,2\na,B1,1\ne,B1,2\nb,B1,1\nf,B1,2\nc,B1,1\n",
	    "member_id,building_id,capacity\nA,B1,2\nB,B1,2\nC,B1,2\n");
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, NULL);
	expect_runs(&r, contact, by_file, 6);
	ck_assert_str_eq(contact_of(&r, contact, "a"), contact_of(&r, contact, "b"));
	ck_assert_str_eq(contact_of(&r, contact, "e"), contact_of(&r, contact, "f"));
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(capacity_zero)
{
	struct roster r;
	struct assign_aims a;
	int *contact;

	/* Capacity 0 makes a member not eligible: never a contact, never idle. */
	load(&r, "building_id,grid_id\nB1,G1\n", "household_id,building_id\n1,B1\n2,B1\n",
	    "member_id,building_id,capacity\nZERO,B1,0\nM,B1,\n");
	contact = solve(&r, TIER_COMMUNITY, 1, NULL, &a);
	/* One of the two goes to M (--max-load 1), the other to nobody. */
	ck_assert_str_eq(contact_of(&r, contact, "1")[0] ? contact_of(&r, contact, "1") :
	    contact_of(&r, contact, "2"), "M");
	ck_assert_int_eq(contact[0] < 0 || contact[1] < 0, 1);
	ck_assert_int_eq(a.covered, 1);
	ck_assert_int_eq(a.eligible, 1);
	ck_assert_int_eq(a.idle, 0);
	ck_assert_int_eq(a.members, 2);
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(all_ineligible)
{
	struct roster r;
	struct assign_aims a;
	int *contact;

	load(&r, "building_id,grid_id\nB1,G1\n", "household_id,building_id,priority\n1,B1,低保\n2,B1,\n",
	    "member_id,building_id,status,capacity\nM1,B1,mobile,\nM2,B1,年老体弱,\nM3,B1,active,0\n");
	contact = solve(&r, TIER_TOWNSHIP, 15, NULL, &a);
	ck_assert_int_eq(contact[0], -1);
	ck_assert_int_eq(contact[1], -1);
	ck_assert_int_eq(a.covered, 0);
	ck_assert_int_eq(a.priority_households, 1);
	ck_assert_int_eq(a.priority_covered, 0);
	ck_assert_int_eq(a.eligible, 0);
	ck_assert_int_eq(a.idle, 0);
	ck_assert_int_eq(a.largest_load, 0);
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(no_members)
{
	struct roster r;
	struct assign_aims a;
	int *contact;

	load(&r, "building_id,grid_id\nB1,G1\nB2,G2\n", "household_id,building_id\n1,B1\n2,B2\n",
	    "member_id,building_id\n");
	ck_assert_uint_eq(r.nmembers, 0);
	contact = solve(&r, TIER_TOWNSHIP, 15, NULL, &a);
	ck_assert_int_eq(contact[0], -1);
	ck_assert_int_eq(contact[1], -1);
	ck_assert_int_eq(a.covered, 0);
	ck_assert_int_eq(a.members, 0);
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(grid_without_members)
{
	struct roster r;
	struct assign_aims a;
	int *contact;

	/* G2 has no member: uncovered at scope grid, covered from G1 at scope community, never from 乙镇. */
	load(&r, "building_id,grid_id,community,township\nB1,G1,新地村,甲镇\nB2,G2,新地村,甲镇\n"
	    "B3,G3,新地村,乙镇\n",
	    "household_id,building_id\n1,B1\n2,B2\n3,B3\n",
	    "member_id,building_id\nM1,B1\n");
	contact = solve(&r, TIER_GRID, 15, NULL, &a);
	ck_assert_str_eq(contact_of(&r, contact, "1"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "2"), "");
	ck_assert_str_eq(contact_of(&r, contact, "3"), "");
	ck_assert_int_eq(a.covered, 1);
	free(contact);
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, &a);
	ck_assert_str_eq(contact_of(&r, contact, "1"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "2"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "3"), "");
	ck_assert_int_eq(a.tiers[TIER_COMMUNITY], 1);
	ck_assert_int_eq(a.tier_sum, 2);
	free(contact);
	contact = solve(&r, TIER_TOWNSHIP, 15, NULL, &a);
	ck_assert_str_eq(contact_of(&r, contact, "3"), "");
	free(contact);
	roster_release(&r);
}
END_TEST

START_TEST(priority_first_then_idle_before_tiers)
{
	struct roster r;
	struct assign_aims a;
	int *contact;

	/* Aim 1 over aim 2: one slot goes to the priority household. */
	load(&r, "building_id,grid_id\nB1,G1\nB2,G1\n",
	    "household_id,building_id,priority\n1,B1,\n2,B2,残疾\n",
	    "member_id,building_id,capacity\nM1,B1,1\n");
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, &a);
	ck_assert_str_eq(contact_of(&r, contact, "1"), "");
	ck_assert_str_eq(contact_of(&r, contact, "2"), "M1");
	free(contact);
	roster_release(&r);

	/* Aim 3 over aim 5: M2 takes a household one grid away rather than stay idle. */
	load(&r, "building_id,grid_id,community\nB1,G1,红旗村\nB2,G2,红旗村\n",
	    "household_id,building_id\n1,B1\n2,B1\n",
	    "member_id,building_id\nM1,B1\nM2,B2\n");
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, &a);
	ck_assert_int_eq(a.idle, 0);
	ck_assert_int_eq(a.tier_sum, 2);
	ck_assert_int_eq(a.covered, 2);
	ck_assert_str_ne(contact_of(&r, contact, "1"), contact_of(&r, contact, "2"));
	free(contact);
	roster_release(&r);
}
END_TEST

/* Writes a previous mapping and reads it back as per-household contacts (freed by the caller). */
static int *previous_contacts(const struct roster *r, const char *text)
{
	struct mapping map;
	struct read_opts opts = { 0 };
	char path[512];
	int *prev;

	scratch_write_text("previous.csv", text);
	snprintf(path, sizeof(path), "%s/previous.csv", scratch_dir);
	ck_assert_int_eq(mapping_read(&map, path, false, &opts), 0);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
	prev = mapping_first_contacts(&map, r);
	mapping_release(&map);
	return prev;
}

START_TEST(previous_left_or_ineligible)
{
	struct roster r;
	struct assign_opts o = { .scope = TIER_COMMUNITY };
	struct assign_aims a;
	int *prev, *contact;

	/*
	 * 1's contact left the roster, 2's became mobile: both get the nearest
	 * member. 3 keeps M1 one grid away (aim 4 before aim 5) although M3
	 * lives in its building; 4's first row (M3) counts, not its second.
	 */
	load(&r, "building_id,grid_id\nB1,G1\nB2,G1\n",
	    "household_id,building_id\n1,B1\n2,B1\n3,B2\n4,B2\n",
	    "member_id,building_id,status\nM1,B1,\nM2,B1,mobile\nM3,B2,\n");
	prev = previous_contacts(&r, "household_id,member_id\n1,GONE\n2,M2\n3,M1\n4,M3\n4,M1\n");
	ck_assert_int_eq(prev[household(&r, "1")], -1);
	ck_assert_int_eq(prev[household(&r, "2")], member(&r, "M2"));
	ck_assert_int_eq(prev[household(&r, "3")], member(&r, "M1"));
	ck_assert_int_eq(prev[household(&r, "4")], member(&r, "M3"));
	roster_apply(&r, TIER_COMMUNITY, 15);
	ck_assert(!assign_previous_valid(&r, &o, 0, -1));
	ck_assert(!assign_previous_valid(&r, &o, 0, member(&r, "M2")));
	ck_assert(assign_previous_valid(&r, &o, 1, member(&r, "M1")));
	contact = solve(&r, TIER_COMMUNITY, 15, prev, &a);
	ck_assert_str_eq(contact_of(&r, contact, "1"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "2"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "3"), "M1");
	ck_assert_str_eq(contact_of(&r, contact, "4"), "M3");
	ck_assert_int_eq(a.moved, 0);
	ck_assert_int_eq(a.tier_sum, 1);
	free(contact);

	/* At scope building M1 is out of reach of 3: its previous contact no longer counts. */
	o.scope = TIER_BUILDING;
	ck_assert(!assign_previous_valid(&r, &o, 1, member(&r, "M1")));
	contact = solve(&r, TIER_BUILDING, 15, prev, &a);
	ck_assert_str_eq(contact_of(&r, contact, "3"), "M3");
	ck_assert_int_eq(a.moved, 0);
	free(contact);

	/* Without the previous mapping the nearest members win. */
	contact = solve(&r, TIER_COMMUNITY, 15, NULL, &a);
	ck_assert_str_eq(contact_of(&r, contact, "3"), "M3");
	ck_assert_int_eq(a.tier_sum, 0);
	free(contact);
	free(prev);
	roster_release(&r);
}
END_TEST

START_TEST(previous_gives_way_to_idle)
{
	struct roster r;
	struct assign_aims a;
	int *prev, *contact;

	/* Aim 3 before aim 4: a previous contact is moved so that a new member is not idle. */
	load(&r, "building_id,grid_id\nB1,G1\n", "household_id,building_id\n1,B1\n2,B1\n",
	    "member_id,building_id\nOLD,B1\nNEW,B1\n");
	prev = previous_contacts(&r, "household_id,member_id\n1,OLD\n2,OLD\n");
	contact = solve(&r, TIER_COMMUNITY, 15, prev, &a);
	ck_assert_int_eq(a.idle, 0);
	ck_assert_int_eq(a.moved, 1);
	ck_assert_str_ne(contact_of(&r, contact, "1"), contact_of(&r, contact, "2"));
	free(contact);
	free(prev);
	roster_release(&r);
}
END_TEST

START_TEST(previous_moves_where_tiers_gain)
{
	struct roster r;
	struct assign_aims a;
	int *prev, *contact;

	/*
	 * N needs a household (aim 3), so P1 or P2 gives one up (one move either way). Moving a P1
	 * household (building tier) to N costs a grid tier; moving a P2 household (community tier
	 * before and after) costs nothing: a solver must price what a move gives up, not only where
	 * the household goes.
	 */
	load(&r, "building_id,grid_id,community\nB1,G1,东村\nB1b,G1,东村\nB2,G2,东村\nB3,G3,东村\n",
	    "household_id,building_id\na1,B1\na2,B1\nb1,B2\nb2,B2\n",
	    "member_id,building_id\nP1,B1\nP2,B3\nN,B1b\n");
	prev = previous_contacts(&r, "household_id,member_id\na1,P1\na2,P1\nb1,P2\nb2,P2\n");
	contact = solve(&r, TIER_COMMUNITY, 15, prev, &a);
	ck_assert_int_eq(a.idle, 0);
	ck_assert_int_eq(a.moved, 1);
	ck_assert_int_eq(a.tier_sum, 4);
	ck_assert_str_eq(contact_of(&r, contact, "a1"), "P1");
	ck_assert_str_eq(contact_of(&r, contact, "a2"), "P1");
	free(contact);
	free(prev);
	roster_release(&r);
}
END_TEST

START_TEST(vacant_counted_nowhere)
{
	struct roster r;
	struct assign_opts o = { .scope = TIER_COMMUNITY, .min_load = 1 };
	struct assign_aims a;
	int contact[3];

	/* SPEC 5.2: a vacant household is never assigned and counts in no figure, even with a free member. */
	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,priority\n1,B1,低保\n2,B1,\n3,B1,\n",
	    "member_id,building_id\nM1,B1\nM2,B1\nM3,B1\n");
	r.households[household(&r, "1")].kind = KIND_VACANT;
	r.households[household(&r, "3")].kind = KIND_VACANT;
	roster_apply(&r, TIER_COMMUNITY, 1);
	ck_assert_int_eq(assign_solve(&r, &o, contact), 0);
	ck_assert_int_eq(contact[household(&r, "1")], -1);
	ck_assert_int_eq(contact[household(&r, "3")], -1);
	ck_assert_str_eq(contact_of(&r, contact, "2"), "M1");
	assign_evaluate(&r, &o, contact, &a);
	ck_assert_int_eq(a.households, 1);
	ck_assert_int_eq(a.covered, 1);
	ck_assert_int_eq(a.priority_households, 0);
	ck_assert_int_eq(a.idle, 2);
	ck_assert_int_eq(a.shortfall, 2);
	roster_release(&r);
}
END_TEST

static Suite *assign_suite(void)
{
	Suite *s = suite_create("assign");
	TCase *property = tcase_create("brute force");
	TCase *promises = tcase_create("promises");
	TCase *edges = tcase_create("edges");

	tcase_add_checked_fixture(property, scratch_fresh_diag, scratch_fresh_diag);
	tcase_set_timeout(property, 120);
	tcase_add_loop_test(property, brute_force, 0, BATCHES);
	tcase_add_loop_test(property, brute_force_grids, 0, 5);
	suite_add_tcase(s, property);

	tcase_add_checked_fixture(promises, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(promises, deterministic);
	tcase_add_test(promises, walking_order_rooms);
	tcase_add_test(promises, walking_order_units_then_file);
	tcase_add_test(promises, priority_first_then_idle_before_tiers);
	suite_add_tcase(s, promises);

	tcase_add_checked_fixture(edges, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(edges, capacity_zero);
	tcase_add_test(edges, all_ineligible);
	tcase_add_test(edges, no_members);
	tcase_add_test(edges, grid_without_members);
	tcase_add_test(edges, previous_left_or_ineligible);
	tcase_add_test(edges, previous_gives_way_to_idle);
	tcase_add_test(edges, vacant_counted_nowhere);
	tcase_add_test(edges, previous_moves_where_tiers_gain);
	suite_add_tcase(s, edges);
	return s;
}

int main(void)
{
	return scratch_main(assign_suite());
}

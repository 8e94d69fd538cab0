/* check_rollup: counts per unit, worst first, the contact slots a unit lacks, and the contact lists. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/assign.h"
#include "lianhu/diag.h"
#include "lianhu/rollup.h"

/* 甲村 holds G1 and G2, 乙村 G3; M2 (listed first) lives in G3 with room for 5, M1 in G1 for 1. */
static void roster(struct roster *r)
{
	scratch_roster(r, "building_id,grid_id,community,township\n"
	    "B1,G1,甲村,镇\nB2,G2,甲村,镇\nB3,G3,乙村,镇\n",
	    "household_id,building_id,room,priority,kind\n"
	    "h1,B1,102,,\nh2,B1,101,,\nh3,B2,,,\nh4,B3,,独居老人,\nh5,B3,,,shop\nh6,B3,,,vacant\n",
	    "member_id,building_id,capacity\nM2,B3,5\nM1,B1,1\n");
}

/* Audits the mapping h1 → M1, h4 → M2 at scope and counts it by grid. */
static void by_grid(struct rollup *u, struct roster *r, enum tier scope)
{
	static const char *const rows[] = { "h1", "M1", "h4", "M2", NULL };
	struct mapping map;
	struct audit a;

	scratch_mapping(&map, rows);
	roster_apply(r, scope, 15);
	audit_run(&a, r, &map);
	rollup_build(u, r, &a, LEVEL_GRID);
	audit_release(&a);
	mapping_release(&map);
}

START_TEST(grids_worst_first)
{
	struct roster r;
	struct rollup u;
	const struct rollup_counts *g3;

	roster(&r);
	by_grid(&u, &r, TIER_COMMUNITY);
	ck_assert_uint_eq(u.nrows, 3);
	/* G2 covers none; G1 and G3 half each, by name then: 乙村 (U+4E59) before 甲村 (U+7532). */
	ck_assert_str_eq(rollup_key_text(&r, &u.rows[0], LEVEL_GRID), "G2");
	ck_assert_str_eq(rollup_key_text(&r, &u.rows[1], LEVEL_GRID), "G3");
	ck_assert_str_eq(rollup_key_text(&r, &u.rows[2], LEVEL_GRID), "G1");
	ck_assert_str_eq(rollup_key_text(&r, &u.rows[1], LEVEL_COMMUNITY), "乙村");
	ck_assert_str_eq(rollup_key_text(&r, &u.rows[1], LEVEL_BUILDING), "");	/* below the level */
	g3 = &u.rows[1].c;
	ck_assert_int_eq(g3->households, 2);	/* the vacant one apart */
	ck_assert_int_eq(g3->vacant, 1);
	ck_assert_int_eq(g3->covered, 1);
	ck_assert_int_eq(g3->priority_households, 1);
	ck_assert_int_eq(g3->priority_covered, 1);
	ck_assert_int_eq(g3->shops, 1);
	ck_assert_int_eq(g3->eligible_members, 1);
	ck_assert_int_eq(u.total.households, 5);
	ck_assert_int_eq(u.total.covered, 2);
	ck_assert_int_eq(u.total.largest_load, 1);
	ck_assert_int_eq(u.total.load_sum, 2);
	rollup_release(&u);
	roster_release(&r);
}
END_TEST

START_TEST(missing_slots_within_the_scope)
{
	struct roster r;
	struct rollup u;

	roster(&r);
	/* 甲村 lacks h2 and h3 and has no spare capacity; 乙村's spare of 4 is out of its reach. */
	by_grid(&u, &r, TIER_COMMUNITY);
	ck_assert_int_eq(u.rows[0].c.missing_slots, 1);	/* G2 */
	ck_assert_int_eq(u.rows[1].c.missing_slots, 0);	/* G3: h5 within M2's spare */
	ck_assert_int_eq(u.rows[2].c.missing_slots, 1);	/* G1 */
	ck_assert_int_eq(u.total.missing_slots, 2);
	rollup_release(&u);
	/* One township: M2 may take them all, but a grid still counts on its own members only. */
	by_grid(&u, &r, TIER_TOWNSHIP);
	ck_assert_int_eq(u.rows[0].c.missing_slots, 1);
	ck_assert_int_eq(u.total.missing_slots, 0);
	rollup_release(&u);
	roster_release(&r);
}
END_TEST

/* splitmix64: small, seeded, the same on every machine. */
static int below(uint64_t *state, int n)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (int)((z ^ (z >> 31)) % (uint64_t)n);
}

/*
 * A random roster of up to 5 grids (villages of one name in two townships,
 * grids without a village or township), members of a building or only of a
 * grid, with and without capacities, some not eligible; applied at a random
 * scope and default capacity.
 */
static void random_roster(struct roster *r, uint64_t seed)
{
	static const char *const villages[] = { "甲村", "甲村", "乙村", "" };
	static const char *const towns[] = { "东镇", "西镇", "" };
	char buildings[2048] = "building_id,grid_id,community,township\n";
	char households[4096] = "household_id,building_id,priority\n";
	char members[2048] = "member_id,building_id,grid_id,capacity,status\n";
	uint64_t st = seed;
	int ngrids = 1 + below(&st, 5), nbuildings = ngrids + below(&st, 4);
	int nhouseholds = 1 + below(&st, 30), nmembers = 1 + below(&st, 8);

	for (int g = 0; g < ngrids; g++) {
		const char *village = villages[below(&st, 4)], *town = towns[below(&st, 3)];

		for (int b = g; b < nbuildings; b += ngrids)
			snprintf(buildings + strlen(buildings), sizeof(buildings) - strlen(buildings),
			    "B%d,G%d,%s,%s\n", b, g, village, town);
	}
	for (int h = 0; h < nhouseholds; h++)
		snprintf(households + strlen(households), sizeof(households) - strlen(households),
		    "H%d,B%d,%s\n", h, below(&st, nbuildings), below(&st, 4) == 0 ? "低保" : "");
	for (int m = 0; m < nmembers; m++) {
		int b = below(&st, nbuildings + ngrids);
		char capacity[8] = "";

		if (below(&st, 2) == 0)
			snprintf(capacity, sizeof(capacity), "%d", below(&st, 4));
		if (b < nbuildings)
			snprintf(members + strlen(members), sizeof(members) - strlen(members),
			    "M%d,B%d,,%s,%s\n", m, b, capacity, below(&st, 5) == 0 ? "inactive" : "");
		else
			snprintf(members + strlen(members), sizeof(members) - strlen(members),
			    "M%d,,G%d,%s,%s\n", m, b - nbuildings, capacity,
			    below(&st, 5) == 0 ? "inactive" : "");
	}
	diag_reset();
	scratch_roster(r, buildings, households, members);
	diag_reset();
	roster_apply(r, (enum tier)below(&st, 4), below(&st, 4));
}

/*
 * The one partition of the scope that assign solves part by part and report
 * counts missing slots by: a member reaches a building within the scope
 * exactly when both lie in the same part. And on assign's optimal mapping,
 * report's missing slots are its uncovered households: every part is either
 * covered or out of spare capacity. Were the two to count parts differently,
 * report would promise slots assign cannot fill, or hide some it leaves empty.
 */
START_TEST(missing_slots_agree_with_assign)
{
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct roster r;
		struct assign_opts o = { .min_load = 1 };
		struct assign_aims aims;
		struct audit a;
		struct rollup u;
		int *contact;

		random_roster(&r, seed);
		for (size_t m = 0; m < r.nmembers; m++)
			for (size_t b = 0; b < r.nbuildings; b++)
				ck_assert_msg((roster_tier(&r, (int)b, &r.members[m]) <= r.scope) ==
				    (r.members[m].part >= 0 && r.members[m].part == r.buildings[b].part),
				    "seed %llu: M%zu and B%zu: reach and parts disagree",
				    (unsigned long long)seed, m, b);
		o.scope = r.scope;
		contact = xmalloc((r.nhouseholds + 1) * sizeof(*contact));
		ck_assert_int_eq(assign_solve(&r, &o, contact), 0);
		assign_evaluate(&r, &o, contact, &aims);
		audit_contacts(&a, &r, contact);
		rollup_build(&u, &r, &a, LEVEL_GRID);
		ck_assert_msg(u.total.missing_slots == aims.households - aims.covered,
		    "seed %llu: report lacks %ld slots, assign leaves %ld households uncovered",
		    (unsigned long long)seed, u.total.missing_slots, aims.households - aims.covered);
		ck_assert_int_eq(a.covered, aims.covered);
		rollup_release(&u);
		audit_release(&a);
		free(contact);
		roster_release(&r);
	}
}
END_TEST

START_TEST(percent_and_mean_rounding)
{
	struct rollup_counts c = { .households = 2000, .covered = 1999 };

	ck_assert_int_eq(rollup_coverage_permille(&c), 999);	/* never 100.0% while one is missing */
	c = (struct rollup_counts){ .households = 3000, .covered = 1 };
	ck_assert_int_eq(rollup_coverage_permille(&c), 1);	/* never 0.0% while one is covered */
	c = (struct rollup_counts){ .households = 3, .covered = 2 };
	ck_assert_int_eq(rollup_coverage_permille(&c), 667);
	c = (struct rollup_counts){ .households = 8, .covered = 8 };
	ck_assert_int_eq(rollup_coverage_permille(&c), 1000);
	c = (struct rollup_counts){ 0 };
	ck_assert_int_eq(rollup_coverage_permille(&c), -1);
	ck_assert_int_eq(rollup_mean_load_tenths(&c), -1);
	c = (struct rollup_counts){ .eligible_members = 4, .load_sum = 1 };
	ck_assert_int_eq(rollup_mean_load_tenths(&c), 3);	/* 0.25 rounds half up */
	c = (struct rollup_counts){ .eligible_members = 3, .load_sum = 1 };
	ck_assert_int_eq(rollup_mean_load_tenths(&c), 3);
}
END_TEST

START_TEST(levels_by_name)
{
	enum rollup_level l;

	for (int i = LEVEL_TOWNSHIP; i <= LEVEL_MEMBER; i++) {
		ck_assert(rollup_level_parse(rollup_level_name((enum rollup_level)i), &l));
		ck_assert_int_eq(l, i);
	}
	ck_assert(!rollup_level_parse("Grid", &l));
	ck_assert(!rollup_level_parse("", &l));
}
END_TEST

START_TEST(contact_lists_in_walking_order)
{
	struct roster r;
	struct contact_lists l;
	/* h1 and h2 by M1 (index 1), h4 by M2 (index 0); h2's room comes first. */
	static const int contact[] = { 1, 1, -1, 0, -1, -1 };

	roster(&r);
	contact_lists_build(&l, &r, contact);
	ck_assert_uint_eq(l.nmembers, 2);
	ck_assert_str_eq(r.members[l.members[0]].id, "M1");	/* G1 before G3 */
	ck_assert_uint_eq(l.first[0], 0);
	ck_assert_uint_eq(l.first[1], 2);
	ck_assert_uint_eq(l.first[2], 3);
	ck_assert_str_eq(r.households[l.households[0]].id, "h2");
	ck_assert_str_eq(r.households[l.households[1]].id, "h1");
	ck_assert_str_eq(r.households[l.households[2]].id, "h4");
	contact_lists_release(&l);
	roster_release(&r);
}
END_TEST

static Suite *rollup_suite(void)
{
	Suite *s = suite_create("rollup");
	TCase *t = tcase_create("rollup");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, grids_worst_first);
	tcase_add_test(t, missing_slots_within_the_scope);
	tcase_add_test(t, missing_slots_agree_with_assign);
	tcase_add_test(t, percent_and_mean_rounding);
	tcase_add_test(t, levels_by_name);
	tcase_add_test(t, contact_lists_in_walking_order);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(rollup_suite());
}

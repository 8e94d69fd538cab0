/* check_rollup: counts per unit, worst first, the contact slots a unit lacks, and the contact lists. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
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
static void by_grid(struct rollup *u, const struct roster *r, enum tier scope)
{
	static const char *const rows[] = { "h1", "M1", "h4", "M2", NULL };
	struct mapping map;
	struct audit a;

	scratch_mapping(&map, rows);
	audit_run(&a, r, &map, scope, 15);
	rollup_build(u, r, &a, LEVEL_GRID, scope, 15);
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

/* check_organise: roles and groups of members.csv, and organise's counts, findings and responsible members (SPEC 5.6). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/diag.h"
#include "lianhu/organise.h"
#include "lianhu/roster.h"

/* Writes the three files and the mapping and loads the roster into r and the mapping into map. */
static void load(struct roster *r, struct mapping *map, const char *buildings,
    const char *households, const char *members, const char *mapping)
{
	struct roster_paths paths = { .dir = scratch_dir };
	struct read_opts opts = { 0 };

	scratch_write_text("buildings.csv", buildings);
	scratch_write_text("households.csv", households);
	scratch_write_text("members.csv", members);
	scratch_write_text("mapping.csv", mapping);
	roster_init(r);
	ck_assert_int_eq(roster_load(r, &paths, &opts), 0);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
	ck_assert_int_eq(mapping_read(map, scratch_path("mapping.csv"), false, &opts), 0);
}

static unsigned roles_of(const struct roster *r, const char *id)
{
	int m = strmap_get(&r->member_ids, id);

	ck_assert_msg(m >= 0, "no member '%s'", id);
	return r->members[m].roles;
}

static void set_vacant(struct roster *r, const char *id)
{
	int h = strmap_get(&r->household_ids, id);

	ck_assert_msg(h >= 0, "no household '%s'", id);
	r->households[h].kind = KIND_VACANT;
}

static const char *responsible_of(const struct organise *o, const struct roster *r, const char *id)
{
	int b = strmap_get(&r->building_ids, id);

	ck_assert_int_ge(b, 0);
	return o->responsible[b] >= 0 ? r->members[o->responsible[b]].id : "";
}

START_TEST(roles_combined_and_unknown)
{
	struct roster r;
	struct mapping map = { 0 };
	const unsigned s = ROLE_SECRETARY, g = ROLE_GROUP_LEADER, b = ROLE_BUILDING_LEADER;

	load(&r, &map, "building_id,grid_id\nB1,G1\n", "household_id,building_id\nh1,B1\n",
	    "member_id,building_id,职务\n"
	    "M1,B1,支部书记、党小组长\n"
	    "M2,B1,secretary / GROUP-LEADER\n"
	    "M3,B1,楼栋长；单元长／楼长\n"
	    "M4,B1,委员，组长\n"
	    "M5,B1,书记\xe3\x80\x80楼长\n"
	    "M6,B1,\n"
	    "M7,B1,宣传委员\n"
	    "M8,B1,\"书记,组长;楼长\"\n",
	    "household_id,member_id\n");
	ck_assert_uint_eq(roles_of(&r, "M1"), s | g);
	ck_assert_uint_eq(roles_of(&r, "M2"), s | g);
	ck_assert_uint_eq(roles_of(&r, "M3"), b);
	ck_assert_uint_eq(roles_of(&r, "M4"), g);	/* the known word beside an unknown one counts */
	ck_assert_uint_eq(roles_of(&r, "M5"), s | b);
	ck_assert_uint_eq(roles_of(&r, "M6"), 0);
	ck_assert_uint_eq(roles_of(&r, "M7"), 0);
	ck_assert_uint_eq(roles_of(&r, "M8"), s | g | b);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 2);	/* 委员 and 宣传委员 */
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

/* A village whose grid G2 holds only vacant households, and G3 in a village of vacant ones only. */
static const char *const vacant_buildings =
    "building_id,grid_id,community\nB1,G1,甲村\nB2,G2,甲村\nB3,G3,乙村\n";
static const char *const vacant_households =
    "household_id,building_id\nh1,B1\nh2,B1\nh3,B1\nh4,B2\nh5,B3\n";
static const char *const vacant_members =
    "member_id,building_id,group,role\nM1,B1,一组,书记、组长\nM2,B1,一组,\nM3,B1,一组,\n";
/* h1 and h2 name M2, h3 M1: M2 is B1's responsible member until h1 and h2 are vacant. */
static const char *const vacant_mapping =
    "household_id,member_id\nh1,M2\nh2,M2\nh3,M1\nh4,M1\nh5,M1\n";

START_TEST(vacant_households_left_out)
{
	struct roster r;
	struct mapping map = { 0 };
	struct organise o;

	load(&r, &map, vacant_buildings, vacant_households, vacant_members, vacant_mapping);
	roster_apply(&r, TIER_TOWNSHIP, 15);
	organise_run(&o, &r, &map, 3);
	ck_assert_str_eq(responsible_of(&o, &r, "B1"), "M2");
	ck_assert_int_eq(o.grids, 3);
	ck_assert_int_eq(o.counts[ORG_GRID_WITHOUT_GROUP], 2);
	ck_assert_int_eq(o.communities, 2);
	organise_release(&o);

	set_vacant(&r, "h1");
	set_vacant(&r, "h2");
	set_vacant(&r, "h4");
	set_vacant(&r, "h5");
	roster_apply(&r, TIER_TOWNSHIP, 15);
	organise_run(&o, &r, &map, 3);
	ck_assert_str_eq(responsible_of(&o, &r, "B1"), "M1");
	ck_assert_str_eq(responsible_of(&o, &r, "B2"), "");
	ck_assert_int_eq(o.grids, 1);
	ck_assert_int_eq(o.grids_served, 1);
	ck_assert_int_eq(o.buildings, 1);
	ck_assert_int_eq(o.buildings_with_member, 1);
	ck_assert_int_eq(o.communities, 1);	/* 乙村: vacant households and no member */
	ck_assert_int_eq(o.communities_with_secretary, 1);
	ck_assert_uint_eq(o.nfindings, 0);
	organise_release(&o);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

START_TEST(contact_is_first_row_within_scope)
{
	struct roster r;
	struct mapping map = { 0 };
	struct organise o;

	/* h1's first row names M2 in another village: beyond --scope grid it is no contact. */
	load(&r, &map, "building_id,grid_id,community,township\nB1,G1,甲村,镇\nB2,G2,乙村,镇\n",
	    "household_id,building_id\nh1,B1\n",
	    "member_id,building_id,group,role\nM1,B1,一组,书记 组长\nM2,B2,一组,书记 组长\n",
	    "household_id,member_id\nh1,M2\nh1,M1\n");
	roster_apply(&r, TIER_GRID, 15);
	organise_run(&o, &r, &map, 1);
	ck_assert_str_eq(responsible_of(&o, &r, "B1"), "");
	ck_assert_int_eq(o.counts[ORG_BUILDING_WITHOUT_MEMBER], 1);
	ck_assert_uint_eq(o.ngroups, 2);
	organise_release(&o);
	roster_apply(&r, TIER_TOWNSHIP, 15);
	organise_run(&o, &r, &map, 1);
	ck_assert_str_eq(responsible_of(&o, &r, "B1"), "M2");
	ck_assert_uint_eq(o.nfindings, 0);
	organise_release(&o);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

static Suite *organise_suite(void)
{
	Suite *s = suite_create("organise");
	TCase *t = tcase_create("organise");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, roles_combined_and_unknown);
	tcase_add_test(t, vacant_households_left_out);
	tcase_add_test(t, contact_is_first_row_within_scope);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(organise_suite());
}

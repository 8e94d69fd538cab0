/* check_roster: the roster model of SPEC §2 and §3 (tiers, communities, eligibility, marks, kinds, checks). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scratch.h"
#include "lianhu/diag.h"
#include "lianhu/roster.h"

/* Writes the three files and loads them into r (released by the caller). */
static void load(struct roster *r, const char *buildings, const char *households,
    const char *members)
{
	struct roster_paths paths = { .dir = scratch_dir };
	struct read_opts opts = { 0 };

	scratch_write_text("buildings.csv", buildings);
	scratch_write_text("households.csv", households);
	scratch_write_text("members.csv", members);
	roster_init(r);
	ck_assert_int_eq(roster_load(r, &paths, &opts), 0);
}

static int building(const struct roster *r, const char *id)
{
	int b = strmap_get(&r->building_ids, id);

	ck_assert_msg(b >= 0, "no building '%s'", id);
	return b;
}

static const struct member *member(const struct roster *r, const char *id)
{
	int m = strmap_get(&r->member_ids, id);

	ck_assert_msg(m >= 0, "no member '%s'", id);
	return &r->members[m];
}

static const struct household *household(const struct roster *r, const char *id)
{
	int h = strmap_get(&r->household_ids, id);

	ck_assert_msg(h >= 0, "no household '%s'", id);
	return &r->households[h];
}

/* Asserts that a diagnostic with this file name (last path part), line, code and severity exists. */
static void expect_diag(const char *file, long line, const char *code, enum diag_severity sev)
{
	size_t n;
	const struct diag *d = diag_sorted(&n);

	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(d[i].file, '/');
		const char *base = slash ? slash + 1 : d[i].file;

		if (strcmp(base, file) == 0 && d[i].line == line && strcmp(diag_name(d[i].code), code) == 0 &&
		    d[i].severity == sev)
			return;
	}
	ck_abort_msg("no %s:%ld [%s]", file, line, code);
}

static size_t ndiags(void)
{
	return diag_count(DIAG_ERROR) + diag_count(DIAG_WARNING);
}

/* Two townships; 甲镇 has two villages, 新地村 with grids G1, G2 and 老村 with G3; 乙镇 has G4; G5 has neither. */
static const char *const tier_buildings =
    "building_id,grid_id,community,township\n"
    "B1,G1,新地村,甲镇\n"
    "B2,G1,新地村,甲镇\n"
    "B3,G2,新地村,甲镇\n"
    "B4,G3,老村,甲镇\n"
    "B5,G4,河西村,乙镇\n"
    "B6,G5,,\n";
static const char *const tier_households =
    "household_id,building_id\n1,B1\n2,B2\n3,B3\n4,B4\n5,B5\n6,B6\n";

START_TEST(tiers)
{
	struct roster r;
	const struct member *m;

	load(&r, tier_buildings, tier_households, "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(ndiags(), 0);
	m = member(&r, "M1");
	ck_assert_int_eq(roster_tier(&r, building(&r, "B1"), m), TIER_BUILDING);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B2"), m), TIER_GRID);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B3"), m), TIER_COMMUNITY);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B4"), m), TIER_TOWNSHIP);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B5"), m), TIER_NONE);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B6"), m), TIER_NONE);
	ck_assert_uint_eq(r.ntownships, 2);
	ck_assert_uint_eq(r.ncommunities, 3);
	ck_assert_uint_eq(r.ngrids, 5);
	ck_assert_uint_eq(r.nbuildings, 6);
	ck_assert_uint_eq(r.nhouseholds, 6);
	roster_release(&r);
}
END_TEST

START_TEST(tier_needs_names)
{
	struct roster r;
	const struct member *m;

	/* Two grids without community or township are never in the same community or township. */
	load(&r, "building_id,grid_id,community,township\nB1,G1,,\nB2,G2,,\nB3,G3,,甲镇\nB4,G4,,甲镇\n",
	    "household_id,building_id\n1,B1\n2,B2\n3,B3\n4,B4\n",
	    "member_id,building_id\nM1,B1\nM3,B3\n");
	ck_assert_uint_eq(ndiags(), 0);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B2"), member(&r, "M1")), TIER_NONE);
	/* Same township, no community: township tier. */
	m = member(&r, "M3");
	ck_assert_int_eq(roster_tier(&r, building(&r, "B4"), m), TIER_TOWNSHIP);
	ck_assert_int_eq(member_community(&r, m), -1);
	ck_assert_int_ge(member_township(&r, m), 0);
	roster_release(&r);
}
END_TEST

START_TEST(same_named_villages)
{
	struct roster r;
	const struct member *m;

	/* 新地村 of 甲镇 and 新地村 of 乙镇 are two villages, two Party branches. */
	load(&r, "building_id,grid_id,community,township\n"
	    "B1,G1,新地村,甲镇\nB2,G2,新地村,乙镇\nB3,G3,新地村,甲镇\n",
	    "household_id,building_id\n1,B1\n2,B2\n3,B3\n",
	    "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(ndiags(), 0);
	ck_assert_uint_eq(r.ncommunities, 2);
	ck_assert_uint_eq(r.ntownships, 2);
	m = member(&r, "M1");
	ck_assert_int_eq(roster_tier(&r, building(&r, "B2"), m), TIER_NONE);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B3"), m), TIER_COMMUNITY);
	ck_assert_int_ne(r.grids[r.buildings[building(&r, "B1")].grid].community,
	    r.grids[r.buildings[building(&r, "B2")].grid].community);
	roster_release(&r);
}
END_TEST

START_TEST(member_with_only_grid)
{
	struct roster r;
	const struct member *m;

	load(&r, tier_buildings, tier_households,
	    "member_id,building_id,grid_id\nM2,,G2\nM5,,G5\n");
	ck_assert_uint_eq(ndiags(), 0);
	m = member(&r, "M2");
	ck_assert_int_eq(m->building, -1);
	ck_assert_str_eq(r.grids[m->grid].id, "G2");
	/* Posted to a grid, the member is never "in the building". */
	ck_assert_int_eq(roster_tier(&r, building(&r, "B3"), m), TIER_GRID);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B1"), m), TIER_COMMUNITY);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B4"), m), TIER_TOWNSHIP);
	ck_assert_int_eq(member_community(&r, m), r.grids[r.buildings[building(&r, "B1")].grid].community);
	m = member(&r, "M5");
	ck_assert_int_eq(roster_tier(&r, building(&r, "B6"), m), TIER_GRID);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B1"), m), TIER_NONE);
	roster_release(&r);
}
END_TEST

START_TEST(member_building_wins_over_grid)
{
	struct roster r;
	const struct member *m;

	load(&r, tier_buildings, tier_households, "member_id,building_id,grid_id\nM1,B1,G1\nM2,B1,G4\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 1);
	expect_diag("members.csv", 3, "member-grid-mismatch", DIAG_WARNING);
	m = member(&r, "M2");
	ck_assert_str_eq(r.grids[m->grid].id, "G1");
	ck_assert_int_eq(roster_tier(&r, building(&r, "B1"), m), TIER_BUILDING);
	roster_release(&r);
}
END_TEST

START_TEST(member_unknown_home)
{
	struct roster r;

	load(&r, tier_buildings, tier_households,
	    "member_id,building_id,grid_id\nM1,B9,\nM2,,G9\nM3,,\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 3);
	expect_diag("members.csv", 2, "unknown-building", DIAG_ERROR);
	expect_diag("members.csv", 3, "unknown-grid", DIAG_ERROR);
	expect_diag("members.csv", 4, "missing-value", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(capacity_and_eligibility)
{
	struct roster r;

	load(&r, tier_buildings, tier_households,
	    "member_id,building_id,capacity,status\n"
	    "M1,B1,,\n"			/* 2: default capacity, eligible */
	    "M2,B1,3,Active\n"		/* 3 */
	    "M3,B1,0,正常\n"		/* 4: capacity 0: not eligible */
	    "M4,B1,,inactive\n"		/* 5 */
	    "M5,B1,,流动\n"		/* 6 */
	    "M6,B1,,年老体弱\n"		/* 7 */
	    "M7,B1,,在岗\n"		/* 8 */
	    "M8,B1,,退休\n"		/* 9: unknown: warning, not eligible */
	    "M9,B1,007,MOBILE\n"	/* 10 */
	    "M10,B1,,失联\n"		/* 11 */
	    "M11,B1,, infirm \n");	/* 12 */
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 1);
	expect_diag("members.csv", 9, "unknown-status", DIAG_WARNING);
	roster_apply(&r, TIER_COMMUNITY, 0);
	ck_assert_int_eq(member(&r, "M1")->capacity, 0);
	ck_assert(!member(&r, "M1")->eligible);
	ck_assert_int_eq(member(&r, "M2")->capacity, 3);
	roster_apply(&r, TIER_COMMUNITY, 15);	/* applied again: the new default counts */
	ck_assert_int_eq(member(&r, "M1")->capacity, 15);
	ck_assert(member(&r, "M1")->eligible);
	ck_assert_int_eq(member(&r, "M2")->capacity, 3);
	ck_assert(member(&r, "M2")->eligible);
	ck_assert_int_eq(member(&r, "M3")->capacity, 0);
	ck_assert(!member(&r, "M3")->eligible);
	ck_assert(!member(&r, "M4")->eligible);
	ck_assert(!member(&r, "M5")->eligible);
	ck_assert(!member(&r, "M6")->eligible);
	ck_assert(member(&r, "M7")->eligible);
	ck_assert(!member(&r, "M8")->eligible);
	ck_assert_int_eq(member(&r, "M9")->capacity, 7);
	ck_assert(!member(&r, "M9")->eligible);
	ck_assert(!member(&r, "M10")->eligible);
	ck_assert(!member(&r, "M11")->eligible);
	roster_release(&r);
}
END_TEST

START_TEST(capacity_bad_values)
{
	struct roster r;

	load(&r, tier_buildings, tier_households,
	    "member_id,building_id,capacity\nM1,B1,-1\nM2,B1,1.5\nM3,B1,三\nM4,B1,99999999999999999999\nM5,B1,2\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 4);
	for (long line = 2; line <= 5; line++)
		expect_diag("members.csv", line, "bad-value", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(priority_marks)
{
	struct roster r;

	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,priority\n"
	    "1,B1,\n2,B1,0\n3,B1,no\n4,B1,N\n5,B1,FALSE\n6,B1,否\n7,B1,No\n"
	    "8,B1,独居老人\n9,B1,yes\n10,B1,1\n11,B1,低保\n12,B1, 残疾 \n",
	    "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(ndiags(), 0);
	for (int h = 1; h <= 7; h++) {
		char id[8];

		snprintf(id, sizeof(id), "%d", h);
		ck_assert_msg(household(&r, id)->priority == NULL, "household %s is priority", id);
	}
	ck_assert_str_eq(household(&r, "8")->priority, "独居老人");
	ck_assert_str_eq(household(&r, "9")->priority, "yes");
	ck_assert_str_eq(household(&r, "10")->priority, "1");
	ck_assert_str_eq(household(&r, "11")->priority, "低保");
	ck_assert_str_eq(household(&r, "12")->priority, "残疾");
	roster_release(&r);
}
END_TEST

/*
 * Rows that come back to a building, a kind or a mark after others: each is
 * its own (the reader remembers the last building and the last words it
 * looked up), also past the eight words it keeps and for unknown ones.
 */
START_TEST(repeated_words_and_buildings)
{
	static const char *const kinds[] = {
		"住户", "商户", "空挂户", "resident", "shop", "vacant", "居民", "商铺", "空户", "office", "住户"
	};
	static const enum household_kind want[] = {
		KIND_RESIDENT, KIND_SHOP, KIND_VACANT, KIND_RESIDENT, KIND_SHOP, KIND_VACANT,
		KIND_RESIDENT, KIND_SHOP, KIND_VACANT, KIND_RESIDENT, KIND_RESIDENT
	};
	char households[2048] = "household_id,building_id,kind,priority\n", id[8];
	size_t len = strlen(households);
	struct roster r;

	for (int i = 0; i < 33; i++)
		len += (size_t)snprintf(households + len, sizeof(households) - len, "H%d,%s,%s,%s\n", i,
		    i % 5 == 4 ? "B9" : i % 3 == 2 ? "B1" : "B2", kinds[i % 11], i % 4 ? "" : i % 8 ? "低保" : "无");
	load(&r, "building_id,grid_id\nB1,G1\nB2,G1\n", households, "member_id,building_id\nM1,B1\n");
	for (int i = 0; i < 33; i++) {
		snprintf(id, sizeof(id), "H%d", i);
		ck_assert_int_eq(household(&r, id)->building,
		    i % 5 == 4 ? -1 : building(&r, i % 3 == 2 ? "B1" : "B2"));
		ck_assert_int_eq(household(&r, id)->kind, want[i % 11]);
		if (i % 4 || i % 8 == 0)
			ck_assert_ptr_null(household(&r, id)->priority);
		else
			ck_assert_str_eq(household(&r, id)->priority, "低保");
	}
	expect_diag("households.csv", 5 + 1, "unknown-building", DIAG_ERROR);
	expect_diag("households.csv", 9 + 1 + 1, "bad-value", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(kinds)
{
	struct roster r;

	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,kind\n1,B1,\n2,B1,resident\n3,B1,住户\n4,B1,Shop\n5,B1,商户\n6,B1,office\n",
	    "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag("households.csv", 7, "bad-value", DIAG_ERROR);
	ck_assert_int_eq(household(&r, "1")->kind, KIND_RESIDENT);
	ck_assert_int_eq(household(&r, "2")->kind, KIND_RESIDENT);
	ck_assert_int_eq(household(&r, "3")->kind, KIND_RESIDENT);
	ck_assert_int_eq(household(&r, "4")->kind, KIND_SHOP);
	ck_assert_int_eq(household(&r, "5")->kind, KIND_SHOP);
	roster_release(&r);
}
END_TEST

START_TEST(chinese_headers)
{
	struct roster r;
	const struct household *h;
	const struct member *m;

	load(&r, "楼栋编号,网格编号,村(社区),街道,楼栋名称\n001,网格1,龙胜河社区,城关街道,一号楼\n",
	    "户编号,楼栋编号,单元,房号,户类型,户主姓名,联系电话,重点户\n0101,001,1,101,商户,张三,13800000000,独居老人\n",
	    "党员编号,姓名,居住楼栋,网格编号,所在支部,联系户上限,状态,手机\nD01,李四,,网格1,第一支部,5,正常,139\n");
	ck_assert_uint_eq(ndiags(), 0);
	h = household(&r, "0101");
	ck_assert_str_eq(h->unit, "1");
	ck_assert_str_eq(h->room, "101");
	ck_assert_str_eq(h->head, "张三");
	ck_assert_str_eq(h->phone, "13800000000");
	ck_assert_str_eq(h->priority, "独居老人");
	ck_assert_int_eq(h->kind, KIND_SHOP);
	ck_assert_str_eq(r.buildings[h->building].id, "001");
	ck_assert_str_eq(r.buildings[h->building].name, "一号楼");
	m = member(&r, "D01");
	ck_assert_str_eq(m->name, "李四");
	ck_assert_str_eq(m->branch, "第一支部");
	ck_assert_int_eq(m->own_capacity, 5);
	ck_assert_str_eq(r.communities[member_community(&r, m)].name, "龙胜河社区");
	ck_assert_str_eq(r.townships[member_township(&r, m)], "城关街道");
	roster_release(&r);
}
END_TEST

START_TEST(ids_are_text)
{
	struct roster r;

	load(&r, "building_id,grid_id\n007,G1\n07,G1\n7,G1\n",
	    "household_id,building_id\n007,007\n07,07\n7,7\n",
	    "member_id,building_id\n007,7\n7,007\n");
	ck_assert_uint_eq(ndiags(), 0);
	ck_assert_uint_eq(r.nbuildings, 3);
	ck_assert_uint_eq(r.nhouseholds, 3);
	ck_assert_str_eq(r.buildings[household(&r, "07")->building].id, "07");
	ck_assert_str_eq(r.buildings[member(&r, "007")->building].id, "7");
	roster_release(&r);
}
END_TEST

START_TEST(checks_by_line)
{
	struct roster r;

	load(&r, "building_id,grid_id,community\n"
	    "B1,G1,新地村\n"		/* 2 */
	    "B1,G1,新地村\n"		/* 3: duplicate-id */
	    "B2,G1,老村\n"		/* 4: hierarchy-conflict */
	    "B3,,新地村\n"		/* 5: missing-value */
	    "B4,G2\n"			/* 6: field-count */
	    "B5,G2,\n",		/* 7: empty-building (warning) */
	    "household_id,building_id\n"
	    "1,B1\n"			/* 2 */
	    "1,B1\n"			/* 3: duplicate-id */
	    "2,B9\n"			/* 4: unknown-building */
	    "3,B2\n",			/* 5: B2 is kept despite its conflict */
	    "member_id,building_id\nM1,B2\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 6);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 1);
	expect_diag("buildings.csv", 3, "duplicate-id", DIAG_ERROR);
	expect_diag("buildings.csv", 4, "hierarchy-conflict", DIAG_ERROR);
	expect_diag("buildings.csv", 5, "missing-value", DIAG_ERROR);
	expect_diag("buildings.csv", 6, "field-count", DIAG_ERROR);
	expect_diag("buildings.csv", 7, "empty-building", DIAG_WARNING);
	expect_diag("households.csv", 3, "duplicate-id", DIAG_ERROR);
	expect_diag("households.csv", 4, "unknown-building", DIAG_ERROR);
	ck_assert_int_eq(r.rows[FILE_BUILDINGS], 6);
	ck_assert_int_eq(r.rows[FILE_HOUSEHOLDS], 4);
	ck_assert_int_eq(r.rows[FILE_MEMBERS], 1);
	roster_release(&r);
}
END_TEST

START_TEST(township_conflict)
{
	struct roster r;

	load(&r, "building_id,grid_id,community,township\nB1,G1,新地村,甲镇\nB2,G1,,乙镇\nB3,G1,,\n",
	    "household_id,building_id\n1,B1\n2,B2\n3,B3\n", "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag("buildings.csv", 3, "hierarchy-conflict", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(grid_names_filled_from_any_row)
{
	struct roster r;

	/* A row that leaves community and township empty agrees with any other row. */
	load(&r, "building_id,grid_id,community,township\nB1,G1,,\nB2,G1,新地村,甲镇\nB3,G2,新地村,甲镇\n",
	    "household_id,building_id\n1,B1\n2,B2\n3,B3\n", "member_id,building_id\nM1,B3\n");
	ck_assert_uint_eq(ndiags(), 0);
	ck_assert_int_eq(roster_tier(&r, building(&r, "B1"), member(&r, "M1")), TIER_COMMUNITY);
	roster_release(&r);
}
END_TEST

START_TEST(empty_building_not_for_bad_row)
{
	struct roster r;

	/* B2's one household has a bad kind: report that, not a building without households. */
	load(&r, "building_id,grid_id\nB1,G1\nB2,G1\n",
	    "household_id,building_id,kind\n1,B1,\n2,B2,office\n", "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 0);
	expect_diag("households.csv", 3, "bad-value", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(bad_header_no_cascade)
{
	struct roster r;

	/* buildings.csv lacks grid_id: one error (and grid's warning), not one per household and member. */
	load(&r, "building_id,grid\nB1,G1\n", "household_id,building_id\n1,B1\n",
	    "member_id,building_id,grid_id\nM1,B1,\nM2,,G1\n");
	ck_assert_uint_eq(ndiags(), 2);
	expect_diag("buildings.csv", 1, "missing-column", DIAG_ERROR);
	expect_diag("buildings.csv", 1, "unknown-column", DIAG_WARNING);
	roster_release(&r);
	diag_reset();
	/* households.csv has two head columns: one error, no empty-building warnings. */
	load(&r, "building_id,grid_id\nB1,G1\n", "household_id,building_id,head,户主\n1,B1,a,a\n",
	    "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(ndiags(), 1);
	expect_diag("households.csv", 1, "duplicate-column", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(empty_and_headerless_files)
{
	struct roster r;

	load(&r, "", "household_id\n", "\n\n");
	expect_diag("buildings.csv", 1, "missing-column", DIAG_ERROR);
	expect_diag("households.csv", 1, "missing-column", DIAG_ERROR);
	expect_diag("members.csv", 1, "missing-column", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(empty_roster)
{
	struct roster r;

	/* A header without rows is empty-roster on the header's line (after a blank line: 2). */
	load(&r, "building_id,grid_id\nB1,G1\n", "\nhousehold_id,building_id\n\n",
	    "member_id,building_id\nM1,B1\n");
	ck_assert_uint_eq(ndiags(), 1);
	expect_diag("households.csv", 2, "empty-roster", DIAG_ERROR);
	roster_release(&r);
}
END_TEST

START_TEST(local_words)
{
	struct roster r;

	/* SPEC 5.2's headers and words, and a vacant household. */
	load(&r, "楼栋编号,网格\nB1,G1\n",
	    "户号,楼栋编号,户别,重点人群\n1,B1,个体户,独居老人\n2,B1,空挂户,无\n3,B1,户,\n",
	    "党员编号,居住楼栋,党员状态,联系户数上限\nM1,B1,流动党员,\nM2,B1,预备党员,3\nM3,B1,病休,\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);	/* 户 is no kind */
	expect_diag("households.csv", 4, "bad-value", DIAG_ERROR);
	ck_assert_int_eq(household(&r, "1")->kind, KIND_SHOP);
	ck_assert_str_eq(household(&r, "1")->priority, "独居老人");
	ck_assert_int_eq(household(&r, "2")->kind, KIND_VACANT);
	ck_assert_ptr_null(household(&r, "2")->priority);
	ck_assert(!member(&r, "M1")->status_eligible);
	ck_assert(member(&r, "M2")->status_eligible);
	ck_assert_int_eq(member(&r, "M2")->own_capacity, 3);
	ck_assert(!member(&r, "M3")->status_eligible);
	roster_release(&r);
}
END_TEST

START_TEST(ini_in_the_folder)
{
	struct roster r;

	/* lianhu.ini beside the rosters renames a header and adds a word; it is read without asking. */
	scratch_write_text("lianhu.ini", "[columns]\n人员编码 = member_id\n[status]\n下派 = mobile\n");
	load(&r, "building_id,grid_id\nB1,G1\n", "household_id,building_id\n1,B1\n",
	    "人员编码,building_id,status\nM1,B1,下派\n");
	unlink(scratch_path("lianhu.ini"));
	ck_assert_uint_eq(ndiags(), 0);
	ck_assert(!member(&r, "M1")->status_eligible);
	roster_release(&r);
}
END_TEST

START_TEST(unpadded_ids)
{
	struct roster r;
	struct strmap index;

	/* IDs that Excel took for numbers lose their leading zeros: match them either way. */
	load(&r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id\n0010001,B1\n10002,B1\n000,B1\n0007,B1\n007,B1\n",
	    "member_id,building_id\n007,B1\n");
	roster_unpadded_index(&r, false, &index);
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "10001"), 0);
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "0010002"), 1);
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "0010001"), -1);	/* itself */
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "10003"), -1);
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "00"), -1);	/* zeros stay whole */
	ck_assert_int_eq(roster_unpadded_match(&r, false, &index, "7"), 3);	/* the first of equals */
	strmap_release(&index);
	roster_unpadded_index(&r, true, &index);
	ck_assert_int_eq(roster_unpadded_match(&r, true, &index, "7"), 0);
	strmap_release(&index);
	roster_release(&r);
}
END_TEST

START_TEST(two_files_from_stdin)
{
	struct roster r;
	struct roster_paths paths = { .dir = scratch_dir, .buildings = "-", .members = "-" };
	struct read_opts opts = { 0 };
	int saved, rc;

	roster_init(&r);
	saved = scratch_quiet_stderr();
	rc = roster_load(&r, &paths, &opts);
	scratch_restore_stderr(saved);
	ck_assert_int_eq(rc, -1);
	roster_release(&r);
}
END_TEST

START_TEST(missing_file)
{
	struct roster r;
	char missing[512];
	struct roster_paths paths = { .dir = scratch_dir, .members = missing };
	struct read_opts opts = { 0 };
	int saved, rc;

	snprintf(missing, sizeof(missing), "%s/no-such-members.csv", scratch_dir);
	scratch_write_text("buildings.csv", "building_id,grid_id\nB1,G1\n");
	scratch_write_text("households.csv", "household_id,building_id\n1,B1\n");
	roster_init(&r);
	saved = scratch_quiet_stderr();
	rc = roster_load(&r, &paths, &opts);
	scratch_restore_stderr(saved);
	ck_assert_int_eq(rc, -1);
	roster_release(&r);
}
END_TEST

START_TEST(tier_names)
{
	enum tier t;

	ck_assert_str_eq(tier_name(TIER_BUILDING), "building");
	ck_assert_str_eq(tier_name(TIER_TOWNSHIP), "township");
	ck_assert_str_eq(tier_name(TIER_NONE), "");
	ck_assert(tier_parse("community", &t) && t == TIER_COMMUNITY);
	ck_assert(tier_parse("grid", &t) && t == TIER_GRID);
	ck_assert(!tier_parse("village", &t));
}
END_TEST

static Suite *roster_suite(void)
{
	Suite *s = suite_create("roster");
	TCase *model = tcase_create("model"), *values = tcase_create("values");
	TCase *checks = tcase_create("checks");

	tcase_add_checked_fixture(model, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(model, tiers);
	tcase_add_test(model, tier_needs_names);
	tcase_add_test(model, same_named_villages);
	tcase_add_test(model, member_with_only_grid);
	tcase_add_test(model, member_building_wins_over_grid);
	tcase_add_test(model, grid_names_filled_from_any_row);
	tcase_add_test(model, tier_names);
	suite_add_tcase(s, model);

	tcase_add_checked_fixture(values, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(values, capacity_and_eligibility);
	tcase_add_test(values, capacity_bad_values);
	tcase_add_test(values, priority_marks);
	tcase_add_test(values, kinds);
	tcase_add_test(values, repeated_words_and_buildings);
	tcase_add_test(values, chinese_headers);
	tcase_add_test(values, ids_are_text);
	suite_add_tcase(s, values);

	tcase_add_checked_fixture(checks, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(checks, member_unknown_home);
	tcase_add_test(checks, checks_by_line);
	tcase_add_test(checks, township_conflict);
	tcase_add_test(checks, empty_building_not_for_bad_row);
	tcase_add_test(checks, bad_header_no_cascade);
	tcase_add_test(checks, empty_and_headerless_files);
	tcase_add_test(checks, empty_roster);
	tcase_add_test(checks, local_words);
	tcase_add_test(checks, ini_in_the_folder);
	tcase_add_test(checks, unpadded_ids);
	tcase_add_test(checks, two_files_from_stdin);
	tcase_add_test(checks, missing_file);
	suite_add_tcase(s, checks);
	return s;
}

int main(void)
{
	return scratch_main(roster_suite());
}

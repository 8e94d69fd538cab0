/* check_mapping: a mapping's first rows and contacts per household, and SPEC §2's mapping.csv as written. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/mapping.h"

/* G1 and G2 lie in 甲村; G3 has no community or township. */
static void roster(struct roster *r)
{
	scratch_roster(r, "building_id,grid_id,community,township\n"
	    "B1,G1,甲村,镇\nB2,G2,甲村,镇\nB3,G3,,\n",
	    "household_id,building_id\nh1,B1\nh2,B2\nh3,B3\nh4,B1\n",
	    "member_id,name,building_id\nM1,王一,B1\nM2,\"李,二\",B2\n");
}

START_TEST(first_row_of_each_household)
{
	struct roster r;
	struct mapping map;
	static const char *const rows[] = {
		"hx", "M1", "h2", "M9", "h1", "M2", "h2", "M1", "h1", "M1", "h4", "", NULL,
	};
	int *first, *contact;

	roster(&r);
	scratch_mapping(&map, rows);
	first = mapping_first_rows(&map, &r);
	contact = mapping_first_contacts(&map, &r);
	ck_assert_int_eq(first[0], 2);		/* h1: its first row, not the later one */
	ck_assert_int_eq(first[1], 1);
	ck_assert_int_eq(first[2], -1);		/* h3 is on no row */
	ck_assert_int_eq(first[3], 5);
	ck_assert_int_eq(contact[0], 1);	/* M2 */
	ck_assert_int_eq(contact[1], -1);	/* M9 is not in the roster; the later M1 does not count */
	ck_assert_int_eq(contact[2], -1);
	ck_assert_int_eq(contact[3], -1);	/* a row without a member */
	free(first);
	free(contact);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

/* Two mappings paired up: households in order of appearance, old first, the first row of each. */
START_TEST(pairs_of_two_mappings)
{
	static const char *const old_rows[] = { "h2", "M1", "h1", "", "h2", "M2", NULL };
	static const char *const new_rows[] = { "h3", "M2", "h1", "M1", "h1", "M2", NULL };
	struct mapping old, new, none = { 0 };
	struct mapping_pair *p;
	size_t n;

	scratch_mapping(&old, old_rows);
	scratch_mapping(&new, new_rows);
	n = mapping_pair_up(&old, &new, &p);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(p[0].household, "h2");
	ck_assert_ptr_eq(p[0].old, &old.rows[0]);	/* its first row, not the later M2 */
	ck_assert_ptr_null(p[0].new);			/* no row in the new mapping */
	ck_assert_str_eq(p[1].household, "h1");
	ck_assert_ptr_eq(p[1].old, &old.rows[1]);	/* a row without a member */
	ck_assert_ptr_eq(p[1].new, &new.rows[1]);	/* M1's, not the later M2's */
	ck_assert_str_eq(p[2].household, "h3");
	ck_assert_ptr_null(p[2].old);
	ck_assert_ptr_eq(p[2].new, &new.rows[0]);
	free(p);
	ck_assert_uint_eq(mapping_pair_up(&none, &none, &p), 0);
	ck_assert_ptr_null(p);
	mapping_release(&old);
	mapping_release(&new);
}
END_TEST

/* The whole file written at path, in a buffer the caller frees. */
static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *text = calloc(1, 4096);

	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(text);
	fread(text, 1, 4095, fp);
	fclose(fp);
	return text;
}

START_TEST(rows_as_spec_writes_them)
{
	struct roster r;
	struct output o;
	const char *const inputs[] = { NULL };
	const char *path = scratch_path("mapping.csv");
	char *text;

	roster(&r);
	ck_assert_uint_eq(r.nhouseholds, 4);
	ck_assert_int_eq(output_open(&o, path, inputs), 0);
	/* h1 by M1 in its building, h4 by M2 in the same village, h2 and h3 without a contact. */
	mapping_write(&o, &r, (const int[]){ 0, -1, -1, 1 });
	ck_assert_int_eq(output_commit(&o), 0);
	text = slurp(path);
	ck_assert_str_eq(text,
	    "household_id,member_id,building_id,grid_id,community,township,member_name,tier\n"
	    "h1,M1,B1,G1,甲村,镇,王一,building\n"
	    "h2,,B2,G2,甲村,镇,,\n"
	    "h3,,B3,G3,,,,\n"
	    "h4,M2,B1,G1,甲村,镇,\"李,二\",community\n");
	free(text);
	roster_release(&r);
}
END_TEST

static Suite *mapping_suite(void)
{
	Suite *s = suite_create("mapping");
	TCase *t = tcase_create("mapping");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, first_row_of_each_household);
	tcase_add_test(t, rows_as_spec_writes_them);
	tcase_add_test(t, pairs_of_two_mappings);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(mapping_suite());
}

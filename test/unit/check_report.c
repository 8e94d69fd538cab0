/* check_report: the report's columns and cells as every format shows them, and what a contact card marks. */
#include <check.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/cards.h"
#include "lianhu/report.h"

/* The key of the last column of a rollup at level, with or without a visit log. */
static const char *last_key(enum rollup_level level, bool visits, size_t *n)
{
	static const struct report_col *cols[REPORT_MAXCOLS];
	struct rollup u = { .level = level, .visits = visits };

	*n = report_columns(&u, cols);
	return cols[*n - 1]->key;
}

START_TEST(columns_by_level)
{
	static const struct report_col *cols[REPORT_MAXCOLS];
	struct rollup u = { .level = LEVEL_GRID };
	size_t n;

	/* the keys down to the level, groups at grid level, then the values */
	ck_assert_uint_eq(report_columns(&u, cols), 3 + 1 + 13);
	ck_assert_str_eq(cols[0]->key, "township");
	ck_assert_str_eq(cols[2]->key, "grid_id");
	ck_assert_str_eq(cols[3]->key, "groups");
	ck_assert_str_eq(cols[4]->key, "households");
	ck_assert_str_eq(last_key(LEVEL_GRID, false, &n), "missing_slots");
	ck_assert_str_eq(last_key(LEVEL_TOWNSHIP, false, &n), "missing_slots");
	ck_assert_uint_eq(n, 1 + 13);
	/* a building has its name and responsible member, a member its name */
	last_key(LEVEL_BUILDING, false, &n);
	ck_assert_uint_eq(n, 4 + 2 + 13);
	ck_assert_str_eq(last_key(LEVEL_MEMBER, true, &n), "needs_resolved");
	ck_assert_uint_eq(n, 5 + 1 + 13 + 5);
	ck_assert_uint_le(n, REPORT_MAXCOLS);
}
END_TEST

START_TEST(percent_for_sentences)
{
	char buf[32];

	ck_assert_str_eq(report_percent(87, 100, buf, sizeof(buf)), "87.0%");
	ck_assert_str_eq(report_percent(2, 3, buf, sizeof(buf)), "66.7%");
	ck_assert_str_eq(report_percent(1999, 2000, buf, sizeof(buf)), "99.9%");	/* never 100.0% short of all */
	ck_assert_str_eq(report_percent(0, 0, buf, sizeof(buf)), "-");
}
END_TEST

/* The total's cell of the column keyed key, for people (human) or for programs. */
static const char *total_cell(const struct render_input *in, const char *key, bool human)
{
	static const struct report_col *cols[REPORT_MAXCOLS];
	static char buf[REPORT_CELL_MAX];
	size_t n = report_columns(in->u, cols);

	for (size_t c = 0; c < n; c++)
		if (strcmp(cols[c]->key, key) == 0)
			return report_cell(in, NULL, cols[c], human, buf, sizeof(buf));
	ck_abort_msg("no column %s", key);
	return NULL;
}

START_TEST(cells_for_people_and_programs)
{
	struct rollup u = { .level = LEVEL_GRID };
	struct render_input in = { .u = &u };

	u.total = (struct rollup_counts){ .households = 7, .covered = 6, .eligible_members = 2,
		.load_sum = 5 };
	ck_assert_str_eq(total_cell(&in, "households", true), "7");
	ck_assert_str_eq(total_cell(&in, "coverage", true), "85.7%");
	ck_assert_str_eq(total_cell(&in, "coverage", false), "85.7");
	ck_assert_str_eq(total_cell(&in, "mean_load", true), "2.5");
	ck_assert_str_eq(total_cell(&in, "grid_id", true), "");	/* the total has no key */
	u.total = (struct rollup_counts){ 0 };
	ck_assert_str_eq(total_cell(&in, "coverage", true), "-");
	ck_assert_str_eq(total_cell(&in, "coverage", false), "");
	ck_assert_str_eq(total_cell(&in, "mean_load", true), "-");
}
END_TEST

START_TEST(units_fully_covered)
{
	struct rollup_row rows[] = {
		{ .c = { .households = 3, .covered = 3 } },
		{ .c = { .households = 3, .covered = 2 } },
		{ .c = { .households = 0, .covered = 0 } },	/* no households: not covered */
	};
	struct rollup u = { .level = LEVEL_GRID, .rows = rows, .nrows = 3 };

	ck_assert_uint_eq(report_units_covered(&u), 1);
}
END_TEST

START_TEST(card_marks)
{
	struct household shop = { .kind = KIND_SHOP, .priority = "低保" };
	struct household home = { .kind = KIND_RESIDENT };
	struct building named = { .id = "B1", .name = "1号楼" }, bare = { .id = "B2", .name = "" };

	ck_assert_str_eq(card_household_mark(&shop, 0), "shop");
	ck_assert_str_eq(card_household_mark(&shop, 1), "低保");
	ck_assert_ptr_null(card_household_mark(&shop, 2));
	ck_assert_ptr_null(card_household_mark(&home, 0));
	ck_assert_str_eq(card_building_label(&named), "1号楼");
	ck_assert_str_eq(card_building_label(&bare), "B2");
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *t = tcase_create("report");

	tcase_add_test(t, columns_by_level);
	tcase_add_test(t, percent_for_sentences);
	tcase_add_test(t, cells_for_people_and_programs);
	tcase_add_test(t, units_fully_covered);
	tcase_add_test(t, card_marks);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(report_suite());
}

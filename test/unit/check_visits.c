/* check_visits: dates of the visit log (every form, the calendar's edges) and --every intervals. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/visits.h"

/* An independent calendar: walks day by day from 1970-01-01, the leap rule written out. */
static int month_length(long y, int m)
{
	if (m == 2)
		return (y % 400 == 0 || (y % 4 == 0 && y % 100 != 0)) ? 29 : 28;
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
}

START_TEST(day_numbers_walk_the_calendar)
{
	long y = 1970, day = 0;
	int m = 1, d = 1;
	char buf[DATE_TEXT], want[DATE_TEXT];

	for (; y < 2101; day++) {
		ck_assert_int_eq(days_from_civil(y, m, d), day);
		snprintf(want, sizeof(want), "%04ld-%02d-%02d", y, m, d);
		ck_assert_str_eq(date_format(day, buf), want);
		if (++d > month_length(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	ck_assert_int_eq(days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28), 1);
	ck_assert_int_eq(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28), 2);
}
END_TEST

START_TEST(every_form)
{
	long want = days_from_civil(2026, 3, 5), day;
	static const char *const forms[] = {
		"2026-03-05", "2026-3-5", "2026/3/5", "2026/03/05", "2026.3.5", "2026.03.05",
		"2026年3月5日", "2026年03月05日", " 2026-03-05 ", "\xe3\x80\x80" "2026/3/5",
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		day = -1;
		ck_assert_msg(date_parse(forms[i], &day), "'%s' refused", forms[i]);
		ck_assert_int_eq(day, want);
	}
}
END_TEST

START_TEST(not_dates)
{
	static const char *const bad[] = {
		"", "2026", "2026-03", "26-3-5", "02026-3-5", "2026-003-05", "2026-3-005", "2026/3-5",
		"2026.3/5", "2026年3月5", "2026年3-5日", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-02-29", "1900-02-29", "2026-02-30", "2026-3-5 10:00", "2026-3-5x", "x2026-3-5",
		"2026-03-00", "0000-01-01", "２０２６-3-5", "2026--3-5",
	};
	long day;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!date_parse(bad[i], &day), "'%s' taken for a date", bad[i]);
	ck_assert(date_parse("2024-02-29", &day));
	ck_assert(date_parse("2000-02-29", &day));
	ck_assert(date_parse("2026-12-31", &day));
}
END_TEST

START_TEST(intervals)
{
	struct visit_rules vr;
	const char *why = NULL;

	visit_rules_init(&vr);
	ck_assert_int_eq(visit_interval(&vr, NULL), 90);
	ck_assert_int_eq(visit_interval(&vr, "低保"), 30);
	ck_assert(visit_rules_parse(&vr, "独居老人=7, 残疾 = 14 ,ordinary=60", &why));
	ck_assert_int_eq(visit_interval(&vr, NULL), 60);
	ck_assert_int_eq(visit_interval(&vr, "低保"), 30);
	ck_assert_int_eq(visit_interval(&vr, "独居老人"), 7);
	/* a household with several tags takes its tightest rule */
	ck_assert_int_eq(visit_interval(&vr, "残疾、独居老人"), 7);
	ck_assert_int_eq(visit_interval(&vr, "残疾，低保"), 14);
	/* a later rule replaces only its own key */
	ck_assert(visit_rules_parse(&vr, "残疾=21,Priority=10", &why));
	ck_assert_int_eq(visit_interval(&vr, "残疾"), 21);
	ck_assert_int_eq(visit_interval(&vr, "独居老人"), 7);
	ck_assert_int_eq(visit_interval(&vr, "低保"), 10);
	ck_assert(visit_rules_parse(&vr, "HIGH-RISK=3", &why));
	ck_assert_int_eq(visit_interval(&vr, "high-risk"), 3);
	visit_rules_release(&vr);
}
END_TEST

START_TEST(bad_rules)
{
	static const char *const bad[] = {
		"", "priority", "priority=", "=30", "priority=0", "priority=-1", "priority=3x",
		"priority=36501", "priority=30,", ",priority=30", "priority=30,,ordinary=90",
		"priority=99999999999999999999",
	};
	struct visit_rules vr;
	const char *why;

	visit_rules_init(&vr);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		ck_assert_msg(!visit_rules_parse(&vr, bad[i], &why), "'%s' taken", bad[i]);
		ck_assert_ptr_nonnull(why);
	}
	ck_assert(visit_rules_parse(&vr, "priority=36500", &why));
	visit_rules_release(&vr);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("visits");
	TCase *tc = tcase_create("dates");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, day_numbers_walk_the_calendar);
	tcase_add_test(tc, every_form);
	tcase_add_test(tc, not_dates);
	tcase_add_test(tc, intervals);
	tcase_add_test(tc, bad_rules);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

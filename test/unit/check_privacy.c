/* check_privacy: --mask hides phone numbers and names the way offices expect. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/privacy.h"

START_TEST(phones)
{
	char buf[64];

	ck_assert_str_eq(mask_phone("13812341234", buf, sizeof(buf)), "138****1234");
	ck_assert_str_eq(mask_phone("0478-8123456", buf, sizeof(buf)), "047*****3456");
	ck_assert_str_eq(mask_phone("4781234", buf, sizeof(buf)), "*****34");
	ck_assert_str_eq(mask_phone("", buf, sizeof(buf)), "");
}
END_TEST

START_TEST(names)
{
	char buf[64];

	ck_assert_str_eq(mask_name("王芳", buf, sizeof(buf)), "王*");
	ck_assert_str_eq(mask_name("王建国", buf, sizeof(buf)), "王**");
	ck_assert_str_eq(mask_name("欧阳小明", buf, sizeof(buf)), "欧阳**");
	ck_assert_str_eq(mask_name("欧阳", buf, sizeof(buf)), "欧*");
	ck_assert_str_eq(mask_name("巴特尔", buf, sizeof(buf)), "巴**");
	ck_assert_str_eq(mask_name("李", buf, sizeof(buf)), "*");
}
END_TEST

/* What mask_phones_in makes of s ("" when s holds no phone number). */
static const char *in_text(const char *s)
{
	static char buf[256];
	char *m = mask_phones_in(s);

	snprintf(buf, sizeof(buf), "%s", m ? m : "");
	free(m);
	return buf;
}

/* --mask reaches phone numbers written anywhere in free text, with or without separators. */
START_TEST(phones_in_text)
{
	ck_assert_str_eq(in_text("独居老人 子女电话13812341234"), "独居老人 子女电话138****1234");
	ck_assert_str_eq(in_text("幸福路8号(0478)8123456"), "幸福路8号(04******3456");
	ck_assert_str_eq(in_text("138-1234-1234"), "138******1234");
	ck_assert_str_eq(in_text("138 1234 1234 或 0478-8123456"),
	    "138******1234 或 047*****3456");
	ck_assert_str_eq(in_text("+86 13812341234"), "+86 *******1234");
	ck_assert_str_eq(in_text("010 12345678"), "010*****5678");
	ck_assert_str_eq(in_text("13812341234,13912341234"), "138****1234,139****1234");
	/* Not phone numbers: short numbers, IDs of other shapes, a mobile's prefix too short or too long. */
	ck_assert_str_eq(in_text("3单元 1201室"), "");
	ck_assert_str_eq(in_text("0101001"), "");
	ck_assert_str_eq(in_text("1381234123"), "");
	ck_assert_str_eq(in_text("138123412345"), "");
	ck_assert_str_eq(in_text("12812341234"), "");
	ck_assert_str_eq(in_text(""), "");
}
END_TEST

START_TEST(small_buffer)
{
	char buf[8];

	mask_name("欧阳小明小明小明", buf, sizeof(buf));
	ck_assert_uint_lt(strlen(buf), sizeof(buf));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("privacy");
	TCase *tc = tcase_create("mask");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, phones);
	tcase_add_test(tc, names);
	tcase_add_test(tc, small_buffer);
	tcase_add_test(tc, phones_in_text);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

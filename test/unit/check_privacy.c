/* check_privacy: --mask hides phone numbers and names the way offices expect. */
#include <check.h>
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
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* check_render: what the renderers share: --format names, masking, the HTML charset. */
#include <check.h>
#include <stdio.h>

#include "scratch.h"
#include "lianhu/render.h"

START_TEST(formats_and_masks)
{
	enum render_format f;
	struct out_opts opts = { .mask = true, .gb18030 = true };
	struct render_input in = { .opts = &opts };
	char buf[64];

	ck_assert(render_format_parse("md", &f));
	ck_assert_int_eq(f, RENDER_MD);
	ck_assert(render_format_parse("xlsx", &f));
	ck_assert_int_eq(f, RENDER_XLSX);
	ck_assert(!render_format_parse("HTML", &f));
	ck_assert(!render_format_parse("markdown", &f));
	ck_assert_str_eq(shown_phone(&in, "13812341234", buf, sizeof(buf)), "138****1234");
	ck_assert_str_eq(shown_name(&in, "王小明", buf, sizeof(buf)), "王**");
	ck_assert_str_eq(html_charset(&in), "gb18030");
	opts = (struct out_opts){ 0 };
	ck_assert_str_eq(shown_name(&in, "王小明", buf, sizeof(buf)), "王小明");
	ck_assert_str_eq(html_charset(&in), "utf-8");
}
END_TEST

static Suite *render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *t = tcase_create("render");

	tcase_add_test(t, formats_and_masks);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(render_suite());
}

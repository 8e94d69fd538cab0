/* check_render: what the formats share: display widths, clipping, HTML and Markdown escaping, text tables, masking. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/render.h"

/* What put writes for s, in a buffer the caller frees. */
static char *written(void (*put)(FILE *, const char *), const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	put(fp, s);
	ck_assert_int_eq(fclose(fp), 0);
	return text;
}

START_TEST(terminal_columns)
{
	ck_assert_uint_eq(display_width(""), 0);
	ck_assert_uint_eq(display_width("B12"), 3);
	ck_assert_uint_eq(display_width("联户"), 4);			/* wide */
	ck_assert_uint_eq(display_width("ＡＢ"), 4);			/* fullwidth */
	ck_assert_uint_eq(display_width("e\xcc\x81"), 1);		/* e and a combining acute */
	ck_assert_uint_eq(display_width("\xf0\x9f\x98\x80!"), 3);	/* an emoji is wide */
	ck_assert_uint_eq(display_width("a\xff" "b"), 3);		/* a stray byte takes one column */
}
END_TEST

static void put_clipped6(FILE *fp, const char *s)
{
	put_clipped(fp, s, 6, html_put);
}

START_TEST(clipped_by_columns)
{
	char *text;

	text = written(put_clipped6, "a<b");		/* fits: escaped whole */
	ck_assert_str_eq(text, "a&lt;b");
	free(text);
	text = written(put_clipped6, "隆盛合镇党委");	/* 12 columns: two characters and … */
	ck_assert_str_eq(text, "隆盛…");
	free(text);
	text = written(put_clipped6, "ab隆盛合");	/* the wide one that would pass 5 columns stays out */
	ck_assert_str_eq(text, "ab隆…");
	free(text);
}
END_TEST

START_TEST(escaped_for_html_and_markdown)
{
	char *text;

	text = written(html_put, "<a href=\"x\">Tom & Jerry's</a>");
	ck_assert_str_eq(text, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
	free(text);
	text = written(md_put, "a|b *c*\nd_e [f](g) #1");
	ck_assert_str_eq(text, "a\\|b \\*c\\* d\\_e \\[f\\](g) \\#1");
	free(text);
}
END_TEST

START_TEST(table_aligned_by_display_width)
{
	struct text_table t;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	text_table_init(&t, 3);
	t.right[1] = true;
	text_table_add(&t, "grid");
	text_table_add(&t, "households");
	text_table_add(&t, "name");
	text_table_rule(&t);
	text_table_add(&t, "网格一");
	text_table_add(&t, "7");
	text_table_add(&t, "a\tb");	/* control characters become spaces */
	text_table_print(&t, fp);
	text_table_release(&t);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(text,
	    "grid    households  name\n"
	    "------------------------\n"
	    "网格一           7  a b\n");
	free(text);
}
END_TEST

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

	tcase_add_test(t, terminal_columns);
	tcase_add_test(t, clipped_by_columns);
	tcase_add_test(t, escaped_for_html_and_markdown);
	tcase_add_test(t, table_aligned_by_display_width);
	tcase_add_test(t, formats_and_masks);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(render_suite());
}

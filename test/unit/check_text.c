/* check_text: UTF-8 decoding, names compared, display widths, clipping, HTML and Markdown escaping, text tables. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/text.h"

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

/* The code points utf8_next reads from s, as "U+XXXX " each, in buf. */
static const char *code_points(const char *s, char *buf, size_t size)
{
	size_t at = 0;

	buf[0] = '\0';
	while (*s && at + 8 < size)
		at += (size_t)snprintf(buf + at, size - at, "U+%04X ", (unsigned)utf8_next(&s));
	return buf;
}

START_TEST(decoded_one_character_at_a_time)
{
	char buf[256];
	uint32_t cp;

	ck_assert_uint_eq(utf8_decode("a", &cp), 1);
	ck_assert_uint_eq(cp, 'a');
	ck_assert_uint_eq(utf8_decode("\xc3\xa9", &cp), 2);
	ck_assert_uint_eq(cp, 0xe9);
	ck_assert_uint_eq(utf8_decode("联", &cp), 3);
	ck_assert_uint_eq(cp, 0x8054);
	ck_assert_uint_eq(utf8_decode("\xf0\x9f\x98\x80", &cp), 4);
	ck_assert_uint_eq(cp, 0x1f600);
	ck_assert_uint_eq(utf8_decode("", &cp), 1);	/* the NUL itself */
	ck_assert_uint_eq(cp, 0);
	/* Stray bytes are characters of their own, U+DC00 + the byte: a continuation byte, a lead
	 * byte UTF-8 never uses (C0, F5), a sequence cut short by an ASCII byte or the end. */
	ck_assert_str_eq(code_points("\x80" "a\xc0\xaf" "b\xf5\x80\x80\x80", buf, sizeof(buf)),
	    "U+DC80 U+0061 U+DCC0 U+DCAF U+0062 U+DCF5 U+DC80 U+DC80 U+DC80 ");
	ck_assert_str_eq(code_points("\xe8\x81" "a\xe8\x81", buf, sizeof(buf)),
	    "U+DCE8 U+DC81 U+0061 U+DCE8 U+DC81 ");
}
END_TEST

START_TEST(encoded_and_decoded_back)
{
	static const uint32_t cps[] = { 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0x8054, 0xffff, 0x10000, 0x1f600,
		0x10ffff };
	char out[5];
	uint32_t cp;

	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		size_t n = utf8_encode(out, cps[i]);

		ck_assert_uint_eq(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
		out[n] = '\0';
		ck_assert_uint_eq(utf8_decode(out, &cp), n);
		ck_assert_uint_eq(cp, cps[i]);
	}
	ck_assert_uint_eq(utf8_encode(out, 0x8054), 3);
	ck_assert_int_eq(memcmp(out, "联", 3), 0);
}
END_TEST

START_TEST(names_compared)
{
	const char *const words[] = { "utf-8", "党员", NULL };

	ck_assert(text_same("Ｂ１２（东）", "b12(东)"));
	ck_assert(!text_same("B12", "B12 "));
	ck_assert(word_in("UTF-8", words));
	ck_assert(word_in("党员", words));
	ck_assert(!word_in("党", words));
}
END_TEST

START_TEST(terminal_columns)
{
	ck_assert_uint_eq(display_width(""), 0);
	ck_assert_uint_eq(display_width("B12"), 3);
	ck_assert_uint_eq(display_width("联户"), 4);			/* wide */
	ck_assert_uint_eq(display_width("ＡＢ"), 4);			/* fullwidth */
	ck_assert_uint_eq(display_width("e\xcc\x81"), 1);		/* e and a combining acute */
	ck_assert_uint_eq(display_width("\xf0\x9f\x98\x80!"), 3);	/* an emoji is wide */
	ck_assert_uint_eq(display_width("a\xff" "b"), 3);		/* a stray byte takes one column, */
	ck_assert_uint_eq(display_width("a\x80" "b"), 3);		/* a stray continuation byte too */
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

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *t = tcase_create("text");

	tcase_add_test(t, decoded_one_character_at_a_time);
	tcase_add_test(t, encoded_and_decoded_back);
	tcase_add_test(t, names_compared);
	tcase_add_test(t, terminal_columns);
	tcase_add_test(t, clipped_by_columns);
	tcase_add_test(t, escaped_for_html_and_markdown);
	tcase_add_test(t, table_aligned_by_display_width);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(text_suite());
}

/* check_schema: columns and words (SPEC 5.2): suggestions for unknown columns, word lists, lianhu.ini. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/config.h"
#include "lianhu/diag.h"
#include "lianhu/schema.h"

/* The suggestion for name among a roster's columns, none taken; "" when none. */
static const char *suggest(enum roster_file file, const char *name)
{
	const struct schema *s = &roster_schemas[file];
	bool taken[16] = { false };
	struct suggestion g = schema_suggest(name, s->columns, s->ncolumns, taken);

	return g.column < 0 ? "" : g.like;
}

START_TEST(suggest_containing)
{
	/* The longest name or alias the header holds. */
	ck_assert_str_eq(suggest(FILE_HOUSEHOLDS, "联系电话号码"), "联系电话");
	ck_assert_str_eq(suggest(FILE_MEMBERS, "党员编号(身份证)"), "党员编号");
	ck_assert_str_eq(suggest(FILE_BUILDINGS, "building_id_old"), "building_id");
	/* A header that a name holds: grid in grid_id. */
	ck_assert_str_eq(suggest(FILE_BUILDINGS, "grid"), "grid_id");
}
END_TEST

START_TEST(suggest_one_edit_by_characters)
{
	/* One Chinese character is three bytes: the distance counts characters, not bytes. */
	ck_assert_str_eq(suggest(FILE_MEMBERS, "党员状况"), "党员状态");
	ck_assert_str_eq(suggest(FILE_MEMBERS, "党员编码"), "党员编号");
	ck_assert_str_eq(suggest(FILE_MEMBERS, "statu"), "status");
	ck_assert_str_eq(suggest(FILE_MEMBERS, "Stauts"), "");	/* a swap is two edits */
	ck_assert_str_eq(suggest(FILE_MEMBERS, "capacityy"), "capacity");
	ck_assert_str_eq(suggest(FILE_HOUSEHOLDS, "ROOMS"), "room");	/* any case */
	/* 楼号 is 楼栋号 cut short (one deletion) before it is 户号 changed (one substitution). */
	ck_assert_str_eq(suggest(FILE_HOUSEHOLDS, "楼号"), "楼栋号");
	/* Two edits away, or nothing alike: no suggestion. */
	ck_assert_str_eq(suggest(FILE_HOUSEHOLDS, "备注"), "");
	ck_assert_str_eq(suggest(FILE_MEMBERS, "身份证号"), "");
	/* One-character aliases (村, 室) suggest nothing: too many names hold them. */
	ck_assert_str_eq(suggest(FILE_BUILDINGS, "村民小组长"), "");
}
END_TEST

START_TEST(suggest_passes_over_present_columns)
{
	const struct schema *s = &roster_schemas[FILE_HOUSEHOLDS];
	bool taken[16] = { false };
	struct suggestion g;

	taken[H_HEAD] = true;	/* 户主 is there already: 户主身份证号 is not a misspelt head */
	g = schema_suggest("户主身份证号", s->columns, s->ncolumns, taken);
	ck_assert_int_eq(g.column, -1);
	taken[H_HEAD] = false;
	g = schema_suggest("户主身份证号", s->columns, s->ncolumns, taken);
	ck_assert_int_eq(g.column, H_HEAD);
}
END_TEST

START_TEST(words)
{
	static const char *const mobile[] = { "流动党员", "外出", "外出务工", "出国(境)", "出国（境）", "MOBILE" };
	static const char *const ordinary[] = {
		"", "无", "-", "N/A", "n/a", "none", "没有", "否", "\xe2\x80\x8b", "\xc2\xa0",
		"\xe3\x80\x80\xe2\x80\x8d", "\xef\xbb\xbf"
	};
	enum status_class c;
	enum household_kind k;

	for (size_t i = 0; i < sizeof(mobile) / sizeof(*mobile); i++) {
		ck_assert_msg(schema_status(mobile[i], &c), "%s not known", mobile[i]);
		ck_assert_int_eq(c, STATUS_MOBILE);
	}
	ck_assert(schema_status("预备党员", &c) && c == STATUS_ELIGIBLE);
	ck_assert(schema_status("病休", &c) && c == STATUS_INFIRM);
	ck_assert(schema_status("失去联系", &c) && c == STATUS_LOST);
	ck_assert(!schema_status("退休", &c));
	ck_assert(schema_kind("个体工商户", &k) && k == KIND_SHOP);
	ck_assert(schema_kind("单位", &k) && k == KIND_SHOP);
	ck_assert(schema_kind("空挂户", &k) && k == KIND_VACANT);
	ck_assert(schema_kind("", &k) && k == KIND_RESIDENT);
	ck_assert(!schema_kind("办公", &k));
	for (size_t i = 0; i < sizeof(ordinary) / sizeof(*ordinary); i++)
		ck_assert_msg(schema_ordinary(ordinary[i]), "'%s' taken for a tag", ordinary[i]);
	ck_assert(!schema_ordinary("独居老人"));
	ck_assert(!schema_ordinary("\xe2\x80\x8b" "低保"));
}
END_TEST

/* Loads text as lianhu.ini into c (released by the caller). */
static void load_ini(struct config *c, const char *text)
{
	config_init(c);
	scratch_write_text("lianhu.ini", text);
	ck_assert_int_eq(config_load(c, scratch_path("lianhu.ini"), "lianhu.ini", ENC_AUTO), 0);
}

START_TEST(ini_reads_sections)
{
	struct config c;
	enum status_class s;
	enum household_kind k;

	load_ini(&c, "\xef\xbb\xbf; our own words\n[columns]\n党员身份 = status\n房屋编号=household_id\n"
	    "\n[status]\n下派 = mobile\nRetired = infirm\n[kind]\n门市 = shop\n闲置 = vacant\n");
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
	ck_assert_str_eq(config_header(&c, "党员身份"), "status");
	ck_assert_str_eq(config_header(&c, "房屋编号"), "household_id");
	ck_assert_str_eq(config_header(&c, "备注"), "备注");
	ck_assert(config_status(&c, "下派", &s) && s == STATUS_MOBILE);
	ck_assert(config_status(&c, "RETIRED", &s) && s == STATUS_INFIRM);
	ck_assert(!config_status(&c, "正常", &s));
	ck_assert(config_kind(&c, "门市", &k) && k == KIND_SHOP);
	ck_assert(config_kind(&c, "闲置", &k) && k == KIND_VACANT);
	config_release(&c);
}
END_TEST

START_TEST(ini_errors_name_their_lines)
{
	struct config c;
	const struct diag *d;
	size_t n;

	load_ini(&c, "[columns]\n党员身份 = state\n[status]\n下派 = away\n下派 = mobile\n"
	    "just words\n[kind\n[other]\nx = y\n[kind]\n门市 = shop\n门市 = vacant\n");
	d = diag_sorted(&n);
	ck_assert_uint_eq(n, 6);
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(diag_name(d[i].code), "config");
		ck_assert_int_eq(d[i].severity, DIAG_ERROR);
	}
	ck_assert_int_eq(d[0].line, 2);		/* state: not a column */
	ck_assert_int_eq(d[1].line, 4);		/* away: not a class */
	ck_assert_int_eq(d[2].line, 6);		/* no = */
	ck_assert_int_eq(d[3].line, 7);		/* no ] */
	ck_assert_int_eq(d[4].line, 9);		/* [other] */
	ck_assert_int_eq(d[5].line, 12);	/* 门市 given two meanings */
	config_release(&c);
}
END_TEST

static Suite *schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *t = tcase_create("schema");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, suggest_containing);
	tcase_add_test(t, suggest_one_edit_by_characters);
	tcase_add_test(t, suggest_passes_over_present_columns);
	tcase_add_test(t, words);
	tcase_add_test(t, ini_reads_sections);
	tcase_add_test(t, ini_errors_name_their_lines);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(schema_suite());
}

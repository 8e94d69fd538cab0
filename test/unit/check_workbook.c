/*
 * check_workbook: .xlsx pitfalls of real files (SPEC 5.1), each a fixture of XML parts under test/workbook
 * zipped at test time by test/workbook/xlsx.sh, read through table_read as every reader reads them.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "scratch.h"
#include "lianhu/diag.h"
#include "lianhu/table.h"

static const char *const id_aliases[] = { "党员编号", "编号", NULL };
static const char *const name_aliases[] = { "姓名", NULL };
static const char *const household_aliases[] = { "户编号", NULL };
static const char *const building_aliases[] = { "楼栋编号", NULL };
static const struct column member_columns[] = {
	{ "member_id", id_aliases, true, true },
	{ "name", name_aliases, false, false },
};
static const struct column household_columns[] = {
	{ "household_id", household_aliases, true, true },
	{ "building_id", building_aliases, true, true },
};
static const char *const member_sheets[] = { "members", "党员", NULL };

/* Zips test/workbook/NAME into the scratch folder and returns the workbook's path (static buffer). */
static const char *fixture(const char *name)
{
	static char path[512];
	char cmd[1200];

	snprintf(path, sizeof(path), "%s", scratch_path(name));
	strcat(path, ".xlsx");
	snprintf(cmd, sizeof(cmd), "sh test/workbook/xlsx.sh '%s' 'test/workbook/%s'", path, name);
	ck_assert_int_eq(system(cmd), 0);
	return path;
}

/* The label of the last read, which its diagnostics point to; freed by the next read. */
static char *label_read;

static long read_sheet(const char *path, const struct column *cols, size_t ncols,
    const char *const *sheets, struct rows *rows)
{
	struct table_source src = { .path = path, .columns = cols, .ncolumns = ncols,
	    .sheets = sheets };
	struct read_opts opts = { 0 };
	long n;

	memset(rows, 0, sizeof(*rows));
	diag_reset();	/* the sink holds the old label */
	free(label_read);
	n = table_read(&src, &opts, collect, rows);
	label_read = src.label;
	return n;
}


/* Asserts the i-th sorted diagnostic. */
static void expect_diag(size_t i, const char *file, long line, const char *code)
{
	size_t n;
	const struct diag *d = diag_sorted(&n);

	ck_assert_uint_lt(i, n);
	ck_assert_str_eq(d[i].file, file);
	ck_assert_int_eq(d[i].line, line);
	ck_assert_str_eq(diag_name(d[i].code), code);
}

/*
 * Shared strings (an empty <si/>, rich-text runs, a phonetic run, _x000D_),
 * inline strings, cells placed by r (out of order, missing, without r),
 * a row without r, <dimension> that lies, numbers as General shows them,
 * booleans, dates by style (custom 年月日, CJK 57, 22, a redefined 14), the
 * 1900 leap day, 0000000, formulas by cached value, an error cell.
 */
START_TEST(pitfalls)
{
	struct rows rows;
	const char *path = fixture("pitfalls");
	char label[600];

	ck_assert_int_eq(read_sheet(path, member_columns, 2, member_sheets, &rows), 6);
	snprintf(label, sizeof(label), "%s[Sheet1]", path);
	ck_assert_str_eq(label_read, label);
	ck_assert_uint_eq(rows.n, 7);
	expect_record(&rows, 0, 2, "党员编号", "姓名", "联系户上限", "出生日期", "备注", NULL);
	expect_record(&rows, 1, 3, "DY001", "王志刚", "3", "2024-01-01", "", NULL);
	expect_record(&rows, 2, 5, "DY002", "张永强", "15", "2024-01-01", "TRUE", NULL);
	expect_record(&rows, 3, 6, "DY003", "", "0.1", "0", "第一行\r第二行", NULL);
	expect_record(&rows, 4, 7, "DY004", "#N/A", "0.001", "45292", "0010001", NULL);
	expect_record(&rows, 5, 8, "123456789012346000", "150000000000000000000", "12345.6789",
	    "1900-01-01", "1900-02-29", NULL);
	expect_record(&rows, 6, 9, "7", "FALSE", "110101199001011000", "1900-03-01", "2024-03-05", NULL);
	/* row 4 holds only an empty shared string: blank, skipped */
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 2);
	ck_assert_uint_eq(diag_count(DIAG_WARNING), 1);
	expect_diag(0, label, 7, "bad-value");
	expect_diag(1, label, 8, "id-precision-lost");
	expect_diag(2, label, 8, "id-stored-as-number");
	rows_free(&rows);
}
END_TEST

/*
 * A title merged across, a group row merged across (not the header), header
 * cells merged downward (they count in the header row), a building merged
 * down over two households.
 */
START_TEST(merged)
{
	struct rows rows;

	ck_assert_int_eq(read_sheet(fixture("merged"), member_columns, 2, NULL, &rows), 3);
	ck_assert_uint_eq(rows.n, 4);
	expect_record(&rows, 0, 3, "党员编号", "姓名", "状态", "电话", "居住楼栋", NULL);
	expect_record(&rows, 1, 4, "DY001", "王志刚", "", "", "0101", NULL);
	expect_record(&rows, 2, 5, "DY002", "李红梅", "", "", "0101", NULL);
	expect_record(&rows, 3, 6, "DY003", "", "", "", "0201", NULL);
	ck_assert_uint_eq(diag_count(DIAG_ERROR) + diag_count(DIAG_WARNING), 0);
	rows_free(&rows);
}
END_TEST

/*
 * WPS-like: sheet parts found through workbook.xml.rels (absolute and
 * relative targets, not sheetN.xml), prefixed elements, a sheet name with
 * spaces, no sharedStrings part, the 1904 date system.
 */
START_TEST(relationships)
{
	struct rows rows;
	const char *path = fixture("rels");
	char label[600];

	ck_assert_int_eq(read_sheet(path, member_columns, 2, member_sheets, &rows), 2);
	snprintf(label, sizeof(label), "%s[ 党员 ]", path);
	ck_assert_str_eq(label_read, label);
	expect_record(&rows, 0, 1, "党员编号", "入党日期", NULL);
	expect_record(&rows, 1, 2, "DY001", "1904-01-01", NULL);
	expect_record(&rows, 2, 3, "DY002", "2024-01-01", NULL);
	rows_free(&rows);
	/* No sheet named for households: the first whose header holds the required columns. */
	ck_assert_int_eq(read_sheet(path, household_columns, 2, NULL, &rows), 0);
	snprintf(label, sizeof(label), "%s[住户]", path);
	ck_assert_str_eq(label_read, label);
	expect_record(&rows, 0, 1, "户编号", "楼栋编号", NULL);
	rows_free(&rows);
}
END_TEST

/* A CSV with a title row: the header is found below it, as in a workbook. */
START_TEST(csv_title_row)
{
	struct rows rows;

	scratch_write_text("title.csv", "清河镇党员花名册,,\n\n党员编号,姓名,状态\nDY001,王志刚,\n");
	ck_assert_int_eq(read_sheet(scratch_path("title.csv"), member_columns, 2, NULL, &rows), 1);
	expect_record(&rows, 0, 3, "党员编号", "姓名", "状态", NULL);
	expect_record(&rows, 1, 4, "DY001", "王志刚", "", NULL);
	rows_free(&rows);
}
END_TEST

/* No row among the first ten holds the columns: the first row is the header, the others data. */
START_TEST(csv_no_header)
{
	struct rows rows;

	scratch_write_text("none.csv", "a,b\n1,2\n3,4\n");
	ck_assert_int_eq(read_sheet(scratch_path("none.csv"), member_columns, 2, NULL, &rows), 2);
	expect_record(&rows, 0, 1, "a", "b", NULL);
	expect_record(&rows, 2, 3, "3", "4", NULL);
	rows_free(&rows);
}
END_TEST

static Suite *workbook_suite(void)
{
	Suite *s = suite_create("workbook");
	TCase *xlsx = tcase_create("xlsx"), *header = tcase_create("header");

	tcase_add_checked_fixture(xlsx, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(xlsx, pitfalls);
	tcase_add_test(xlsx, merged);
	tcase_add_test(xlsx, relationships);
	suite_add_tcase(s, xlsx);
	tcase_add_checked_fixture(header, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(header, csv_title_row);
	tcase_add_test(header, csv_no_header);
	suite_add_tcase(s, header);
	return s;
}

int main(void)
{
	return scratch_main(workbook_suite());
}

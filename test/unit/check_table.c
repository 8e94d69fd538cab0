/* check_table: the table reader against SPEC §2 (encodings, delimiters, quoting, physical lines, columns). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "records.h"
#include "scratch.h"
#include "lianhu/diag.h"
#include "lianhu/table.h"

#define LABEL "in.csv"

/* The label of the last read (diagnostics point to it until the next read); one at a time. */
static char *last_label;

/* Reads path as a table with the first row for header, as a reader without columns does. */
static long read_path(const char *path, const struct read_opts *opts, struct rows *rows)
{
	struct table_source src = { .path = path };
	long n;

	diag_reset();	/* the sink holds the old label */
	free(last_label);
	n = table_read(&src, opts, collect, rows);
	last_label = src.label;
	return n;
}

/* Writes len bytes to a file and reads it back with the given options. */
static long read_bytes(const void *data, size_t len, enum encoding enc, char delimiter,
    struct rows *rows)
{
	struct read_opts opts = { .encoding = enc, .delimiter = delimiter };
	const char *path = scratch_path("in.csv");

	scratch_write("in.csv", data, len);
	memset(rows, 0, sizeof(*rows));
	return read_path(path, &opts, rows);
}

/* Reads a NUL-terminated text with automatic encoding and delimiter. */
static long read_text(const char *text, struct rows *rows)
{
	return read_bytes(text, strlen(text), ENC_AUTO, 0, rows);
}


/* Asserts the i-th sorted diagnostic: file, line, code and severity error. */
static void expect_diag(size_t i, long line, const char *code)
{
	size_t n;
	const struct diag *d = diag_sorted(&n);

	ck_assert_uint_lt(i, n);
	ck_assert_str_eq(d[i].file, scratch_path(LABEL));
	ck_assert_int_eq(d[i].line, line);
	ck_assert_str_eq(diag_name(d[i].code), code);
	ck_assert_int_eq(d[i].severity, DIAG_ERROR);
}

static size_t ndiags(void)
{
	return diag_count(DIAG_ERROR) + diag_count(DIAG_WARNING);
}

/* UTF-8 to UTF-16 with a BOM, little or big endian; the result is malloc'ed. */
static char *utf16_from(const char *utf8, bool big, size_t *len)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t cap = 2 + 4 * strlen(utf8), n = 0;
	unsigned char *out = malloc(cap);
	unsigned long units[2];

	ck_assert_ptr_nonnull(out);
	out[n++] = big ? 0xfe : 0xff;
	out[n++] = big ? 0xff : 0xfe;
	while (*s) {
		unsigned long cp;
		int extra, nunits = 1;

		if (*s < 0x80)
			cp = *s, extra = 0;
		else if (*s < 0xe0)
			cp = *s & 0x1f, extra = 1;
		else if (*s < 0xf0)
			cp = *s & 0x0f, extra = 2;
		else
			cp = *s & 0x07, extra = 3;
		s++;
		while (extra-- > 0)
			cp = cp << 6 | (*s++ & 0x3f);
		units[0] = cp;
		if (cp >= 0x10000) {
			units[0] = 0xd800 + ((cp - 0x10000) >> 10);
			units[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
			nunits = 2;
		}
		for (int u = 0; u < nunits; u++) {
			out[n++] = big ? units[u] >> 8 : units[u] & 0xff;
			out[n++] = big ? units[u] & 0xff : units[u] >> 8;
		}
	}
	*len = n;
	return (char *)out;
}

/* UTF-8 to GB18030 through iconv(3); the result is malloc'ed. */
static char *gb18030_from(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t left = strlen(utf8), room = 4 * left + 4;
	char *out = malloc(room), *dst = out, *src = (char *)utf8;

	ck_assert_msg(cd != (iconv_t)-1, "no GB18030 in iconv");
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_ne(iconv(cd, &src, &left, &dst, &room), (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(dst - out);
	return out;
}

/* ---- encodings ---- */

START_TEST(utf8_without_bom)
{
	struct rows rows;

	ck_assert_int_eq(read_text("楼栋编号,网格编号\nB1,新地村一组\n", &rows), 1);
	ck_assert_uint_eq(rows.n, 2);
	expect_record(&rows, 0, 1, "楼栋编号", "网格编号", NULL);
	expect_record(&rows, 1, 2, "B1", "新地村一组", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(utf8_with_bom)
{
	struct rows rows;

	/* The BOM must not stick to the first header name, or "building_id" is missing. */
	ck_assert_int_eq(read_text("\xef\xbb\xbf" "building_id,grid_id\nB1,G1\n", &rows), 1);
	expect_record(&rows, 0, 1, "building_id", "grid_id", NULL);
	expect_record(&rows, 1, 2, "B1", "G1", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(utf8_bom_forced)
{
	struct rows rows;
	const char *text = "\xef\xbb\xbf" "a,b\n1,2\n";

	ck_assert_int_eq(read_bytes(text, strlen(text), ENC_UTF8, 0, &rows), 1);
	expect_record(&rows, 0, 1, "a", "b", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(utf16le_bom_tabs)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("楼栋编号\t网格编号\t名称\r\nB1\t网格一\t𠀀楼\r\n007\tG2\t\r\n", false, &len);

	ck_assert_int_eq(read_bytes(bytes, len, ENC_AUTO, 0, &rows), 2);
	ck_assert_uint_eq(rows.n, 3);
	expect_record(&rows, 0, 1, "楼栋编号", "网格编号", "名称", NULL);
	expect_record(&rows, 1, 2, "B1", "网格一", "𠀀楼", NULL);
	expect_record(&rows, 2, 3, "007", "G2", "", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(utf16be_bom_tabs)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("户编号\t楼栋编号\n001\t1号楼\n", true, &len);

	ck_assert_int_eq(read_bytes(bytes, len, ENC_AUTO, 0, &rows), 1);
	expect_record(&rows, 0, 1, "户编号", "楼栋编号", NULL);
	expect_record(&rows, 1, 2, "001", "1号楼", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(utf16_forced_without_bom)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("a\tb\n1\t2\n", false, &len);

	/* Without a BOM, forced utf-16 means little endian (what Windows writes). */
	ck_assert_int_eq(read_bytes(bytes + 2, len - 2, ENC_UTF16, 0, &rows), 1);
	expect_record(&rows, 0, 1, "a", "b", NULL);
	expect_record(&rows, 1, 2, "1", "2", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(utf16_forced_big_endian_bom)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("a\tb\n1\t2\n", true, &len);

	ck_assert_int_eq(read_bytes(bytes, len, ENC_UTF16, 0, &rows), 1);
	expect_record(&rows, 1, 2, "1", "2", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(utf16_lone_surrogate)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("a\tb\n1\t2\nXY\t4\n5\t6\n", false, &len);
	char *x = memchr(bytes, 'X', len);

	/* Replace "XY" on line 3 by a high surrogate without its low half. */
	ck_assert_ptr_nonnull(x);
	x[0] = 0x00, x[1] = (char)0xd8;
	x[2] = 'Z', x[3] = 0;
	read_bytes(bytes, len, ENC_AUTO, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "encoding");
	ck_assert_uint_eq(rows.n, 4);
	expect_record(&rows, 3, 4, "5", "6", NULL);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(utf16_odd_length)
{
	struct rows rows;
	size_t len;
	char *bytes = utf16_from("a\tb\n1\t2\n3", false, &len);

	/* A half code unit at the very end: the file was cut short. */
	bytes[len - 1] = '\0';
	read_bytes(bytes, len - 1, ENC_AUTO, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "encoding");
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(gb18030_auto)
{
	struct rows rows;
	size_t len;
	/* 𠀀 takes four bytes in GB18030, the CJK ones two. */
	char *bytes = gb18030_from("楼栋编号,网格编号,村(社区)\r\nB1,G1,新地村\r\n𠀀,G2,龙胜河社区\r\n", &len);

	ck_assert_int_eq(read_bytes(bytes, len, ENC_AUTO, 0, &rows), 2);
	expect_record(&rows, 0, 1, "楼栋编号", "网格编号", "村(社区)", NULL);
	expect_record(&rows, 1, 2, "B1", "G1", "新地村", NULL);
	expect_record(&rows, 2, 3, "𠀀", "G2", "龙胜河社区", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
	free(bytes);
}
END_TEST

START_TEST(gb18030_forced)
{
	struct rows rows;
	/* "é" in UTF-8 (c3 a9) is valid UTF-8, so auto reads it as UTF-8; as GB18030 it is 茅. */
	const char *text = "a,b\nx,\xc3\xa9\n";

	read_bytes(text, strlen(text), ENC_AUTO, 0, &rows);
	expect_record(&rows, 1, 2, "x", "é", NULL);
	rows_free(&rows);
	read_bytes(text, strlen(text), ENC_GB18030, 0, &rows);
	expect_record(&rows, 1, 2, "x", "茅", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(gb18030_invalid_byte)
{
	struct rows rows;
	size_t len;
	char *gb = gb18030_from("户编号,楼栋编号\n001,一号楼\n002,二号楼\n003,三号楼\n", &len);
	char *two = memchr(gb, '2', len);

	/* 0xff is never part of GB18030: line 3 holds a bad byte. */
	ck_assert_ptr_nonnull(two);
	two[1] = (char)0xff;
	read_bytes(gb, len, ENC_AUTO, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "encoding");
	ck_assert_uint_eq(rows.n, 4);
	expect_record(&rows, 3, 4, "003", "三号楼", NULL);
	rows_free(&rows);
	free(gb);
}
END_TEST

START_TEST(utf8_forced_invalid)
{
	struct rows rows;
	size_t len;
	char *gb = gb18030_from("a,b\n1,2\n3,新\n4,5\n", &len);

	/* GB18030 bytes read as UTF-8 are invalid on line 3, and only there. */
	read_bytes(gb, len, ENC_UTF8, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "encoding");
	ck_assert_uint_eq(rows.n, 4);
	expect_record(&rows, 3, 4, "4", "5", NULL);
	rows_free(&rows);
	free(gb);
}
END_TEST

START_TEST(utf8_invalid_one_error_per_line)
{
	struct rows rows;
	const char *text = "a,b\n\xff\xfe,\xc0\n3,4\n\xed\xa0\x80,x\n";

	/* Lone continuation bytes, overlong forms and surrogates are all invalid UTF-8. */
	read_bytes(text, strlen(text), ENC_UTF8, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 2);
	expect_diag(0, 2, "encoding");
	expect_diag(1, 4, "encoding");
	rows_free(&rows);
}
END_TEST

START_TEST(nul_byte)
{
	struct rows rows;
	const char text[] = "a,b\n1,2\n3,\0004\n5,6\n";

	read_bytes(text, sizeof(text) - 1, ENC_AUTO, 0, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "encoding");
	ck_assert_uint_eq(rows.n, 4);
	rows_free(&rows);
}
END_TEST

START_TEST(empty_file)
{
	struct rows rows;

	ck_assert_int_eq(read_bytes("", 0, ENC_AUTO, 0, &rows), 0);
	ck_assert_uint_eq(rows.n, 0);
	ck_assert_int_eq(read_text("\xef\xbb\xbf", &rows), 0);
	ck_assert_uint_eq(rows.n, 0);
	ck_assert_int_eq(read_text("\n\n  \n", &rows), 0);
	ck_assert_uint_eq(rows.n, 0);
	ck_assert_uint_eq(ndiags(), 0);
}
END_TEST

START_TEST(unreadable)
{
	struct rows rows = { 0 };
	struct read_opts opts = { 0 };

	int saved = scratch_quiet_stderr();
	long missing = read_path(scratch_path("no-such-file.csv"), &opts, &rows);
	long directory = read_path(scratch_dir, &opts, &rows);

	scratch_restore_stderr(saved);
	ck_assert_int_eq(missing, -1);
	ck_assert_int_eq(directory, -1);
	ck_assert_uint_eq(rows.n, 0);
	ck_assert_uint_eq(ndiags(), 0);
}
END_TEST

START_TEST(encoding_names)
{
	enum encoding e;

	ck_assert(encoding_parse("auto", &e) && e == ENC_AUTO);
	ck_assert(encoding_parse("UTF-8", &e) && e == ENC_UTF8);
	ck_assert(encoding_parse("utf8", &e) && e == ENC_UTF8);
	ck_assert(encoding_parse("gb18030", &e) && e == ENC_GB18030);
	ck_assert(encoding_parse("GBK", &e) && e == ENC_GB18030);
	ck_assert(encoding_parse("gb2312", &e) && e == ENC_GB18030);
	ck_assert(encoding_parse("utf-16", &e) && e == ENC_UTF16);
	ck_assert(!encoding_parse("latin1", &e));
	ck_assert(!encoding_parse("", &e));
}
END_TEST

/* ---- delimiters and line ends ---- */

START_TEST(delimiter_comma)
{
	struct rows rows;

	read_text("a,b;c,d\n1,2;3,4\n", &rows);
	expect_record(&rows, 0, 1, "a", "b;c", "d", NULL);
	expect_record(&rows, 1, 2, "1", "2;3", "4", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(delimiter_tab)
{
	struct rows rows;

	/* The comma inside the quoted header name does not count. */
	read_text("\"a,b\"\tc\td\n1,5\t2\t3\n", &rows);
	expect_record(&rows, 0, 1, "a,b", "c", "d", NULL);
	expect_record(&rows, 1, 2, "1,5", "2", "3", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(delimiter_semicolon)
{
	struct rows rows;

	/* European Excel writes semicolons and decimal commas. */
	read_text("\n\na;b;c\n1,5;2;3\n", &rows);
	expect_record(&rows, 0, 3, "a", "b", "c", NULL);
	expect_record(&rows, 1, 4, "1,5", "2", "3", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(delimiter_forced)
{
	struct rows rows;
	const char *text = "a;b,c\n1;2,3\n";

	read_bytes(text, strlen(text), ENC_AUTO, ';', &rows);
	expect_record(&rows, 0, 1, "a", "b,c", NULL);
	rows_free(&rows);
	read_bytes(text, strlen(text), ENC_AUTO, ',', &rows);
	expect_record(&rows, 0, 1, "a;b", "c", NULL);
	rows_free(&rows);
	read_bytes(text, strlen(text), ENC_AUTO, '\t', &rows);
	expect_record(&rows, 0, 1, "a;b,c", NULL);
	expect_record(&rows, 1, 2, "1;2,3", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(crlf)
{
	struct rows rows;

	ck_assert_int_eq(read_text("a,b\r\n1,2\r\n\r\n3,\"x\"\r\n4,5", &rows), 3);
	ck_assert_uint_eq(rows.n, 4);
	expect_record(&rows, 0, 1, "a", "b", NULL);
	expect_record(&rows, 1, 2, "1", "2", NULL);
	expect_record(&rows, 2, 4, "3", "x", NULL);
	expect_record(&rows, 3, 5, "4", "5", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

/* ---- quoting and physical lines ---- */

START_TEST(quoted_fields)
{
	struct rows rows;

	read_text("a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"first\nsecond\"\n", &rows);
	ck_assert_uint_eq(rows.n, 2);
	expect_record(&rows, 1, 2, "x,y", "he said \"hi\"", "first\nsecond", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(start_line_after_multiline_field)
{
	struct rows rows;

	read_text("id,note\n"		/* 1 */
	    "1,\"one\n"			/* 2 */
	    "two\n"			/* 3 */
	    "three\"\n"			/* 4 */
	    "2,plain\n"			/* 5 */
	    "\n"			/* 6 */
	    "   \n"			/* 7 */
	    "3,\"a\n"			/* 8 */
	    "\n"			/* 9: a blank line inside quotes */
	    "b\"\n"			/* 10 */
	    "\n"			/* 11 */
	    "4,end\n", &rows);		/* 12 */
	ck_assert_uint_eq(rows.n, 5);
	expect_record(&rows, 1, 2, "1", "one\ntwo\nthree", NULL);
	expect_record(&rows, 2, 5, "2", "plain", NULL);
	expect_record(&rows, 3, 8, "3", "a\n\nb", NULL);
	expect_record(&rows, 4, 12, "4", "end", NULL);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(header_after_blank_lines)
{
	struct rows rows;

	read_text("\n\r\n,,\nid,name\n7,x\n", &rows);
	ck_assert_uint_eq(rows.n, 2);
	expect_record(&rows, 0, 4, "id", "name", NULL);
	expect_record(&rows, 1, 5, "7", "x", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(stray_quote)
{
	struct rows rows;

	read_text("a,b\n1,2\n3,x\"y\n4,5\n", &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "csv-syntax");
	/* The bad record is dropped, the next one is read. */
	ck_assert_uint_eq(rows.n, 3);
	expect_record(&rows, 2, 4, "4", "5", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(text_after_closing_quote)
{
	struct rows rows;

	read_text("a,b\n\"1\"x,2\n4,5\n", &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 2, "csv-syntax");
	ck_assert_uint_eq(rows.n, 2);
	expect_record(&rows, 1, 3, "4", "5", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(stray_quote_after_multiline_field)
{
	struct rows rows;

	/* The record starts on line 3; its stray quote is on line 4. SPEC §2: name the start. */
	read_text("a,b\n1,2\n\"3\n3\",x\"y\n4,5\n", &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 3, "csv-syntax");
	ck_assert_uint_eq(rows.n, 3);
	expect_record(&rows, 2, 5, "4", "5", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(unterminated_quote)
{
	struct rows rows;

	read_text("a,b\n1,2\n\n3,\"never closed\n4,5\n6,7\n", &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 4, "csv-syntax");
	ck_assert_uint_eq(rows.n, 2);
	rows_free(&rows);
}
END_TEST

START_TEST(oversized_field)
{
	struct rows rows;
	size_t big = 70 * 1024;
	char *text = malloc(big + 32);

	ck_assert_ptr_nonnull(text);
	strcpy(text, "a,b\n1,");
	memset(text + 6, 'x', big);
	strcpy(text + 6 + big, "\n2,3\n");
	read_text(text, &rows);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 2, "csv-syntax");
	ck_assert_uint_eq(rows.n, 2);
	expect_record(&rows, 1, 3, "2", "3", NULL);
	rows_free(&rows);
	free(text);
}
END_TEST

/* ---- values ---- */

START_TEST(trimming)
{
	struct rows rows;

	/* U+3000 is what a Chinese input method types as a space. */
	read_text("a,b,c,d\n  x  ,\t y \t,\xe3\x80\x80z\xe3\x80\x80,\"  q r  \"\n", &rows);
	expect_record(&rows, 1, 2, "x", "y", "z", "q r", NULL);
	rows_free(&rows);
	read_text(" id \t 名 称 \n\xe3\x80\x80" "1\t\xe3\x80\x80\xe3\x80\x80\n", &rows);
	expect_record(&rows, 0, 1, "id", "名 称", NULL);
	expect_record(&rows, 1, 2, "1", "", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(leading_zeros)
{
	struct rows rows;

	read_text("id\n007\n07\n7\n\"0070\"\n 08 \n", &rows);
	ck_assert_uint_eq(rows.n, 6);
	expect_record(&rows, 1, 2, "007", NULL);
	expect_record(&rows, 2, 3, "07", NULL);
	expect_record(&rows, 3, 4, "7", NULL);
	expect_record(&rows, 4, 5, "0070", NULL);
	expect_record(&rows, 5, 6, "08", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(no_final_newline)
{
	struct rows rows;

	ck_assert_int_eq(read_text("a,b\n1,2", &rows), 1);
	expect_record(&rows, 1, 2, "1", "2", NULL);
	rows_free(&rows);
}
END_TEST

START_TEST(field_counts_kept)
{
	struct rows rows;

	/* The reader delivers what is there; the roster decides about field-count. */
	read_text("a,b,c\n1,2\n1,2,3,4\n", &rows);
	ck_assert_uint_eq(rows.count[1], 2);
	ck_assert_uint_eq(rows.count[2], 4);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

/* ---- columns ---- */

static const char *const id_aliases[] = { "楼栋编号", "楼栋号", NULL };
static const char *const grid_aliases[] = { "网格编号", "网格", NULL };
static const char *const name_aliases[] = { "名称", NULL };
static const struct column columns[] = {
	{ "building_id", id_aliases, true, true },
	{ "grid_id", grid_aliases, true, true },
	{ "name", name_aliases, false, false },
};

static bool match(const char *text, int *idx, struct rows *rows)
{
	struct table_record header;

	read_text(text, rows);
	ck_assert_uint_ge(rows->n, 1);
	header.fields = (const char **)rows->field[0];
	header.count = rows->count[0];
	header.line = rows->line[0];
	return columns_match(&header, columns, 3, idx, last_label);
}

START_TEST(columns_aliases)
{
	struct rows rows;
	int idx[3];

	ck_assert(match("备注,楼栋号,网格\n", idx, &rows));
	ck_assert_int_eq(idx[0], 1);
	ck_assert_int_eq(idx[1], 2);
	ck_assert_int_eq(idx[2], -1);
	rows_free(&rows);
	ck_assert(match(" Name ,GRID_ID,Building_Id\n", idx, &rows));
	ck_assert_int_eq(idx[0], 2);
	ck_assert_int_eq(idx[1], 1);
	ck_assert_int_eq(idx[2], 0);
	rows_free(&rows);
	ck_assert(match("\xef\xbb\xbf楼栋编号,网格编号,名称\n", idx, &rows));
	ck_assert_int_eq(idx[0], 0);
	ck_assert_int_eq(idx[2], 2);
	ck_assert_uint_eq(ndiags(), 0);
	rows_free(&rows);
}
END_TEST

START_TEST(columns_duplicate)
{
	struct rows rows;
	int idx[3];

	ck_assert(!match("\nbuilding_id,grid_id,楼栋编号\n", idx, &rows));
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 1);
	expect_diag(0, 2, "duplicate-column");
	rows_free(&rows);
}
END_TEST

START_TEST(columns_missing)
{
	struct rows rows;
	int idx[3];

	ck_assert(!match("名称,楼栋\n", idx, &rows));
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 2);
	expect_diag(0, 1, "missing-column");
	expect_diag(1, 1, "missing-column");
	rows_free(&rows);
}
END_TEST

/* Every record of a read and every diagnostic, as one text, to compare two ways of reading. */
struct fingerprint {
	char *text;
	size_t len;
	FILE *fp;
};

static void fingerprint_record(void *ctx, const struct table_record *rec)
{
	struct fingerprint *f = ctx;

	fprintf(f->fp, "%ld:%zu", rec->line, rec->count);
	for (size_t i = 0; i < rec->count; i++)
		fprintf(f->fp, "\x1f%s", rec->fields[i]);
	fputc('\n', f->fp);
}

/* Reads path with or without the plain-line fast path; the caller frees the text. */
static char *fingerprint(const char *path, char delimiter, bool libcsv_only)
{
	struct fingerprint f = { 0 };
	struct read_opts opts = { .delimiter = delimiter, .libcsv_only = libcsv_only };
	struct table_source src = { .path = path };
	const struct diag *d;
	size_t n;

	diag_reset();
	f.fp = open_memstream(&f.text, &f.len);
	ck_assert_ptr_nonnull(f.fp);
	fprintf(f.fp, "rc %ld\n", table_read(&src, &opts, fingerprint_record, &f));
	d = diag_sorted(&n);
	for (size_t i = 0; i < n; i++)
		fprintf(f.fp, "%ld %s %s\n", d[i].line, diag_name(d[i].code), d[i].message);
	fclose(f.fp);
	free(src.label);
	diag_reset();
	return f.text;
}

/* Asserts that the fast path and libcsv give the same records and diagnostics for path. */
static void same_records(const char *path)
{
	static const char delimiters[] = { 0, ',', '\t', ';' };

	for (size_t i = 0; i < sizeof(delimiters); i++) {
		char *fast = fingerprint(path, delimiters[i], false);
		char *slow = fingerprint(path, delimiters[i], true);

		ck_assert_msg(strcmp(fast, slow) == 0, "%s (delimiter %d): fast path\n%s\nlibcsv\n%s",
		    path, delimiters[i], fast, slow);
		free(fast);
		free(slow);
	}
}

START_TEST(fast_path_corpora)
{
	/* Every test corpus: the fuzzers' seeds, the examples and every CSV of the CLI cases. */
	static const char *const patterns[] = { "test/fuzz/corpus/*/*", "examples/*/*.csv",
		"test/cli/*/*/*.csv", "test/cli/*/*/*/*.csv" };
	size_t files = 0;

	for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++) {
		glob_t g;

		if (glob(patterns[p], 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++, files++)
			same_records(g.gl_pathv[i]);
		globfree(&g);
	}
	ck_assert_uint_gt(files, 200);	/* run from the source tree, as make check does */
}
END_TEST

START_TEST(fast_path_corners)
{
	/* Lines a direct split could get wrong: each must read as libcsv reads it. */
	static const char *const texts[] = {
		"a,b,c\n1, 2 ,3\n",
		"a,b\r\n1,2\r\n3,4",
		"a,b\n1\r2,3\n4,5\r",
		"a,b\n\t1\t, \xe3\x80\x80 2\xe3\x80\x80\n",
		"a\tb\n 1 \t 2 \n",
		"a;b\n1;2;3\n;\n",
		"a,b\n\n   \n,\n1,\"2\n3\",4\n5,6\n",
		"a,b\n1,2\"x\n3,4\n",
		"a,b\n1,\"2\"x\n3,4\n",
		",,\n1,2,3\n",
		"a,b\n1,2\n3",
		"a,b\n\"1\",2\n3,\"4\"\n",
		"a\tb\n\t\t\n1\t2\n",
		"a,b\n \t1,2\n\t,\n 3 ,4\r",
		"a,b\n1,2\r\r\n3,4\r\n",
		"a,b\n1,2\n\n\n3,4",
		"a;b\n1;x\"y\n2;3\n",
		"a,b\n\xe3\x80\x80,\xe3\x80\x80\n1,2\v\n",
	};
	char *big = malloc(70 * 1024 + 16);

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		scratch_write_text("corner.csv", texts[i]);
		same_records(scratch_path("corner.csv"));
	}
	ck_assert_ptr_nonnull(big);
	strcpy(big, "a,b\n1,");
	memset(big + 6, 'x', 70 * 1024);
	strcpy(big + 6 + 70 * 1024, "\n2,3\n");
	scratch_write_text("corner.csv", big);
	same_records(scratch_path("corner.csv"));
	/* Lines around the caps: FIELD_MAX bytes with and without their LF, FIELDS_MAX fields and one more. */
	for (size_t len = 64 * 1024 - 2; len <= 64 * 1024 + 1; len++) {
		strcpy(big, "a,b\n1,");
		memset(big + 6, 'x', len - 6);
		strcpy(big + len, "\n2,3\n");
		scratch_write_text("corner.csv", big);
		same_records(scratch_path("corner.csv"));
	}
	for (size_t fields = 16383; fields <= 16385; fields++) {
		strcpy(big, "a,b\n");
		memset(big + 4, ',', fields - 1);
		strcpy(big + 4 + fields - 1, "x\n2,3\n");
		scratch_write_text("corner.csv", big);
		same_records(scratch_path("corner.csv"));
	}
	free(big);
}
END_TEST

/* A file of a few megabytes, read past the points where its pages are let go, reads whole and as libcsv reads it. */
START_TEST(fast_path_big_file)
{
	size_t size = 2 * 1024 * 1024 + 4096, len = 0;
	char *text = malloc(size + 64);
	char *fast, *slow;
	long n;

	ck_assert_ptr_nonnull(text);
	len += (size_t)sprintf(text, "household_id,building_id,head\n");
	for (n = 0; len < size; n++)
		len += (size_t)sprintf(text + len, n % 97 ? "H%07ld,B%ld,王芳\n" : "H%07ld,\"B\n%ld\",\"王\"\"芳\"\n",
		    n, n % 13);
	scratch_write_text("big.csv", text);
	fast = fingerprint(scratch_path("big.csv"), 0, false);
	slow = fingerprint(scratch_path("big.csv"), 0, true);
	ck_assert(strcmp(fast, slow) == 0);
	sprintf(text, "\nrc %ld\n", n);	/* every record after the header */
	ck_assert_ptr_nonnull(strstr(fast, text));
	free(fast);
	free(slow);
	free(text);
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *enc = tcase_create("encodings"), *delim = tcase_create("delimiters");
	TCase *quote = tcase_create("quoting"), *val = tcase_create("values");
	TCase *col = tcase_create("columns");

	tcase_add_checked_fixture(enc, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(enc, utf8_without_bom);
	tcase_add_test(enc, utf8_with_bom);
	tcase_add_test(enc, utf8_bom_forced);
	tcase_add_test(enc, utf16le_bom_tabs);
	tcase_add_test(enc, utf16be_bom_tabs);
	tcase_add_test(enc, utf16_forced_without_bom);
	tcase_add_test(enc, utf16_forced_big_endian_bom);
	tcase_add_test(enc, utf16_lone_surrogate);
	tcase_add_test(enc, utf16_odd_length);
	tcase_add_test(enc, gb18030_auto);
	tcase_add_test(enc, gb18030_forced);
	tcase_add_test(enc, gb18030_invalid_byte);
	tcase_add_test(enc, utf8_forced_invalid);
	tcase_add_test(enc, utf8_invalid_one_error_per_line);
	tcase_add_test(enc, nul_byte);
	tcase_add_test(enc, empty_file);
	tcase_add_test(enc, unreadable);
	tcase_add_test(enc, encoding_names);
	suite_add_tcase(s, enc);

	tcase_add_checked_fixture(delim, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(delim, delimiter_comma);
	tcase_add_test(delim, delimiter_tab);
	tcase_add_test(delim, delimiter_semicolon);
	tcase_add_test(delim, delimiter_forced);
	tcase_add_test(delim, crlf);
	suite_add_tcase(s, delim);

	tcase_add_checked_fixture(quote, scratch_fresh_diag, scratch_fresh_diag);
	/* The fast path against libcsv reads every corpus eight times: minutes of wall clock under sanitizers on a busy machine. */
	tcase_set_timeout(quote, 120);
	tcase_add_test(quote, quoted_fields);
	tcase_add_test(quote, start_line_after_multiline_field);
	tcase_add_test(quote, header_after_blank_lines);
	tcase_add_test(quote, stray_quote);
	tcase_add_test(quote, text_after_closing_quote);
	tcase_add_test(quote, stray_quote_after_multiline_field);
	tcase_add_test(quote, unterminated_quote);
	tcase_add_test(quote, oversized_field);
	tcase_add_test(quote, fast_path_corners);
	tcase_add_test(quote, fast_path_corpora);
	tcase_add_test(quote, fast_path_big_file);
	suite_add_tcase(s, quote);

	tcase_add_checked_fixture(val, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(val, trimming);
	tcase_add_test(val, leading_zeros);
	tcase_add_test(val, no_final_newline);
	tcase_add_test(val, field_counts_kept);
	suite_add_tcase(s, val);

	tcase_add_checked_fixture(col, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(col, columns_aliases);
	tcase_add_test(col, columns_duplicate);
	tcase_add_test(col, columns_missing);
	suite_add_tcase(s, col);
	return s;
}

int main(void)
{
	return scratch_main(table_suite());
}

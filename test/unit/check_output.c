/* check_output: outputs are written whole, in a private folder nobody else can redirect. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/output.h"
#include "lianhu/xlsx_out.h"
#include "scratch.h"

/* The name of the private folder output_open made in the scratch folder. */
static void private_folder(char *name, size_t size)
{
	DIR *dir = opendir(scratch_dir);
	struct dirent *e;

	ck_assert_ptr_nonnull(dir);
	name[0] = '\0';
	while ((e = readdir(dir)) != NULL)
		if (strncmp(e->d_name, ".lianhu-", 8) == 0)
			snprintf(name, size, "%.63s", e->d_name);
	closedir(dir);
	ck_assert_msg(name[0] != '\0', "no private folder beside the output");
}

/*
 * Another user of a shared folder swaps the private folder for one of theirs
 * whose file is a link to a victim: the workbook still reaches the output,
 * and the victim is untouched (libxlsxwriter opens the file by descriptor).
 */
START_TEST(workbook_swap)
{
	static const struct xlsx_col cols[] = { { "id", 10, XLSX_TEXT } };
	char name[256], swapped[600], moved[600], link[700];
	struct output o;
	struct xlsx_book *b;
	const char *book;
	FILE *fp;
	char head[4] = "";

	scratch_write_text("victim", "precious\n");
	ck_assert_int_eq(output_open(&o, scratch_path("report.xlsx"), NULL), 0);
	book = output_workbook_path(&o);
	ck_assert_ptr_nonnull(book);
	private_folder(name, sizeof(name));
	snprintf(swapped, sizeof(swapped), "%s", scratch_path(name));
	snprintf(moved, sizeof(moved), "%s", scratch_path("moved"));
	ck_assert_int_eq(rename(swapped, moved), 0);
	ck_assert_int_eq(mkdir(swapped, 0777), 0);
	snprintf(link, sizeof(link), "%s/part", swapped);
	ck_assert_int_eq(symlink(scratch_path("victim"), link), 0);

	b = xlsx_open(book, "report.xlsx");
	ck_assert_ptr_nonnull(b);
	xlsx_sheet(b, "s", cols, 1, 1);
	xlsx_text(b, 0, 0, "h1");
	ck_assert_int_eq(xlsx_close(b), 0);
	ck_assert_int_eq(output_commit(&o), 0);

	fp = fopen(scratch_path("victim"), "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(fgets(head, sizeof(head), fp));
	fclose(fp);
	ck_assert_str_eq(head, "pre");
	fp = fopen(scratch_path("report.xlsx"), "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fread(head, 1, 2, fp), 2);
	fclose(fp);
	ck_assert_int_eq(memcmp(head, "PK", 2), 0);
	unlink(link);
	rmdir(swapped);
	rmdir(moved);
}
END_TEST

/* Two outputs are one file by inode, or by name and folder when they do not exist yet. */
START_TEST(distinct)
{
	char a[600], b[600];
	const char *paths[2] = { a, b };
	int saved = scratch_quiet_stderr();

	snprintf(a, sizeof(a), "%s", scratch_path("absent.csv"));
	snprintf(b, sizeof(b), "%s/./absent.csv", scratch_dir);
	ck_assert_int_eq(output_check_distinct(paths, 2), -1);
	snprintf(b, sizeof(b), "%s", scratch_path("other.csv"));
	ck_assert_int_eq(output_check_distinct(paths, 2), 0);
	scratch_write_text("absent.csv", "x\n");
	ck_assert_int_eq(symlink(a, b), 0);
	ck_assert_int_eq(output_check_distinct(paths, 2), -1);
	scratch_restore_stderr(saved);
}
END_TEST

/* Writes n bytes of rows to a pipe through output_open(path) and returns what reached the pipe before commit. */
static ssize_t before_commit(const char *path, int reader, size_t n)
{
	struct output o;
	char buf[4096];
	ssize_t got = 0, k;

	ck_assert_int_eq(output_open(&o, path, NULL), 0);
	for (size_t i = 0; i < n; i += 32)
		fputs("0101001,DY001,0101,01,G1,demo12\n", o.fp);	/* 32 bytes */
	while ((k = read(reader, buf, sizeof(buf))) > 0)
		got += k;
	ck_assert(k == -1 && errno == EAGAIN);
	ck_assert_int_eq(output_commit(&o), 0);
	return got;
}

/* A pipe (or /dev/null) is written in large chunks, not a page at a time. */
START_TEST(pipe_buffered)
{
	int p[2];
	char path[64], buf[4096];
	ssize_t after = 0, k;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
	snprintf(path, sizeof(path), "/dev/fd/%d", p[1]);
	ck_assert_int_eq(before_commit(path, p[0], 32768), 0);
	while ((k = read(p[0], buf, sizeof(buf))) > 0)
		after += k;
	ck_assert_int_eq(after, 32768);
	close(p[0]);
	close(p[1]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("files");

	tcase_add_test(tc, workbook_swap);
	tcase_add_test(tc, distinct);
	tcase_add_test(tc, pipe_buffered);
	suite_add_tcase(s, tc);
	return scratch_main(s);
}

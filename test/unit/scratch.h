/* scratch: a Check suite's private temporary folder, the files tests write into it, and its main. */
#ifndef LIANHU_TEST_SCRATCH_H
#define LIANHU_TEST_SCRATCH_H

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lianhu/diag.h"
#include "lianhu/mapping.h"
#include "lianhu/roster.h"

static char scratch_dir[] = "/tmp/lianhu-check.XXXXXX";

/* A path in the scratch folder; the buffer is static, valid until the next call. */
static inline const char *scratch_path(const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s", scratch_dir, name);
	return path;
}

/* Writes len bytes as the scratch file name. */
static inline void scratch_write(const char *name, const void *data, size_t len)
{
	const char *path = scratch_path(name);
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot write %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Writes text as the scratch file name. */
static inline void scratch_write_text(const char *name, const char *text)
{
	scratch_write(name, text, strlen(text));
}

/* A checked fixture (setup and teardown alike): every test starts and ends with no diagnostics. */
static inline void scratch_fresh_diag(void)
{
	diag_reset();
}

/* Silences stderr around a call that is expected to print an operational message; returns the saved fd. */
static inline int scratch_quiet_stderr(void)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(null, 0);
	fflush(stderr);
	dup2(null, 2);
	close(null);
	return saved;
}

/* Gives stderr back after scratch_quiet_stderr. */
static inline void scratch_restore_stderr(int saved)
{
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

/* Writes the three roster files into the scratch folder and loads them into r: no errors allowed. */
static inline void scratch_roster(struct roster *r, const char *buildings, const char *households,
    const char *members)
{
	struct roster_paths paths = { .dir = scratch_dir };
	struct read_opts opts = { 0 };

	scratch_write_text("buildings.csv", buildings);
	scratch_write_text("households.csv", households);
	scratch_write_text("members.csv", members);
	roster_init(r);
	ck_assert_int_eq(roster_load(r, &paths, &opts), 0);
	ck_assert_uint_eq(diag_count(DIAG_ERROR), 0);
}

/*
 * A mapping held in memory: pairs is household, member, household, member ...
 * ending in NULL; row i has line i + 2 as if read from a file. Release with
 * mapping_release (the strings are the caller's).
 */
static inline void scratch_mapping(struct mapping *map, const char *const *pairs)
{
	memset(map, 0, sizeof(*map));
	map->pool = pool_new();
	for (; pairs[0] != NULL; pairs += 2) {
		GROW(map->rows, map->rows_alloc, map->nrows + 1);
		map->rows[map->nrows] = (struct mapping_row){ pairs[0], pairs[1], "", (long)map->nrows + 2 };
		map->nrows++;
	}
}

/* Runs the suite in a fresh scratch folder, removes the folder, and returns the exit status. */
static inline int scratch_main(Suite *suite)
{
	SRunner *sr;
	DIR *dir;
	struct dirent *e;
	int failed;

	if (mkdtemp(scratch_dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	sr = srunner_create(suite);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if ((dir = opendir(scratch_dir)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				unlink(scratch_path(e->d_name));
		closedir(dir);
	}
	rmdir(scratch_dir);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif

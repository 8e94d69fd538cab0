/* output: files written whole or not at all (temporary file, then rename), never over an input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/output.h"
#include "lianhu/util.h"

#include <stdbool.h>

static bool is_stdout(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0;
}

static mode_t current_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

/* True when path names the same file as one of inputs. */
static bool clashes(const char *path, const char *const *inputs)
{
	struct stat out, in;

	if (inputs == NULL || stat(path, &out) != 0)
		return false;
	for (; *inputs; inputs++)
		if (strcmp(*inputs, "-") != 0 && stat(*inputs, &in) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return true;
	return false;
}

/* Opens path for writing ("-" or NULL: standard output), refusing to write over an input. */
int output_open(struct output *o, const char *path, const char *const *inputs)
{
	int fd;

	memset(o, 0, sizeof(*o));
	o->path = path;
	if (is_stdout(path)) {
		o->fp = stdout;
		return 0;
	}
	if (clashes(path, inputs)) {
		fprintf(stderr, "lianhu: refusing to write '%s': it is an input of this run\n", path);
		return -1;
	}
	o->tmp = xmalloc(strlen(path) + 16);
	sprintf(o->tmp, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(o->tmp)) < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "lianhu: cannot write '%s': %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	fchmod(fd, 0666 & ~current_umask());
	return 0;
}

/* Finishes the file: flush, close, rename into place. Returns -1 after a message (the old file stays). */
int output_commit(struct output *o)
{
	int failed;

	if (o->fp == stdout) {
		o->fp = NULL;
		if (fflush(stdout) == 0 && !ferror(stdout))
			return 0;
		fprintf(stderr, "lianhu: cannot write standard output: %s\n", strerror(errno));
		return -1;
	}
	failed = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
	failed = (fclose(o->fp) != 0) | failed;
	o->fp = NULL;
	if (failed || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "lianhu: cannot write '%s': %s\n", o->path, strerror(errno));
		output_abort(o);
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

/* Throws the temporary file away; the old file stays. Accepts an output never opened. */
void output_abort(struct output *o)
{
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}

/* output: files written whole or not at all (temporary file, then rename), never over an input. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/i18n.h"
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
		fprintf(stderr, _("lianhu: refusing to write '%s': it is an input of this run\n"), path);
		return -1;
	}
	o->tmp = xmalloc(strlen(path) + 16);
	sprintf(o->tmp, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(o->tmp)) < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	fchmod(fd, 0666 & ~current_umask());
	setvbuf(o->fp, NULL, _IOFBF, 1 << 18);	/* fewer write(2) calls for big mappings */
	return 0;
}

/* Applies --excel and --output-encoding to an open output; call before writing. */
void output_configure(struct output *o, const struct out_opts *opts)
{
	o->excel = opts->excel;
	o->bom_pending = opts->excel && !opts->gb18030;
	if (opts->gb18030) {
		o->dest = o->fp;
		o->fp = open_memstream(&o->mem, &o->memlen);
		if (o->fp == NULL) {
			fprintf(stderr, _("lianhu: out of memory\n"));
			exit(2);
		}
	}
}

/* True when a spreadsheet would take the cell for a formula (OWASP's CSV-injection rule). */
static bool formula_like(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

/* Writes one CSV field, quoted only when it must be; under --excel formulas are neutralised. */
void csv_field(struct output *o, const char *s)
{
	bool quote, neutralise = o->excel && formula_like(s);
	size_t len = strlen(s);

	if (o->bom_pending)
		fputs_unlocked("\xef\xbb\xbf", o->fp);
	o->bom_pending = false;
	if (o->row_started)
		putc_unlocked(',', o->fp);
	o->row_started = true;
	quote = strcspn(s, ",\"\n\r") < len || (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
	if (neutralise)
		o->neutralised++;
	if (!quote && !neutralise) {
		fwrite_unlocked(s, 1, len, o->fp);
		return;
	}
	if (quote)
		putc_unlocked('"', o->fp);
	if (neutralise)
		putc_unlocked('\'', o->fp);
	for (; *s; s++) {
		if (*s == '"')
			putc_unlocked('"', o->fp);
		putc_unlocked(*s, o->fp);
	}
	if (quote)
		putc_unlocked('"', o->fp);
}

/* Ends a CSV row: LF, or CRLF under --excel. */
void csv_row_end(struct output *o)
{
	if (o->excel)
		putc_unlocked('\r', o->fp);
	putc_unlocked('\n', o->fp);
	o->row_started = false;
}

/* Converts the UTF-8 text gathered under --output-encoding into GB18030 on its destination. */
static int convert_out(struct output *o)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char buf[65536], *in = o->mem;
	size_t left = o->memlen;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	while (left > 0 && rc == 0) {
		char *out = buf;
		size_t room = sizeof(buf);

		if (iconv(cd, &in, &left, &out, &room) == (size_t)-1 && errno != E2BIG)
			rc = -1;	/* GB18030 covers Unicode: only bad UTF-8 gets here */
		if (fwrite(buf, 1, sizeof(buf) - room, o->fp) != sizeof(buf) - room)
			rc = -1;
	}
	iconv_close(cd);
	return rc;
}

/* Finishes the file: flush, close, rename into place. Returns -1 after a message (the old file stays). */
int output_commit(struct output *o)
{
	int failed;

	if (o->neutralised > 0)
		fprintf(stderr, ngettext("lianhu: %ld cell that a spreadsheet would take for a formula "
		    "got a leading '\n", "lianhu: %ld cells that a spreadsheet would take for a formula "
		    "got a leading '\n", (unsigned long)o->neutralised), o->neutralised);
	if (o->dest) {
		failed = fclose(o->fp) != 0;
		o->fp = o->dest;
		o->dest = NULL;
		if (failed || convert_out(o) < 0) {
			fprintf(stderr, _("lianhu: cannot convert the output to GB18030\n"));
			free(o->mem);
			o->mem = NULL;
			output_abort(o);
			return -1;
		}
		free(o->mem);
		o->mem = NULL;
	}
	if (o->fp == stdout) {
		o->fp = NULL;
		if (fflush(stdout) == 0 && !ferror(stdout))
			return 0;
		fprintf(stderr, _("lianhu: cannot write standard output: %s\n"), strerror(errno));
		return -1;
	}
	failed = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
	failed = (fclose(o->fp) != 0) | failed;
	o->fp = NULL;
	if (failed || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path, strerror(errno));
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
	if (o->dest) {	/* the memory stream of --output-encoding */
		fclose(o->fp);
		free(o->mem);
		o->mem = NULL;
		o->fp = o->dest;
		o->dest = NULL;
	}
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}

/* Prints root as formatted JSON and a newline, then deletes it; out of memory exits like xmalloc. */
void json_write(FILE *fp, cJSON *root)
{
	char *text = cJSON_Print(root);

	cJSON_Delete(root);
	if (text == NULL) {
		fprintf(stderr, _("lianhu: out of memory\n"));
		exit(2);
	}
	fprintf(fp, "%s\n", text);
	free(text);
}

/* diag: the one sink for problems found in the user's data (the program's only mutable global). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/util.h"

static struct {
	struct diag *items;
	size_t count, alloc;
	size_t errors, warnings;
	const char **files;	/* files in order of first report */
	size_t nfiles, files_alloc;
	int sorted;
} sink;

static size_t file_rank(const char *file)
{
	for (size_t i = 0; i < sink.nfiles; i++)
		if (sink.files[i] == file || strcmp(sink.files[i], file) == 0)
			return i;
	return sink.nfiles;
}

void diag_file(const char *file)
{
	if (file_rank(file) == sink.nfiles) {
		GROW(sink.files, sink.files_alloc, sink.nfiles + 1);
		sink.files[sink.nfiles++] = file;
	}
}

static void record(enum diag_severity severity, const char *file, long line,
    const char *code, const char *fmt, va_list ap)
{
	struct diag *d;
	va_list copy;
	int len;

	diag_file(file);
	GROW(sink.items, sink.alloc, sink.count + 1);
	d = &sink.items[sink.count];
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	d->message = xmalloc((size_t)len + 1);
	vsnprintf(d->message, (size_t)len + 1, fmt, ap);
	d->file = file;
	d->line = line;
	d->severity = severity;
	d->code = code;
	d->seq = sink.count++;
	sink.sorted = 0;
	if (severity == DIAG_ERROR)
		sink.errors++;
	else
		sink.warnings++;
}

void diag_error(const char *file, long line, const char *code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(DIAG_ERROR, file, line, code, fmt, ap);
	va_end(ap);
}

void diag_warning(const char *file, long line, const char *code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(DIAG_WARNING, file, line, code, fmt, ap);
	va_end(ap);
}

size_t diag_count(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? sink.errors : sink.warnings;
}

static int compare(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	size_t fx = file_rank(x->file), fy = file_rank(y->file);

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const struct diag *diag_sorted(size_t *n)
{
	if (!sink.sorted && sink.count > 1)
		qsort(sink.items, sink.count, sizeof(*sink.items), compare);
	sink.sorted = 1;
	*n = sink.count;
	return sink.items;
}

void diag_print(FILE *out)
{
	size_t n;
	const struct diag *d = diag_sorted(&n);

	for (size_t i = 0; i < n; i++) {
		fput_visible(d[i].file, out);
		fprintf(out, ":%ld: %s: ", d[i].line, d[i].severity == DIAG_ERROR ? _("error") :
		    _("warning"));
		fput_visible(d[i].message, out);	/* values from the roster: no raw ESC or line break */
		fprintf(out, " [%s]\n", d[i].code);
	}
}

void diag_reset(void)
{
	for (size_t i = 0; i < sink.count; i++)
		free(sink.items[i].message);
	free(sink.items);
	free(sink.files);
	memset(&sink, 0, sizeof(sink));
}

/* output: files written whole or not at all, never over an input. */
#ifndef LIANHU_OUTPUT_H
#define LIANHU_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/* How output is written: --excel, --output-encoding, --mask. */
struct out_opts {
	bool excel;		/* CSV for spreadsheets: BOM, CRLF, formulas neutralised */
	bool gb18030;		/* the whole output in GB18030 instead of UTF-8 */
	bool mask;		/* phone numbers and names masked (renderers ask) */
};

struct pending;

struct output {
	const char *path;	/* NULL, "-" or "/dev/stdout": standard output */
	struct pending *tmp;	/* the private folder beside path whose file is renamed on commit */
	char *target;		/* the name it takes there */
	FILE *fp;		/* where to write */
	char *buffer;		/* fp's buffer, freed once fp is closed */
	FILE *stage;		/* a workbook bound for a special file, copied in at commit */
	char book[32];		/* the name libxlsxwriter opens: /proc/self/fd/N */
	FILE *dest;		/* under --output-encoding: where the converted text goes */
	char *mem;		/* under --output-encoding: the UTF-8 text so far */
	size_t memlen;
	bool excel, bom_pending, row_started;
	long neutralised;	/* cells given a leading ' under --excel */
};

/*
 * Opens path for writing ("-", "/dev/stdout" or NULL: standard output). inputs
 * is a NULL-terminated list of files this run reads ("-": standard input);
 * writing over one of them, under any name, is refused. A regular file is
 * written beside its place and renamed there at commit, keeping the old
 * file's mode; a device, FIFO or terminal is written in place. Returns -1
 * after a message.
 */
int output_open(struct output *o, const char *path, const char *const *inputs);

/* True when writing to path writes standard output: NULL, "-", /dev/stdout, or the file fd 1 is on. */
bool output_is_stdout(const char *path);

/*
 * Refuses two of the n output paths (NULL: standard output) that name one
 * file, before anything is written; -1 after a message.
 */
int output_check_distinct(const char *const *paths, size_t n);

/*
 * A name libxlsxwriter may open for the workbook of o: its own file by
 * descriptor, which only this process can reach; NULL after a message.
 */
const char *output_workbook_path(struct output *o);

/* Applies --excel and --output-encoding to an open output; call before writing. */
void output_configure(struct output *o, const struct out_opts *opts);

/* Writes one CSV field (comma-separated), quoted only when it must be; under --excel formulas are neutralised. */
void csv_field(struct output *o, const char *s);

/* True when csv_field writes s (of length len) as it is under any option: no quotes, nothing to neutralise. */
bool csv_is_plain(const char *s, size_t len);

/*
 * Writes a field csv_is_plain said yes to (of length len) without looking at
 * it again, for fields written many times.
 */
void csv_field_plain(struct output *o, const char *s, size_t len);

/* Ends a CSV row: LF, or CRLF under --excel. */
void csv_row_end(struct output *o);

struct cJSON;

/* Prints root as formatted JSON and a newline, then deletes it; out of memory exits like xmalloc. */
void json_write(FILE *fp, struct cJSON *root);

/* Finishes the file: flush, close, rename into place. Returns -1 after a message (the old file stays). */
int output_commit(struct output *o);

/* Throws the temporary file away; the old file stays. Accepts an output never opened. */
void output_abort(struct output *o);

#endif

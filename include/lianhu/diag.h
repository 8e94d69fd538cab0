/* diag: the one sink for problems found in the user's data. */
#ifndef LIANHU_DIAG_H
#define LIANHU_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
	const char *file;	/* as the user named it; not owned */
	long line;		/* physical line, 1-based; 0 for the whole file */
	enum diag_severity severity;
	const char *code;	/* a code of SPEC §4, static */
	char *message;		/* owned by the sink */
	size_t seq;		/* order of report */
};

/* Records an error; file must outlive the sink (diag_reset). */
void diag_error(const char *file, long line, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Records a warning. */
void diag_warning(const char *file, long line, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Registers a file so that its diagnostics sort in the order files are read. */
void diag_file(const char *file);

/* Number of diagnostics of a severity recorded so far. */
size_t diag_count(enum diag_severity severity);

/* The diagnostics sorted by file (in order of first report), line and order of report; *n gets the count. */
const struct diag *diag_sorted(size_t *n);

/*
 * Prints the sorted diagnostics as FILE:LINE: severity: message [code]
 * (severity translated, control characters escaped).
 */
void diag_print(FILE *out);

/* Forgets every diagnostic. */
void diag_reset(void);

#endif

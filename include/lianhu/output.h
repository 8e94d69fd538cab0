/* output: files written whole or not at all, never over an input. */
#ifndef LIANHU_OUTPUT_H
#define LIANHU_OUTPUT_H

#include <stdio.h>

struct output {
	const char *path;	/* NULL or "-": standard output */
	char *tmp;		/* the temporary file beside path, renamed on commit */
	FILE *fp;		/* where to write */
};

/*
 * Opens path for writing ("-" or NULL: standard output). inputs is a
 * NULL-terminated list of files this run reads; writing over one of them,
 * under any name, is refused. Returns -1 after a message.
 */
int output_open(struct output *o, const char *path, const char *const *inputs);

/* Finishes the file: flush, close, rename into place. Returns -1 after a message (the old file stays). */
int output_commit(struct output *o);

/* Throws the temporary file away; the old file stays. Accepts an output never opened. */
void output_abort(struct output *o);

#endif

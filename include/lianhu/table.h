/* table: reads one delimited text file (any supported encoding) record by record, with physical line numbers. */
#ifndef LIANHU_TABLE_H
#define LIANHU_TABLE_H

#include <stdbool.h>
#include <stddef.h>

enum encoding { ENC_AUTO, ENC_UTF8, ENC_GB18030, ENC_UTF16 };

struct read_opts {
	enum encoding encoding;
	char delimiter;		/* 0: detect from the header line */
};

/* One record: trimmed NUL-terminated fields, valid only during the callback. */
struct table_record {
	const char **fields;
	size_t count;
	long line;		/* physical line where the record starts */
};

/* Called for every record, the header (line 1 unless blank lines precede it) first. */
typedef void (*table_row_fn)(void *ctx, const struct table_record *rec);

/* Parses an --encoding value; returns false when unknown. */
bool encoding_parse(const char *name, enum encoding *out);

/*
 * Reads path ("-" is standard input) and calls fn for each non-blank record.
 * Problems in the data go to diag under the name label; returns -1 with a
 * message on stderr when the file cannot be read at all, TABLE_HEADER_LOST
 * when its first record has a csv-syntax error (then no later record is
 * passed on: its columns could not be known), else the number of records
 * after the header.
 */
#define TABLE_HEADER_LOST (-2)
long table_read(const char *path, const char *label, const struct read_opts *opts,
    table_row_fn fn, void *ctx);

/* Reads path whole and decodes it as table_read does; 0, or -1 after a message. *text is the caller's to free. */
int table_text(const char *path, const char *label, enum encoding enc, char **text);

/* A column a reader knows: its English name, Chinese aliases (NULL-terminated) and whether it must be there. */
struct column {
	const char *name;
	const char *const *aliases;
	bool required;
};

/*
 * Maps the header's fields to columns (idx[c] = field index or -1), reporting
 * duplicate-column and missing required columns at the header's line.
 * Returns false when a required column or a column's twin is wrong.
 */
bool columns_match(const struct table_record *header, const struct column *cols,
    size_t ncols, int *idx, const char *label);

#endif

/* table: reads one delimited text file (any supported encoding) record by record, with physical line numbers. */
#ifndef LIANHU_TABLE_H
#define LIANHU_TABLE_H

#include <stdbool.h>
#include <stddef.h>

enum encoding { ENC_AUTO, ENC_UTF8, ENC_GB18030, ENC_UTF16 };

struct read_opts {
	enum encoding encoding;
	char delimiter;		/* 0: detect from the header line */
	bool libcsv_only;	/* tests: every line through libcsv, no fast path for plain lines */
};

/* One record: trimmed NUL-terminated fields, valid only during the callback. */
struct table_record {
	const char **fields;
	size_t count;
	long line;		/* physical line where the record starts; a workbook's row number */
	const char *file;	/* the name its diagnostics give: FILE, or FILE[SHEET] in a workbook */
};

/* Called for every record, the header first (rows above it, such as a title, are not passed). */
typedef void (*table_row_fn)(void *ctx, const struct table_record *rec);

/* Parses an --encoding value; returns false when unknown. */
bool encoding_parse(const char *name, enum encoding *out);

/*
 * A column a reader knows: its English name, Chinese aliases (NULL-terminated),
 * whether it must be there, and whether it holds IDs (in a workbook, an ID
 * stored as a number is reported: Excel drops its leading zeros).
 */
struct column {
	const char *name;
	const char *const *aliases;
	bool required;
	bool id;
};

/* How many rows from the top may hold the header (title rows above it are skipped). */
#define TABLE_HEADER_ROWS 10

/* What a reader asks of a file: where it is, its columns and, in a workbook, its sheet. */
struct table_source {
	const char *path;		/* "-": standard input */
	/*
	 * The header is the first of the first TABLE_HEADER_ROWS rows whose cells
	 * hold the required columns (else the first row); NULL: the first row.
	 */
	const struct column *columns;
	size_t ncolumns;
	/* A header cell as the reader will take it (the office's own names: lianhu.ini); NULL: as written. */
	const char *(*rename)(const void *ctx, const char *header);
	const void *rename_ctx;
	const char *const *sheets;	/* a workbook's sheet names for this table, NULL-terminated */
	const char *const *others;	/* sheet names of other tables, never taken for this one */
	bool sheet_needed;	/* a workbook without its sheet is an error (-d book.xlsx) */
	char *label;		/* set by table_read: FILE or FILE[SHEET]; the caller frees it */
	/* Set by table_read before the first row: a text file's lines but empty ones (about its records at most), else 0. */
	long lines;
};

/* What table_read returns when the header record is lost to a csv-syntax error. */
#define TABLE_HEADER_LOST (-2)

/*
 * Reads src->path, a delimited text file or a workbook (.xlsx, .xls: the
 * content decides), and calls fn for each non-blank record, the header
 * first. Problems in the data go to diag under src->label; returns -1 with a
 * message on stderr when the file cannot be read at all (a workbook that is
 * damaged, encrypted or lacks the sheet), TABLE_HEADER_LOST when its first
 * record has a csv-syntax error (then no later record is passed on: its
 * columns could not be known), else the number of records after the header.
 */
long table_read(struct table_source *src, const struct read_opts *opts, table_row_fn fn,
    void *ctx);

/*
 * Reads path whole and decodes it as table_read does; 0, or -1 after a
 * message. *text (NUL-terminated) is the caller's to free.
 */
int table_text(const char *path, const char *label, enum encoding enc, char **text);

/*
 * The file of a table in a roster folder: DIR/NAME.csv, .xlsx or .xls, the
 * one that exists (DIR/NAME.csv when none does); *in_workbook is set when
 * dir is itself a workbook (then the path is dir). Returns a malloc'd path,
 * or NULL after a message when two of them exist.
 */
char *table_locate(const char *dir, const char *name, bool *in_workbook);

/* True when a header cell names the column: its name or an alias, but for case and full-width forms. */
bool column_named(const struct column *col, const char *name);

/*
 * Maps the header's fields to columns (idx[c] = field index or -1), reporting
 * duplicate-column and missing required columns at the header's line.
 * Returns false when a required column or a column's twin is wrong.
 */
bool columns_match(const struct table_record *header, const struct column *cols,
    size_t ncols, int *idx, const char *label);

/* Where a reader stands with its header: seen yet, its line and width, whether its columns matched. */
struct table_header {
	/* A header cell as the reader takes it (as table_source's rename); NULL: as written. */
	const char *(*rename)(const void *ctx, const char *header);
	const void *rename_ctx;
	size_t fields;
	long line;
	bool seen, ok;
};

/*
 * Takes the first record as the header (its cells renamed, then
 * columns_match into idx) and checks each later record's field count
 * (field-count); true for a data record that may be read.
 */
bool table_header_step(struct table_header *th, const struct table_record *rec,
    const struct column *cols, size_t ncols, int *idx);

/*
 * True when no header was read (rows: table_read's answer); then reports the
 * empty file (missing-column) under label, unless the header was lost to a
 * csv-syntax error.
 */
bool table_header_missing(const struct table_header *th, long rows, const char *label);

#endif

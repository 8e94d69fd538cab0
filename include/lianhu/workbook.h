/*
 * workbook: the sheets of .xlsx (libzip and expat, streamed) and .xls (libfreexl) workbooks, row by row as text.
 * Its functions are book_*: libxlsxwriter, linked too, owns the names workbook_*.
 */
#ifndef LIANHU_WORKBOOK_H
#define LIANHU_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>

enum workbook_kind { WORKBOOK_NONE, WORKBOOK_XLSX, WORKBOOK_XLS };

/* What a cell held besides its text (struct workbook_row's flags). */
enum {
	CELL_NUMBER = 1,	/* stored as a number (a date cell is not) */
	CELL_IMPRECISE = 2,	/* a number of more than 15 digits, or written with an exponent */
	CELL_ERROR = 4,		/* an error value such as #N/A */
};

/* One row of a sheet: the cells as Excel's General format shows them, merged cells filled in. */
struct workbook_row {
	const char **fields;		/* column A first; "" for an empty or missing cell */
	const unsigned char *flags;	/* CELL_* of each field */
	size_t count;
	long row;			/* the spreadsheet's row number, 1-based */
	bool merged_across;		/* some cell of it is merged over several columns */
};

/*
 * Called for each non-blank row, in the sheet's order. Returns -1 to stop
 * reading, else how many columns later rows need at most (0: all of them).
 */
typedef long (*workbook_row_fn)(void *ctx, const struct workbook_row *row);

/* The kind of workbook the first bytes say (zip or OLE2 signature), or WORKBOOK_NONE. */
enum workbook_kind book_sniff(const void *data, size_t len);

struct workbook;

/*
 * Opens the workbook whose bytes are data (kept, not copied: they must
 * outlive it); path names it in messages (and is what libfreexl reads for
 * .xls). Returns NULL after a message ending in [workbook] on stderr when it
 * is encrypted, damaged or too big. Close with book_close.
 */
struct workbook *book_open(const char *path, const void *data, size_t len);

/* The number of sheets, and the name of sheet i (UTF-8, owned by the workbook). */
size_t book_sheet_count(const struct workbook *wb);
const char *book_sheet_name(const struct workbook *wb, size_t i);

/* Reads sheet i, calling fn for each non-blank row; -1 after a [workbook] message when it is damaged. */
int book_read(struct workbook *wb, size_t sheet, workbook_row_fn fn, void *ctx);

/* Frees the workbook; accepts NULL. */
void book_close(struct workbook *wb);

/* Prints "FILE: error: MESSAGE [workbook]" on stderr: a workbook that cannot be read. */
void book_fail(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

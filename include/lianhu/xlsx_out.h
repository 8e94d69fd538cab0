/* xlsx_out: workbooks written sheet by sheet, row by row: frozen bold headers, autofilters, IDs as text. */
#ifndef LIANHU_XLSX_OUT_H
#define LIANHU_XLSX_OUT_H

#include <stddef.h>

/* An xlsx workbook written sheet by sheet, row by row (opaque; see xlsx_out.c). */
struct xlsx_book;

enum xlsx_kind { XLSX_TEXT, XLSX_COUNT, XLSX_PERCENT, XLSX_DECIMAL };

/* A sheet's column: its header, width in characters and kind (text columns hold IDs as text). */
struct xlsx_col {
	const char *header;	/* marked with N_; xlsx_sheet writes its translation */
	double width;
	enum xlsx_kind kind;
};

/*
 * Starts a workbook at path in constant-memory mode (rows go to disk as they
 * are written); label names it in messages. NULL after a message; finish with
 * xlsx_close.
 */
struct xlsx_book *xlsx_open(const char *path, const char *label);

/* Adds a sheet with a bold header row (translated), frozen, with an autofilter over nrows data rows. */
void xlsx_sheet(struct xlsx_book *b, const char *name, const struct xlsx_col *cols, size_t ncols,
    size_t nrows);

/*
 * Writes text in data row row (0-based, below the header) of the current
 * sheet, stored as text even when it looks like a number; "" leaves the cell empty.
 */
void xlsx_text(struct xlsx_book *b, size_t row, size_t col, const char *s);

/* Writes a number shown as kind says; a NaN leaves the cell empty. */
void xlsx_number(struct xlsx_book *b, size_t row, size_t col, double v, enum xlsx_kind kind);

/*
 * Offers the NULL-terminated choices as a drop-down list in every data row of
 * column col of the current sheet; another value typed there draws a warning
 * the user may pass (offices have words of their own).
 */
void xlsx_choices(struct xlsx_book *b, size_t col, const char *const *choices);

/* Writes the file and frees the book; returns -1 after a message (path may then hold junk). */
int xlsx_close(struct xlsx_book *b);

#endif

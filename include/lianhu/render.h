/* render: the report and the contact lists as aligned text, CSV, JSON, Markdown, HTML and xlsx. */
#ifndef LIANHU_RENDER_H
#define LIANHU_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lianhu/audit.h"
#include "lianhu/changes.h"
#include "lianhu/organise.h"
#include "lianhu/output.h"
#include "lianhu/rollup.h"
#include "lianhu/roster.h"

struct visits;

enum render_format { RENDER_TEXT, RENDER_CSV, RENDER_JSON, RENDER_MD, RENDER_HTML, RENDER_XLSX };

/* Parses a --format value (any of the six; each command checks which it takes). */
bool render_format_parse(const char *name, enum render_format *out);

/* What a report or a set of contact lists is made of; nothing here is owned. */
struct render_input {
	const struct roster *r;
	const struct audit *a;
	const struct rollup *u;			/* the report's rows */
	const struct contact_lists *l;		/* the lists */
	enum tier scope;
	long default_capacity;
	const struct out_opts *opts;		/* --mask; --output-encoding names the HTML charset */
	const char *title;			/* lists --title, or NULL: the default title */
	const char *date;			/* the date printed on cards (YYYY-MM-DD) */
	const struct organise *org;		/* groups and responsible members; NULL: none shown */
	const struct visits *v;			/* report --visits: the log, else NULL */
};

/* Writes the report as text, csv, json, md or html to o; returns -1 after a message. */
int report_write(struct output *o, enum render_format format, const struct render_input *in);

/*
 * Writes the report workbook (summary, the rollup, uncovered households,
 * member loads) into o, opened on a file; returns -1 after a message.
 */
int report_write_xlsx(const struct output *o, const struct render_input *in);

/* Writes the contact lists as csv, md or html to o; returns -1 after a message. */
int lists_write(struct output *o, enum render_format format, const struct render_input *in);

/* Writes the contact lists workbook into o, opened on a file; returns -1 after a message. */
int lists_write_xlsx(const struct output *o, const struct render_input *in);

/* A person's name as shown: masked into buf (size n) under --mask, else name itself. */
const char *shown_name(const struct render_input *in, const char *name, char *buf, size_t n);

/* A phone number as shown: masked into buf (size n) under --mask, else phone itself. */
const char *shown_phone(const struct render_input *in, const char *phone, char *buf, size_t n);

/* What a command renders: a report or contact lists, in a text format or as a workbook. */
struct renderer {
	int (*write)(struct output *o, enum render_format format, const struct render_input *in);
	int (*write_xlsx)(const struct output *o, const struct render_input *in);
};

/*
 * Writes in to path (NULL or "-": standard output) in format, whole or not at
 * all, never over the roster or mapping files; -1 after a message.
 */
int render_to_file(const struct renderer *how, const char *path, enum render_format format,
    const struct render_input *in, const char *mapping_path);

/* The charset an HTML page declares: the one --output-encoding writes. */
const char *html_charset(const struct render_input *in);

/* An xlsx workbook written sheet by sheet, row by row (opaque; see xlsx_out.c). */
struct xlsx_book;

enum xlsx_kind { XLSX_TEXT, XLSX_COUNT, XLSX_PERCENT, XLSX_DECIMAL };

/* A sheet's column: its header, width in characters and kind (text columns hold IDs as text). */
struct xlsx_col {
	const char *header;	/* marked with N_; xlsx_sheet writes its translation */
	double width;
	enum xlsx_kind kind;
};

/* Starts a workbook at path (label names it in messages); NULL after a message. Finish with xlsx_close. */
struct xlsx_book *xlsx_open(const char *path, const char *label);

/* Adds a sheet with a bold header row (frozen, with an autofilter over nrows data rows). */
void xlsx_sheet(struct xlsx_book *b, const char *name, const struct xlsx_col *cols, size_t ncols,
    size_t nrows);

/* Writes text in data row row (0-based, below the header) of the current sheet. */
void xlsx_text(struct xlsx_book *b, size_t row, size_t col, const char *s);

/* Writes a number shown as kind says; a NaN leaves the cell empty. */
void xlsx_number(struct xlsx_book *b, size_t row, size_t col, double v, enum xlsx_kind kind);

/* A drop-down list of the NULL-terminated choices in every data row of column col; other values draw a warning. */
void xlsx_choices(struct xlsx_book *b, size_t col, const char *const *choices);

/* Writes the file and frees the book; returns -1 after a message (path may then hold junk). */
int xlsx_close(struct xlsx_book *b);

/* What happened to a household, told to the member who hands it over (taken) or takes it on; the caller frees it. */
char *change_note(const struct roster *r, const struct change *ch, bool taken);

/* Household h's address: building name (else ID), unit, room; the caller frees it. */
char *household_address(const struct roster *r, int h);

/* Writes the change notices (变更通知) as one HTML page, a printed page a member. */
void notice_write_html(FILE *fp, const struct roster *r, const struct changes *c,
    const char *date, const char *charset);

#endif

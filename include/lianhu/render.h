/*
 * render: what the renderers share: the formats, the model a report or the
 * contact lists are written from (render_input), each document's entry points
 * and writing one whole to a file. The formats' building blocks are elsewhere:
 * text.h (widths, escaping, text tables), output.h (CSV, JSON), xlsx_out.h.
 */
#ifndef LIANHU_RENDER_H
#define LIANHU_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/audit.h"
#include "lianhu/organise.h"
#include "lianhu/output.h"
#include "lianhu/rollup.h"
#include "lianhu/roster.h"

struct visits;

enum render_format { RENDER_TEXT, RENDER_CSV, RENDER_JSON, RENDER_MD, RENDER_HTML, RENDER_XLSX };

/* A format's name, as --format takes it ("text", "csv" ...). */
const char *render_format_name(enum render_format format);

/* Parses a --format value (any of the six; each command says which it takes). */
bool render_format_parse(const char *name, enum render_format *out);

/* What a report or a set of contact lists is made of; nothing here is owned. */
struct render_input {
	const struct roster *r;
	const struct audit *a;
	const struct rollup *u;			/* the report's rows */
	const struct contact_lists *l;		/* the lists */
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

#endif

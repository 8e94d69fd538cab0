/* render_report: coverage per unit, worst first, as aligned text, CSV, JSON, Markdown (HTML: report_html.c). */
#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/report.h"
#include "lianhu/text.h"
#include "lianhu/visits.h"

static void write_text(FILE *fp, const struct render_input *in)
{
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	struct text_table t;
	char buf[REPORT_CELL_MAX];

	text_table_init(&t, n);
	for (size_t c = 0; c < n; c++) {
		t.right[c] = cols[c]->kind >= COL_COUNT;
		text_table_add(&t, _(cols[c]->label));
	}
	text_table_rule(&t);
	for (size_t i = 0; i < in->u->nrows; i++)
		for (size_t c = 0; c < n; c++)
			text_table_add(&t, report_cell(in, &in->u->rows[i], cols[c], true, buf,
			    sizeof(buf)));
	text_table_rule(&t);
	for (size_t c = 0; c < n; c++)
		text_table_add(&t, c == 0 ? _("total") :
		    report_cell(in, NULL, cols[c], true, buf, sizeof(buf)));
	text_table_print(&t, fp);
	text_table_release(&t);
}

static void write_csv(struct output *o, const struct render_input *in)
{
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	char buf[REPORT_CELL_MAX];

	for (size_t c = 0; c < n; c++)
		csv_field(o, cols[c]->key);
	csv_row_end(o);
	for (size_t i = 0; i < in->u->nrows; i++) {
		for (size_t c = 0; c < n; c++)
			csv_field(o, report_cell(in, &in->u->rows[i], cols[c], false, buf, sizeof(buf)));
		csv_row_end(o);
	}
}

static cJSON *json_value(const struct rollup_counts *c, const struct report_col *col)
{
	long v;

	if (col->kind == COL_COUNT)
		return cJSON_CreateNumber((double)report_count(c, col));
	v = col->kind == COL_COVERAGE ? rollup_coverage_permille(c) :
	    col->kind == COL_VISIT_RATE ? rollup_visit_rate_permille(c) : rollup_mean_load_tenths(c);
	return v < 0 ? cJSON_CreateNull() : cJSON_CreateNumber((double)v / 10);
}

/* The names of the groups serving grid g, as a JSON array. */
static cJSON *json_groups(const struct render_input *in, int g)
{
	cJSON *list = cJSON_CreateArray();
	const struct organise *o = in->org;

	for (size_t i = o ? o->served_first[g] : 0; o && i < o->served_first[g + 1]; i++)
		cJSON_AddItemToArray(list, cJSON_CreateString(o->groups[o->served_groups[i]].name));
	return list;
}

static cJSON *json_row(const struct render_input *in, const struct rollup_row *row)
{
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	const struct rollup_counts *c = row ? &row->c : &in->u->total;
	cJSON *obj = cJSON_CreateObject();
	char buf[REPORT_CELL_MAX];

	for (size_t i = 0; i < n; i++) {
		if (cols[i]->kind >= COL_COUNT)
			cJSON_AddItemToObject(obj, cols[i]->key, json_value(c, cols[i]));
		else if (row && cols[i]->kind == COL_GROUPS)
			cJSON_AddItemToObject(obj, cols[i]->key, json_groups(in, row->grid));
		else if (row)
			cJSON_AddStringToObject(obj, cols[i]->key,
			    report_cell(in, row, cols[i], false, buf, sizeof(buf)));
	}
	return obj;
}

static int write_json(FILE *fp, const struct render_input *in)
{
	cJSON *root = cJSON_CreateObject(), *rows;

	cJSON_AddStringToObject(root, "by", rollup_level_name(in->u->level));
	rows = cJSON_AddArrayToObject(root, "rows");
	for (size_t i = 0; i < in->u->nrows; i++)
		cJSON_AddItemToArray(rows, json_row(in, &in->u->rows[i]));
	cJSON_AddItemToObject(root, "total", json_row(in, NULL));
	json_write(fp, root);
	return 0;
}

/* With --visits, the log's summary in one sentence, in buf. */
static const char *visits_sentence(const struct render_input *in, char *buf, size_t size)
{
	const struct rollup_counts *t = &in->u->total;
	char day[DATE_TEXT], pc[32], visits[64], needs[64];
	long counted = t->up_to_date + t->overdue;

	snprintf(visits, sizeof(visits), ngettext("%ld visit", "%ld visits",
	    (unsigned long)in->v->visits), in->v->visits);
	snprintf(needs, sizeof(needs), _("needs %ld (resolved %ld)"), t->needs, t->needs_resolved);
	/* TRANSLATORS: the last two %s are "N visits" and "needs N (resolved N)". */
	snprintf(buf, size, ngettext("Visits on %s: %ld of %ld household up to date (%s) · overdue %ld "
	    "(never visited %ld) · %s · %s", "Visits on %s: %ld of %ld households up to date (%s) · "
	    "overdue %ld (never visited %ld) · %s · %s", (unsigned long)counted),
	    date_format(in->v->as_of, day), t->up_to_date, counted,
	    report_percent(t->up_to_date, counted, pc, sizeof(pc)), t->overdue,
	    in->v->never_visited, visits, needs);
	return buf;
}

static void write_md(FILE *fp, const struct render_input *in)
{
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	const struct rollup_counts *t = &in->u->total;
	char buf[REPORT_CELL_MAX];

	fputs("# ", fp);
	fprintf(fp, _("Contact coverage by %s"), _(report_level_labels[in->u->level]));
	fputs("\n\n", fp);
	fprintf(fp, _("Households covered: %ld of %ld (%s) · priority households covered: %ld of %ld · "
	    "eligible members: %ld (idle %ld, overloaded %ld) · missing contact slots: %ld · "),
	    t->covered, t->households, report_percent(t->covered, t->households, buf, sizeof(buf)),
	    t->priority_covered, t->priority_households, t->eligible_members, t->idle_members,
	    t->overloaded, t->missing_slots);
	if (in->u->level == LEVEL_MEMBER)
		fprintf(fp, _("members with households: %zu of %zu"), report_units_covered(in->u),
		    in->u->nrows);
	else
		fprintf(fp, _("%s fully covered: %zu of %zu"), _(report_plurals[in->u->level]),
		    report_units_covered(in->u), in->u->nrows);
	fprintf(fp, _(" · scope %s, default capacity %ld"), tier_label(in->r->scope),
	    in->r->default_capacity);
	fputs("\n\n", fp);
	if (in->v) {
		fputs(visits_sentence(in, buf, sizeof(buf)), fp);
		fputs("\n\n", fp);
	}
	for (size_t c = 0; c < n; c++)
		fprintf(fp, "| %s ", _(cols[c]->label));
	fputs("|\n", fp);
	for (size_t c = 0; c < n; c++)
		fputs(cols[c]->kind >= COL_COUNT ? "|---:" : "|---", fp);
	fputs("|\n", fp);
	for (size_t i = 0; i < in->u->nrows; i++) {
		for (size_t c = 0; c < n; c++) {
			fputs("| ", fp);
			md_put(fp, report_cell(in, &in->u->rows[i], cols[c], true, buf, sizeof(buf)));
			putc(' ', fp);
		}
		fputs("|\n", fp);
	}
	for (size_t c = 0; c < n; c++) {
		const char *s = c == 0 ? _("total") :
		    report_cell(in, NULL, cols[c], true, buf, sizeof(buf));

		fprintf(fp, *s ? "| **%s** " : "| ", s);
	}
	fputs("|\n", fp);
}

int report_write(struct output *o, enum render_format format, const struct render_input *in)
{
	FILE *fp = o->fp;

	switch (format) {
	case RENDER_TEXT:
		write_text(fp, in);
		return 0;
	case RENDER_CSV:
		write_csv(o, in);
		return 0;
	case RENDER_JSON:
		return write_json(fp, in);
	case RENDER_MD:
		write_md(fp, in);
		return 0;
	case RENDER_HTML:
		report_write_html(fp, in);
		return 0;
	case RENDER_XLSX:
		break;
	}
	abort();
}

/* report_html: the report as one HTML page: facts, organisation, SVG charts, the table; for screen and print. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/i18n.h"
#include "lianhu/report.h"
#include "lianhu/text.h"
#include "lianhu/util.h"
#include "lianhu/visits.h"

/* The heading of the table of a report's rows, by level. */
static const char *const worst_first[] = {
	N_("Townships, worst first"), N_("Communities, worst first"), N_("Grids, worst first"),
	N_("Buildings, worst first"), N_("Members, worst first")
};

/* HTML: the page's style, for screens and for print (A4 landscape, header rows repeated). */
static const char report_css[] =
	"@page { size: A4 landscape; margin: 12mm 10mm; }\n"
	"* { box-sizing: border-box; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { margin: 1.5rem auto; max-width: 80rem; padding: 0 1rem; color: #1a1a1a;\n"
	"  font: 14px/1.45 \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\",\n"
	"  \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif; }\n"
	"h1 { font-size: 1.5rem; margin: 0 0 .2rem; }\n"
	"h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }\n"
	".meta { color: #555; margin: 0; }\n"
	".summary { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; margin: 1rem 0;"
	" padding: 0; }\n"
	".summary li { border: 1px solid #bbb; border-radius: 4px; padding: .35rem .7rem;"
	" min-width: 10rem; }\n"
	".summary b { display: block; font-size: 1.3rem; }\n"
	".summary span { color: #555; font-size: .85rem; }\n"
	".summary .bad { border-color: #c62828; } .summary .bad b { color: #c62828; }\n"
	".chart svg { width: 100%; max-width: 800px; height: auto; display: block; }\n"
	".chart text { font-size: 12px; fill: #1a1a1a; }\n"
	".chart .track { fill: #ececec; } .chart .bar { fill: #4a7fb5; }\n"
	".chart .short .bar { fill: #ef8f00; } .chart .worst .bar { fill: #c62828; }\n"
	".chart .tick { stroke: #bbb; stroke-width: 1; }\n"
	".chart .marker { stroke: #1a1a1a; stroke-width: 1.5; stroke-dasharray: 4 3; }\n"
	".legend { font-size: .85rem; color: #444; }\n"
	".legend i { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 .8rem;"
	" vertical-align: -.1rem; }\n"
	".legend i.worst { background: #c62828; } .legend i.short { background: #ef8f00; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: 12px; }\n"
	"th, td { border-bottom: 1px solid #ddd; padding: .2rem .4rem; text-align: left;"
	" white-space: nowrap; }\n"
	"th { background: #f0f0f0; border-bottom: 2px solid #888; vertical-align: bottom;"
	" white-space: normal; }\n"
	".wide { overflow-x: auto; }\n"
	"td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"tr.worst td { background: #fdecea; }\n"
	"tr.worst td:first-child { box-shadow: inset 4px 0 #c62828; }\n"
	"tr.short td:first-child { box-shadow: inset 4px 0 #ef8f00; }\n"
	"td.low, td.bad { font-weight: bold; color: #b71c1c; }\n"
	"tfoot td { font-weight: bold; border-top: 2px solid #888; border-bottom: 0; }\n"
	"@media print {\n"
	"  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }\n"
	"  table { font-size: 8.5pt; }\n"
	"  thead { display: table-header-group; } tfoot { display: table-row-group; }\n"
	"  tr, .summary li { break-inside: avoid; page-break-inside: avoid; }\n"
	"  .chart, .summary { break-inside: avoid; page-break-inside: avoid; }\n"
	"  .wide { overflow: visible; }\n"
	"  h2 { break-after: avoid; page-break-after: avoid; }\n"
	"}\n";

static bool below_total(const struct rollup_counts *c, const struct rollup_counts *total)
{
	return c->households > 0 &&
	    (long long)c->covered * total->households < (long long)total->covered * c->households;
}

/* Rows in red: coverage below the whole roster's, or a member over capacity; in amber: any shortfall. */
static const char *row_class(const struct rollup_row *row, const struct rollup_counts *total)
{
	if (below_total(&row->c, total) || row->c.overloaded > 0)
		return "worst";
	if (row->c.covered < row->c.households || row->c.idle_members > 0)
		return "short";
	return NULL;
}

/* Coverage bars in red below the whole roster's coverage, in amber below 100%. */
static const char *bar_class(const struct rollup_row *row, const struct rollup_counts *total)
{
	if (below_total(&row->c, total))
		return "worst";
	return row->c.covered < row->c.households ? "short" : NULL;
}

static void html_fact(FILE *fp, const char *cls, const char *label, const char *value,
    const char *note)
{
	fprintf(fp, "<li%s%s%s><span>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_put(fp, label);
	fputs("</span><b>", fp);
	html_put(fp, value);
	fputs("</b><span>", fp);
	html_put(fp, note);
	fputs("</span></li>\n", fp);
}

/* With --visits: the visit rate and the needs. */
static void html_visit_facts(FILE *fp, const struct render_input *in)
{
	const struct rollup_counts *t = &in->u->total;
	char v[64], note[160], day[DATE_TEXT], pc[32];

	snprintf(v, sizeof(v), "%s", report_percent(t->up_to_date, t->up_to_date + t->overdue, pc,
	    sizeof(pc)));
	snprintf(note, sizeof(note), _("%ld up to date, %ld overdue on %s"), t->up_to_date,
	    t->overdue, date_format(in->v->as_of, day));
	html_fact(fp, t->overdue > 0 ? "bad" : NULL, _("visit rate"), v, note);
	snprintf(v, sizeof(v), "%ld", t->needs);
	snprintf(note, sizeof(note), _("%ld resolved"), t->needs_resolved);
	html_fact(fp, t->needs_resolved < t->needs ? "bad" : NULL, _("needs"), v, note);
}

static void html_summary(FILE *fp, const struct render_input *in)
{
	const struct rollup_counts *t = &in->u->total;
	char v[64], note[128], pc[32];

	fputs("<ul class=\"summary\">\n", fp);
	snprintf(v, sizeof(v), "%ld", t->households);
	if (t->vacant > 0)
		snprintf(note, sizeof(note), ngettext("%ld shop; %ld vacant not counted",
		    "%ld shops; %ld vacant not counted", (unsigned long)t->shops), t->shops, t->vacant);
	else
		snprintf(note, sizeof(note), ngettext("%ld shop", "%ld shops", (unsigned long)t->shops),
		    t->shops);
	html_fact(fp, NULL, _("households"), v, note);
	snprintf(v, sizeof(v), "%s", report_percent(t->covered, t->households, pc, sizeof(pc)));
	snprintf(note, sizeof(note), _("%ld covered, %ld without a contact"), t->covered,
	    t->households - t->covered);
	html_fact(fp, t->covered < t->households ? "bad" : NULL, _("coverage"), v, note);
	snprintf(v, sizeof(v), "%s", report_percent(t->priority_covered, t->priority_households, pc,
	    sizeof(pc)));
	snprintf(note, sizeof(note), _("%ld of %ld covered"), t->priority_covered,
	    t->priority_households);
	html_fact(fp, t->priority_covered < t->priority_households ? "bad" : NULL,
	    _("priority households"), v, note);
	snprintf(v, sizeof(v), "%ld", t->eligible_members);
	snprintf(note, sizeof(note), _("%ld idle, %ld overloaded"), t->idle_members, t->overloaded);
	html_fact(fp, t->overloaded > 0 ? "bad" : NULL, _("eligible members"), v, note);
	if (rollup_mean_load_tenths(t) >= 0)
		snprintf(v, sizeof(v), "%ld.%ld", rollup_mean_load_tenths(t) / 10,
		    rollup_mean_load_tenths(t) % 10);
	else
		snprintf(v, sizeof(v), "-");
	snprintf(note, sizeof(note), _("households per member, at most %ld"), t->largest_load);
	html_fact(fp, NULL, _("mean load"), v, note);
	snprintf(v, sizeof(v), "%ld", t->missing_slots);
	html_fact(fp, t->missing_slots > 0 ? "bad" : NULL, _("missing contact slots"), v,
	    _("uncovered households beyond spare capacity"));
	snprintf(v, sizeof(v), _("%zu of %zu"), report_units_covered(in->u), in->u->nrows);
	snprintf(note, sizeof(note), "%s", in->u->level == LEVEL_MEMBER ?
	    _("members with households") : _("fully covered"));
	html_fact(fp, NULL, _(report_plurals[in->u->level]), v, note);
	if (in->v)
		html_visit_facts(fp, in);
	fputs("</ul>\n", fp);
}

/* One fact of the organisation: "served of all" units, red when some lack it. */
static void html_organisation_fact(FILE *fp, const char *label, long with, long all,
    const char *lacking)
{
	char v[64], note[128];

	snprintf(v, sizeof(v), _("%ld of %ld"), with, all);
	snprintf(note, sizeof(note), lacking, all - with);
	html_fact(fp, with < all ? "bad" : NULL, label, v, note);
}

/* The Party organisation beside coverage (SPEC 5.6): grids, groups, branches and buildings in order. */
static void html_organisation(FILE *fp, const struct render_input *in)
{
	const struct organise *o = in->org;

	if (o == NULL)
		return;
	fputs("<section class=\"organisation\">\n<h2>", fp);
	html_put(fp, _("Organisation"));
	fputs("</h2>\n<ul class=\"summary\">\n", fp);
	html_organisation_fact(fp, _("grids served by a Party group"), o->grids_served, o->grids,
	    _("%ld without a group"));
	html_organisation_fact(fp, _("groups with a leader"), o->groups_with_leader,
	    (long)o->ngroups, _("%ld without a group leader"));
	html_organisation_fact(fp, _("branches with a secretary"), o->communities_with_secretary,
	    o->communities, _("%ld without a secretary"));
	html_organisation_fact(fp, _("buildings with a responsible member"),
	    o->buildings_with_member, o->buildings, _("%ld without a contact"));
	fputs("</ul>\n</section>\n", fp);
}

/* One bar of a chart; label is owned. */
struct bar {
	char *label;
	char value[32];
	double fraction;	/* of the full width, 0 to 1 */
	const char *cls;
};

struct tick {
	double fraction;
	char label[48];
};

#define CHART_WIDTH 800
#define CHART_ROW 20
#define CHART_TOP 22
#define CHART_MAX_BARS 40
#define CHART_LABEL_COLUMNS 30

/* Where a chart's parts go: labels right-aligned at label_w, bars from x0, bar_w wide. */
struct chart_layout {
	size_t label_w, x0, bar_w, height;
};

static struct chart_layout chart_layout(const struct bar *bars, size_t n)
{
	struct chart_layout g;
	size_t widest = 4;

	for (size_t i = 0; i < n; i++)
		if (display_width(bars[i].label) > widest)
			widest = display_width(bars[i].label);
	if (widest > CHART_LABEL_COLUMNS)
		widest = CHART_LABEL_COLUMNS;
	g.label_w = 8 + 7 * widest;
	g.x0 = g.label_w + 8;
	g.bar_w = CHART_WIDTH - g.x0 - 64;
	g.height = CHART_TOP + n * CHART_ROW + 6;
	return g;
}

static void svg_ticks(FILE *fp, const struct chart_layout *g, const struct tick *ticks, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		double x = (double)g->x0 + ticks[k].fraction * (double)g->bar_w;

		fprintf(fp, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%zu\"/>"
		    "<text x=\"%.1f\" y=\"14\" text-anchor=\"middle\">%s</text>\n", x, CHART_TOP - 4, x,
		    g->height - 4, x, ticks[k].label);
	}
}

/* One bar: a group with a tooltip, the label (clipped), the track, the bar, the value. */
static void svg_bar(FILE *fp, const struct chart_layout *g, const struct bar *bar, size_t i)
{
	size_t y = CHART_TOP + i * CHART_ROW;

	fprintf(fp, "<g%s%s%s><title>", bar->cls ? " class=\"" : "", bar->cls ? bar->cls : "",
	    bar->cls ? "\"" : "");
	html_put(fp, bar->label);
	fprintf(fp, ": %s</title><text x=\"%zu\" y=\"%zu\" text-anchor=\"end\">", bar->value,
	    g->label_w, y + 14);
	put_clipped(fp, bar->label, CHART_LABEL_COLUMNS, html_put);
	fprintf(fp, "</text><rect class=\"track\" x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"14\"/>"
	    "<rect class=\"bar\" x=\"%zu\" y=\"%zu\" width=\"%.1f\" height=\"14\"/>"
	    "<text x=\"%zu\" y=\"%zu\">%s</text></g>\n", g->x0, y + 3, g->bar_w, g->x0, y + 3,
	    bar->fraction * (double)g->bar_w, g->x0 + g->bar_w + 6, y + 14, bar->value);
}

/* A chart section: its title, then horizontal bars under ticks, with an optional dashed marker. */
static void chart_section(FILE *fp, const char *title, const struct bar *bars, size_t n,
    const struct tick *ticks, size_t nticks, const struct tick *marker)
{
	struct chart_layout g = chart_layout(bars, n);

	fputs("<section class=\"chart\">\n<h2>", fp);
	html_put(fp, title);
	fprintf(fp, "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %zu\" "
	    "role=\"img\" aria-label=\"", CHART_WIDTH, g.height);
	html_put(fp, title);
	fputs("\">\n", fp);
	svg_ticks(fp, &g, ticks, nticks);
	for (size_t i = 0; i < n; i++)
		svg_bar(fp, &g, &bars[i], i);
	if (marker) {
		double x = (double)g.x0 + marker->fraction * (double)g.bar_w;

		fprintf(fp, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%zu\"><title>"
		    "%s</title></line>\n", x, CHART_TOP, x, g.height - 4, marker->label);
	}
	fputs("</svg>\n</section>\n", fp);
}

/* A unit's label in a chart: its key, then a grid's community or a building's name; "(none)" for no key. */
static char *unit_label(const struct render_input *in, const struct rollup_row *row)
{
	const char *key = rollup_key_text(in->r, row, in->u->level);
	const char *name = report_row_name(in->r, row);
	char *s;

	if (in->u->level == LEVEL_GRID && row->community >= 0)
		name = in->r->communities[row->community].name;
	s = xmalloc(strlen(key) + strlen(name) + strlen(_("(none)")) + 2);
	sprintf(s, "%s%s%s", *key ? key : _("(none)"), *name ? " " : "", name);
	return s;
}

static void free_bars(struct bar *bars, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(bars[i].label);
	free(bars);
}

/* Fills bars with the worst units that have households, at most CHART_MAX_BARS; *with gets all of them. */
static size_t coverage_bars(const struct render_input *in, struct bar *bars, size_t *with)
{
	size_t n = 0;

	*with = 0;
	for (size_t i = 0; i < in->u->nrows; i++) {
		const struct rollup_row *row = &in->u->rows[i];

		if (row->c.households == 0 || (*with)++ >= CHART_MAX_BARS)
			continue;
		bars[n].label = unit_label(in, row);
		report_percent(row->c.covered, row->c.households, bars[n].value, sizeof(bars[n].value));
		bars[n].fraction = (double)row->c.covered / (double)row->c.households;
		bars[n++].cls = bar_class(row, &in->u->total);
	}
	return n;
}

/* The coverage of the worst units with households, with the whole roster's marked. */
static void html_coverage_chart(FILE *fp, const struct render_input *in)
{
	struct bar *bars = xcalloc(CHART_MAX_BARS + 1, sizeof(*bars));
	const struct rollup_counts *t = &in->u->total;
	struct tick ticks[5], marker;
	size_t with, n = coverage_bars(in, bars, &with);
	char title[160], pc[32];

	if (with <= CHART_MAX_BARS)
		snprintf(title, sizeof(title), _("Coverage of every %s"),
		    _(report_level_labels[in->u->level]));
	else
		snprintf(title, sizeof(title), _("Coverage of the %d worst of %zu %s"), CHART_MAX_BARS,
		    with, _(report_plurals[in->u->level]));
	for (int k = 0; k < 5; k++) {
		ticks[k].fraction = k / 4.0;
		snprintf(ticks[k].label, sizeof(ticks[k].label), "%d%%", k * 25);
	}
	marker.fraction = t->households ? (double)t->covered / (double)t->households : 0;
	snprintf(marker.label, sizeof(marker.label), _("all: %s"),
	    report_percent(t->covered, t->households, pc, sizeof(pc)));
	if (n > 0)
		chart_section(fp, title, bars, n, ticks, 5, &marker);
	free_bars(bars, n);
}

/* With --visits: the visit rate of the first units (in the table's order) with counted households. */
static void html_visit_chart(FILE *fp, const struct render_input *in)
{
	struct bar *bars = xcalloc(CHART_MAX_BARS + 1, sizeof(*bars));
	const struct rollup_counts *t = &in->u->total;
	struct tick ticks[5], marker;
	size_t n = 0, with = 0;
	char title[160], pc[32];

	for (size_t i = 0; i < in->u->nrows; i++) {
		const struct rollup_row *row = &in->u->rows[i];
		long judged = row->c.up_to_date + row->c.overdue;

		if (judged == 0 || with++ >= CHART_MAX_BARS)
			continue;
		bars[n].label = unit_label(in, row);
		report_percent(row->c.up_to_date, judged, bars[n].value, sizeof(bars[n].value));
		bars[n].fraction = (double)row->c.up_to_date / (double)judged;
		bars[n++].cls = (long long)row->c.up_to_date * (t->up_to_date + t->overdue) <
		    (long long)t->up_to_date * judged ? "worst" : row->c.overdue > 0 ? "short" : NULL;
	}
	if (with <= CHART_MAX_BARS)
		snprintf(title, sizeof(title), _("Visit rate of every %s"),
		    _(report_level_labels[in->u->level]));
	else
		snprintf(title, sizeof(title), _("Visit rate of %d of %zu %s"), CHART_MAX_BARS, with,
		    _(report_plurals[in->u->level]));
	for (int k = 0; k < 5; k++) {
		ticks[k].fraction = k / 4.0;
		snprintf(ticks[k].label, sizeof(ticks[k].label), "%d%%", k * 25);
	}
	marker.fraction = t->up_to_date + t->overdue ?
	    (double)t->up_to_date / (double)(t->up_to_date + t->overdue) : 0;
	snprintf(marker.label, sizeof(marker.label), _("all: %s"),
	    report_percent(t->up_to_date, t->up_to_date + t->overdue, pc, sizeof(pc)));
	if (n > 0)
		chart_section(fp, title, bars, n, ticks, 5, &marker);
	free_bars(bars, n);
}

/* At member level: how many eligible members carry each load (loads past 40 share a bar). */
static void html_load_chart(FILE *fp, const struct render_input *in)
{
	long largest = in->u->total.largest_load;
	long top = largest < CHART_MAX_BARS ? largest : CHART_MAX_BARS;
	long *members = xcalloc((size_t)top + 1, sizeof(*members)), most = 1;
	struct bar *bars = xcalloc((size_t)top + 1, sizeof(*bars));
	struct tick ticks[2] = { { 0, "0" }, { 1, "" } };

	for (size_t i = 0; i < in->u->nrows; i++)
		if (in->u->rows[i].c.eligible_members > 0)
			members[in->u->rows[i].c.largest_load < top ? in->u->rows[i].c.largest_load :
			    top]++;
	for (long l = 0; l <= top; l++)
		if (members[l] > most)
			most = members[l];
	for (long l = 0; l <= top; l++) {
		bars[l].label = xmalloc(64);
		if (l == top && top < largest)
			snprintf(bars[l].label, 64, ngettext("%ld household or more",
			    "%ld households or more", (unsigned long)l), l);
		else
			snprintf(bars[l].label, 64, ngettext("%ld household", "%ld households",
			    (unsigned long)l), l);
		snprintf(bars[l].value, sizeof(bars[l].value), "%ld", members[l]);
		bars[l].fraction = (double)members[l] / (double)most;
		bars[l].cls = l == 0 ? "short" : NULL;
	}
	snprintf(ticks[1].label, sizeof(ticks[1].label), "%ld", most);
	chart_section(fp, _("Eligible members by load"), bars, (size_t)top + 1, ticks, 2, NULL);
	free_bars(bars, (size_t)top + 1);
	free(members);
}

/* A cell's class: numbers align right; low coverage, overloaded members and missing slots stand out. */
static const char *cell_class(const struct render_input *in, const struct rollup_row *row,
    const struct report_col *col)
{
	if (col->kind < COL_COUNT)
		return NULL;
	if (row && col->kind == COL_COVERAGE && below_total(&row->c, &in->u->total))
		return "n low";
	if (row && col->kind == COL_COUNT && report_count(&row->c, col) > 0 &&
	    (strcmp(col->key, "overloaded") == 0 || strcmp(col->key, "missing_slots") == 0))
		return "n bad";
	return "n";
}

static void html_cells(FILE *fp, const struct render_input *in, const struct rollup_row *row,
    const struct report_col **cols, size_t n)
{
	char buf[REPORT_CELL_MAX];

	for (size_t c = 0; c < n; c++) {
		const char *cls = cell_class(in, row, cols[c]);

		fprintf(fp, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
		html_put(fp, row || c > 0 ? report_cell(in, row, cols[c], true, buf, sizeof(buf)) :
		    _("total"));
		fputs("</td>", fp);
	}
}

static void html_table(FILE *fp, const struct render_input *in)
{
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	char pc[32];

	fprintf(fp, "<section>\n<h2>%s</h2>\n", _(worst_first[in->u->level]));
	fputs("<p class=\"legend\"><i class=\"worst\"></i>", fp);
	fprintf(fp, _("coverage below the whole roster's (%s) or a member over capacity"),
	    report_percent(in->u->total.covered, in->u->total.households, pc, sizeof(pc)));
	fputs(" <i class=\"short\"></i>", fp);
	fputs(_("some household without a contact or an idle member"), fp);
	fputs("</p>\n", fp);
	fputs("<div class=\"wide\">\n<table>\n<thead><tr>", fp);
	for (size_t c = 0; c < n; c++) {
		fprintf(fp, "<th%s>", cols[c]->kind >= COL_COUNT ? " class=\"n\"" : "");
		html_put(fp, _(cols[c]->label));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < in->u->nrows; i++) {
		const char *cls = row_class(&in->u->rows[i], &in->u->total);

		fprintf(fp, "<tr%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
		html_cells(fp, in, &in->u->rows[i], cols, n);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n<tfoot><tr>", fp);
	html_cells(fp, in, NULL, cols, n);
	fputs("</tr></tfoot>\n</table>\n</div>\n</section>\n", fp);
}

void report_write_html(FILE *fp, const struct render_input *in)
{
	const char *level = _(report_level_labels[in->u->level]);

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	    html_charset(in));
	fprintf(fp, _("Contact coverage by %s"), level);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", report_css);
	fprintf(fp, _("Contact coverage by %s"), level);
	fputs("</h1>\n<p class=\"meta\">", fp);
	fprintf(fp, ngettext("lianhu report: scope %s, default capacity %ld household per member; a "
	    "household is covered when a mapping row names it with an eligible member within scope.",
	    "lianhu report: scope %s, default capacity %ld households per member; a "
	    "household is covered when a mapping row names it with an eligible member within scope.",
	    (unsigned long)in->r->default_capacity), tier_label(in->r->scope), in->r->default_capacity);
	fputs("</p>\n</header>\n", fp);
	html_summary(fp, in);
	html_organisation(fp, in);
	if (in->u->level == LEVEL_MEMBER)
		html_load_chart(fp, in);
	else
		html_coverage_chart(fp, in);
	if (in->v)
		html_visit_chart(fp, in);
	html_table(fp, in);
	fputs("</body>\n</html>\n", fp);
}

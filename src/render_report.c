/* render_report: coverage per unit, worst first, as aligned text, CSV, JSON, Markdown, HTML and xlsx. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/i18n.h"
#include "lianhu/render.h"
#include "lianhu/text.h"
#include "lianhu/util.h"
#include "lianhu/visits.h"
#include "lianhu/xlsx_out.h"

enum col_kind {
	COL_KEY, COL_NAME, COL_GROUPS, COL_RESPONSIBLE, COL_COUNT, COL_COVERAGE, COL_MEAN, COL_VISIT_RATE
};

/* A column of the rollup table; both strings are marked with N_. */
struct col {
	const char *key;	/* csv and json as it is; an xlsx header translated */
	const char *label;	/* text, md and html, translated */
	enum col_kind kind;
	enum rollup_level level;	/* of a key */
	size_t offset;		/* of a count in struct rollup_counts */
};

/* TRANSLATORS: a key (household_id ...) is an xlsx column header; csv and json keep it as it is. */
static const struct col key_cols[] = {
	{ N_("township"), N_("township"), COL_KEY, LEVEL_TOWNSHIP, 0 },
	{ N_("community"), N_("community"), COL_KEY, LEVEL_COMMUNITY, 0 },
	{ N_("grid_id"), N_("grid"), COL_KEY, LEVEL_GRID, 0 },
	{ N_("building_id"), N_("building"), COL_KEY, LEVEL_BUILDING, 0 },
	{ N_("member_id"), N_("member"), COL_KEY, LEVEL_MEMBER, 0 },
};

/* The name column: a building's name (名称), a member's (姓名); csv and json call both "name". */
static const struct col building_name_col = { N_("name"), N_("name"), COL_NAME, LEVEL_TOWNSHIP, 0 };
static const struct col member_name_col = { N_("name"), N_("full name"), COL_NAME, LEVEL_TOWNSHIP,
	0 };

/* SPEC 5.6: the Party groups serving a grid, and a building's responsible member. */
static const struct col groups_col = { N_("groups"), N_("Party groups"), COL_GROUPS, LEVEL_GRID, 0 };
static const struct col responsible_col = {
	N_("responsible_member"), N_("responsible member"), COL_RESPONSIBLE, LEVEL_BUILDING, 0
};

#define COUNT(key, label, field) \
	{ key, label, COL_COUNT, LEVEL_TOWNSHIP, offsetof(struct rollup_counts, field) }

static const struct col value_cols[] = {
	COUNT(N_("households"), N_("households"), households),
	COUNT(N_("covered"), N_("covered"), covered),
	{ N_("coverage"), N_("coverage"), COL_COVERAGE, LEVEL_TOWNSHIP, 0 },
	COUNT(N_("priority_households"), N_("priority"), priority_households),
	COUNT(N_("priority_covered"), N_("priority covered"), priority_covered),
	COUNT(N_("shops"), N_("shops"), shops),
	COUNT(N_("vacant"), N_("vacant"), vacant),
	COUNT(N_("eligible_members"), N_("eligible members"), eligible_members),
	COUNT(N_("idle_members"), N_("idle"), idle_members),
	{ N_("mean_load"), N_("mean load"), COL_MEAN, LEVEL_TOWNSHIP, 0 },
	COUNT(N_("max_load"), N_("max load"), largest_load),
	COUNT(N_("overloaded"), N_("overloaded"), overloaded),
	COUNT(N_("missing_slots"), N_("missing slots"), missing_slots),
};

#define NVALUES (sizeof(value_cols) / sizeof(value_cols[0]))

/* With --visits: what the visit log says of each unit. */
static const struct col visit_cols[] = {
	COUNT(N_("up_to_date"), N_("up to date"), up_to_date),
	COUNT(N_("overdue"), N_("overdue"), overdue),
	{ N_("visit_rate"), N_("visit rate"), COL_VISIT_RATE, LEVEL_TOWNSHIP, 0 },
	COUNT(N_("needs"), N_("needs"), needs),
	COUNT(N_("needs_resolved"), N_("needs resolved"), needs_resolved),
};

#define NVISITS (sizeof(visit_cols) / sizeof(visit_cols[0]))
#define CELL_MAX 512		/* room for a number, or a masked name */
#define MAXCOLS (LEVEL_MEMBER + 3 + NVALUES + NVISITS)

/* The levels for people: one unit, several, and the heading of the table of a report's rows. */
static const char *const level_labels[] = {
	N_("township"), N_("community"), N_("grid"), N_("building"), N_("member")
};
static const char *const plurals[] = {
	N_("townships"), N_("communities"), N_("grids"), N_("buildings"), N_("members")
};
static const char *const worst_first[] = {
	N_("Townships, worst first"), N_("Communities, worst first"), N_("Grids, worst first"),
	N_("Buildings, worst first"), N_("Members, worst first")
};

/* Fills cols with the rollup's columns: its keys, a name at building and member level, the values. */
static size_t columns(const struct rollup *u, const struct col **cols)
{
	enum rollup_level level = u->level;
	size_t n = 0;

	for (int k = LEVEL_TOWNSHIP; k <= (int)level; k++)
		cols[n++] = &key_cols[k];
	if (level >= LEVEL_BUILDING)
		cols[n++] = level == LEVEL_MEMBER ? &member_name_col : &building_name_col;
	if (level == LEVEL_GRID)
		cols[n++] = &groups_col;
	if (level == LEVEL_BUILDING)
		cols[n++] = &responsible_col;
	for (size_t v = 0; v < NVALUES; v++)
		cols[n++] = &value_cols[v];
	for (size_t v = 0; u->visits && v < NVISITS; v++)
		cols[n++] = &visit_cols[v];
	return n;
}

static long count_of(const struct rollup_counts *c, const struct col *col)
{
	return *(const long *)(const void *)((const char *)c + col->offset);
}

static const char *row_name(const struct roster *r, const struct rollup_row *row)
{
	if (row->member >= 0)
		return r->members[row->member].name;
	return row->building >= 0 ? r->buildings[row->building].name : "";
}

/* A grid's groups or a building's responsible member ("" when none, or without organise). */
static const char *organisation_text(const struct render_input *in, const struct rollup_row *row,
    enum col_kind kind)
{
	int m;

	if (in->org == NULL)
		return "";
	if (kind == COL_GROUPS)
		return row->grid >= 0 ? in->org->served_by[row->grid] : "";
	m = row->building >= 0 ? in->org->responsible[row->building] : -1;
	return m >= 0 ? in->r->members[m].id : "";
}

/*
 * A cell as text; row is NULL for the total. For people (human) an empty key
 * reads "-" and coverage has its "%"; for programs both stay bare.
 */
static const char *cell(const struct render_input *in, const struct rollup_row *row,
    const struct col *col, bool human, char *buf, size_t size)
{
	const struct rollup_counts *c = row ? &row->c : &in->u->total;
	const char *s;
	long v;

	switch (col->kind) {
	case COL_KEY:
		s = row ? rollup_key_text(in->r, row, col->level) : "";
		return *s || !human || !row ? s : "-";
	case COL_NAME:
		if (row && row->member >= 0)
			return shown_name(in, row_name(in->r, row), buf, size);
		return row ? row_name(in->r, row) : "";
	case COL_GROUPS:
	case COL_RESPONSIBLE:
		s = row ? organisation_text(in, row, col->kind) : "";
		return *s || !human || !row ? s : "-";
	case COL_COUNT:
		snprintf(buf, size, "%ld", count_of(c, col));
		return buf;
	case COL_COVERAGE:
		if ((v = rollup_coverage_permille(c)) < 0)
			return human ? "-" : "";
		snprintf(buf, size, "%ld.%ld%s", v / 10, v % 10, human ? "%" : "");
		return buf;
	case COL_MEAN:
		if ((v = rollup_mean_load_tenths(c)) < 0)
			return human ? "-" : "";
		snprintf(buf, size, "%ld.%ld", v / 10, v % 10);
		return buf;
	case COL_VISIT_RATE:
		if ((v = rollup_visit_rate_permille(c)) < 0)
			return human ? "-" : "";
		snprintf(buf, size, "%ld.%ld%s", v / 10, v % 10, human ? "%" : "");
		return buf;
	}
	abort();
}

static void write_text(FILE *fp, const struct render_input *in)
{
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	struct text_table t;
	char buf[CELL_MAX];

	text_table_init(&t, n);
	for (size_t c = 0; c < n; c++) {
		t.right[c] = cols[c]->kind >= COL_COUNT;
		text_table_add(&t, _(cols[c]->label));
	}
	text_table_rule(&t);
	for (size_t i = 0; i < in->u->nrows; i++)
		for (size_t c = 0; c < n; c++)
			text_table_add(&t, cell(in, &in->u->rows[i], cols[c], true, buf, sizeof(buf)));
	text_table_rule(&t);
	for (size_t c = 0; c < n; c++)
		text_table_add(&t, c == 0 ? _("total") : cell(in, NULL, cols[c], true, buf, sizeof(buf)));
	text_table_print(&t, fp);
	text_table_release(&t);
}

static void write_csv(struct output *o, const struct render_input *in)
{
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	char buf[CELL_MAX];

	for (size_t c = 0; c < n; c++)
		csv_field(o, cols[c]->key);
	csv_row_end(o);
	for (size_t i = 0; i < in->u->nrows; i++) {
		for (size_t c = 0; c < n; c++)
			csv_field(o, cell(in, &in->u->rows[i], cols[c], false, buf, sizeof(buf)));
		csv_row_end(o);
	}
}

static cJSON *json_value(const struct rollup_counts *c, const struct col *col)
{
	long v;

	if (col->kind == COL_COUNT)
		return cJSON_CreateNumber((double)count_of(c, col));
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
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	const struct rollup_counts *c = row ? &row->c : &in->u->total;
	cJSON *obj = cJSON_CreateObject();
	char buf[CELL_MAX];

	for (size_t i = 0; i < n; i++) {
		if (cols[i]->kind >= COL_COUNT)
			cJSON_AddItemToObject(obj, cols[i]->key, json_value(c, cols[i]));
		else if (row && cols[i]->kind == COL_GROUPS)
			cJSON_AddItemToObject(obj, cols[i]->key, json_groups(in, row->grid));
		else if (row)
			cJSON_AddStringToObject(obj, cols[i]->key,
			    cell(in, row, cols[i], false, buf, sizeof(buf)));
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

/* "87.0%" of a count of a whole, for sentences; "-" when the whole is 0. */
static const char *percent(long part, long whole, char *buf, size_t size)
{
	struct rollup_counts c = { .households = whole, .covered = part };
	long v = rollup_coverage_permille(&c);

	if (v < 0)
		return "-";
	snprintf(buf, size, "%ld.%ld%%", v / 10, v % 10);
	return buf;
}

/* Units whose every household has a contact. */
static size_t units_covered(const struct rollup *u)
{
	size_t n = 0;

	for (size_t i = 0; i < u->nrows; i++)
		n += u->rows[i].c.households > 0 && u->rows[i].c.covered == u->rows[i].c.households;
	return n;
}

/* With --visits, the log's summary in one sentence, in buf. */
static const char *visits_sentence(const struct render_input *in, char *buf, size_t size)
{
	const struct rollup_counts *t = &in->u->total;
	char day[DATE_TEXT], pc[32];

	snprintf(buf, size, _("Visits on %s: %ld of %ld households up to date (%s) · overdue %ld (never "
	    "visited %ld) · %ld visits · needs %ld (resolved %ld)"), date_format(in->v->as_of, day),
	    t->up_to_date, t->up_to_date + t->overdue,
	    percent(t->up_to_date, t->up_to_date + t->overdue, pc, sizeof(pc)), t->overdue,
	    in->v->never_visited,
	    in->v->visits, t->needs, t->needs_resolved);
	return buf;
}

static void write_md(FILE *fp, const struct render_input *in)
{
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	const struct rollup_counts *t = &in->u->total;
	char buf[CELL_MAX];

	fputs("# ", fp);
	fprintf(fp, _("Contact coverage by %s"), _(level_labels[in->u->level]));
	fputs("\n\n", fp);
	fprintf(fp, _("Households covered: %ld of %ld (%s) · priority households covered: %ld of %ld · "
	    "eligible members: %ld (idle %ld, overloaded %ld) · missing contact slots: %ld · "),
	    t->covered, t->households, percent(t->covered, t->households, buf, sizeof(buf)),
	    t->priority_covered, t->priority_households, t->eligible_members, t->idle_members,
	    t->overloaded, t->missing_slots);
	if (in->u->level == LEVEL_MEMBER)
		fprintf(fp, _("members with households: %zu of %zu"), units_covered(in->u),
		    in->u->nrows);
	else
		fprintf(fp, _("%s fully covered: %zu of %zu"), _(plurals[in->u->level]),
		    units_covered(in->u), in->u->nrows);
	fprintf(fp, _(" · scope %s, default capacity %ld"), tier_label(in->scope),
	    in->default_capacity);
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
			md_put(fp, cell(in, &in->u->rows[i], cols[c], true, buf, sizeof(buf)));
			putc(' ', fp);
		}
		fputs("|\n", fp);
	}
	for (size_t c = 0; c < n; c++) {
		const char *s = c == 0 ? _("total") : cell(in, NULL, cols[c], true, buf, sizeof(buf));

		fprintf(fp, *s ? "| **%s** " : "| ", s);
	}
	fputs("|\n", fp);
}

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

	snprintf(v, sizeof(v), "%s", percent(t->up_to_date, t->up_to_date + t->overdue, pc,
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
	snprintf(v, sizeof(v), "%s", percent(t->covered, t->households, pc, sizeof(pc)));
	snprintf(note, sizeof(note), _("%ld covered, %ld without a contact"), t->covered,
	    t->households - t->covered);
	html_fact(fp, t->covered < t->households ? "bad" : NULL, _("coverage"), v, note);
	snprintf(v, sizeof(v), "%s", percent(t->priority_covered, t->priority_households, pc,
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
	snprintf(v, sizeof(v), _("%zu of %zu"), units_covered(in->u), in->u->nrows);
	snprintf(note, sizeof(note), "%s", in->u->level == LEVEL_MEMBER ?
	    _("members with households") : _("fully covered"));
	html_fact(fp, NULL, _(plurals[in->u->level]), v, note);
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
	const char *name = row_name(in->r, row);
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
		percent(row->c.covered, row->c.households, bars[n].value, sizeof(bars[n].value));
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
		    _(level_labels[in->u->level]));
	else
		snprintf(title, sizeof(title), _("Coverage of the %d worst of %zu %s"), CHART_MAX_BARS,
		    with, _(plurals[in->u->level]));
	for (int k = 0; k < 5; k++) {
		ticks[k].fraction = k / 4.0;
		snprintf(ticks[k].label, sizeof(ticks[k].label), "%d%%", k * 25);
	}
	marker.fraction = t->households ? (double)t->covered / (double)t->households : 0;
	snprintf(marker.label, sizeof(marker.label), _("all: %s"),
	    percent(t->covered, t->households, pc, sizeof(pc)));
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
		percent(row->c.up_to_date, judged, bars[n].value, sizeof(bars[n].value));
		bars[n].fraction = (double)row->c.up_to_date / (double)judged;
		bars[n++].cls = (long long)row->c.up_to_date * (t->up_to_date + t->overdue) <
		    (long long)t->up_to_date * judged ? "worst" : row->c.overdue > 0 ? "short" : NULL;
	}
	if (with <= CHART_MAX_BARS)
		snprintf(title, sizeof(title), _("Visit rate of every %s"), _(level_labels[in->u->level]));
	else
		snprintf(title, sizeof(title), _("Visit rate of %d of %zu %s"), CHART_MAX_BARS, with,
		    _(plurals[in->u->level]));
	for (int k = 0; k < 5; k++) {
		ticks[k].fraction = k / 4.0;
		snprintf(ticks[k].label, sizeof(ticks[k].label), "%d%%", k * 25);
	}
	marker.fraction = t->up_to_date + t->overdue ?
	    (double)t->up_to_date / (double)(t->up_to_date + t->overdue) : 0;
	snprintf(marker.label, sizeof(marker.label), _("all: %s"),
	    percent(t->up_to_date, t->up_to_date + t->overdue, pc, sizeof(pc)));
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
    const struct col *col)
{
	if (col->kind < COL_COUNT)
		return NULL;
	if (row && col->kind == COL_COVERAGE && below_total(&row->c, &in->u->total))
		return "n low";
	if (row && col->kind == COL_COUNT && count_of(&row->c, col) > 0 &&
	    (strcmp(col->key, "overloaded") == 0 || strcmp(col->key, "missing_slots") == 0))
		return "n bad";
	return "n";
}

static void html_cells(FILE *fp, const struct render_input *in, const struct rollup_row *row,
    const struct col **cols, size_t n)
{
	char buf[CELL_MAX];

	for (size_t c = 0; c < n; c++) {
		const char *cls = cell_class(in, row, cols[c]);

		fprintf(fp, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
		html_put(fp, row || c > 0 ? cell(in, row, cols[c], true, buf, sizeof(buf)) : _("total"));
		fputs("</td>", fp);
	}
}

static void html_table(FILE *fp, const struct render_input *in)
{
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	char pc[32];

	fprintf(fp, "<section>\n<h2>%s</h2>\n", _(worst_first[in->u->level]));
	fputs("<p class=\"legend\"><i class=\"worst\"></i>", fp);
	fprintf(fp, _("coverage below the whole roster's (%s) or a member over capacity"),
	    percent(in->u->total.covered, in->u->total.households, pc, sizeof(pc)));
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

static void write_html(FILE *fp, const struct render_input *in)
{
	const char *level = _(level_labels[in->u->level]);

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	    html_charset(in));
	fprintf(fp, _("Contact coverage by %s"), level);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", report_css);
	fprintf(fp, _("Contact coverage by %s"), level);
	fputs("</h1>\n<p class=\"meta\">", fp);
	fprintf(fp, _("lianhu report: scope %s, default capacity %ld households per member; a "
	    "household is covered when a mapping row names it with an eligible member within scope."),
	    tier_label(in->scope), in->default_capacity);
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

/* Writes the report as text, csv, json, md or html to o; returns -1 after a message. */
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
		write_html(fp, in);
		return 0;
	case RENDER_XLSX:
		break;
	}
	abort();
}

#define NVISIT_FACTS 8

/* xlsx: with --visits, the log's facts on the Summary sheet from row first. */
static void xlsx_visit_facts(struct xlsx_book *b, const struct render_input *in, size_t first)
{
	const struct rollup_counts *t = &in->u->total;
	long judged = t->up_to_date + t->overdue;
	const struct {
		const char *label;
		double value;
		enum xlsx_kind kind;
	} facts[NVISIT_FACTS - 1] = {
		{ _("households up to date"), (double)t->up_to_date, XLSX_COUNT },
		{ _("overdue households"), (double)t->overdue, XLSX_COUNT },
		{ _("never visited"), (double)in->v->never_visited, XLSX_COUNT },
		{ _("visit rate"), judged ? (double)t->up_to_date / (double)judged : NAN, XLSX_PERCENT },
		{ _("visits"), (double)in->v->visits, XLSX_COUNT },
		{ _("needs"), (double)t->needs, XLSX_COUNT },
		{ _("needs resolved"), (double)t->needs_resolved, XLSX_COUNT },
	};
	char day[DATE_TEXT];

	xlsx_text(b, first, 0, _("visits as of"));
	xlsx_text(b, first, 1, date_format(in->v->as_of, day));
	for (size_t i = 0; i < NVISIT_FACTS - 1; i++) {
		xlsx_text(b, first + 1 + i, 0, facts[i].label);
		xlsx_number(b, first + 1 + i, 1, facts[i].value, facts[i].kind);
	}
}

/* xlsx: the Summary sheet, one fact a row. */
static void xlsx_summary(struct xlsx_book *b, const struct render_input *in)
{
	static const struct xlsx_col cols[] = {
		{ N_("item"), 34, XLSX_TEXT }, { N_("value"), 14, XLSX_COUNT },
	};
	const struct rollup_counts *t = &in->u->total;
	const struct {
		const char *label;
		double value;
		enum xlsx_kind kind;
	} facts[] = {
		{ _("households a member may take when the roster gives no limit"),
		    (double)in->default_capacity, XLSX_COUNT },
		{ _("households"), (double)t->households, XLSX_COUNT },
		{ _("covered"), (double)t->covered, XLSX_COUNT },
		{ _("coverage"), t->households ? (double)t->covered / (double)t->households : NAN,
		    XLSX_PERCENT },
		{ _("households without a contact"), (double)(t->households - t->covered),
		    XLSX_COUNT },
		{ _("priority households"), (double)t->priority_households, XLSX_COUNT },
		{ _("priority households covered"), (double)t->priority_covered, XLSX_COUNT },
		{ _("shops"), (double)t->shops, XLSX_COUNT },
		{ _("vacant households (not counted)"), (double)t->vacant, XLSX_COUNT },
		{ _("eligible members"), (double)t->eligible_members, XLSX_COUNT },
		{ _("idle members"), (double)t->idle_members, XLSX_COUNT },
		{ _("overloaded members"), (double)t->overloaded, XLSX_COUNT },
		{ _("mean load"), t->eligible_members ?
		    (double)t->load_sum / (double)t->eligible_members : NAN, XLSX_DECIMAL },
		{ _("max load"), (double)t->largest_load, XLSX_COUNT },
		{ _("missing contact slots"), (double)t->missing_slots, XLSX_COUNT },
		{ _("units"), (double)in->u->nrows, XLSX_COUNT },
		{ _("units fully covered"), (double)units_covered(in->u), XLSX_COUNT },
	};
	size_t nfacts = sizeof(facts) / sizeof(facts[0]);

	xlsx_sheet(b, _("Summary"), cols, 2, nfacts + 2 + (in->v ? NVISIT_FACTS : 0));
	xlsx_text(b, 0, 0, _("by"));
	xlsx_text(b, 0, 1, _(level_labels[in->u->level]));
	xlsx_text(b, 1, 0, _("scope"));
	xlsx_text(b, 1, 1, tier_label(in->scope));
	for (size_t i = 0; i < nfacts; i++) {
		xlsx_text(b, i + 2, 0, facts[i].label);
		xlsx_number(b, i + 2, 1, facts[i].value, facts[i].kind);
	}
	if (in->v)
		xlsx_visit_facts(b, in, nfacts + 2);
}

/* A number column's value in a workbook: a count, a share (0 to 1) or a mean; NaN when there is none. */
static double xlsx_value(const struct rollup_counts *c, const struct col *col)
{
	long judged = c->up_to_date + c->overdue;

	switch (col->kind) {
	case COL_COUNT:
		return (double)count_of(c, col);
	case COL_COVERAGE:
		return c->households ? (double)c->covered / (double)c->households : NAN;
	case COL_VISIT_RATE:
		return judged ? (double)c->up_to_date / (double)judged : NAN;
	default:
		return c->eligible_members ? (double)c->load_sum / (double)c->eligible_members : NAN;
	}
}

/* xlsx: the rollup, one unit a row, worst first (the total is on the Summary sheet). */
static void xlsx_rollup(struct xlsx_book *b, const struct render_input *in)
{
	const struct col *cols[MAXCOLS];
	size_t n = columns(in->u, cols);
	struct xlsx_col xcols[MAXCOLS];
	char name[64], buf[32];

	for (size_t c = 0; c < n; c++) {
		xcols[c].header = cols[c]->kind == COL_NAME ? cols[c]->label : cols[c]->key;
		xcols[c].width = cols[c]->kind < COL_COUNT ? 18 : 10;
		xcols[c].kind = cols[c]->kind == COL_COVERAGE || cols[c]->kind == COL_VISIT_RATE ?
		    XLSX_PERCENT :
		    cols[c]->kind == COL_MEAN ? XLSX_DECIMAL :
		    cols[c]->kind == COL_COUNT ? XLSX_COUNT : XLSX_TEXT;
	}
	snprintf(name, sizeof(name), _("By %s"), _(level_labels[in->u->level]));
	xlsx_sheet(b, name, xcols, n, in->u->nrows);
	for (size_t i = 0; i < in->u->nrows; i++) {
		const struct rollup_counts *c = &in->u->rows[i].c;

		for (size_t k = 0; k < n; k++) {
			if (cols[k]->kind < COL_COUNT)
				xlsx_text(b, i, k,
				    cell(in, &in->u->rows[i], cols[k], false, buf, sizeof(buf)));
			else
				xlsx_number(b, i, k, xlsx_value(c, cols[k]), xcols[k].kind);
		}
	}
}

/* xlsx: households without a contact, in households.csv order. */
static void xlsx_uncovered(struct xlsx_book *b, const struct render_input *in)
{
	static const struct xlsx_col cols[] = {
		{ N_("household_id"), 22, XLSX_TEXT }, { N_("building_id"), 20, XLSX_TEXT },
		{ N_("unit"), 6, XLSX_TEXT }, { N_("room"), 8, XLSX_TEXT },
		{ N_("grid_id"), 18, XLSX_TEXT }, { N_("community"), 14, XLSX_TEXT },
		{ N_("head"), 10, XLSX_TEXT }, { N_("phone"), 14, XLSX_TEXT },
		{ N_("priority"), 10, XLSX_TEXT },
	};
	const struct roster *r = in->r;
	size_t row = 0;
	char buf[CELL_MAX];

	xlsx_sheet(b, _("Uncovered households"), cols, sizeof(cols) / sizeof(cols[0]),
	    (size_t)(in->u->total.households - in->u->total.covered));
	for (size_t h = 0; h < r->nhouseholds; h++) {
		const struct household *hh = &r->households[h];
		const struct grid *g = &r->grids[r->buildings[hh->building].grid];

		if (in->a->contact[h] >= 0 || hh->kind == KIND_VACANT)
			continue;
		xlsx_text(b, row, 0, hh->id);
		xlsx_text(b, row, 1, r->buildings[hh->building].id);
		xlsx_text(b, row, 2, hh->unit);
		xlsx_text(b, row, 3, hh->room);
		xlsx_text(b, row, 4, g->id);
		xlsx_text(b, row, 5, g->community >= 0 ? r->communities[g->community].name : "");
		xlsx_text(b, row, 6, shown_name(in, hh->head, buf, sizeof(buf)));
		xlsx_text(b, row, 7, shown_phone(in, hh->phone, buf, sizeof(buf)));
		xlsx_text(b, row++, 8, hh->priority ? hh->priority : "");
	}
}

/* xlsx: every eligible member's load against its capacity, in members.csv order. */
static void xlsx_loads(struct xlsx_book *b, const struct render_input *in)
{
	static const struct xlsx_col cols[] = {
		{ N_("member_id"), 14, XLSX_TEXT }, { N_("full name"), 10, XLSX_TEXT },
		{ N_("building_id"), 20, XLSX_TEXT }, { N_("grid_id"), 18, XLSX_TEXT },
		{ N_("community"), 14, XLSX_TEXT }, { N_("capacity"), 9, XLSX_COUNT },
		{ N_("load"), 7, XLSX_COUNT },
	};
	const struct roster *r = in->r;
	size_t row = 0;
	char buf[CELL_MAX];

	xlsx_sheet(b, _("Member loads"), cols, sizeof(cols) / sizeof(cols[0]),
	    (size_t)in->u->total.eligible_members);
	for (size_t m = 0; m < r->nmembers; m++) {
		const struct member *mm = &r->members[m];
		int c = member_community(r, mm);

		if (!member_eligible(mm, in->default_capacity))
			continue;
		xlsx_text(b, row, 0, mm->id);
		xlsx_text(b, row, 1, shown_name(in, mm->name, buf, sizeof(buf)));
		xlsx_text(b, row, 2, mm->building >= 0 ? r->buildings[mm->building].id : "");
		xlsx_text(b, row, 3, r->grids[mm->grid].id);
		xlsx_text(b, row, 4, c >= 0 ? r->communities[c].name : "");
		xlsx_number(b, row, 5, (double)member_capacity(mm, in->default_capacity),
		    XLSX_COUNT);
		xlsx_number(b, row++, 6, (double)in->a->load[m], XLSX_COUNT);
	}
}

/* xlsx: one overdue household's row: its contact (with phone, to ring), the household, its visits. */
static void xlsx_overdue_row(struct xlsx_book *b, const struct render_input *in, size_t row,
    int m, int h)
{
	const struct roster *r = in->r;
	const struct household *hh = &r->households[h];
	long since = visits_days_since(in->v, h);
	char buf[CELL_MAX], day[DATE_TEXT];

	xlsx_text(b, row, 0, m >= 0 ? r->members[m].id : in->v->contact[h]);
	xlsx_text(b, row, 1, m >= 0 ? shown_name(in, r->members[m].name, buf, sizeof(buf)) : "");
	xlsx_text(b, row, 2, m >= 0 ? shown_phone(in, r->members[m].phone, buf, sizeof(buf)) : "");
	xlsx_text(b, row, 3, hh->id);
	xlsx_text(b, row, 4, r->buildings[hh->building].id);
	xlsx_text(b, row, 5, hh->unit);
	xlsx_text(b, row, 6, hh->room);
	xlsx_text(b, row, 7, shown_name(in, hh->head, buf, sizeof(buf)));
	xlsx_text(b, row, 8, shown_phone(in, hh->phone, buf, sizeof(buf)));
	xlsx_text(b, row, 9, hh->priority ? hh->priority : "");
	xlsx_text(b, row, 10, since >= 0 ? date_format(in->v->per[h].last, day) : "");
	xlsx_number(b, row, 11, since >= 0 ? (double)since : NAN, XLSX_COUNT);
	xlsx_number(b, row, 12, (double)in->v->per[h].interval, XLSX_COUNT);
}

/* xlsx: the overdue households by member (members by grid, then those without a contact), to ring round. */
static void xlsx_overdue(struct xlsx_book *b, const struct render_input *in)
{
	static const struct xlsx_col cols[] = {
		{ N_("member_id"), 14, XLSX_TEXT }, { N_("member"), 10, XLSX_TEXT },
		{ N_("member phone"), 14, XLSX_TEXT }, { N_("household_id"), 22, XLSX_TEXT },
		{ N_("building_id"), 20, XLSX_TEXT }, { N_("unit"), 6, XLSX_TEXT },
		{ N_("room"), 8, XLSX_TEXT }, { N_("head"), 10, XLSX_TEXT },
		{ N_("phone"), 14, XLSX_TEXT }, { N_("priority"), 10, XLSX_TEXT },
		{ N_("last_visit"), 12, XLSX_TEXT }, { N_("days_since"), 10, XLSX_COUNT },
		{ N_("interval"), 9, XLSX_COUNT },
	};
	struct contact_lists l;
	size_t norphans, row = 0;
	int *orphans;

	visits_overdue_lists(in->v, in->r, &l, &orphans, &norphans);
	xlsx_sheet(b, _("Overdue households"), cols, sizeof(cols) / sizeof(cols[0]),
	    (size_t)in->v->overdue);
	for (size_t i = 0; i < l.nmembers; i++)
		for (size_t k = l.first[i]; k < l.first[i + 1]; k++)
			xlsx_overdue_row(b, in, row++, l.members[i], l.households[k]);
	for (size_t k = 0; k < norphans; k++)
		xlsx_overdue_row(b, in, row++, -1, orphans[k]);
	free(orphans);
	contact_lists_release(&l);
}

/* Writes the report workbook into o, opened on a file; returns -1 after a message. */
int report_write_xlsx(const struct output *o, const struct render_input *in)
{
	struct xlsx_book *b = xlsx_open(o->book, o->path);

	if (b == NULL)
		return -1;
	xlsx_summary(b, in);
	xlsx_rollup(b, in);
	xlsx_uncovered(b, in);
	xlsx_loads(b, in);
	if (in->v)
		xlsx_overdue(b, in);
	return xlsx_close(b);
}

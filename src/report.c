/* report: the report's columns and cells, as each of its formats shows them. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/report.h"

/* TRANSLATORS: a key (household_id ...) is an xlsx column header; csv and json keep it as it is. */
static const struct report_col key_cols[] = {
	{ N_("township"), N_("township"), COL_KEY, LEVEL_TOWNSHIP, 0 },
	{ N_("community"), N_("community"), COL_KEY, LEVEL_COMMUNITY, 0 },
	{ N_("grid_id"), N_("grid"), COL_KEY, LEVEL_GRID, 0 },
	{ N_("building_id"), N_("building"), COL_KEY, LEVEL_BUILDING, 0 },
	{ N_("member_id"), N_("member"), COL_KEY, LEVEL_MEMBER, 0 },
};

/* The name column: a building's name (名称), a member's (姓名); csv and json call both "name". */
static const struct report_col building_name_col = {
	N_("name"), N_("name"), COL_NAME, LEVEL_TOWNSHIP, 0
};
static const struct report_col member_name_col = {
	N_("name"), N_("full name"), COL_NAME, LEVEL_TOWNSHIP, 0
};

/* SPEC 5.6: the Party groups serving a grid, and a building's responsible member. */
static const struct report_col groups_col = {
	N_("groups"), N_("Party groups"), COL_GROUPS, LEVEL_GRID, 0
};
static const struct report_col responsible_col = {
	N_("responsible_member"), N_("responsible member"), COL_RESPONSIBLE, LEVEL_BUILDING, 0
};

#define COUNT(key, label, field) \
	{ key, label, COL_COUNT, LEVEL_TOWNSHIP, offsetof(struct rollup_counts, field) }

static const struct report_col value_cols[] = {
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
static const struct report_col visit_cols[] = {
	COUNT(N_("up_to_date"), N_("up to date"), up_to_date),
	COUNT(N_("overdue"), N_("overdue"), overdue),
	{ N_("visit_rate"), N_("visit rate"), COL_VISIT_RATE, LEVEL_TOWNSHIP, 0 },
	COUNT(N_("needs"), N_("needs"), needs),
	COUNT(N_("needs_resolved"), N_("needs resolved"), needs_resolved),
};

#define NVISITS (sizeof(visit_cols) / sizeof(visit_cols[0]))

/* The widest table: every key, a name, groups or the responsible member, every value. */
_Static_assert(LEVEL_MEMBER + 3 + NVALUES + NVISITS <= REPORT_MAXCOLS, "REPORT_MAXCOLS too small");

/* The levels for people: one unit, several. */
const char *const report_level_labels[] = {
	N_("township"), N_("community"), N_("grid"), N_("building"), N_("member")
};
const char *const report_plurals[] = {
	N_("townships"), N_("communities"), N_("grids"), N_("buildings"), N_("members")
};

size_t report_columns(const struct rollup *u, const struct report_col **cols)
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

long report_count(const struct rollup_counts *c, const struct report_col *col)
{
	return *(const long *)(const void *)((const char *)c + col->offset);
}

const char *report_row_name(const struct roster *r, const struct rollup_row *row)
{
	if (row->member >= 0)
		return r->members[row->member].name;
	return row->building >= 0 ? r->buildings[row->building].name : "";
}

/* A grid's groups or a building's responsible member ("" when none, or without organise). */
static const char *organisation_text(const struct render_input *in, const struct rollup_row *row,
    enum report_col_kind kind)
{
	int m;

	if (in->org == NULL)
		return "";
	if (kind == COL_GROUPS)
		return row->grid >= 0 ? in->org->served_by[row->grid] : "";
	m = row->building >= 0 ? in->org->responsible[row->building] : -1;
	return m >= 0 ? in->r->members[m].id : "";
}

const char *report_cell(const struct render_input *in, const struct rollup_row *row,
    const struct report_col *col, bool human, char *buf, size_t size)
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
			return shown_name(in, report_row_name(in->r, row), buf, size);
		return row ? report_row_name(in->r, row) : "";
	case COL_GROUPS:
	case COL_RESPONSIBLE:
		s = row ? organisation_text(in, row, col->kind) : "";
		return *s || !human || !row ? s : "-";
	case COL_COUNT:
		snprintf(buf, size, "%ld", report_count(c, col));
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

const char *report_percent(long part, long whole, char *buf, size_t size)
{
	struct rollup_counts c = { .households = whole, .covered = part };
	long v = rollup_coverage_permille(&c);

	if (v < 0)
		return "-";
	snprintf(buf, size, "%ld.%ld%%", v / 10, v % 10);
	return buf;
}

size_t report_units_covered(const struct rollup *u)
{
	size_t n = 0;

	for (size_t i = 0; i < u->nrows; i++)
		n += u->rows[i].c.households > 0 && u->rows[i].c.covered == u->rows[i].c.households;
	return n;
}

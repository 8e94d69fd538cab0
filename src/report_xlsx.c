/* report_xlsx: the report as a workbook: summary, rollup, uncovered households, member loads, overdue ones. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/report.h"
#include "lianhu/visits.h"
#include "lianhu/xlsx_out.h"

#define NVISIT_FACTS 8
#define NORG_FACTS 8

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

/* xlsx: the Party organisation's facts (as the HTML report shows them) on the Summary sheet from row first. */
static void xlsx_org_facts(struct xlsx_book *b, const struct organise *o, size_t first)
{
	const struct {
		const char *label;
		long value;
	} facts[NORG_FACTS] = {
		{ _("grids"), o->grids },
		{ _("grids served by a Party group"), o->grids_served },
		{ _("Party groups"), (long)o->ngroups },
		{ _("groups with a leader"), o->groups_with_leader },
		{ _("communities"), o->communities },
		{ _("branches with a secretary"), o->communities_with_secretary },
		{ _("buildings"), o->buildings },
		{ _("buildings with a responsible member"), o->buildings_with_member },
	};

	for (size_t i = 0; i < NORG_FACTS; i++) {
		xlsx_text(b, first + i, 0, facts[i].label);
		xlsx_number(b, first + i, 1, (double)facts[i].value, XLSX_COUNT);
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
		    (double)in->r->default_capacity, XLSX_COUNT },
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
		{ _("units fully covered"), (double)report_units_covered(in->u), XLSX_COUNT },
	};
	size_t nfacts = sizeof(facts) / sizeof(facts[0]);

	xlsx_sheet(b, _("Summary"), cols, 2,
	    nfacts + 2 + (in->v ? NVISIT_FACTS : 0) + (in->org ? NORG_FACTS : 0));
	xlsx_text(b, 0, 0, _("by"));
	xlsx_text(b, 0, 1, _(report_level_labels[in->u->level]));
	xlsx_text(b, 1, 0, _("scope"));
	xlsx_text(b, 1, 1, tier_label(in->r->scope));
	for (size_t i = 0; i < nfacts; i++) {
		xlsx_text(b, i + 2, 0, facts[i].label);
		xlsx_number(b, i + 2, 1, facts[i].value, facts[i].kind);
	}
	if (in->v)
		xlsx_visit_facts(b, in, nfacts + 2);
	if (in->org)
		xlsx_org_facts(b, in->org, nfacts + 2 + (in->v ? NVISIT_FACTS : 0));
}

/* A number column's value in a workbook: a count, a share (0 to 1) or a mean; NaN when there is none. */
static double xlsx_value(const struct rollup_counts *c, const struct report_col *col)
{
	long judged = c->up_to_date + c->overdue;

	switch (col->kind) {
	case COL_COUNT:
		return (double)report_count(c, col);
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
	const struct report_col *cols[REPORT_MAXCOLS];
	size_t n = report_columns(in->u, cols);
	struct xlsx_col xcols[REPORT_MAXCOLS];
	char name[64], buf[32];

	for (size_t c = 0; c < n; c++) {
		xcols[c].header = cols[c]->kind == COL_NAME ? cols[c]->label : cols[c]->key;
		xcols[c].width = cols[c]->kind < COL_COUNT ? 18 : 10;
		xcols[c].kind = cols[c]->kind == COL_COVERAGE || cols[c]->kind == COL_VISIT_RATE ?
		    XLSX_PERCENT :
		    cols[c]->kind == COL_MEAN ? XLSX_DECIMAL :
		    cols[c]->kind == COL_COUNT ? XLSX_COUNT : XLSX_TEXT;
	}
	snprintf(name, sizeof(name), _("By %s"), _(report_level_labels[in->u->level]));
	xlsx_sheet(b, name, xcols, n, in->u->nrows);
	for (size_t i = 0; i < in->u->nrows; i++) {
		const struct rollup_counts *c = &in->u->rows[i].c;

		for (size_t k = 0; k < n; k++) {
			if (cols[k]->kind < COL_COUNT)
				xlsx_text(b, i, k,
				    report_cell(in, &in->u->rows[i], cols[k], false, buf, sizeof(buf)));
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
	char buf[REPORT_CELL_MAX];

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
	char buf[REPORT_CELL_MAX];

	xlsx_sheet(b, _("Member loads"), cols, sizeof(cols) / sizeof(cols[0]),
	    (size_t)in->u->total.eligible_members);
	for (size_t m = 0; m < r->nmembers; m++) {
		const struct member *mm = &r->members[m];
		int c = member_community(r, mm);

		if (!mm->eligible)
			continue;
		xlsx_text(b, row, 0, mm->id);
		xlsx_text(b, row, 1, shown_name(in, mm->name, buf, sizeof(buf)));
		xlsx_text(b, row, 2, mm->building >= 0 ? r->buildings[mm->building].id : "");
		xlsx_text(b, row, 3, r->grids[mm->grid].id);
		xlsx_text(b, row, 4, c >= 0 ? r->communities[c].name : "");
		xlsx_number(b, row, 5, (double)mm->capacity, XLSX_COUNT);
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
	char buf[REPORT_CELL_MAX], day[DATE_TEXT];

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

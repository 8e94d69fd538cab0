/* audit: checks a mapping (often made by hand) against the roster: SPEC §4's findings and coverage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/audit.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"

static const enum diag_code codes[FIND_COUNT] = {
	DIAG_UNCOVERED, DIAG_MULTIPLE_CONTACTS, DIAG_UNKNOWN_HOUSEHOLD, DIAG_UNKNOWN_MEMBER,
	DIAG_INELIGIBLE_MEMBER, DIAG_OUT_OF_SCOPE, DIAG_OVERLOADED, DIAG_IDLE_MEMBER,
};

const char *finding_name(enum finding_code code)
{
	return diag_name(codes[code]);
}

static void add(struct audit *a, enum finding_code code, int h, int m, const char *hid,
    const char *mid, long line)
{
	GROW(a->findings, a->findings_alloc, a->nfindings + 1);
	a->findings[a->nfindings++] = (struct finding){ code, h, m, hid, mid, line, -1 };
	a->counts[code]++;
}

/* Checks that row's member m of the roster may cover household h; returns m when it does, else -1. */
static int check_contact(struct audit *a, const struct roster *r, const struct mapping_row *row,
    int h, int m)
{
	if (!r->members[m].eligible) {
		add(a, FIND_INELIGIBLE, h, m, row->household_id, row->member_id, row->line);
		return -1;
	}
	if (++a->load[m] == r->members[m].capacity + 1)
		add(a, FIND_OVERLOADED, h, m, row->household_id, row->member_id, row->line);
	if (roster_tier(r, r->households[h].building, &r->members[m]) > r->scope) {
		add(a, FIND_OUT_OF_SCOPE, h, m, row->household_id, row->member_id, row->line);
		return -1;
	}
	return m;
}

/* Checks one row; returns the member when the row covers its household, else -1. */
static int check_row(struct audit *a, const struct roster *r, const struct mapping_row *row, int h)
{
	int m;

	if (h < 0) {
		add(a, FIND_UNKNOWN_HOUSEHOLD, -1, -1, row->household_id, row->member_id, row->line);
		return -1;
	}
	if (!*row->member_id)
		return -1;
	if ((m = strmap_get(&r->member_ids, row->member_id)) < 0) {
		add(a, FIND_UNKNOWN_MEMBER, h, -1, row->household_id, row->member_id, row->line);
		return -1;
	}
	return check_contact(a, r, row, h, m);
}

/* Points each unknown ID at the roster's ID it is but for leading zeros, if any (Excel drops them). */
static void zeros_lost(struct audit *a, const struct roster *r)
{
	struct strmap index[2];
	bool need[2] = { a->counts[FIND_UNKNOWN_HOUSEHOLD] > 0, a->counts[FIND_UNKNOWN_MEMBER] > 0 };

	for (int members = 0; members < 2; members++)
		if (need[members])
			roster_unpadded_index(r, members, &index[members]);
	for (size_t i = 0; i < a->nfindings; i++) {
		struct finding *f = &a->findings[i];

		if (f->code == FIND_UNKNOWN_HOUSEHOLD)
			f->like = roster_unpadded_match(r, false, &index[0], f->household_id);
		else if (f->code == FIND_UNKNOWN_MEMBER)
			f->like = roster_unpadded_match(r, true, &index[1], f->member_id);
	}
	for (int members = 0; members < 2; members++)
		if (need[members])
			strmap_release(&index[members]);
}

/* An audit with no contact yet: households counted, every load 0. */
static void start(struct audit *a, const struct roster *r)
{
	memset(a, 0, sizeof(*a));
	a->contact = xmalloc((r->nhouseholds + 1) * sizeof(*a->contact));
	a->load = xcalloc(r->nmembers + 1, sizeof(*a->load));
	for (size_t h = 0; h < r->nhouseholds; h++) {
		a->contact[h] = -1;
		if (r->households[h].kind == KIND_VACANT)
			continue;
		a->households++;
		a->priority_households += r->households[h].priority != NULL;
	}
}

/* Counts the coverage of the contacts found, and finds the uncovered households and idle members. */
static void finish(struct audit *a, const struct roster *r)
{
	for (size_t h = 0; h < r->nhouseholds; h++) {
		if (r->households[h].kind == KIND_VACANT)
			continue;
		if (a->contact[h] >= 0) {
			a->covered++;
			a->priority_covered += r->households[h].priority != NULL;
		} else {
			add(a, FIND_UNCOVERED, (int)h, -1, r->households[h].id, NULL, 0);
		}
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		if (!r->members[m].eligible)
			continue;
		a->eligible++;
		if (a->load[m] == 0)
			add(a, FIND_IDLE, -1, (int)m, NULL, r->members[m].id, 0);
	}
}

void audit_run(struct audit *a, const struct roster *r, const struct mapping *map)
{
	long *named = xcalloc(r->nhouseholds + 1, sizeof(*named));

	start(a, r);
	for (size_t i = 0; i < map->nrows; i++) {
		const struct mapping_row *row = &map->rows[i];
		int h = strmap_get(&r->household_ids, row->household_id);
		int m;

		if (h >= 0 && r->households[h].kind == KIND_VACANT)
			continue;	/* counted in no figure: its rows neither cover nor load */
		m = check_row(a, r, row, h);

		if (h >= 0 && *row->member_id && ++named[h] == 2)
			add(a, FIND_MULTIPLE, h, -1, row->household_id, row->member_id, row->line);
		if (m >= 0 && a->contact[h] < 0)
			a->contact[h] = m;
	}
	finish(a, r);
	zeros_lost(a, r);
	free(named);
}

void audit_contacts(struct audit *a, const struct roster *r, const int *contact)
{
	start(a, r);
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int m = contact[h];

		if (m < 0 || r->households[h].kind == KIND_VACANT)
			continue;
		a->contact[h] = check_contact(a, r, &(struct mapping_row){
		    .household_id = r->households[h].id, .member_id = r->members[m].id,
		    .building_id = "" }, (int)h, m);
	}
	finish(a, r);
}

void audit_release(struct audit *a)
{
	free(a->findings);
	free(a->contact);
	free(a->load);
	memset(a, 0, sizeof(*a));
}

/* out-of-scope by the tier between household and member: the nearest they are. */
static const char *const too_far[] = {
	N_("member '%s' is too far from household '%s' (building)"),
	N_("member '%s' is too far from household '%s' (grid)"),
	N_("member '%s' is too far from household '%s' (community)"),
	N_("member '%s' is too far from household '%s' (township)"),
	N_("member '%s' is too far from household '%s' (no common township)"),
};

const char *finding_message(const struct finding *f, const struct roster *r)
{
	static char buf[1024];
	char hint[512];
	const char *hid = f->household_id ? f->household_id : "";
	const char *mid = f->member_id ? f->member_id : "";
	const char *status;

	switch (f->code) {
	case FIND_UNCOVERED:
		snprintf(buf, sizeof(buf), _("household '%s' has no contact"), hid);
		break;
	case FIND_MULTIPLE:
		snprintf(buf, sizeof(buf),
		    _("household '%s' is named with a member on more than one row"), hid);
		break;
	case FIND_UNKNOWN_HOUSEHOLD:
		if (f->like >= 0)
			snprintf(buf, sizeof(buf), _("household '%s' is not in the roster; %s"), hid,
			    roster_zeros_hint(hint, sizeof(hint), hid, r->households[f->like].id));
		else
			snprintf(buf, sizeof(buf), _("household '%s' is not in the roster"), hid);
		break;
	case FIND_UNKNOWN_MEMBER:
		if (f->like >= 0)
			snprintf(buf, sizeof(buf),
			    _("member '%s' (of household '%s') is not in the roster; %s"), mid, hid,
			    roster_zeros_hint(hint, sizeof(hint), mid, r->members[f->like].id));
		else
			snprintf(buf, sizeof(buf),
			    _("member '%s' (of household '%s') is not in the roster"), mid, hid);
		break;
	case FIND_INELIGIBLE:
		status = r->members[f->member].status;
		if (r->members[f->member].status_eligible)	/* then its capacity is 0 */
			snprintf(buf, sizeof(buf),
			    _("member '%s' (of household '%s') is not eligible (capacity 0)"), mid, hid);
		else if (*status)
			snprintf(buf, sizeof(buf),
			    _("member '%s' (of household '%s') is not eligible (status %s)"), mid, hid,
			    status);
		else
			snprintf(buf, sizeof(buf), _("member '%s' (of household '%s') is not eligible"),
			    mid, hid);
		break;
	case FIND_OUT_OF_SCOPE:
		snprintf(buf, sizeof(buf), _(too_far[roster_tier(r,
		    r->households[f->household].building, &r->members[f->member])]), mid, hid);
		break;
	case FIND_OVERLOADED:
		snprintf(buf, sizeof(buf), _("member '%s' is named on more rows than its capacity %ld"),
		    mid, r->members[f->member].capacity);
		break;
	case FIND_IDLE:
		snprintf(buf, sizeof(buf), _("member '%s' has no household"), mid);
		break;
	default:
		abort();
	}
	return buf;
}

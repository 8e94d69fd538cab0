/* cards: what a member's contact card (联系卡) says, as the lists' formats write it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/cards.h"
#include "lianhu/i18n.h"
#include "lianhu/util.h"

const char *card_building_label(const struct building *b)
{
	return *b->name ? b->name : b->id;
}

char *card_responsible_buildings(const struct render_input *in, int m, bool ids)
{
	const struct organise *o = in->org;
	size_t len = 1, from = o ? o->member_first[m] : 0, to = o ? o->member_first[m + 1] : 0;
	char *s, *end;

	for (size_t k = from; k < to; k++)
		len += strlen(in->r->buildings[o->member_buildings[k]].id) +
		    strlen(in->r->buildings[o->member_buildings[k]].name) + strlen("、");
	end = s = xmalloc(len);
	*s = '\0';
	for (size_t k = from; k < to; k++) {
		const struct building *b = &in->r->buildings[o->member_buildings[k]];

		end = stpcpy(stpcpy(end, k == from ? "" : "、"), ids ? b->id : card_building_label(b));
	}
	return s;
}

char *card_title(const struct render_input *in, const struct member *m)
{
	const struct roster *r = in->r;
	int c = member_community(r, m), t = member_township(r, m);
	const char *cn = c >= 0 ? r->communities[c].name : "", *tn = t >= 0 ? r->townships[t] : "";
	char *title;

	if (in->title != NULL)
		return xstrdup(in->title);
	if (!*cn && !*tn)
		return xstrdup(_("Household contact card"));
	title = xmalloc(strlen(cn) + strlen(tn) + 128);
	if (*cn && *tn)
		/* TRANSLATORS: a contact card's title: township, community. */
		snprintf(title, strlen(cn) + strlen(tn) + 128, _("%s %s household contact card"), tn, cn);
	else
		/* TRANSLATORS: a contact card's title: the township or the community. */
		snprintf(title, strlen(cn) + strlen(tn) + 128, _("%s household contact card"),
		    *cn ? cn : tn);
	return title;
}

size_t card_fields(const struct render_input *in, size_t i, struct card_field *f)
{
	const struct roster *r = in->r;
	const struct member *m = &r->members[in->l->members[i]];
	size_t n = 0, households = in->l->first[i + 1] - in->l->first[i], priority = 0, shops = 0;
	struct card_masked buf;
	const char *name = shown_name(in, m->name, buf.member_name, CARD_FIELD_MAX);
	char *s;

	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++) {
		priority += r->households[in->l->households[k]].priority != NULL;
		shops += r->households[in->l->households[k]].kind == KIND_SHOP;
	}
	s = xmalloc(strlen(name) + strlen(m->id) + 4);
	sprintf(s, *name ? "%s (%s)" : "%s%s", name, m->id);
	f[n++] = (struct card_field){ _("Party member"), s };
	f[n++] = (struct card_field){ _("Phone"),
	    xstrdup(*m->phone ? shown_phone(in, m->phone, buf.member_phone, CARD_FIELD_MAX) : "-") };
	f[n++] = (struct card_field){ _("Branch"), xstrdup(*m->branch ? m->branch : "-") };
	if (*m->group)
		f[n++] = (struct card_field){ _("Party group"), xstrdup(m->group) };
	f[n++] = (struct card_field){ _("Grid"), xstrdup(r->grids[m->grid].id) };
	s = xmalloc(128);
	/* TRANSLATORS: the households of a card; then how many are priority households and shops. */
	snprintf(s, 128, ngettext("%zu household", "%zu households", households), households);
	if (priority || shops)
		snprintf(s + strlen(s), 128 - strlen(s), _(" (priority %zu, shops %zu)"), priority,
		    shops);
	f[n++] = (struct card_field){ _("Households"), s };
	s = card_responsible_buildings(in, in->l->members[i], false);
	if (*s)
		f[n++] = (struct card_field){ _("Responsible for"), s };
	else
		free(s);
	return n;
}

void card_fields_release(struct card_field *f, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(f[k].value);
}

const char *card_household_mark(const struct household *h, size_t k)
{
	const char *marks[2] = { h->kind == KIND_SHOP ? _("shop") : NULL, h->priority };
	size_t seen = 0;

	for (size_t m = 0; m < 2; m++)
		if (marks[m] != NULL && seen++ == k)
			return marks[m];
	return NULL;
}

/* The headings of a card's household table, after its "#". */
const char *const card_household_heads[CARD_HOUSEHOLD_HEADS] = {
	N_("building"), N_("unit"), N_("room"), N_("head"), N_("phone"), N_("household"),
	N_("marks")
};

/* The headings of the blank visit-record table: date, household (its # above), way, what was said, need, signature. */
const char *const card_visit_heads[CARD_VISIT_HEADS] = {
	N_("date"), N_("#"), N_("way"), N_("what was said"), N_("need (诉求)"), N_("signature")
};

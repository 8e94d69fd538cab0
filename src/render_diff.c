/* render_diff: what diff writes: the changes household by household or, with the roster, member by member. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "lianhu/i18n.h"
#include "lianhu/render_diff.h"
#include "lianhu/render_notice.h"
#include "lianhu/text.h"

/* The kinds as the text format shows them (csv and json keep change_kind_name). */
static const char *const change_labels[] = {
	N_("unchanged"), N_("added"), N_("removed"), N_("changed")
};

static cJSON *member_or_null(const char *s)
{
	return *s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static const char *member_name(const struct roster *r, const char *id)
{
	int m = r ? strmap_get(&r->member_ids, id) : -1;

	return m >= 0 ? r->members[m].name : "";
}

/* With the roster, a row also names the household and both members, and says why. */
static void json_row_details(cJSON *item, const struct roster *r, const struct change *ch)
{
	const struct household *h = ch->h >= 0 ? &r->households[ch->h] : NULL;

	cJSON_AddItemToObject(item, "reason", *change_reason_name(ch->reason) ?
	    cJSON_CreateString(change_reason_name(ch->reason)) : cJSON_CreateNull());
	cJSON_AddStringToObject(item, "head", h ? h->head : "");
	cJSON_AddStringToObject(item, "building_id", h ? r->buildings[h->building].id : "");
	cJSON_AddStringToObject(item, "unit", h ? h->unit : "");
	cJSON_AddStringToObject(item, "room", h ? h->room : "");
	cJSON_AddStringToObject(item, "old_name", member_name(r, ch->old));
	cJSON_AddStringToObject(item, "new_name", member_name(r, ch->new));
}

/* With the roster: each member's households taken on and handed over, by household ID. */
static void json_members(cJSON *root, const struct roster *r, const struct changes *c)
{
	cJSON *members = cJSON_AddArrayToObject(root, "members");

	for (size_t i = 0; i < c->nnotices; i++) {
		const struct notice *nt = &c->notices[i];
		cJSON *item = cJSON_CreateObject(), *added, *taken;

		cJSON_AddStringToObject(item, "member_id", nt->member_id);
		cJSON_AddStringToObject(item, "name", member_name(r, nt->member_id));
		added = cJSON_AddArrayToObject(item, "added");
		taken = cJSON_AddArrayToObject(item, "taken_away");
		for (size_t k = 0; k < nt->nadded + nt->ntaken; k++)
			cJSON_AddItemToArray(k < nt->nadded ? added : taken,
			    cJSON_CreateString(c->list[c->items[nt->first + k]].household));
		cJSON_AddItemToArray(members, item);
	}
}

static void print_json(FILE *fp, const struct changes *c, const struct roster *r)
{
	cJSON *root = cJSON_CreateObject(), *rows;

	for (int k = CHANGE_ADDED; k <= CHANGE_CHANGED; k++)
		cJSON_AddNumberToObject(root, change_kind_name(k), (double)c->counts[k]);
	cJSON_AddNumberToObject(root, "unchanged", (double)c->counts[CHANGE_NONE]);
	if (r) {
		cJSON_AddNumberToObject(root, "left_roster", (double)c->reasons[REASON_LEFT_ROSTER]);
		cJSON_AddNumberToObject(root, "lost_contact",
		    (double)c->reasons[REASON_LOST_CONTACT]);
	}
	rows = cJSON_AddArrayToObject(root, "rows");
	for (size_t i = 0; i < c->n; i++) {
		const struct change *ch = &c->list[i];
		cJSON *item;

		if (ch->kind == CHANGE_NONE)
			continue;
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "household_id", ch->household);
		cJSON_AddItemToObject(item, "old", member_or_null(ch->old));
		cJSON_AddItemToObject(item, "new", member_or_null(ch->new));
		cJSON_AddStringToObject(item, "kind", change_kind_name(ch->kind));
		if (r)
			json_row_details(item, r, ch);
		cJSON_AddItemToArray(rows, item);
	}
	if (r)
		json_members(root, r, c);
	json_write(fp, root);
}

/* Without the roster: a household a line (text) or row (csv), as SPEC has it. */
static void print_rows(struct output *o, const struct changes *c, bool csv)
{
	static const char *const header[] = { "household_id", "old", "new", "kind" };

	for (size_t k = 0; csv && k < 4; k++)
		csv_field(o, header[k]);
	if (csv)
		csv_row_end(o);
	for (size_t i = 0; i < c->n; i++) {
		const struct change *ch = &c->list[i];

		if (ch->kind == CHANGE_NONE)
			continue;
		if (!csv) {
			const char *kind = _(change_labels[ch->kind]);

			/* The kind padded to 8 columns (display columns: a translation may be wide). */
			fputs(kind, o->fp);
			for (size_t w = display_width(kind); w < 8; w++)
				putc(' ', o->fp);
			putc(' ', o->fp);	/* IDs may hold line breaks: escaped, they forge no line */
			fput_visible(ch->household, o->fp);
			fputs(": ", o->fp);
			fput_visible(*ch->old ? ch->old : _("(none)"), o->fp);
			fputs(" -> ", o->fp);
			fput_visible(*ch->new ? ch->new : _("(none)"), o->fp);
			putc('\n', o->fp);
			continue;
		}
		csv_field(o, ch->household);
		csv_field(o, ch->old);
		csv_field(o, ch->new);
		csv_field(o, change_kind_name(ch->kind));
		csv_row_end(o);
	}
}

/* With the roster, text: each member, then its households taken on (+) and handed over (-). */
static void print_notices_text(FILE *fp, const struct roster *r, const struct changes *c)
{
	for (size_t i = 0; i < c->nnotices; i++) {
		const struct notice *nt = &c->notices[i];
		const char *name = member_name(r, nt->member_id);

		fput_visible(nt->member_id, fp);	/* roster text escaped: it forges no line */
		fputs(*name ? " " : "", fp);
		fput_visible(name, fp);
		fputs(": ", fp);
		fprintf(fp, _("%zu taken on, %zu handed over"), nt->nadded, nt->ntaken);
		putc('\n', fp);
		for (size_t k = 0; k < nt->nadded + nt->ntaken; k++) {
			const struct change *ch = &c->list[c->items[nt->first + k]];
			char *note = change_note(r, ch, k >= nt->nadded);

			fprintf(fp, "  %c ", k < nt->nadded ? '+' : '-');
			fput_visible(ch->household, fp);
			{
				const char *head = ch->h >= 0 ? r->households[ch->h].head : "";
				char *where = change_address(r, ch);

				fputs(" ", fp);
				fput_visible(head, fp);
				fputs(*head ? " (" : "(", fp);
				fput_visible(where, fp);
				fputs(")", fp);
				free(where);
			}
			fputs(": ", fp);
			fput_visible(note, fp);
			putc('\n', fp);
			free(note);
		}
	}
}

/* The csv columns with the roster: a row per member and household, on that member's notice. */
static const char *const notice_header[] = {
	"member_id", "member_name", "change", "household_id", "head", "phone", "building_id",
	"building_name", "unit", "room", "old", "new", "kind", "reason"
};

/* With the roster, csv: a row a member's household, taken on ("added") or handed over ("taken-away"). */
static void print_notices_csv(struct output *o, const struct roster *r, const struct changes *c)
{
	for (size_t k = 0; k < sizeof(notice_header) / sizeof(notice_header[0]); k++)
		csv_field(o, notice_header[k]);
	csv_row_end(o);
	for (size_t i = 0; i < c->nnotices; i++) {
		const struct notice *nt = &c->notices[i];

		for (size_t k = 0; k < nt->nadded + nt->ntaken; k++) {
			const struct change *ch = &c->list[c->items[nt->first + k]];
			const struct household *h = ch->h >= 0 ? &r->households[ch->h] : NULL;
			const struct building *b = h ? &r->buildings[h->building] : NULL;

			csv_field(o, nt->member_id);
			csv_field(o, member_name(r, nt->member_id));
			csv_field(o, k < nt->nadded ? "added" : "taken-away");
			csv_field(o, ch->household);
			csv_field(o, h ? h->head : "");
			csv_field(o, h ? h->phone : "");
			csv_field(o, b ? b->id : "");
			csv_field(o, b ? b->name : "");
			csv_field(o, h ? h->unit : "");
			csv_field(o, h ? h->room : "");
			csv_field(o, ch->old);
			csv_field(o, ch->new);
			csv_field(o, change_kind_name(ch->kind));
			csv_field(o, change_reason_name(ch->reason));
			csv_row_end(o);
		}
	}
}

void diff_write(struct output *out, enum render_format format, const struct changes *c,
    const struct roster *r, const struct out_opts *opts)
{
	char date[11];

	if (format == RENDER_JSON) {
		print_json(out->fp, c, r);
	} else if (format == RENDER_HTML) {
		today_iso(date);
		notice_write_html(out->fp, r, c, date, opts->gb18030 ? "gb18030" : "utf-8");
	} else if (r) {
		if (format == RENDER_CSV)
			print_notices_csv(out, r, c);
		else
			print_notices_text(out->fp, r, c);
	} else {
		print_rows(out, c, format == RENDER_CSV);
	}
}

void diff_summary(FILE *fp, const struct changes *c, const struct roster *r)
{
	const long *n = c->counts;

	if (r == NULL) {
		fprintf(fp, _("diff: %ld added, %ld removed, %ld changed, %ld unchanged\n"),
		    n[CHANGE_ADDED], n[CHANGE_REMOVED], n[CHANGE_CHANGED], n[CHANGE_NONE]);
		return;
	}
	fprintf(fp, _("diff: %ld added, %ld removed (%ld left the roster, %ld lost their "
	    "contact), %ld changed, %ld unchanged; %zu members to tell\n"), n[CHANGE_ADDED],
	    n[CHANGE_REMOVED], c->reasons[REASON_LEFT_ROSTER], c->reasons[REASON_LOST_CONTACT],
	    n[CHANGE_CHANGED], n[CHANGE_NONE], c->nnotices);
}

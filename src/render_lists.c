/* render_lists: the contact lists as CSV and xlsx, the cards (联系卡) as Markdown (HTML: cards_html.c). */
#include <stdlib.h>
#include <string.h>

#include "lianhu/cards.h"
#include "lianhu/i18n.h"
#include "lianhu/text.h"
#include "lianhu/util.h"
#include "lianhu/xlsx_out.h"

/* The columns of the csv and xlsx lists: one row a household, the member's fields repeated. */
enum list_col {
	L_MEMBER_ID, L_MEMBER_NAME, L_MEMBER_PHONE, L_BRANCH, L_GROUP, L_RESPONSIBLE, L_GRID,
	L_BUILDING, L_BUILDING_NAME, L_UNIT, L_ROOM, L_HOUSEHOLD, L_HEAD, L_PHONE, L_KIND, L_PRIORITY,
	L_COUNT
};

/* The headers: csv writes them as they are, xlsx_sheet their translations. */
static const struct xlsx_col list_cols[L_COUNT] = {
	{ N_("member_id"), 12, XLSX_TEXT }, { N_("member_name"), 12, XLSX_TEXT },
	{ N_("member_phone"), 14, XLSX_TEXT }, { N_("branch"), 16, XLSX_TEXT },
	{ N_("member_group"), 12, XLSX_TEXT }, { N_("responsible_buildings"), 20, XLSX_TEXT },
	{ N_("grid_id"), 18, XLSX_TEXT }, { N_("building_id"), 20, XLSX_TEXT },
	{ N_("building_name"), 12, XLSX_TEXT }, { N_("unit"), 6, XLSX_TEXT },
	{ N_("room"), 8, XLSX_TEXT }, { N_("household_id"), 22, XLSX_TEXT },
	{ N_("head"), 10, XLSX_TEXT }, { N_("phone"), 14, XLSX_TEXT },
	{ N_("kind"), 8, XLSX_TEXT }, { N_("priority"), 10, XLSX_TEXT },
};

/* The kind as CSV writes it (SPEC's words). */
static const char *kind_name(enum household_kind k)
{
	return k == KIND_SHOP ? "shop" : "resident";
}

/* The fields of one list row: member m's (responsible: its buildings) and household h's, names and phones as shown. */
static void list_fields(const struct render_input *in, int m, int h, const char *responsible,
    const char **f, struct card_masked *buf)
{
	const struct roster *r = in->r;
	const struct member *mm = &r->members[m];
	const struct household *hh = &r->households[h];
	const struct building *b = &r->buildings[hh->building];

	f[L_MEMBER_ID] = mm->id;
	f[L_MEMBER_NAME] = shown_name(in, mm->name, buf->member_name, CARD_FIELD_MAX);
	f[L_MEMBER_PHONE] = shown_phone(in, mm->phone, buf->member_phone, CARD_FIELD_MAX);
	f[L_BRANCH] = mm->branch;
	f[L_GROUP] = mm->group;
	f[L_RESPONSIBLE] = responsible;
	f[L_GRID] = r->grids[mm->grid].id;
	f[L_BUILDING] = b->id;
	f[L_BUILDING_NAME] = b->name;
	f[L_UNIT] = hh->unit;
	f[L_ROOM] = hh->room;
	f[L_HOUSEHOLD] = hh->id;
	f[L_HEAD] = shown_name(in, hh->head, buf->head, CARD_FIELD_MAX);
	f[L_PHONE] = shown_phone(in, hh->phone, buf->phone, CARD_FIELD_MAX);
	f[L_KIND] = kind_name(hh->kind);
	f[L_PRIORITY] = hh->priority ? hh->priority : "";
}

static void write_csv(struct output *o, const struct render_input *in)
{
	const struct contact_lists *l = in->l;
	const char *f[L_COUNT];
	struct card_masked buf;

	for (int c = 0; c < L_COUNT; c++)
		csv_field(o, list_cols[c].header);
	csv_row_end(o);
	for (size_t i = 0; i < l->nmembers; i++) {
		char *responsible = card_responsible_buildings(in, l->members[i], true);

		for (size_t k = l->first[i]; k < l->first[i + 1]; k++) {
			list_fields(in, l->members[i], l->households[k], responsible, f, &buf);
			for (int c = 0; c < L_COUNT; c++)
				csv_field(o, f[c]);
			csv_row_end(o);
		}
		free(responsible);
	}
}

static void md_household(FILE *fp, const struct render_input *in, const struct household *h,
    size_t n)
{
	struct card_masked buf;
	const char *cells[] = { card_building_label(&in->r->buildings[h->building]), h->unit, h->room,
		shown_name(in, h->head, buf.head, CARD_FIELD_MAX),
		shown_phone(in, h->phone, buf.phone, CARD_FIELD_MAX), h->id };

	fprintf(fp, "| %zu |", n);
	for (size_t c = 0; c < sizeof(cells) / sizeof(cells[0]); c++) {
		putc(' ', fp);
		md_put(fp, cells[c]);
		fputs(" |", fp);
	}
	putc(' ', fp);
	for (size_t k = 0; card_household_mark(h, k); k++) {
		fputs(k ? " · " : "", fp);
		md_put(fp, card_household_mark(h, k));
	}
	fputs(" |\n", fp);
}

#define MD_VISIT_ROWS 5	/* blank rows of the visit record in Markdown */

static void md_member(FILE *fp, const struct render_input *in, size_t i)
{
	const struct member *m = &in->r->members[in->l->members[i]];
	struct card_field f[CARD_FIELDS_MAX];
	size_t nf = card_fields(in, i, f);
	char *title = card_title(in, m);

	fputs("## ", fp);
	md_put(fp, f[0].value);
	fputs("\n\n", fp);
	md_put(fp, title);
	fputs("\n\n", fp);
	for (size_t k = 1; k < nf; k++) {
		fputs(k > 1 ? " · " : "", fp);
		/* TRANSLATORS: a label before its value. */
		fprintf(fp, _("%s: "), f[k].label);
		md_put(fp, f[k].value);
	}
	fputs("\n\n| # |", fp);
	for (size_t c = 0; c < CARD_HOUSEHOLD_HEADS; c++)
		fprintf(fp, " %s |", _(card_household_heads[c]));
	fputs("\n|---:|---|---|---|---|---|---|---|\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		md_household(fp, in, &in->r->households[in->l->households[k]], k - in->l->first[i] + 1);
	fprintf(fp, "\n%s\n\n|", _("Visit record"));
	for (size_t c = 0; c < CARD_VISIT_HEADS; c++)
		fprintf(fp, " %s |", _(card_visit_heads[c]));
	fputs("\n|---|---|---|---|---|---|\n", fp);
	for (int k = 0; k < MD_VISIT_ROWS; k++)
		fputs("| | | | | | |\n", fp);
	free(title);
	card_fields_release(f, nf);
}

static void write_md(FILE *fp, const struct render_input *in)
{
	fputs("# ", fp);
	md_put(fp, in->title ? in->title : _("Contact cards"));
	fputs("\n\n", fp);
	fprintf(fp, ngettext("Made %s. %zu member with households; households in walking order "
	    "(building, unit, room).\n", "Made %s. %zu members with households; households in walking "
	    "order (building, unit, room).\n", in->l->nmembers), in->date, in->l->nmembers);
	for (size_t i = 0; i < in->l->nmembers; i++) {
		putc('\n', fp);
		md_member(fp, in, i);
	}
}

int lists_write(struct output *o, enum render_format format, const struct render_input *in)
{
	switch (format) {
	case RENDER_CSV:
		write_csv(o, in);
		return 0;
	case RENDER_MD:
		write_md(o->fp, in);
		return 0;
	case RENDER_HTML:
		cards_write_html(o->fp, in);
		return 0;
	default:
		abort();
	}
}

int lists_write_xlsx(const struct output *o, const struct render_input *in)
{
	const struct contact_lists *l = in->l;
	struct xlsx_book *b = xlsx_open(o->book, o->path);
	const char *f[L_COUNT];
	struct card_masked buf;
	size_t row = 0;

	if (b == NULL)
		return -1;
	xlsx_sheet(b, _("Contact lists"), list_cols, L_COUNT, l->first[l->nmembers]);
	for (size_t i = 0; i < l->nmembers; i++) {
		char *responsible = card_responsible_buildings(in, l->members[i], true);

		for (size_t k = l->first[i]; k < l->first[i + 1]; k++, row++) {
			list_fields(in, l->members[i], l->households[k], responsible, f, &buf);
			f[L_KIND] = in->r->households[l->households[k]].kind == KIND_SHOP ?
			    _("shop") : _("resident");
			for (int c = 0; c < L_COUNT; c++)
				xlsx_text(b, row, (size_t)c, f[c]);
		}
		free(responsible);
	}
	return xlsx_close(b);
}

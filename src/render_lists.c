/* render_lists: each member's contact list (联系卡) as CSV, Markdown, HTML (a page each) and xlsx. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/i18n.h"
#include "lianhu/render.h"
#include "lianhu/util.h"

/* The columns of the csv and xlsx lists: one row a household, the member's fields repeated. */
enum list_col {
	L_MEMBER_ID, L_MEMBER_NAME, L_MEMBER_PHONE, L_GRID, L_BUILDING, L_BUILDING_NAME, L_UNIT,
	L_ROOM, L_HOUSEHOLD, L_HEAD, L_PHONE, L_PRIORITY, L_COUNT
};

/* The headers: csv writes them as they are, xlsx_sheet their translations. */
static const struct xlsx_col list_cols[L_COUNT] = {
	{ N_("member_id"), 12, XLSX_TEXT }, { N_("member_name"), 12, XLSX_TEXT },
	{ N_("member_phone"), 14, XLSX_TEXT }, { N_("grid_id"), 18, XLSX_TEXT },
	{ N_("building_id"), 20, XLSX_TEXT }, { N_("building_name"), 12, XLSX_TEXT },
	{ N_("unit"), 6, XLSX_TEXT }, { N_("room"), 8, XLSX_TEXT },
	{ N_("household_id"), 22, XLSX_TEXT }, { N_("head"), 10, XLSX_TEXT },
	{ N_("phone"), 14, XLSX_TEXT }, { N_("priority"), 10, XLSX_TEXT },
};

#define FIELD_MAX 512	/* room for a masked name or phone */

/* Buffers for the masked fields of one row. */
struct masked {
	char member_name[FIELD_MAX], member_phone[FIELD_MAX], head[FIELD_MAX], phone[FIELD_MAX];
};

/* The fields of one list row: member m's and household h's, names and phones as shown. */
static void list_fields(const struct render_input *in, int m, int h, const char **f,
    struct masked *buf)
{
	const struct roster *r = in->r;
	const struct member *mm = &r->members[m];
	const struct household *hh = &r->households[h];
	const struct building *b = &r->buildings[hh->building];

	f[L_MEMBER_ID] = mm->id;
	f[L_MEMBER_NAME] = shown_name(in, mm->name, buf->member_name, FIELD_MAX);
	f[L_MEMBER_PHONE] = shown_phone(in, mm->phone, buf->member_phone, FIELD_MAX);
	f[L_GRID] = r->grids[mm->grid].id;
	f[L_BUILDING] = b->id;
	f[L_BUILDING_NAME] = b->name;
	f[L_UNIT] = hh->unit;
	f[L_ROOM] = hh->room;
	f[L_HOUSEHOLD] = hh->id;
	f[L_HEAD] = shown_name(in, hh->head, buf->head, FIELD_MAX);
	f[L_PHONE] = shown_phone(in, hh->phone, buf->phone, FIELD_MAX);
	f[L_PRIORITY] = hh->priority ? hh->priority : "";
}

static void write_csv(struct output *o, const struct render_input *in)
{
	const struct contact_lists *l = in->l;
	const char *f[L_COUNT];
	struct masked buf;

	for (int c = 0; c < L_COUNT; c++)
		csv_field(o, list_cols[c].header);
	csv_row_end(o);
	for (size_t i = 0; i < l->nmembers; i++) {
		for (size_t k = l->first[i]; k < l->first[i + 1]; k++) {
			list_fields(in, l->members[i], l->households[k], f, &buf);
			for (int c = 0; c < L_COUNT; c++)
				csv_field(o, f[c]);
			csv_row_end(o);
		}
	}
}

/* The member's community and township joined by sep, or "" when the roster names neither. */
static char *member_place(const struct roster *r, const struct member *m, const char *sep)
{
	int c = member_community(r, m), t = member_township(r, m);
	const char *cn = c >= 0 ? r->communities[c].name : "", *tn = t >= 0 ? r->townships[t] : "";
	char *s = xmalloc(strlen(cn) + strlen(tn) + strlen(sep) + 1);

	sprintf(s, "%s%s%s", cn, *cn && *tn ? sep : "", tn);
	return s;
}

/* Building ID and name, as a walker reads them. */
static char *building_label(const struct building *b)
{
	char *s = xmalloc(strlen(b->id) + strlen(b->name) + 2);

	sprintf(s, "%s%s%s", b->id, *b->name ? " " : "", b->name);
	return s;
}

static void md_household(FILE *fp, const struct render_input *in, const struct household *h,
    size_t n)
{
	char *building = building_label(&in->r->buildings[h->building]);
	struct masked buf;
	const char *cells[] = { building, h->unit, h->room, h->id,
		shown_name(in, h->head, buf.head, FIELD_MAX),
		shown_phone(in, h->phone, buf.phone, FIELD_MAX), h->priority ? h->priority : "" };

	fprintf(fp, "| %zu |", n);
	for (size_t c = 0; c < sizeof(cells) / sizeof(cells[0]); c++) {
		putc(' ', fp);
		md_put(fp, cells[c]);
		fputs(" |", fp);
	}
	putc('\n', fp);
	free(building);
}

static void md_member(FILE *fp, const struct render_input *in, size_t i)
{
	const struct roster *r = in->r;
	const struct member *m = &r->members[in->l->members[i]];
	char *place = member_place(r, m, _(", "));
	size_t n = in->l->first[i + 1] - in->l->first[i];
	struct masked buf;
	const char *name = shown_name(in, m->name, buf.member_name, FIELD_MAX);

	fputs("## ", fp);
	md_put(fp, *name ? name : m->id);
	if (*name) {
		fputs(" (", fp);
		md_put(fp, m->id);
		putc(')', fp);
	}
	fputs("\n\n", fp);
	/* TRANSLATORS: before a phone number, then before a grid's ID. */
	fputs(_("Phone "), fp);
	md_put(fp, *m->phone ? shown_phone(in, m->phone, buf.member_phone, FIELD_MAX) : "-");
	fputs(" · ", fp);
	fputs(_("grid "), fp);
	md_put(fp, r->grids[m->grid].id);
	if (*place) {
		fputs(" · ", fp);
		md_put(fp, place);
	}
	fputs(" · ", fp);
	fprintf(fp, ngettext("%zu household", "%zu households", n), n);
	fputs("\n\n", fp);
	fputs(_("| # | building | unit | room | household | head | phone | priority |\n"), fp);
	fputs("|---:|---|---|---|---|---|---|---|\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		md_household(fp, in, &r->households[in->l->households[k]], k - in->l->first[i] + 1);
	free(place);
}

static void write_md(FILE *fp, const struct render_input *in)
{
	fputs(_("# Contact lists\n\n"), fp);
	fprintf(fp, _("%zu members with households; households in walking order "
	    "(building, unit, room).\n"), in->l->nmembers);
	for (size_t i = 0; i < in->l->nmembers; i++) {
		putc('\n', fp);
		md_member(fp, in, i);
	}
}

/* HTML: a printed A4 page a member; on screens the pages are drawn as sheets. */
static const char lists_css[] =
	"@page { size: A4 portrait; margin: 14mm 12mm; }\n"
	"* { box-sizing: border-box; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { margin: 0; color: #111;\n"
	"  font: 10pt/1.3 \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\",\n"
	"  \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif; }\n"
	".card { break-after: page; page-break-after: always; }\n"
	".card:last-child { break-after: auto; page-break-after: auto; }\n"
	".card h2 { font-size: 16pt; margin: 0 0 1mm; }\n"
	".card h2 small { font-size: 10pt; font-weight: normal; color: #555; margin-left: 2mm; }\n"
	".who { display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin: 0 0 3mm; }\n"
	".who span { color: #555; } .who b { color: #111; }\n"
	"table { width: 100%; border-collapse: collapse; }\n"
	"th, td { border: .3mm solid #888; padding: .7mm 1.5mm; text-align: left;"
	" vertical-align: top; }\n"
	"th { background: #eee; }\n"
	"td.n, th.n { text-align: right; width: 8mm; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	".tag { font-weight: bold; color: #b71c1c; border: .3mm solid #b71c1c; border-radius: 1mm;"
	" padding: 0 1mm; white-space: nowrap; }\n"
	".screen { display: none; }\n"
	"@media screen {\n"
	"  body { background: #e4e4e4; padding: 1rem 0; }\n"
	"  .screen { display: block; width: 210mm; margin: 0 auto 1rem; }\n"
	"  .card { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 1rem;"
	" padding: 14mm 12mm; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }\n"
	"}\n";

static void html_td(FILE *fp, const char *s)
{
	fputs("<td>", fp);
	html_put(fp, s);
	fputs("</td>", fp);
}

/* The headings of a card's table, after its "#". */
static const char *const household_heads[] = {
	N_("building"), N_("unit"), N_("room"), N_("household"), N_("head"), N_("phone"),
	N_("priority")
};

static void html_household(FILE *fp, const struct render_input *in, const struct household *h,
    size_t n)
{
	char *building = building_label(&in->r->buildings[h->building]);
	struct masked buf;

	fprintf(fp, "<tr><td class=\"n\">%zu</td>", n);
	html_td(fp, building);
	html_td(fp, h->unit);
	html_td(fp, h->room);
	html_td(fp, h->id);
	html_td(fp, shown_name(in, h->head, buf.head, FIELD_MAX));
	html_td(fp, shown_phone(in, h->phone, buf.phone, FIELD_MAX));
	fputs("<td>", fp);
	if (h->priority) {
		fputs("<span class=\"tag\">", fp);
		html_put(fp, h->priority);
		fputs("</span>", fp);
	}
	fputs("</td></tr>\n", fp);
	free(building);
}

static void html_member(FILE *fp, const struct render_input *in, size_t i)
{
	const struct roster *r = in->r;
	const struct member *m = &r->members[in->l->members[i]];
	char *place = member_place(r, m, " · ");
	size_t n = in->l->first[i + 1] - in->l->first[i];
	struct masked buf;
	const char *name = shown_name(in, m->name, buf.member_name, FIELD_MAX);

	fputs("<section class=\"card\">\n<header>\n<h2>", fp);
	html_put(fp, *name ? name : m->id);
	fputs(" <small>", fp);
	html_put(fp, m->id);
	fputs("</small></h2>\n<p class=\"who\"><span>", fp);
	fputs(_("phone "), fp);
	fputs("<b>", fp);
	html_put(fp, *m->phone ? shown_phone(in, m->phone, buf.member_phone, FIELD_MAX) : "-");
	fputs("</b></span><span>", fp);
	fputs(_("grid "), fp);
	fputs("<b>", fp);
	html_put(fp, r->grids[m->grid].id);
	fputs("</b></span>", fp);
	if (*place) {
		fputs("<span><b>", fp);
		html_put(fp, place);
		fputs("</b></span>", fp);
	}
	fputs("<span>", fp);
	/* TRANSLATORS: keep <b>%zu</b>: the number in bold. */
	fprintf(fp, ngettext("<b>%zu</b> household", "<b>%zu</b> households", n), n);
	fputs("</span></p>\n</header>\n", fp);
	fputs("<table>\n<thead><tr><th class=\"n\">#</th>", fp);
	for (size_t c = 0; c < sizeof(household_heads) / sizeof(household_heads[0]); c++) {
		fputs("<th>", fp);
		html_put(fp, _(household_heads[c]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		html_household(fp, in, &r->households[in->l->households[k]], k - in->l->first[i] + 1);
	fputs("</tbody>\n</table>\n</section>\n", fp);
	free(place);
}

static void write_html(FILE *fp, const struct render_input *in)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<p class=\"screen\">",
	    html_charset(in), _("Contact lists (联系卡)"), lists_css);
	fprintf(fp, _("Contact lists (联系卡) of %zu members: one printed page each, "
	    "households in walking order (building, unit, room)."), in->l->nmembers);
	fputs("</p>\n", fp);
	for (size_t i = 0; i < in->l->nmembers; i++)
		html_member(fp, in, i);
	fputs("</body>\n</html>\n", fp);
}

/* Writes the contact lists as csv, md or html to o; returns -1 after a message. */
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
		write_html(o->fp, in);
		return 0;
	default:
		abort();
	}
}

/* Writes the contact lists workbook into o, opened on a file; returns -1 after a message. */
int lists_write_xlsx(const struct output *o, const struct render_input *in)
{
	const struct contact_lists *l = in->l;
	struct xlsx_book *b = xlsx_open(o->tmp, o->path);
	const char *f[L_COUNT];
	struct masked buf;
	size_t row = 0;

	if (b == NULL)
		return -1;
	xlsx_sheet(b, _("Contact lists"), list_cols, L_COUNT, l->first[l->nmembers]);
	for (size_t i = 0; i < l->nmembers; i++) {
		for (size_t k = l->first[i]; k < l->first[i + 1]; k++, row++) {
			list_fields(in, l->members[i], l->households[k], f, &buf);
			for (int c = 0; c < L_COUNT; c++)
				xlsx_text(b, row, (size_t)c, f[c]);
		}
	}
	return xlsx_close(b);
}

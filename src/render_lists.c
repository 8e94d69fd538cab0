/* render_lists: each member's contact card (联系卡) as CSV, Markdown, HTML (a printed page each) and xlsx. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/i18n.h"
#include "lianhu/render.h"
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

#define FIELD_MAX 512	/* room for a masked name or phone */

/* Buffers for the masked fields of one row. */
struct masked {
	char member_name[FIELD_MAX], member_phone[FIELD_MAX], head[FIELD_MAX], phone[FIELD_MAX];
};

/* The kind as CSV writes it (SPEC's words). */
static const char *kind_name(enum household_kind k)
{
	return k == KIND_SHOP ? "shop" : "resident";
}

/* Building name (its ID when it has none), as a walker reads it. */
static const char *building_label(const struct building *b)
{
	return *b->name ? b->name : b->id;
}

/*
 * The buildings member m is responsible for (SPEC 5.6), joined with "、": their
 * IDs, or as a walker reads them (name, else ID). The caller frees the text.
 */
static char *responsible_buildings(const struct render_input *in, int m, bool ids)
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

		end = stpcpy(stpcpy(end, k == from ? "" : "、"), ids ? b->id : building_label(b));
	}
	return s;
}

/* The fields of one list row: member m's (responsible: its buildings) and household h's, names and phones as shown. */
static void list_fields(const struct render_input *in, int m, int h, const char *responsible,
    const char **f, struct masked *buf)
{
	const struct roster *r = in->r;
	const struct member *mm = &r->members[m];
	const struct household *hh = &r->households[h];
	const struct building *b = &r->buildings[hh->building];

	f[L_MEMBER_ID] = mm->id;
	f[L_MEMBER_NAME] = shown_name(in, mm->name, buf->member_name, FIELD_MAX);
	f[L_MEMBER_PHONE] = shown_phone(in, mm->phone, buf->member_phone, FIELD_MAX);
	f[L_BRANCH] = mm->branch;
	f[L_GROUP] = mm->group;
	f[L_RESPONSIBLE] = responsible;
	f[L_GRID] = r->grids[mm->grid].id;
	f[L_BUILDING] = b->id;
	f[L_BUILDING_NAME] = b->name;
	f[L_UNIT] = hh->unit;
	f[L_ROOM] = hh->room;
	f[L_HOUSEHOLD] = hh->id;
	f[L_HEAD] = shown_name(in, hh->head, buf->head, FIELD_MAX);
	f[L_PHONE] = shown_phone(in, hh->phone, buf->phone, FIELD_MAX);
	f[L_KIND] = kind_name(hh->kind);
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
		char *responsible = responsible_buildings(in, l->members[i], true);

		for (size_t k = l->first[i]; k < l->first[i + 1]; k++) {
			list_fields(in, l->members[i], l->households[k], responsible, f, &buf);
			for (int c = 0; c < L_COUNT; c++)
				csv_field(o, f[c]);
			csv_row_end(o);
		}
		free(responsible);
	}
}

/* The card's title: --title, else the member's township and community before "contact card"; the caller frees it. */
static char *card_title(const struct render_input *in, const struct member *m)
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

/* One line of a card's header: a label and its value. */
struct card_field {
	const char *label;	/* translated */
	char *value;		/* owned */
};

#define CARD_FIELDS_MAX 8

/*
 * The header fields of member i's card, in the order printed: who, phone,
 * branch, Party group, grid, households, the buildings it is responsible for
 * (the last two of SPEC 5.6 when it has them). Returns how many; free each value.
 */
static size_t card_fields(const struct render_input *in, size_t i, struct card_field *f)
{
	const struct roster *r = in->r;
	const struct member *m = &r->members[in->l->members[i]];
	size_t n = 0, households = in->l->first[i + 1] - in->l->first[i], priority = 0, shops = 0;
	struct masked buf;
	const char *name = shown_name(in, m->name, buf.member_name, FIELD_MAX);
	char *s;

	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++) {
		priority += r->households[in->l->households[k]].priority != NULL;
		shops += r->households[in->l->households[k]].kind == KIND_SHOP;
	}
	s = xmalloc(strlen(name) + strlen(m->id) + 4);
	sprintf(s, *name ? "%s (%s)" : "%s%s", name, m->id);
	f[n++] = (struct card_field){ _("Party member"), s };
	f[n++] = (struct card_field){ _("Phone"),
	    xstrdup(*m->phone ? shown_phone(in, m->phone, buf.member_phone, FIELD_MAX) : "-") };
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
	s = responsible_buildings(in, in->l->members[i], false);
	if (*s)
		f[n++] = (struct card_field){ _("Responsible for"), s };
	else
		free(s);
	return n;
}

static void card_fields_release(struct card_field *f, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(f[k].value);
}

/* The household's marks: 商户 for a shop, then its priority tag; NULL when none (sep between). */
static const char *household_mark(const struct household *h, size_t k)
{
	const char *marks[2] = { h->kind == KIND_SHOP ? _("shop") : NULL, h->priority };
	size_t seen = 0;

	for (size_t m = 0; m < 2; m++)
		if (marks[m] != NULL && seen++ == k)
			return marks[m];
	return NULL;
}

static void md_household(FILE *fp, const struct render_input *in, const struct household *h,
    size_t n)
{
	struct masked buf;
	const char *cells[] = { building_label(&in->r->buildings[h->building]), h->unit, h->room,
		shown_name(in, h->head, buf.head, FIELD_MAX),
		shown_phone(in, h->phone, buf.phone, FIELD_MAX), h->id };

	fprintf(fp, "| %zu |", n);
	for (size_t c = 0; c < sizeof(cells) / sizeof(cells[0]); c++) {
		putc(' ', fp);
		md_put(fp, cells[c]);
		fputs(" |", fp);
	}
	putc(' ', fp);
	for (size_t k = 0; household_mark(h, k); k++) {
		fputs(k ? " · " : "", fp);
		md_put(fp, household_mark(h, k));
	}
	fputs(" |\n", fp);
}

/* The headings of a card's household table, after its "#". */
static const char *const household_heads[] = {
	N_("building"), N_("unit"), N_("room"), N_("head"), N_("phone"), N_("household"),
	N_("marks")
};

/* The headings of the blank visit-record table: date, household (its # above), way, what was said, need, signature. */
static const char *const visit_heads[] = {
	N_("date"), N_("#"), N_("way"), N_("what was said"), N_("need (诉求)"), N_("signature")
};

#define NHEADS(a) (sizeof(a) / sizeof((a)[0]))

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
	for (size_t c = 0; c < NHEADS(household_heads); c++)
		fprintf(fp, " %s |", _(household_heads[c]));
	fputs("\n|---:|---|---|---|---|---|---|---|\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		md_household(fp, in, &in->r->households[in->l->households[k]], k - in->l->first[i] + 1);
	fprintf(fp, "\n%s\n\n|", _("Visit record"));
	for (size_t c = 0; c < NHEADS(visit_heads); c++)
		fprintf(fp, " %s |", _(visit_heads[c]));
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
	fprintf(fp, _("Made %s. %zu members with households; households in walking order "
	    "(building, unit, room).\n"), in->date, in->l->nmembers);
	for (size_t i = 0; i < in->l->nmembers; i++) {
		putc('\n', fp);
		md_member(fp, in, i);
	}
}

/*
 * HTML: a printed A4 page a member. A card is as high as the page: its
 * households take what they need and the rows of the blank visit record
 * stretch over the rest. A card with too many households for that (class
 * "long") flows over pages, its visit record on a page of its own.
 */
static const char lists_css[] =
	"@page { size: A4 portrait; margin: 12mm 12mm; }\n"
	"* { box-sizing: border-box; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { margin: 0; color: #111;\n"
	"  font: 10pt/1.3 \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\",\n"
	"  \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif; }\n"
	".card { break-after: page; page-break-after: always; height: 272mm;\n"
	"  display: flex; flex-direction: column; overflow: hidden; }\n"
	".card.long { height: auto; overflow: visible; display: block; }\n"
	".card:last-child { break-after: auto; page-break-after: auto; }\n"
	".card h1 { font-size: 15pt; text-align: center; letter-spacing: .1em; margin: 0 0 1mm; }\n"
	".date { text-align: right; color: #555; margin: 0 0 2mm; }\n"
	".fields { display: grid; grid-template-columns: repeat(3, auto); gap: 1mm 6mm;\n"
	"  margin: 0 0 3mm; padding: 2mm 0; border-top: .5mm solid #111;"
	" border-bottom: .3mm solid #888; }\n"
	".fields div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }\n"
	".fields dt { display: inline; color: #555; } .fields dt::after { content: \"：\"; }\n"
	".fields dd { display: inline; margin: 0; font-weight: bold; }\n"
	"h2 { font-size: 11pt; margin: 3mm 0 1mm; }\n"
	"h2 small { font-weight: normal; color: #555; font-size: 8.5pt; margin-left: 2mm; }\n"
	"table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"th, td { border: .3mm solid #888; padding: .6mm 1.2mm; text-align: left;"
	" vertical-align: top; overflow-wrap: anywhere; }\n"
	"th { background: #eee; font-weight: bold; }\n"
	".n { text-align: right; width: 7mm; }\n"
	"col.b { width: 24mm; } col.u { width: 11mm; } col.r { width: 13mm; }"
	" col.h { width: 20mm; } col.p { width: 25mm; } col.id { width: 44mm; }\n"
	"td.id { font-size: 8.5pt; font-variant-numeric: tabular-nums; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	".tag, .shop { font-weight: bold; border: .3mm solid; border-radius: 1mm;"
	" padding: 0 1mm; white-space: nowrap; margin-right: 1mm; }\n"
	".tag { color: #b71c1c; } .shop { color: #0d47a1; }\n"
	".visits { flex: 1 1 0; min-height: 0; overflow: hidden; display: flex;"
	" flex-direction: column; }\n"
	".record { flex: 1 1 0; min-height: 0; display: flex; flex-direction: column;"
	" border-top: .3mm solid #888; border-left: .3mm solid #888; }\n"
	".record div { display: grid; grid-template-columns: 22mm 11mm 15mm 1fr 40mm 22mm;"
	" flex: 1 1 0; min-height: 6mm; }\n"
	".record div.head { flex: none; min-height: 0; background: #eee; font-weight: bold; }\n"
	".record span { border-right: .3mm solid #888; border-bottom: .3mm solid #888;"
	" padding: .6mm 1.2mm; }\n"
	".card.long .visits { break-before: page; page-break-before: always; height: 272mm; }\n"
	".screen { display: none; }\n"
	"@media screen {\n"
	"  body { background: #e4e4e4; padding: 1rem 0; }\n"
	"  .screen { display: block; width: 210mm; margin: 0 auto 1rem; }\n"
	"  .card { background: #fff; width: 210mm; height: 297mm; margin: 0 auto 1rem;"
	" padding: 12mm 12mm; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }\n"
	"  .card.long { min-height: 297mm; }\n"
	"}\n";

/*
 * The blank visit rows under n households on a one-page card (0: the card
 * flows over pages instead). Of the 272 mm of a card the title and fields
 * take about 40, a household row 6, the table's header 8 and the record's
 * heading and header 16; the rows are about 10 mm high. They stretch or
 * shrink (down to 6 mm) over what is really left, so the card ends at the
 * foot of the page.
 */
static int visit_rows(size_t n)
{
	long room = 272 - 40 - 8 - 16 - 6 * (long)n;

	return room < 30 ? 0 : (int)(room / 10);
}

/* Blank visit rows of a card that flows over pages: its record has a page of its own. */
#define CARD_LONG_VISIT_ROWS 25

static void html_td(FILE *fp, const char *cls, const char *s)
{
	fputs(cls ? "<td class=\"" : "<td>", fp);
	if (cls) {
		fputs(cls, fp);
		fputs("\">", fp);
	}
	html_put(fp, s);
	fputs("</td>", fp);
}

static void html_household(FILE *fp, const struct render_input *in, const struct household *h,
    size_t n)
{
	struct masked buf;

	fprintf(fp, "<tr><td class=\"n\">%zu</td>", n);
	html_td(fp, NULL, building_label(&in->r->buildings[h->building]));
	html_td(fp, NULL, h->unit);
	html_td(fp, NULL, h->room);
	html_td(fp, NULL, shown_name(in, h->head, buf.head, FIELD_MAX));
	html_td(fp, NULL, shown_phone(in, h->phone, buf.phone, FIELD_MAX));
	html_td(fp, "id", h->id);
	fputs("<td>", fp);
	for (size_t k = 0; household_mark(h, k); k++) {
		fputs(k == 0 && h->kind == KIND_SHOP ? "<span class=\"shop\">" :
		    "<span class=\"tag\">", fp);
		html_put(fp, household_mark(h, k));
		fputs("</span>", fp);
	}
	fputs("</td></tr>\n", fp);
}

/* The header of member i's card: title, date, and the fields list. */
static void html_card_header(FILE *fp, const struct render_input *in, size_t i)
{
	const struct member *m = &in->r->members[in->l->members[i]];
	struct card_field f[CARD_FIELDS_MAX];
	size_t nf = card_fields(in, i, f);
	char *title = card_title(in, m);

	fputs("<header>\n<h1>", fp);
	html_put(fp, title);
	fputs("</h1>\n<p class=\"date\">", fp);
	fprintf(fp, _("Made %s"), in->date);
	fputs("</p>\n<dl class=\"fields\">\n", fp);
	for (size_t k = 0; k < nf; k++) {
		fputs("<div><dt>", fp);
		html_put(fp, f[k].label);
		fputs("</dt><dd>", fp);
		html_put(fp, f[k].value);
		fputs("</dd></div>\n", fp);
	}
	fputs("</dl>\n</header>\n", fp);
	free(title);
	card_fields_release(f, nf);
}

static void html_heads(FILE *fp, const char *const *heads, size_t n, bool number)
{
	fputs("<thead><tr>", fp);
	if (number)
		fputs("<th class=\"n\">#</th>", fp);
	for (size_t c = 0; c < n; c++) {
		fputs("<th>", fp);
		html_put(fp, _(heads[c]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n", fp);
}

/* The blank visit record under the households: rows rows of the visit_heads, drawn with grids so they stretch. */
static void html_visits(FILE *fp, int rows)
{
	fprintf(fp, "<section class=\"visits\">\n<h2>%s<small>%s</small></h2>\n"
	    "<div class=\"record\">\n<div class=\"head\">", _("Visit record"),
	    _("# is the household's number above; way: at home, phone, WeChat ..."));
	for (size_t c = 0; c < NHEADS(visit_heads); c++) {
		fputs("<span>", fp);
		html_put(fp, _(visit_heads[c]));
		fputs("</span>", fp);
	}
	fputs("</div>\n", fp);
	for (int k = 0; k < rows; k++)
		fputs("<div><span></span><span></span><span></span><span></span><span></span>"
		    "<span></span></div>\n", fp);
	fputs("</div>\n</section>\n", fp);
}

static void html_member(FILE *fp, const struct render_input *in, size_t i)
{
	int rows = visit_rows(in->l->first[i + 1] - in->l->first[i]);

	fputs(rows == 0 ? "<section class=\"card long\">\n" : "<section class=\"card\">\n", fp);
	html_card_header(fp, in, i);
	fputs("<table class=\"households\">\n<colgroup><col class=\"n\"><col class=\"b\">"
	    "<col class=\"u\"><col class=\"r\"><col class=\"h\"><col class=\"p\"><col class=\"id\">"
	    "<col></colgroup>\n", fp);
	html_heads(fp, household_heads, NHEADS(household_heads), true);
	fputs("<tbody>\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		html_household(fp, in, &in->r->households[in->l->households[k]], k - in->l->first[i] + 1);
	fputs("</tbody>\n</table>\n", fp);
	html_visits(fp, rows ? rows : CARD_LONG_VISIT_ROWS);
	fputs("</section>\n", fp);
}

static void write_html(FILE *fp, const struct render_input *in)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	    html_charset(in));
	html_put(fp, in->title ? in->title : _("Contact cards (联系卡)"));
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<p class=\"screen\">", lists_css);
	fprintf(fp, _("Contact cards (联系卡) of %zu members, made %s: one printed page each, "
	    "households in walking order (building, unit, room), a blank visit record below."),
	    in->l->nmembers, in->date);
	fputs("</p>\n", fp);
	for (size_t i = 0; i < in->l->nmembers; i++)
		html_member(fp, in, i);
	fputs("</body>\n</html>\n", fp);
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
		write_html(o->fp, in);
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
	struct masked buf;
	size_t row = 0;

	if (b == NULL)
		return -1;
	xlsx_sheet(b, _("Contact lists"), list_cols, L_COUNT, l->first[l->nmembers]);
	for (size_t i = 0; i < l->nmembers; i++) {
		char *responsible = responsible_buildings(in, l->members[i], true);

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

/* cards_html: the contact cards (联系卡) as one HTML page, an A4 page a member with a blank visit record. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "lianhu/cards.h"
#include "lianhu/i18n.h"
#include "lianhu/text.h"

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
	".fields dt { display: inline; color: #555; }\n"
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
	struct card_masked buf;

	fprintf(fp, "<tr><td class=\"n\">%zu</td>", n);
	html_td(fp, NULL, card_building_label(&in->r->buildings[h->building]));
	html_td(fp, NULL, h->unit);
	html_td(fp, NULL, h->room);
	html_td(fp, NULL, shown_name(in, h->head, buf.head, CARD_FIELD_MAX));
	html_td(fp, NULL, shown_phone(in, h->phone, buf.phone, CARD_FIELD_MAX));
	html_td(fp, "id", h->id);
	fputs("<td>", fp);
	for (size_t k = 0; card_household_mark(h, k); k++) {
		fputs(k == 0 && h->kind == KIND_SHOP ? "<span class=\"shop\">" :
		    "<span class=\"tag\">", fp);
		html_put(fp, card_household_mark(h, k));
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

/* The blank visit record under the households: rows rows of the card_visit_heads, drawn with grids so they stretch. */
static void html_visits(FILE *fp, int rows)
{
	fprintf(fp, "<section class=\"visits\">\n<h2>%s<small>%s</small></h2>\n"
	    "<div class=\"record\">\n<div class=\"head\">", _("Visit record"),
	    _("# is the household's number above; way: at home, phone, WeChat ..."));
	for (size_t c = 0; c < CARD_VISIT_HEADS; c++) {
		fputs("<span>", fp);
		html_put(fp, _(card_visit_heads[c]));
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
	html_heads(fp, card_household_heads, CARD_HOUSEHOLD_HEADS, true);
	fputs("<tbody>\n", fp);
	for (size_t k = in->l->first[i]; k < in->l->first[i + 1]; k++)
		html_household(fp, in, &in->r->households[in->l->households[k]], k - in->l->first[i] + 1);
	fputs("</tbody>\n</table>\n", fp);
	html_visits(fp, rows ? rows : CARD_LONG_VISIT_ROWS);
	fputs("</section>\n", fp);
}

void cards_write_html(FILE *fp, const struct render_input *in)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	    html_charset(in));
	html_put(fp, in->title ? in->title : _("Contact cards (联系卡)"));
	/* TRANSLATORS: what follows a field's label on a printed card ("Phone: ..."). */
	fprintf(fp, "</title>\n<style>\n%s.fields dt::after { content: \"%s\"; }\n</style>\n</head>\n"
	    "<body>\n<p class=\"screen\">", lists_css, _(": "));
	fprintf(fp, ngettext("Contact cards (联系卡) of %zu member, made %s: one printed page each, "
	    "households in walking order (building, unit, room), a blank visit record below.",
	    "Contact cards (联系卡) of %zu members, made %s: one printed page each, "
	    "households in walking order (building, unit, room), a blank visit record below.",
	    in->l->nmembers), in->l->nmembers, in->date);
	fputs("</p>\n", fp);
	for (size_t i = 0; i < in->l->nmembers; i++)
		html_member(fp, in, i);
	fputs("</body>\n</html>\n", fp);
}

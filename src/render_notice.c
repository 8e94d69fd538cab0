/* render_notice: change notices (变更通知) for members, a printed page each, and the words they share with diff's text. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/i18n.h"
#include "lianhu/render_notice.h"
#include "lianhu/text.h"
#include "lianhu/util.h"

/* "ID name" of a member, or the ID alone when the roster does not know it; the caller frees it. */
static char *member_label(const struct roster *r, const char *id)
{
	int m = r ? strmap_get(&r->member_ids, id) : -1;
	const char *name = m >= 0 ? r->members[m].name : "";
	char *s = xmalloc(strlen(id) + strlen(name) + 2);

	sprintf(s, "%s%s%s", id, *name ? " " : "", name);
	return s;
}

char *change_note(const struct roster *r, const struct change *ch, bool taken)
{
	char *other, *s;

	if (ch->kind != CHANGE_CHANGED) {
		switch (ch->reason) {
		case REASON_NEW_HOUSEHOLD:
			return xstrdup(_("new household"));
		case REASON_GAINED_CONTACT:
			return xstrdup(_("had no contact"));
		case REASON_LEFT_ROSTER:
			return xstrdup(_("left the roster"));
		default:
			return xstrdup(_("no contact now"));
		}
	}
	other = member_label(r, taken ? ch->new : ch->old);
	s = xmalloc(strlen(other) + 64);
	/* TRANSLATORS: the member a household comes from, or goes to. */
	snprintf(s, strlen(other) + 64, taken ? _("to %s") : _("from %s"), other);
	free(other);
	return s;
}

char *household_address(const struct roster *r, int h)
{
	const struct household *hh = &r->households[h];
	const struct building *b = &r->buildings[hh->building];
	const char *name = *b->name ? b->name : b->id;
	char *s = xmalloc(strlen(name) + strlen(hh->unit) + strlen(hh->room) + 3);

	sprintf(s, "%s%s%s%s%s", name, *hh->unit ? " " : "", hh->unit, *hh->room ? " " : "",
	    hh->room);
	return s;
}

char *change_address(const struct roster *r, const struct change *ch)
{
	int b = *ch->building ? strmap_get(&r->building_ids, ch->building) : -1;
	const char *name = b >= 0 && *r->buildings[b].name ? r->buildings[b].name : ch->building;
	size_t n = strlen(name) + 128;
	char *s;

	if (ch->h >= 0)
		return household_address(r, ch->h);
	s = xmalloc(n);
	if (*name)
		/* TRANSLATORS: the building of a household that left the roster. */
		snprintf(s, n, _("%s (room not known: no longer in the roster)"), name);
	else
		snprintf(s, n, "%s", _("not known: no longer in the roster"));
	return s;
}

static const char notice_css[] =
	"@page { size: A4 portrait; margin: 14mm 14mm; }\n"
	"* { box-sizing: border-box; }\n"
	"body { margin: 0; color: #111;\n"
	"  font: 10.5pt/1.4 \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\",\n"
	"  \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif; }\n"
	".notice { break-after: page; page-break-after: always; }\n"
	".notice:last-child { break-after: auto; page-break-after: auto; }\n"
	"h1 { font-size: 16pt; text-align: center; letter-spacing: .1em; margin: 0 0 1mm; }\n"
	".date { text-align: right; color: #555; margin: 0 0 2mm; }\n"
	".fields { display: grid; grid-template-columns: repeat(3, auto); gap: 1mm 6mm;"
	" margin: 0 0 3mm; padding: 2mm 0; border-top: .5mm solid #111;"
	" border-bottom: .3mm solid #888; }\n"
	".fields dt { display: inline; color: #555; }\n"
	".fields dd { display: inline; margin: 0; font-weight: bold; }\n"
	"h2 { font-size: 12pt; margin: 5mm 0 1.5mm; }\n"
	"table { width: 100%; border-collapse: collapse; }\n"
	"th, td { border: .3mm solid #888; padding: .8mm 1.5mm; text-align: left;"
	" vertical-align: top; }\n"
	"th { background: #eee; }\n"
	"td.n, th.n { text-align: right; width: 8mm; }\n"
	"td.id { font-size: 8.5pt; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	".none { color: #555; }\n"
	".sign { margin-top: 10mm; display: flex; justify-content: flex-end; gap: 20mm; }\n"
	".screen { display: none; }\n"
	"@media screen {\n"
	"  body { background: #e4e4e4; padding: 1rem 0; }\n"
	"  .screen { display: block; width: 210mm; margin: 0 auto 1rem; }\n"
	"  .notice { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 1rem;"
	" padding: 14mm; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }\n"
	"}\n";

/* The notice's title: the member's township and community before "change notice"; the caller frees it. */
static char *notice_title(const struct roster *r, int m)
{
	int c = m >= 0 ? member_community(r, &r->members[m]) : -1;
	int t = m >= 0 ? member_township(r, &r->members[m]) : -1;
	const char *cn = c >= 0 ? r->communities[c].name : "", *tn = t >= 0 ? r->townships[t] : "";
	size_t n = strlen(cn) + strlen(tn) + 128;
	char *s = xmalloc(n);

	if (*cn && *tn)
		/* TRANSLATORS: a change notice's title: township, community. */
		snprintf(s, n, _("%s %s change of contact households"), tn, cn);
	else if (*cn || *tn)
		/* TRANSLATORS: a change notice's title: the township or the community. */
		snprintf(s, n, _("%s change of contact households"), *cn ? cn : tn);
	else
		snprintf(s, n, "%s", _("Change of contact households"));
	return s;
}

static void field(FILE *fp, const char *label, const char *value)
{
	fputs("<div><dt>", fp);
	html_put(fp, label);
	fputs("</dt><dd>", fp);
	html_put(fp, *value ? value : "-");
	fputs("</dd></div>\n", fp);
}

/* The header of a notice: title, date and the member's fields. */
static void notice_header(FILE *fp, const struct roster *r, const struct notice *nt,
    const char *date)
{
	const struct member *m = nt->member >= 0 ? &r->members[nt->member] : NULL;
	char *title = notice_title(r, nt->member), *who = member_label(r, nt->member_id), count[128];

	fputs("<header>\n<h1>", fp);
	html_put(fp, title);
	fputs("</h1>\n<p class=\"date\">", fp);
	fprintf(fp, _("Made %s"), date);
	fputs("</p>\n<dl class=\"fields\">\n", fp);
	field(fp, _("Party member"), who);
	field(fp, _("Phone"), m ? m->phone : "");
	field(fp, _("Branch"), m ? m->branch : "");
	field(fp, _("Grid"), m ? r->grids[m->grid].id : "");
	/* TRANSLATORS: how many households a member takes on and hands over. */
	snprintf(count, sizeof(count), _("%zu taken on, %zu handed over"), nt->nadded, nt->ntaken);
	field(fp, _("Changes"), count);
	fputs("</dl>\n</header>\n", fp);
	free(who);
	free(title);
}

/* The headings of a notice's tables, after "#". */
static const char *const notice_heads[] = {
	N_("address"), N_("head"), N_("phone"), N_("household"), N_("note")
};

static void html_cell(FILE *fp, const char *cls, const char *s)
{
	fputs(cls ? "<td class=\"id\">" : "<td>", fp);
	html_put(fp, s);
	fputs("</td>", fp);
}

/* One table of a notice: the households taken on (taken false) or handed over. */
static void notice_table(FILE *fp, const struct roster *r, const struct changes *c,
    const struct notice *nt, bool taken)
{
	size_t first = nt->first + (taken ? nt->nadded : 0), n = taken ? nt->ntaken : nt->nadded;

	fputs("<h2>", fp);
	fprintf(fp, taken ? _("Households handed over (%zu)") : _("Households taken on (%zu)"), n);
	fputs("</h2>\n", fp);
	if (n == 0) {
		fprintf(fp, "<p class=\"none\">%s</p>\n", _("None."));
		return;
	}
	fputs("<table>\n<thead><tr><th class=\"n\">#</th>", fp);
	for (size_t k = 0; k < sizeof(notice_heads) / sizeof(notice_heads[0]); k++)
		fprintf(fp, "<th>%s</th>", _(notice_heads[k]));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t k = 0; k < n; k++) {
		const struct change *ch = &c->list[c->items[first + k]];
		const struct household *hh = ch->h >= 0 ? &r->households[ch->h] : NULL;
		char *address = change_address(r, ch);
		char *note = change_note(r, ch, taken);

		fprintf(fp, "<tr><td class=\"n\">%zu</td>", k + 1);
		html_cell(fp, NULL, address);
		html_cell(fp, NULL, hh ? hh->head : "");
		html_cell(fp, NULL, hh ? hh->phone : "");
		html_cell(fp, "id", ch->household);
		html_cell(fp, NULL, note);
		fputs("</tr>\n", fp);
		free(address);
		free(note);
	}
	fputs("</tbody>\n</table>\n", fp);
}

void notice_write_html(FILE *fp, const struct roster *r, const struct changes *c,
    const char *date, const char *charset)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s</title>\n<style>\n%s.fields dt::after { content: \"%s\"; }\n</style>\n"
	    "</head>\n<body>\n<p class=\"screen\">", charset, _("Change notices (变更通知)"), notice_css,
	    /* TRANSLATORS: what follows a field's label on a printed card ("Phone: ..."). */
	    _(": "));
	fprintf(fp, ngettext("Change notices (变更通知) for %zu member, made %s: one printed page each.",
	    "Change notices (变更通知) for %zu members, made %s: one printed page each.", c->nnotices),
	    c->nnotices, date);
	fputs("</p>\n", fp);
	for (size_t i = 0; i < c->nnotices; i++) {
		fputs("<section class=\"notice\">\n", fp);
		notice_header(fp, r, &c->notices[i], date);
		fprintf(fp, "<p>%s</p>\n", _("The households you contact change as below. Please "
		    "visit the households you take on soon, and hand over what you know of the "
		    "others."));
		notice_table(fp, r, c, &c->notices[i], false);
		notice_table(fp, r, c, &c->notices[i], true);
		fprintf(fp, "<p class=\"sign\"><span>%s</span><span>%s</span></p>\n",
		    _("Received by: ____________"), _("Date: ____________"));
		fputs("</section>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
}

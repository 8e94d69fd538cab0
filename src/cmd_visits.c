/* visits: the visit log against the roster: overdue households by member; exit 1 when any, or a faulty row. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/util.h"
#include "lianhu/visits.h"

static void print_finding(FILE *fp, const struct visits *v, const struct visit_finding *f,
    const struct roster *r)
{
	finding_print(fp, visit_finding_file(v, f, r), f->line, visit_code_name(f->code),
	    visit_message(v, f));
}

/* The finding of household h (overdue or never-visited): the households' findings follow the log's. */
static const struct visit_finding *household_finding(const struct visits *v, int h)
{
	size_t lo = 0, hi = v->nfindings;

	while (lo < hi && v->findings[lo].code != VISIT_OVERDUE && v->findings[lo].code != VISIT_NEVER)
		lo++;
	while (lo < hi) {	/* in households.csv order: binary search on the index */
		size_t mid = lo + (hi - lo) / 2;

		if (v->findings[mid].household < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &v->findings[lo];
}

/* The overdue households, one group a member: a heading, then one finding a line. */
static void print_groups(FILE *fp, const struct visits *v, const struct roster *r)
{
	struct contact_lists l;
	size_t norphans;
	int *orphans;

	visits_overdue_lists(v, r, &l, &orphans, &norphans);
	for (size_t i = 0; i < l.nmembers; i++) {
		const struct member *m = &r->members[l.members[i]];
		size_t n = l.first[i + 1] - l.first[i];

		fprintf(fp, "\n%s%s%s%s%s: ", m->id, *m->name ? " " : "", m->name, *m->phone ? " " : "",
		    m->phone);
		fprintf(fp, ngettext("%zu household overdue\n", "%zu households overdue\n", n), n);
		for (size_t k = l.first[i]; k < l.first[i + 1]; k++)
			print_finding(fp, v, household_finding(v, l.households[k]), r);
	}
	if (norphans > 0) {
		fputc('\n', fp);
		fprintf(fp, ngettext("without a contact: %zu household overdue\n",
		    "without a contact: %zu households overdue\n", norphans), norphans);
		for (size_t k = 0; k < norphans; k++)
			print_finding(fp, v, household_finding(v, orphans[k]), r);
	}
	free(orphans);
	contact_lists_release(&l);
}

/* A visiting member's visits to households of other contacts: the first of them and how many. */
struct by_other {
	const struct visit_finding *first;
	long visits;
};

/*
 * The log's findings in file order, but the visits by members other than the
 * contact one line a visiting member, where its first is: how many, and the first.
 */
static void print_log_findings(FILE *fp, const struct visits *v, const struct roster *r)
{
	struct by_other *list = NULL;
	size_t n = 0, alloc = 0;
	struct strmap seen;
	char buf[1024];

	strmap_init(&seen);
	for (size_t i = 0; i < v->nfindings; i++) {
		const struct visit_finding *f = &v->findings[i];
		int k;

		if (f->code != VISIT_BY_OTHER)
			continue;
		if ((k = strmap_put(&seen, f->member_id, (int)n)) == (int)n) {
			GROW(list, alloc, n + 1);
			list[n++] = (struct by_other){ f, 0 };
		}
		list[k].visits++;
	}
	for (size_t i = 0; i < v->nfindings; i++) {
		const struct visit_finding *f = &v->findings[i];
		int k = f->code == VISIT_BY_OTHER ? strmap_get(&seen, f->member_id) : -1;

		if (f->code == VISIT_OVERDUE || f->code == VISIT_NEVER || (k >= 0 && list[k].first != f))
			continue;
		if (k < 0 || list[k].visits == 1) {
			print_finding(fp, v, f, r);
			continue;
		}
		snprintf(buf, sizeof(buf), ngettext("member '%s' made %ld visit to households of other "
		    "contacts; the first: %s", "member '%s' made %ld visits to households of other "
		    "contacts; the first: %s", (unsigned long)list[k].visits), f->member_id,
		    list[k].visits, visit_message(v, f));
		finding_print(fp, visit_finding_file(v, f, r), f->line, visit_code_name(f->code), buf);
	}
	strmap_release(&seen);
	free(list);
}

static void print_text(FILE *fp, const struct visits *v, const struct roster *r)
{
	char day[DATE_TEXT];

	print_log_findings(fp, v, r);
	print_groups(fp, v, r);
	fprintf(stderr, ngettext("visits: %ld of %ld household up to date on %s; %ld overdue (%ld never "
	    "visited); ", "visits: %ld of %ld households up to date on %s; %ld overdue (%ld never "
	    "visited); ", (unsigned long)v->households), v->up_to_date, v->households,
	    date_format(v->as_of, day), v->overdue, v->never_visited);
	fprintf(stderr, ngettext("%ld visit, ", "%ld visits, ", (unsigned long)v->visits), v->visits);
	fprintf(stderr, ngettext("%ld need (%ld resolved)", "%ld needs (%ld resolved)",
	    (unsigned long)v->needs), v->needs, v->needs_resolved);
	for (int c = VISIT_UNKNOWN_HOUSEHOLD; c < VISIT_CODES; c++)
		if (v->counts[c])
			fprintf(stderr, _(", %s %ld"),
			    diag_label(visit_code_name((enum visit_code)c)), v->counts[c]);
	fprintf(stderr, "\n");
}

/* The fields of an overdue household's row in csv and json: last visit and days since, or "". */
static void row_dates(const struct visits *v, int h, char *last, char *days)
{
	long since = visits_days_since(v, h);

	*last = *days = '\0';
	if (since >= 0) {
		date_format(v->per[h].last, last);
		snprintf(days, 24, "%ld", since);
	}
}

static void print_csv(struct output *o, const struct visits *v, const struct roster *r)
{
	static const char *const header[] = { "household_id", "member_id", "last_visit",
		"days_since", "interval", "status" };
	char last[DATE_TEXT], days[24], interval[24];

	for (size_t c = 0; c < sizeof(header) / sizeof(header[0]); c++)
		csv_field(o, header[c]);
	csv_row_end(o);
	for (size_t h = 0; h < r->nhouseholds; h++) {
		if (!v->per[h].overdue)
			continue;
		row_dates(v, (int)h, last, days);
		snprintf(interval, sizeof(interval), "%ld", v->per[h].interval);
		csv_field(o, r->households[h].id);
		csv_field(o, v->contact[h]);
		csv_field(o, last);
		csv_field(o, days);
		csv_field(o, interval);
		csv_field(o, visit_code_name(*last ? VISIT_OVERDUE : VISIT_NEVER));
		csv_row_end(o);
	}
}

static void print_json(FILE *fp, const struct visits *v, const struct roster *r)
{
	cJSON *root = cJSON_CreateObject(), *rows;
	char last[DATE_TEXT], days[24];

	cJSON_AddStringToObject(root, "as_of", date_format(v->as_of, last));
	cJSON_AddNumberToObject(root, "households", (double)v->households);
	cJSON_AddNumberToObject(root, "up_to_date", (double)v->up_to_date);
	cJSON_AddNumberToObject(root, "overdue", (double)v->overdue);
	cJSON_AddNumberToObject(root, "never_visited", (double)v->never_visited);
	cJSON_AddNumberToObject(root, "visits", (double)v->visits);
	cJSON_AddNumberToObject(root, "needs", (double)v->needs);
	cJSON_AddNumberToObject(root, "needs_resolved", (double)v->needs_resolved);
	rows = cJSON_AddArrayToObject(root, "rows");
	for (size_t h = 0; h < r->nhouseholds; h++) {
		cJSON *item;

		if (!v->per[h].overdue)
			continue;
		row_dates(v, (int)h, last, days);
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "household_id", r->households[h].id);
		cJSON_AddStringToObject(item, "member_id", v->contact[h]);
		if (*last) {
			cJSON_AddStringToObject(item, "last_visit", last);
			cJSON_AddNumberToObject(item, "days_since", (double)visits_days_since(v, (int)h));
		} else {
			cJSON_AddNullToObject(item, "last_visit");
			cJSON_AddNullToObject(item, "days_since");
		}
		cJSON_AddNumberToObject(item, "interval", (double)v->per[h].interval);
		cJSON_AddStringToObject(item, "status", visit_code_name(*last ? VISIT_OVERDUE :
		    VISIT_NEVER));
		cJSON_AddItemToArray(rows, item);
	}
	json_write(fp, root);
}

/* Writes the overdue households in the session's format; 1 when any, or a faulty row. */
static int run(struct session *s)
{
	const struct visits *v = &s->visits;
	struct output out;

	if (cli_output_open(s, &out) < 0)
		return EXIT_TROUBLE;
	if (s->format == RENDER_JSON)
		print_json(out.fp, v, &s->roster);
	else if (s->format == RENDER_CSV)
		print_csv(&out, v, &s->roster);
	else
		print_text(out.fp, v, &s->roster);
	if (output_commit(&out) < 0)
		return EXIT_TROUBLE;
	return v->overdue > 0 || v->faulty > 0 ? EXIT_FOUND : EXIT_OK;
}

const struct command cmd_visits = {
	.name = "visits",
	.run = run,
	.needs = NEED_VISITS | NEED_OUTPUT | NEED_FILE,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_CSV) | FORMAT(RENDER_JSON),
	.lists_visit_rows = true,
	.synopsis = "[roster options] [--mapping FILE] [--visits FILE] [--as-of YYYY-MM-DD] "
	    "[--every RULES] [--format text|csv|json] [-o FILE]",
	.purpose = "check the visit log (走访台账): overdue households by member",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP
	    "      --mapping FILE     who is whose contact (default DIR/mapping.csv)\n"
	    "      --visits FILE      the visit log (default DIR/visits.csv)\n"
	    CLI_VISIT_HELP
	    "      --format FMT       text, csv or json (default text)\n"
	    CLI_OUTPUT_FILE_HELP
	    CLI_COMMON_HELP,
};

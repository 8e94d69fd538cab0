/* organise: a Party group on every grid, a leader in every group, a secretary in every branch, a member on every building. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/organise.h"
#include "lianhu/output.h"


static void print_text(FILE *fp, const struct organise *o, const struct roster *r)
{
	for (size_t i = 0; i < o->nfindings; i++) {
		const struct organise_finding *f = &o->findings[i];

		finding_print(fp, r->labels[f->file], f->line, organise_code_name(f->code),
		    organise_message(o, r, f));
	}
	fprintf(stderr, ngettext("organise: %ld of %ld grid served by a group",
	    "organise: %ld of %ld grids served by a group", (unsigned long)o->grids),
	    o->grids_served, o->grids);
	fprintf(stderr, ngettext(", %ld of %ld group with a leader", ", %ld of %ld groups with a leader",
	    o->ngroups), o->groups_with_leader, (long)o->ngroups);
	fprintf(stderr, ngettext(", %ld of %ld community with a secretary",
	    ", %ld of %ld communities with a secretary", (unsigned long)o->communities),
	    o->communities_with_secretary, o->communities);
	fprintf(stderr, ngettext(", %ld of %ld building with a member",
	    ", %ld of %ld buildings with a member", (unsigned long)o->buildings),
	    o->buildings_with_member, o->buildings);
	fprintf(stderr, ngettext("; %zu finding", "; %zu findings", o->nfindings), o->nfindings);
	for (int c = 0; c < ORG_COUNT; c++)
		if (o->counts[c])
			fprintf(stderr, _(", %s %ld"),
			    diag_label(organise_code_name((enum organise_code)c)),
			    o->counts[c]);
	fprintf(stderr, "\n");
}

static void print_csv(struct output *out, const struct organise *o, const struct roster *r)
{
	static const char *const header[] = { "code", "file", "line", "id", "community", "township",
		"message" };
	const char *id, *community, *township;
	char line[32];

	for (size_t c = 0; c < sizeof(header) / sizeof(header[0]); c++)
		csv_field(out, header[c]);
	csv_row_end(out);
	for (size_t i = 0; i < o->nfindings; i++) {
		const struct organise_finding *f = &o->findings[i];

		organise_unit(o, r, f, &id, &community, &township);
		snprintf(line, sizeof(line), "%ld", f->line);
		csv_field(out, organise_code_name(f->code));
		csv_field(out, r->labels[f->file]);
		csv_field(out, line);
		csv_field(out, id);
		csv_field(out, community);
		csv_field(out, township);
		csv_field(out, organise_message(o, r, f));
		csv_row_end(out);
	}
}

static void print_json(FILE *fp, const struct organise *o, const struct roster *r)
{
	cJSON *root = cJSON_CreateObject(), *counts, *list;
	const char *id, *community, *township;
	const struct {
		const char *key;
		long value;
	} totals[] = {
		{ "grids", o->grids }, { "grids_served", o->grids_served },
		{ "groups", (long)o->ngroups }, { "groups_with_leader", o->groups_with_leader },
		{ "communities", o->communities },
		{ "communities_with_secretary", o->communities_with_secretary },
		{ "buildings", o->buildings }, { "buildings_with_member", o->buildings_with_member },
	};

	for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++)
		cJSON_AddNumberToObject(root, totals[i].key, (double)totals[i].value);
	counts = cJSON_AddObjectToObject(root, "counts");
	for (int c = 0; c < ORG_COUNT; c++)
		cJSON_AddNumberToObject(counts, organise_code_name((enum organise_code)c),
		    (double)o->counts[c]);
	list = cJSON_AddArrayToObject(root, "findings");
	for (size_t i = 0; i < o->nfindings; i++) {
		const struct organise_finding *f = &o->findings[i];
		cJSON *item = cJSON_CreateObject();

		organise_unit(o, r, f, &id, &community, &township);
		cJSON_AddStringToObject(item, "code", organise_code_name(f->code));
		cJSON_AddStringToObject(item, "file", r->labels[f->file]);
		cJSON_AddNumberToObject(item, "line", (double)f->line);
		cJSON_AddStringToObject(item, "id", id);
		cJSON_AddStringToObject(item, "community", community);
		cJSON_AddStringToObject(item, "township", township);
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(root, "responsible");
	for (size_t b = 0; b < r->nbuildings; b++) {
		int m = o->responsible[b];
		cJSON *item;

		if (o->building_households[b] == 0)
			continue;
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "building_id", r->buildings[b].id);
		cJSON_AddStringToObject(item, "member_id", m >= 0 ? r->members[m].id : "");
		cJSON_AddItemToArray(list, item);
	}
	json_write(fp, root);
}

/* --min-group N. */
static int own_option(struct session *s, int opt, const char *arg)
{
	if (opt != OPT_MIN_GROUP)
		abort();	/* getopt_long returns only the options of the table */
	return cli_number(s->cmd, "--min-group", arg, &s->min_group) ? 0 : -1;
}

/* Writes the organisation's findings in the session's format; 1 when there is a fault. */
static int run(struct session *s)
{
	struct output out;

	if (cli_output_open(s, &out) < 0)
		return EXIT_TROUBLE;
	if (s->format == RENDER_JSON)
		print_json(out.fp, &s->org, &s->roster);
	else if (s->format == RENDER_CSV)
		print_csv(&out, &s->org, &s->roster);
	else
		print_text(out.fp, &s->org, &s->roster);
	if (output_commit(&out) < 0)
		return EXIT_TROUBLE;
	return organise_faults(&s->org) ? EXIT_FOUND : EXIT_OK;
}

static const struct option own_options[] = {
	{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
	{ NULL, 0, NULL, 0 }
};

const struct command cmd_organise = {
	.name = "organise",
	.run = run,
	.needs = NEED_ORGANISE | NEED_OUTPUT | NEED_FILE,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_CSV) | FORMAT(RENDER_JSON),
	.own_options = own_options,
	.own_option = own_option,
	.synopsis = "[roster options] [--mapping FILE] [--scope S] [--max-load N] [--min-group N] "
	    "[--format text|csv|json] [-o FILE]",
	.purpose = "check the Party groups, leaders and secretaries; name each building's member",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP
	    "      --mapping FILE     the mapping of contacts (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier a contact may be (default community), as for audit\n"
	    CLI_MAX_LOAD_HELP
	    "      --min-group N      fewer members than N make a small group (default 3)\n"
	    "      --format FMT       text, csv or json (default text)\n"
	    CLI_OUTPUT_FILE_HELP
	    CLI_COMMON_HELP,
};

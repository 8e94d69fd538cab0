/* diff: what changed between two mappings, household by household; exit 1 when they differ. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/render.h"

enum change { CHANGE_NONE, CHANGE_ADDED, CHANGE_REMOVED, CHANGE_CHANGED };

static const char *const change_names[] = { "unchanged", "added", "removed", "changed" };

/* The kinds as the text format shows them (csv and json keep change_names). */
static const char *const change_labels[] = {
	N_("unchanged"), N_("added"), N_("removed"), N_("changed")
};

/* One household of either mapping, with its first contact in each ("" for none). */
struct entry {
	const char *household, *old, *new;
	enum change change;
};

/* Collects households in order of appearance, old file first; the first row of each counts. */
static struct entry *pair_up(const struct mapping *old, const struct mapping *new, size_t *n)
{
	struct strmap seen;
	struct entry *list = NULL;
	size_t alloc = 0;
	const struct mapping *maps[2] = { old, new };

	strmap_init(&seen);
	*n = 0;
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < maps[side]->nrows; i++) {
			const struct mapping_row *row = &maps[side]->rows[i];
			int e = strmap_put(&seen, row->household_id, (int)*n);

			if (e == (int)*n) {
				GROW(list, alloc, *n + 1);
				list[(*n)++] = (struct entry){ row->household_id, NULL, NULL, CHANGE_NONE };
			}
			if (side == 0 && list[e].old == NULL)
				list[e].old = row->member_id;
			if (side == 1 && list[e].new == NULL)
				list[e].new = row->member_id;
		}
	}
	strmap_release(&seen);
	for (size_t i = 0; i < *n; i++) {
		const char *o = list[i].old ? list[i].old : "", *w = list[i].new ? list[i].new : "";

		list[i].old = o;
		list[i].new = w;
		list[i].change = strcmp(o, w) == 0 ? CHANGE_NONE : !*o ? CHANGE_ADDED :
		    !*w ? CHANGE_REMOVED : CHANGE_CHANGED;
	}
	return list;
}

static cJSON *member_or_null(const char *s)
{
	return *s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void print_json(FILE *fp, const struct entry *list, size_t n, const long *counts)
{
	cJSON *root = cJSON_CreateObject(), *rows;

	for (int k = CHANGE_ADDED; k <= CHANGE_CHANGED; k++)
		cJSON_AddNumberToObject(root, change_names[k], (double)counts[k]);
	cJSON_AddNumberToObject(root, "unchanged", (double)counts[CHANGE_NONE]);
	rows = cJSON_AddArrayToObject(root, "rows");
	for (size_t i = 0; i < n; i++) {
		cJSON *item;

		if (list[i].change == CHANGE_NONE)
			continue;
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "household_id", list[i].household);
		cJSON_AddItemToObject(item, "old", member_or_null(list[i].old));
		cJSON_AddItemToObject(item, "new", member_or_null(list[i].new));
		cJSON_AddStringToObject(item, "kind", change_names[list[i].change]);
		cJSON_AddItemToArray(rows, item);
	}
	json_write(fp, root);
}

static void print_rows(struct output *o, const struct entry *list, size_t n, bool csv)
{
	if (csv) {
		csv_field(o, "household_id");
		csv_field(o, "old");
		csv_field(o, "new");
		csv_field(o, "kind");
		csv_row_end(o);
	}
	for (size_t i = 0; i < n; i++) {
		if (list[i].change == CHANGE_NONE)
			continue;
		if (!csv) {
			const char *kind = _(change_labels[list[i].change]);

			/* The kind padded to 8 columns (display columns: a translation may be wide). */
			fputs(kind, o->fp);
			for (size_t w = display_width(kind); w < 8; w++)
				putc(' ', o->fp);
			putc(' ', o->fp);	/* IDs may hold line breaks: escaped, they forge no line */
			fput_visible(list[i].household, o->fp);
			fputs(": ", o->fp);
			fput_visible(*list[i].old ? list[i].old : _("(none)"), o->fp);
			fputs(" -> ", o->fp);
			fput_visible(*list[i].new ? list[i].new : _("(none)"), o->fp);
			putc('\n', o->fp);
			continue;
		}
		csv_field(o, list[i].household);
		csv_field(o, list[i].old);
		csv_field(o, list[i].new);
		csv_field(o, change_names[list[i].change]);
		csv_row_end(o);
	}
}

/* --format text|csv|json. */
static int format_option(const struct command *cmd, int opt, const char *arg, void *format)
{
	if (opt != OPT_FORMAT)
		abort();	/* getopt_long returns only the options of longopts */
	if (strcmp(arg, "text") && strcmp(arg, "csv") && strcmp(arg, "json"))
		return cli_usage_error(cmd, _("unknown format '%s' (text, csv or json)"), arg), -1;
	*(const char **)format = arg;
	return 0;
}

static int run(const struct command *cmd, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		CLI_OUTPUT_OPTIONS,
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct roster_args args = { 0 };
	struct mapping old = { 0 }, new = { 0 };
	const char *format = "text";
	struct entry *list = NULL;
	long counts[4] = { 0 };
	size_t n = 0;
	struct output out = { 0 };
	int first, status = EXIT_TROUBLE;

	if ((first = cli_parse(cmd, argc, argv, longopts, &args, format_option, &format)) < 0)
		return EXIT_TROUBLE;
	if (argc - first != 2)
		return cli_usage_error(cmd, _("give two mappings, the old one first"));
	if (!cli_load_mapping(&old, argv[first], &args) ||
	    !cli_load_mapping(&new, argv[first + 1], &args))
		goto out;
	list = pair_up(&old, &new, &n);
	for (size_t i = 0; i < n; i++)
		counts[list[i].change]++;
	if (output_open(&out, NULL, NULL) < 0)
		goto out;
	output_configure(&out, &args.out);
	if (strcmp(format, "json") == 0)
		print_json(out.fp, list, n, counts);
	else
		print_rows(&out, list, n, strcmp(format, "csv") == 0);
	if (output_commit(&out) < 0)
		goto out;
	fprintf(stderr, _("diff: %ld added, %ld removed, %ld changed, %ld unchanged\n"),
	    counts[CHANGE_ADDED], counts[CHANGE_REMOVED], counts[CHANGE_CHANGED],
	    counts[CHANGE_NONE]);
	status = counts[CHANGE_ADDED] + counts[CHANGE_REMOVED] + counts[CHANGE_CHANGED] ?
	    EXIT_FOUND : EXIT_OK;
out:
	output_abort(&out);
	free(list);
	mapping_release(&old);
	mapping_release(&new);
	return status;
}

const struct command cmd_diff = {
	.name = "diff",
	.run = run,
	.synopsis = "OLD.csv NEW.csv [--format text|csv|json]",
	.purpose = "list households whose contact was added, removed or changed",
	.max_operands = 2,
	.options =
	    "      --format FMT       text, csv or json (default text)\n"
	    CLI_OUTPUT_HELP
	    "      --encoding ENC     auto, utf-8, gb18030 or utf-16 (default auto)\n"
	    "      --delimiter C      field delimiter: , or tab or ; (default: from the header)\n"
	    CLI_COMMON_HELP,
};

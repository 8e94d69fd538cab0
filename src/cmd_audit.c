/* audit: check a mapping against the roster and list every finding; exit 1 when there is any. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/audit.h"
#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"

enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

/* Where a finding points: the mapping line, else the roster line of its household or member. */
static void locate(const struct finding *f, const struct roster *r, const struct mapping *map,
    const char **file, long *line)
{
	*file = map->path;
	*line = f->line;
	if (f->line > 0)
		return;
	if (f->household >= 0) {
		*file = r->labels[FILE_HOUSEHOLDS];
		*line = r->households[f->household].line;
	} else {
		*file = r->labels[FILE_MEMBERS];
		*line = r->members[f->member].line;
	}
}

static void print_text(FILE *fp, const struct audit *a, const struct roster *r,
    const struct mapping *map, long max_load)
{
	const char *file;
	long line;

	for (size_t i = 0; i < a->nfindings; i++) {
		locate(&a->findings[i], r, map, &file, &line);
		finding_print(fp, file, line, finding_name(a->findings[i].code),
		    finding_message(&a->findings[i], r, max_load));
	}
	fprintf(stderr, _("audit: %ld of %ld households covered; %zu findings"), a->covered,
	    a->households, a->nfindings);
	for (int c = 0; c < FIND_COUNT; c++)
		if (a->counts[c])
			/* TRANSLATORS: a finding's words for people and how many there are. */
			fprintf(stderr, _(", %s %ld"),
			    code_label(finding_name((enum finding_code)c)), a->counts[c]);
	fprintf(stderr, "\n");
}

static void print_csv(struct output *o, const struct audit *a, const struct roster *r,
    const struct mapping *map, long max_load)
{
	static const char *const header[] = { "code", "household_id", "member_id", "file", "line",
		"message" };
	const char *file;
	char number[32];
	long line;

	for (size_t c = 0; c < sizeof(header) / sizeof(header[0]); c++)
		csv_field(o, header[c]);
	csv_row_end(o);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		locate(f, r, map, &file, &line);
		snprintf(number, sizeof(number), "%ld", line);
		csv_field(o, finding_name(f->code));
		csv_field(o, f->household_id ? f->household_id : "");
		csv_field(o, f->member_id ? f->member_id : "");
		csv_field(o, file);
		csv_field(o, number);
		csv_field(o, finding_message(f, r, max_load));
		csv_row_end(o);
	}
}

static cJSON *text_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void print_json(FILE *fp, const struct audit *a, const struct roster *r, long max_load)
{
	cJSON *root = cJSON_CreateObject(), *counts, *list;

	cJSON_AddBoolToObject(root, "ok", a->nfindings == 0);
	cJSON_AddNumberToObject(root, "households", (double)a->households);
	cJSON_AddNumberToObject(root, "covered", (double)a->covered);
	cJSON_AddNumberToObject(root, "eligible_members", (double)a->eligible);
	counts = cJSON_AddObjectToObject(root, "counts");
	for (int c = 0; c < FIND_COUNT; c++)
		cJSON_AddNumberToObject(counts, finding_name((enum finding_code)c), (double)a->counts[c]);
	list = cJSON_AddArrayToObject(root, "findings");
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		cJSON *item = cJSON_CreateObject();

		cJSON_AddStringToObject(item, "code", finding_name(f->code));
		cJSON_AddItemToObject(item, "household_id", text_or_null(f->household_id));
		cJSON_AddItemToObject(item, "member_id", text_or_null(f->member_id));
		if (f->line > 0)
			cJSON_AddNumberToObject(item, "line", (double)f->line);
		else
			cJSON_AddNullToObject(item, "line");
		cJSON_AddStringToObject(item, "message", finding_message(f, r, max_load));
		cJSON_AddItemToArray(list, item);
	}
	json_write(fp, root);
}

/* --format text|csv|json. */
static int format_option(const struct command *cmd, int opt, const char *arg, void *format)
{
	static const char *const names[] = { "text", "csv", "json" };

	if (opt != OPT_FORMAT)
		abort();	/* getopt_long returns only the options of longopts */
	for (int f = FORMAT_TEXT; f <= FORMAT_JSON; f++) {
		if (strcmp(arg, names[f]) == 0) {
			*(enum format *)format = (enum format)f;
			return 0;
		}
	}
	return cli_usage_error(cmd, _("unknown format '%s' (text, csv or json)"), arg), -1;
}

static int run(const struct command *cmd, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_ROSTER_OPTIONS,
		CLI_OUTPUT_OPTIONS,
		CLI_MASK_OPTION,
		{ "mapping", required_argument, NULL, OPT_MAPPING },
		CLI_SCOPE_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ NULL, 0, NULL, 0 }
	};
	struct roster_args args = ROSTER_ARGS_DEFAULT;
	enum format format = FORMAT_TEXT;
	struct roster r;
	struct mapping map = { 0 };
	struct audit a = { 0 };
	struct output out = { 0 };
	int status = EXIT_TROUBLE;

	if (cli_parse(cmd, argc, argv, longopts, &args, format_option, &format) < 0)
		return EXIT_TROUBLE;
	roster_init(&r);
	if (!cli_load_audit(&r, &map, &a, &args))
		goto out;
	if (output_open(&out, NULL, NULL) < 0)
		goto out;
	output_configure(&out, &args.out);
	if (format == FORMAT_JSON)
		print_json(out.fp, &a, &r, args.max_load);
	else if (format == FORMAT_CSV)
		print_csv(&out, &a, &r, &map, args.max_load);
	else
		print_text(out.fp, &a, &r, &map, args.max_load);
	if (output_commit(&out) == 0)
		status = a.nfindings ? EXIT_FOUND : EXIT_OK;
out:
	output_abort(&out);
	audit_release(&a);
	mapping_release(&map);
	roster_release(&r);
	return status;
}

const struct command cmd_audit = {
	.name = "audit",
	.run = run,
	.synopsis = "[roster options] [--mapping FILE] [--scope S] [--max-load N] "
	    "[--format text|csv|json]",
	.purpose = "check a mapping (made by assign or by hand) and list every finding",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to check (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier allowed (default community)\n"
	    "      --max-load N       households per member without a capacity (default 15)\n"
	    "      --format FMT       text, csv or json (default text)\n"
	    CLI_COMMON_HELP,
};

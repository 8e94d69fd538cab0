/* report: coverage of a mapping rolled up by township, community, grid, building or member, worst first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/audit.h"
#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/render.h"
#include "lianhu/rollup.h"

struct report_args {
	struct roster_args roster;
	struct visit_args visit;
	enum rollup_level by;
	enum render_format format;
};

/* Handles one of the command's own options; -1 after a usage message. */
static int parse_option(const struct command *cmd, int c, const char *arg, void *ctx)
{
	struct report_args *a = ctx;
	int handled;

	if ((handled = cli_visit_option(cmd, c, arg, &a->visit)) != 0)
		return handled < 0 ? -1 : 0;
	switch (c) {
	case OPT_BY:
		if (rollup_level_parse(arg, &a->by))
			return 0;
		return cli_usage_error(cmd, _("unknown level '%s' (township, community, grid, building "
		    "or member)"), arg), -1;
	case OPT_FORMAT:
		if (render_format_parse(arg, &a->format))
			return 0;
		return cli_usage_error(cmd, _("unknown format '%s' (text, csv, json, md, html or xlsx)"),
		    arg), -1;
	default:
		abort();	/* getopt_long returns only the options of longopts */
	}
}

static int parse(const struct command *cmd, int argc, char **argv, struct report_args *a)
{
	static const struct option longopts[] = {
		CLI_ROSTER_OPTIONS,
		CLI_OUTPUT_OPTIONS,
		CLI_MASK_OPTION,
		{ "mapping", required_argument, NULL, OPT_MAPPING },
		CLI_SCOPE_OPTIONS,
		{ "by", required_argument, NULL, OPT_BY },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		CLI_VISIT_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	if (cli_parse(cmd, argc, argv, longopts, &a->roster, parse_option, a) < 0)
		return -1;
	if (a->visit.path == NULL && (a->visit.as_of != DATE_NONE || a->visit.rules.nrules > 0 ||
	    a->visit.rules.priority != 30 || a->visit.rules.ordinary != 90))
		return cli_usage_error(cmd, _("--as-of and --every go with --visits FILE")), -1;
	return cli_workbook_needs_file(cmd, a->format == RENDER_XLSX, &a->roster);
}

static const struct renderer renderer = { report_write, report_write_xlsx };

static int run(const struct command *cmd, int argc, char **argv)
{
	struct render_input in;
	struct report_args a = { .roster = ROSTER_ARGS_DEFAULT, .by = LEVEL_COMMUNITY,
		.format = RENDER_TEXT };
	struct roster r;
	struct mapping map = { 0 };
	struct audit au = { 0 };
	struct rollup u = { 0 };
	struct organise o = { 0 };
	struct visits v = { 0 };
	int status = EXIT_TROUBLE;

	VISIT_ARGS_INIT(&a.visit);
	roster_init(&r);
	if (parse(cmd, argc, argv, &a) < 0)
		goto out;
	if (!cli_load_audit(&r, &map, &au, &a.roster) || (a.visit.path &&
	    !cli_load_visits(&v, &r, &map, &a.visit, &a.roster, true)))
		goto out;
	rollup_build(&u, &r, &au, a.by, a.roster.scope, a.roster.default_capacity);
	organise_run(&o, &r, &map, a.roster.scope, a.roster.default_capacity, ORGANISE_MIN_GROUP);
	if (a.visit.path)
		rollup_add_visits(&u, &r, &au, v.per);
	in = (struct render_input){ .r = &r, .a = &au, .u = &u, .scope = a.roster.scope,
	    .default_capacity = a.roster.default_capacity, .opts = &a.roster.out, .org = &o,
	    .v = a.visit.path ? &v : NULL };
	if (render_to_file(&renderer, a.roster.output, a.format, &in, map.path) == 0)
		status = EXIT_OK;
out:
	organise_release(&o);
	visits_release(&v);
	visit_rules_release(&a.visit.rules);
	rollup_release(&u);
	audit_release(&au);
	mapping_release(&map);
	roster_release(&r);
	return status;
}

const struct command cmd_report = {
	.name = "report",
	.run = run,
	.synopsis = "[roster options] [--mapping FILE] [--by township|community|grid|building|member] "
	    "[--format text|csv|json|md|html|xlsx] [-o FILE] [--visits FILE [--as-of YYYY-MM-DD] "
	    "[--every RULES]]",
	.purpose = "roll coverage up by township, community, grid, building or member",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to report on (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier that covers (default community), as for audit\n"
	    "      --max-load N       households per member without a capacity (default 15)\n"
	    "      --by LEVEL         township, community (default), grid, building or member\n"
	    "      --format FMT       text (default), csv, json, md, html or xlsx (needs -o)\n"
	    "  -o, --output FILE      write to FILE (default standard output)\n"
	    "      --visits FILE      add the visit log's counts: up to date, overdue, visit rate, needs\n"
	    CLI_VISIT_HELP
	    CLI_COMMON_HELP,
};

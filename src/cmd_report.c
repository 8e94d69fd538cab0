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

/* The command's own option: --by. */
struct report_own {
	enum rollup_level by;
};

static const struct report_own defaults = { .by = LEVEL_COMMUNITY };

/* --by LEVEL. */
static int own_option(struct session *s, int opt, const char *arg)
{
	struct report_own *own = s->own;

	if (opt != OPT_BY)
		abort();	/* getopt_long returns only the options of the table */
	if (rollup_level_parse(arg, &own->by))
		return 0;
	return cli_usage_error(s->cmd, _("unknown level '%s' (township, community, grid, building "
	    "or member)"), arg), -1;
}

static const struct renderer renderer = { report_write, report_write_xlsx };

/* Rolls the audit up by the level asked for, with the visit log's counts if read, and writes it. */
static int run(struct session *s)
{
	const struct report_own *own = s->own;
	struct render_input in = cli_render_input(s);
	struct rollup u = { 0 };
	int status = EXIT_TROUBLE;

	rollup_build(&u, &s->roster, &s->audit, own->by);
	if (s->has_visits)
		rollup_add_visits(&u, &s->roster, &s->audit, s->visits.per);
	in.u = &u;
	if (render_to_file(&renderer, s->args.output, s->format, &in, s->map.path) == 0)
		status = EXIT_OK;
	rollup_release(&u);
	return status;
}

static const struct option own_options[] = {
	{ "by", required_argument, NULL, OPT_BY },
	{ NULL, 0, NULL, 0 }
};

const struct command cmd_report = {
	.name = "report",
	.run = run,
	.needs = NEED_AUDIT | NEED_ORGANISE | NEED_VISIT_OPTIONS | NEED_OUTPUT | NEED_MASK | NEED_FILE,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_CSV) | FORMAT(RENDER_JSON) | FORMAT(RENDER_MD) |
	    FORMAT(RENDER_HTML) | FORMAT(RENDER_XLSX),
	.own_options = own_options,
	.own_option = own_option,
	.own_size = sizeof(struct report_own),
	.own_defaults = &defaults,
	.synopsis = "[roster options] [--mapping FILE] [--by township|community|grid|building|member] "
	    "[--format text|csv|json|md|html|xlsx] [-o FILE] [--visits FILE [--as-of YYYY-MM-DD] "
	    "[--every RULES]]",
	.purpose = "roll coverage up by township, community, grid, building or member",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to report on (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier that covers (default community), as for audit\n"
	    CLI_MAX_LOAD_HELP
	    "      --by LEVEL         township, community (default), grid, building or member\n"
	    "      --format FMT       text (default), csv, json, md, html or xlsx (needs -o)\n"
	    CLI_OUTPUT_FILE_HELP
	    "      --visits FILE      add the visit log's counts: up to date, overdue, visit rate, needs\n"
	    CLI_VISIT_HELP
	    CLI_COMMON_HELP,
};

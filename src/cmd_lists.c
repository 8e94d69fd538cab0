/* lists: each member's contact list (联系卡), households in walking order, for print or spreadsheets. */
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

struct lists_args {
	struct roster_args roster;
	enum render_format format;
	const char *title;	/* --title, or NULL */
};

/* Handles one of the command's own options; -1 after a usage message. */
static int parse_option(const struct command *cmd, int c, const char *arg, void *ctx)
{
	struct lists_args *a = ctx;

	switch (c) {
	case OPT_TITLE:
		a->title = arg;
		return 0;
	case OPT_FORMAT:
		if (render_format_parse(arg, &a->format) && a->format != RENDER_TEXT &&
		    a->format != RENDER_JSON)
			return 0;
		return cli_usage_error(cmd, _("unknown format '%s' (csv, md, html or xlsx)"), arg), -1;
	default:
		abort();	/* getopt_long returns only the options of longopts */
	}
}

static int parse(const struct command *cmd, int argc, char **argv, struct lists_args *a)
{
	static const struct option longopts[] = {
		CLI_ROSTER_OPTIONS,
		CLI_OUTPUT_OPTIONS,
		CLI_MASK_OPTION,
		{ "mapping", required_argument, NULL, OPT_MAPPING },
		CLI_SCOPE_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ NULL, 0, NULL, 0 }
	};
	if (cli_parse(cmd, argc, argv, longopts, &a->roster, parse_option, a) < 0)
		return -1;
	return cli_workbook_needs_file(cmd, a->format == RENDER_XLSX, &a->roster);
}

static const struct renderer renderer = { lists_write, lists_write_xlsx };

static int run(const struct command *cmd, int argc, char **argv)
{
	struct render_input in;
	struct lists_args a = { .roster = ROSTER_ARGS_DEFAULT, .format = RENDER_CSV };
	struct roster r;
	struct mapping map = { 0 };
	struct audit au = { 0 };
	struct contact_lists l = { 0 };
	struct organise o = { 0 };
	char date[11];
	int status = EXIT_TROUBLE;

	if (parse(cmd, argc, argv, &a) < 0)
		return EXIT_TROUBLE;
	roster_init(&r);
	if (!cli_load_audit(&r, &map, &au, &a.roster))
		goto out;
	contact_lists_build(&l, &r, au.contact);
	organise_run(&o, &r, &map, a.roster.scope, a.roster.default_capacity, ORGANISE_MIN_GROUP);
	in = (struct render_input){ .r = &r, .a = &au, .l = &l, .scope = a.roster.scope,
	    .default_capacity = a.roster.default_capacity, .opts = &a.roster.out, .title = a.title,
	    .date = date,
	    .org = &o };
	today_iso(date);
	if (render_to_file(&renderer, a.roster.output, a.format, &in, map.path) == 0)
		status = EXIT_OK;
out:
	organise_release(&o);
	contact_lists_release(&l);
	audit_release(&au);
	mapping_release(&map);
	roster_release(&r);
	return status;
}

const struct command cmd_lists = {
	.name = "lists",
	.run = run,
	.synopsis = "[roster options] [--mapping FILE] [--format csv|md|html|xlsx] [--title TEXT] "
	    "[-o FILE]",
	.purpose = "write each member's contact card (联系卡): households, a blank visit record",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to list (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier that covers (default community), as for audit\n"
	    "      --max-load N       households per member without a capacity (default 15)\n"
	    "      --format FMT       csv (default), md, html (a printed page a member)\n"
	    "                         or xlsx (needs -o)\n"
	    "      --title TEXT       the cards' title (default: township and community,\n"
	    "                         then \"household contact card\"), in html and md\n"
	    "  -o, --output FILE      write to FILE (default standard output)\n"
	    CLI_COMMON_HELP,
};

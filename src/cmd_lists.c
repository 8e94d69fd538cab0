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

/* The command's own option: --title. */
struct lists_own {
	const char *title;	/* --title, or NULL */
};

/* --title TEXT. */
static int own_option(struct session *s, int opt, const char *arg)
{
	struct lists_own *own = s->own;

	if (opt != OPT_TITLE)
		abort();	/* getopt_long returns only the options of the table */
	own->title = arg;
	return 0;
}

static const struct renderer renderer = { lists_write, lists_write_xlsx };

/* Builds each member's list of households and writes the cards. */
static int run(struct session *s)
{
	const struct lists_own *own = s->own;
	struct render_input in = cli_render_input(s);
	struct contact_lists l = { 0 };
	char date[11];
	int status = EXIT_TROUBLE;

	contact_lists_build(&l, &s->roster, s->audit.contact);
	today_iso(date);
	in.l = &l;
	in.title = own->title;
	in.date = date;
	if (render_to_file(&renderer, s->args.output, s->format, &in, s->map.path) == 0)
		status = EXIT_OK;
	contact_lists_release(&l);
	return status;
}

static const struct option own_options[] = {
	{ "title", required_argument, NULL, OPT_TITLE },
	{ NULL, 0, NULL, 0 }
};

const struct command cmd_lists = {
	.name = "lists",
	.run = run,
	.needs = NEED_AUDIT | NEED_ORGANISE | NEED_OUTPUT | NEED_MASK | NEED_FILE,
	.formats = FORMAT(RENDER_CSV) | FORMAT(RENDER_MD) | FORMAT(RENDER_HTML) | FORMAT(RENDER_XLSX),
	.own_options = own_options,
	.own_option = own_option,
	.own_size = sizeof(struct lists_own),
	.synopsis = "[roster options] [--mapping FILE] [--format csv|md|html|xlsx] [--title TEXT] "
	    "[-o FILE]",
	.purpose = "write each member's contact card (联系卡): households, a blank visit record",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to list (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier that covers (default community), as for audit\n"
	    CLI_MAX_LOAD_HELP
	    "      --format FMT       csv (default), md, html (a printed page a member)\n"
	    "                         or xlsx (needs -o)\n"
	    "      --title TEXT       the cards' title (default: township and community,\n"
	    "                         then \"household contact card\"), in html and md\n"
	    CLI_OUTPUT_FILE_HELP
	    CLI_COMMON_HELP,
};

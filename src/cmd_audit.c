/* audit: check a mapping against the roster and list every finding; exit 1 when there is any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/audit.h"
#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/render_audit.h"

/* --format text|csv|json. */
static int format_option(const struct command *cmd, int opt, const char *arg, void *format)
{
	enum render_format *f = format;

	if (opt != OPT_FORMAT)
		abort();	/* getopt_long returns only the options of longopts */
	if (render_format_parse(arg, f) && *f <= RENDER_JSON)
		return 0;
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
	enum render_format format = RENDER_TEXT;
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
	audit_write(&out, format, &a, &r, &map, args.default_capacity);
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

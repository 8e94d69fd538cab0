/* validate: read the rosters, report every problem, exit 1 when any is an error. */
#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/render_validate.h"

/* Reads the roster, whatever its errors, and reports them all; 1 when any is an error. */
static int run(struct session *s)
{
	if (roster_load(&s->roster, &s->args.paths, &s->args.read) < 0)
		return EXIT_TROUBLE;
	validate_write(s->format, &s->roster);
	return diag_count(DIAG_ERROR) ? EXIT_FOUND : EXIT_OK;
}

const struct command cmd_validate = {
	.name = "validate",
	.run = run,
	.needs = NEED_ROSTER_OPTIONS,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_JSON),
	.synopsis = "[roster options] [--format text|json]",
	.purpose = "check the rosters and report every problem by file and line",
	.options = CLI_ROSTER_HELP
	    "      --format FMT       text (diagnostics on stderr) or json (on stdout)\n"
	    CLI_COMMON_HELP,
};

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

/* Writes the audit's findings in the session's format; 1 when there is any. */
static int run(struct session *s)
{
	struct output out;

	if (cli_output_open(s, &out) < 0)
		return EXIT_TROUBLE;
	audit_write(&out, s->format, &s->audit, &s->roster, &s->map);
	if (output_commit(&out) < 0)
		return EXIT_TROUBLE;
	return s->audit.nfindings ? EXIT_FOUND : EXIT_OK;
}

const struct command cmd_audit = {
	.name = "audit",
	.run = run,
	.needs = NEED_AUDIT | NEED_OUTPUT | NEED_MASK,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_CSV) | FORMAT(RENDER_JSON),
	.synopsis = "[roster options] [--mapping FILE] [--scope S] [--max-load N] "
	    "[--format text|csv|json]",
	.purpose = "check a mapping (made by assign or by hand) and list every finding",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP CLI_MASK_HELP
	    "      --mapping FILE     the mapping to check (default DIR/mapping.csv)\n"
	    "      --scope S          farthest tier allowed (default community)\n"
	    CLI_MAX_LOAD_HELP
	    "      --format FMT       text, csv or json (default text)\n"
	    CLI_COMMON_HELP,
};

/* diff: what changed between two mappings, household by household or, with the roster, member by member. */
#include "lianhu/changes.h"
#include "lianhu/cli.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/privacy.h"
#include "lianhu/render_diff.h"

/* True when the command line names a roster (-d or one of its files). */
static bool roster_given(const struct roster_args *args)
{
	const struct roster_paths *p = &args->paths;

	return p->dir || p->buildings || p->households || p->members;
}

/* Two mappings, the old one first; the notices (html) only with the roster. */
static int check(struct session *s)
{
	if (cli_settle_format(s) < 0)
		return -1;
	if (s->noperands != 2)
		return cli_usage_error(s->cmd, _("give two mappings, the old one first")), -1;
	if (s->format == RENDER_HTML && !roster_given(&s->args))
		return cli_usage_error(s->cmd, _("the notices (--format html) name households and "
		    "members: give the roster with -d DIR")), -1;
	return 0;
}

/* Reads the two mappings (and the roster, when named) and writes what changed; 1 when anything did. */
static int run(struct session *s)
{
	struct mapping old = { 0 }, new = { 0 };
	struct roster *r = roster_given(&s->args) ? &s->roster : NULL;
	struct changes c = { 0 };
	struct output out = { 0 };
	int status = EXIT_TROUBLE;

	if (r != NULL && !cli_load_roster(r, &s->args))
		goto out;
	if (r != NULL && s->args.out.mask)
		mask_roster_people(r);
	if (!cli_load_mapping(&old, s->operands[0], &s->args) ||
	    !cli_load_mapping(&new, s->operands[1], &s->args))
		goto out;
	changes_build(&c, &old, &new, r);
	{
		const char *inputs[ROSTER_INPUTS + 3] = { s->operands[0], s->operands[1] };

		inputs[2 + roster_inputs(&s->roster, inputs + 2)] = NULL;

		if (output_open(&out, s->args.output, inputs) < 0)
			goto out;
	}
	output_configure(&out, &s->args.out);
	diff_write(&out, s->format, &c, r, &s->args.out);
	if (output_commit(&out) < 0)
		goto out;
	diff_summary(stderr, &c, r);
	status = c.counts[CHANGE_ADDED] + c.counts[CHANGE_REMOVED] + c.counts[CHANGE_CHANGED] ?
	    EXIT_FOUND : EXIT_OK;
out:
	output_abort(&out);
	changes_release(&c);
	mapping_release(&old);
	mapping_release(&new);
	return status;
}

const struct command cmd_diff = {
	.name = "diff",
	.run = run,
	.needs = NEED_ROSTER_OPTIONS | NEED_OUTPUT | NEED_MASK | NEED_FILE,
	.formats = FORMAT(RENDER_TEXT) | FORMAT(RENDER_CSV) | FORMAT(RENDER_JSON) | FORMAT(RENDER_HTML),
	.check = check,
	.synopsis = "OLD.csv NEW.csv [roster options] [--format text|csv|json|html] [-o FILE]",
	.purpose = "list households whose contact changed; with -d, by member (变更通知)",
	.max_operands = 2,
	.options =
	    "      --format FMT       text, csv, json or html (change notices, needs -d)\n"
	    "                         (default text)\n"
	    CLI_OUTPUT_FILE_HELP
	    CLI_OUTPUT_HELP CLI_MASK_HELP
	    CLI_ROSTER_HELP
	    CLI_COMMON_HELP,
};

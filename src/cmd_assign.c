/* assign: compute the optimal mapping of households to members and write it as mapping.csv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lianhu/assign.h"
#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/summary.h"

/* The command's own options: --previous, --min-load, --summary. */
struct assign_own {
	struct assign_opts solve;
	const char *previous, *summary;
};

static const struct assign_own defaults = { .solve.min_load = 1 };

/* --previous, --min-load and --summary. */
static int own_option(struct session *s, int opt, const char *arg)
{
	struct assign_own *own = s->own;

	if (opt == OPT_MIN_LOAD)
		return cli_number(s->cmd, "--min-load", arg, &own->solve.min_load) ? 0 : -1;
	if (opt == OPT_PREVIOUS)
		own->previous = arg;
	else if (opt == OPT_SUMMARY)
		own->summary = arg;
	else
		abort();	/* getopt_long returns only the options of the table */
	return 0;
}

/* Households (not vacant) whose contact differs from their first row (first) in the previous mapping. */
static long count_changed(const struct roster *r, const struct mapping *prev, const int *first,
    const int *contact)
{
	long changed = 0;

	for (size_t h = 0; h < r->nhouseholds; h++) {
		if (r->households[h].kind == KIND_VACANT)
			continue;
		const char *was = first[h] >= 0 ? prev->rows[first[h]].member_id : "";
		const char *now = contact[h] >= 0 ? r->members[contact[h]].id : "";

		changed += strcmp(was, now) != 0;
	}
	return changed;
}

/* Writes the mapping and the summary, each whole; neither when one of them cannot be. */
static int write_outputs(const struct session *s, const int *contact,
    const struct assign_aims *aims, long changed)
{
	const struct assign_own *a = s->own;
	const struct roster *r = &s->roster;
	const char *inputs[ROSTER_INPUTS + 2];
	size_t n = roster_inputs(r, inputs);
	const char *outputs[] = { s->args.output, a->summary };
	struct output map, sum = { 0 };
	int rc = -1;

	if (a->previous != NULL)
		inputs[n++] = a->previous;
	inputs[n] = NULL;
	if (output_check_distinct(outputs, a->summary ? 2 : 1) < 0)
		return -1;
	if (output_open(&map, s->args.output, inputs) < 0)
		return -1;
	output_configure(&map, &s->args.out);
	if (a->summary && output_open(&sum, a->summary, inputs) < 0)
		goto out;
	mapping_write(&map, r, contact);
	if (a->summary && summary_write_json(sum.fp, aims, changed) < 0)
		goto out;
	if (output_commit(&map) < 0 || (a->summary && output_commit(&sum) < 0))
		goto out;
	rc = 0;
out:
	output_abort(&map);
	output_abort(&sum);
	return rc;
}

/*
 * --min-load above --max-load: a usage error when no eligible member's own
 * capacity reaches it, else a warning with how many members fall short by
 * design (those whose capacity is below it). -1 after the usage error.
 */
static int check_floor(const struct session *s, long min_load)
{
	const struct roster *r = &s->roster;
	long reach = 0, below = 0;

	if (min_load <= r->default_capacity)
		return 0;
	for (size_t m = 0; m < r->nmembers; m++) {
		if (!r->members[m].eligible)
			continue;
		if (r->members[m].capacity >= min_load)
			reach++;
		else
			below++;
	}
	if (reach == 0)
		return cli_usage_error(s->cmd, _("--min-load %ld is above --max-load %ld and no member's "
		    "own capacity reaches it"), min_load, r->default_capacity), -1;
	if (below > 0)
		fprintf(stderr, ngettext("lianhu assign: warning: --min-load %ld is above --max-load %ld: "
		    "%ld member whose capacity is below it falls short by design\n",
		    "lianhu assign: warning: --min-load %ld is above --max-load %ld: "
		    "%ld members whose capacity is below it fall short by design\n", (unsigned long)below),
		    min_load, r->default_capacity, below);
	return 0;
}

/* Solves for the mapping (keeping --previous where still valid), writes it and the summary. */
static int run(struct session *s)
{
	struct assign_own *a = s->own;
	struct roster *r = &s->roster;
	struct assign_aims aims;
	int *first = NULL, *previous = NULL, *contact = NULL, status = EXIT_TROUBLE;
	long changed = 0;

	a->solve.scope = s->args.scope;
	if (check_floor(s, a->solve.min_load) < 0)
		return EXIT_TROUBLE;
	if (a->previous) {
		if (!cli_load_mapping(&s->map, a->previous, &s->args))
			goto out;
		first = mapping_first_rows(&s->map, r);
		previous = mapping_row_contacts(&s->map, r, first);
		mapping_check_common(&s->map, r);
		diag_print(stderr);
		diag_reset();
	}
	a->solve.previous = previous;
	a->solve.progress = isatty(2);
	contact = xmalloc((r->nhouseholds + 1) * sizeof(*contact));
	if (assign_solve(r, &a->solve, contact) < 0)
		goto out;
	assign_evaluate(r, &a->solve, contact, &aims);
	if (a->previous)
		changed = count_changed(r, &s->map, first, contact);
	if (write_outputs(s, contact, &aims, changed) < 0)
		goto out;
	summary_print(stderr, r, &a->solve, contact, &aims, changed);
	status = aims.covered < aims.households ? EXIT_FOUND : EXIT_OK;
out:
	free(contact);
	free(first);
	free(previous);
	return status;
}

static const struct option own_options[] = {
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ "min-load", required_argument, NULL, OPT_MIN_LOAD },
	{ "summary", required_argument, NULL, OPT_SUMMARY },
	{ NULL, 0, NULL, 0 }
};

const struct command cmd_assign = {
	.name = "assign",
	.run = run,
	.needs = NEED_ROSTER | NEED_POLICY | NEED_OUTPUT | NEED_FILE,
	.own_options = own_options,
	.own_option = own_option,
	.own_size = sizeof(struct assign_own),
	.own_defaults = &defaults,
	.synopsis = "[roster options] [--previous FILE] [--scope S] [--max-load N] "
	    "[--min-load N] [--summary FILE] [-o FILE]",
	.purpose = "compute the optimal mapping of households to member contacts",
	.options = CLI_ROSTER_HELP CLI_OUTPUT_HELP
	    "      --previous FILE    last mapping: keep its contacts where still valid\n"
	    "      --scope S          farthest tier allowed: building, grid, community (default)\n"
	    "                         or township\n"
	    CLI_MAX_LOAD_HELP
	    "      --min-load N       households each member should have at least (default 1;\n"
	    "                         0: no floor)\n"
	    "      --summary FILE     write the summary as JSON to FILE\n"
	    "  -o, --output FILE      write the mapping to FILE (default standard output)\n"
	    CLI_COMMON_HELP,
};

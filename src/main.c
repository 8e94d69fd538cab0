/* main: the one command table and dispatch. */
#include <fcntl.h>
#include <getopt.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/util.h"

static const struct command *const commands[] = {
	&cmd_validate, &cmd_assign, &cmd_audit, &cmd_diff, &cmd_report, &cmd_lists, &cmd_organise,
	&cmd_template, &cmd_visits,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	fprintf(out, "usage: lianhu COMMAND [OPTIONS]\n\n"
	    "lianhu (联户) maps every household to a Party-member contact (党员联系户).\n\n"
	    "commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-9s %s\n", commands[i]->name, commands[i]->purpose);
	fprintf(out, "\n'lianhu COMMAND --help' shows a command's options; 'man lianhu' tells all.\n");
}

/*
 * Gives closed standard streams a harmless file, so that no roster or output
 * file is ever opened as one of them: an empty input, and an output that
 * fails every write (reported, exit 2).
 */
static void guard_standard_streams(void)
{
	static const char *const stand_in[3] = { "/dev/null", "/dev/full", "/dev/full" };

	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open(stand_in[fd], fd ? O_WRONLY : O_RDONLY) != fd)
			_exit(EXIT_TROUBLE);
}

/* The command nearest to a mistyped name (two edits at most, fewer than its length), or NULL. */
static const struct command *nearest_command(const char *name)
{
	const struct command *best = NULL;
	size_t best_distance = 3;

	for (size_t i = 0; i < NCOMMANDS; i++) {
		size_t d = edit_distance(name, commands[i]->name);

		if (d < best_distance && d < strlen(commands[i]->name)) {
			best = commands[i];
			best_distance = d;
		}
	}
	return best;
}

static int unknown_command(const char *name)
{
	const struct command *near = nearest_command(name);

	if (near == NULL) {
		fprintf(stderr, _("lianhu: unknown command '%s'\n"), name);
		usage(stderr);
		return EXIT_TROUBLE;
	}
	fprintf(stderr, _("lianhu: unknown command '%s'; did you mean '%s'?\n"
	    "try 'lianhu --help'\n"), name, near->name);
	return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	const char *lang;
	int status, skip;

	guard_standard_streams();	/* before any file is opened, the catalog included */
	i18n_init(argv);
	opterr = 0;	/* the commands report refused options themselves */
	/* "lianhu --lang zh COMMAND ...": i18n_init took the language; check it, then skip it. */
	while (argc > 1 && (skip = i18n_lang_option(argv + 1, &lang)) > 0) {
		if (!i18n_lang_valid(lang)) {
			fprintf(stderr, _("lianhu: unknown language '%s' (zh or en)\n"), lang);
			return EXIT_TROUBLE;
		}
		argv[skip] = argv[0];
		argv += skip;
		argc -= skip;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("lianhu %s\n", LIANHU_VERSION);
		return cli_finish(EXIT_OK);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return cli_finish(EXIT_OK);
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[1], commands[i]->name) == 0) {
			status = cli_run(commands[i], argc - 1, argv + 1);
			diag_reset();
			return cli_finish(status);
		}
	}
	return unknown_command(argv[1]);
}

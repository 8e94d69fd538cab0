/* main: the one command table and dispatch. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"

static const struct command *const commands[] = {
	&cmd_validate, &cmd_assign, &cmd_audit, &cmd_diff, &cmd_template,
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

int main(int argc, char **argv)
{
	int status;

	opterr = 0;	/* the commands report refused options themselves */
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
			status = commands[i]->run(commands[i], argc - 1, argv + 1);
			diag_reset();
			return cli_finish(status);
		}
	}
	fprintf(stderr, "lianhu: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_TROUBLE;
}

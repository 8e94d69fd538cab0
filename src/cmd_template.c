/* template: write the three empty rosters with their headers, ready to fill in Excel or WPS. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lianhu/cli.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/schema.h"

/* The header of a roster: each column's English name, or its first alias (its Chinese name). */
static void put_header(FILE *fp, const struct schema *s, bool chinese)
{
	for (size_t c = 0; c < s->ncolumns; c++)
		fprintf(fp, "%s%s", c ? "," : "", chinese ? s->columns[c].aliases[0] :
		    s->columns[c].name);
}

/* Writes one header file, UTF-8 with BOM and CRLF so that Excel shows the Chinese right. */
static int write_one(const char *path, const struct schema *s, bool chinese)
{
	struct output out;

	if (output_open(&out, path, NULL) < 0)
		return -1;
	fputs("\xef\xbb\xbf", out.fp);
	put_header(out.fp, s, chinese);
	fputs("\r\n", out.fp);
	return output_commit(&out);
}

static int run(const struct command *cmd, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 }
	};
	bool chinese = true;
	const char *dir = ".";
	char paths[3][4096];
	struct stat st;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == OPT_HELP) {
			cli_help(cmd);
			return EXIT_OK;
		} else if (c == OPT_LANG && strcmp(optarg, "zh") == 0) {
			chinese = true;
		} else if (c == OPT_LANG && strcmp(optarg, "en") == 0) {
			chinese = false;
		} else if (c == OPT_LANG) {
			return cli_usage_error(cmd, _("unknown language '%s' (zh or en)"), optarg);
		} else {
			return cli_bad_option(cmd, argv);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cmd, _("too many arguments"));
	if (optind < argc)
		dir = argv[optind];
	if (mkdir(dir, 0777) != 0) {
		/* Say why (STYLE: the path and the reason); EEXIST on a plain file means "not a folder". */
		int err = errno;

		if (err != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, _("lianhu: cannot make folder '%s': %s\n"), dir,
			    strerror(err == EEXIST ? ENOTDIR : err));
			return EXIT_TROUBLE;
		}
	}
	for (int i = 0; i < 3; i++) {
		if ((size_t)snprintf(paths[i], sizeof(paths[i]), "%s/%s.csv", dir,
		    roster_schemas[i].name) >=
		    sizeof(paths[i]))
			return cli_usage_error(cmd, _("folder name too long"));
		if (stat(paths[i], &st) == 0) {
			fprintf(stderr, _("lianhu: '%s' exists; template never overwrites a roster\n"),
			    paths[i]);
			return EXIT_TROUBLE;
		}
	}
	for (int i = 0; i < 3; i++)
		if (write_one(paths[i], &roster_schemas[i], chinese) < 0)
			return EXIT_TROUBLE;
	fprintf(stderr, _("wrote %s, %s and %s\n"), paths[0], paths[1], paths[2]);
	return EXIT_OK;
}

const struct command cmd_template = {
	.name = "template",
	.run = run,
	.synopsis = "[--lang zh|en] [DIR]",
	.purpose = "write empty rosters with their headers into DIR (default .)",
	.options =
	    "      --lang LANG        zh: Chinese headers (default); en: English headers;\n"
	    "                         messages in that language too (default: from the locale)\n"
	    "      --help             show this help\n",
};

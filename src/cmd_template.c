/* template: write the three empty rosters and the visit log with their headers (CSV files, or one workbook), for Excel or WPS. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lianhu/cli.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/xlsx_out.h"
#include "lianhu/schema.h"

/* What template writes: the three rosters, then the visit log. */
#define NFILES (FILE_COUNT + 1)
static const struct schema *const files[NFILES] = {
	&roster_schemas[FILE_BUILDINGS], &roster_schemas[FILE_HOUSEHOLDS],
	&roster_schemas[FILE_MEMBERS], &visits_schema,
};

/* What the command line asked for. */
struct template_args {
	bool chinese;		/* Chinese headers (--lang zh, the default) */
	const char *format;	/* --format, NULL when not given */
	const char *output;	/* -o, or an operand naming a workbook */
	const char *dir;	/* the folder of the CSV files; NULL: the current one */
};

/* A column's header: its English name, or its first alias (its Chinese name). */
static const char *header(const struct column *col, bool chinese)
{
	return chinese ? col->aliases[0] : col->name;
}

/* Writes one header file, UTF-8 with BOM and CRLF so that Excel shows the Chinese right. */
static int write_one(const char *path, const struct schema *s, bool chinese)
{
	struct output out;

	if (output_open(&out, path, NULL) < 0)
		return -1;
	fputs("\xef\xbb\xbf", out.fp);
	for (size_t c = 0; c < s->ncolumns; c++)
		fprintf(out.fp, "%s%s", c ? "," : "", header(&s->columns[c], chinese));
	fputs("\r\n", out.fp);
	return output_commit(&out);
}

/* The words a drop-down offers for status or kind (the one template shows of each); NULL-terminated. */
static void offered(const char *const *const *words, int n, bool chinese, const char **out)
{
	for (int i = 0; i < n; i++)
		out[i] = words[i][chinese ? 1 : 0];
	out[n] = NULL;
}

/*
 * One sheet of the workbook: a bold, frozen header row; every column stored
 * as text (IDs keep their leading zeros as they are typed) but capacity, a
 * number; drop-down lists for status and kind.
 */
static void write_sheet(struct xlsx_book *b, const struct schema *s, bool chinese)
{
	struct xlsx_col cols[16];
	const char *statuses[STATUS_CLASSES + 2], *kinds[KIND_COUNT + 1];

	for (size_t c = 0; c < s->ncolumns; c++) {
		const char *name = s->columns[c].name;

		cols[c] = (struct xlsx_col){ header(&s->columns[c], chinese), 14,
		    strcmp(name, "capacity") == 0 ? XLSX_COUNT : XLSX_TEXT };
	}
	xlsx_sheet(b, chinese ? s->sheet_zh : s->name, cols, s->ncolumns, 0);
	offered(status_words, STATUS_CLASSES, chinese, statuses);
	if (chinese) {	/* 预备党员 is eligible too, and common */
		memmove(statuses + 2, statuses + 1, STATUS_CLASSES * sizeof(*statuses));
		statuses[1] = "预备党员";
	}
	offered(kind_words, KIND_COUNT, chinese, kinds);
	for (size_t c = 0; c < s->ncolumns; c++) {
		if (strcmp(s->columns[c].name, "status") == 0)
			xlsx_choices(b, c, statuses);
		else if (strcmp(s->columns[c].name, "kind") == 0)
			xlsx_choices(b, c, kinds);
	}
}

/* Writes the workbook of the four sheets at path, whole or not at all. */
static int write_book(const char *path, bool chinese)
{
	struct output out;
	const char *book;
	struct xlsx_book *b;

	if (output_open(&out, path, NULL) < 0)
		return -1;
	if ((book = output_workbook_path(&out)) == NULL || (b = xlsx_open(book, path)) == NULL) {
		output_abort(&out);
		return -1;
	}
	for (int f = 0; f < NFILES; f++)
		write_sheet(b, files[f], chinese);
	if (xlsx_close(b) < 0) {
		output_abort(&out);
		return -1;
	}
	return output_commit(&out);
}

/* True when path exists; says so, since template never overwrites a roster. */
static bool exists(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	fprintf(stderr, _("lianhu: '%s' exists; template never overwrites a roster\n"), path);
	return true;
}

/* Writes the four CSV files into dir, made when missing; all of them or, when one exists, none. */
static int write_folder(const struct command *cmd, const char *dir, bool chinese)
{
	char paths[NFILES][4096];
	struct stat st;

	if (mkdir(dir, 0777) != 0) {
		/* Say why (STYLE: the path and the reason); EEXIST on a plain file means "not a folder". */
		int err = errno;

		if (err != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, _("lianhu: cannot make folder '%s': %s\n"), dir,
			    strerror(err == EEXIST ? ENOTDIR : err));
			return EXIT_TROUBLE;
		}
	}
	for (int i = 0; i < NFILES; i++) {
		if ((size_t)snprintf(paths[i], sizeof(paths[i]), "%s/%s.csv", dir, files[i]->name) >=
		    sizeof(paths[i]))
			return cli_usage_error(cmd, _("folder name too long"));
		if (exists(paths[i]))
			return EXIT_TROUBLE;
	}
	for (int i = 0; i < NFILES; i++)
		if (write_one(paths[i], files[i], chinese) < 0)
			return EXIT_TROUBLE;
	fprintf(stderr, _("wrote %s, %s, %s and %s\n"), paths[0], paths[1], paths[2], paths[3]);
	return EXIT_OK;
}

/* Parses the command line into a; -1 after a usage message. */
static int parse(const struct command *cmd, int argc, char **argv, struct template_args *a)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == OPT_HELP) {
			cli_help(cmd);
			exit(cli_finish(EXIT_OK));
		} else if (c == OPT_LANG && (strcmp(optarg, "zh") == 0 || strcmp(optarg, "en") == 0)) {
			a->chinese = strcmp(optarg, "zh") == 0;
		} else if (c == OPT_LANG) {
			return cli_usage_error(cmd, _("unknown language '%s' (zh or en)"), optarg), -1;
		} else if (c == OPT_FORMAT && (strcmp(optarg, "csv") == 0 || strcmp(optarg, "xlsx") == 0)) {
			a->format = optarg;
		} else if (c == OPT_FORMAT) {
			return cli_usage_error(cmd, _("unknown format '%s' (csv or xlsx)"), optarg), -1;
		} else if (c == 'o') {
			a->output = optarg;
		} else {
			return cli_bad_option(cmd, argv), -1;
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cmd, _("too many arguments")), -1;
	if (optind < argc && a->output == NULL && cli_format_of_name(argv[optind]) != NULL)
		a->output = argv[optind];	/* template 花名册.xlsx: a workbook's name, not a folder */
	else if (optind < argc)
		a->dir = argv[optind];
	if (cli_settle_format(cmd, a->output, &a->format) < 0)
		return -1;
	if (a->format != NULL && strcmp(a->format, "xlsx") == 0 && a->output == NULL)
		return cli_usage_error(cmd, _("--format xlsx writes one workbook: give its name with "
		    "-o FILE")), -1;
	if ((a->format == NULL || strcmp(a->format, "csv") == 0) && a->output != NULL)
		return cli_usage_error(cmd, _("-o names a workbook (--format xlsx); CSV rosters are "
		    "three files in DIR")), -1;
	if (a->output != NULL && a->dir != NULL)
		return cli_usage_error(cmd, _("a workbook (-o) takes no folder")), -1;
	return 0;
}

static int run(const struct command *cmd, int argc, char **argv)
{
	struct template_args a = { .chinese = true };

	if (parse(cmd, argc, argv, &a) < 0)
		return EXIT_TROUBLE;
	if (a.output == NULL)
		return write_folder(cmd, a.dir ? a.dir : ".", a.chinese);
	if (strcmp(a.output, "-") == 0)
		return cli_usage_error(cmd, _("--format xlsx writes a binary workbook: "
		    "give the file with -o FILE"));
	if (exists(a.output) || write_book(a.output, a.chinese) < 0)
		return EXIT_TROUBLE;
	fprintf(stderr, _("wrote %s\n"), a.output);
	return EXIT_OK;
}

const struct command cmd_template = {
	.name = "template",
	.run = run,
	.synopsis = "[--lang zh|en] [--format csv|xlsx] [-o FILE] [DIR]",
	.purpose = "write empty rosters and a visit log into DIR (default .), or one workbook",
	.options =
	    "      --lang LANG        zh: Chinese headers (default); en: English headers;\n"
	    "                         messages in that language too (default: from the locale)\n"
	    "      --format FMT       csv (default): four files in DIR; xlsx: one workbook of\n"
	    "                         four sheets, IDs as text, drop-down lists (needs -o)\n"
	    "  -o, --output FILE      the workbook to write (NAME.xlsx sets --format xlsx)\n"
	    "      --help             show this help\n",
};

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

/* What the command line asked for beyond -o and --format. */
struct template_own {
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

/*
 * True when path is a file or folder that exists; says so, since template
 * never overwrites a roster. Standard output, /dev/null and FIFOs are written.
 */
static bool exists(const char *path)
{
	struct stat st;

	if (output_is_stdout(path) || stat(path, &st) != 0 ||
	    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
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

/* The operand, a folder or a workbook's name (-o then), and the format against -o. */
static int check(struct session *s)
{
	struct template_own *own = s->own;

	if (s->noperands > 1)
		return cli_usage_error(s->cmd, _("too many arguments")), -1;
	if (s->noperands == 1 && s->args.output == NULL && cli_format_of_name(s->operands[0]))
		s->args.output = s->operands[0];	/* template 花名册.xlsx: a workbook's name, not a folder */
	else if (s->noperands == 1)
		own->dir = s->operands[0];
	if (cli_settle_format(s) < 0)
		return -1;
	if (s->format == RENDER_XLSX && s->args.output == NULL)
		return cli_usage_error(s->cmd, _("--format xlsx writes one workbook: give its name with "
		    "-o FILE")), -1;
	if (s->format == RENDER_CSV && s->args.output != NULL)
		return cli_usage_error(s->cmd, _("-o names a workbook (--format xlsx); CSV rosters are "
		    "three files in DIR")), -1;
	if (s->args.output != NULL && own->dir != NULL)
		return cli_usage_error(s->cmd, _("a workbook (-o) takes no folder")), -1;
	return 0;
}

/* Writes the headers, in Chinese unless --lang en: four CSV files, or one workbook. */
static int run(struct session *s)
{
	const struct template_own *own = s->own;
	bool chinese = s->lang == NULL || strcmp(s->lang, "zh") == 0;

	if (s->args.output == NULL)
		return write_folder(s->cmd, own->dir ? own->dir : ".", chinese);
	if (exists(s->args.output) || write_book(s->args.output, chinese) < 0)
		return EXIT_TROUBLE;
	fprintf(stderr, _("wrote %s\n"), s->args.output);
	return EXIT_OK;
}

const struct command cmd_template = {
	.name = "template",
	.run = run,
	.needs = NEED_FILE,
	.formats = FORMAT(RENDER_CSV) | FORMAT(RENDER_XLSX),
	.max_operands = -1,	/* check counts them */
	.check = check,
	.own_size = sizeof(struct template_own),
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

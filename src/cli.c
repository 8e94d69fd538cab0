/* cli: what every subcommand shares: exit statuses, roster options, help. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lianhu/cli.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/privacy.h"
#include "lianhu/util.h"

/* Prints "lianhu: MESSAGE" and a pointer to --help on stderr; returns EXIT_TROUBLE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lianhu %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nusage: lianhu %s %s\ntry 'lianhu %s --help'\n"), cmd->name,
	    cmd->synopsis, cmd->name);
	return EXIT_TROUBLE;
}

/* The short options of longopts ("d:o:" ...): those whose value is a letter. */
static void short_options(const struct option *longopts, char *out, size_t size)
{
	size_t n = 0;

	for (; longopts->name && n + 3 < size; longopts++) {
		if (longopts->val < 'a' || longopts->val > 'z')
			continue;
		out[n++] = (char)longopts->val;
		if (longopts->has_arg == required_argument)
			out[n++] = ':';
	}
	out[n] = '\0';
}

/* The format an output's name asks for: "xlsx" for NAME.xlsx, "html" for .html or .htm ...; NULL for none. */
const char *cli_format_of_name(const char *path)
{
	static const char *const by_extension[][2] = {
		{ ".xlsx", "xlsx" }, { ".html", "html" }, { ".htm", "html" }, { ".md", "md" },
		{ ".json", "json" }, { ".csv", "csv" },
	};
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(by_extension) / sizeof(by_extension[0]); i++)
		if (strcasecmp(dot, by_extension[i][0]) == 0)
			return by_extension[i][1];
	return NULL;
}

/* True when the command's synopsis offers the format ("[--format text|csv|json]"). */
static bool command_writes(const struct command *cmd, const char *format)
{
	const char *p = strstr(cmd->synopsis, "[--format ");
	size_t n = strlen(format);

	if (p == NULL)
		return false;
	for (p += strlen("[--format "); *p && *p != ']'; p += *p == '|') {
		size_t len = strcspn(p, "|]");

		if (len == n && strncmp(p, format, n) == 0)
			return true;
		p += len;
	}
	return false;
}

/* Settles --format (*format, NULL when not given) against the output's name (SPEC 5.3). */
int cli_settle_format(const struct command *cmd, const char *output, const char **format)
{
	const char *named = cli_format_of_name(output);

	if (named == NULL)
		return 0;
	if (*format != NULL && strcasecmp(*format, named) != 0)
		return cli_usage_error(cmd, _("--format %s contradicts the output's name '%s' (%s)"),
		    *format, output, named), -1;
	if (*format == NULL && !command_writes(cmd, named))
		return cli_usage_error(cmd, _("the output's name '%s' asks for %s, which %s does not "
		    "write"), output, named, cmd->name), -1;
	*format = named;
	return 0;
}

/* Parses the options: the shared ones into args, the command's own through own. */
int cli_parse(const struct command *cmd, int argc, char **argv, const struct option *longopts,
    struct roster_args *args, cli_option_fn own, void *ctx)
{
	char shortopts[32];
	const char *format = NULL, *given;
	int c, handled;

	short_options(longopts, shortopts, sizeof(shortopts));
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return cli_bad_option(cmd, argv), -1;
		if ((handled = cli_roster_option(cmd, c, optarg, args)) < 0)
			return -1;
		if (!handled && (own == NULL || own(cmd, c, optarg, ctx) < 0))
			return -1;
		if (c == OPT_FORMAT)
			format = optarg;
	}
	if (argc - optind > cmd->max_operands)
		return cli_usage_error(cmd, _("unexpected argument '%s'"),
		    argv[optind + cmd->max_operands]), -1;
	given = format;
	if (strstr(cmd->synopsis, "[--format ") && cli_settle_format(cmd, args->output, &format) < 0)
		return -1;
	if (given == NULL && format != NULL && own(cmd, OPT_FORMAT, format, ctx) < 0)
		return -1;
	return optind;
}

/* Reports the option getopt_long refused (unknown, or without its value); returns EXIT_TROUBLE. */
int cli_bad_option(const struct command *cmd, char **argv)
{
	if (optopt && optopt < 256)
		return cli_usage_error(cmd, _("unknown option '-%c' or its value missing"), optopt);
	return cli_usage_error(cmd, _("unknown option '%s' or its value missing"),
	    argv[optind - 1]);
}

/* A workbook is never written to standard output: 0, or -1 after a usage message. */
int cli_workbook_needs_file(const struct command *cmd, bool workbook, const struct roster_args *args)
{
	if (!workbook || (args->output != NULL && strcmp(args->output, "-") != 0))
		return 0;
	return cli_usage_error(cmd, _("--format xlsx writes a binary workbook: "
	    "give the file with -o FILE")), -1;
}

/* Prints the command's --help on stdout. */
void cli_help(const struct command *cmd)
{
	printf("usage: lianhu %s %s\n\n%s\n\noptions:\n%s", cmd->name, cmd->synopsis,
	    cmd->purpose, cmd->options);
}

static bool delimiter_parse(const char *arg, char *out)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0 || strcmp(arg, "\t") == 0)
		*out = '\t';
	else if (strcmp(arg, ",") == 0 || strcmp(arg, "comma") == 0)
		*out = ',';
	else if (strcmp(arg, ";") == 0 || strcmp(arg, "semicolon") == 0)
		*out = ';';
	else
		return false;
	return true;
}

/* Handles a roster, output or common option; 1 handled, 0 not one of them, -1 usage error. */
int cli_roster_option(const struct command *cmd, int opt, const char *arg,
    struct roster_args *args)
{
	switch (opt) {
	case 'd':
		args->paths.dir = arg;
		return 1;
	case OPT_MAPPING:
		args->mapping = arg;
		return 1;
	case 'o':
		args->output = arg;
		return 1;
	case OPT_BUILDINGS:
		args->paths.buildings = arg;
		return 1;
	case OPT_HOUSEHOLDS:
		args->paths.households = arg;
		return 1;
	case OPT_MEMBERS:
		args->paths.members = arg;
		return 1;
	case OPT_CONFIG:
		args->paths.config = arg;
		return 1;
	case OPT_ENCODING:
		if (encoding_parse(arg, &args->read.encoding))
			return 1;
		cli_usage_error(cmd, _("unknown encoding '%s' (auto, utf-8, gb18030, utf-16)"), arg);
		return -1;
	case OPT_DELIMITER:
		if (delimiter_parse(arg, &args->read.delimiter))
			return 1;
		cli_usage_error(cmd, _("unknown delimiter '%s' (',', tab or ';')"), arg);
		return -1;
	case OPT_SCOPE:
		if (tier_parse(arg, &args->scope))
			return 1;
		cli_usage_error(cmd, _("unknown scope '%s' (building, grid, community or township)"),
		    arg);
		return -1;
	case OPT_MAX_LOAD:
		return cli_number(cmd, "--max-load", arg, &args->default_capacity) ? 1 : -1;
	case OPT_EXCEL:
		args->out.excel = true;
		return 1;
	case OPT_MASK:
		args->out.mask = true;
		return 1;
	case OPT_OUTPUT_ENCODING:
		if (strcasecmp(arg, "utf-8") == 0 || strcasecmp(arg, "utf8") == 0) {
			args->out.gb18030 = false;
			return 1;
		}
		if (strcasecmp(arg, "gb18030") == 0 || strcasecmp(arg, "gbk") == 0) {
			args->out.gb18030 = true;
			return 1;
		}
		cli_usage_error(cmd, _("unknown output encoding '%s' (utf-8 or gb18030)"), arg);
		return -1;
	case OPT_LANG:	/* i18n_init has chosen the language already */
		if (i18n_lang_valid(arg))
			return 1;
		cli_usage_error(cmd, _("unknown language '%s' (zh or en)"), arg);
		return -1;
	case OPT_HELP:
		cli_help(cmd);
		exit(cli_finish(EXIT_OK));
	default:
		return 0;
	}
}

/* Parses a whole non-negative number option; false after a usage message. */
bool cli_number(const struct command *cmd, const char *name, const char *arg, long *out)
{
	const long max = 1000000000L;

	if (parse_count(arg, max, out))
		return true;
	if (*arg != '\0' && arg[strspn(arg, "0123456789")] == '\0')
		cli_usage_error(cmd, _("%s '%s' is too large (at most %ld)"), name, arg, max);
	else
		cli_usage_error(cmd, _("%s '%s' is not a whole number"), name, arg);
	return false;
}

/* Loads the roster; on a read failure or errors in the data prints the diagnostics and returns false. */
bool cli_load_roster(struct roster *r, const struct roster_args *args)
{
	if (roster_load(r, &args->paths, &args->read) < 0)
		return false;
	diag_print(stderr);	/* the warnings, or the errors that stop the command */
	if (diag_count(DIAG_ERROR) == 0) {
		diag_reset();
		if (args->out.mask)	/* every format then shows the masked text */
			mask_roster_text(r);
		return true;
	}
	fprintf(stderr, _("lianhu: the roster has %zu errors; run 'lianhu validate' and fix them first\n"),
	    diag_count(DIAG_ERROR));
	return false;
}

/* Flushes, checks and closes standard output; returns status, or EXIT_TROUBLE when writing failed. */
int cli_finish(int status)
{
	bool failed = fflush(stdout) != 0 || ferror(stdout);

	failed = (fclose(stdout) != 0) | failed;	/* a file system may report only at close */
	if (failed && status != EXIT_TROUBLE) {
		fprintf(stderr, _("lianhu: cannot write standard output: %s\n"), strerror(errno));
		return EXIT_TROUBLE;
	}
	return status;
}

/* DIR/name for a file the roster folder holds by default; the caller frees it. */
static char *in_roster_dir(const struct roster_args *args, const char *name)
{
	const char *dir = args->paths.dir ? args->paths.dir : ".";
	char *path = xmalloc(strlen(dir) + strlen(name) + 2);

	sprintf(path, "%s/%s", dir, name);
	return path;
}

/* Reads the mapping: --mapping FILE, else DIR/mapping.csv (.xlsx, .xls) or DIR's mapping sheet; false after the diagnostics. */
bool cli_load_mapping(struct mapping *map, const char *path, const struct roster_args *args)
{
	char *fallback = NULL;
	bool in_workbook = false;
	int rc;

	if (path == NULL) {
		fallback = table_locate(args->paths.dir ? args->paths.dir : ".", "mapping", &in_workbook);
		if (fallback == NULL)
			return false;
		path = fallback;
	}
	rc = mapping_read(map, path, in_workbook, &args->read);
	if (rc < 0 && fallback && access(fallback, F_OK) != 0)
		fprintf(stderr, _("lianhu: there is no mapping yet: run 'lianhu assign -d %s -o %s' "
		    "first, or name one with --mapping FILE\n"), args->paths.dir ? args->paths.dir : ".",
		    fallback);
	free(fallback);
	if (rc < 0)
		return false;
	diag_print(stderr);	/* its warnings too (a workbook's IDs stored as numbers) */
	if (diag_count(DIAG_ERROR) == 0) {
		diag_reset();
		return true;
	}
	fprintf(stderr, _("lianhu: the mapping '%s' cannot be read\n"), map->path);
	return false;
}

/* Loads the roster and the --mapping, and audits the one against the other; false after the messages. */
bool cli_load_audit(struct roster *r, struct mapping *map, struct audit *a,
    const struct roster_args *args)
{
	if (!cli_load_roster(r, args) || !cli_load_mapping(map, args->mapping, args))
		return false;
	audit_run(a, r, map, args->scope, args->default_capacity);
	return true;
}

/* Handles --visits, --as-of or --every: 1 handled, 0 not one of them, -1 after a usage message. */
int cli_visit_option(const struct command *cmd, int opt, const char *arg, struct visit_args *va)
{
	const char *why;

	switch (opt) {
	case OPT_VISITS:
		va->path = arg;
		return 1;
	case OPT_AS_OF:
		if (date_parse(arg, &va->as_of))
			return 1;
		cli_usage_error(cmd, _("--as-of '%s' is not a date (YYYY-MM-DD)"), arg);
		return -1;
	case OPT_EVERY:
		if (visit_rules_parse(&va->rules, arg, &why))
			return 1;
		cli_usage_error(cmd, _("--every '%s': %s"), arg, _(why));
		return -1;
	default:
		return 0;
	}
}

/* The log's faulty rows as diagnostics: errors, and future dates as warnings. */
static void visit_diagnostics(const struct visits *v)
{
	for (size_t i = 0; i < v->nfindings; i++) {
		const struct visit_finding *f = &v->findings[i];
		enum diag_code code = visit_diag_code(f->code);

		if (diag_code_severity(code) == DIAG_ERROR)
			diag_error(v->path, f->line, code, "%s", visit_message(v, f));
		else if (diag_code_severity(code) == DIAG_WARNING)
			diag_warning(v->path, f->line, code, "%s", visit_message(v, f));
	}
}

/* Reads the visit log against the roster and mapping; false after the messages. */
bool cli_load_visits(struct visits *v, const struct roster *r, const struct mapping *map,
    const struct visit_args *va, const struct roster_args *args, bool rows_as_diagnostics)
{
	char *fallback = va->path ? NULL : in_roster_dir(args, "visits.csv");
	const char *path = fallback ? fallback : va->path;
	int rc;

	rc = visits_load(v, path, &args->read, r, map, &va->rules,
	    va->as_of == DATE_NONE ? date_today() : va->as_of);
	if (rc == 0 && rows_as_diagnostics)
		visit_diagnostics(v);
	diag_print(stderr);
	if (rc < 0 && diag_count(DIAG_ERROR) > 0)
		fprintf(stderr, _("lianhu: the visit log '%s' cannot be read\n"), v->path);
	else if (rc < 0 && fallback && access(fallback, F_OK) != 0)
		fprintf(stderr, _("lianhu: keep the visit log in %s or name it with --visits FILE; "
		    "'lianhu template NEWDIR' writes an empty one\n"), fallback);
	diag_reset();
	free(fallback);
	return rc == 0;
}

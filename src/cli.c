/* cli: what every subcommand shares: the session main builds for it, its options, help. */
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

/* The getopt_long entries each need brings (enum need), and those of --format and of every command. */
static const struct option roster_options[] = {
	{ "dir", required_argument, NULL, 'd' },
	{ "buildings", required_argument, NULL, OPT_BUILDINGS },
	{ "households", required_argument, NULL, OPT_HOUSEHOLDS },
	{ "members", required_argument, NULL, OPT_MEMBERS },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "delimiter", required_argument, NULL, OPT_DELIMITER },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ NULL, 0, NULL, 0 }
};
static const struct option mapping_options[] = {
	{ "mapping", required_argument, NULL, OPT_MAPPING },
	{ NULL, 0, NULL, 0 }
};
static const struct option policy_options[] = {
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "max-load", required_argument, NULL, OPT_MAX_LOAD },
	{ NULL, 0, NULL, 0 }
};
static const struct option visit_options[] = {
	{ "visits", required_argument, NULL, OPT_VISITS },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ NULL, 0, NULL, 0 }
};
static const struct option output_options[] = {
	{ "excel", no_argument, NULL, OPT_EXCEL },
	{ "output-encoding", required_argument, NULL, OPT_OUTPUT_ENCODING },
	{ NULL, 0, NULL, 0 }
};
static const struct option mask_options[] = {
	{ "mask", no_argument, NULL, OPT_MASK },
	{ NULL, 0, NULL, 0 }
};
static const struct option file_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 }
};
static const struct option format_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ NULL, 0, NULL, 0 }
};
static const struct option common_options[] = {
	{ "lang", required_argument, NULL, OPT_LANG },	/* i18n_init reads it first */
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 }
};

static const struct {
	unsigned need;
	const struct option *options;
} option_groups[] = {
	{ NEED_ROSTER_OPTIONS, roster_options }, { NEED_MAPPING, mapping_options },
	{ NEED_POLICY, policy_options }, { NEED_VISIT_OPTIONS, visit_options },
	{ NEED_OUTPUT, output_options }, { NEED_MASK, mask_options }, { NEED_FILE, file_options },
};

/* The needs with those they bring: the audit a roster, a mapping and the policy ... */
static unsigned all_needs(unsigned needs)
{
	if (needs & NEED_AUDIT)
		needs |= NEED_ROSTER | NEED_MAPPING | NEED_POLICY;
	if (needs & NEED_VISITS)
		needs |= NEED_ROSTER | NEED_MAPPING | NEED_VISIT_OPTIONS;
	if (needs & NEED_ORGANISE)
		needs |= NEED_ROSTER | NEED_MAPPING | NEED_POLICY;
	if (needs & NEED_ROSTER)
		needs |= NEED_ROSTER_OPTIONS;
	return needs;
}

/* Appends the entries of add to table (n entries so far, room for size); the new count. */
static size_t append_options(struct option *table, size_t n, size_t size,
    const struct option *add)
{
	for (; add != NULL && add->name != NULL; add++) {
		if (n + 1 >= size)
			abort();	/* OPTION_TABLE_SIZE is too small for a command */
		table[n++] = *add;
	}
	return n;
}

/* Room for the longest command's options: every group, --format, its own, --lang and --help. */
#define OPTION_TABLE_SIZE 48

/* The getopt_long table of cmd: the options of its needs, --format, its own, --lang and --help. */
static void option_table(const struct command *cmd, struct option *table)
{
	unsigned needs = all_needs(cmd->needs);
	size_t n = 0;

	for (size_t g = 0; g < sizeof(option_groups) / sizeof(option_groups[0]); g++)
		if (needs & option_groups[g].need)
			n = append_options(table, n, OPTION_TABLE_SIZE, option_groups[g].options);
	if (cmd->formats)
		n = append_options(table, n, OPTION_TABLE_SIZE, format_options);
	n = append_options(table, n, OPTION_TABLE_SIZE, cmd->own_options);
	n = append_options(table, n, OPTION_TABLE_SIZE, common_options);
	table[n] = (struct option){ NULL, 0, NULL, 0 };
}

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

int cli_bad_option(const struct command *cmd, char **argv)
{
	if (optopt && optopt < 256)
		return cli_usage_error(cmd, _("unknown option '-%c' or its value missing"), optopt);
	return cli_usage_error(cmd, _("unknown option '%s' or its value missing"),
	    argv[optind - 1]);
}

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

/* Handles a roster, output, policy or common option; 1 handled, 0 not one of them, -1 usage error. */
static int shared_option(struct session *s, int opt, const char *arg)
{
	const struct command *cmd = s->cmd;
	struct roster_args *args = &s->args;

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
		s->lang = arg;
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

/* Handles --visits, --as-of or --every: 1 handled, 0 not one of them, -1 after a usage message. */
static int visit_option(const struct command *cmd, int opt, const char *arg, struct visit_args *va)
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

/* The command's formats for a message: "text, csv or json", joined as the language joins them. */
static void format_list(unsigned formats, char *out, size_t size)
{
	char head[128];
	int n = 0;

	*out = '\0';
	for (int f = RENDER_TEXT; f <= RENDER_XLSX; f++) {
		if (!(formats & FORMAT(f)))
			continue;
		snprintf(head, sizeof(head), "%s", out);
		if (n++ == 0)
			snprintf(out, size, "%s", render_format_name((enum render_format)f));
		else	/* TRANSLATORS: the last two of a list of formats; the others are joined by "%s, %s". */
			snprintf(out, size, (formats >> (f + 1)) ? _("%s, %s") : _("%s or %s"), head,
			    render_format_name((enum render_format)f));
	}
}

/* Handles --format, one of the command's formats: 1 handled, 0 another option, -1 after a usage message. */
static int format_option(struct session *s, int opt, const char *arg)
{
	enum render_format f;
	char list[128];

	if (opt != OPT_FORMAT)
		return 0;
	if (render_format_parse(arg, &f) && (s->cmd->formats & FORMAT(f))) {
		s->format = f;
		s->format_given = arg;
		return 1;
	}
	format_list(s->cmd->formats, list, sizeof(list));
	cli_usage_error(s->cmd, _("unknown format '%s' (%s)"), arg, list);
	return -1;
}

int cli_settle_format(struct session *s)
{
	const char *named = cli_format_of_name(s->args.output);
	enum render_format f;

	if (named == NULL)
		return 0;
	if (s->format_given != NULL && strcasecmp(s->format_given, named) != 0)
		return cli_usage_error(s->cmd, _("--format %s contradicts the output's name '%s' (%s)"),
		    s->format_given, s->args.output, named), -1;
	if (!render_format_parse(named, &f) || !(s->cmd->formats & FORMAT(f)))
		return cli_usage_error(s->cmd, _("the output's name '%s' asks for %s, which %s does not "
		    "write"), s->args.output, named, s->cmd->name), -1;
	s->format = f;
	s->format_given = named;
	return 0;
}

/* One option getopt_long returned: the shared ones into s, the command's own through its handler. */
static int take_option(struct session *s, int c, const char *arg, char **argv)
{
	int handled;

	if (c == '?' || c == ':')
		return cli_bad_option(s->cmd, argv), -1;
	if ((handled = shared_option(s, c, arg)) == 0 &&
	    (handled = visit_option(s->cmd, c, arg, &s->visit)) == 0 &&
	    (handled = format_option(s, c, arg)) == 0) {
		if (s->cmd->own_option == NULL)
			abort();	/* getopt_long returns only the options of the table */
		return s->cmd->own_option(s, c, arg);
	}
	return handled < 0 ? -1 : 0;
}

/* True when --as-of or --every is given (the defaults changed). */
static bool visit_rules_given(const struct visit_args *va)
{
	return va->as_of != DATE_NONE || va->rules.nrules > 0 || va->rules.priority != 30 ||
	    va->rules.ordinary != 90;
}

/* The checks across the options, after them: operands, the command's own, format, visits, workbook. */
static int check_options(struct session *s)
{
	const struct command *cmd = s->cmd;
	unsigned needs = all_needs(cmd->needs);

	if (cmd->max_operands >= 0 && s->noperands > cmd->max_operands)
		return cli_usage_error(cmd, _("unexpected argument '%s'"),
		    s->operands[cmd->max_operands]), -1;
	if (cmd->check != NULL && cmd->check(s) < 0)
		return -1;
	if (cmd->formats && cli_settle_format(s) < 0)
		return -1;
	if ((needs & NEED_VISIT_OPTIONS) && !(needs & NEED_VISITS) && s->visit.path == NULL &&
	    visit_rules_given(&s->visit))
		return cli_usage_error(cmd, _("--as-of and --every go with --visits FILE")), -1;
	if (s->format == RENDER_XLSX && (s->args.output == NULL || strcmp(s->args.output, "-") == 0))
		return cli_usage_error(cmd, _("--format xlsx writes a binary workbook: "
		    "give the file with -o FILE")), -1;
	return 0;
}

int cli_parse(struct session *s, int argc, char **argv)
{
	struct option longopts[OPTION_TABLE_SIZE];
	char shortopts[32];
	int c;

	option_table(s->cmd, longopts);
	short_options(longopts, shortopts, sizeof(shortopts));
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1)
		if (take_option(s, c, optarg, argv) < 0)
			return -1;
	s->operands = argv + optind;
	s->noperands = argc - optind;
	return check_options(s);
}

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

bool cli_load_roster(struct roster *r, const struct roster_args *args)
{
	if (roster_load(r, &args->paths, &args->read) < 0)
		return false;
	diag_print(stderr);	/* the warnings, or the errors that stop the command */
	if (diag_count(DIAG_ERROR) == 0) {
		diag_reset();
		roster_apply(r, args->scope, args->default_capacity);
		if (args->out.mask)	/* every format then shows the masked text */
			mask_roster_text(r);
		return true;
	}
	fprintf(stderr, ngettext("lianhu: the roster has %zu error; run 'lianhu validate' and fix it "
	    "first\n", "lianhu: the roster has %zu errors; run 'lianhu validate' and fix them first\n",
	    diag_count(DIAG_ERROR)), diag_count(DIAG_ERROR));
	return false;
}

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

/*
 * Reads the visit log (va->path, else DIR/visits.csv, .xlsx or .xls, or the
 * log's sheet of DIR when it is a workbook) against the roster and
 * mapping and prints its diagnostics (with rows_as_diagnostics, its faulty
 * rows and future dates too); false after the messages when it cannot be read.
 */
static bool load_visits(struct visits *v, const struct roster *r, const struct mapping *map,
    const struct visit_args *va, const struct roster_args *args, bool rows_as_diagnostics)
{
	bool in_workbook = false;
	char *fallback = va->path ? NULL :
	    table_locate(args->paths.dir ? args->paths.dir : ".", "visits", &in_workbook);
	const char *path = fallback ? fallback : va->path;
	int rc;

	if (path == NULL)
		return false;	/* two logs in the folder: table_locate said so */
	rc = visits_load(v, path, in_workbook, &args->read, r, map, &va->rules,
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

void cli_session_init(struct session *s, const struct command *cmd)
{
	memset(s, 0, sizeof(*s));
	s->cmd = cmd;
	s->args = (struct roster_args)ROSTER_ARGS_DEFAULT;
	s->visit.as_of = DATE_NONE;
	visit_rules_init(&s->visit.rules);
	while (cmd->formats && !(cmd->formats & FORMAT(s->format)))
		s->format++;	/* the first of its formats */
	s->min_group = ORGANISE_MIN_GROUP;
	roster_init(&s->roster);
	s->own = cmd->own_size ? xcalloc(1, cmd->own_size) : NULL;
	if (cmd->own_defaults != NULL)
		memcpy(s->own, cmd->own_defaults, cmd->own_size);
}

bool cli_load(struct session *s)
{
	unsigned needs = all_needs(s->cmd->needs);
	bool rows_as_diagnostics = !(s->cmd->lists_visit_rows && s->format == RENDER_TEXT);

	if ((needs & NEED_ROSTER) && !cli_load_roster(&s->roster, &s->args))
		return false;
	if ((needs & NEED_MAPPING) && !cli_load_mapping(&s->map, s->args.mapping, &s->args))
		return false;
	if (needs & NEED_AUDIT)
		audit_run(&s->audit, &s->roster, &s->map);
	if (needs & NEED_ORGANISE)
		organise_run(&s->org, &s->roster, &s->map, s->min_group);
	if ((needs & NEED_VISITS) || s->visit.path != NULL) {
		if (!load_visits(&s->visits, &s->roster, &s->map, &s->visit, &s->args,
		    rows_as_diagnostics))
			return false;
		s->has_visits = true;
	}
	return true;
}

void cli_release(struct session *s)
{
	organise_release(&s->org);
	visits_release(&s->visits);
	visit_rules_release(&s->visit.rules);
	audit_release(&s->audit);
	mapping_release(&s->map);
	roster_release(&s->roster);
	free(s->own);
}

int cli_run(const struct command *cmd, int argc, char **argv)
{
	struct session s;
	int status = EXIT_TROUBLE;

	cli_session_init(&s, cmd);
	if (cli_parse(&s, argc, argv) == 0 && cli_load(&s))
		status = cmd->run(&s);
	cli_release(&s);
	return status;
}

int cli_output_open(const struct session *s, struct output *out)
{
	const char *read[] = { s->map.path, s->has_visits ? s->visits.path : NULL };
	const char *inputs[ROSTER_INPUTS + sizeof(read) / sizeof(read[0]) + 1];
	size_t n = roster_inputs(&s->roster, inputs);

	for (size_t i = 0; i < sizeof(read) / sizeof(read[0]); i++)
		if (read[i] != NULL)
			inputs[n++] = read[i];
	inputs[n] = NULL;
	if (output_open(out, s->args.output, inputs) < 0)
		return -1;
	output_configure(out, &s->args.out);
	return 0;
}

struct render_input cli_render_input(const struct session *s)
{
	return (struct render_input){ .r = &s->roster, .a = &s->audit, .opts = &s->args.out,
	    .org = &s->org, .v = s->has_visits ? &s->visits : NULL };
}

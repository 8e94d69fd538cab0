/* cli: what every subcommand shares: exit statuses, roster options, help. */
#ifndef LIANHU_CLI_H
#define LIANHU_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "lianhu/audit.h"
#include "lianhu/mapping.h"
#include "lianhu/output.h"
#include "lianhu/roster.h"
#include "lianhu/visits.h"

#define LIANHU_VERSION "0.1.0"

enum exit_status { EXIT_OK = 0, EXIT_FOUND = 1, EXIT_TROUBLE = 2 };

/* A subcommand: its name, entry point, synopsis and the help text of its options. */
struct command {
	const char *name;
	int (*run)(const struct command *cmd, int argc, char **argv);
	const char *synopsis;	/* arguments after "lianhu NAME" */
	const char *purpose;	/* one line */
	const char *options;	/* the option lines of --help */
	int max_operands;	/* arguments after the options it takes at most */
};

/* Long option codes shared by subcommands (beyond single letters). */
enum {
	OPT_BUILDINGS = 256, OPT_HOUSEHOLDS, OPT_MEMBERS, OPT_ENCODING, OPT_DELIMITER,
	OPT_FORMAT, OPT_SCOPE, OPT_MAX_LOAD, OPT_PREVIOUS, OPT_SUMMARY, OPT_MAPPING,
	OPT_BY, OPT_LANG, OPT_HELP, OPT_EXCEL, OPT_OUTPUT_ENCODING, OPT_MASK,
	OPT_MIN_LOAD, OPT_MIN_GROUP, OPT_VISITS, OPT_AS_OF, OPT_EVERY, OPT_CONFIG, OPT_TITLE
};

/* The getopt_long entries of the output options (--excel, --output-encoding); --mask apart. */
#define CLI_OUTPUT_OPTIONS \
	{ "excel", no_argument, NULL, OPT_EXCEL }, \
	{ "output-encoding", required_argument, NULL, OPT_OUTPUT_ENCODING }

#define CLI_MASK_OPTION { "mask", no_argument, NULL, OPT_MASK }

/* The --help lines of the output options. */
#define CLI_OUTPUT_HELP \
	"      --excel            CSV for Excel/WPS: UTF-8 with BOM, CRLF, formulas neutralised\n" \
	"      --output-encoding ENC  utf-8 (default) or gb18030 for older Excel/WPS\n"

#define CLI_MASK_HELP \
	"      --mask             mask phone numbers (138****1234) and names (王*)\n"

/* The getopt_long entries of the roster options and --help. */
#define CLI_ROSTER_OPTIONS \
	{ "dir", required_argument, NULL, 'd' }, \
	{ "buildings", required_argument, NULL, OPT_BUILDINGS }, \
	{ "households", required_argument, NULL, OPT_HOUSEHOLDS }, \
	{ "members", required_argument, NULL, OPT_MEMBERS }, \
	{ "encoding", required_argument, NULL, OPT_ENCODING }, \
	{ "delimiter", required_argument, NULL, OPT_DELIMITER }, \
	{ "config", required_argument, NULL, OPT_CONFIG }, \
	CLI_COMMON_OPTIONS

/* The getopt_long entries of what every command takes: --lang (i18n_init reads it first) and --help. */
#define CLI_COMMON_OPTIONS \
	{ "lang", required_argument, NULL, OPT_LANG }, \
	{ "help", no_argument, NULL, OPT_HELP }

/* The --help lines of the roster options. */
#define CLI_ROSTER_HELP \
	"  -d, --dir DIR          roster folder (default .)\n" \
	"      --buildings FILE   buildings roster (default DIR/buildings.csv; - reads stdin)\n" \
	"      --households FILE  households roster (default DIR/households.csv)\n" \
	"      --members FILE     members roster (default DIR/members.csv)\n" \
	"      --encoding ENC     auto, utf-8, gb18030 or utf-16 (default auto)\n" \
	"      --delimiter C      field delimiter: , or tab or ; (default: from the header)\n" \
	"      --config FILE      local column names and words (default DIR/lianhu.ini if there)\n"

/* The --help lines of --lang and --help, last in every command's options. */
#define CLI_COMMON_HELP \
	"      --lang LANG        messages, summaries and labels in zh (Chinese) or en (English)\n" \
	"                         (default: from LC_ALL, LC_MESSAGES or LANG)\n" \
	"      --help             show this help\n"

struct roster_args {
	struct roster_paths paths;
	struct read_opts read;
	struct out_opts out;	/* --excel, --output-encoding, --mask where the command has them */
	const char *mapping;	/* --mapping, where the command has it */
	const char *output;	/* -o, where the command has it */
	enum tier scope;	/* --scope, where the command has it */
	long default_capacity;		/* --max-load, where the command has it */
};

/* Roster arguments before the command line: scope community, 15 households a member. */
#define ROSTER_ARGS_DEFAULT { .scope = TIER_COMMUNITY, .default_capacity = 15 }

/* The getopt_long entries of --scope and --max-load. */
#define CLI_SCOPE_OPTIONS \
	{ "scope", required_argument, NULL, OPT_SCOPE }, \
	{ "max-load", required_argument, NULL, OPT_MAX_LOAD }

/*
 * Handles a roster, output or common option (--lang, --help); returns 1 when
 * handled, 0 when the option is not one of them, -1 after a usage message (exit 2).
 */
int cli_roster_option(const struct command *cmd, int opt, const char *arg,
    struct roster_args *args);

/* Prints "lianhu: MESSAGE" and a pointer to --help on stderr; returns EXIT_TROUBLE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A command's handler of its own options: 0 when taken, -1 after a usage message. */
typedef int (*cli_option_fn)(const struct command *cmd, int opt, const char *arg, void *ctx);

/*
 * Parses the options of longopts: the shared ones (roster, output, scope,
 * --mapping, --lang, --help) into args, the command's own through own.
 * Returns the index of the first operand, or -1 after a usage message (also
 * when there are more operands than the command takes).
 */
int cli_parse(const struct command *cmd, int argc, char **argv, const struct option *longopts,
    struct roster_args *args, cli_option_fn own, void *ctx);

/* The format an output's name asks for: "xlsx" for NAME.xlsx, "html" for .html or .htm ...; NULL for none. */
const char *cli_format_of_name(const char *path);

/*
 * Settles --format (*format, NULL when not given) against the output's name
 * (SPEC 5.3): a name with a known extension sets *format when none was given,
 * and must agree with it when one was. Returns 0, or -1 after a usage message.
 */
int cli_settle_format(const struct command *cmd, const char *output, const char **format);

/* Reports the option getopt_long refused (unknown, or without its value); returns EXIT_TROUBLE. */
int cli_bad_option(const struct command *cmd, char **argv);

/* A workbook is never written to standard output: 0, or -1 after a usage message. */
int cli_workbook_needs_file(const struct command *cmd, bool workbook, const struct roster_args *args);

/* Prints the command's --help on stdout. */
void cli_help(const struct command *cmd);

/* Parses a whole non-negative number option; false after a usage message. */
bool cli_number(const struct command *cmd, const char *name, const char *arg, long *out);

/* Loads the roster and prints its diagnostics; false on a read failure or errors in the data. */
bool cli_load_roster(struct roster *r, const struct roster_args *args);

/* Reads the mapping: path, else DIR/mapping.csv; false after the diagnostics. */
bool cli_load_mapping(struct mapping *map, const char *path, const struct roster_args *args);

/* Loads the roster and the --mapping, and audits the one against the other; false after the messages. */
bool cli_load_audit(struct roster *r, struct mapping *map, struct audit *a,
    const struct roster_args *args);

/* Flushes, checks and closes standard output; returns status, or EXIT_TROUBLE when writing failed. */
int cli_finish(int status);

/* The visit log options of visits and report: --visits, --as-of, --every. */
struct visit_args {
	const char *path;	/* --visits */
	long as_of;		/* --as-of, else DATE_NONE: today */
	struct visit_rules rules;	/* --every over the defaults */
};

/* The getopt_long entries and --help lines of --as-of and --every (--visits apart). */
#define CLI_VISIT_OPTIONS \
	{ "visits", required_argument, NULL, OPT_VISITS }, \
	{ "as-of", required_argument, NULL, OPT_AS_OF }, \
	{ "every", required_argument, NULL, OPT_EVERY }

#define CLI_VISIT_HELP \
	"      --as-of DATE       the day to judge on, YYYY-MM-DD (default today)\n" \
	"      --every RULES      visit intervals in days, e.g. 独居老人=7,priority=30,ordinary=90\n" \
	"                         (default priority=30,ordinary=90)\n"

/* Handles --visits, --as-of or --every: 1 handled, 0 not one of them, -1 after a usage message. */
int cli_visit_option(const struct command *cmd, int opt, const char *arg, struct visit_args *va);

/* --as-of today and the default intervals; release with visit_rules_release(&va->rules). */
#define VISIT_ARGS_INIT(va) \
	((va)->path = NULL, (va)->as_of = DATE_NONE, visit_rules_init(&(va)->rules))

/*
 * Reads the visit log (va->path, else DIR/visits.csv) against the roster and
 * mapping and prints its diagnostics (with rows_as_diagnostics, its faulty
 * rows and future dates too); false after the messages when it cannot be read.
 */
bool cli_load_visits(struct visits *v, const struct roster *r, const struct mapping *map,
    const struct visit_args *va, const struct roster_args *args, bool rows_as_diagnostics);

/* The subcommands, in the order help lists them. */
extern const struct command cmd_validate, cmd_assign, cmd_audit, cmd_report, cmd_lists,
    cmd_diff, cmd_template, cmd_organise, cmd_visits;

#endif

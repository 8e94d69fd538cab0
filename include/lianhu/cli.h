/* cli: what every subcommand shares: its table entry, the session main builds for it, help. */
#ifndef LIANHU_CLI_H
#define LIANHU_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "lianhu/audit.h"
#include "lianhu/mapping.h"
#include "lianhu/organise.h"
#include "lianhu/output.h"
#include "lianhu/render.h"
#include "lianhu/roster.h"
#include "lianhu/visits.h"

#define LIANHU_VERSION "0.1.0"

enum exit_status { EXIT_OK = 0, EXIT_FOUND = 1, EXIT_TROUBLE = 2 };

/* Long option codes shared by subcommands (beyond single letters). */
enum {
	OPT_BUILDINGS = 256, OPT_HOUSEHOLDS, OPT_MEMBERS, OPT_ENCODING, OPT_DELIMITER,
	OPT_FORMAT, OPT_SCOPE, OPT_MAX_LOAD, OPT_PREVIOUS, OPT_SUMMARY, OPT_MAPPING,
	OPT_BY, OPT_LANG, OPT_HELP, OPT_EXCEL, OPT_OUTPUT_ENCODING, OPT_MASK,
	OPT_MIN_LOAD, OPT_MIN_GROUP, OPT_VISITS, OPT_AS_OF, OPT_EVERY, OPT_CONFIG, OPT_TITLE
};

/* The --help lines of the output options. */
#define CLI_OUTPUT_HELP \
	"      --excel            CSV for Excel/WPS: UTF-8 with BOM, CRLF, formulas neutralised\n" \
	"      --output-encoding ENC  utf-8 (default) or gb18030 for older Excel/WPS\n"

#define CLI_MASK_HELP \
	"      --mask             mask phone numbers (138****1234) and names (王*)\n"

/* The --help lines of the roster options. */
#define CLI_ROSTER_HELP \
	"  -d, --dir DIR          roster folder (default .)\n" \
	"      --buildings FILE   buildings roster (default DIR/buildings.csv; - reads stdin)\n" \
	"      --households FILE  households roster (default DIR/households.csv)\n" \
	"      --members FILE     members roster (default DIR/members.csv)\n" \
	"      --encoding ENC     auto, utf-8, gb18030 or utf-16 (default auto)\n" \
	"      --delimiter C      field delimiter: , or tab or ; (default: from the header)\n" \
	"      --config FILE      local column names and words (default DIR/lianhu.ini if there)\n"

/* The --help line of --max-load, and of -o where it names the command's one output. */
#define CLI_MAX_LOAD_HELP \
	"      --max-load N       households per member without a capacity (default 15)\n"
#define CLI_OUTPUT_FILE_HELP \
	"  -o, --output FILE      write to FILE (default standard output)\n"

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

/* The visit log options of visits and report: --visits, --as-of, --every. */
struct visit_args {
	const char *path;	/* --visits */
	long as_of;		/* --as-of, else DATE_NONE: today */
	struct visit_rules rules;	/* --every over the defaults */
};

/* The --help lines of --as-of and --every (--visits apart: each command says what it adds). */
#define CLI_VISIT_HELP \
	"      --as-of DATE       the day to judge on, YYYY-MM-DD (default today)\n" \
	"      --every RULES      visit intervals in days, e.g. 独居老人=7,priority=30,ordinary=90\n" \
	"                         (default priority=30,ordinary=90)\n"

/*
 * What a command needs. Each need brings its options to the command line, and
 * main loads what it names into the session before the command runs.
 */
enum need {
	NEED_ROSTER_OPTIONS = 1 << 0,	/* -d, --buildings ... --config: the command reads the roster */
	NEED_ROSTER = 1 << 1,		/* the roster options, and the roster loaded: its errors stop */
	NEED_MAPPING = 1 << 2,		/* --mapping, and the mapping read (default DIR/mapping.csv) */
	NEED_POLICY = 1 << 3,		/* --scope and --max-load */
	NEED_AUDIT = 1 << 4,		/* roster, mapping and policy, and the one audited against the other */
	NEED_VISIT_OPTIONS = 1 << 5,	/* --visits, --as-of, --every; the log read when --visits names one */
	NEED_VISITS = 1 << 6,		/* roster, mapping, visit options; the log read (default DIR/visits.csv) */
	NEED_ORGANISE = 1 << 10,	/* roster, mapping and policy, and the Party groups checked */
	NEED_OUTPUT = 1 << 7,		/* --excel and --output-encoding */
	NEED_MASK = 1 << 8,		/* --mask */
	NEED_FILE = 1 << 9,		/* -o FILE (else standard output) */
};

/* The formats of a command's --format, a set of enum render_format; the first is the default. */
#define FORMAT(f) (1u << (f))

struct session;

/*
 * A subcommand: its name and entry point, what it needs and writes, its own
 * options, and the text of its --help.
 */
struct command {
	const char *name;
	int (*run)(struct session *s);	/* the exit status */
	unsigned needs;			/* enum need */
	unsigned formats;		/* FORMAT(RENDER_TEXT) | ...: --format; 0: none */
	int max_operands;		/* arguments after the options it takes at most */
	bool lists_visit_rows;		/* its text lists the log's faulty rows: not as diagnostics */
	const struct option *own_options;	/* its own getopt_long entries, ending in a zero one */
	int (*own_option)(struct session *s, int opt, const char *arg);	/* 0, or -1 after a usage message */
	int (*check)(struct session *s);	/* the options together, after them: 0, or -1 */
	size_t own_size;		/* the size of its own options, s->own */
	const void *own_defaults;	/* what s->own holds before the command line, or NULL: zeros */
	const char *synopsis;	/* arguments after "lianhu NAME" */
	const char *purpose;	/* one line */
	const char *options;	/* the option lines of --help */
};

/* One run of a command: its command line parsed, and what it needs loaded; main releases it. */
struct session {
	const struct command *cmd;
	struct roster_args args;	/* the roster, output, mapping and policy options */
	struct visit_args visit;	/* --visits, --as-of, --every */
	enum render_format format;	/* --format, the output's name, or the command's first */
	const char *format_given;	/* the --format value, or the name's format; NULL: neither */
	const char *lang;		/* the last --lang, or NULL */
	char **operands;		/* the arguments after the options */
	int noperands;
	void *own;			/* the command's own options (cmd->own_size bytes) */
	struct roster roster;		/* NEED_ROSTER, NEED_AUDIT, NEED_VISITS */
	struct mapping map;		/* NEED_MAPPING ... */
	struct audit audit;		/* NEED_AUDIT */
	struct visits visits;		/* NEED_VISITS, or NEED_VISIT_OPTIONS with --visits */
	bool has_visits;		/* visits was read */
	struct organise org;		/* NEED_ORGANISE */
	long min_group;			/* fewer members make a small group (organise --min-group) */
};

/*
 * Runs cmd on its command line (argv[0] is its name): builds the session,
 * loads what the command needs, runs it and releases the session. Returns the
 * exit status.
 */
int cli_run(const struct command *cmd, int argc, char **argv);

/* Sets s up for cmd: the options' defaults, nothing loaded; release with cli_release. */
void cli_session_init(struct session *s, const struct command *cmd);

/*
 * Parses the command line into s: the options of the command's needs, its
 * format and its own options, then the checks across them. Returns 0, or -1
 * after a usage message.
 */
int cli_parse(struct session *s, int argc, char **argv);

/* Loads what the command needs into s (roster, mapping, audit, organisation, visit log); false after the messages. */
bool cli_load(struct session *s);

/* Releases all a session holds. */
void cli_release(struct session *s);

/*
 * Opens the command's output (-o FILE, else standard output), never over a file
 * the session read, with the output options; -1 after a message.
 */
int cli_output_open(const struct session *s, struct output *out);

/*
 * What a report or a set of cards shows from the session: the roster, the
 * audit, the output options, the organisation and the visit log
 * when read. The command adds its own rows (rollup, lists, title ...).
 */
struct render_input cli_render_input(const struct session *s);

/* Prints "lianhu NAME: MESSAGE" and a pointer to --help on stderr; returns EXIT_TROUBLE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The format an output's name asks for: "xlsx" for NAME.xlsx, "html" for .html or .htm ...; NULL for none. */
const char *cli_format_of_name(const char *path);

/*
 * Settles the format against the output's name (SPEC 5.3): a name with a known
 * extension sets the format when --format was not given, and must agree with
 * it when it was. Returns 0, or -1 after a usage message.
 */
int cli_settle_format(struct session *s);

/* Reports the option getopt_long refused (unknown, or without its value); returns EXIT_TROUBLE. */
int cli_bad_option(const struct command *cmd, char **argv);

/* Prints the command's --help on stdout. */
void cli_help(const struct command *cmd);

/* Parses a whole non-negative number option; false after a usage message. */
bool cli_number(const struct command *cmd, const char *name, const char *arg, long *out);

/*
 * Loads the roster, prints its diagnostics, applies --scope and --max-load to
 * it (roster_apply) and, under --mask, masks its free text; false on a read
 * failure or errors in the data.
 */
bool cli_load_roster(struct roster *r, const struct roster_args *args);

/*
 * Reads the mapping: path (--mapping FILE), else DIR/mapping.csv (.xlsx, .xls)
 * or DIR's mapping sheet, and prints its diagnostics; false after them.
 */
bool cli_load_mapping(struct mapping *map, const char *path, const struct roster_args *args);

/* Flushes, checks and closes standard output; returns status, or EXIT_TROUBLE when writing failed. */
int cli_finish(int status);

/* The subcommands, in the order help lists them. */
extern const struct command cmd_validate, cmd_assign, cmd_audit, cmd_report, cmd_lists,
    cmd_diff, cmd_template, cmd_organise, cmd_visits;

#endif

/* check_cli: the options every command shares, a command's own through its handler, and the roster loader's verdict. */
#include <check.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/cli.h"

static const struct command probe = { .name = "probe", .synopsis = "[options] [DIR]",
	.purpose = "a command for the tests", .options = "", .max_operands = 1 };

static const struct option longopts[] = {
	CLI_ROSTER_OPTIONS, CLI_SCOPE_OPTIONS, CLI_OUTPUT_OPTIONS,
	{ "mapping", required_argument, NULL, OPT_MAPPING },
	{ "output", required_argument, NULL, 'o' },
	{ "by", required_argument, NULL, OPT_BY },
	{ NULL, 0, NULL, 0 },
};

/* The command's own option: --by, taken only as "grid". */
static int own(const struct command *cmd, int opt, const char *arg, void *ctx)
{
	if (opt != OPT_BY || strcmp(arg, "grid") != 0)
		return cli_usage_error(cmd, "bad --by"), -1;
	*(const char **)ctx = arg;
	return 0;
}

/* Parses a NULL-terminated argument list (after "probe") into args; stderr silenced. */
static int parse(struct roster_args *args, const char **by, const char *const *words)
{
	char *argv[32] = { "probe" };
	int argc = 1, saved, first;

	while (*words != NULL && argc < 31)
		argv[argc++] = (char *)*words++;
	optind = 0;
	opterr = 0;
	saved = scratch_quiet_stderr();
	first = cli_parse(&probe, argc, argv, longopts, args, own, by);
	scratch_restore_stderr(saved);
	return first;
}

START_TEST(shared_and_own_options)
{
	struct roster_args args = ROSTER_ARGS_DEFAULT;
	const char *by = NULL;
	const char *const words[] = { "-d", "rosters", "--scope", "grid", "--max-load", "7",
		"--delimiter", "tab", "--encoding", "gb18030", "--by", "grid", "-o", "out.csv",
		"--mapping", "m.csv", "--excel", "extra", NULL };

	ck_assert_int_eq(parse(&args, &by, words), 18);	/* "extra", the one operand */
	ck_assert_str_eq(args.paths.dir, "rosters");
	ck_assert_int_eq(args.scope, TIER_GRID);
	ck_assert_int_eq(args.default_capacity, 7);
	ck_assert_int_eq(args.read.delimiter, '\t');
	ck_assert_int_eq(args.read.encoding, ENC_GB18030);
	ck_assert_str_eq(by, "grid");
	ck_assert_str_eq(args.output, "out.csv");
	ck_assert_str_eq(args.mapping, "m.csv");
	ck_assert(args.out.excel);
}
END_TEST

START_TEST(usage_errors)
{
	static const char *const bad[][4] = {
		{ "--scope", "street", NULL }, { "--max-load", "-3", NULL },
		{ "--max-load", "12x", NULL }, { "--delimiter", "|", NULL },
		{ "--encoding", "latin1", NULL }, { "--by", "member", NULL },
		{ "--no-such-option", NULL }, { "--scope", NULL }, { "one", "two", NULL },
		{ "--lang", "fr", NULL }, { "--output-encoding", "big5", NULL },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct roster_args args = ROSTER_ARGS_DEFAULT;
		const char *by = NULL;

		ck_assert_msg(parse(&args, &by, bad[i]) == -1, "'%s' taken", bad[i][0]);
	}
}
END_TEST

START_TEST(workbook_wants_a_file)
{
	struct roster_args args = ROSTER_ARGS_DEFAULT;
	int saved = scratch_quiet_stderr();

	ck_assert_int_eq(cli_workbook_needs_file(&probe, false, &args), 0);
	ck_assert_int_eq(cli_workbook_needs_file(&probe, true, &args), -1);
	args.output = "-";
	ck_assert_int_eq(cli_workbook_needs_file(&probe, true, &args), -1);
	args.output = "report.xlsx";
	ck_assert_int_eq(cli_workbook_needs_file(&probe, true, &args), 0);
	scratch_restore_stderr(saved);
}
END_TEST

START_TEST(roster_with_errors_stops_the_command)
{
	struct roster_args args = ROSTER_ARGS_DEFAULT;
	struct roster r;
	int saved;
	bool ok;

	args.paths.dir = scratch_dir;
	scratch_write_text("buildings.csv", "building_id,grid_id\nB1,G1\n");
	scratch_write_text("households.csv", "household_id,building_id\nh1,B1\nh1,B1\n");
	scratch_write_text("members.csv", "member_id,building_id\nM1,B1\n");
	roster_init(&r);
	saved = scratch_quiet_stderr();
	ok = cli_load_roster(&r, &args);
	scratch_restore_stderr(saved);
	ck_assert(!ok);		/* duplicate-id */
	roster_release(&r);
	diag_reset();

	scratch_write_text("households.csv", "household_id,building_id\nh1,B1\nh2,B1\n");
	roster_init(&r);
	ck_assert(cli_load_roster(&r, &args));
	ck_assert_uint_eq(r.nhouseholds, 2);
	roster_release(&r);
}
END_TEST

static Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *t = tcase_create("cli");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, shared_and_own_options);
	tcase_add_test(t, usage_errors);
	tcase_add_test(t, workbook_wants_a_file);
	tcase_add_test(t, roster_with_errors_stops_the_command);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(cli_suite());
}

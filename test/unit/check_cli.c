/* check_cli: the options a command's needs bring, its own through its handler, one --format, and the roster loader's verdict. */
#include <check.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scratch.h"
#include "lianhu/cli.h"

/* The probe's own option: --by, taken only as "grid". */
static int own(struct session *s, int opt, const char *arg)
{
	if (opt != OPT_BY || strcmp(arg, "grid") != 0)
		return cli_usage_error(s->cmd, "bad --by"), -1;
	*(const char **)s->own = arg;
	return 0;
}

static const struct option own_options[] = {
	{ "by", required_argument, NULL, OPT_BY },
	{ NULL, 0, NULL, 0 },
};

/* A command for the tests: a roster, a mapping, the policy, -o; csv, md or xlsx. */
static const struct command probe = { .name = "probe", .synopsis = "[options] [DIR]",
	.purpose = "a command for the tests", .options = "", .max_operands = 1,
	.needs = NEED_ROSTER | NEED_MAPPING | NEED_POLICY | NEED_OUTPUT | NEED_FILE,
	.formats = FORMAT(RENDER_CSV) | FORMAT(RENDER_MD) | FORMAT(RENDER_XLSX),
	.own_options = own_options, .own_option = own, .own_size = sizeof(const char *) };

/* A command that needs nothing: only --lang and --help. */
static const struct command bare = { .name = "bare", .synopsis = "", .purpose = "nothing",
	.options = "" };

/* Parses a NULL-terminated argument list (after the command's name) into s; stderr to err.txt. */
static int parse(struct session *s, const struct command *cmd, const char *const *words)
{
	static char *argv[32];	/* the operands stay in it */
	int argc = 1, saved = dup(2), err, rc;

	argv[0] = (char *)cmd->name;
	while (*words != NULL && argc < 31)
		argv[argc++] = (char *)*words++;
	argv[argc] = NULL;
	cli_session_init(s, cmd);
	optind = 0;
	opterr = 0;
	fflush(stderr);
	err = open(scratch_path("err.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(err, 0);
	dup2(err, 2);
	close(err);
	rc = cli_parse(s, argc, argv);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	return rc;
}

/* What the last parse wrote on stderr. */
static char *parse_messages(void)
{
	static char text[1024];
	FILE *fp = fopen(scratch_path("err.txt"), "r");
	size_t n;

	ck_assert_ptr_nonnull(fp);
	n = fread(text, 1, sizeof(text) - 1, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

START_TEST(shared_and_own_options)
{
	struct session s;
	const char *const words[] = { "-d", "rosters", "--scope", "grid", "--max-load", "7",
		"--delimiter", "tab", "--encoding", "gb18030", "--by", "grid", "-o", "out.csv",
		"--mapping", "m.csv", "--excel", "--lang", "en", "extra", NULL };

	ck_assert_int_eq(parse(&s, &probe, words), 0);
	ck_assert_int_eq(s.noperands, 1);
	ck_assert_str_eq(s.operands[0], "extra");
	ck_assert_str_eq(s.args.paths.dir, "rosters");
	ck_assert_int_eq(s.args.scope, TIER_GRID);
	ck_assert_int_eq(s.args.default_capacity, 7);
	ck_assert_int_eq(s.args.read.delimiter, '\t');
	ck_assert_int_eq(s.args.read.encoding, ENC_GB18030);
	ck_assert_str_eq(*(const char **)s.own, "grid");
	ck_assert_str_eq(s.args.output, "out.csv");
	ck_assert_str_eq(s.args.mapping, "m.csv");
	ck_assert_str_eq(s.lang, "en");
	ck_assert(s.args.out.excel);
	ck_assert_int_eq(s.format, RENDER_CSV);	/* the output's name, as the first format */
	cli_release(&s);
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
		{ "--format", "json", NULL }, { "--mask", NULL }, { "--visits", "v.csv", NULL },
		{ "--format", "md", "-o", "x.csv" }, { "-o", "x.json", NULL },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct session s;

		ck_assert_msg(parse(&s, &probe, bad[i]) == -1, "'%s' taken", bad[i][0]);
		cli_release(&s);
	}
}
END_TEST

START_TEST(options_come_with_needs)
{
	static const char *const refused[][3] = {
		{ "-d", "x", NULL }, { "--mapping", "m.csv", NULL }, { "--scope", "grid", NULL },
		{ "--excel", NULL }, { "-o", "x", NULL }, { "--format", "text", NULL }, { "x", NULL },
	};
	const char *const fine[] = { "--lang", "zh", NULL };
	struct session s;

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		ck_assert_msg(parse(&s, &bare, refused[i]) == -1, "'%s' taken", refused[i][0]);
		cli_release(&s);
	}
	ck_assert_int_eq(parse(&s, &bare, fine), 0);
	cli_release(&s);
}
END_TEST

START_TEST(one_format_message)
{
	const char *const words[] = { "--format", "text", NULL };
	struct session s;

	ck_assert_int_eq(parse(&s, &probe, words), -1);
	ck_assert_ptr_nonnull(strstr(parse_messages(),
	    "lianhu probe: unknown format 'text' (csv, md or xlsx)\n"));
	cli_release(&s);
}
END_TEST

START_TEST(workbook_wants_a_file)
{
	static const char *const words[][5] = {
		{ "--format", "xlsx", NULL }, { "--format", "xlsx", "-o", "-", NULL },
		{ "--format", "xlsx", "-o", "report.xlsx", NULL }, { "-o", "report.xlsx", NULL },
	};
	struct session s;

	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(parse(&s, &probe, words[i]), i < 2 ? -1 : 0);
		ck_assert_int_eq(s.format, RENDER_XLSX);
		ck_assert_int_eq(strstr(parse_messages(), "writes a binary workbook") != NULL, i < 2);
		cli_release(&s);
	}
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
	tcase_add_test(t, options_come_with_needs);
	tcase_add_test(t, one_format_message);
	tcase_add_test(t, workbook_wants_a_file);
	tcase_add_test(t, roster_with_errors_stops_the_command);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(cli_suite());
}

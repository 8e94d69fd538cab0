/* template: write the three empty rosters with their headers, ready to fill in Excel or WPS. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lianhu/cli.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"

static const char *const names[] = { "buildings.csv", "households.csv", "members.csv" };

static const char *const headers_zh[] = {
	"楼栋编号,网格编号,村社区,乡镇,名称",
	"户编号,楼栋编号,单元,房号,类型,户主,联系电话,重点户",
	"党员编号,姓名,居住楼栋,网格编号,所在支部,联系户上限,状态,联系电话,所在党小组,职务",
};

static const char *const headers_en[] = {
	"building_id,grid_id,community,township,name",
	"household_id,building_id,unit,room,kind,head,phone,priority",
	"member_id,name,building_id,grid_id,branch,capacity,status,phone,group,role",
};

/* Writes one header file, UTF-8 with BOM and CRLF so that Excel shows the Chinese right. */
static int write_one(const char *path, const char *header)
{
	struct output out;

	if (output_open(&out, path, NULL) < 0)
		return -1;
	fprintf(out.fp, "\xef\xbb\xbf%s\r\n", header);
	return output_commit(&out);
}

static int run(const struct command *cmd, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 }
	};
	const char *const *headers = headers_zh;
	const char *dir = ".";
	char paths[3][4096];
	struct stat st;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == OPT_HELP) {
			cli_help(cmd);
			return EXIT_OK;
		} else if (c == OPT_LANG && strcmp(optarg, "zh") == 0) {
			headers = headers_zh;
		} else if (c == OPT_LANG && strcmp(optarg, "en") == 0) {
			headers = headers_en;
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
		if ((size_t)snprintf(paths[i], sizeof(paths[i]), "%s/%s", dir, names[i]) >=
		    sizeof(paths[i]))
			return cli_usage_error(cmd, _("folder name too long"));
		if (stat(paths[i], &st) == 0) {
			fprintf(stderr, _("lianhu: '%s' exists; template never overwrites a roster\n"),
			    paths[i]);
			return EXIT_TROUBLE;
		}
	}
	for (int i = 0; i < 3; i++)
		if (write_one(paths[i], headers[i]) < 0)
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

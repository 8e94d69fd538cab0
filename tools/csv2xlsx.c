/*
 * csv2xlsx: writes UTF-8 CSV files as the sheets of one workbook with libxlsxwriter, the way an office keeps
 * its rosters in Excel; the tests read such workbooks back and compare with the CSV.
 *
 *   csv2xlsx [-t TITLE] [-n | -N] OUT.xlsx SHEET=FILE.csv ...
 *
 * -t TITLE  a title row merged across the sheet above the header (the header moves to row 2)
 * -n        numbers as numbers, except in ID columns (a header with "id", 编号, 户号, 楼栋 or 网格): IDs typed as text
 * -N        numbers as numbers everywhere, IDs too, leading zeros dropped as Excel drops them
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MAX_COLS 256

struct sheet_state {
	lxw_worksheet *ws;
	lxw_format *merged;
	const char *title;
	int numbers;		/* 0 text, 1 numbers but IDs, 2 everything */
	lxw_row_t row;
	lxw_col_t col;
	int id_col[MAX_COLS];	/* per column: an ID column */
	int header_done;
};

static int looks_numeric(const char *s, int leading_zeros)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	if (!leading_zeros && p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0' && strlen(s) < 16;
}

static int id_header(const char *h)
{
	return strstr(h, "id") || strstr(h, "编号") || strstr(h, "户号") || strstr(h, "楼栋") ||
	    strstr(h, "网格");
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct sheet_state *s = ctx;
	char *text = malloc(len + 1);

	memcpy(text, data ? data : "", len);
	text[len] = '\0';
	if (s->col < MAX_COLS && !s->header_done)
		s->id_col[s->col] = id_header(text);
	if (len > 0 && s->header_done && s->numbers &&
	    (s->numbers == 2 || !s->id_col[s->col < MAX_COLS ? s->col : 0]) &&
	    looks_numeric(text, s->numbers == 2))
		worksheet_write_number(s->ws, s->row, s->col, strtod(text, NULL), NULL);
	else if (len > 0)
		worksheet_write_string(s->ws, s->row, s->col, text, NULL);
	free(text);
	s->col++;
}

static void on_record(int c, void *ctx)
{
	struct sheet_state *s = ctx;

	(void)c;
	if (!s->header_done && s->title)
		worksheet_merge_range(s->ws, 0, 0, 0, s->col > 0 ? s->col - 1 : 0, s->title, s->merged);
	s->header_done = 1;
	s->row++;
	s->col = 0;
}

static int add_sheet(lxw_workbook *wb, const char *spec, const char *title, int numbers)
{
	const char *eq = strchr(spec, '=');
	char name[64], buf[65536];
	struct sheet_state s = { 0 };
	struct csv_parser csv;
	FILE *fp;
	size_t n;

	if (eq == NULL || (size_t)(eq - spec) >= sizeof(name)) {
		fprintf(stderr, "csv2xlsx: give SHEET=FILE.csv, not '%s'\n", spec);
		return -1;
	}
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = '\0';
	if ((fp = fopen(eq + 1, "rb")) == NULL) {
		perror(eq + 1);
		return -1;
	}
	s.ws = workbook_add_worksheet(wb, name);
	s.merged = workbook_add_format(wb);
	format_set_align(s.merged, LXW_ALIGN_CENTER);
	s.title = title;
	s.numbers = numbers;
	s.row = title ? 1 : 0;
	csv_init(&csv, CSV_APPEND_NULL);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&csv, buf, n, on_field, on_record, &s);
	csv_fini(&csv, on_field, on_record, &s);
	csv_free(&csv);
	fclose(fp);
	return 0;
}

int main(int argc, char **argv)
{
	const char *title = NULL;
	int numbers = 0, c;
	lxw_workbook *wb;

	while ((c = getopt(argc, argv, "t:nN")) != -1) {
		if (c == 't')
			title = optarg;
		else if (c == 'n')
			numbers = 1;
		else if (c == 'N')
			numbers = 2;
		else
			return 2;
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: csv2xlsx [-t TITLE] [-n | -N] OUT.xlsx SHEET=FILE.csv ...\n");
		return 2;
	}
	wb = workbook_new(argv[optind]);
	for (int i = optind + 1; i < argc; i++)
		if (add_sheet(wb, argv[i], title, numbers) < 0)
			return 2;
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 2;
}

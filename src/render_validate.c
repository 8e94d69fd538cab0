/* render_validate: what validate writes: the roster's diagnostics as SPEC's JSON, or as lines and a summary. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/render_validate.h"
#include "lianhu/util.h"

/* Prints the JSON report of SPEC §4 on stdout. */
static void print_json(void)
{
	cJSON *root = cJSON_CreateObject(), *list;
	size_t n;
	const struct diag *d = diag_sorted(&n);

	cJSON_AddBoolToObject(root, "ok", diag_count(DIAG_ERROR) == 0);
	cJSON_AddNumberToObject(root, "errors", (double)diag_count(DIAG_ERROR));
	cJSON_AddNumberToObject(root, "warnings", (double)diag_count(DIAG_WARNING));
	list = cJSON_AddArrayToObject(root, "diagnostics");
	for (size_t i = 0; i < n; i++) {
		cJSON *item = cJSON_CreateObject();

		cJSON_AddStringToObject(item, "file", d[i].file);
		cJSON_AddNumberToObject(item, "line", (double)d[i].line);
		cJSON_AddStringToObject(item, "severity",
		    d[i].severity == DIAG_ERROR ? "error" : "warning");
		cJSON_AddStringToObject(item, "code", diag_name(d[i].code));
		cJSON_AddStringToObject(item, "message", d[i].message);
		cJSON_AddItemToArray(list, item);
	}
	json_write(stdout, root);
}

/* A file's label as text output shows it: a workbook's sheet name may hold line breaks or ESC. */
static char *visible_label(const char *label)
{
	char *text = NULL;
	size_t len;
	FILE *fp = open_memstream(&text, &len);

	if (fp == NULL)
		return xstrdup(label);
	fput_visible(label, fp);
	fclose(fp);
	return text;
}

/* One line on stderr: rows per file, errors, warnings. */
static void print_summary(const struct roster *r)
{
	long errors = (long)diag_count(DIAG_ERROR), warnings = (long)diag_count(DIAG_WARNING);

	for (int f = 0; f < FILE_COUNT; f++) {
		char *label = visible_label(r->labels[f] ? r->labels[f] : r->paths[f]);

		fprintf(stderr, ngettext("%s: %ld row", "%s: %ld rows", (unsigned long)r->rows[f]),
		    label, r->rows[f]);
		free(label);
		/* TRANSLATORS: separators of a list, and of the validate summary's files from its counts. */
		fputs(f + 1 < FILE_COUNT ? _(", ") : _("; "), stderr);
	}
	fprintf(stderr, ngettext("%ld error", "%ld errors", (unsigned long)errors), errors);
	fputs(_(", "), stderr);
	fprintf(stderr, ngettext("%ld warning", "%ld warnings", (unsigned long)warnings), warnings);
	fputc('\n', stderr);
}

void validate_write(enum render_format format, const struct roster *r)
{
	if (format == RENDER_JSON) {
		print_json();
	} else {
		diag_print(stderr);
		print_summary(r);
	}
}

/* render_audit: audit's findings as text (FILE:LINE: CODE: MESSAGE and a summary), CSV and SPEC §4's JSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/render_audit.h"

/* Where a finding points: the mapping line, else the roster line of its household or member. */
static void locate(const struct finding *f, const struct roster *r, const struct mapping *map,
    const char **file, long *line)
{
	*file = map->path;
	*line = f->line;
	if (f->line > 0)
		return;
	if (f->household >= 0) {
		*file = r->labels[FILE_HOUSEHOLDS];
		*line = r->households[f->household].line;
	} else {
		*file = r->labels[FILE_MEMBERS];
		*line = r->members[f->member].line;
	}
}

static void write_text(FILE *fp, const struct audit *a, const struct roster *r,
    const struct mapping *map)
{
	const char *file;
	long line;

	for (size_t i = 0; i < a->nfindings; i++) {
		locate(&a->findings[i], r, map, &file, &line);
		finding_print(fp, file, line, finding_name(a->findings[i].code),
		    finding_message(&a->findings[i], r));
	}
	fprintf(stderr, ngettext("audit: %ld of %ld household covered", "audit: %ld of %ld households covered",
	    (unsigned long)a->households), a->covered, a->households);
	fprintf(stderr, ngettext("; %zu finding", "; %zu findings", a->nfindings), a->nfindings);
	for (int c = 0; c < FIND_COUNT; c++)
		if (a->counts[c])
			/* TRANSLATORS: a finding's words for people and how many there are. */
			fprintf(stderr, _(", %s %ld"),
			    diag_label(finding_name((enum finding_code)c)), a->counts[c]);
	fprintf(stderr, "\n");
}

static void write_csv(struct output *o, const struct audit *a, const struct roster *r,
    const struct mapping *map)
{
	static const char *const header[] = { "code", "household_id", "member_id", "file", "line",
		"message" };
	const char *file;
	char number[32];
	long line;

	for (size_t c = 0; c < sizeof(header) / sizeof(header[0]); c++)
		csv_field(o, header[c]);
	csv_row_end(o);
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		locate(f, r, map, &file, &line);
		snprintf(number, sizeof(number), "%ld", line);
		csv_field(o, finding_name(f->code));
		csv_field(o, f->household_id ? f->household_id : "");
		csv_field(o, f->member_id ? f->member_id : "");
		csv_field(o, file);
		csv_field(o, number);
		csv_field(o, finding_message(f, r));
		csv_row_end(o);
	}
}

static cJSON *text_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void write_json(FILE *fp, const struct audit *a, const struct roster *r)
{
	cJSON *root = cJSON_CreateObject(), *counts, *list;

	cJSON_AddBoolToObject(root, "ok", a->nfindings == 0);
	cJSON_AddNumberToObject(root, "households", (double)a->households);
	cJSON_AddNumberToObject(root, "covered", (double)a->covered);
	cJSON_AddNumberToObject(root, "eligible_members", (double)a->eligible);
	counts = cJSON_AddObjectToObject(root, "counts");
	for (int c = 0; c < FIND_COUNT; c++)
		cJSON_AddNumberToObject(counts, finding_name((enum finding_code)c), (double)a->counts[c]);
	list = cJSON_AddArrayToObject(root, "findings");
	for (size_t i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		cJSON *item = cJSON_CreateObject();

		cJSON_AddStringToObject(item, "code", finding_name(f->code));
		cJSON_AddItemToObject(item, "household_id", text_or_null(f->household_id));
		cJSON_AddItemToObject(item, "member_id", text_or_null(f->member_id));
		if (f->line > 0)
			cJSON_AddNumberToObject(item, "line", (double)f->line);
		else
			cJSON_AddNullToObject(item, "line");
		cJSON_AddStringToObject(item, "message", finding_message(f, r));
		cJSON_AddItemToArray(list, item);
	}
	json_write(fp, root);
}

void audit_write(struct output *o, enum render_format format, const struct audit *a,
    const struct roster *r, const struct mapping *map)
{
	switch (format) {
	case RENDER_JSON:
		write_json(o->fp, a, r);
		return;
	case RENDER_CSV:
		write_csv(o, a, r, map);
		return;
	case RENDER_TEXT:
		write_text(o->fp, a, r, map);
		return;
	default:
		abort();	/* cmd_audit takes only these three */
	}
}

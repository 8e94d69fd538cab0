/* diag: the one sink for problems found in the user's data (the program's only mutable global). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/util.h"

/* Each code's name, severity and (findings) words for people, as mandoc's mandocerrs[] with its enum. */
static const struct {
	const char *name;
	enum diag_severity severity;
	const char *label;
} codes[DIAG_CODES] = {
	[DIAG_CSV_SYNTAX] = { "csv-syntax", DIAG_ERROR, NULL },
	[DIAG_ENCODING] = { "encoding", DIAG_ERROR, NULL },
	[DIAG_MISSING_COLUMN] = { "missing-column", DIAG_ERROR, NULL },
	[DIAG_DUPLICATE_COLUMN] = { "duplicate-column", DIAG_ERROR, NULL },
	[DIAG_FIELD_COUNT] = { "field-count", DIAG_ERROR, NULL },
	[DIAG_MISSING_VALUE] = { "missing-value", DIAG_ERROR, NULL },
	[DIAG_DUPLICATE_ID] = { "duplicate-id", DIAG_ERROR, NULL },
	[DIAG_UNKNOWN_BUILDING] = { "unknown-building", DIAG_ERROR, NULL },
	[DIAG_UNKNOWN_GRID] = { "unknown-grid", DIAG_ERROR, NULL },
	[DIAG_HIERARCHY_CONFLICT] = { "hierarchy-conflict", DIAG_ERROR, NULL },
	[DIAG_BAD_VALUE] = { "bad-value", DIAG_ERROR, NULL },
	[DIAG_ID_PRECISION_LOST] = { "id-precision-lost", DIAG_ERROR, NULL },
	[DIAG_EMPTY_ROSTER] = { "empty-roster", DIAG_ERROR, NULL },
	[DIAG_CONFIG] = { "config", DIAG_ERROR, NULL },
	[DIAG_WORKBOOK] = { "workbook", DIAG_ERROR, NULL },
	[DIAG_UNKNOWN_COLUMN] = { "unknown-column", DIAG_WARNING, NULL },
	[DIAG_UNKNOWN_STATUS] = { "unknown-status", DIAG_WARNING, NULL },
	[DIAG_MEMBER_GRID_MISMATCH] = { "member-grid-mismatch", DIAG_WARNING, NULL },
	[DIAG_EMPTY_BUILDING] = { "empty-building", DIAG_WARNING, NULL },
	[DIAG_UNKNOWN_ROLE] = { "unknown-role", DIAG_WARNING, NULL },
	[DIAG_ID_STORED_AS_NUMBER] = { "id-stored-as-number", DIAG_WARNING, NULL },
	[DIAG_PREVIOUS_UNMATCHED] = { "previous-unmatched", DIAG_WARNING, NULL },
	[DIAG_UNCOVERED] = { "uncovered", DIAG_FINDING, N_("without a contact") },
	[DIAG_MULTIPLE_CONTACTS] = { "multiple-contacts", DIAG_FINDING, N_("several contacts") },
	/* an error in a visit log, a finding of audit in a mapping */
	[DIAG_UNKNOWN_HOUSEHOLD] = { "unknown-household", DIAG_ERROR, N_("household not in the roster") },
	[DIAG_UNKNOWN_MEMBER] = { "unknown-member", DIAG_ERROR, N_("member not in the roster") },
	[DIAG_INELIGIBLE_MEMBER] = { "ineligible-member", DIAG_FINDING, N_("member not eligible") },
	[DIAG_OUT_OF_SCOPE] = { "out-of-scope", DIAG_FINDING, N_("contact out of scope") },
	[DIAG_OVERLOADED] = { "overloaded", DIAG_FINDING, N_("overloaded") },
	[DIAG_IDLE_MEMBER] = { "idle-member", DIAG_FINDING, N_("member without households") },
	[DIAG_GRID_WITHOUT_GROUP] = { "grid-without-group", DIAG_FINDING, N_("grid without a Party group") },
	[DIAG_GROUP_WITHOUT_LEADER] = { "group-without-leader", DIAG_FINDING,
		N_("group without a leader") },
	[DIAG_SMALL_GROUP] = { "small-group", DIAG_FINDING, N_("small group") },
	[DIAG_COMMUNITY_WITHOUT_SECRETARY] = { "community-without-secretary", DIAG_FINDING,
		N_("community without a secretary") },
	[DIAG_BUILDING_WITHOUT_MEMBER] = { "building-without-member", DIAG_FINDING,
		N_("building without a member") },
	[DIAG_OVERDUE] = { "overdue", DIAG_FINDING, N_("overdue") },
	[DIAG_NEVER_VISITED] = { "never-visited", DIAG_FINDING, N_("never visited") },
	[DIAG_BAD_DATE] = { "bad-date", DIAG_ERROR, N_("bad date") },
	[DIAG_FUTURE_DATE] = { "future-date", DIAG_WARNING, N_("date after the as-of day") },
	[DIAG_VISIT_BY_OTHER] = { "visit-by-other", DIAG_FINDING, N_("visited by another member") },
};

static struct {
	struct diag *items;
	size_t count, alloc;
	size_t errors, warnings;
	const char **files;	/* files in order of first report */
	size_t nfiles, files_alloc;
	int sorted;
} sink;

const char *diag_name(enum diag_code code)
{
	return codes[code].name;
}

enum diag_severity diag_code_severity(enum diag_code code)
{
	return codes[code].severity;
}

const char *diag_label(const char *name)
{
	for (size_t i = 0; i < DIAG_CODES; i++)
		if (strcmp(name, codes[i].name) == 0)
			return codes[i].label ? _(codes[i].label) : name;
	return name;
}

static size_t file_rank(const char *file)
{
	for (size_t i = 0; i < sink.nfiles; i++)
		if (sink.files[i] == file || strcmp(sink.files[i], file) == 0)
			return i;
	return sink.nfiles;
}

void diag_file(const char *file)
{
	if (file_rank(file) == sink.nfiles) {
		GROW(sink.files, sink.files_alloc, sink.nfiles + 1);
		sink.files[sink.nfiles++] = file;
	}
}

static void record(enum diag_severity severity, const char *file, long line,
    enum diag_code code, const char *fmt, va_list ap)
{
	struct diag *d;
	va_list copy;
	int len;

	diag_file(file);
	GROW(sink.items, sink.alloc, sink.count + 1);
	d = &sink.items[sink.count];
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	d->message = xmalloc((size_t)len + 1);
	vsnprintf(d->message, (size_t)len + 1, fmt, ap);
	d->file = file;
	d->line = line;
	d->severity = severity;
	d->code = code;
	d->seq = sink.count++;
	sink.sorted = 0;
	if (severity == DIAG_ERROR)
		sink.errors++;
	else
		sink.warnings++;
}

void diag_error(const char *file, long line, enum diag_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(DIAG_ERROR, file, line, code, fmt, ap);
	va_end(ap);
}

void diag_warning(const char *file, long line, enum diag_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(DIAG_WARNING, file, line, code, fmt, ap);
	va_end(ap);
}

size_t diag_count(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? sink.errors : severity == DIAG_WARNING ? sink.warnings : 0;
}

static int compare(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	size_t fx = file_rank(x->file), fy = file_rank(y->file);

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const struct diag *diag_sorted(size_t *n)
{
	if (!sink.sorted && sink.count > 1)
		qsort(sink.items, sink.count, sizeof(*sink.items), compare);
	sink.sorted = 1;
	*n = sink.count;
	return sink.items;
}

void diag_print(FILE *out)
{
	size_t n;
	const struct diag *d = diag_sorted(&n);

	for (size_t i = 0; i < n; i++) {
		fput_visible(d[i].file, out);
		fprintf(out, ":%ld: %s: ", d[i].line, d[i].severity == DIAG_ERROR ? _("error") :
		    _("warning"));
		fput_visible(d[i].message, out);	/* values from the roster: no raw ESC or line break */
		fprintf(out, " [%s]\n", diag_name(d[i].code));
	}
}

void diag_reset(void)
{
	for (size_t i = 0; i < sink.count; i++)
		free(sink.items[i].message);
	free(sink.items);
	free(sink.files);
	memset(&sink, 0, sizeof(sink));
}

/* diag: the one sink for problems found in the user's data. */
#ifndef LIANHU_DIAG_H
#define LIANHU_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* DIAG_FINDING only in the code table: a command's finding, never a diagnostic. */
enum diag_severity { DIAG_WARNING, DIAG_ERROR, DIAG_FINDING };

/*
 * Every code lianhu prints, in [CODE] on standard error and in csv and json
 * (SPEC §4 and §5): problems in the input, then the findings of audit,
 * organise and visits. diag.c gives each its name, severity and words for
 * people; the man page's DIAGNOSTICS lists them all (test/help-vs-man.sh).
 */
enum diag_code {
	DIAG_CSV_SYNTAX, DIAG_ENCODING, DIAG_MISSING_COLUMN, DIAG_DUPLICATE_COLUMN,
	DIAG_FIELD_COUNT, DIAG_MISSING_VALUE, DIAG_DUPLICATE_ID, DIAG_UNKNOWN_BUILDING,
	DIAG_UNKNOWN_GRID, DIAG_HIERARCHY_CONFLICT, DIAG_BAD_VALUE, DIAG_ID_PRECISION_LOST,
	DIAG_EMPTY_ROSTER, DIAG_CONFIG, DIAG_WORKBOOK,
	DIAG_UNKNOWN_COLUMN, DIAG_UNKNOWN_STATUS, DIAG_MEMBER_GRID_MISMATCH,
	DIAG_EMPTY_BUILDING, DIAG_UNKNOWN_ROLE, DIAG_ID_STORED_AS_NUMBER,
	DIAG_PREVIOUS_UNMATCHED,
	/* audit */
	DIAG_UNCOVERED, DIAG_MULTIPLE_CONTACTS, DIAG_UNKNOWN_HOUSEHOLD, DIAG_UNKNOWN_MEMBER,
	DIAG_INELIGIBLE_MEMBER, DIAG_OUT_OF_SCOPE, DIAG_OVERLOADED, DIAG_IDLE_MEMBER,
	/* organise */
	DIAG_GRID_WITHOUT_GROUP, DIAG_GROUP_WITHOUT_LEADER, DIAG_SMALL_GROUP,
	DIAG_COMMUNITY_WITHOUT_SECRETARY, DIAG_BUILDING_WITHOUT_MEMBER,
	/* visits (and unknown-household, unknown-member) */
	DIAG_OVERDUE, DIAG_NEVER_VISITED, DIAG_BAD_DATE, DIAG_FUTURE_DATE, DIAG_VISIT_BY_OTHER,
	DIAG_CODES
};

struct diag {
	const char *file;	/* as the user named it; not owned */
	long line;		/* physical line, 1-based; 0 for the whole file */
	enum diag_severity severity;
	enum diag_code code;
	char *message;		/* owned by the sink */
	size_t seq;		/* order of report */
};

/* The code's name as SPEC writes it ("csv-syntax" ...): never translated. */
const char *diag_name(enum diag_code code);

/*
 * The severity the code always has as a diagnostic: DIAG_FINDING for the
 * codes that are only ever a command's finding.
 */
enum diag_severity diag_code_severity(enum diag_code code);

/*
 * A finding code's words for people in summaries ("uncovered" is 未落实联系党员),
 * translated; the name itself when it has none. Machine formats keep the name.
 */
const char *diag_label(const char *name);

/* Records an error; file must outlive the sink (diag_reset). */
void diag_error(const char *file, long line, enum diag_code code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Records a warning. */
void diag_warning(const char *file, long line, enum diag_code code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Registers a file so that its diagnostics sort in the order files are read. */
void diag_file(const char *file);

/* Number of diagnostics of a severity recorded so far. */
size_t diag_count(enum diag_severity severity);

/* The diagnostics sorted by file (in order of first report), line and order of report; *n gets the count. */
const struct diag *diag_sorted(size_t *n);

/*
 * Prints the sorted diagnostics as FILE:LINE: severity: message [code]
 * (severity translated, control characters escaped).
 */
void diag_print(FILE *out);

/* Forgets every diagnostic. */
void diag_reset(void);

#endif

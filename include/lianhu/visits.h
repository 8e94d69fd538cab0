/* visits: the visit log (走访台账) read against the roster and the mapping: last visits, overdue households, needs. */
#ifndef LIANHU_VISITS_H
#define LIANHU_VISITS_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/diag.h"
#include "lianhu/mapping.h"
#include "lianhu/rollup.h"
#include "lianhu/roster.h"
#include "lianhu/table.h"

/* Dates are days since 1970-01-01 in the proleptic Gregorian calendar (no time zone). */
#define DATE_NONE (-(1L << 40))	/* no date: below every real day */

#define DATE_TEXT 48	/* room for any day as text */

/* The day number of a civil date (y, m 1–12, d 1–31), valid or not. */
long days_from_civil(long y, int m, int d);

/*
 * Parses a date as SPEC 5.5 writes it: YYYY-M-D, YYYY/M/D, YYYY.M.D or
 * YYYY年M月D日 (month and day of one or two digits), surrounding spaces
 * allowed; false unless it names a real day.
 */
bool date_parse(const char *s, long *day);

/* Writes day as YYYY-MM-DD into buf (DATE_TEXT bytes); returns buf. */
char *date_format(long day, char *buf);

/* Today's date where the user is (local time). */
long date_today(void);

/* One --every rule: a priority tag and its interval in days. */
struct visit_rule {
	char *tag;
	long days;
};

/* The intervals: rules by tag, then any other priority household, then ordinary ones. */
struct visit_rules {
	struct visit_rule *rules;
	size_t nrules, rules_alloc;
	long priority, ordinary;
};

/* Rules with SPEC's defaults (priority=30, ordinary=90); release with visit_rules_release. */
void visit_rules_init(struct visit_rules *vr);

/*
 * Adds the rules of an --every value (TAG=DAYS,...), each replacing its own
 * key; false with *why set to what is wrong (marked with N_) otherwise.
 */
bool visit_rules_parse(struct visit_rules *vr, const char *arg, const char **why);

/* Frees the rules. */
void visit_rules_release(struct visit_rules *vr);

/*
 * The interval of a household whose priority tag is tag (NULL: ordinary):
 * the shortest rule its tag matches, else the priority default.
 */
long visit_interval(const struct visit_rules *vr, const char *tag);

enum visit_code {
	VISIT_OVERDUE, VISIT_NEVER, VISIT_UNKNOWN_HOUSEHOLD, VISIT_UNKNOWN_MEMBER,
	VISIT_BAD_DATE, VISIT_FUTURE_DATE, VISIT_BY_OTHER, VISIT_CODES
};

/* A finding: a household of the roster (overdue, never-visited) or a row of the log. */
struct visit_finding {
	enum visit_code code;
	int household;		/* roster index, or -1 */
	const char *household_id, *member_id, *date;	/* as written ("" when none) */
	long line;		/* of visits.csv; of households.csv for overdue and never-visited */
};

/* Per roster household. */
struct household_visits {
	long last;		/* the latest visit, DATE_NONE when none */
	long interval;		/* days */
	long visits, needs, needs_resolved;
	bool counted;		/* not vacant */
	bool overdue;
};

struct visits {
	struct pool *pool;	/* strings of the findings */
	char *path;		/* the log as read (label of diagnostics) */
	long as_of;
	struct household_visits *per;	/* r->nhouseholds of them */
	const char **contact;	/* per household: member_id of its first mapping row, "" when none */
	int *contact_member;	/* per household: that member's roster index, or -1 */
	struct visit_finding *findings;	/* log rows in file order, then households in roster order */
	size_t nfindings, findings_alloc;
	long counts[VISIT_CODES];
	long households, up_to_date, overdue, never_visited, visits, needs, needs_resolved;
	long faulty;		/* rows with unknown-household, unknown-member or bad-date, or refused by the reader */
};

/*
 * Reads the log at path and measures r's households against it on as_of;
 * in_workbook: path is a workbook of rosters, where only a sheet named for the
 * log will do. Problems in the file's form (header, field count) go to diag; returns -1
 * after a message when the file cannot be read, or its header is unusable.
 * Release with visits_release.
 */
int visits_load(struct visits *v, const char *path, bool in_workbook, const struct read_opts *opts,
    const struct roster *r, const struct mapping *map, const struct visit_rules *rules, long as_of);

/* Frees what v holds. */
void visits_release(struct visits *v);

/* The code's name as SPEC writes it ("overdue" ...). */
const char *visit_code_name(enum visit_code code);

/* The code in diag's table: its severity tells the faulty rows (errors) from the rest. */
enum diag_code visit_diag_code(enum visit_code code);

/* A one-line description of the finding, in a static buffer. */
const char *visit_message(const struct visits *v, const struct visit_finding *f);

/* The file a finding points at: households.csv for overdue and never-visited, else the log (its line: f->line). */
const char *visit_finding_file(const struct visits *v, const struct visit_finding *f,
    const struct roster *r);

/* Days since the household's last visit on as_of, or -1 when never visited. */
long visits_days_since(const struct visits *v, int h);

/*
 * The overdue households by contact: l holds each member's (contacts of the
 * mapping known in the roster, by grid, households in walking order); the
 * others, without such a contact, go to *orphans (walking order, *norphans of
 * them; the caller frees it). Release l with contact_lists_release.
 */
void visits_overdue_lists(const struct visits *v, const struct roster *r, struct contact_lists *l,
    int **orphans, size_t *norphans);

#endif

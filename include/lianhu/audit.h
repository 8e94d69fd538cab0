/* audit: checks a mapping (often made by hand) against the roster: SPEC §4's findings and coverage. */
#ifndef LIANHU_AUDIT_H
#define LIANHU_AUDIT_H

#include "lianhu/mapping.h"
#include "lianhu/roster.h"

enum finding_code {
	FIND_UNCOVERED, FIND_MULTIPLE, FIND_UNKNOWN_HOUSEHOLD, FIND_UNKNOWN_MEMBER,
	FIND_INELIGIBLE, FIND_OUT_OF_SCOPE, FIND_OVERLOADED, FIND_IDLE, FIND_COUNT
};

struct finding {
	enum finding_code code;
	int household;		/* roster index, or -1 */
	int member;		/* roster index, or -1 */
	const char *household_id, *member_id;	/* as written; NULL when none */
	long line;		/* mapping line, 0 when the finding has none */
	int like;		/* unknown-household, unknown-member: the roster's household or member
				 * whose ID this is but for leading zeros; -1 when none */
};

struct audit {
	struct finding *findings;
	size_t nfindings, findings_alloc;
	long counts[FIND_COUNT];
	int *contact;		/* per household: first member that covers it, or -1 */
	long *load;		/* per member: rows naming it with a roster household */
	long households, priority_households, covered, priority_covered, eligible;
};

/* Checks map against r under the roster's policy (roster_apply); fills a (release with audit_release). */
void audit_run(struct audit *a, const struct roster *r, const struct mapping *map);

/*
 * Evaluates contact (per household a member or -1, assign's or any other) as
 * the mapping of one row per household with a contact, as audit_run would:
 * its findings have no line. Release with audit_release.
 */
void audit_contacts(struct audit *a, const struct roster *r, const int *contact);

/* Frees what the audit holds. */
void audit_release(struct audit *a);

/* The code's name as SPEC writes it ("uncovered" ...). */
const char *finding_name(enum finding_code code);

/* A one-line description of the finding, in a static buffer. */
const char *finding_message(const struct finding *f, const struct roster *r);

#endif

/* schema: the columns of the three rosters and the words of their values, one table for reader, template and help. */
#ifndef LIANHU_SCHEMA_H
#define LIANHU_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "lianhu/roster.h"
#include "lianhu/table.h"

/* The columns of each roster, in the order template writes them; an alias list's first is template's header. */
enum { B_ID, B_GRID, B_COMMUNITY, B_TOWNSHIP, B_NAME, B_NCOLS };
enum { H_ID, H_BUILDING, H_UNIT, H_ROOM, H_KIND, H_HEAD, H_PHONE, H_PRIORITY, H_NCOLS };
enum {
	M_ID, M_NAME, M_BUILDING, M_GRID, M_BRANCH, M_CAPACITY, M_STATUS, M_PHONE, M_GROUP, M_ROLE,
	M_NCOLS
};

/* The columns of the visit log (SPEC 5.5). */
enum { V_HOUSEHOLD, V_DATE, V_MEMBER, V_WAY, V_NOTE, V_NEED, V_RESOLVED, V_NCOLS };

/* One table file: its name without extension, its sheet's Chinese name and its columns. */
struct schema {
	const char *name;	/* "buildings" ...: the file's name and the English sheet's */
	const char *sheet_zh;	/* "楼栋" ...: a sheet name lianhu finds it by (SPEC 5.1) */
	const struct column *columns;
	size_t ncolumns;
};

/* The rosters by enum roster_file. */
extern const struct schema roster_schemas[FILE_COUNT];

/* The visit log, visits.csv. */
extern const struct schema visits_schema;

/* The words of the visit log's resolved column that mean a need was resolved (NULL-terminated). */
extern const char *const resolved_words[];

/* What a member's status says; the first is the only eligible one. */
enum status_class {
	STATUS_ELIGIBLE, STATUS_INACTIVE, STATUS_MOBILE, STATUS_INFIRM, STATUS_LOST,
	STATUS_CLASSES
};

/* The classes' names as lianhu.ini's [status] writes them ("eligible" ...). */
extern const char *const status_class_names[STATUS_CLASSES];

/* The kinds' names as SPEC and lianhu.ini's [kind] write them ("resident" ...). */
extern const char *const kind_names[KIND_COUNT];

/* The words of a status class (NULL-terminated); the second of each is the one template offers. */
extern const char *const *const status_words[STATUS_CLASSES];

/* The words of a kind (NULL-terminated); the second of each is the one template offers. */
extern const char *const *const kind_words[KIND_COUNT];

/* The class of a status word known to lianhu; false when it knows none. */
bool schema_status(const char *word, enum status_class *out);

/* The kind a word names; false when it names none. */
bool schema_kind(const char *word, enum household_kind *out);

/* The role (an enum member_role bit) a word names, in any case; 0 when none. */
unsigned schema_role(const char *word);

/* The length of the separator of role words at s (、 , / ; spaces, full-width forms), 0 when none. */
size_t schema_role_separator(const char *s);

/* True when a priority value marks an ordinary household (empty, 否, 无, -, N/A, invisible characters ...). */
bool schema_ordinary(const char *value);

/* A column a header name likely meant, and the name or alias it resembles. */
struct suggestion {
	int column;		/* index into the columns, -1 when none */
	const char *like;	/* the name or alias */
};

/*
 * The column an unknown header name likely means: one whose name or alias
 * (of two characters or more) the name contains, the longest, else one whose
 * name or alias contains it (of two characters or more), else one a single
 * edit (of a character) away, one more or less before one changed. Columns
 * present (taken[c]) are passed over.
 */
struct suggestion schema_suggest(const char *name, const struct column *cols, size_t ncols,
    const bool *taken);

#endif

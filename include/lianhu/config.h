/* config: lianhu.ini, an office's own column names and words for the rosters (SPEC 5.2). */
#ifndef LIANHU_CONFIG_H
#define LIANHU_CONFIG_H

#include <stdbool.h>

#include "lianhu/schema.h"
#include "lianhu/table.h"
#include "lianhu/util.h"

struct config {
	struct pool *pool;	/* keys and targets */
	struct strmap headers;	/* folded local header -> index into targets */
	const char **targets;	/* the standard column names */
	size_t ntargets, targets_alloc;
	struct strmap statuses;	/* folded local word -> enum status_class */
	struct strmap kinds;	/* folded local word -> enum household_kind */
};

/* Initialises an empty configuration (no local names); release with config_release. */
void config_init(struct config *c);

/*
 * Reads the INI file at path (decoded like a roster) under the label; lines
 * it cannot use are errors [config] in diag. Returns -1 after a message when
 * the file cannot be read, else 0.
 */
int config_load(struct config *c, const char *path, const char *label, enum encoding enc);

/* The standard column name a local header stands for, or the header itself. */
const char *config_header(const struct config *c, const char *header);

/* The class of a local status word; false when the configuration has none. */
bool config_status(const struct config *c, const char *word, enum status_class *out);

/* The kind of a local kind word; false when the configuration has none. */
bool config_kind(const struct config *c, const char *word, enum household_kind *out);

/* Frees what the configuration holds. */
void config_release(struct config *c);

#endif

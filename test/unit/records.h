/* records: the records a table_read delivered, copied out of its callback, and the assertion on them. */
#ifndef LIANHU_TEST_RECORDS_H
#define LIANHU_TEST_RECORDS_H

#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/table.h"

#define MAX_RECORDS 32
#define MAX_FIELDS 16

/* The records a read delivered, copied out of the callback. */
struct rows {
	size_t n;
	long line[MAX_RECORDS];
	size_t count[MAX_RECORDS];
	char *field[MAX_RECORDS][MAX_FIELDS];
};

static inline void collect(void *ctx, const struct table_record *rec)
{
	struct rows *rows = ctx;

	ck_assert_uint_lt(rows->n, MAX_RECORDS);
	ck_assert_uint_le(rec->count, MAX_FIELDS);
	rows->line[rows->n] = rec->line;
	rows->count[rows->n] = rec->count;
	for (size_t i = 0; i < rec->count; i++) {
		rows->field[rows->n][i] = strdup(rec->fields[i]);
		ck_assert_ptr_nonnull(rows->field[rows->n][i]);
	}
	rows->n++;
}

static inline void rows_free(struct rows *rows)
{
	for (size_t r = 0; r < rows->n; r++)
		for (size_t i = 0; i < rows->count[r]; i++)
			free(rows->field[r][i]);
	memset(rows, 0, sizeof(*rows));
}

/* Asserts record r: its start line and its fields (NULL-terminated list). */
static inline void expect_record(const struct rows *rows, size_t r, long line, ...)
{
	va_list ap;
	size_t i = 0;
	const char *want;

	ck_assert_uint_lt(r, rows->n);
	ck_assert_int_eq(rows->line[r], line);
	va_start(ap, line);
	while ((want = va_arg(ap, const char *)) != NULL) {
		ck_assert_uint_lt(i, rows->count[r]);
		ck_assert_str_eq(rows->field[r][i], want);
		i++;
	}
	va_end(ap);
	ck_assert_uint_eq(rows->count[r], i);
}

#endif

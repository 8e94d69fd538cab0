/* text: UTF-8 one character at a time: decoding, names compared, display columns, escaping, aligned tables. */
#ifndef LIANHU_TEXT_H
#define LIANHU_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Decodes the UTF-8 character at s into *cp and returns its length in bytes
 * (1 to 4); a byte that starts no character, or a sequence cut short, is a
 * character of its own, U+DC00 + the byte. Never reads past a NUL.
 */
size_t utf8_decode(const char *s, uint32_t *cp);

/* Writes code point cp (at most U+10FFFF) as UTF-8 at out, room for 4 bytes; returns the bytes written. */
size_t utf8_encode(char *out, uint32_t cp);

/* The next code point of *s (as utf8_decode decodes it), advancing *s. */
uint32_t utf8_next(const char **s);

/* The next code point folded for comparing names: ASCII case, full-width forms (（ ／ Ａ) as ASCII. */
uint32_t utf8_next_folded(const char **s);

/* True when a and b are the same text but for ASCII case and full-width forms. */
bool text_same(const char *a, const char *b);

/* True when s equals one of the NULL-terminated words, ignoring ASCII case and full-width forms. */
bool word_in(const char *s, const char *const *words);

/* Columns a terminal gives UTF-8 text: East Asian wide and fullwidth characters 2, combining marks 0. */
size_t display_width(const char *s);

/* Writes s through put with at most max display columns, ending in "…" when cut. */
void put_clipped(FILE *fp, const char *s, size_t max, void (*put)(FILE *, const char *));

/* Writes text escaped for HTML content and attribute values. */
void html_put(FILE *fp, const char *s);

/*
 * Writes text escaped for a Markdown table cell or heading: punctuation that
 * could format is backslashed, line breaks and tabs become spaces.
 */
void md_put(FILE *fp, const char *s);

/* An aligned text table, built cell by cell, row by row. */
struct text_table {
	size_t ncols;
	bool *right;		/* per column: aligned right (numbers) */
	char **cells;		/* row-major; a row of NULLs is a rule */
	size_t ncells, cells_alloc;
};

/* Starts a table of ncols columns, all aligned left; release with text_table_release. */
void text_table_init(struct text_table *t, size_t ncols);

/* Appends the next cell (copied; control characters, C1 too, become spaces). */
void text_table_add(struct text_table *t, const char *cell);

/* Appends a rule across the table. */
void text_table_rule(struct text_table *t);

/* Prints the table, columns two spaces apart, padded by display width, no trailing spaces. */
void text_table_print(const struct text_table *t, FILE *fp);

/* Frees the table's cells. */
void text_table_release(struct text_table *t);

#endif

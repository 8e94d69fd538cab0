/* util: allocation that never fails, string pools and string maps. */
#ifndef LIANHU_UTIL_H
#define LIANHU_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Writes s to fp with every control character escaped (C0 as \n, \r, \t or
 * \xHH, DEL as \x7f, C1 as \u0080..\u009f), so that no value from a roster
 * can move the cursor, retitle the terminal or forge a line of diagnostics
 * or text output.
 */
void fput_visible(const char *s, FILE *fp);

/* Prints one finding of text output, FILE:LINE: CODE: MESSAGE, control characters escaped. */
void finding_print(FILE *fp, const char *file, long line, const char *code, const char *message);

/* Allocators that exit with a message when memory runs out (or count * size overflows); free with free(). */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);

/* Grows *array (of *alloc elements of elem_size), doubling, so that index need-1 fits. */
void grow_array(void **array, size_t *alloc, size_t need, size_t elem_size);
#define GROW(array, alloc, need) \
	((need) > (alloc) ? grow_array((void **)&(array), &(alloc), (need), sizeof(*(array))) \
	    : (void)0)

/* Sizes *array (of *alloc elements of elem_size) to exactly need elements when it holds fewer. */
void reserve_array(void **array, size_t *alloc, size_t need, size_t elem_size);
#define RESERVE(array, alloc, need) \
	reserve_array((void **)&(array), &(alloc), (need), sizeof(*(array)))

/* An arena of NUL-terminated strings that live until pool_free. */
struct pool;

/* Returns a new pool; free with pool_free. */
struct pool *pool_new(void);

/* Copies len bytes of s into the pool and returns the NUL-terminated copy. */
const char *pool_strndup(struct pool *p, const char *s, size_t len);

/* Frees the pool and every string in it; accepts NULL. */
void pool_free(struct pool *p);

/* A hash map from strings (not owned) to non-negative ints. */
struct strmap_slot {
	const char *key;	/* NULL: empty */
	uint32_t hash;
	int value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t mask;	/* capacity - 1, capacity a power of two */
	size_t count;
};

/* Initialises an empty map. */
void strmap_init(struct strmap *m);

/* Makes room for n keys in all, so that filling the map never rehashes. */
void strmap_reserve(struct strmap *m, size_t n);

/* Returns the value stored for key, or -1. */
int strmap_get(const struct strmap *m, const char *key);

/* Stores value for key unless key is there; returns the value now stored. */
int strmap_put(struct strmap *m, const char *key, int value);

/*
 * The key's hash, with the slot where the map looks for it fetched into the
 * cache meanwhile: a reader calls it as a row comes and strmap_put_hashed
 * once the row is checked, so that the probe of a big map rarely waits.
 */
uint32_t strmap_prefetch(const struct strmap *m, const char *key);

/* strmap_put for a key whose hash strmap_prefetch gave. */
int strmap_put_hashed(struct strmap *m, const char *key, uint32_t hash, int value);

/* Releases the map's memory, not the keys. */
void strmap_release(struct strmap *m);

/*
 * Keyed hash (SipHash-1-3, key random per run) of a NUL-terminated string, so
 * that no roster can be built whose IDs collide in a string map; never the
 * basis of an output order (maps are only looked up, never walked).
 */
uint64_t str_hash(const char *s);

/* Trims ASCII white space and U+3000 (ideographic space) from both ends in place; returns the new length. */
size_t trim_span(const char **s, size_t len);

/* Parses a non-negative decimal integer up to max; returns false on anything else. */
bool parse_count(const char *s, long max, long *out);

/* Today's date as YYYY-MM-DD in out: local time, or SOURCE_DATE_EPOCH (UTC) when set (reproducible output). */
void today_iso(char out[11]);

/* Edits (insert, delete, change a byte, swap two neighbours) from a to b; SIZE_MAX when either passes 64 bytes. */
size_t edit_distance(const char *a, const char *b);

#endif

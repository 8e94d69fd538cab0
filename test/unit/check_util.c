/* check_util: the string map stays fast on IDs chosen to collide; control characters are shown escaped. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/util.h"
#include "old_hash.h"
#include "scratch.h"

#define NCRAFTED 2000

/* Household IDs whose old hashes share their low 12 bits: one cluster in any table up to 4096 slots. */
static char (*crafted_ids(void))[16]
{
	char (*ids)[16] = calloc(NCRAFTED, sizeof(*ids));
	size_t n = 0;

	ck_assert_ptr_nonnull(ids);
	char id[] = "H000000000";

	while (n < NCRAFTED) {
		for (int d = 9; d > 0 && ++id[d] > '9'; d--)	/* the next ID, counting in decimal */
			id[d] = '0';
		if ((old_hash(id) & 0xfff) == 0)
			memcpy(ids[n++], id, sizeof(id));
	}
	return ids;
}

/* The longest distance from a key's home slot to where it sits. */
static size_t longest_probe(const struct strmap *m)
{
	size_t longest = 0;

	for (size_t i = 0; i <= m->mask; i++) {
		if (m->slots[i].key == NULL)
			continue;
		size_t home = m->slots[i].hash & m->mask, d = (i - home) & m->mask;

		if (d > longest)
			longest = d;
	}
	return longest;
}

/* With the old hash these IDs would sit in one run of 2000 slots; keyed, no probe comes near. */
START_TEST(crafted_collisions)
{
	char (*ids)[16] = crafted_ids();
	struct strmap m;

	strmap_init(&m);
	for (int i = 0; i < NCRAFTED; i++)
		ck_assert_int_eq(strmap_put(&m, ids[i], i), i);
	ck_assert_uint_eq(m.count, NCRAFTED);
	ck_assert_uint_lt(longest_probe(&m), 64);
	for (int i = 0; i < NCRAFTED; i++)
		ck_assert_int_eq(strmap_get(&m, ids[i]), i);
	ck_assert_int_eq(strmap_get(&m, "H"), -1);
	strmap_release(&m);
	free(ids);
}
END_TEST

/* A map sized up front holds its keys without growing, and finds every one. */
START_TEST(reserve)
{
	char keys[1000][8];
	struct strmap m;
	size_t mask;

	strmap_init(&m);
	strmap_reserve(&m, 1000);
	mask = m.mask;
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "%d", i);
		strmap_put(&m, keys[i], i);
	}
	ck_assert_uint_eq(m.mask, mask);
	for (int i = 0; i < 1000; i++)
		ck_assert_int_eq(strmap_get(&m, keys[i]), i);
	ck_assert_int_eq(strmap_put(&m, "7", 99), 7);	/* a key there keeps its value */
	strmap_release(&m);
}
END_TEST

/* Keys of every length up to three SipHash words hash apart and are found. */
START_TEST(lengths)
{
	char keys[30][32];
	struct strmap m;

	strmap_init(&m);
	for (int i = 0; i < 30; i++) {
		memset(keys[i], 'x', (size_t)i);
		keys[i][i] = '\0';
		ck_assert_int_eq(strmap_put(&m, keys[i], i), i);
	}
	for (int i = 0; i < 30; i++)
		ck_assert_int_eq(strmap_get(&m, keys[i]), i);
	strmap_release(&m);
}
END_TEST

/* What fput_visible writes for s. */
static char *visible(const char *s)
{
	static char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	ck_assert_ptr_nonnull(fp);
	fput_visible(s, fp);
	fclose(fp);
	return buf;
}

START_TEST(control_characters)
{
	ck_assert_str_eq(visible("B\033]0;x\007"), "B\\x1b]0;x\\x07");
	ck_assert_str_eq(visible("a\nb\rc\td\177"), "a\\nb\\rc\\td\\x7f");
	ck_assert_str_eq(visible("\302\2331m"), "\\u009b1m");
	ck_assert_str_eq(visible("王芳 \\ é"), "王芳 \\ é");	/* text and backslashes as they are */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, crafted_collisions);
	tcase_add_test(tc, reserve);
	tcase_add_test(tc, lengths);
	tcase_add_test(tc, control_characters);
	suite_add_tcase(s, tc);
	return scratch_main(s);
}

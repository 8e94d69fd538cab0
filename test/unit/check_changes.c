/* check_changes: diff's pairing, reasons and notices by member, against a recount on random mappings. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/changes.h"

/* H1..H4 in the roster, in walking order H2 (room 1), H1 (room 2), H3, H4; members M2 then M1. */
static void roster(struct roster *r)
{
	scratch_roster(r, "building_id,grid_id\nB1,G1\n",
	    "household_id,building_id,room\nH1,B1,2\nH2,B1,1\nH3,B1,3\nH4,B1,4\n",
	    "member_id,building_id\nM2,B1\nM1,B1\n");
}

START_TEST(reasons_tell_left_from_lost)
{
	static const char *const old_rows[] = {
		"H1", "M1", "H2", "M1", "H3", "M2", "H4", "", "HX", "M1", NULL
	};
	static const char *const new_rows[] = {
		"H1", "M2", "H3", "", "H4", "M1", "HX", "", "H5", "M9", NULL
	};
	struct roster r;
	struct mapping old, new;
	struct changes c;

	roster(&r);
	scratch_mapping(&old, old_rows);
	scratch_mapping(&new, new_rows);
	changes_build(&c, &old, &new, &r);
	ck_assert_uint_eq(c.n, 6);
	ck_assert_int_eq(c.list[0].kind, CHANGE_CHANGED);		/* H1 M1 -> M2 */
	ck_assert_int_eq(c.list[1].reason, REASON_LEFT_ROSTER);	/* H2: no row now */
	ck_assert_int_eq(c.list[2].reason, REASON_LOST_CONTACT);	/* H3: a row, no member */
	ck_assert_int_eq(c.list[3].reason, REASON_GAINED_CONTACT);	/* H4 */
	ck_assert_int_eq(c.list[4].reason, REASON_LEFT_ROSTER);	/* HX: not in the roster */
	ck_assert_int_eq(c.list[5].reason, REASON_NEW_HOUSEHOLD);	/* H5 */
	/* M2 (members.csv first): takes H1, hands over H3; M1: takes H4, hands over H2 then H1 (walking
	 * order) and HX (not in the roster: last); M9 (unknown) last. */
	ck_assert_uint_eq(c.nnotices, 3);
	ck_assert_str_eq(c.notices[0].member_id, "M2");
	ck_assert_str_eq(c.notices[1].member_id, "M1");
	ck_assert_str_eq(c.notices[2].member_id, "M9");
	ck_assert_uint_eq(c.notices[1].nadded, 1);
	ck_assert_uint_eq(c.notices[1].ntaken, 3);
	ck_assert_str_eq(c.list[c.items[c.notices[1].first + 1]].household, "H2");
	ck_assert_str_eq(c.list[c.items[c.notices[1].first + 2]].household, "H1");
	ck_assert_str_eq(c.list[c.items[c.notices[1].first + 3]].household, "HX");
	changes_release(&c);
	mapping_release(&old);
	mapping_release(&new);
	roster_release(&r);
}
END_TEST

static const char *const households[] = { "H1", "H2", "H3", "H4", "H5" };
static const char *const members[] = { "", "M1", "M2", "M9" };

/* A random mapping: up to 8 rows over five households and four members (one empty). */
static void random_rows(const char **rows, unsigned *seed)
{
	int n = rand_r(seed) % 9, k = 0;

	for (int i = 0; i < n; i++) {
		rows[k++] = households[rand_r(seed) % 5];
		rows[k++] = members[rand_r(seed) % 4];
	}
	rows[k] = NULL;
}

/* The first member a mapping gives household h, or NULL when it has no row. */
static const char *first_member(const char *const *rows, const char *h)
{
	for (; rows[0]; rows += 2)
		if (strcmp(rows[0], h) == 0)
			return rows[1];
	return NULL;
}

START_TEST(counts_and_notices_agree_with_a_recount)
{
	struct roster r;
	unsigned seed = 13;

	roster(&r);
	for (int round = 0; round < 300; round++) {
		const char *old_rows[17], *new_rows[17];
		struct mapping old, new;
		struct changes c;
		long kinds[CHANGE_KINDS] = { 0 };
		size_t items = 0, listed = 0;

		random_rows(old_rows, &seed);
		random_rows(new_rows, &seed);
		scratch_mapping(&old, old_rows);
		scratch_mapping(&new, new_rows);
		changes_build(&c, &old, &new, &r);
		for (int h = 0; h < 5; h++) {
			const char *o = first_member(old_rows, households[h]);
			const char *w = first_member(new_rows, households[h]);

			if (o == NULL && w == NULL)
				continue;
			o = o ? o : "";
			w = w ? w : "";
			kinds[strcmp(o, w) == 0 ? CHANGE_NONE : !*o ? CHANGE_ADDED : !*w ?
			    CHANGE_REMOVED : CHANGE_CHANGED]++;
		}
		for (int k = 0; k < CHANGE_KINDS; k++)
			ck_assert_int_eq(c.counts[k], kinds[k]);
		items = (size_t)(kinds[CHANGE_ADDED] + kinds[CHANGE_REMOVED] + 2 * kinds[CHANGE_CHANGED]);
		for (size_t i = 0; i < c.nnotices; i++) {
			const struct notice *nt = &c.notices[i];

			for (size_t k = 0; k < nt->nadded + nt->ntaken; k++) {
				const struct change *ch = &c.list[c.items[nt->first + k]];

				ck_assert_str_eq(k < nt->nadded ? ch->new : ch->old, nt->member_id);
				ck_assert_int_ne(ch->kind, CHANGE_NONE);
			}
			listed += nt->nadded + nt->ntaken;
		}
		ck_assert_uint_eq(listed, items);
		changes_release(&c);
		mapping_release(&old);
		mapping_release(&new);
	}
	roster_release(&r);
}
END_TEST

static Suite *changes_suite(void)
{
	Suite *s = suite_create("changes");
	TCase *t = tcase_create("changes");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, reasons_tell_left_from_lost);
	tcase_add_test(t, counts_and_notices_agree_with_a_recount);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(changes_suite());
}

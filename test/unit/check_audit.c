/* check_audit: SPEC §4's findings, coverage and loads of a hand-made mapping against a roster. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "lianhu/audit.h"
#include "lianhu/render_audit.h"

/* 甲村 holds B1 and B2, 乙村 B3; M1 takes one household, M3 is inactive, M5 has capacity 0. */
static void roster(struct roster *r)
{
	scratch_roster(r, "building_id,grid_id,community,township\n"
	    "B1,G1,甲村,镇\nB2,G2,甲村,镇\nB3,G3,乙村,镇\n",
	    "household_id,building_id,priority,kind\n"
	    "h1,B1,低保,\nh2,B1,,\nh3,B2,,\nh4,B3,,\nh5,B3,,vacant\nh6,B2,,\n",
	    "member_id,building_id,capacity,status\n"
	    "M1,B1,1,\nM2,B3,,\nM3,B2,,inactive\nM4,B2,,\nM5,B1,0,\n");
}

/* One row of each kind of fault, a vacant household's row and a row without a member. */
static const char *const rows[] = {
	"h1", "M1",	/* covers h1 */
	"h2", "M1",	/* covers h2, one more than M1's capacity */
	"h3", "M3",	/* inactive */
	"h1", "M2",	/* h1 named twice; M2 lives in another village */
	"hx", "M1",	/* no such household */
	"h4", "MX",	/* no such member */
	"h5", "M2",	/* vacant: neither covers nor loads */
	"h6", "",	/* no contact */
	NULL,
};

static int member(const struct roster *r, const char *id)
{
	return strmap_get(&r->member_ids, id);
}

START_TEST(every_finding_once)
{
	struct roster r;
	struct mapping map;
	struct audit a;
	static const enum finding_code order[] = {
		FIND_OVERLOADED, FIND_INELIGIBLE, FIND_OUT_OF_SCOPE, FIND_MULTIPLE,
		FIND_UNKNOWN_HOUSEHOLD, FIND_UNKNOWN_MEMBER, FIND_UNCOVERED, FIND_UNCOVERED,
		FIND_UNCOVERED, FIND_IDLE,
	};

	roster(&r);
	scratch_mapping(&map, rows);
	roster_apply(&r, TIER_COMMUNITY, 15);
	audit_run(&a, &r, &map);
	ck_assert_int_eq(a.households, 5);	/* h5 is vacant */
	ck_assert_int_eq(a.covered, 2);
	ck_assert_int_eq(a.priority_covered, 1);
	ck_assert_int_eq(a.eligible, 3);	/* M1, M2, M4 */
	ck_assert_uint_eq(a.nfindings, sizeof(order) / sizeof(order[0]));
	for (size_t i = 0; i < a.nfindings; i++)
		ck_assert_msg(a.findings[i].code == order[i], "finding %zu is %s", i,
		    finding_name(a.findings[i].code));
	ck_assert_int_eq(a.counts[FIND_UNCOVERED], 3);
	ck_assert_int_eq(a.counts[FIND_IDLE], 1);
	ck_assert_int_eq(a.findings[0].line, 3);
	ck_assert_str_eq(a.findings[9].member_id, "M4");
	ck_assert_int_eq(a.contact[0], member(&r, "M1"));
	ck_assert_int_eq(a.contact[2], -1);
	ck_assert_int_eq(a.load[member(&r, "M1")], 2);	/* hx is not a roster household */
	ck_assert_int_eq(a.load[member(&r, "M2")], 1);	/* out of scope, still named */
	audit_release(&a);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

/*
 * A contact array is audited as the mapping of one row per household with a
 * contact: the same coverage, loads and findings, only without lines.
 */
START_TEST(contacts_as_their_mapping)
{
	static const char *const pairs[] = {
		"h1", "M1", "h2", "M1", "h3", "M3", "h4", "M1", "h5", "M2", "h6", "", NULL
	};
	struct roster r;
	struct mapping map;
	struct audit by_rows, by_contacts;
	int contact[6];

	roster(&r);
	roster_apply(&r, TIER_COMMUNITY, 15);
	scratch_mapping(&map, pairs);
	for (int h = 0; h < 6; h++)
		contact[h] = member(&r, pairs[2 * h + 1]);
	audit_run(&by_rows, &r, &map);
	audit_contacts(&by_contacts, &r, contact);
	ck_assert_int_eq(by_contacts.covered, 2);	/* h1, h2 (M1 overloaded); h3 and h4 refused */
	ck_assert_int_eq(by_contacts.covered, by_rows.covered);
	ck_assert_int_eq(by_contacts.priority_covered, by_rows.priority_covered);
	ck_assert_int_eq(by_contacts.households, by_rows.households);
	ck_assert_int_eq(by_contacts.priority_households, 1);
	ck_assert_int_eq(by_contacts.eligible, by_rows.eligible);
	for (size_t h = 0; h < r.nhouseholds; h++)
		ck_assert_int_eq(by_contacts.contact[h], by_rows.contact[h]);
	for (size_t m = 0; m < r.nmembers; m++)
		ck_assert_int_eq(by_contacts.load[m], by_rows.load[m]);
	ck_assert_uint_eq(by_contacts.nfindings, by_rows.nfindings);
	for (size_t i = 0; i < by_rows.nfindings; i++) {
		ck_assert_int_eq(by_contacts.findings[i].code, by_rows.findings[i].code);
		ck_assert_int_eq(by_contacts.findings[i].household, by_rows.findings[i].household);
		ck_assert_int_eq(by_contacts.findings[i].member, by_rows.findings[i].member);
		ck_assert_int_eq(by_contacts.findings[i].line, 0);
	}
	ck_assert_int_eq(by_contacts.counts[FIND_OUT_OF_SCOPE], 1);
	ck_assert_int_eq(by_contacts.counts[FIND_OVERLOADED], 1);
	audit_release(&by_rows);
	audit_release(&by_contacts);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

START_TEST(messages_name_the_reason)
{
	struct roster r;
	struct mapping map;
	struct audit a;

	roster(&r);
	scratch_mapping(&map, rows);
	roster_apply(&r, TIER_COMMUNITY, 15);
	audit_run(&a, &r, &map);
	ck_assert_str_eq(finding_message(&a.findings[0], &r),
	    "member 'M1' is named on more rows than its capacity 1");
	ck_assert_str_eq(finding_message(&a.findings[1], &r),
	    "member 'M3' (of household 'h3') is not eligible (status inactive)");
	ck_assert_str_eq(finding_message(&a.findings[2], &r),
	    "member 'M2' is too far from household 'h1' (township)");
	ck_assert_str_eq(finding_name(a.findings[3].code), "multiple-contacts");
	audit_release(&a);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

START_TEST(scope_and_capacity_decide)
{
	struct roster r;
	struct mapping map;
	struct audit a;
	static const char *const capacity_zero[] = { "h1", "M5", "h3", "M4", NULL };

	roster(&r);
	scratch_mapping(&map, rows);
	roster_apply(&r, TIER_TOWNSHIP, 15);
	audit_run(&a, &r, &map);	/* the other village is within reach now */
	ck_assert_int_eq(a.counts[FIND_OUT_OF_SCOPE], 0);
	ck_assert_int_eq(a.covered, 2);		/* h1 was covered by its first row already */
	audit_release(&a);
	roster_apply(&r, TIER_BUILDING, 15);
	audit_run(&a, &r, &map);
	ck_assert_int_eq(a.counts[FIND_OUT_OF_SCOPE], 1);
	ck_assert_int_eq(a.covered, 2);
	audit_release(&a);
	mapping_release(&map);

	scratch_mapping(&map, capacity_zero);
	roster_apply(&r, TIER_COMMUNITY, 15);
	audit_run(&a, &r, &map);
	ck_assert_int_eq(a.counts[FIND_INELIGIBLE], 1);
	ck_assert_str_eq(finding_message(&a.findings[0], &r),
	    "member 'M5' (of household 'h1') is not eligible (capacity 0)");
	ck_assert_int_eq(a.contact[strmap_get(&r.household_ids, "h3")], member(&r, "M4"));
	audit_release(&a);
	roster_apply(&r, TIER_COMMUNITY, 0);
	audit_run(&a, &r, &map);	/* --max-load 0: only own capacities count */
	ck_assert_int_eq(a.eligible, 1);		/* M1 */
	ck_assert_int_eq(a.covered, 0);
	audit_release(&a);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

START_TEST(findings_as_csv)
{
	struct roster r;
	struct mapping map;
	struct audit a;
	struct output o;
	const char *const inputs[] = { NULL };
	char text[1024] = "";
	const char *head = "code,household_id,member_id,file,line,message\n"
	    "overloaded,h2,M1,mapping.csv,3,member 'M1' is named on more rows than its capacity 1\n";
	FILE *fp;

	roster(&r);
	scratch_mapping(&map, rows);
	map.path = xstrdup("mapping.csv");
	roster_apply(&r, TIER_COMMUNITY, 15);
	audit_run(&a, &r, &map);
	ck_assert_int_eq(output_open(&o, scratch_path("findings.csv"), inputs), 0);
	audit_write(&o, RENDER_CSV, &a, &r, &map);
	ck_assert_int_eq(output_commit(&o), 0);
	ck_assert_ptr_nonnull(fp = fopen(scratch_path("findings.csv"), "r"));
	ck_assert_uint_gt(fread(text, 1, sizeof(text) - 1, fp), 0);
	fclose(fp);
	/* The header, then the first finding at its mapping line; findings without one at their roster line. */
	ck_assert_msg(strncmp(text, head, strlen(head)) == 0, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "\nidle-member,,M4,"));
	ck_assert_ptr_nonnull(strstr(text, "members.csv,5,member 'M4' has no household\n"));
	audit_release(&a);
	mapping_release(&map);
	roster_release(&r);
}
END_TEST

static Suite *audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *t = tcase_create("audit");

	tcase_add_checked_fixture(t, scratch_fresh_diag, scratch_fresh_diag);
	tcase_add_test(t, every_finding_once);
	tcase_add_test(t, contacts_as_their_mapping);
	tcase_add_test(t, messages_name_the_reason);
	tcase_add_test(t, scope_and_capacity_decide);
	tcase_add_test(t, findings_as_csv);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return scratch_main(audit_suite());
}

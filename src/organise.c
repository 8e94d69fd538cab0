/* organise: Party groups on grids, leaders, branch secretaries and each building's responsible member (SPEC 5.6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/organise.h"

static const enum diag_code codes[ORG_COUNT] = {
	DIAG_GRID_WITHOUT_GROUP, DIAG_GROUP_WITHOUT_LEADER, DIAG_SMALL_GROUP,
	DIAG_COMMUNITY_WITHOUT_SECRETARY, DIAG_BUILDING_WITHOUT_MEMBER,
};

const char *organise_code_name(enum organise_code code)
{
	return diag_name(codes[code]);
}

long organise_faults(const struct organise *o)
{
	return (long)o->nfindings - o->counts[ORG_SMALL_GROUP];
}

/* Two indices, sorted and counted in runs: (grid, group) and (building, member) pairs. */
struct pair {
	int a, b;
};

static int compare_pairs(const void *pa, const void *pb)
{
	const struct pair *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static void add(struct organise *o, enum organise_code code, int unit, enum roster_file file,
    long line)
{
	GROW(o->findings, o->findings_alloc, o->nfindings + 1);
	o->findings[o->nfindings++] = (struct organise_finding){ code, unit, file, line };
	o->counts[code]++;
}

/* Gives each member with a group its group, a group being its name in the member's community. */
static void find_groups(struct organise *o, const struct roster *r)
{
	struct strmap ids;

	strmap_init(&ids);
	o->member_group = xmalloc((r->nmembers + 1) * sizeof(*o->member_group));
	for (size_t m = 0; m < r->nmembers; m++) {
		const struct member *mm = &r->members[m];
		int c = member_community(r, mm), t = member_township(r, mm), g;
		char *key;

		o->member_group[m] = -1;
		if (!*mm->group)
			continue;
		key = xmalloc(strlen(mm->group) + 32);
		sprintf(key, "%d\x1f%d\x1f%s", c, t, mm->group);
		if ((g = strmap_get(&ids, key)) < 0) {
			GROW(o->groups, o->groups_alloc, o->ngroups + 1);
			o->groups[o->ngroups] = (struct party_group){ .name = mm->group,
			    .community = c, .township = t, .first_member = (int)m };
			g = strmap_put(&ids, pool_strndup(o->pool, key, strlen(key)), (int)o->ngroups++);
		}
		free(key);
		o->member_group[m] = g;
		o->groups[g].members++;
		o->groups[g].has_leader |= (mm->roles & ROLE_GROUP_LEADER) != 0;
	}
	strmap_release(&ids);
}

/* The names of served_groups[from .. to) joined with "、", kept in the pool. */
static const char *join_names(struct organise *o, size_t from, size_t to)
{
	size_t len = 0;
	char *s, *end;
	const char *kept;

	for (size_t i = from; i < to; i++)
		len += strlen(o->groups[o->served_groups[i]].name) + strlen("、");
	end = s = xmalloc(len + 1);
	*s = '\0';
	for (size_t i = from; i < to; i++)
		end = stpcpy(stpcpy(end, i == from ? "" : "、"), o->groups[o->served_groups[i]].name);
	kept = pool_strndup(o->pool, s, (size_t)(end - s));
	free(s);
	return kept;
}

/* The groups serving each grid (a member of the group lives in it), as indices and as joined names. */
static void find_served(struct organise *o, const struct roster *r)
{
	struct pair *p = xmalloc((r->nmembers + 1) * sizeof(*p));
	size_t n = 0, k = 0;

	for (size_t m = 0; m < r->nmembers; m++)
		if (o->member_group[m] >= 0)
			p[n++] = (struct pair){ r->members[m].grid, o->member_group[m] };
	qsort(p, n, sizeof(*p), compare_pairs);
	o->served_first = xcalloc(r->ngrids + 1, sizeof(*o->served_first));
	o->served_groups = xmalloc((n + 1) * sizeof(*o->served_groups));
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && p[i].a == p[i - 1].a && p[i].b == p[i - 1].b)
			continue;
		o->served_groups[k++] = p[i].b;
		o->served_first[p[i].a + 1] = k;
	}
	for (size_t g = 1; g <= r->ngrids; g++)
		if (o->served_first[g] < o->served_first[g - 1])
			o->served_first[g] = o->served_first[g - 1];
	o->served_by = xmalloc((r->ngrids + 1) * sizeof(*o->served_by));
	for (size_t g = 0; g < r->ngrids; g++)
		o->served_by[g] = join_names(o, o->served_first[g], o->served_first[g + 1]);
	free(p);
}

/* Each building's responsible member: the contact of most of its households, ties to the first member. */
static void find_responsible(struct organise *o, const struct roster *r, const int *contact)
{
	struct pair *p = xmalloc((r->nhouseholds + 1) * sizeof(*p));
	size_t n = 0;

	for (size_t h = 0; h < r->nhouseholds; h++)
		if (contact[h] >= 0)
			p[n++] = (struct pair){ r->households[h].building, contact[h] };
	qsort(p, n, sizeof(*p), compare_pairs);
	o->responsible = xmalloc((r->nbuildings + 1) * sizeof(*o->responsible));
	for (size_t b = 0; b < r->nbuildings; b++)
		o->responsible[b] = -1;
	for (size_t i = 0, j, most = 0; i < n; i = j) {
		for (j = i; j < n && p[j].a == p[i].a && p[j].b == p[i].b; j++)
			;
		if (i == 0 || p[i].a != p[i - 1].a)
			most = 0;
		if (j - i > most) {	/* members in members.csv order: the first keeps a tie */
			most = j - i;
			o->responsible[p[i].a] = p[i].b;
		}
	}
	free(p);
}

/* The buildings each member is responsible for, in buildings.csv order (a counting sort). */
static void find_member_buildings(struct organise *o, const struct roster *r)
{
	size_t *first = xcalloc(r->nmembers + 2, sizeof(*first));

	o->member_buildings = xmalloc((r->nbuildings + 1) * sizeof(*o->member_buildings));
	for (size_t b = 0; b < r->nbuildings; b++)
		if (o->responsible[b] >= 0)
			first[o->responsible[b] + 2]++;
	for (size_t m = 0; m < r->nmembers; m++)
		first[m + 2] += first[m + 1];
	for (size_t b = 0; b < r->nbuildings; b++)
		if (o->responsible[b] >= 0)
			o->member_buildings[first[o->responsible[b] + 1]++] = (int)b;
	o->member_first = first;
}

/* Each counted household's contact: its first row's member when known, eligible and within scope. */
static int *counted_contacts(const struct roster *r, const struct mapping *map)
{
	int *contact = mapping_first_contacts(map, r);

	for (size_t h = 0; h < r->nhouseholds; h++) {
		const struct household *hh = &r->households[h];
		int m = contact[h];

		if (hh->kind == KIND_VACANT || (m >= 0 &&
		    (!r->members[m].eligible || roster_tier(r, hh->building, &r->members[m]) > r->scope)))
			contact[h] = -1;
	}
	return contact;
}

/* What the units hold: counted households per grid, building and community; members, secretaries. */
struct tally {
	long *grid_households, *community_households, *community_members;
	int *community_member;		/* first member living in the community, or -1 */
	int *community_building;	/* first building of the community, or -1 */
	bool *community_secretary;
};

static void tally_units(struct tally *t, long *building_households, const struct roster *r)
{
	t->grid_households = xcalloc(r->ngrids + 1, sizeof(long));
	t->community_households = xcalloc(r->ncommunities + 1, sizeof(long));
	t->community_members = xcalloc(r->ncommunities + 1, sizeof(long));
	t->community_member = xmalloc((r->ncommunities + 1) * sizeof(int));
	t->community_building = xmalloc((r->ncommunities + 1) * sizeof(int));
	t->community_secretary = xcalloc(r->ncommunities + 1, sizeof(bool));
	for (size_t c = 0; c < r->ncommunities; c++)
		t->community_member[c] = t->community_building[c] = -1;
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int b = r->households[h].building, g = r->buildings[b].grid;

		if (r->households[h].kind == KIND_VACANT)
			continue;
		t->grid_households[g]++;
		building_households[b]++;
		if (r->grids[g].community >= 0)
			t->community_households[r->grids[g].community]++;
	}
	for (size_t b = r->nbuildings; b-- > 0;) {
		int c = r->grids[r->buildings[b].grid].community;

		if (c >= 0)
			t->community_building[c] = (int)b;
	}
	for (size_t m = r->nmembers; m-- > 0;) {
		int c = member_community(r, &r->members[m]);

		if (c < 0)
			continue;
		t->community_members[c]++;
		t->community_member[c] = (int)m;
		t->community_secretary[c] |= (r->members[m].roles & ROLE_SECRETARY) != 0;
	}
}

static void tally_release(struct tally *t)
{
	free(t->grid_households);
	free(t->community_households);
	free(t->community_members);
	free(t->community_member);
	free(t->community_building);
	free(t->community_secretary);
}

/* The findings of SPEC 5.6, by code, each in the order of its units. */
static void find_gaps(struct organise *o, const struct roster *r, const struct tally *t)
{
	for (size_t g = 0; g < r->ngrids; g++) {
		if (t->grid_households[g] == 0)
			continue;
		o->grids++;
		if (*o->served_by[g])
			o->grids_served++;
		else
			add(o, ORG_GRID_WITHOUT_GROUP, (int)g, FILE_BUILDINGS, r->grids[g].line);
	}
	for (size_t k = 0; k < o->ngroups; k++) {
		long line = r->members[o->groups[k].first_member].line;

		if (o->groups[k].has_leader)
			o->groups_with_leader++;
		else
			add(o, ORG_GROUP_WITHOUT_LEADER, (int)k, FILE_MEMBERS, line);
	}
	for (size_t k = 0; k < o->ngroups; k++)
		if (o->groups[k].members < o->min_group)
			add(o, ORG_SMALL_GROUP, (int)k, FILE_MEMBERS,
			    r->members[o->groups[k].first_member].line);
	for (size_t c = 0; c < r->ncommunities; c++) {
		if (t->community_households[c] == 0 && t->community_members[c] == 0)
			continue;
		o->communities++;
		if (t->community_secretary[c])
			o->communities_with_secretary++;
		else if (t->community_member[c] >= 0)
			add(o, ORG_COMMUNITY_WITHOUT_SECRETARY, (int)c, FILE_MEMBERS,
			    r->members[t->community_member[c]].line);
		else
			add(o, ORG_COMMUNITY_WITHOUT_SECRETARY, (int)c, FILE_BUILDINGS,
			    r->buildings[t->community_building[c]].line);
	}
	for (size_t b = 0; b < r->nbuildings; b++) {
		if (o->building_households[b] == 0)
			continue;
		o->buildings++;
		if (o->responsible[b] >= 0)
			o->buildings_with_member++;
		else
			add(o, ORG_BUILDING_WITHOUT_MEMBER, (int)b, FILE_BUILDINGS, r->buildings[b].line);
	}
}

void organise_run(struct organise *o, const struct roster *r, const struct mapping *map,
    long min_group)
{
	int *contact = counted_contacts(r, map);
	struct tally t;

	memset(o, 0, sizeof(*o));
	o->pool = pool_new();
	o->min_group = min_group;
	find_groups(o, r);
	find_served(o, r);
	find_responsible(o, r, contact);
	find_member_buildings(o, r);
	o->building_households = xcalloc(r->nbuildings + 1, sizeof(long));
	tally_units(&t, o->building_households, r);
	find_gaps(o, r, &t);
	tally_release(&t);
	free(contact);
}

void organise_release(struct organise *o)
{
	free(o->groups);
	free(o->member_group);
	free(o->served_by);
	free(o->served_first);
	free(o->served_groups);
	free(o->responsible);
	free(o->building_households);
	free(o->member_first);
	free(o->member_buildings);
	free(o->findings);
	pool_free(o->pool);
	memset(o, 0, sizeof(*o));
}

static const char *community_name(const struct roster *r, int c)
{
	return c >= 0 ? r->communities[c].name : "";
}

static const char *township_name(const struct roster *r, int t)
{
	return t >= 0 ? r->townships[t] : "";
}

void organise_unit(const struct organise *o, const struct roster *r,
    const struct organise_finding *f, const char **id, const char **community,
    const char **township)
{
	const struct grid *g;

	switch (f->code) {
	case ORG_GRID_WITHOUT_GROUP:
	case ORG_BUILDING_WITHOUT_MEMBER:
		g = &r->grids[f->code == ORG_GRID_WITHOUT_GROUP ? f->unit : r->buildings[f->unit].grid];
		*id = f->code == ORG_GRID_WITHOUT_GROUP ? g->id : r->buildings[f->unit].id;
		*community = community_name(r, g->community);
		*township = township_name(r, g->township);
		return;
	case ORG_GROUP_WITHOUT_LEADER:
	case ORG_SMALL_GROUP:
		*id = o->groups[f->unit].name;
		*community = community_name(r, o->groups[f->unit].community);
		*township = township_name(r, o->groups[f->unit].township);
		return;
	case ORG_COMMUNITY_WITHOUT_SECRETARY:
		*id = *community = r->communities[f->unit].name;
		*township = township_name(r, r->communities[f->unit].township);
		return;
	case ORG_COUNT:
		break;
	}
	abort();
}

const char *organise_message(const struct organise *o, const struct roster *r,
    const struct organise_finding *f)
{
	static char buf[512];
	const char *id, *community, *township;
	long n;

	organise_unit(o, r, f, &id, &community, &township);
	switch (f->code) {
	case ORG_GRID_WITHOUT_GROUP:
		snprintf(buf, sizeof(buf), _("no Party group serves grid '%s'"), id);
		break;
	case ORG_GROUP_WITHOUT_LEADER:
		if (*community)
			snprintf(buf, sizeof(buf), _("group '%s' of '%s' has no group leader (党小组长)"),
			    id, community);
		else
			snprintf(buf, sizeof(buf), _("group '%s' has no group leader (党小组长)"), id);
		break;
	case ORG_SMALL_GROUP:
		n = o->groups[f->unit].members;
		if (*community)
			snprintf(buf, sizeof(buf), ngettext("group '%s' of '%s' has %ld member, fewer "
			    "than %ld", "group '%s' of '%s' has %ld members, fewer than %ld",
			    (unsigned long)n), id, community, n, o->min_group);
		else
			snprintf(buf, sizeof(buf), ngettext("group '%s' has %ld member, fewer than %ld",
			    "group '%s' has %ld members, fewer than %ld", (unsigned long)n), id, n,
			    o->min_group);
		break;
	case ORG_COMMUNITY_WITHOUT_SECRETARY:
		snprintf(buf, sizeof(buf), _("community '%s' has no branch secretary (书记)"), id);
		break;
	case ORG_BUILDING_WITHOUT_MEMBER:
		snprintf(buf, sizeof(buf), _("no household of building '%s' has a contact"), id);
		break;
	default:
		abort();
	}
	return buf;
}

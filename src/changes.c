/* changes: what changed between two mappings, household by household, and the notices it makes for members. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/changes.h"
#include "lianhu/util.h"

static const char *const kind_names[CHANGE_KINDS] = { "unchanged", "added", "removed", "changed" };

static const char *const reason_names[REASON_COUNT] = {
	"", "new-household", "gained-contact", "left-roster", "lost-contact"
};

const char *change_kind_name(enum change_kind k)
{
	return kind_names[k];
}

const char *change_reason_name(enum change_reason why)
{
	return reason_names[why];
}

/* A change a household of either mapping, in order of appearance, old file first (mapping_pair_up). */
static void pair_up(struct changes *c, const struct mapping *old, const struct mapping *new)
{
	struct mapping_pair *pairs;

	c->n = mapping_pair_up(old, new, &pairs);
	c->list = xmalloc((c->n + 1) * sizeof(*c->list));
	for (size_t i = 0; i < c->n; i++) {
		const struct mapping_row *was = pairs[i].old, *now = pairs[i].new;

		c->list[i] = (struct change){ pairs[i].household, was ? was->member_id : NULL,
		    now ? now->member_id : NULL, was ? was->building_id : "", CHANGE_NONE,
		    REASON_NONE, -1 };
	}
	free(pairs);
}

/* Settles each household's kind and reason; a NULL side means the mapping has no row for it. */
static void classify(struct changes *c, const struct roster *r)
{
	for (size_t i = 0; i < c->n; i++) {
		struct change *ch = &c->list[i];
		bool in_old = ch->old != NULL, in_new = ch->new != NULL;
		const char *o = in_old ? ch->old : "", *w = in_new ? ch->new : "";

		ch->h = r ? strmap_get(&r->household_ids, ch->household) : -1;
		ch->old = o;
		ch->new = w;
		ch->kind = strcmp(o, w) == 0 ? CHANGE_NONE : !*o ? CHANGE_ADDED :
		    !*w ? CHANGE_REMOVED : CHANGE_CHANGED;
		if (ch->kind == CHANGE_ADDED)
			ch->reason = in_old ? REASON_GAINED_CONTACT : REASON_NEW_HOUSEHOLD;
		else if (ch->kind == CHANGE_REMOVED)
			ch->reason = !in_new || (r && ch->h < 0) ? REASON_LEFT_ROSTER :
			    REASON_LOST_CONTACT;
		c->counts[ch->kind]++;
		c->reasons[ch->reason]++;
	}
}

/* One line of a member's notice, while sorting: whose, which way, which change. */
struct item {
	const char *member_id;
	int member;		/* roster index, -1 when not in the roster */
	bool taken;		/* handed over (else taken on) */
	size_t change;
};

/* Members in members.csv order, then unknown ones by ID; taken on before handed over; walking order. */
static int compare_items(const void *pa, const void *pb, void *ctx)
{
	const struct item *a = pa, *b = pb;
	const struct changes *c = ((const void *const *)ctx)[0];
	const struct roster *r = ((const void *const *)ctx)[1];
	const struct change *ca = &c->list[a->change], *cb = &c->list[b->change];
	int d;

	if ((a->member < 0) != (b->member < 0))
		return a->member < 0 ? 1 : -1;
	d = a->member >= 0 ? (a->member > b->member) - (a->member < b->member) :
	    strcmp(a->member_id, b->member_id);
	if (d != 0)
		return d;
	if (a->taken != b->taken)
		return a->taken ? 1 : -1;
	if ((ca->h < 0) != (cb->h < 0))
		return ca->h < 0 ? 1 : -1;
	if (ca->h >= 0 && (d = household_walk_compare(&ca->h, &cb->h, (void *)r)) != 0)
		return d;
	return (a->change > b->change) - (a->change < b->change);
}

/* Cuts the sorted items into one notice a member. */
static void make_notices(struct changes *c, const struct item *items, size_t n)
{
	size_t alloc = 0;

	c->items = xcalloc(n + 1, sizeof(*c->items));
	for (size_t i = 0; i < n; i++) {
		struct notice *last = c->nnotices ? &c->notices[c->nnotices - 1] : NULL;

		c->items[i] = items[i].change;
		if (last == NULL || strcmp(last->member_id, items[i].member_id) != 0) {
			GROW(c->notices, alloc, c->nnotices + 1);
			last = &c->notices[c->nnotices++];
			*last = (struct notice){ items[i].member_id, items[i].member, i, 0, 0 };
		}
		if (items[i].taken)
			last->ntaken++;
		else
			last->nadded++;
	}
}

/* Every member's part: a household taken on by its new contact, handed over by its old one. */
static void group_by_member(struct changes *c, const struct roster *r)
{
	struct item *items = xcalloc(2 * c->n + 1, sizeof(*items));
	const void *ctx[2] = { c, r };
	size_t n = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct change *ch = &c->list[i];

		if (ch->kind == CHANGE_NONE)
			continue;
		if (*ch->new)
			items[n++] = (struct item){ ch->new,
			    r ? strmap_get(&r->member_ids, ch->new) : -1, false, i };
		if (*ch->old)
			items[n++] = (struct item){ ch->old,
			    r ? strmap_get(&r->member_ids, ch->old) : -1, true, i };
	}
	qsort_r(items, n, sizeof(*items), compare_items, ctx);
	make_notices(c, items, n);
	free(items);
}

void changes_build(struct changes *c, const struct mapping *old, const struct mapping *new,
    const struct roster *r)
{
	memset(c, 0, sizeof(*c));
	pair_up(c, old, new);
	classify(c, r);
	group_by_member(c, r);
}

void changes_release(struct changes *c)
{
	free(c->list);
	free(c->notices);
	free(c->items);
	memset(c, 0, sizeof(*c));
}

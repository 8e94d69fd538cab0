/* mapping: reading household → member mappings (hand-made or written by assign) and writing SPEC's mapping.csv. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/mapping.h"

static const char *const household_aliases[] = { "户编号", "户号", NULL };
static const char *const member_aliases[] = { "党员编号", "联系党员编号", NULL };
static const char *const building_aliases[] = { "楼栋编号", NULL };

/* The building is kept only to say where a household was once it has left the roster. */
enum { COL_HOUSEHOLD, COL_MEMBER, COL_BUILDING, NCOLS };
static const struct column columns[NCOLS] = {
	{ "household_id", household_aliases, true, true },
	{ "member_id", member_aliases, true, true },
	{ "building_id", building_aliases, false, false },
};

static const char *const mapping_sheets[] = { MAPPING_SHEETS, NULL };

struct reading {
	struct mapping *map;
	int idx[NCOLS];
	struct table_header header;
};

static void row(void *ctx, const struct table_record *rec)
{
	struct reading *rd = ctx;
	struct mapping *map = rd->map;
	const char *household, *member, *building;

	if (!table_header_step(&rd->header, rec, columns, NCOLS, rd->idx))
		return;
	household = rec->fields[rd->idx[COL_HOUSEHOLD]];
	member = rec->fields[rd->idx[COL_MEMBER]];
	building = rd->idx[COL_BUILDING] >= 0 ? rec->fields[rd->idx[COL_BUILDING]] : "";
	if (!*household) {
		diag_error(rec->file, rec->line, DIAG_MISSING_VALUE, _("empty %s"), "household_id");
		return;
	}
	GROW(map->rows, map->rows_alloc, map->nrows + 1);
	map->rows[map->nrows++] = (struct mapping_row){
		pool_strndup(map->pool, household, strlen(household)),
		pool_strndup(map->pool, member, strlen(member)),
		pool_strndup(map->pool, building, strlen(building)), rec->line };
}

int mapping_read(struct mapping *map, const char *path, bool in_workbook,
    const struct read_opts *opts)
{
	struct reading rd = { .map = map };
	struct table_source src = { .path = path, .columns = columns, .ncolumns = NCOLS,
	    .sheets = mapping_sheets, .others = table_sheets, .sheet_needed = in_workbook };
	long rows;

	memset(map, 0, sizeof(*map));
	map->pool = pool_new();
	rows = table_read(&src, opts, row, &rd);
	map->path = src.label;
	if (rows == -1)
		return -1;
	table_header_missing(&rd.header, rows, map->path);
	return 0;
}

void mapping_release(struct mapping *map)
{
	pool_free(map->pool);
	free(map->rows);
	free(map->path);
	memset(map, 0, sizeof(*map));
}

int *mapping_first_rows(const struct mapping *map, const struct roster *r)
{
	int *first = xmalloc((r->nhouseholds + 1) * sizeof(*first));

	for (size_t h = 0; h < r->nhouseholds; h++)
		first[h] = -1;
	for (size_t i = 0; i < map->nrows; i++) {
		int h = strmap_get(&r->household_ids, map->rows[i].household_id);

		if (h >= 0 && first[h] < 0)
			first[h] = (int)i;
	}
	return first;
}

int *mapping_row_contacts(const struct mapping *map, const struct roster *r, const int *first)
{
	int *contact = xmalloc((r->nhouseholds + 1) * sizeof(*contact));

	for (size_t h = 0; h < r->nhouseholds; h++)
		contact[h] = first[h] >= 0 ?
		    strmap_get(&r->member_ids, map->rows[first[h]].member_id) : -1;
	return contact;
}

int *mapping_first_contacts(const struct mapping *map, const struct roster *r)
{
	int *first = mapping_first_rows(map, r), *contact = mapping_row_contacts(map, r, first);

	free(first);
	return contact;
}

size_t mapping_pair_up(const struct mapping *old, const struct mapping *new,
    struct mapping_pair **out)
{
	const struct mapping *maps[2] = { old, new };
	struct mapping_pair *p = NULL;
	struct strmap seen;
	size_t n = 0, alloc = 0;

	strmap_init(&seen);
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < maps[side]->nrows; i++) {
			const struct mapping_row *row = &maps[side]->rows[i];
			int e = strmap_put(&seen, row->household_id, (int)n);

			if (e == (int)n) {
				GROW(p, alloc, n + 1);
				p[n++] = (struct mapping_pair){ row->household_id, NULL, NULL };
			}
			if (side == 0 && p[e].old == NULL)
				p[e].old = row;
			if (side == 1 && p[e].new == NULL)
				p[e].new = row;
		}
	}
	strmap_release(&seen);
	*out = p;
	return n;
}

/* The ID a row gives for a household (members: its member). */
static const char *row_id(const struct mapping_row *row, bool members)
{
	return members ? row->member_id : row->household_id;
}

/* Warns when the rows give IDs of one kind and none is in the roster; false when it did. */
static bool common_ids(const struct mapping *map, const struct roster *r, bool members)
{
	const struct strmap *ids = members ? &r->member_ids : &r->household_ids;
	struct strmap index;
	char hint[512];
	const char *first = NULL;
	int like = -1;

	for (size_t i = 0; i < map->nrows; i++) {
		const char *id = row_id(&map->rows[i], members);

		if (*id && strmap_get(ids, id) >= 0)
			return true;
		first = first ? first : *id ? id : NULL;
	}
	if (first == NULL)
		return true;	/* no ID of this kind at all */
	roster_unpadded_index(r, members, &index);
	for (size_t i = 0; i < map->nrows && like < 0; i++)
		if (*(first = row_id(&map->rows[i], members)))
			like = roster_unpadded_match(r, members, &index, first);
	strmap_release(&index);
	if (like < 0)
		diag_warning(map->path, map->rows[0].line, DIAG_PREVIOUS_UNMATCHED, members ?
		    _("no member of this mapping is in the roster: it keeps no contact") :
		    _("no household of this mapping is in the roster: it keeps no contact"));
	else
		diag_warning(map->path, map->rows[0].line, DIAG_PREVIOUS_UNMATCHED, members ?
		    _("no member of this mapping is in the roster: it keeps no contact; %s") :
		    _("no household of this mapping is in the roster: it keeps no contact; %s"),
		    roster_zeros_hint(hint, sizeof(hint), first, members ?
		    r->members[like].id : r->households[like].id));
	return false;
}

void mapping_check_common(const struct mapping *map, const struct roster *r)
{
	if (common_ids(map, r, false))
		common_ids(map, r, true);
}

void mapping_write_header(struct output *o)
{
	static const char *const names[] = { "household_id", "member_id", "building_id", "grid_id",
		"community", "township", "member_name", "tier" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		csv_field(o, names[i]);
	csv_row_end(o);
}

/* A text written on many rows, looked at once: its length and whether it goes out as it is. */
struct cached {
	const char *s;
	size_t len;
	bool plain;
};

static struct cached cache_of(const char *s)
{
	size_t len = strlen(s);

	return (struct cached){ s, len, csv_is_plain(s, len) };
}

static void put_cached(struct output *o, const struct cached *c)
{
	if (c->plain)
		csv_field_plain(o, c->s, c->len);
	else
		csv_field(o, c->s);
}

/* The fields a mapping repeats from row to row, per member, building, grid, community and township. */
struct mapping_cache {
	struct cached *member_id, *member_name, *building, *grid, *community, *township, *tier;
	struct cached none;
};

static struct cached *cache_all(size_t n, const char *(*text)(const struct roster *, size_t),
    const struct roster *r)
{
	struct cached *c = xmalloc((n + 1) * sizeof(*c));

	for (size_t i = 0; i < n; i++)
		c[i] = cache_of(text(r, i));
	return c;
}

static const char *member_id(const struct roster *r, size_t i) { return r->members[i].id; }
static const char *member_name(const struct roster *r, size_t i) { return r->members[i].name; }
static const char *building_id(const struct roster *r, size_t i) { return r->buildings[i].id; }
static const char *grid_id(const struct roster *r, size_t i) { return r->grids[i].id; }
static const char *community_name(const struct roster *r, size_t i) { return r->communities[i].name; }
static const char *township_name(const struct roster *r, size_t i) { return r->townships[i]; }
static const char *tier_text(const struct roster *r, size_t i) { (void)r; return tier_name((enum tier)i); }

/* Writes one mapping row for household h and member m (-1: no contact). */
static void write_row(struct output *o, const struct roster *r, const struct mapping_cache *c,
    int h, int m)
{
	const struct household *hh = &r->households[h];
	const struct building *b = &r->buildings[hh->building];
	const struct grid *g = &r->grids[b->grid];

	csv_field(o, hh->id);
	put_cached(o, m >= 0 ? &c->member_id[m] : &c->none);
	put_cached(o, &c->building[hh->building]);
	put_cached(o, &c->grid[b->grid]);
	put_cached(o, g->community >= 0 ? &c->community[g->community] : &c->none);
	put_cached(o, g->township >= 0 ? &c->township[g->township] : &c->none);
	put_cached(o, m >= 0 ? &c->member_name[m] : &c->none);
	put_cached(o, m >= 0 ? &c->tier[roster_tier(r, hh->building, &r->members[m])] : &c->none);
	csv_row_end(o);
}

void mapping_write(struct output *o, const struct roster *r, const int *contact)
{
	struct mapping_cache c = {
		.member_id = cache_all(r->nmembers, member_id, r),
		.member_name = cache_all(r->nmembers, member_name, r),
		.building = cache_all(r->nbuildings, building_id, r),
		.grid = cache_all(r->ngrids, grid_id, r),
		.community = cache_all(r->ncommunities, community_name, r),
		.township = cache_all(r->ntownships, township_name, r),
		.tier = cache_all(TIER_NONE, tier_text, r),
		.none = { "", 0, true },
	};

	mapping_write_header(o);
	for (size_t h = 0; h < r->nhouseholds; h++)
		write_row(o, r, &c, (int)h, contact[h]);
	free(c.member_id);
	free(c.member_name);
	free(c.building);
	free(c.grid);
	free(c.community);
	free(c.township);
	free(c.tier);
}

/* roster: reads buildings.csv, households.csv and members.csv into the model and checks them (SPEC §2). */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/config.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/roster.h"
#include "lianhu/schema.h"

/* The sheet names of each roster in a workbook (SPEC 5.1), and those of every table lianhu reads. */
static const char *const building_sheets[] = { "buildings", "楼栋", "楼栋表", "村民小组", NULL };
static const char *const household_sheets[] = { "households", "住户", "户", "住户表", "户籍", NULL };
static const char *const member_sheets[] = { "members", "党员", "党员表", "党员名册", "花名册", NULL };
static const char *const *const roster_sheets[FILE_COUNT] = {
	building_sheets, household_sheets, member_sheets
};
const char *const table_sheets[] = {
	"buildings", "楼栋", "楼栋表", "村民小组", "households", "住户", "户", "住户表", "户籍",
	"members", "党员", "党员表", "党员名册", "花名册", MAPPING_SHEETS, "visits", "走访台账",
	"走访记录", "走访", NULL
};

#define CAPACITY_MAX 1000000L

#define MEMO_WORDS 8

/* The meanings of the last words looked up in a column: the rows of a file repeat a few words (住户). */
struct memo {
	char word[MEMO_WORDS][32];
	int meaning[MEMO_WORDS];
	int known, next;	/* how many are known; the one to replace next */
	int hit;		/* the one found last, looked at first */
};

/* The state of one file being read: its columns, once the header is seen. */
struct reading {
	struct roster *r;
	enum roster_file file;
	const struct table_source *src;	/* the file being read */
	const char *label;
	const struct config *config;	/* the office's own names and words */
	const struct column *columns;
	size_t ncolumns;
	int idx[16];	/* field index of each column, -1 when absent */
	struct table_header header;	/* its cells renamed through config */
	/* False when buildings.csv is empty or its header is wrong: then no reference can be checked. */
	bool buildings_ok;
	/* Per grid while reading buildings: the names the rows gave. */
	const char **grid_community, **grid_township;
	struct memo kind, ordinary;	/* households.csv's last kind and priority words */
	int last_building;	/* the building of the last household row (rows come building by building), or -1 */
};

void roster_init(struct roster *r)
{
	memset(r, 0, sizeof(*r));
	r->pool = pool_new();
	strmap_init(&r->township_ids);
	strmap_init(&r->community_ids);
	strmap_init(&r->grid_ids);
	strmap_init(&r->building_ids);
	strmap_init(&r->household_ids);
	strmap_init(&r->member_ids);
}

void roster_release(struct roster *r)
{
	strmap_release(&r->township_ids);
	strmap_release(&r->community_ids);
	strmap_release(&r->grid_ids);
	strmap_release(&r->building_ids);
	strmap_release(&r->household_ids);
	strmap_release(&r->member_ids);
	free(r->townships);
	free(r->communities);
	free(r->grids);
	free(r->buildings);
	free(r->households);
	free(r->members);
	for (int f = 0; f < FILE_COUNT; f++) {
		free(r->paths[f]);
		free(r->labels[f]);
	}
	free(r->config);
	pool_free(r->pool);
	memset(r, 0, sizeof(*r));
}

/* A field of the record by column, "" when the file lacks the column. */
static const char *field(const struct reading *rd, const struct table_record *rec, int col)
{
	return rd->idx[col] >= 0 ? rec->fields[rd->idx[col]] : "";
}

/* Keeps a string in the pool; empty strings share one static "". */
static const char *keep(struct roster *r, const char *s)
{
	return *s ? pool_strndup(r->pool, s, strlen(s)) : "";
}

#define UNKNOWN_COLUMNS_SHOWN 10	/* past these, one warning counts the rest */

/* Warns of each header field that names no column, suggesting the column it likely means. */
static void unknown_columns(const struct reading *rd, const struct table_record *header)
{
	bool taken[16] = { false }, known;
	size_t unknown = 0;

	for (size_t c = 0; c < rd->ncolumns; c++)
		taken[c] = rd->idx[c] >= 0;
	for (size_t f = 0; f < header->count; f++) {
		struct suggestion s;
		const char *name = header->fields[f];
		const char *local = config_header(rd->config, name);

		/* An empty header cell names nothing to warn of; a twin is a duplicate-column already. */
		known = !*name;
		for (size_t c = 0; c < rd->ncolumns && !known; c++)
			known = column_named(&rd->columns[c], local);
		if (known || ++unknown > UNKNOWN_COLUMNS_SHOWN)
			continue;
		s = schema_suggest(name, rd->columns, rd->ncolumns, taken);
		if (s.column < 0)
			diag_warning(rd->label, header->line, DIAG_UNKNOWN_COLUMN,
			    _("column '%s' is not known and is ignored"), name);
		else if (strcmp(s.like, rd->columns[s.column].name) == 0)
			diag_warning(rd->label, header->line, DIAG_UNKNOWN_COLUMN,
			    _("column '%s' is not known: did you mean '%s'?"), name, s.like);
		else
			diag_warning(rd->label, header->line, DIAG_UNKNOWN_COLUMN,
			    _("column '%s' is not known: did you mean '%s' (%s)?"), name, s.like,
			    rd->columns[s.column].name);
	}
	if (unknown > UNKNOWN_COLUMNS_SHOWN)
		diag_warning(rd->label, header->line, DIAG_UNKNOWN_COLUMN,
		    ngettext("%zu more column is not known and is ignored",
		    "%zu more columns are not known and are ignored", unknown - UNKNOWN_COLUMNS_SHOWN),
		    unknown - UNKNOWN_COLUMNS_SHOWN);
}

/* Sizes the array and the ID map of a file's rows for n rows, so that reading them never moves either. */
static void make_room(struct roster *r, enum roster_file file, size_t n)
{
	switch (file) {
	case FILE_BUILDINGS:
		RESERVE(r->buildings, r->buildings_alloc, n);
		strmap_reserve(&r->building_ids, n);
		break;
	case FILE_HOUSEHOLDS:
		RESERVE(r->households, r->households_alloc, n);
		strmap_reserve(&r->household_ids, n);
		break;
	default:
		RESERVE(r->members, r->members_alloc, n);
		strmap_reserve(&r->member_ids, n);
		break;
	}
}

/* True when the record is a data row that may be read (header done, right field count). */
static bool row_usable(struct reading *rd, const struct table_record *rec)
{
	bool is_header = !rd->header.seen;
	bool usable = table_header_step(&rd->header, rec, rd->columns, rd->ncolumns, rd->idx);

	if (is_header) {
		rd->label = rec->file;
		unknown_columns(rd, rec);
		if (rd->header.ok)
			make_room(rd->r, rd->file, (size_t)rd->src->lines + 1);
	} else {
		rd->r->rows[rd->file]++;
	}
	return usable;
}

/* Reports an empty required value; true when it is there. */
static bool present(const struct reading *rd, const struct table_record *rec, int col)
{
	if (*field(rd, rec, col))
		return true;
	diag_error(rd->label, rec->line, DIAG_MISSING_VALUE, _("empty %s"), rd->columns[col].name);
	return false;
}

/*
 * Registers id (its hash from strmap_prefetch as the row came) in map as
 * index; reports duplicate-id (taken, a message marked with N_, gets the id
 * and the earlier line) and returns false when taken.
 */
static bool unique_id(const struct reading *rd, struct strmap *map, const char *id,
    uint32_t hash, int index, long line, long (*line_of)(const struct roster *, int),
    const char *taken)
{
	int old = strmap_put_hashed(map, id, hash, index);

	if (old == index)
		return true;
	diag_error(rd->label, line, DIAG_DUPLICATE_ID, _(taken), id, line_of(rd->r, old));
	return false;
}

static long building_line(const struct roster *r, int i) { return r->buildings[i].line; }
static long household_line(const struct roster *r, int i) { return r->households[i].line; }
static long member_line(const struct roster *r, int i) { return r->members[i].line; }

/* Returns the grid's index, adding it; reports hierarchy-conflict when the row disagrees. */
static int grid_for_row(struct reading *rd, const struct table_record *rec)
{
	struct roster *r = rd->r;
	const char *id = field(rd, rec, B_GRID);
	const char *names[2] = { field(rd, rec, B_COMMUNITY), field(rd, rec, B_TOWNSHIP) };
	const char **known[2];
	int g = strmap_get(&r->grid_ids, id);

	if (g < 0) {
		GROW(r->grids, r->grids_alloc, r->ngrids + 1);
		r->grids[r->ngrids] = (struct grid){ .id = keep(r, id), .line = rec->line,
		    .community = -1, .township = -1 };
		g = strmap_put(&r->grid_ids, r->grids[r->ngrids].id, (int)r->ngrids);
		r->ngrids++;
		size_t alloc = r->grids_alloc;
		rd->grid_community = xreallocarray(rd->grid_community, alloc, sizeof(char *));
		rd->grid_township = xreallocarray(rd->grid_township, alloc, sizeof(char *));
		rd->grid_community[g] = rd->grid_township[g] = "";
	}
	known[0] = &rd->grid_community[g];
	known[1] = &rd->grid_township[g];
	for (int k = 0; k < 2; k++) {
		if (!*names[k])
			continue;
		if (!**known[k]) {
			*known[k] = keep(r, names[k]);
		} else if (strcmp(*known[k], names[k]) != 0) {
			diag_error(rd->label, rec->line, DIAG_HIERARCHY_CONFLICT, k == 0 ?
			    _("grid '%s' is in community '%s' on line %ld, here in '%s'") :
			    _("grid '%s' is in township '%s' on line %ld, here in '%s'"), id,
			    *known[k], r->grids[g].line, names[k]);
			/*
			 * Keep the building (in the grid as first placed): dropping it made
			 * every household and member in it a false "not in buildings.csv".
			 */
			break;
		}
	}
	return g;
}

static void building_row(void *ctx, const struct table_record *rec)
{
	struct reading *rd = ctx;
	struct roster *r = rd->r;
	struct building *b;
	bool has_id, has_grid;
	uint32_t hash;
	int g;

	if (!row_usable(rd, rec))
		return;
	hash = strmap_prefetch(&r->building_ids, field(rd, rec, B_ID));
	/* Both checked so both are reported; no bitwise | on bools (clang -Werror). */
	has_id = present(rd, rec, B_ID);
	has_grid = present(rd, rec, B_GRID);
	if (!has_id || !has_grid)
		return;
	if ((g = grid_for_row(rd, rec)) < 0)
		return;
	GROW(r->buildings, r->buildings_alloc, r->nbuildings + 1);
	b = &r->buildings[r->nbuildings];
	*b = (struct building){ .id = keep(r, field(rd, rec, B_ID)),
	    .name = keep(r, field(rd, rec, B_NAME)), .grid = g, .line = rec->line };
	if (unique_id(rd, &r->building_ids, b->id, hash, (int)r->nbuildings, rec->line,
	    building_line, N_("building '%s' already on line %ld")))
		r->nbuildings++;
}

/* Interns a township name; -1 for "". */
static int township_index(struct roster *r, const char *name)
{
	int t;

	if (!*name)
		return -1;
	if ((t = strmap_get(&r->township_ids, name)) >= 0)
		return t;
	GROW(r->townships, r->townships_alloc, r->ntownships + 1);
	r->townships[r->ntownships] = name;
	return strmap_put(&r->township_ids, name, (int)r->ntownships++);
}

/* Interns a community by name and township; -1 for "". */
static int community_index(struct roster *r, const char *name, int township)
{
	char *key;
	const char *kept;
	int c;

	if (!*name)
		return -1;
	key = xmalloc(strlen(name) + 16);
	sprintf(key, "%d\x1f%s", township, name);
	if ((c = strmap_get(&r->community_ids, key)) < 0) {
		kept = keep(r, key);
		GROW(r->communities, r->communities_alloc, r->ncommunities + 1);
		r->communities[r->ncommunities] = (struct community){ name, township };
		c = strmap_put(&r->community_ids, kept, (int)r->ncommunities++);
	}
	free(key);
	return c;
}

/* Gives every grid its community and township once all building rows are in. */
static void settle_grids(struct reading *rd)
{
	struct roster *r = rd->r;

	for (size_t g = 0; g < r->ngrids; g++) {
		r->grids[g].township = township_index(r, rd->grid_township[g]);
		r->grids[g].community = community_index(r, rd->grid_community[g],
		    r->grids[g].township);
	}
}

/* What look (a function of the word alone, for the file) says of word, asked only when word is new. */
static int memo_look(struct memo *m, const struct reading *rd, const char *word,
    int (*look)(const struct reading *, const char *))
{
	size_t len = strlen(word);
	int i;

	if (m->known > 0 && strcmp(m->word[m->hit], word) == 0)
		return m->meaning[m->hit];
	for (i = 0; i < m->known; i++)
		if (strcmp(m->word[i], word) == 0)
			return m->meaning[m->hit = i];
	if (len >= sizeof(m->word[0]))
		return look(rd, word);
	i = m->next;
	m->next = (m->next + 1) % MEMO_WORDS;
	m->known += m->known < MEMO_WORDS;
	memcpy(m->word[i], word, len + 1);
	m->meaning[i] = look(rd, word);
	return m->meaning[i];
}

static int ordinary_look(const struct reading *rd, const char *value)
{
	(void)rd;
	return schema_ordinary(value);
}

/* Returns the priority tag, or NULL for an ordinary household. */
static const char *priority_tag(struct reading *rd, const char *value)
{
	return memo_look(&rd->ordinary, rd, value, ordinary_look) ? NULL : keep(rd->r, value);
}

/* The kind a word names, the office's own words first; -1 when it names none. */
static int kind_look(const struct reading *rd, const char *word)
{
	enum household_kind k;

	return config_kind(rd->config, word, &k) || schema_kind(word, &k) ? (int)k : -1;
}

/* The household's kind; false when the word names none. */
static bool kind_of(struct reading *rd, const char *word, enum household_kind *out)
{
	int k = memo_look(&rd->kind, rd, word, kind_look);

	if (k >= 0)
		*out = (enum household_kind)k;
	return k >= 0;
}

/* The building with the ID, or -1; the last row's building is known without hashing. */
static int building_of(struct reading *rd, const char *id)
{
	const struct roster *r = rd->r;

	if (!*id)
		return -1;
	if (rd->last_building < 0 || strcmp(r->buildings[rd->last_building].id, id) != 0)
		rd->last_building = strmap_get(&r->building_ids, id);
	return rd->last_building;
}

static void household_row(void *ctx, const struct table_record *rec)
{
	struct reading *rd = ctx;
	struct roster *r = rd->r;
	struct household *h;
	const char *kind, *building;
	enum household_kind k = KIND_RESIDENT;
	uint32_t hash;
	int b;
	bool ok;

	if (!row_usable(rd, rec))
		return;	/* the header, or a row with another field count: its fields may be fewer */
	hash = strmap_prefetch(&r->household_ids, field(rd, rec, H_ID));
	kind = field(rd, rec, H_KIND);
	building = field(rd, rec, H_BUILDING);
	ok = present(rd, rec, H_ID);
	ok = present(rd, rec, H_BUILDING) && ok;	/* both reported; clang rejects & on bools */
	b = building_of(rd, building);
	if (*building && b < 0 && rd->buildings_ok) {
		diag_error(rd->label, rec->line, DIAG_UNKNOWN_BUILDING,
		    _("building '%s' is not in %s"), building,
		    rd->r->labels[FILE_BUILDINGS]);
		ok = false;
	}
	if (!kind_of(rd, kind, &k)) {
		diag_error(rd->label, rec->line, DIAG_BAD_VALUE,
		    _("kind '%s' is not resident (住户), shop (商户) or vacant (空挂户)"), kind);
		ok = false;
	}
	if (!*field(rd, rec, H_ID))
		return;
	GROW(r->households, r->households_alloc, r->nhouseholds + 1);
	h = &r->households[r->nhouseholds];
	*h = (struct household){ .id = keep(r, field(rd, rec, H_ID)), .building = b,
	    .line = rec->line };
	if (!unique_id(rd, &r->household_ids, h->id, hash, (int)r->nhouseholds, rec->line,
	    household_line, N_("household '%s' already on line %ld")))
		return;
	h->unit = keep(r, field(rd, rec, H_UNIT));
	h->room = keep(r, field(rd, rec, H_ROOM));
	h->head = keep(r, field(rd, rec, H_HEAD));
	h->phone = keep(r, field(rd, rec, H_PHONE));
	h->priority = priority_tag(rd, field(rd, rec, H_PRIORITY));
	h->kind = k;
	/* Count the row even when another value is bad, lest empty-building add a false warning. */
	(void)ok;
	if (b >= 0)
		r->buildings[b].households++;
	r->nhouseholds++;
}

/* Resolves the member's home: building first, else grid; false on an error. */
static bool member_home(struct reading *rd, const struct table_record *rec, struct member *m)
{
	struct roster *r = rd->r;
	const char *building = field(rd, rec, M_BUILDING), *grid = field(rd, rec, M_GRID);
	int g = *grid ? strmap_get(&r->grid_ids, grid) : -1;

	m->building = *building ? strmap_get(&r->building_ids, building) : -1;
	if (*building && m->building < 0) {
		if (rd->buildings_ok)
			diag_error(rd->label, rec->line, DIAG_UNKNOWN_BUILDING,
			    _("building '%s' is not in %s"), building,
			    rd->r->labels[FILE_BUILDINGS]);
		return false;
	}
	if (m->building >= 0) {
		m->grid = r->buildings[m->building].grid;
		if (*grid && g != m->grid)
			diag_warning(rd->label, rec->line, DIAG_MEMBER_GRID_MISMATCH,
			    _("grid '%s' differs from building '%s''s grid '%s'; the building's is used"),
			    grid, building, r->grids[m->grid].id);
		return true;
	}
	if (!*grid) {
		diag_error(rd->label, rec->line, DIAG_MISSING_VALUE,
		    _("neither building_id nor grid_id is given"));
		return false;
	}
	if (g < 0) {
		if (rd->buildings_ok)
			diag_error(rd->label, rec->line, DIAG_UNKNOWN_GRID,
			    _("grid '%s' is not in %s"), grid,
			    rd->r->labels[FILE_BUILDINGS]);
		return false;
	}
	m->grid = g;
	return true;
}

/* The roles of a word list such as "支部书记、党小组长"; warns of each word it does not know. */
static unsigned member_roles(const struct reading *rd, const struct table_record *rec,
    const char *value)
{
	size_t n = strlen(value), k;
	char *words = xstrdup(value);
	unsigned roles = 0, role;

	for (size_t i = 0; i < n; i += k ? k : 1)
		if ((k = schema_role_separator(words + i)) > 0)
			memset(words + i, 0, k);
	for (size_t i = 0; i < n; i++) {
		const char *word = words + i;

		if (!*word)
			continue;
		i += strlen(word);
		if ((role = schema_role(word)) != 0)
			roles |= role;
		else
			diag_warning(rd->label, rec->line, DIAG_UNKNOWN_ROLE,
			    _("role '%s' is not known (secretary 书记, group-leader 党小组长, "
			    "building-leader 楼栋长)"), word);
	}
	free(words);
	return roles;
}

/* Reads status and capacity; false on an error. */
static bool member_terms(struct reading *rd, const struct table_record *rec, struct member *m)
{
	const char *status = field(rd, rec, M_STATUS), *capacity = field(rd, rec, M_CAPACITY);
	enum status_class class = STATUS_ELIGIBLE;
	bool ok = true;

	if (!config_status(rd->config, status, &class) && !schema_status(status, &class)) {
		diag_warning(rd->label, rec->line, DIAG_UNKNOWN_STATUS,
		    _("status '%s' is not known; the member is taken as not eligible"), status);
		class = STATUS_INACTIVE;
	}
	m->status_eligible = class == STATUS_ELIGIBLE;
	m->own_capacity = -1;
	if (*capacity && !parse_count(capacity, CAPACITY_MAX, &m->own_capacity)) {
		diag_error(rd->label, rec->line, DIAG_BAD_VALUE,
		    _("capacity '%s' is not a whole number from 0 to %ld"), capacity, CAPACITY_MAX);
		ok = false;
	}
	return ok;
}

static void member_row(void *ctx, const struct table_record *rec)
{
	struct reading *rd = ctx;
	struct roster *r = rd->r;
	struct member m = { .line = rec->line };
	uint32_t hash;
	bool ok;

	if (!row_usable(rd, rec))
		return;
	hash = strmap_prefetch(&r->member_ids, field(rd, rec, M_ID));
	ok = present(rd, rec, M_ID);
	ok = member_home(rd, rec, &m) & ok;
	ok = member_terms(rd, rec, &m) & ok;
	if (!*field(rd, rec, M_ID))
		return;
	m.id = keep(r, field(rd, rec, M_ID));
	GROW(r->members, r->members_alloc, r->nmembers + 1);
	if (!unique_id(rd, &r->member_ids, m.id, hash, (int)r->nmembers, rec->line, member_line,
	    N_("member '%s' already on line %ld")))
		return;
	(void)ok;	/* a roster with errors is only ever reported, never solved */
	m.name = keep(r, field(rd, rec, M_NAME));
	m.branch = keep(r, field(rd, rec, M_BRANCH));
	m.phone = keep(r, field(rd, rec, M_PHONE));
	m.status = keep(r, field(rd, rec, M_STATUS));
	m.group = keep(r, field(rd, rec, M_GROUP));
	m.roles = member_roles(rd, rec, field(rd, rec, M_ROLE));
	r->members[r->nmembers++] = m;
}

/*
 * A file without a header, or a header without rows, is an error (SPEC 5.2:
 * empty-roster); not when its rows were there but broken (errors of their own).
 */
static void emptiness_check(const struct reading *rd, long rows, size_t errors_before)
{
	if (!table_header_missing(&rd->header, rows, rd->label) && rows == 0 && rd->header.ok &&
	    diag_count(DIAG_ERROR) == errors_before)
		diag_error(rd->label, rd->header.line, DIAG_EMPTY_ROSTER,
		    _("the header has no rows under it"));
}

static char *path_in(const char *dir, const char *given, const char *name)
{
	char *p;

	if (given)
		return xstrdup(given);
	p = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/*
 * Reads lianhu.ini: --config FILE, else the one in the roster folder (beside
 * the workbook when -d names one); none there is no error. -1 when unreadable.
 */
static int read_config(struct roster *r, struct config *c, const struct roster_paths *paths,
    const char *dir, const struct read_opts *opts)
{
	struct stat st;
	char *folder = xstrdup(dir), *path;
	const char *label;
	int rc = 0;

	if (paths->config)
		path = xstrdup(paths->config);
	else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		path = path_in(dirname(folder), NULL, "lianhu.ini");
	else
		path = path_in(dir, NULL, "lianhu.ini");
	if (paths->config || access(path, F_OK) == 0) {
		label = pool_strndup(r->pool, path, strlen(path));	/* outlives the diagnostics */
		rc = config_load(c, path, label, opts->encoding);
		r->config = path;	/* an input: never an output of the run */
	} else {
		free(path);
	}
	free(folder);
	return rc;
}

size_t roster_inputs(const struct roster *r, const char **list)
{
	size_t n = 0;

	for (int f = 0; f < FILE_COUNT; f++)
		if (r->paths[f] != NULL)
			list[n++] = r->paths[f];
	if (r->config != NULL)
		list[n++] = r->config;
	return n;
}

static const char *local_header(const void *config, const char *header)
{
	return config_header(config, header);
}

/* Reads one file (or sheet) through its row function; -1 when it cannot be read. */
static int read_file(struct reading *rd, const struct read_opts *opts, table_row_fn fn,
    bool in_workbook)
{
	struct table_source src = { .path = rd->r->paths[rd->file], .columns = rd->columns,
	    .ncolumns = rd->ncolumns, .rename = local_header, .rename_ctx = rd->config,
	    .sheets = roster_sheets[rd->file], .others = table_sheets, .sheet_needed = in_workbook };
	size_t errors = diag_count(DIAG_ERROR);
	long rows;

	rd->src = &src;
	rd->header = (struct table_header){ .rename = local_header, .rename_ctx = rd->config };
	rows = table_read(&src, opts, fn, rd);
	rd->label = rd->r->labels[rd->file] = src.label;
	if (rows == -1)
		return -1;
	emptiness_check(rd, rows, errors);
	return 0;
}

/* The roster's files: those given, else DIR/NAME.csv|.xlsx|.xls, or DIR itself when it is a workbook. */
static int locate(struct roster *r, const struct roster_paths *paths, bool in_workbook[FILE_COUNT])
{
	static const char *const names[FILE_COUNT] = { "buildings", "households", "members" };
	const char *given[FILE_COUNT] = { paths->buildings, paths->households, paths->members };
	const char *dir = paths->dir ? paths->dir : ".";

	for (int f = 0; f < FILE_COUNT; f++) {
		in_workbook[f] = false;
		r->paths[f] = given[f] ? xstrdup(given[f]) : table_locate(dir, names[f], &in_workbook[f]);
		if (r->paths[f] == NULL)
			return -1;
	}
	return 0;
}

int roster_load(struct roster *r, const struct roster_paths *paths, const struct read_opts *opts)
{
	const char *dir = paths->dir ? paths->dir : ".";
	struct config config;
	struct reading rd = { .r = r, .config = &config };
	int stdin_uses = 0, rc = -1;
	bool buildings_ok, households_ok, in_workbook[FILE_COUNT];

	if (locate(r, paths, in_workbook) < 0)
		return -1;
	for (int f = 0; f < FILE_COUNT; f++)
		stdin_uses += strcmp(r->paths[f], "-") == 0;
	if (stdin_uses > 1) {
		fprintf(stderr, _("lianhu: only one file can be read from standard input ('-')\n"));
		return -1;
	}
	config_init(&config);
	if (read_config(r, &config, paths, dir, opts) < 0)
		goto out;
	rd.file = FILE_BUILDINGS;
	rd.columns = roster_schemas[FILE_BUILDINGS].columns;
	rd.ncolumns = B_NCOLS;
	if (read_file(&rd, opts, building_row, in_workbook[FILE_BUILDINGS]) < 0)
		goto out;
	settle_grids(&rd);
	/*
	 * An unusable header in one file, or a header without rows, must not turn
	 * into one false error per row of the others (unknown-building,
	 * empty-building); its own error says it all.
	 */
	buildings_ok = rd.header.ok && r->rows[FILE_BUILDINGS] > 0;
	rd = (struct reading){ .r = r, .config = &config, .file = FILE_HOUSEHOLDS,
	    .columns = roster_schemas[FILE_HOUSEHOLDS].columns, .ncolumns = H_NCOLS, .grid_community = rd.grid_community,
	    .grid_township = rd.grid_township, .buildings_ok = buildings_ok, .last_building = -1 };
	if (read_file(&rd, opts, household_row, in_workbook[FILE_HOUSEHOLDS]) < 0)
		goto out;
	households_ok = rd.header.ok && r->rows[FILE_HOUSEHOLDS] > 0;
	rd.file = FILE_MEMBERS;
	rd.columns = roster_schemas[FILE_MEMBERS].columns;
	rd.ncolumns = M_NCOLS;
	if (read_file(&rd, opts, member_row, in_workbook[FILE_MEMBERS]) < 0)
		goto out;
	for (size_t b = 0; households_ok && b < r->nbuildings; b++)
		if (r->buildings[b].households == 0)
			diag_warning(r->labels[FILE_BUILDINGS], r->buildings[b].line, DIAG_EMPTY_BUILDING,
			    _("building '%s' has no households"), r->buildings[b].id);
	rc = 0;
out:
	free(rd.grid_community);
	free(rd.grid_township);
	config_release(&config);
	return rc;
}

/* The part of the scope a place lies in: grid g, building b (-1: none; then so is the part under scope building). */
static int part_of(const struct roster *r, enum tier scope, int g, int b)
{
	const struct grid *gr = &r->grids[g];
	int nt = (int)r->ntownships, nc = (int)r->ncommunities, ng = (int)r->ngrids;

	if (scope >= TIER_TOWNSHIP && gr->township >= 0)
		return gr->township;
	if (scope >= TIER_COMMUNITY && gr->community >= 0)
		return nt + gr->community;
	if (scope >= TIER_GRID)
		return nt + nc + g;
	return b >= 0 ? nt + nc + ng + b : -1;
}

void roster_apply(struct roster *r, enum tier scope, long default_capacity)
{
	r->scope = scope;
	r->default_capacity = default_capacity;
	r->nparts = r->ntownships + r->ncommunities + r->ngrids + r->nbuildings;
	for (size_t b = 0; b < r->nbuildings; b++)
		r->buildings[b].part = part_of(r, scope, r->buildings[b].grid, (int)b);
	for (size_t i = 0; i < r->nmembers; i++) {
		struct member *m = &r->members[i];

		m->capacity = m->own_capacity >= 0 ? m->own_capacity : default_capacity;
		m->eligible = m->status_eligible && m->capacity > 0;
		m->part = part_of(r, scope, m->grid, m->building);
	}
}

int member_community(const struct roster *r, const struct member *m)
{
	return r->grids[m->grid].community;
}

int member_township(const struct roster *r, const struct member *m)
{
	return r->grids[m->grid].township;
}

enum tier roster_tier(const struct roster *r, int b, const struct member *m)
{
	const struct grid *hg = &r->grids[r->buildings[b].grid], *mg = &r->grids[m->grid];

	if (m->building == b)
		return TIER_BUILDING;
	if (m->grid == r->buildings[b].grid)
		return TIER_GRID;
	if (hg->community >= 0 && hg->community == mg->community)
		return TIER_COMMUNITY;
	if (hg->township >= 0 && hg->township == mg->township)
		return TIER_TOWNSHIP;
	return TIER_NONE;
}

static const char *const tier_names[] = { "building", "grid", "community", "township" };
static const char *const tier_labels[] = {
	N_("building"), N_("grid"), N_("community"), N_("township")
};

const char *tier_name(enum tier t)
{
	return t < TIER_NONE ? tier_names[t] : "";
}

const char *tier_label(enum tier t)
{
	return t < TIER_NONE ? _(tier_labels[t]) : "";
}

bool tier_parse(const char *name, enum tier *out)
{
	for (int t = 0; t < TIER_NONE; t++) {
		if (strcmp(name, tier_names[t]) == 0) {
			*out = (enum tier)t;
			return true;
		}
	}
	return false;
}

/* The ID without its leading zeros; an ID of zeros only stays whole. */
static const char *unpadded(const char *id)
{
	const char *p = id + strspn(id, "0");

	return *p ? p : id;
}

/* The ID of household (member) i. */
static const char *id_of(const struct roster *r, bool members, size_t i)
{
	return members ? r->members[i].id : r->households[i].id;
}

void roster_unpadded_index(const struct roster *r, bool members, struct strmap *out)
{
	size_t n = members ? r->nmembers : r->nhouseholds;

	strmap_init(out);
	for (size_t i = 0; i < n; i++)
		strmap_put(out, unpadded(id_of(r, members, i)), (int)i);
}

int roster_unpadded_match(const struct roster *r, bool members, const struct strmap *index,
    const char *id)
{
	int i = strmap_get(index, unpadded(id));

	return i >= 0 && strcmp(id_of(r, members, (size_t)i), id) != 0 ? i : -1;
}

const char *roster_zeros_hint(char *buf, size_t n, const char *id, const char *roster_id)
{
	if (strlen(id) < strlen(roster_id))
		snprintf(buf, n, _("did Excel drop leading zeros? '%s' is '%s' in the roster"), id,
		    roster_id);
	else
		snprintf(buf, n, _("'%s' is '%s' in the roster: did Excel drop its leading zeros there?"),
		    id, roster_id);
	return buf;
}

/* Compares text with runs of digits taken as numbers ("2" before "10"). */
static int compare_natural(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			size_t na, nb;
			int c;

			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			for (na = 0; a[na] >= '0' && a[na] <= '9'; na++)
				;
			for (nb = 0; b[nb] >= '0' && b[nb] <= '9'; nb++)
				;
			if (na != nb)
				return na < nb ? -1 : 1;
			if ((c = strncmp(a, b, na)) != 0)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

int household_walk_compare(const void *pa, const void *pb, void *roster)
{
	const struct roster *r = roster;
	int a = *(const int *)pa, b = *(const int *)pb;
	const struct household *x = &r->households[a], *y = &r->households[b];
	int c;

	if (x->building != y->building)
		return x->building < y->building ? -1 : 1;
	if ((c = compare_natural(x->unit, y->unit)) != 0 ||
	    (c = compare_natural(x->room, y->room)) != 0)
		return c;
	return a < b ? -1 : a > b;
}

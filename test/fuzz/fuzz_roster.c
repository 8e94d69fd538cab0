/* fuzz_roster: libFuzzer harness of roster_load (table, encodings, roster checks) and of assign on what it accepts. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lianhu/workbook.h"
#include "lianhu/assign.h"
#include "lianhu/diag.h"
#include "lianhu/roster.h"

/*
 * The input: a control byte, then the roster.
 *
 * control bits 0-3  encoding and delimiter (see fuzz_read_opts)
 *         bit 4     0: the rest is buildings.csv, households.csv and members.csv
 *                   separated by FILE_SEPARATOR (missing parts are empty files);
 *                   1: the rest is households.csv, with the fixed buildings and
 *                   members below (in the forced encoding)
 *         bit 5     the fuzzed files come through pipes (read(2)), not as
 *                   regular files (mmap(2))
 *         bits 6-7  the scope of assign: community, building, grid, township
 *
 * A part that is the single byte UNREADABLE names a file that does not exist.
 */
#define FILE_SEPARATOR 0x1c	/* ASCII FS, the "file separator" */
#define UNREADABLE 0x1a		/* ASCII SUB */
#define ASSIGN_MAX 200		/* assign only rosters this small: keep executions fast */
#define MAX_LOAD 2

static const char fixed_buildings[] =
    "building_id,grid_id,community,township,name\n"
    "0101,01,红旗村,隆盛合镇,一组\n"
    "0102,01,红旗村,隆盛合镇,二组\n"
    "0201,02,红旗村,隆盛合镇,三组\n"
    "0301,03,新地村,隆盛合镇,一组\n";

static const char fixed_members[] =
    "member_id,name,building_id,grid_id,branch,capacity,status,phone\n"
    "DY001,王志刚,0101,01,红旗村党支部,,active,13904781288\n"
    "DY002,李红梅,0201,02,红旗村党支部,1,active,15847810199\n"
    "DY003,张永强,0102,01,红旗村党支部,,mobile,13514780388\n"
    "DY004,刘慧,,03,新地村党支部,0,active,18647800477\n";

static const char *const fixed_names[][2] = {
	[ENC_AUTO] = { "buildings.utf8.csv", "members.utf8.csv" },
	[ENC_UTF8] = { "buildings.utf8.csv", "members.utf8.csv" },
	[ENC_GB18030] = { "buildings.gb18030.csv", "members.gb18030.csv" },
	[ENC_UTF16] = { "buildings.utf16.csv", "members.utf16.csv" },
};

static FILE *devnull;	/* where the diagnostics go */

/* Writes the fixed files once, in every encoding a control byte can force. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int e = ENC_UTF8; e <= ENC_UTF16; e++) {
		fuzz_write_encoded(fuzz_path(fixed_names[e][0]), fixed_buildings, (enum encoding)e);
		fuzz_write_encoded(fuzz_path(fixed_names[e][1]), fixed_members, (enum encoding)e);
	}
	devnull = fuzz_sink();
	return 0;
}

#define CHECK(cond) ((cond) ? (void)0 : fuzz_fail("%s:%d: roster without errors, yet not %s", \
    __FILE__, __LINE__, #cond))

/* What every roster without errors promises to the modules that use it (solving, writing). */
static void check_model(const struct roster *r)
{
	size_t in_buildings = 0;

	CHECK(r->rows[FILE_BUILDINGS] == (long)r->nbuildings);
	CHECK(r->rows[FILE_HOUSEHOLDS] == (long)r->nhouseholds);
	CHECK(r->rows[FILE_MEMBERS] == (long)r->nmembers);
	for (size_t c = 0; c < r->ncommunities; c++)
		CHECK(r->communities[c].township >= -1 && r->communities[c].township < (int)r->ntownships);
	for (size_t g = 0; g < r->ngrids; g++) {
		const struct grid *gg = &r->grids[g];

		CHECK(gg->id != NULL && *gg->id != '\0');
		CHECK(strmap_get(&r->grid_ids, gg->id) == (int)g);
		CHECK(gg->community >= -1 && gg->community < (int)r->ncommunities);
		CHECK(gg->township >= -1 && gg->township < (int)r->ntownships);
	}
	for (size_t b = 0; b < r->nbuildings; b++) {
		const struct building *bb = &r->buildings[b];

		CHECK(bb->id != NULL && *bb->id != '\0' && bb->name != NULL);
		CHECK(strmap_get(&r->building_ids, bb->id) == (int)b);
		CHECK(bb->grid >= 0 && bb->grid < (int)r->ngrids);
		CHECK(bb->households >= 0);
		in_buildings += (size_t)bb->households;
	}
	CHECK(in_buildings == r->nhouseholds);
	for (size_t h = 0; h < r->nhouseholds; h++) {
		const struct household *hh = &r->households[h];

		CHECK(hh->id != NULL && *hh->id != '\0');
		CHECK(hh->unit != NULL && hh->room != NULL && hh->head != NULL && hh->phone != NULL);
		CHECK(strmap_get(&r->household_ids, hh->id) == (int)h);
		CHECK(hh->building >= 0 && hh->building < (int)r->nbuildings);
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		const struct member *mm = &r->members[m];

		CHECK(mm->id != NULL && *mm->id != '\0');
		CHECK(mm->name != NULL && mm->branch != NULL && mm->phone != NULL && mm->status != NULL);
		CHECK(strmap_get(&r->member_ids, mm->id) == (int)m);
		CHECK(mm->building >= -1 && mm->building < (int)r->nbuildings);
		CHECK(mm->grid >= 0 && mm->grid < (int)r->ngrids);
		CHECK(mm->capacity >= -1);
		CHECK(member_community(r, mm) >= -1 && member_township(r, mm) >= -1);
	}
}

/* Assigns a small roster and checks SPEC §3's hard rules: eligible members, within scope, within capacity. */
static void check_assign(struct roster *r, enum tier scope)
{
	struct assign_opts o = { .scope = scope, .min_load = 1 };
	struct assign_aims aims;
	int *contact = malloc((r->nhouseholds + 1) * sizeof(*contact));
	long *load = calloc(r->nmembers + 1, sizeof(*load));
	long covered = 0;

	if (contact == NULL || load == NULL)
		fuzz_fail("out of memory");
	roster_apply(r, scope, MAX_LOAD);
	if (assign_solve(r, &o, contact) < 0)
		fuzz_fail("assign_solve refused a roster of %zu households", r->nhouseholds);
	for (size_t h = 0; h < r->nhouseholds; h++) {
		int m = contact[h];

		CHECK(m >= -1 && m < (int)r->nmembers);
		if (m < 0)
			continue;
		covered++;
		const struct member *mm = &r->members[m];
		long capacity = mm->own_capacity >= 0 ? mm->own_capacity : MAX_LOAD;

		CHECK(mm->status_eligible && capacity > 0);
		CHECK(roster_tier(r, r->households[h].building, mm) <= scope);
		CHECK(++load[m] <= capacity);
	}
	assign_evaluate(r, &o, contact, &aims);
	CHECK(aims.covered == covered && aims.households == (long)r->nhouseholds);
	free(load);
	free(contact);
}

/* Where the fuzzed file f goes: a regular file, a pipe or nowhere; *fd gets a pipe to close after reading. */
static const char *place(int f, const char *data, size_t len, bool piped, char *buf, size_t n, int *fd)
{
	static const char *const names[FILE_COUNT] = { "buildings.csv", "households.csv", "members.csv" };
	static const char *const missing[FILE_COUNT] = {
		"no-such-buildings.csv", "no-such-households.csv", "no-such-members.csv"
	};

	*fd = -1;
	if (len == 1 && data[0] == UNREADABLE)
		return fuzz_path(missing[f]);
	if (piped) {
		*fd = fuzz_pipe(data, len, names[f], buf, n);
		return buf;
	}
	fuzz_write(fuzz_path(names[f]), data, len);
	return fuzz_path(names[f]);
}

/* One roster: write the files, load them, check what was loaded, release everything. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum tier scopes[] = { TIER_COMMUNITY, TIER_BUILDING, TIER_GRID, TIER_TOWNSHIP };
	const char *part[FILE_COUNT] = { NULL }, *path[FILE_COUNT];
	size_t len[FILE_COUNT] = { 0 };
	char buf[FILE_COUNT][32];
	int fd[FILE_COUNT] = { -1, -1, -1 };
	bool unreadable = false;
	struct roster_paths paths = { 0 };
	struct read_opts opts;
	struct roster r;
	uint8_t control;
	int rc;

	if (size == 0)
		return -1;	/* not worth keeping in the corpus */
	control = data[0];
	opts = fuzz_read_opts(control);
	data++, size--;
	if (control & 0x10) {
		part[FILE_HOUSEHOLDS] = (const char *)data;
		len[FILE_HOUSEHOLDS] = size;
	} else {
		const char *p = (const char *)data, *end = p + size;

		for (int f = 0; f < FILE_COUNT; f++) {
			const char *sep = f + 1 < FILE_COUNT ? memchr(p, FILE_SEPARATOR, (size_t)(end - p)) : NULL;

			part[f] = p;
			len[f] = (size_t)((sep ? sep : end) - p);
			p = sep ? sep + 1 : end;
		}
	}
	for (int f = 0; f < FILE_COUNT; f++) {
		if (part[f] == NULL) {
			path[f] = fuzz_path(fixed_names[opts.encoding][f == FILE_MEMBERS]);
			continue;
		}
		path[f] = place(f, part[f], len[f], control & 0x20, buf[f], sizeof(buf[f]), &fd[f]);
		/* A missing file, or one that says it is a workbook (a damaged one is refused, exit 2). */
		unreadable = unreadable || (len[f] == 1 && part[f][0] == UNREADABLE) ||
		    book_sniff(part[f], len[f]) != WORKBOOK_NONE;
	}
	paths.buildings = path[FILE_BUILDINGS];
	paths.households = path[FILE_HOUSEHOLDS];
	paths.members = path[FILE_MEMBERS];

	roster_init(&r);
	rc = roster_load(&r, &paths, &opts);
	if (rc < 0 && !unreadable)
		fuzz_fail("roster_load could not read files that exist");
	diag_print(devnull);
	if (rc == 0 && diag_count(DIAG_ERROR) == 0) {
		check_model(&r);
		if (r.nhouseholds <= ASSIGN_MAX && r.nmembers <= ASSIGN_MAX)
			check_assign(&r, scopes[control >> 6]);
	}
	diag_reset();	/* before roster_release: the diagnostics point to the roster's paths */
	roster_release(&r);
	for (int f = 0; f < FILE_COUNT; f++)
		if (fd[f] >= 0)
			close(fd[f]);
	return 0;
}

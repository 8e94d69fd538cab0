/* fuzz_mapping: libFuzzer harness of mapping_read, then of the mapping's use against a small fixed roster. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lianhu/workbook.h"
#include "lianhu/audit.h"
#include "lianhu/diag.h"
#include "lianhu/mapping.h"
#include "lianhu/roster.h"

/*
 * The input: a control byte (bits 0-3 encoding and delimiter, see fuzz_read_opts;
 * bits 4-5 the audit's scope: building, grid, community, township; bit 6 the
 * mapping comes through a pipe, read(2), not as a regular file, mmap(2)),
 * then the mapping file.
 */
#define MAX_LOAD 2

static const char fixed_buildings[] =
    "building_id,grid_id,community,township,name\n"
    "0101,01,红旗村,隆盛合镇,一组\n"
    "0102,01,红旗村,隆盛合镇,二组\n"
    "0201,02,红旗村,隆盛合镇,三组\n"
    "0301,03,新地村,隆盛合镇,一组\n";

static const char fixed_households[] =
    "household_id,building_id,unit,room,kind,head,phone,priority\n"
    "0101001,0101,,1,resident,王建国,13904781201,\n"
    "0101002,0101,,2,resident,李秀英,13904781202,独居老人\n"
    "0102001,0102,,1,resident,刘桂兰,,\n"
    "0102002,0102,,3,shop,赵德成,13514780021,\n"
    "0201001,0201,,2,resident,陈永福,18647801156,\n"
    "0201002,0201,,4,resident,杨玉梅,13704780142,低保\n"
    "0301001,0301,,1,resident,孙淑珍,15134780411,\n";

static const char fixed_members[] =
    "member_id,name,building_id,grid_id,branch,capacity,status,phone\n"
    "DY001,王志刚,0101,01,红旗村党支部,,active,13904781288\n"
    "DY002,李红梅,0201,02,红旗村党支部,1,active,15847810199\n"
    "DY003,张永强,0102,01,红旗村党支部,,mobile,13514780388\n"
    "DY004,刘慧,,03,新地村党支部,0,active,18647800477\n";

static struct roster roster;	/* loaded once; never changes */
static FILE *devnull;	/* where the diagnostics and findings go */

/* Loads the fixed roster once per process. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct roster_paths paths = {
		.buildings = fuzz_path("buildings.csv"),
		.households = fuzz_path("households.csv"),
		.members = fuzz_path("members.csv"),
	};
	struct read_opts opts = { .encoding = ENC_AUTO };

	(void)argc;
	(void)argv;
	fuzz_write(paths.buildings, fixed_buildings, strlen(fixed_buildings));
	fuzz_write(paths.households, fixed_households, strlen(fixed_households));
	fuzz_write(paths.members, fixed_members, strlen(fixed_members));
	roster_init(&roster);
	if (roster_load(&roster, &paths, &opts) < 0 || diag_count(DIAG_ERROR) > 0) {
		diag_print(stderr);
		fuzz_fail("the fixed roster does not load cleanly");
	}
	diag_reset();
	devnull = fuzz_sink();
	return 0;
}

#define CHECK(cond) ((cond) ? (void)0 : fuzz_fail("%s:%d: not %s", __FILE__, __LINE__, #cond))

/* The first rows and contacts name rows and members that exist, and agree with each other. */
static void check_contacts(const struct mapping *map)
{
	int *rows = mapping_first_rows(map, &roster);
	int *contacts = mapping_first_contacts(map, &roster);

	for (size_t h = 0; h < roster.nhouseholds; h++) {
		CHECK(rows[h] >= -1 && rows[h] < (int)map->nrows);
		CHECK(contacts[h] >= -1 && contacts[h] < (int)roster.nmembers);
		if (rows[h] < 0) {
			CHECK(contacts[h] == -1);
			continue;
		}
		CHECK(strcmp(map->rows[rows[h]].household_id, roster.households[h].id) == 0);
		if (contacts[h] >= 0)
			CHECK(strcmp(map->rows[rows[h]].member_id, roster.members[contacts[h]].id) == 0);
	}
	free(rows);
	free(contacts);
}

/* Audits the mapping (what `lianhu audit` does with a mapping without errors) and formats every finding. */
static void check_audit(const struct mapping *map, enum tier scope)
{
	struct audit a;

	roster_apply(&roster, scope, MAX_LOAD);
	audit_run(&a, &roster, map);
	CHECK(a.covered >= 0 && a.covered <= a.households);
	for (size_t i = 0; i < a.nfindings; i++) {
		const struct finding *f = &a.findings[i];

		CHECK(f->household >= -1 && f->household < (int)roster.nhouseholds);
		CHECK(f->member >= -1 && f->member < (int)roster.nmembers);
		fprintf(devnull, "%s: %s\n", finding_name(f->code), finding_message(f, &roster));
	}
	audit_release(&a);
}

/* One mapping file: write it, read it, use it, release it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("mapping.csv");
	char buf[32];
	int fd = -1;
	struct read_opts opts;
	struct mapping map;

	if (size == 0)
		return -1;	/* not worth keeping in the corpus */
	opts = fuzz_read_opts(data[0]);
	if (data[0] & 0x40) {
		fd = fuzz_pipe(data + 1, size - 1, "mapping.csv", buf, sizeof(buf));
		path = buf;
	} else {
		fuzz_write(path, data + 1, size - 1);
	}
	if (mapping_read(&map, path, false, &opts) < 0) {
		if (book_sniff(data + 1, size - 1) == WORKBOOK_NONE)	/* a damaged workbook is refused */
			fuzz_fail("mapping_read could not read a file that exists");
		diag_reset();
		mapping_release(&map);
		if (fd >= 0)
			close(fd);
		return 0;
	}
	diag_print(devnull);
	for (size_t i = 0; i < map.nrows; i++)
		CHECK(map.rows[i].household_id != NULL && *map.rows[i].household_id != '\0' &&
		    map.rows[i].member_id != NULL && map.rows[i].line >= 1);
	check_contacts(&map);
	if (diag_count(DIAG_ERROR) == 0)
		check_audit(&map, (enum tier)((data[0] >> 4) & 3));
	diag_reset();	/* before mapping_release: the diagnostics point to the mapping's path */
	mapping_release(&map);
	if (fd >= 0)
		close(fd);
	return 0;
}

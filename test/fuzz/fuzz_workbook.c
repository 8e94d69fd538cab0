/*
 * fuzz_workbook: libFuzzer harness of the workbook reader through table_read, as every reader meets it:
 * the zip layer (the input is the file: .xlsx, .xls or anything) and the XML layer (the input's parts are
 * zipped here, so that mutations reach expat instead of dying at a CRC).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fuzz.h"
#include "lianhu/diag.h"
#include "lianhu/table.h"
#include "lianhu/workbook.h"

/*
 * The input: a control byte, then
 * - bit 0 set: the workbook file itself (zip, OLE2 or other bytes);
 * - bit 0 clear: up to four parts separated by byte 0x1c, zipped as
 *   xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/styles.xml and
 *   xl/workbook.xml (a default one naming the sheet 党员 when absent), with
 *   the package's fixed relationships;
 * bit 1: the sheet is needed (as with -d book.xlsx); bit 2: deflate the parts
 * (else store them).
 */
#define PART_SEP 0x1c

static const char content_types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char package_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
static const char default_book[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
    "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"党员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char *const id_aliases[] = { "党员编号", "编号", NULL };
static const char *const name_aliases[] = { "姓名", NULL };
static const char *const home_aliases[] = { "居住楼栋", NULL };
static const struct column columns[] = {
	{ "member_id", id_aliases, true, true },
	{ "name", name_aliases, false, false },
	{ "building_id", home_aliases, false, true },
};
static const char *const sheets[] = { "members", "党员", NULL };
static const char *const others[] = { "buildings", "住户", NULL };

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	sink = fuzz_sink();
	return 0;
}

#define CHECK(cond) ((cond) ? (void)0 : fuzz_fail("%s:%d: not %s", __FILE__, __LINE__, #cond))

/* Every record has a row from 1 on and a label. */
static void record(void *ctx, const struct table_record *rec)
{
	long *records = ctx;

	CHECK(rec->line >= 1 && rec->line <= 1048576);
	CHECK(rec->file != NULL);
	for (size_t i = 0; i < rec->count; i++)
		fprintf(sink, "%s%s", i ? "," : "", rec->fields[i]);
	fputc('\n', sink);
	(*records)++;
}

static void add_part(zip_t *z, const char *name, const void *data, size_t len, bool deflate)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t i;

	if (src == NULL || (i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE)) < 0)
		fuzz_fail("cannot add %s: %s", name, zip_strerror(z));
	zip_set_file_compression(z, (zip_uint64_t)i, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
}

/* Zips the input's parts into path. */
static void zip_parts(const char *path, const uint8_t *data, size_t size, bool deflate)
{
	static const char *const names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
		"xl/styles.xml", "xl/workbook.xml" };
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	size_t part = 0, from = 0;

	if (z == NULL)
		fuzz_fail("cannot create %s", path);
	add_part(z, "[Content_Types].xml", content_types, sizeof(content_types) - 1, deflate);
	add_part(z, "_rels/.rels", package_rels, sizeof(package_rels) - 1, deflate);
	add_part(z, "xl/_rels/workbook.xml.rels", book_rels, sizeof(book_rels) - 1, deflate);
	for (size_t i = 0; i <= size && part < 4; i++) {
		if (i < size && data[i] != PART_SEP)
			continue;
		add_part(z, names[part++], data + from, i - from, deflate);
		from = i + 1;
	}
	if (part < 4)
		add_part(z, names[3], default_book, sizeof(default_book) - 1, deflate);
	if (zip_close(z) != 0)
		fuzz_fail("cannot write %s: %s", path, zip_strerror(z));
}

/* One workbook: write it, read it through table_read, print what came out. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("book.xlsx");
	struct read_opts opts = { 0 };
	struct table_source src = { .path = path, .columns = columns, .ncolumns = 3,
	    .sheets = sheets, .others = others };
	long records = 0, rows;

	/*
	 * Not .xls: libfreexl 1.0.6 itself over-reads a stack buffer (in its iconv
	 * of a string whose length a crafted file sets) and loses memory on some
	 * files; the harness fuzzes lianhu's code, the zip and XML layers.
	 */
	if (size == 0 || (size > 1 && book_sniff(data + 1, size - 1) == WORKBOOK_XLS))
		return -1;
	src.sheet_needed = data[0] & 2;
	if (data[0] & 1)
		fuzz_write(path, data + 1, size - 1);
	else
		zip_parts(path, data + 1, size - 1, data[0] & 4);
	rows = table_read(&src, &opts, record, &records);
	CHECK(rows == -1 || rows == TABLE_HEADER_LOST || (rows >= 0 && rows + 1 == records) ||
	    (rows == 0 && records == 0));
	diag_print(sink);
	diag_reset();	/* before the label goes: the diagnostics point to it */
	free(src.label);
	return 0;
}

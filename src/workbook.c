/* workbook: the sheets of .xlsx (libzip and expat, streamed, never a DOM) and .xls (libfreexl) workbooks as rows of text. */
#include <errno.h>
#include <expat.h>
#include <freexl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/text.h"
#include "lianhu/util.h"
#include "lianhu/workbook.h"

/* SPEC 5.1: a part over 256 MiB or more than 100 times compressed is a zip bomb, not a roster. */
#define PART_MAX ((zip_uint64_t)256 << 20)
#define RATIO_MAX 100
/* The ratio counts from 1 MiB on: a small part of blanks compresses 100 times without harm. */
#define RATIO_FROM ((zip_uint64_t)1 << 20)
#define COLUMNS_MAX 16384	/* A to XFD */
#define CHUNK 65536

/* How a cell style shows a number. */
enum shown { SHOWN_GENERAL, SHOWN_DATE, SHOWN_PADDED };

struct style {
	unsigned char shown;
	unsigned char width;	/* SHOWN_PADDED: the digits of a format such as 0000000 */
};

struct sheet {
	const char *name;
	const char *part;	/* .xlsx: the zip entry of its XML */
};

/* A growing byte string. */
struct text {
	char *data;
	size_t len, alloc;
};

struct workbook {
	enum workbook_kind kind;
	char *path;
	zip_t *zip;
	const void *xls;	/* libfreexl's handle */
	struct pool *pool;	/* names, parts and shared strings */
	struct sheet *sheets;
	size_t nsheets, sheets_alloc;
	const char **strings;	/* the shared strings */
	size_t nstrings, strings_alloc;
	struct style *styles;	/* by cell style index (cellXfs) */
	size_t nstyles, styles_alloc;
	bool date1904;
};

static void text_put(struct text *t, const char *s, size_t len)
{
	GROW(t->data, t->alloc, t->len + len + 1);
	memcpy(t->data + t->len, s, len);
	t->len += len;
	t->data[t->len] = '\0';
}

static const char *text_str(struct text *t)
{
	if (t->data == NULL)
		text_put(t, "", 0);
	return t->data;
}

void book_fail(const char *path, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", path, _("error"));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " [%s]\n", diag_name(DIAG_WORKBOOK));
}

enum workbook_kind book_sniff(const void *data, size_t len)
{
	static const unsigned char zip[] = { 'P', 'K', 3, 4 };
	static const unsigned char ole2[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

	if (len >= sizeof(zip) && memcmp(data, zip, sizeof(zip)) == 0)
		return WORKBOOK_XLSX;
	if (len >= sizeof(ole2) && memcmp(data, ole2, sizeof(ole2)) == 0)
		return WORKBOOK_XLS;
	return WORKBOOK_NONE;
}

/* ---- XML parts ---- */

/* What every part's handlers share: the parser (to stop it) and why it stopped. */
struct xml {
	XML_Parser parser;
	bool stopped;		/* a handler had what it needed */
	bool doctype;		/* the part has a DTD: no workbook writes one */
};

/* An element's or attribute's name without its namespace (expat joins them with '|'). */
static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');

	return bar ? bar + 1 : name;
}

/* The value of the attribute of that local name, or NULL. */
static const char *attr(const char **atts, const char *name)
{
	for (; atts[0]; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

static void stop(struct xml *x)
{
	x->stopped = true;
	XML_StopParser(x->parser, XML_FALSE);
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
    int internal)
{
	struct xml *x = ud;

	(void)name, (void)sysid, (void)pubid, (void)internal;
	x->doctype = true;
	stop(x);
}

/* Refuses a part too big or too compressed; true when it may be read. */
static bool part_size_ok(struct workbook *wb, const char *name, zip_uint64_t size,
    zip_uint64_t comp_size)
{
	if (size > PART_MAX) {
		book_fail(wb->path, _("part '%s' is over %d MiB uncompressed (a zip bomb?)"), name,
		    (int)(PART_MAX >> 20));
		return false;
	}
	if (size > RATIO_FROM && size / RATIO_MAX > comp_size) {
		book_fail(wb->path, _("part '%s' is compressed more than %d times (a zip bomb?)"),
		    name, RATIO_MAX);
		return false;
	}
	return true;
}

/* A part being read: its stream, and what its limits are measured on. */
struct part {
	const char *name;
	zip_file_t *zf;
	zip_uint64_t comp_size, total;
};

/* Opens a part within the limits; 0 open, 1 no such part, -1 after a message. */
static int part_open(struct workbook *wb, const char *name, struct part *p)
{
	zip_int64_t i = zip_name_locate(wb->zip, name, ZIP_FL_NOCASE);
	zip_stat_t st;

	memset(p, 0, sizeof(*p));
	p->name = name;
	if (i < 0)
		return 1;
	if (zip_stat_index(wb->zip, (zip_uint64_t)i, 0, &st) != 0) {
		book_fail(wb->path, _("damaged: %s"), zip_strerror(wb->zip));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		book_fail(wb->path, _("the workbook is encrypted: save it again without a password"));
		return -1;
	}
	if (!part_size_ok(wb, name, st.size, st.comp_size))
		return -1;
	if ((p->zf = zip_fopen_index(wb->zip, (zip_uint64_t)i, 0)) == NULL) {
		book_fail(wb->path, _("damaged: %s"), zip_strerror(wb->zip));
		return -1;
	}
	p->comp_size = st.comp_size;
	return 0;
}

/* Reads the next chunk (0 at the end); -1 after a message when damaged or past a limit. */
static zip_int64_t part_read(struct workbook *wb, struct part *p, char *buf)
{
	zip_int64_t n = zip_fread(p->zf, buf, CHUNK);

	if (n < 0) {
		book_fail(wb->path, _("damaged part '%s': %s"), p->name, zip_file_strerror(p->zf));
		return -1;
	}
	p->total += (zip_uint64_t)n;
	return part_size_ok(wb, p->name, p->total, p->comp_size) ? n : -1;
}

/* True when the part's bytes hold needle (a quick look before parsing); -1 after a message. */
static int part_holds(struct workbook *wb, const char *name, const char *needle)
{
	struct part p;
	size_t keep = strlen(needle) - 1, have = 0, len;
	char *buf;
	int rc;

	if ((rc = part_open(wb, name, &p)) != 0)
		return rc > 0 ? 0 : -1;
	buf = xmalloc(CHUNK + keep);
	for (;;) {
		zip_int64_t n = part_read(wb, &p, buf + have);

		if (n <= 0) {
			rc = (int)n;
			break;
		}
		len = have + (size_t)n;
		if (memmem(buf, len, needle, keep + 1)) {
			rc = 1;
			break;
		}
		have = len < keep ? len : keep;	/* the tail, for a needle across two chunks */
		memmove(buf, buf + len - have, have);
	}
	free(buf);
	zip_fclose(p.zf);
	return rc;
}

/* Feeds the part to a parser with x's handlers; 0 read (or stopped), 1 no such part, -1 after a message. */
static int part_parse(struct workbook *wb, const char *name, struct xml *x,
    XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
	struct part p;
	char *buf = NULL;
	int rc = part_open(wb, name, &p);

	if (rc != 0)
		return rc;
	rc = -1;
	x->parser = XML_ParserCreateNS(NULL, '|');
	if (x->parser == NULL) {
		fprintf(stderr, _("lianhu: out of memory\n"));
		exit(2);
	}
	x->stopped = x->doctype = false;
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, start, end);
	XML_SetCharacterDataHandler(x->parser, chars);
	XML_SetStartDoctypeDeclHandler(x->parser, on_doctype);
	buf = xmalloc(CHUNK);
	for (;;) {
		zip_int64_t n = part_read(wb, &p, buf);

		if (n < 0)
			goto out;
		if (XML_Parse(x->parser, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (x->stopped && !x->doctype)
				break;
			book_fail(wb->path, _("damaged part '%s', line %lu: %s"), name,
			    (unsigned long)XML_GetCurrentLineNumber(x->parser), x->doctype ?
			    _("a document type declaration") : XML_ErrorString(XML_GetErrorCode(x->parser)));
			goto out;
		}
		if (n == 0)
			break;
	}
	rc = 0;
out:
	free(buf);
	XML_ParserFree(x->parser);
	zip_fclose(p.zf);
	return rc;
}

/*
 * Appends s to t with OOXML's escapes undone: _xHHHH_ is the character
 * U+HHHH (Excel writes a line break in a cell as _x000D_), _x005F_ an underscore.
 */
static void put_unescaped(struct text *t, const char *s, size_t len)
{
	size_t i = 0, from = 0;

	while (i + 7 <= len) {
		unsigned long cp;
		char *end;

		if (s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') {
			i++;
			continue;
		}
		char hex[5] = { s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0 };

		cp = strtoul(hex, &end, 16);
		if (end != hex + 4 || hex[0] == '+' || hex[0] == '-' || hex[0] == ' ') {
			i++;
			continue;
		}
		text_put(t, s + from, i - from);
		if (cp == 0) {
			text_put(t, " ", 1);
		} else if (cp < 0xd800 || cp > 0xdfff) {
			char u[4];

			text_put(t, u, utf8_encode(u, (uint32_t)cp));
		}
		i += 7;
		from = i;
	}
	text_put(t, s + from, len - from);
}

/* ---- Relationships: which part is the workbook, its sheets, strings and styles ---- */

struct rel {
	const char *id, *type, *target;
};

struct rels_state {
	struct xml x;
	struct workbook *wb;
	struct rel *rels;
	size_t nrels, rels_alloc;
};

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels_state *s = ud;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
	const char *mode = attr(atts, "TargetMode");

	if (strcmp(local(name), "Relationship") != 0 || !id || !type || !target ||
	    (mode && strcasecmp(mode, "External") == 0))
		return;
	GROW(s->rels, s->rels_alloc, s->nrels + 1);
	s->rels[s->nrels++] = (struct rel){ pool_strndup(s->wb->pool, id, strlen(id)),
	    pool_strndup(s->wb->pool, type, strlen(type)),
	    pool_strndup(s->wb->pool, target, strlen(target)) };
}

static void no_end(void *ud, const XML_Char *name)
{
	(void)ud, (void)name;
}

static void no_chars(void *ud, const XML_Char *s, int len)
{
	(void)ud, (void)s, (void)len;
}

/* The relationship whose type ends in /suffix, or NULL. */
static const struct rel *rel_of_type(const struct rels_state *s, const char *suffix)
{
	size_t n = strlen(suffix);

	for (size_t i = 0; i < s->nrels; i++) {
		size_t len = strlen(s->rels[i].type);

		if (len > n && s->rels[i].type[len - n - 1] == '/' &&
		    strcmp(s->rels[i].type + len - n, suffix) == 0)
			return &s->rels[i];
	}
	return NULL;
}

/* The zip entry a target names: absolute ("/xl/...") or relative to dir, with . and .. resolved. */
static const char *part_name(struct workbook *wb, const char *dir, const char *target)
{
	struct text t = { 0 };
	const char *s;
	const char *result;

	if (target[0] != '/')
		text_put(&t, dir, strlen(dir));
	s = target;
	while (*s) {
		size_t n = strcspn(s, "/");

		if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash;

			if (t.len > 0)
				t.data[--t.len] = '\0';	/* the trailing slash */
			slash = t.data ? strrchr(t.data, '/') : NULL;
			t.len = slash ? (size_t)(slash - t.data) + 1 : 0;
		} else if (n > 0 && !(n == 1 && s[0] == '.')) {
			text_put(&t, s, n);
			if (s[n] == '/')
				text_put(&t, "/", 1);
		}
		s += n + (s[n] == '/');
	}
	result = pool_strndup(wb->pool, text_str(&t), t.len);
	free(t.data);
	return result;
}

/* Reads a relationships part into s (empty when the part is missing); -1 after a message. */
static int rels_read(struct workbook *wb, const char *name, struct rels_state *s)
{
	memset(s, 0, sizeof(*s));
	s->wb = wb;
	if (part_parse(wb, name, &s->x, rels_start, no_end, no_chars) >= 0)
		return 0;
	free(s->rels);
	s->rels = NULL;
	return -1;
}

/* ---- workbook.xml: the sheets in order and the date system ---- */

struct book_state {
	struct xml x;
	struct workbook *wb;
	const char **rids;	/* per sheet, its relationship id */
	size_t rids_alloc;
};

static void book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct book_state *s = ud;
	struct workbook *wb = s->wb;
	const char *el = local(name);

	if (strcmp(el, "workbookPr") == 0) {
		const char *v = attr(atts, "date1904");

		wb->date1904 = v && (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0);
	} else if (strcmp(el, "sheet") == 0) {
		const char *sheet = attr(atts, "name"), *rid = attr(atts, "id");

		if (!sheet || !rid)
			return;
		GROW(wb->sheets, wb->sheets_alloc, wb->nsheets + 1);
		GROW(s->rids, s->rids_alloc, wb->nsheets + 1);
		wb->sheets[wb->nsheets] = (struct sheet){ pool_strndup(wb->pool, sheet, strlen(sheet)),
		    NULL };
		s->rids[wb->nsheets++] = pool_strndup(wb->pool, rid, strlen(rid));
	}
}

/* ---- sharedStrings.xml: rich-text runs joined, phonetic runs (rPh) left out ---- */

struct strings_state {
	struct xml x;
	struct workbook *wb;
	bool in_si, in_t;
	int phonetic;		/* depth inside rPh */
	struct text text;
};

static void strings_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct strings_state *s = ud;
	const char *el = local(name);

	(void)atts;
	if (strcmp(el, "si") == 0) {
		s->in_si = true;
		s->text.len = 0;
	} else if (strcmp(el, "rPh") == 0) {
		s->phonetic++;
	} else if (strcmp(el, "t") == 0 && s->in_si && s->phonetic == 0) {
		s->in_t = true;
	}
}

static void strings_end(void *ud, const XML_Char *name)
{
	struct strings_state *s = ud;
	struct workbook *wb = s->wb;
	const char *el = local(name);

	if (strcmp(el, "t") == 0) {
		s->in_t = false;
	} else if (strcmp(el, "rPh") == 0 && s->phonetic > 0) {
		s->phonetic--;
	} else if (strcmp(el, "si") == 0 && s->in_si) {
		s->in_si = false;
		GROW(wb->strings, wb->strings_alloc, wb->nstrings + 1);
		wb->strings[wb->nstrings++] = pool_strndup(wb->pool, text_str(&s->text), s->text.len);
	}
}

static void strings_chars(void *ud, const XML_Char *str, int len)
{
	struct strings_state *s = ud;

	if (s->in_t)
		put_unescaped(&s->text, str, (size_t)len);
}

/* ---- styles.xml: which cell styles show a date ---- */

/* A built-in number format that shows a date (ECMA-376 18.8.30, with the CJK ones). */
static bool builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58);
}

/*
 * How a custom format code shows a number: a date when its first section
 * has y, d, 年, 月 or 日 outside quotes, brackets and escapes; padded when it
 * is only zeros (0000000 keeps an ID's leading zeros in view).
 */
static struct style custom_style(const char *code)
{
	struct style st = { SHOWN_GENERAL, 0 };
	size_t zeros = 0;
	bool only_zeros = true;

	for (const char *s = code; *s && *s != ';'; s++) {
		if (*s == '"') {
			const char *q = strchr(s + 1, '"');

			s = q ? q : s + strlen(s) - 1;
			only_zeros = false;
		} else if (*s == '[') {
			const char *q = strchr(s + 1, ']');

			s = q ? q : s + strlen(s) - 1;
			only_zeros = false;
		} else if ((*s == '\\' || *s == '_' || *s == '*') && s[1]) {
			s++;
			only_zeros = false;
		} else if (strchr("yYdD", *s) || strncmp(s, "年", 3) == 0 || strncmp(s, "月", 3) == 0 ||
		    strncmp(s, "日", 3) == 0) {
			st.shown = SHOWN_DATE;
			return st;
		} else if (*s == '0') {
			zeros++;
		} else {
			only_zeros = false;
		}
	}
	if (only_zeros && zeros > 1 && zeros < 40) {
		st.shown = SHOWN_PADDED;
		st.width = (unsigned char)zeros;
	}
	return st;
}

struct custom_format {
	long id;
	struct style style;
};

struct styles_state {
	struct xml x;
	struct workbook *wb;
	bool in_cell_xfs;
	struct custom_format *formats;
	size_t nformats, formats_alloc;
	long *format_ids;	/* per cell style, its number format id */
	size_t format_ids_alloc;
};

static long number_attr(const char **atts, const char *name)
{
	const char *v = attr(atts, name);
	char *end;
	long n;

	if (v == NULL)
		return 0;
	errno = 0;
	n = strtol(v, &end, 10);
	return errno || end == v || n < 0 ? 0 : n;
}

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles_state *s = ud;
	const char *el = local(name);

	if (strcmp(el, "numFmt") == 0) {
		const char *code = attr(atts, "formatCode");

		if (code == NULL)
			return;
		GROW(s->formats, s->formats_alloc, s->nformats + 1);
		s->formats[s->nformats++] = (struct custom_format){ number_attr(atts, "numFmtId"),
		    custom_style(code) };
	} else if (strcmp(el, "cellXfs") == 0) {
		s->in_cell_xfs = true;
	} else if (strcmp(el, "xf") == 0 && s->in_cell_xfs) {
		GROW(s->format_ids, s->format_ids_alloc, s->wb->nstyles + 1);
		s->format_ids[s->wb->nstyles++] = number_attr(atts, "numFmtId");
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	struct styles_state *s = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		s->in_cell_xfs = false;
}

/* Gives every cell style its way of showing numbers; a file's own format for an id wins over the built-in one. */
static void styles_settle(struct styles_state *s)
{
	struct workbook *wb = s->wb;

	wb->styles = xcalloc(wb->nstyles + 1, sizeof(*wb->styles));
	for (size_t i = 0; i < wb->nstyles; i++) {
		long id = s->format_ids[i];
		bool custom = false;

		for (size_t f = s->nformats; f-- > 0;) {
			if (s->formats[f].id == id) {
				wb->styles[i] = s->formats[f].style;
				custom = true;
				break;
			}
		}
		if (!custom && builtin_date(id))
			wb->styles[i].shown = SHOWN_DATE;
	}
}

/* ---- Opening an .xlsx ---- */

/* Reads the workbook's parts that every sheet needs; -1 after a message. */
static int xlsx_load(struct workbook *wb)
{
	struct rels_state rels;
	struct book_state book = { .wb = wb };
	struct strings_state strings = { .wb = wb };
	struct styles_state styles = { .wb = wb };
	const char *book_part = "xl/workbook.xml", *dir;
	char *book_rels = NULL;
	const struct rel *r;
	int rc = -1, got;

	if (rels_read(wb, "_rels/.rels", &rels) < 0)
		return -1;
	if ((r = rel_of_type(&rels, "officeDocument")) != NULL)
		book_part = part_name(wb, "", r->target);
	free(rels.rels);
	got = part_parse(wb, book_part, &book.x, book_start, no_end, no_chars);
	if (got != 0) {
		if (got > 0)
			book_fail(wb->path, _("damaged: no workbook part ('%s')"), book_part);
		goto out;
	}
	/* The sheets, strings and styles are named relative to the workbook part's folder. */
	dir = part_name(wb, "", book_part);
	{
		const char *slash = strrchr(dir, '/');
		size_t n = slash ? (size_t)(slash - dir) + 1 : 0;

		book_rels = xmalloc(n + strlen(book_part + n) + sizeof("_rels/.rels"));
		sprintf(book_rels, "%.*s_rels/%s.rels", (int)n, dir, dir + n);
		dir = pool_strndup(wb->pool, dir, n);
	}
	if (rels_read(wb, book_rels, &rels) < 0)
		goto out;
	for (size_t i = 0; i < wb->nsheets; i++)
		for (size_t k = 0; k < rels.nrels && !wb->sheets[i].part; k++)
			if (strcmp(rels.rels[k].id, book.rids[i]) == 0)
				wb->sheets[i].part = part_name(wb, dir, rels.rels[k].target);
	r = rel_of_type(&rels, "sharedStrings");
	got = part_parse(wb, r ? part_name(wb, dir, r->target) : "xl/sharedStrings.xml", &strings.x,
	    strings_start, strings_end, strings_chars);
	if (got >= 0) {
		r = rel_of_type(&rels, "styles");
		got = part_parse(wb, r ? part_name(wb, dir, r->target) : "xl/styles.xml", &styles.x,
		    styles_start, styles_end, no_chars);
	}
	free(rels.rels);
	if (got < 0)
		goto out;
	styles_settle(&styles);
	rc = 0;
out:
	free(book_rels);
	free(book.rids);
	free(strings.text.data);
	free(styles.formats);
	free(styles.format_ids);
	return rc;
}

/* An OLE2 file with an EncryptedPackage stream: an .xlsx saved with a password. */
static bool encrypted_package(const void *data, size_t len)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

	return memmem(data, len, name, sizeof(name) - 1) != NULL;
}

/* Opens an .xls through libfreexl, from path or, for standard input, from a private copy; false after a message. */
static bool xls_open(struct workbook *wb, const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR"), *path = wb->path;
	char tmp[4096];
	unsigned int info = 0;
	int fd = -1, rc;

	if (dir == NULL || *dir == '\0' || strlen(dir) > sizeof(tmp) - 32)
		dir = "/tmp";
	snprintf(tmp, sizeof(tmp), "%s/lianhu-xls.XXXXXX", dir);
	if (strcmp(path, "-") == 0) {
		const char *p = data;
		size_t left = len;

		if ((fd = mkstemp(tmp)) < 0) {
			book_fail(wb->path, _("cannot keep a copy of standard input: %s"), strerror(errno));
			return false;
		}
		while (left > 0) {
			ssize_t n = write(fd, p, left);

			if (n <= 0 && errno != EINTR)
				break;
			if (n > 0)
				p += n, left -= (size_t)n;
		}
		close(fd);
		path = tmp;
	}
	rc = freexl_open(path, &wb->xls);
	if (fd >= 0)
		unlink(tmp);
	if (rc != FREEXL_OK) {
		book_fail(wb->path, _("damaged .xls workbook (libfreexl error %d)"), rc);
		return false;
	}
	if (freexl_get_info(wb->xls, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		book_fail(wb->path, _("the workbook is encrypted: save it again without a password"));
		return false;
	}
	if (freexl_get_info(wb->xls, FREEXL_BIFF_SHEET_COUNT, &info) != FREEXL_OK)
		info = 0;
	for (unsigned int i = 0; i < info && i < 65535; i++) {
		const char *name = NULL;

		if (freexl_get_worksheet_name(wb->xls, (unsigned short)i, &name) != FREEXL_OK || !name)
			name = "";
		GROW(wb->sheets, wb->sheets_alloc, wb->nsheets + 1);
		wb->sheets[wb->nsheets++] = (struct sheet){ pool_strndup(wb->pool, name, strlen(name)),
		    NULL };
	}
	return true;
}

struct workbook *book_open(const char *path, const void *data, size_t len)
{
	struct workbook *wb = xcalloc(1, sizeof(*wb));
	zip_source_t *src;
	zip_error_t err;
	bool ok;

	wb->path = xstrdup(path);
	wb->pool = pool_new();
	wb->kind = book_sniff(data, len);
	if (wb->kind == WORKBOOK_XLS) {
		if (encrypted_package(data, len)) {
			book_fail(path, _("the workbook is encrypted: save it again without a password"));
			ok = false;
		} else {
			ok = xls_open(wb, data, len);
		}
	} else {
		zip_error_init(&err);
		src = zip_source_buffer_create(data, len, 0, &err);
		if (src && (wb->zip = zip_open_from_source(src, ZIP_RDONLY, &err)) == NULL)
			zip_source_free(src);
		ok = wb->zip != NULL;
		if (!ok)
			book_fail(path, _("damaged: %s"), zip_error_strerror(&err));
		zip_error_fini(&err);
		ok = ok && xlsx_load(wb) == 0;
	}
	if (!ok) {
		book_close(wb);
		return NULL;
	}
	return wb;
}

size_t book_sheet_count(const struct workbook *wb)
{
	return wb->nsheets;
}

const char *book_sheet_name(const struct workbook *wb, size_t i)
{
	return wb->sheets[i].name;
}

void book_close(struct workbook *wb)
{
	if (wb == NULL)
		return;
	if (wb->zip)
		zip_discard(wb->zip);
	if (wb->xls)
		freexl_close(wb->xls);
	pool_free(wb->pool);
	free(wb->sheets);
	free(wb->strings);
	free(wb->styles);
	free(wb->path);
	free(wb);
}

/* ---- Cells as Excel's General format shows them ---- */

/* Appends the number in positional notation, up to 15 significant digits ("15", not "15.0"). */
static void put_number(struct text *t, double d)
{
	char buf[64], digits[32];
	int exp, ndigits = 0;
	char *e;

	if (d == 0 || !isfinite(d)) {
		text_put(t, "0", 1);
		return;
	}
	snprintf(buf, sizeof(buf), "%.14e", d);
	e = strchr(buf, 'e');
	exp = atoi(e + 1);
	for (const char *s = buf; s < e; s++)
		if (*s >= '0' && *s <= '9')
			digits[ndigits++] = *s;
	while (ndigits > 1 && digits[ndigits - 1] == '0')
		ndigits--;
	if (d < 0)
		text_put(t, "-", 1);
	if (exp > 20 || exp < -20) {	/* beyond what a person reads as a plain number */
		snprintf(buf, sizeof(buf), "%c%s%.*sE%+03d", digits[0], ndigits > 1 ? "." : "",
		    ndigits - 1, digits + 1, exp);
		text_put(t, buf, strlen(buf));
		return;
	}
	if (exp < 0) {
		text_put(t, "0.", 2);
		for (int i = -1; i > exp; i--)
			text_put(t, "0", 1);
		text_put(t, digits, (size_t)ndigits);
		return;
	}
	for (int i = 0; i <= exp; i++)
		text_put(t, i < ndigits ? &digits[i] : "0", 1);
	if (ndigits > exp + 1) {
		text_put(t, ".", 1);
		text_put(t, digits + exp + 1, (size_t)(ndigits - exp - 1));
	}
}

/* True when the number as written has more than 15 significant digits or an exponent. */
static bool imprecise(const char *v)
{
	int digits = 0, zeros = 0;
	bool started = false;

	for (const char *s = v; *s; s++) {
		if (*s == 'e' || *s == 'E')
			return true;
		if (*s < '0' || *s > '9')
			continue;
		if (*s == '0' && !started)
			continue;
		started = true;
		digits++;
		zeros = *s == '0' ? zeros + 1 : 0;
	}
	/* Trailing zeros of an integer count: 1234567890123456000 has lost digits too. */
	return digits > 15 && (strchr(v, '.') == NULL || digits - zeros > 15);
}

/* Days since 1970-01-01 as YYYY-MM-DD (the proleptic Gregorian calendar). */
static void put_date(struct text *t, long days)
{
	long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	char buf[80];

	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", yoe + era * 400 + (m <= 2), m, d);
	text_put(t, buf, strlen(buf));
}

/* A date serial as YYYY-MM-DD; false when it is no date Excel shows. */
static bool put_serial(struct text *t, double serial, bool date1904)
{
	long s;

	if (!(serial >= 0 && serial < 2958466))
		return false;
	s = (long)floor(serial);
	if (date1904) {
		put_date(t, s - 24107);
	} else if (s == 60) {
		text_put(t, "1900-02-29", 10);	/* Excel's (and Lotus's) day that never was */
	} else if (s >= 1) {
		put_date(t, s < 60 ? s - 25568 : s - 25569);
	} else {
		return false;
	}
	return true;
}

/* Appends a number cell's text: a date by its style, else General (padded by a 000 format). */
static unsigned char put_value(struct text *t, const char *v, const struct style *style,
    bool date1904)
{
	unsigned char flags = CELL_NUMBER;
	char *end;
	double d = strtod(v, &end);
	size_t start = t->len;

	if (end == v || *end != '\0') {	/* not a number after all: show what is there */
		text_put(t, v, strlen(v));
		return 0;
	}
	if (style->shown == SHOWN_DATE && put_serial(t, d, date1904))
		return 0;
	if (imprecise(v))
		flags |= CELL_IMPRECISE;
	put_number(t, d);
	if (style->shown == SHOWN_PADDED && d >= 0 && d == floor(d) && t->len - start < style->width) {
		size_t have = t->len - start, pad = style->width - have;

		GROW(t->data, t->alloc, t->len + pad + 1);
		memmove(t->data + start + pad, t->data + start, have + 1);
		memset(t->data + start, '0', pad);
		t->len += pad;
	}
	return flags;
}

/* Ends the cell text that starts at from: trimmed of surrounding spaces as a CSV field is, NUL-terminated. */
static void cell_close(struct text *t, size_t from)
{
	const char *s = t->data ? t->data + from : "";
	size_t len = trim_span(&s, t->len - from);

	if (t->data)
		memmove(t->data + from, s, len);
	t->len = from + len;
	text_put(t, "", 1);
}

/* ---- Sheets, streamed: pass 1 collects the merged ranges, pass 2 the rows ---- */

struct merge {
	long r1, c1, r2, c2;	/* 1-based row, 0-based column, inclusive */
	char *value;		/* once active: the top-left cell's text */
};

struct cell {
	long col;
	size_t off;		/* its text in the row's buffer */
	unsigned char flags;
};

enum cell_type { TYPE_NUMBER, TYPE_SHARED, TYPE_INLINE, TYPE_STRING, TYPE_BOOL, TYPE_ERROR,
	TYPE_DATE };

struct sheet_state {
	struct xml x;
	struct workbook *wb;
	workbook_row_fn fn;
	void *ctx;
	long limit;		/* columns wanted: 1..COLUMNS_MAX */
	bool in_data, in_row, in_cell, in_v, in_is, in_t;
	int phonetic;
	long row, last_row;
	bool row_given;
	long col, next_col;
	enum cell_type type;
	long style;
	struct text v, is, texts;	/* a cell's value, its inline string, the row's cell texts */
	struct cell *cells;
	size_t ncells, cells_alloc;
	const char **fields;
	unsigned char *flags;
	size_t fields_alloc;
	struct merge *merges;
	size_t nmerges, merges_alloc, next_merge;
	size_t *active;		/* indices of the merges that cover this row */
	size_t nactive, active_alloc;
	long *owner;		/* per column: 1 + the active merge covering it, or 0 */
};

/* Parses a cell reference such as B12 (row may be NULL); false when it is none. */
static bool parse_ref(const char *ref, long *col, long *row)
{
	long c = 0, r = 0;
	const char *s = ref;

	while (*s == '$')
		s++;
	for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
		c = c * 26 + ((*s | 0x20) - 'a' + 1);
		if (c > COLUMNS_MAX)
			return false;
	}
	if (c == 0)
		return false;
	if (*s == '$')
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		r = r * 10 + (*s - '0');
		if (r > 1048576)
			return false;
	}
	if (*s != '\0' || (row == NULL ? false : r == 0))
		return false;
	*col = c - 1;
	if (row)
		*row = r;
	return true;
}

static void merges_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_state *s = ud;
	const char *ref, *colon;
	struct merge m = { 0 };
	char first[32];

	if (strcmp(local(name), "mergeCell") != 0 || (ref = attr(atts, "ref")) == NULL ||
	    (colon = strchr(ref, ':')) == NULL || (size_t)(colon - ref) >= sizeof(first))
		return;
	memcpy(first, ref, (size_t)(colon - ref));
	first[colon - ref] = '\0';
	if (!parse_ref(first, &m.c1, &m.r1) || !parse_ref(colon + 1, &m.c2, &m.r2) ||
	    m.r2 < m.r1 || m.c2 < m.c1 || (m.r1 == m.r2 && m.c1 == m.c2))
		return;
	GROW(s->merges, s->merges_alloc, s->nmerges + 1);
	s->merges[s->nmerges++] = m;
}

static int merge_compare(const void *a, const void *b)
{
	const struct merge *x = a, *y = b;

	if (x->r1 != y->r1)
		return x->r1 < y->r1 ? -1 : 1;
	return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

static void field_set(struct sheet_state *s, size_t *count, long col, const char *text,
    unsigned char flags)
{
	while ((long)*count <= col) {
		GROW(s->fields, s->fields_alloc, *count + 1);
		s->flags = xreallocarray(s->flags, s->fields_alloc, 1);
		s->fields[*count] = "";
		s->flags[(*count)++] = 0;
	}
	s->fields[col] = text;
	s->flags[col] = flags;
}

/* Ends the merges above this row, and starts those whose top-left cell is in it. */
static void merges_advance(struct sheet_state *s, size_t count)
{
	for (size_t i = 0; i < s->nactive;) {
		struct merge *m = &s->merges[s->active[i]];

		if (m->r2 >= s->row) {
			i++;
			continue;
		}
		for (long c = m->c1; c <= m->c2 && c < COLUMNS_MAX; c++)
			if (s->owner[c] == (long)s->active[i] + 1)
				s->owner[c] = 0;
		free(m->value);
		m->value = NULL;
		s->active[i] = s->active[--s->nactive];
	}
	while (s->next_merge < s->nmerges && s->merges[s->next_merge].r1 <= s->row) {
		size_t k = s->next_merge++;
		struct merge *m = &s->merges[k];
		bool free_cols = true;

		if (m->r1 < s->row || m->c1 >= (long)count || !*s->fields[m->c1] || m->c1 >= s->limit)
			continue;	/* its top row is blank or missing, or it lies right of what is read */
		for (long c = m->c1; c <= m->c2 && c < s->limit && free_cols; c++)
			free_cols = s->owner[c] == 0;
		if (!free_cols)
			continue;	/* overlaps another: Excel never writes that */
		for (long c = m->c1; c <= m->c2 && c < s->limit; c++)
			s->owner[c] = (long)k + 1;
		m->value = xstrdup(s->fields[m->c1]);
		GROW(s->active, s->active_alloc, s->nactive + 1);
		s->active[s->nactive++] = k;
	}
}

/* Gives every cell of a merged range the text of its top-left cell; true when one spans columns. */
static bool merges_fill(struct sheet_state *s, size_t *count)
{
	bool across = false;

	for (size_t i = 0; i < s->nactive; i++) {
		const struct merge *m = &s->merges[s->active[i]];

		across = across || m->c2 > m->c1;
		for (long c = m->c1; c <= m->c2 && c < s->limit; c++)
			if ((long)*count <= c || !*s->fields[c])
				field_set(s, count, c, m->value, 0);
	}
	return across;
}

/* A row is complete: place its cells by column, fill merged ranges, pass it on unless blank. */
static void row_end(struct sheet_state *s)
{
	struct workbook_row row = { .row = s->row };
	size_t count = 0;
	bool blank = true;
	long want;

	for (size_t i = 0; i < s->ncells; i++)
		if (s->cells[i].col < s->limit)
			field_set(s, &count, s->cells[i].col, s->texts.data + s->cells[i].off,
			    s->cells[i].flags);
	if (s->nmerges > 0) {
		merges_advance(s, count);
		row.merged_across = merges_fill(s, &count);
	}
	for (size_t i = 0; i < count && blank; i++)
		blank = !*s->fields[i];
	s->last_row = s->row;
	if (blank)
		return;
	row.fields = s->fields;
	row.flags = s->flags;
	row.count = count;
	if ((want = s->fn(s->ctx, &row)) < 0)
		stop(&s->x);
	else
		s->limit = want > 0 && want < COLUMNS_MAX ? want : COLUMNS_MAX;
}

static enum cell_type cell_type(const char *t)
{
	static const struct { const char *name; enum cell_type type; } types[] = {
		{ "s", TYPE_SHARED }, { "inlineStr", TYPE_INLINE }, { "str", TYPE_STRING },
		{ "b", TYPE_BOOL }, { "e", TYPE_ERROR }, { "d", TYPE_DATE },
	};

	for (size_t i = 0; t && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(t, types[i].name) == 0)
			return types[i].type;
	return TYPE_NUMBER;
}

static void cell_start(struct sheet_state *s, const char **atts)
{
	const char *ref = attr(atts, "r");
	long col, row;

	if (ref && parse_ref(ref, &col, &row)) {
		if (!s->row_given && s->ncells == 0)
			s->row = row;
	} else {
		col = s->next_col;	/* no reference: the cell after the last one */
	}
	s->col = col;
	s->next_col = col + 1;
	s->type = cell_type(attr(atts, "t"));
	s->style = number_attr(atts, "s");
	s->in_cell = true;
	s->v.len = s->is.len = 0;
}

/* The text and flags of the cell just read, appended to the row's buffer. */
static void cell_end(struct sheet_state *s)
{
	struct workbook *wb = s->wb;
	const char *v = text_str(&s->v);
	static const struct style general = { SHOWN_GENERAL, 0 };
	struct cell c = { s->col, s->texts.len, 0 };
	char *end;
	long i;

	s->in_cell = false;
	if (s->col >= s->limit)
		return;
	switch (s->type) {
	case TYPE_SHARED:
		i = strtol(v, &end, 10);
		if (end != v && *end == '\0' && i >= 0 && (size_t)i < wb->nstrings)
			text_put(&s->texts, wb->strings[i], strlen(wb->strings[i]));
		break;
	case TYPE_INLINE:
		text_put(&s->texts, text_str(&s->is), s->is.len);
		break;
	case TYPE_BOOL:
		if (*v)
			text_put(&s->texts, strcmp(v, "0") == 0 ? "FALSE" : "TRUE",
			    strcmp(v, "0") == 0 ? 5 : 4);
		break;
	case TYPE_ERROR:
		c.flags = CELL_ERROR;
		/* fall through */
	case TYPE_STRING:
		put_unescaped(&s->texts, v, s->v.len);
		break;
	case TYPE_DATE:
		text_put(&s->texts, v, s->v.len < 10 ? s->v.len : 10);
		break;
	case TYPE_NUMBER:
		if (*v)
			c.flags = put_value(&s->texts, v, s->style >= 0 && (size_t)s->style < wb->nstyles ?
			    &wb->styles[s->style] : &general, wb->date1904);
		else if (s->is.len)	/* an inline string without its t="inlineStr" */
			text_put(&s->texts, s->is.data, s->is.len);
		break;
	}
	cell_close(&s->texts, c.off);
	GROW(s->cells, s->cells_alloc, s->ncells + 1);
	s->cells[s->ncells++] = c;
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_state *s = ud;
	const char *el = local(name);

	if (strcmp(el, "sheetData") == 0) {
		s->in_data = true;
	} else if (strcmp(el, "row") == 0 && s->in_data) {
		long r = number_attr(atts, "r");

		s->in_row = true;
		s->row_given = r > 0 && r <= 1048576;
		s->row = s->row_given ? r : s->last_row + 1;
		s->next_col = 0;
		s->ncells = 0;
		s->texts.len = 0;
	} else if (strcmp(el, "c") == 0 && s->in_row) {
		cell_start(s, atts);
	} else if (!s->in_cell) {
		return;
	} else if (strcmp(el, "v") == 0) {
		s->in_v = true;
	} else if (strcmp(el, "is") == 0) {
		s->in_is = true;
	} else if (strcmp(el, "rPh") == 0) {
		s->phonetic++;
	} else if (strcmp(el, "t") == 0 && s->in_is && s->phonetic == 0) {
		s->in_t = true;
	}
}

static void sheet_end(void *ud, const XML_Char *name)
{
	struct sheet_state *s = ud;
	const char *el = local(name);

	if (strcmp(el, "v") == 0) {
		s->in_v = false;
	} else if (strcmp(el, "t") == 0) {
		s->in_t = false;
	} else if (strcmp(el, "rPh") == 0 && s->phonetic > 0) {
		s->phonetic--;
	} else if (strcmp(el, "is") == 0) {
		s->in_is = false;
	} else if (strcmp(el, "c") == 0 && s->in_cell) {
		cell_end(s);
	} else if (strcmp(el, "row") == 0 && s->in_row) {
		s->in_row = false;
		row_end(s);
	} else if (strcmp(el, "sheetData") == 0) {
		stop(&s->x);	/* what follows (merges, print settings) pass 1 has read */
	}
}

static void sheet_chars(void *ud, const XML_Char *str, int len)
{
	struct sheet_state *s = ud;

	if (s->in_v)
		text_put(&s->v, str, (size_t)len);
	else if (s->in_t)
		put_unescaped(&s->is, str, (size_t)len);
}

static int xlsx_read(struct workbook *wb, size_t sheet, workbook_row_fn fn, void *ctx)
{
	struct sheet_state s = { .wb = wb, .fn = fn, .ctx = ctx, .limit = COLUMNS_MAX };
	const char *part = wb->sheets[sheet].part;
	int rc = -1, merged;

	if (part == NULL) {
		book_fail(wb->path, _("damaged: sheet '%s' has no part"), wb->sheets[sheet].name);
		return -1;
	}
	/* Most sheets merge nothing: a look at the bytes spares them the first pass. */
	if ((merged = part_holds(wb, part, "mergeCell")) < 0 ||
	    (merged && part_parse(wb, part, &s.x, merges_start, no_end, no_chars) != 0))
		goto missing;
	if (s.nmerges > 0) {
		qsort(s.merges, s.nmerges, sizeof(*s.merges), merge_compare);
		s.owner = xcalloc(COLUMNS_MAX, sizeof(*s.owner));
	}
	if (part_parse(wb, part, &s.x, sheet_start, sheet_end, sheet_chars) == 0)
		rc = 0;
missing:
	if (rc < 0 && zip_name_locate(wb->zip, part, ZIP_FL_NOCASE) < 0)
		book_fail(wb->path, _("damaged: no part '%s' for sheet '%s'"), part,
		    wb->sheets[sheet].name);
	for (size_t i = 0; i < s.nactive; i++)
		free(s.merges[s.active[i]].value);
	free(s.merges);
	free(s.active);
	free(s.owner);
	free(s.cells);
	free(s.fields);
	free(s.flags);
	free(s.v.data);
	free(s.is.data);
	free(s.texts.data);
	return rc;
}

/* ---- .xls through libfreexl ---- */

static unsigned char xls_cell(struct text *t, const FreeXL_CellValue *cell)
{
	char buf[32];

	switch (cell->type) {
	case FREEXL_CELL_INT:
		snprintf(buf, sizeof(buf), "%d", cell->value.int_value);
		text_put(t, buf, strlen(buf));
		return CELL_NUMBER;
	case FREEXL_CELL_DOUBLE:
		put_number(t, cell->value.double_value);
		return CELL_NUMBER | (fabs(cell->value.double_value) >= 1e15 ? CELL_IMPRECISE : 0);
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_TIME:
		if (cell->value.text_value)
			text_put(t, cell->value.text_value, strlen(cell->value.text_value));
		return 0;
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
		if (cell->value.text_value)
			text_put(t, cell->value.text_value, strnlen(cell->value.text_value, 10));
		return 0;
	default:
		return 0;
	}
}

static int xls_read(struct workbook *wb, size_t sheet, workbook_row_fn fn, void *ctx)
{
	struct sheet_state s = { .wb = wb, .limit = COLUMNS_MAX };
	unsigned int rows = 0;
	unsigned short cols = 0;
	int rc = 0;

	if (freexl_select_active_worksheet(wb->xls, (unsigned short)sheet) != FREEXL_OK ||
	    freexl_worksheet_dimensions(wb->xls, &rows, &cols) != FREEXL_OK) {
		book_fail(wb->path, _("damaged: sheet '%s' cannot be read"), wb->sheets[sheet].name);
		return -1;
	}
	for (unsigned int r = 0; r < rows; r++) {
		struct workbook_row row = { .row = (long)r + 1 };
		size_t count = 0;
		bool blank = true;
		long want;

		s.texts.len = 0;
		s.ncells = 0;
		for (unsigned short c = 0; c < cols && c < s.limit; c++) {
			FreeXL_CellValue cell;
			struct cell k = { c, s.texts.len, 0 };

			if (freexl_get_cell_value(wb->xls, r, c, &cell) != FREEXL_OK)
				continue;
			k.flags = xls_cell(&s.texts, &cell);
			cell_close(&s.texts, k.off);
			GROW(s.cells, s.cells_alloc, s.ncells + 1);
			s.cells[s.ncells++] = k;
		}
		for (size_t i = 0; i < s.ncells; i++) {
			field_set(&s, &count, s.cells[i].col, s.texts.data + s.cells[i].off,
			    s.cells[i].flags);
			blank = blank && !*s.fields[s.cells[i].col];
		}
		if (blank)
			continue;
		row.fields = s.fields;
		row.flags = s.flags;
		row.count = count;
		if ((want = fn(ctx, &row)) < 0)
			break;
		s.limit = want > 0 && want < COLUMNS_MAX ? want : COLUMNS_MAX;
	}
	free(s.cells);
	free(s.fields);
	free(s.flags);
	free(s.texts.data);
	return rc;
}

int book_read(struct workbook *wb, size_t sheet, workbook_row_fn fn, void *ctx)
{
	if (wb->kind == WORKBOOK_XLS)
		return xls_read(wb, sheet, fn, ctx);
	return xlsx_read(wb, sheet, fn, ctx);
}

/* table: reads one delimited text file (any supported encoding) record by record, with physical line numbers. */
#include <csv.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/table.h"
#include "lianhu/text.h"
#include "lianhu/util.h"
#include "lianhu/workbook.h"

#define FIELD_MAX (64 * 1024)	/* longer fields are an error, not a memory hazard */
#define FIELDS_MAX 16384	/* so are records of more fields than Excel has columns */

/* A byte buffer owned by whoever holds it: malloc'd, or a read-only file mapping. */
struct bytes {
	char *data;
	size_t len, alloc;
	void *map;		/* the mapping data points into, or NULL */
	size_t maplen;
	size_t dropped;		/* the mapping's bytes let go of (bytes_drop) in this pass over it */
	long lines;		/* lines in the text but empty ones, once checked */
	bool nul;		/* a NUL byte in it, once checked */
	bool checked;		/* lines and nul known */
};

#define DROP_EVERY (1u << 20)	/* how much of a mapped file is read before its pages are let go */

/*
 * The text before data + upto is read: a mapped file's pages there leave the
 * process (they stay in the page cache, and come back if read again), so the
 * file does not stay resident beside what is built from it.
 */
static void bytes_drop(struct bytes *b, size_t upto)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t end = ((size_t)(b->data - (char *)b->map) + upto) / page * page;

	if (b->map && end > b->dropped) {
		madvise((char *)b->map + b->dropped, end - b->dropped, MADV_DONTNEED);
		b->dropped = end;
	}
}

static void bytes_release(struct bytes *b)
{
	if (b->map)
		munmap(b->map, b->maplen);
	else
		free(b->data);
	memset(b, 0, sizeof(*b));
}

static void bytes_put(struct bytes *b, const void *s, size_t len)
{
	GROW(b->data, b->alloc, b->len + len + 1);
	memcpy(b->data + b->len, s, len);
	b->len += len;
}

bool encoding_parse(const char *name, enum encoding *out)
{
	static const char *const utf8[] = { "utf-8", "utf8", NULL };
	static const char *const gb[] = { "gb18030", "gbk", "gb2312", "cp936", NULL };
	static const char *const utf16[] = { "utf-16", "utf16", NULL };

	if (strcasecmp(name, "auto") == 0)
		*out = ENC_AUTO;
	else if (word_in(name, utf8))
		*out = ENC_UTF8;
	else if (word_in(name, gb))
		*out = ENC_GB18030;
	else if (word_in(name, utf16))
		*out = ENC_UTF16;
	else
		return false;
	return true;
}

/* Reads all of fd into b; returns -1 with errno set on failure. */
static int slurp(int fd, struct bytes *b)
{
	struct stat st;

	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0) {	/* map it: no copy, no page zeroing */
			void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

			if (map != MAP_FAILED) {
				b->map = b->data = map;
				b->len = b->maplen = (size_t)st.st_size;
				return 0;
			}
			GROW(b->data, b->alloc, (size_t)st.st_size + 1);
		}
	}
	for (;;) {
		ssize_t n;

		GROW(b->data, b->alloc, b->len + 65536 + 1);
		n = read(fd, b->data + b->len, b->alloc - b->len - 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		b->len += (size_t)n;
	}
	b->data[b->len] = '\0';
	return 0;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	size_t n;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

/*
 * Checks the UTF-8 sequences of s that start from from to before limit
 * (the last may read on to len); returns where they end, or where the first
 * invalid one starts. ASCII goes 8 bytes at a time, the 3-byte sequences of
 * Chinese text (leads E1-EC, EE, EF: never overlong, never a surrogate) at once.
 */
static size_t utf8_valid_upto(const unsigned char *s, size_t from, size_t limit, size_t len)
{
	size_t i = from, n;

	while (i < limit) {
		uint64_t w;
		unsigned char c = s[i];

		if (i + 8 <= len && (memcpy(&w, s + i, 8), (w = le64toh(w) & 0x8080808080808080ull) == 0)) {
			i += 8;
		} else if (c < 0x80) {	/* past the ASCII bytes before the first that is not */
			i += i + 8 <= len ? (size_t)__builtin_ctzll(w) / 8 : 1;
		} else if (c >= 0xe1 && c <= 0xef && c != 0xed && i + 2 < len &&
		    (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80) {
			i += 3;
		} else if ((n = utf8_seq(s + i, len - i)) > 0) {
			i += n;
		} else {
			return i;
		}
	}
	return i;
}

/* True when the whole buffer is valid UTF-8. */
static bool utf8_valid(const char *data, size_t len)
{
	return utf8_valid_upto((const unsigned char *)data, 0, len, len) >= len;
}

/* How many LFs of s end a line that holds something (not the LF of an empty line). */
static long lf_count(const char *s, size_t len)
{
	long n = 0;

	for (const char *p = s, *end = s + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n += p > s && p[-1] != '\n';
	return n;
}

/*
 * True when the whole text is valid UTF-8; on the way, counts its lines,
 * looks for NUL bytes and lets go of a mapped file's pages once checked.
 */
static bool text_valid(struct bytes *b)
{
	const unsigned char *s = (const unsigned char *)b->data;
	size_t pos = 0;

	b->lines = 0;
	b->nul = false;
	while (pos < b->len) {
		size_t limit = b->len - pos > DROP_EVERY ? pos + DROP_EVERY : b->len;
		size_t end = utf8_valid_upto(s, pos, limit, b->len);

		if (end < limit)
			return false;
		b->lines += lf_count(b->data + pos, end - pos);
		b->nul = b->nul || memchr(b->data + pos, '\0', end - pos) != NULL;
		bytes_drop(b, end);
		pos = end;
	}
	b->checked = true;
	return true;
}

/* The end of the physical line at s[pos], past its LF, CRLF or lone CR (old Mac exports). */
static size_t line_end(const char *s, size_t pos, size_t len)
{
	const char *nl = memchr(s + pos, '\n', len - pos);
	size_t end = nl ? (size_t)(nl - s) : len;
	const char *cr = memchr(s + pos, '\r', end - pos);

	if (cr && (size_t)(cr - s) + 1 < end)	/* a CR not just before the LF ends the line */
		return (size_t)(cr - s) + 1;
	return nl ? end + 1 : len;
}

/* The line number at the end of s: one more than the LFs and the lone CRs before it. */
static long count_lines(const char *s, size_t len)
{
	long lines = 1;
	const char *p, *end = s + len;

	for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		lines++;
	for (p = s; (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
		lines += p + 1 < end && p[1] != '\n';
	return lines;
}

/*
 * True when the text is UTF-8 with some lines in another encoding (a GBK
 * line pasted into a UTF-8 file): more lines are valid UTF-8 beyond ASCII
 * than are invalid. Then only the invalid lines are wrong, not the whole file.
 */
static bool mostly_utf8(const char *s, size_t len)
{
	long good = 0, bad = 0;

	for (size_t pos = 0, end; pos < len; pos = end) {
		bool ascii = true;

		end = line_end(s, pos, len);
		for (size_t i = pos; i < end && ascii; i++)
			ascii = (unsigned char)s[i] < 0x80;
		if (!ascii && utf8_valid(s + pos, end - pos))
			good++;
		else if (!ascii)
			bad++;
	}
	return good > bad;
}

/*
 * Replaces invalid UTF-8 and NUL bytes in *in by U+FFFD (a new buffer takes
 * its place only when there are any), one encoding error per line where they
 * occur.
 */
static void utf8_clean(struct bytes *in, const char *label)
{
	const unsigned char *s = (const unsigned char *)in->data;
	struct bytes out = { 0 };
	long line = 1, reported = 0;
	size_t i = 0, copied = 0;

	while (i < in->len) {
		size_t n = s[i] == 0 ? 0 : utf8_seq(s + i, in->len - i);

		if (n > 0) {
			if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= in->len || s[i + 1] != '\n')))
				line++;
			i += n;
			continue;
		}
		if (line != reported) {
			if (s[i] == 0)
				diag_error(label, line, DIAG_ENCODING, _("NUL byte in text (UTF-16 without "
				    "a byte order mark? try --encoding utf-16)"));
			else
				diag_error(label, line, DIAG_ENCODING,
				    _("invalid UTF-8 byte 0x%02x"), s[i]);
			reported = line;
		}
		bytes_put(&out, s + copied, i - copied);
		bytes_put(&out, "\xef\xbf\xbd", 3);
		i++;
		copied = i;
	}
	if (out.data == NULL)
		return;
	bytes_put(&out, s + copied, in->len - copied);
	out.data[out.len] = '\0';
	bytes_release(in);
	*in = out;
}

/*
 * Converts in (from the named charset) to UTF-8, one encoding error per line
 * with bad input; -1 after a message when the system cannot convert at all.
 */
static int convert(struct bytes *in, size_t skip, const char *charset, size_t unit,
    const char *label)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	struct bytes out = { 0 };
	char *src = in->data + skip;
	size_t left = in->len - skip;
	long reported = 0;

	if (cd == (iconv_t)-1) {
		fprintf(stderr, _("lianhu: cannot convert from %s: %s\n"), charset, strerror(errno));
		return -1;
	}
	GROW(out.data, out.alloc, left + left / 2 + 16);
	while (left > 0) {
		char *dst = out.data + out.len;
		size_t room = out.alloc - out.len - 1;
		size_t r = iconv(cd, &src, &left, &dst, &room);

		out.len = (size_t)(dst - out.data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			GROW(out.data, out.alloc, out.alloc + left * 2 + 16);
			continue;
		}
		long line = count_lines(out.data, out.len);

		if (line != reported)
			diag_error(label, line, DIAG_ENCODING, errno == EINVAL ?
			    _("truncated %s character at end of file") : _("invalid %s byte sequence"),
			    charset);
		reported = line;
		bytes_put(&out, "\xef\xbf\xbd", 3);
		if (errno == EINVAL)
			break;
		src += unit < left ? unit : left;
		left -= unit < left ? unit : left;
	}
	iconv_close(cd);
	out.data[out.len] = '\0';
	bytes_release(in);
	*in = out;
	return 0;
}

/* Turns raw bytes into UTF-8 text as SPEC §2 says: BOM, then valid UTF-8, then GB18030; -1 after a message. */
static int decode(struct bytes *b, enum encoding enc, const char *label)
{
	const unsigned char *s = (const unsigned char *)b->data;
	bool le = b->len >= 2 && s[0] == 0xff && s[1] == 0xfe;
	bool be = b->len >= 2 && s[0] == 0xfe && s[1] == 0xff;
	bool u8bom = b->len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf;
	bool valid = false;	/* known to be valid UTF-8 already */

	if (enc == ENC_AUTO && (le || be))
		enc = ENC_UTF16;
	else if (enc == ENC_AUTO)
		enc = (valid = text_valid(b)) || u8bom ||
		    mostly_utf8(b->data, b->len) ? ENC_UTF8 : ENC_GB18030;
	switch (enc) {
	case ENC_UTF16:
		if (convert(b, le || be ? 2 : 0, be ? "UTF-16BE" : "UTF-16LE", 2, label) < 0)
			return -1;
		valid = true;	/* iconv writes only valid UTF-8 */
		break;
	case ENC_GB18030:
		if (convert(b, 0, "GB18030", 1, label) < 0)
			return -1;
		valid = true;
		break;
	default:
		if (u8bom && b->map) {
			b->data += 3;
			b->len -= 3;
		} else if (u8bom) {
			memmove(b->data, b->data + 3, b->len - 3 + 1);
			b->len -= 3;
		}
		valid = valid || text_valid(b);
		break;
	}
	if (!valid || (b->checked ? b->nul : memchr(b->data, '\0', b->len) != NULL))
		utf8_clean(b, label);
	if (!b->checked)
		b->lines = lf_count(b->data, b->len);
	return 0;
}

/* The delimiter of the header line: the most frequent of comma, tab and semicolon outside quotes. */
static char detect_delimiter(const char *s, size_t len)
{
	size_t comma = 0, tab = 0, semi = 0;
	bool quoted = false;

	for (size_t i = 0; i < len && (quoted || (s[i] != '\n' || comma + tab + semi == 0)); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == '\t')
			tab++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\n' && comma + tab + semi > 0)
			break;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma && semi > tab)
		return ';';
	return ',';
}

/* Parser state shared with libcsv's callbacks. */
struct parse {
	const char *label;
	table_row_fn fn;
	void *ctx;
	struct bytes fields;	/* field bytes, each NUL-terminated */
	size_t *offsets;
	size_t noffsets, offsets_alloc;
	const char **ptrs;
	size_t ptrs_alloc;
	long line;		/* line being fed */
	long start;		/* line where the current record started */
	bool at_start;		/* no record in progress */
	bool too_long;		/* the record holds an oversized field, or too many: it is refused */
	bool header_lost;	/* the header could not be read: no later row can be understood */
	long records;
};

static void on_field(void *s, size_t len, void *data)
{
	struct parse *p = data;
	const char *f = s ? s : "";

	if (len > FIELD_MAX && !p->too_long) {
		diag_error(p->label, p->start, DIAG_CSV_SYNTAX,
		    _("field longer than %d bytes"), FIELD_MAX);
		p->too_long = true;
	}
	if (p->noffsets >= FIELDS_MAX) {	/* a line of commas costs no more than its bytes */
		if (!p->too_long)
			diag_error(p->label, p->start, DIAG_CSV_SYNTAX,
			    _("more than %d fields in one record"), FIELDS_MAX);
		p->too_long = true;
		return;
	}
	if (p->too_long)
		len = 0;
	len = trim_span(&f, len);
	GROW(p->offsets, p->offsets_alloc, p->noffsets + 1);
	p->offsets[p->noffsets++] = p->fields.len;
	bytes_put(&p->fields, f, len);
	bytes_put(&p->fields, "", 1);
}

/* Passes on the record of count fields in p->ptrs, unless blank or refused, and readies the next. */
static void record_done(struct parse *p, size_t count)
{
	struct table_record rec;
	bool blank = true;

	for (size_t i = 0; i < count && blank; i++)
		blank = p->ptrs[i][0] == '\0';
	if (p->too_long && p->records == 0)
		p->header_lost = true;
	if (!blank && !p->too_long && !p->header_lost) {
		rec.fields = p->ptrs;
		rec.count = count;
		rec.line = p->start;
		p->fn(p->ctx, &rec);
		p->records++;
	}
	p->noffsets = 0;
	p->fields.len = 0;
	p->at_start = true;
	p->too_long = false;
}

static void on_record(int c, void *data)
{
	struct parse *p = data;

	(void)c;
	GROW(p->ptrs, p->ptrs_alloc, p->noffsets + 1);
	for (size_t i = 0; i < p->noffsets; i++)
		p->ptrs[i] = p->fields.data + p->offsets[i];
	record_done(p, p->noffsets);
}

/*
 * libcsv's allocator: the buffer of the field being read never grows past
 * the cap, so a giant field is refused as it comes (CSV_ENOMEM), not
 * gathered whole first.
 */
static void *field_realloc(void *ptr, size_t size)
{
	return size > FIELD_MAX + 4096 ? NULL : realloc(ptr, size);
}

static void parser_start(struct csv_parser *csv, char delimiter)
{
	if (csv_init(csv, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, _("lianhu: out of memory\n"));
		exit(2);
	}
	csv_set_delim(csv, (unsigned char)delimiter);	/* libcsv never takes the delimiter for space */
	csv_set_realloc_func(csv, field_realloc);
	csv_set_blk_size(csv, 4096);
}

static bool blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* The bytes that end a field or a plain line, or make it not plain (a quote): stop[c] is true. */
static void stops_for(bool stop[256], char delimiter)
{
	memset(stop, 0, 256 * sizeof(*stop));
	stop['\n'] = stop['\r'] = stop['"'] = stop[(unsigned char)delimiter] = true;
}

/*
 * Reads the line at s (left bytes to the end of the text) as libcsv would
 * when it is plain: no quote, not blank, no longer than FIELD_MAX, at most
 * FIELDS_MAX fields. Then it splits it on the delimiter in one pass (libcsv
 * strips only spaces and tabs around unquoted fields, which trim_span strips
 * too), passes the record and returns the physical line's length (past its
 * LF, CRLF or lone CR, as line_end); else it returns 0 and passes nothing.
 */
static size_t plain_record(struct parse *p, const char *s, size_t left, const bool stop[256],
    char delimiter)
{
	size_t limit = left < FIELD_MAX + 1 ? left : FIELD_MAX + 1, i = 0, end, nfields = 0;
	char *buf;

	for (;;) {
		while (i < limit && !stop[(unsigned char)s[i]])
			i++;
		if (i == limit || s[i] != delimiter)
			break;
		if (++nfields == FIELDS_MAX)
			return 0;
		GROW(p->offsets, p->offsets_alloc, nfields);
		p->offsets[nfields - 1] = i++;
	}
	if (i < limit && s[i] == '"')
		return 0;
	end = i == limit ? i : s[i] == '\r' && i + 1 < left && s[i + 1] == '\n' ? i + 2 : i + 1;
	if (end > FIELD_MAX || i == 0 || ((s[0] == ' ' || s[0] == '\t') && blank_line(s, i)))
		return 0;
	GROW(p->fields.data, p->fields.alloc, i + 1);
	GROW(p->ptrs, p->ptrs_alloc, nfields + 1);
	buf = memcpy(p->fields.data, s, i);
	for (size_t f = 0, from = 0; f <= nfields; f++) {
		size_t to = f < nfields ? p->offsets[f] : i;
		const char *field = buf + from;
		size_t len = trim_span(&field, to - from);

		((char *)field)[len] = '\0';
		p->ptrs[f] = field;
		from = to + 1;
	}
	p->start = p->line;
	record_done(p, nfields + 1);
	return end;
}

/*
 * Feeds the text to libcsv a physical line at a time, so that every record
 * knows its first line; a line without quotes is split directly (unless
 * libcsv_only), giving the same records (check_table proves it on every
 * test corpus).
 */
static void parse_text(struct parse *p, struct bytes *b, char delimiter, bool libcsv_only)
{
	const char *text = b->data;
	struct csv_parser csv;
	size_t pos = 0, plain, len = b->len, drop = DROP_EVERY;
	bool stop[256];

	b->dropped = 0;	/* read again from the start */
	stops_for(stop, delimiter);
	parser_start(&csv, delimiter);
	p->line = 1;
	p->at_start = true;
	while (pos < len) {
		size_t end;

		if (pos >= drop) {
			bytes_drop(b, pos);
			drop = pos + DROP_EVERY;
		}
		if (p->at_start && !libcsv_only &&
		    (plain = plain_record(p, text + pos, len - pos, stop, delimiter)) > 0) {
			pos += plain;
			p->line++;
			continue;
		}
		end = line_end(text, pos, len);
		if (p->at_start && !blank_line(text + pos, end - pos)) {
			p->start = p->line;
			p->at_start = false;
		}
		if (csv_parse(&csv, text + pos, end - pos, on_field, on_record, p) != end - pos) {
			/* SPEC §2: name the line where the record starts, also when the quote is further down. */
			if (csv_error(&csv) == CSV_ENOMEM) {	/* the field cap of field_realloc */
				if (!p->too_long)
					diag_error(p->label, p->start, DIAG_CSV_SYNTAX,
					    _("field longer than %d bytes"), FIELD_MAX);
				p->header_lost |= p->records == 0;
			} else if (p->records == 0) {
				diag_error(p->label, p->start, DIAG_CSV_SYNTAX, _("misplaced quote in the "
				    "header line: no row of this file can be read without its columns"));
				p->header_lost = true;
			} else {
				diag_error(p->label, p->start, DIAG_CSV_SYNTAX, _("misplaced quote: a quote "
				    "inside an unquoted field or text after a closing quote"));
			}
			csv_free(&csv);
			parser_start(&csv, delimiter);
			p->noffsets = 0;
			p->fields.len = 0;
			p->at_start = true;
			p->too_long = false;
		}
		pos = end;
		p->line++;
	}
	if (csv_fini(&csv, on_field, on_record, p) != 0) {
		diag_error(p->label, p->start, DIAG_CSV_SYNTAX,
		    _("unterminated quoted field (the quote opened in the record starting here never "
		    "closes)"));
		p->header_lost |= p->records == 0;	/* one error: not also "the file is empty" */
	}
	csv_free(&csv);
}

/* ---- The header search, between the rows of a file and its reader ---- */

/* A row held while the header is looked for. */
struct held {
	struct table_record rec;
	unsigned char *flags;	/* NULL for a text file */
	bool merged_across;
};

/* The rows of one file on their way to the reader: the header found first, then the data. */
struct rows {
	struct table_source *src;
	table_row_fn fn;
	void *ctx;
	struct held held[TABLE_HEADER_ROWS];
	size_t nheld;
	int merged_pick;	/* the first held row that qualified with a cell merged across, or -1 */
	bool found;
	size_t width;		/* the header's fields (a workbook's rows are made as wide) */
	int *id_field;		/* per column with id: its field, or -1 */
	long *id_numbers, *id_first;	/* per column: cells stored as numbers, the first one's row */
	char **id_header;	/* per column with id: its header cell */
	const char **padded;
	size_t padded_alloc;
	long records;		/* rows passed after the header */
};

/* True when the header cell names the column, under the reader's own names. */
static bool header_names(const struct table_source *src, const char *cell, const struct column *col)
{
	return column_named(col, src->rename ? src->rename(src->rename_ctx, cell) : cell);
}

/* True when the record's fields hold every required column. */
static bool holds_required(const struct table_source *src, const struct table_record *rec)
{
	for (size_t c = 0; c < src->ncolumns; c++) {
		bool seen = !src->columns[c].required;

		for (size_t f = 0; f < rec->count && !seen; f++)
			seen = header_names(src, rec->fields[f], &src->columns[c]);
		if (!seen)
			return false;
	}
	return true;
}

static void header_take(struct rows *r, const struct table_record *rec)
{
	const struct table_source *src = r->src;

	r->found = true;
	r->width = rec->count;
	r->id_field = xmalloc((src->ncolumns + 1) * sizeof(*r->id_field));
	r->id_numbers = xcalloc(src->ncolumns + 1, sizeof(*r->id_numbers));
	r->id_first = xcalloc(src->ncolumns + 1, sizeof(*r->id_first));
	r->id_header = xcalloc(src->ncolumns + 1, sizeof(*r->id_header));
	for (size_t c = 0; c < src->ncolumns; c++) {
		r->id_field[c] = -1;
		for (size_t f = 0; f < rec->count && src->columns[c].id && r->id_field[c] < 0; f++) {
			if (header_names(src, rec->fields[f], &src->columns[c])) {
				r->id_field[c] = (int)f;
				r->id_header[c] = xstrdup(rec->fields[f]);
			}
		}
	}
	r->fn(r->ctx, rec);
}

/* The column letters of field f (0: A, 26: AA). */
static void column_letters(size_t f, char *buf)
{
	char rev[8];
	int n = 0;

	for (f++; f > 0 && n < 7; f = (f - 1) / 26)
		rev[n++] = (char)('A' + (f - 1) % 26);
	while (n > 0)
		*buf++ = rev[--n];
	*buf = '\0';
}

/* A workbook's data row: error cells and IDs stored as numbers reported, made as wide as the header. */
static void workbook_data(struct rows *r, const struct table_record *rec, const unsigned char *flags)
{
	struct table_record row = *rec;
	char letters[8];

	GROW(r->padded, r->padded_alloc, r->width + 1);
	for (size_t f = 0; f < r->width; f++) {
		r->padded[f] = f < rec->count ? rec->fields[f] : "";
		if (f < rec->count && (flags[f] & CELL_ERROR)) {
			column_letters(f, letters);
			diag_error(rec->file, rec->line, DIAG_BAD_VALUE, _("cell %s%ld holds the error %s"),
			    letters, rec->line, rec->fields[f]);
		}
	}
	for (size_t c = 0; c < r->src->ncolumns; c++) {
		int f = r->id_field[c];

		if (f < 0 || (size_t)f >= rec->count || !(flags[f] & CELL_NUMBER))
			continue;
		if (r->id_numbers[c]++ == 0)
			r->id_first[c] = rec->line;
		if (flags[f] & CELL_IMPRECISE)
			diag_error(rec->file, rec->line, DIAG_ID_PRECISION_LOST,
			    _("ID '%s' in column '%s' is a number of more than 15 digits: Excel keeps "
			    "15, so its last digits are lost; type the IDs as text"), rec->fields[f],
			    r->id_header[c]);
	}
	row.fields = r->padded;
	row.count = r->width;
	r->fn(r->ctx, &row);
}

static void data_take(struct rows *r, const struct table_record *rec, const unsigned char *flags)
{
	r->records++;
	if (flags)
		workbook_data(r, rec, flags);
	else
		r->fn(r->ctx, rec);
}

static void held_free(struct held *h)
{
	for (size_t f = 0; f < h->rec.count; f++)
		free((char *)h->rec.fields[f]);
	free(h->rec.fields);
	free(h->flags);
}

/* No better header will come: the held row that qualified across merged cells, else the first, is it. */
static void header_settle(struct rows *r)
{
	size_t pick = r->merged_pick >= 0 ? (size_t)r->merged_pick : 0;

	for (size_t i = 0; i < r->nheld; i++) {
		if (i == pick)
			header_take(r, &r->held[i].rec);
		else if (i > pick)
			data_take(r, &r->held[i].rec, r->held[i].flags);
		held_free(&r->held[i]);
	}
	r->nheld = 0;
}

/* Takes one row of the file; returns how many fields later rows need (0: all). */
static long rows_take(struct rows *r, const struct table_record *rec, const unsigned char *flags,
    bool merged_across)
{
	struct held *h;

	if (r->found) {
		data_take(r, rec, flags);
		return (long)r->width;
	}
	if (r->src->columns == NULL || (!merged_across && holds_required(r->src, rec))) {
		for (size_t i = 0; i < r->nheld; i++)
			held_free(&r->held[i]);	/* title rows above the header */
		r->nheld = 0;
		header_take(r, rec);
		return (long)r->width;
	}
	h = &r->held[r->nheld];
	h->rec = *rec;
	h->rec.fields = xmalloc((rec->count + 1) * sizeof(*h->rec.fields));
	for (size_t f = 0; f < rec->count; f++)
		h->rec.fields[f] = xstrdup(rec->fields[f]);
	h->flags = flags ? xmalloc(rec->count + 1) : NULL;
	if (flags)
		memcpy(h->flags, flags, rec->count);
	if (r->merged_pick < 0 && merged_across && holds_required(r->src, rec))
		r->merged_pick = (int)r->nheld;
	if (++r->nheld == TABLE_HEADER_ROWS)
		header_settle(r);
	return 0;
}

/* The input ended: settle the header, and report the ID columns stored as numbers. */
static void rows_end(struct rows *r)
{
	if (!r->found)
		header_settle(r);
	for (size_t c = 0; r->found && c < r->src->ncolumns; c++)
		if (r->id_numbers[c] > 0)
			diag_warning(r->src->label, r->id_first[c], DIAG_ID_STORED_AS_NUMBER,
			    ngettext("%ld ID in column '%s' is stored as a number, on this row: "
			    "Excel drops its leading zeros; format the column as text",
			    "%ld IDs in column '%s' are stored as numbers, the first on this row: "
			    "Excel drops their leading zeros; format the column as text",
			    (unsigned long)r->id_numbers[c]), r->id_numbers[c], r->id_header[c]);
}

static void rows_release(struct rows *r)
{
	for (size_t i = 0; i < r->nheld; i++)
		held_free(&r->held[i]);
	for (size_t c = 0; r->id_header && c < r->src->ncolumns; c++)
		free(r->id_header[c]);
	free(r->id_header);
	free(r->id_field);
	free(r->id_numbers);
	free(r->id_first);
	free(r->padded);
}

static void csv_row(void *ctx, const struct table_record *rec)
{
	struct table_record row = *rec;
	struct rows *r = ctx;

	row.file = r->src->label;
	rows_take(r, &row, NULL, false);
}

static long workbook_row(void *ctx, const struct workbook_row *wr)
{
	struct rows *r = ctx;
	struct table_record rec = { wr->fields, wr->count, wr->row, r->src->label };

	return rows_take(r, &rec, wr->flags, wr->merged_across);
}

/* ---- Workbooks: which sheet ---- */

/* True when the sheet's name, trimmed, is one of the words. */
static bool sheet_named(const char *name, const char *const *words)
{
	const char *s = name;
	size_t len = trim_span(&s, strlen(name));
	char *trimmed;
	bool yes;

	if (words == NULL)
		return false;
	trimmed = xmalloc(len + 1);
	memcpy(trimmed, s, len);
	trimmed[len] = '\0';
	yes = word_in(trimmed, words);
	free(trimmed);
	return yes;
}

/* A look at a sheet's first rows: does one of them hold the required columns? */
struct probe {
	const struct table_source *src;
	int rows;
	bool holds;
};

static long probe_row(void *ctx, const struct workbook_row *wr)
{
	struct probe *p = ctx;
	struct table_record rec = { wr->fields, wr->count, wr->row, NULL };

	p->holds = holds_required(p->src, &rec);
	return p->holds || ++p->rows == TABLE_HEADER_ROWS ? -1 : 0;
}

/* Says that the workbook has no sheet for src, with the names looked for and the sheets it has. */
static void sheets_missing(struct workbook *wb, const struct table_source *src)
{
	char *wanted = NULL, *seen = NULL;
	size_t wanted_len, seen_len;
	FILE *w = open_memstream(&wanted, &wanted_len), *h = open_memstream(&seen, &seen_len);

	if (w == NULL || h == NULL) {
		fprintf(stderr, _("lianhu: out of memory\n"));
		exit(2);
	}
	for (size_t i = 0; src->sheets && src->sheets[i]; i++)
		fprintf(w, "%s'%s'", i ? ", " : "", src->sheets[i]);
	for (size_t i = 0; i < book_sheet_count(wb); i++)
		fprintf(h, "%s'%s'", i ? ", " : "", book_sheet_name(wb, i));
	fclose(w);
	fclose(h);
	fprintf(stderr, _("lianhu: '%s' has no sheet for %s: none is named %s, none has its columns; "
	    "its sheets: %s\n"), src->path, src->sheets ? src->sheets[0] : "", wanted, seen);
	free(wanted);
	free(seen);
}

/*
 * The sheet for src: the one named for it, else the first (not named for
 * another table) whose header holds its required columns, else the first
 * unless src->sheet_needed. -1 after a message.
 */
static long sheet_choose(struct workbook *wb, const struct table_source *src)
{
	size_t n = book_sheet_count(wb);

	for (size_t i = 0; i < n; i++)
		if (sheet_named(book_sheet_name(wb, i), src->sheets))
			return (long)i;
	for (size_t i = 0; i < n && src->columns; i++) {
		struct probe p = { src, 0, false };

		if (sheet_named(book_sheet_name(wb, i), src->others))
			continue;
		if (book_read(wb, i, probe_row, &p) < 0)
			return -1;
		if (p.holds)
			return (long)i;
	}
	if (n > 0 && !src->sheet_needed)
		return 0;
	sheets_missing(wb, src);
	return -1;
}

/* Reads the sheet src asks for; -1 after a message. */
static int read_workbook(struct rows *r, const struct bytes *bytes)
{
	struct workbook *wb = book_open(r->src->path, bytes->data, bytes->len);
	long sheet;
	int rc = -1;

	if (wb == NULL)
		return -1;
	if ((sheet = sheet_choose(wb, r->src)) < 0)
		goto out;
	free(r->src->label);
	r->src->label = xmalloc(strlen(r->src->path) + strlen(book_sheet_name(wb, (size_t)sheet)) + 3);
	sprintf(r->src->label, "%s[%s]", r->src->path, book_sheet_name(wb, (size_t)sheet));
	diag_file(r->src->label);
	if (book_read(wb, (size_t)sheet, workbook_row, r) == 0)
		rc = 0;
out:
	book_close(wb);
	return rc;
}

long table_read(struct table_source *src, const struct read_opts *opts, table_row_fn fn,
    void *ctx)
{
	struct bytes text = { 0 };
	struct rows rows = { .src = src, .fn = fn, .ctx = ctx, .merged_pick = -1 };
	struct parse p = { .fn = csv_row, .ctx = &rows };
	bool is_stdin = strcmp(src->path, "-") == 0;
	int fd = is_stdin ? 0 : open(src->path, O_RDONLY);
	long rc;

	src->label = xstrdup(src->path);	/* a workbook's names its sheet: registered once known */
	p.label = src->label;
	if (fd < 0 || slurp(fd, &text) != 0) {
		fprintf(stderr, _("lianhu: cannot read '%s': %s\n"), src->path, strerror(errno));
		if (fd >= 0 && !is_stdin)
			close(fd);
		bytes_release(&text);
		return -1;
	}
	if (!is_stdin)
		close(fd);
	if (text.data == NULL)
		bytes_put(&text, "", 0);
	if (book_sniff(text.data, text.len) != WORKBOOK_NONE) {
		rc = read_workbook(&rows, &text);
	} else {
		diag_file(src->label);
		rc = decode(&text, opts->encoding, src->label);
		if (rc == 0) {
			src->lines = text.lines;
			parse_text(&p, &text, opts->delimiter ? opts->delimiter :
			    detect_delimiter(text.data, text.len), opts->libcsv_only);
			rc = p.header_lost ? TABLE_HEADER_LOST : 0;
		}
	}
	if (rc == 0) {
		rows_end(&rows);
		rc = rows.records;
	}
	rows_release(&rows);
	bytes_release(&text);
	free(p.fields.data);
	free(p.offsets);
	free(p.ptrs);
	return rc;
}

char *table_locate(const char *dir, const char *name, bool *in_workbook)
{
	static const char *const exts[] = { ".csv", ".xlsx", ".xls" };
	struct stat st;
	char *found = NULL, *path;

	*in_workbook = stat(dir, &st) == 0 && S_ISREG(st.st_mode);
	if (*in_workbook)
		return xstrdup(dir);
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		path = xmalloc(strlen(dir) + strlen(name) + strlen(exts[i]) + 2);
		sprintf(path, "%s/%s%s", dir, name, exts[i]);
		if (stat(path, &st) != 0) {
			free(path);
		} else if (found) {
			fprintf(stderr, _("lianhu: both '%s' and '%s' are there for %s: keep one of them\n"),
			    found, path, name);
			free(found);
			free(path);
			return NULL;
		} else {
			found = path;
		}
	}
	if (found)
		return found;
	path = xmalloc(strlen(dir) + strlen(name) + sizeof("/.csv"));
	sprintf(path, "%s/%s.csv", dir, name);
	return path;
}

int table_text(const char *path, const char *label, enum encoding enc, char **text)
{
	struct bytes b = { 0 };
	int fd = open(path, O_RDONLY);

	diag_file(label);
	if (fd < 0 || slurp(fd, &b) != 0) {
		fprintf(stderr, _("lianhu: cannot read '%s': %s\n"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		bytes_release(&b);
		return -1;
	}
	close(fd);
	if (b.data == NULL)
		bytes_put(&b, "", 0);
	decode(&b, enc, label);
	*text = xmalloc(b.len + 1);
	memcpy(*text, b.data, b.len);
	(*text)[b.len] = '\0';
	bytes_release(&b);
	return 0;
}

bool column_named(const struct column *col, const char *name)
{
	return text_same(col->name, name) || (col->aliases && word_in(name, col->aliases));
}

bool columns_match(const struct table_record *header, const struct column *cols,
    size_t ncols, int *idx, const char *label)
{
	bool ok = true;

	for (size_t c = 0; c < ncols; c++)
		idx[c] = -1;
	for (size_t f = 0; f < header->count; f++) {
		for (size_t c = 0; c < ncols; c++) {
			if (!column_named(&cols[c], header->fields[f]))
				continue;
			if (idx[c] >= 0) {
				diag_error(label, header->line, DIAG_DUPLICATE_COLUMN,
				    _("columns '%s' and '%s' both give %s"),
				    header->fields[idx[c]], header->fields[f], cols[c].name);
				ok = false;
			} else {
				idx[c] = (int)f;
			}
			break;
		}
	}
	for (size_t c = 0; c < ncols; c++) {
		if (cols[c].required && idx[c] < 0) {
			if (cols[c].aliases)
				diag_error(label, header->line, DIAG_MISSING_COLUMN,
				    _("no column '%s' (or '%s') in the header, looked for in the first %d "
				    "rows"), cols[c].name, cols[c].aliases[0], TABLE_HEADER_ROWS);
			else
				diag_error(label, header->line, DIAG_MISSING_COLUMN, _("no column '%s' in the "
				    "header, looked for in the first %d rows"), cols[c].name, TABLE_HEADER_ROWS);
			ok = false;
		}
	}
	return ok;
}

/* columns_match on the header's cells as th renames them. */
static bool header_match(const struct table_header *th, const struct table_record *rec,
    const struct column *cols, size_t ncols, int *idx)
{
	struct table_record renamed = *rec;
	const char **names;
	bool ok;

	if (th->rename == NULL)
		return columns_match(rec, cols, ncols, idx, rec->file);
	names = xmalloc((rec->count + 1) * sizeof(*names));
	for (size_t f = 0; f < rec->count; f++)
		names[f] = th->rename(th->rename_ctx, rec->fields[f]);
	renamed.fields = names;
	ok = columns_match(&renamed, cols, ncols, idx, rec->file);
	free(names);
	return ok;
}

bool table_header_step(struct table_header *th, const struct table_record *rec,
    const struct column *cols, size_t ncols, int *idx)
{
	if (!th->seen) {
		th->seen = true;
		th->fields = rec->count;
		th->line = rec->line;
		th->ok = header_match(th, rec, cols, ncols, idx);
		return false;
	}
	if (!th->ok)
		return false;
	if (rec->count != th->fields) {
		diag_error(rec->file, rec->line, DIAG_FIELD_COUNT, ngettext("%zu field, the header has %zu",
		    "%zu fields, the header has %zu", rec->count), rec->count, th->fields);
		return false;
	}
	return true;
}

bool table_header_missing(const struct table_header *th, long rows, const char *label)
{
	if (th->seen)
		return false;
	if (rows != TABLE_HEADER_LOST)
		diag_error(label, 1, DIAG_MISSING_COLUMN, _("the file is empty: no header line"));
	return true;
}

/* text: UTF-8 one character at a time: decoding, names compared, display columns, escaping, aligned tables. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/text.h"
#include "lianhu/util.h"

/* The length of the character a lead byte starts (1 to 4), or 0 for a byte that starts none. */
static size_t lead_length(unsigned char b)
{
	return b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 :
	    b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

size_t utf8_decode(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = lead_length(p[0]), i;
	uint32_t c = n == 1 ? p[0] : p[0] & (0x7fu >> n);

	for (i = 1; i < n && (p[i] & 0xc0) == 0x80; i++)
		c = c << 6 | (p[i] & 0x3f);
	if (n == 0 || i < n) {
		*cp = 0xdc00 + (uint32_t)p[0];	/* a byte that starts no character */
		return 1;
	}
	*cp = c;
	return n;
}

size_t utf8_encode(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

uint32_t utf8_next(const char **s)
{
	uint32_t cp;

	*s += utf8_decode(*s, &cp);
	return cp;
}

uint32_t utf8_next_folded(const char **s)
{
	uint32_t cp = utf8_next(s);

	if (cp >= 0xff01 && cp <= 0xff5e)
		cp -= 0xff01 - 0x21;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

bool text_same(const char *a, const char *b)
{
	while (*a && *b)
		if (utf8_next_folded(&a) != utf8_next_folded(&b))
			return false;
	return *a == *b;
}

bool word_in(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (text_same(s, *words))
			return true;
	return false;
}

struct range {
	uint32_t first, last;
};

/* East Asian Wide (W) and Fullwidth (F) characters of Unicode 15, merged into runs. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1AFF0, 0x1B2FF }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F },
	{ 0x1F680, 0x1F6FF }, { 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Combining marks, zero-width spaces and joiners, variation selectors: no column of their own. */
static const struct range zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

static bool in_ranges(uint32_t c, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c > r[mid].last)
			lo = mid + 1;
		else if (c < r[mid].first)
			hi = mid;
		else
			return true;
	}
	return false;
}

static size_t char_width(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 0;
	if (in_ranges(c, zero, sizeof(zero) / sizeof(zero[0])))
		return 0;
	return in_ranges(c, wide, sizeof(wide) / sizeof(wide[0])) ? 2 : 1;
}

size_t display_width(const char *s)
{
	size_t width = 0;
	uint32_t c;

	while (*s) {
		s += utf8_decode(s, &c);
		width += char_width(c);
	}
	return width;
}

void put_clipped(FILE *fp, const char *s, size_t max, void (*put)(FILE *, const char *))
{
	const char *p = s;
	size_t width = 0, len;
	uint32_t c;
	char *head;

	if (display_width(s) <= max) {
		put(fp, s);
		return;
	}
	while (*p) {
		len = utf8_decode(p, &c);
		if (width + char_width(c) + 1 > max)
			break;
		width += char_width(c);
		p += len;
	}
	head = xmalloc((size_t)(p - s) + 1);
	memcpy(head, s, (size_t)(p - s));
	head[p - s] = '\0';
	put(fp, head);
	fputs("…", fp);
	free(head);
}

void html_put(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			putc(*s, fp);
		}
	}
}

void md_put(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			putc(' ', fp);
		else if (strchr("\\`*_[]<>|&~$#!", *s) != NULL)
			fprintf(fp, "\\%c", *s);
		else
			putc(*s, fp);
	}
}

void text_table_init(struct text_table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->right = xcalloc(ncols + 1, sizeof(*t->right));
}

void text_table_add(struct text_table *t, const char *cell)
{
	char *copy = xstrdup(cell), *out = copy;

	for (const unsigned char *p = (const unsigned char *)cell; *p; p++) {
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			p++, *out++ = ' ';	/* a C1 control such as CSI */
		else
			*out++ = *p < 0x20 || *p == 0x7f ? ' ' : (char)*p;
	}
	*out = '\0';
	GROW(t->cells, t->cells_alloc, t->ncells + 1);
	t->cells[t->ncells++] = copy;
}

void text_table_rule(struct text_table *t)
{
	GROW(t->cells, t->cells_alloc, t->ncells + t->ncols);
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->ncells++] = NULL;
}

static void pad(FILE *fp, size_t n, char c)
{
	while (n-- > 0)
		putc(c, fp);
}

static void print_row(const struct text_table *t, char *const *row, const size_t *widths,
    size_t total, FILE *fp)
{
	if (row[0] == NULL) {
		pad(fp, total, '-');
		putc('\n', fp);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		size_t w = display_width(row[c]);
		bool last = c + 1 == t->ncols;

		if (c > 0)
			pad(fp, 2, ' ');
		if (t->right[c])
			pad(fp, widths[c] - w, ' ');
		fputs(row[c], fp);
		if (!t->right[c] && !last)
			pad(fp, widths[c] - w, ' ');
	}
	putc('\n', fp);
}

void text_table_print(const struct text_table *t, FILE *fp)
{
	size_t *widths = xcalloc(t->ncols + 1, sizeof(*widths)), total = 0;

	for (size_t i = 0; i < t->ncells; i++) {
		size_t c = i % t->ncols;
		size_t w = t->cells[i] ? display_width(t->cells[i]) : 0;

		if (w > widths[c])
			widths[c] = w;
	}
	for (size_t c = 0; c < t->ncols; c++)
		total += widths[c] + (c > 0 ? 2 : 0);
	for (size_t i = 0; i + t->ncols <= t->ncells; i += t->ncols)
		print_row(t, t->cells + i, widths, total, fp);
	free(widths);
}

void text_table_release(struct text_table *t)
{
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
	memset(t, 0, sizeof(*t));
}

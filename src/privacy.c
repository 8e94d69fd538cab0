/* privacy: --mask, for lists and reports that leave the office: 138****1234, 王*, 欧阳**. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/privacy.h"
#include "lianhu/roster.h"
#include "lianhu/text.h"
#include "lianhu/util.h"

static const char *const compound_surnames[] = {
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "令狐", "端木", "澹台", "轩辕", "呼延", "西门", "南宫", NULL
};

static size_t count_chars(const char *s)
{
	size_t n = 0;

	for (; *s; utf8_next(&s))
		n++;
	return n;
}

/* Copies s into out (size n) but for a '*' in place of each character after the first keep and before the last tail. */
static const char *keep_then_stars(const char *s, size_t keep, size_t tail, char *out, size_t n)
{
	size_t total = count_chars(s), at = 0, i = 0;

	if (n == 0)
		return out;
	for (; *s && at + 5 < n; i++) {
		uint32_t cp;
		size_t len = utf8_decode(s, &cp);

		if (i < keep || i >= total - tail) {
			memcpy(out + at, s, len);
			at += len;
		} else {
			out[at++] = '*';
		}
		s += len;
	}
	out[at] = '\0';
	return out;
}

const char *mask_phone(const char *phone, char *out, size_t n)
{
	size_t len = count_chars(phone);

	if (len >= 8)
		return keep_then_stars(phone, 3, 4, out, n);
	return keep_then_stars(phone, 0, len >= 2 ? 2 : 0, out, n);
}

const char *mask_name(const char *name, char *out, size_t n)
{
	size_t keep = 1;

	for (const char *const *c = compound_surnames; *c; c++)
		if (strncmp(name, *c, strlen(*c)) == 0 && count_chars(name) > 2)
			keep = 2;
	if (count_chars(name) <= 1)
		keep = 0;
	return keep_then_stars(name, keep, 0, out, n);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Separators a phone number is written with: 138-1234-5678, 138 1234 5678, (0478)8123456, 0478.812.3456. */
static bool is_separator(char c)
{
	return c == '-' || c == ' ' || c == '(' || c == ')' || c == '.';
}

/*
 * True when the digits make a phone number: a mobile, 1[3-9] and 9 more
 * (86 before it too), or a landline with its area code, 0 and 9 to 11 more.
 */
static bool phone_digits(const char *d, size_t n)
{
	if (n == 13 && d[0] == '8' && d[1] == '6')
		d += 2, n -= 2;
	if (n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9')
		return true;
	return n >= 10 && n <= 12 && d[0] == '0';
}

/*
 * The phone number in the digit groups starting at s (groups split by one
 * separator, or two): its length in bytes, or 0 when the groups from s make none.
 */
static size_t phone_at(const char *s)
{
	char digits[16];
	size_t n = 0, i = 0, len = 0;

	while (n < sizeof(digits)) {
		if (is_digit(s[i])) {
			digits[n++] = s[i++];
			if (!is_digit(s[i]) && phone_digits(digits, n))
				len = i;	/* the longest ends a group */
		} else if (n > 0 && is_separator(s[i]) &&
		    (is_digit(s[i + 1]) || (is_separator(s[i + 1]) && is_digit(s[i + 2])))) {
			i += is_digit(s[i + 1]) ? 1 : 2;	/* one separator, or two as in "(0478) 812" */
		} else {
			break;
		}
	}
	return len;
}

char *mask_phones_in(const char *s)
{
	char *out = NULL, buf[64], run[32];
	size_t len;

	for (size_t i = 0; s[i]; i++) {
		bool starts = (is_digit(s[i]) || (s[i] == '(' && s[i + 1] == '0')) &&
		    (i == 0 || !is_digit(s[i - 1]));

		if (!starts)
			continue;
		len = phone_at(s[i] == '(' ? s + i + 1 : s + i) + (s[i] == '(');
		if (len == 0 || len >= sizeof(run))
			continue;
		if (out == NULL)
			out = xstrdup(s);
		memcpy(run, s + i, len);
		run[len] = '\0';
		mask_phone(run, buf, sizeof(buf));
		memcpy(out + i, buf, strlen(buf));	/* as many bytes: digits and separators are ASCII */
		i += len - 1;
	}
	return out;
}

/* Replaces *field by its masked copy (in the roster's pool) when it holds a phone number. */
static void mask_field(struct roster *r, const char **field)
{
	char *masked;

	if (*field == NULL || (masked = mask_phones_in(*field)) == NULL)
		return;
	*field = pool_strndup(r->pool, masked, strlen(masked));
	free(masked);
}

/* Sets *field to its masked form (how: mask_name or mask_phone), a copy in the roster's pool. */
static void mask_person(struct roster *r, const char **field,
    const char *(*how)(const char *, char *, size_t))
{
	size_t n = strlen(*field) + 8;
	char *buf;
	const char *masked;

	if (**field == '\0')
		return;
	buf = xmalloc(n);
	masked = how(*field, buf, n);
	*field = pool_strndup(r->pool, masked, strlen(masked));
	free(buf);
}

void mask_roster_people(struct roster *r)
{
	for (size_t h = 0; h < r->nhouseholds; h++) {
		mask_person(r, &r->households[h].head, mask_name);
		mask_person(r, &r->households[h].phone, mask_phone);
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		mask_person(r, &r->members[m].name, mask_name);
		mask_person(r, &r->members[m].phone, mask_phone);
	}
}

void mask_roster_text(struct roster *r)
{
	for (size_t b = 0; b < r->nbuildings; b++)
		mask_field(r, &r->buildings[b].name);
	for (size_t h = 0; h < r->nhouseholds; h++) {
		struct household *hh = &r->households[h];

		mask_field(r, &hh->unit);
		mask_field(r, &hh->room);
		mask_field(r, &hh->head);
		mask_field(r, &hh->priority);
	}
	for (size_t m = 0; m < r->nmembers; m++) {
		mask_field(r, &r->members[m].name);
		mask_field(r, &r->members[m].branch);
		mask_field(r, &r->members[m].group);
	}
}

/* privacy: --mask, for lists and reports that leave the office: 138****1234, 王*, 欧阳**. */
#include <string.h>

#include "lianhu/privacy.h"

static const char *const compound_surnames[] = {
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "令狐", "端木", "澹台", "轩辕", "呼延", "西门", "南宫", NULL
};

/* Bytes of the UTF-8 character starting at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

	for (size_t i = 1; i < n; i++)
		if (s[i] == '\0')
			return i;
	return n;
}

static size_t count_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s += char_len(s))
		n++;
	return n;
}

/* Copies the first keep characters of s into out, then one '*' per remaining character. */
static const char *keep_then_stars(const char *s, size_t keep, size_t tail, char *out, size_t n)
{
	size_t total = count_chars(s), at = 0, i = 0;

	if (n == 0)
		return out;
	for (; *s && at + 5 < n; i++) {
		size_t len = char_len(s);

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

/* Masks a phone number into out (size n). */
const char *mask_phone(const char *phone, char *out, size_t n)
{
	size_t len = count_chars(phone);

	if (len >= 8)
		return keep_then_stars(phone, 3, 4, out, n);
	return keep_then_stars(phone, 0, len >= 2 ? 2 : 0, out, n);
}

/* Masks a person's name into out (size n). */
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

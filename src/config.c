/* config: reads lianhu.ini (with libinih) into an office's own column names and words (SPEC 5.2). */
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/config.h"
#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/text.h"

/* The INI text being parsed: where the next line starts and its number. */
struct loading {
	struct config *c;
	const char *label;
	const char *next;
	long line;		/* of the line the parser has now */
};

void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->pool = pool_new();
	strmap_init(&c->headers);
	strmap_init(&c->statuses);
	strmap_init(&c->kinds);
}

void config_release(struct config *c)
{
	strmap_release(&c->headers);
	strmap_release(&c->statuses);
	strmap_release(&c->kinds);
	free(c->targets);
	pool_free(c->pool);
	memset(c, 0, sizeof(*c));
}

/* The folded form of s (ASCII case, full-width forms) as a key; the caller frees it. */
static char *folded(const char *s)
{
	char *key = xmalloc(strlen(s) * 2 + 1);	/* a folded code point is never longer */
	size_t n = 0;

	while (*s)
		n += utf8_encode(key + n, utf8_next_folded(&s));
	key[n] = '\0';
	return key;
}

/* The value stored for word's folded form, or -1. */
static int lookup(const struct strmap *m, const char *word)
{
	char *key;
	int v;

	if (m->count == 0)
		return -1;
	key = folded(word);
	v = strmap_get(m, key);
	free(key);
	return v;
}

/* Records a [config] error on the line being parsed; returns 0, inih's "error". */
static int bad(struct loading *ld, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(ld->label, ld->line, DIAG_CONFIG, "%s", msg);
	return 0;
}

/* Stores name -> value in m; an error when name has another value already. */
static int put(struct loading *ld, struct strmap *m, const char *name, int value)
{
	char *key = folded(name);
	const char *kept = pool_strndup(ld->c->pool, key, strlen(key));
	int old = strmap_put(m, kept, value);

	free(key);
	if (old != value)
		return bad(ld, _("'%s' is given another meaning on an earlier line"), name);
	return 1;
}

/* True when name is a column of some roster, by its English name or an alias. */
static bool known_column(const char *name)
{
	for (int f = 0; f < FILE_COUNT; f++) {
		const struct schema *s = &roster_schemas[f];

		for (size_t i = 0; i < s->ncolumns; i++)
			if (text_same(name, s->columns[i].name) || word_in(name, s->columns[i].aliases))
				return true;
	}
	return false;
}

/* The index of name among names (by text_same), or -1. */
static int name_index(const char *name, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (text_same(name, names[i]))
			return i;
	return -1;
}

/* A local column name: kept with the standard name it stands for. */
static int column_entry(struct loading *ld, const char *name, const char *value)
{
	struct config *c = ld->c;

	if (!known_column(value))
		return bad(ld, _("'%s' is not a column of the rosters (building_id, household_id, "
		    "member_id, status, kind ...)"), value);
	GROW(c->targets, c->targets_alloc, c->ntargets + 1);
	c->targets[c->ntargets] = pool_strndup(c->pool, value, strlen(value));
	if (put(ld, &c->headers, name, (int)c->ntargets) == 0)
		return 0;
	c->ntargets++;
	return 1;
}

/* libinih's callback: one name = value line of a section. */
static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct loading *ld = user;
	int v;

	if (!*name || !*value)
		return bad(ld, _("'%s = %s': both a name and a value are needed"), name, value);
	if (text_same(section, "columns"))
		return column_entry(ld, name, value);
	if (text_same(section, "status")) {
		if ((v = name_index(value, status_class_names, STATUS_CLASSES)) < 0)
			return bad(ld, _("status '%s' is not eligible, inactive, mobile, infirm or lost"),
			    value);
		return put(ld, &ld->c->statuses, name, v);
	}
	if (text_same(section, "kind")) {
		if ((v = name_index(value, kind_names, KIND_COUNT)) < 0)
			return bad(ld, _("kind '%s' is not resident, shop or vacant"), value);
		return put(ld, &ld->c->kinds, name, v);
	}
	if (!*section)
		return bad(ld, _("'%s' is outside a section ([columns], [status] or [kind])"), name);
	return bad(ld, _("section '[%s]' is not known ([columns], [status] or [kind])"), section);
}

/*
 * Reports a line libinih refuses (it says only which one came first): not
 * blank, no comment, no continuation (indented), no [section], no name = value.
 */
static void check_syntax(struct loading *ld, const char *line)
{
	const char *s = line + strspn(line, " \t\r\n");

	if (*s == '\0' || *s == ';' || *s == '#' || s > line)
		return;
	if (*s == '[' && strchr(s, ']') == NULL)
		bad(ld, _("section name without its closing ']'"));
	else if (*s != '[' && strpbrk(s, "=:") == NULL)
		bad(ld, _("neither a [section] nor a 'name = value' line"));
}

/* libinih's reader: the next line of the text, cut to fit size; counts lines. */
static char *next_line(char *str, int size, void *stream)
{
	struct loading *ld = stream;
	const char *end;
	size_t len, keep;

	if (*ld->next == '\0')
		return NULL;
	end = strchr(ld->next, '\n');
	len = end ? (size_t)(end - ld->next) + 1 : strlen(ld->next);
	keep = len < (size_t)size - 1 ? len : (size_t)size - 1;
	memcpy(str, ld->next, keep);
	str[keep] = '\0';
	ld->next += len;
	ld->line++;
	if (keep < len)	/* what is cut off would be taken for lines of their own */
		bad(ld, _("line longer than %d bytes"), size - 2);
	else
		check_syntax(ld, str);
	return str;
}

int config_load(struct config *c, const char *path, const char *label, enum encoding enc)
{
	struct loading ld = { .c = c, .label = label };
	char *text;

	if (table_text(path, label, enc, &text) < 0)
		return -1;
	ld.next = text;
	/* Its result, the first bad line, is known: next_line and on_entry report every one. */
	(void)ini_parse_stream(next_line, &ld, on_entry, &ld);
	free(text);
	return 0;
}

const char *config_header(const struct config *c, const char *header)
{
	int t = lookup(&c->headers, header);

	return t >= 0 ? c->targets[t] : header;
}

bool config_status(const struct config *c, const char *word, enum status_class *out)
{
	int v = lookup(&c->statuses, word);

	if (v >= 0)
		*out = (enum status_class)v;
	return v >= 0;
}

bool config_kind(const struct config *c, const char *word, enum household_kind *out)
{
	int v = lookup(&c->kinds, word);

	if (v >= 0)
		*out = (enum household_kind)v;
	return v >= 0;
}

/* visits: reads the visit log (SPEC 5.5) and measures every household against its interval on a day. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lianhu/diag.h"
#include "lianhu/i18n.h"
#include "lianhu/schema.h"
#include "lianhu/text.h"
#include "lianhu/visits.h"

/* The sheet a visit log is taken from in a workbook. */
static const char *const visit_sheets[] = { "visits", "走访台账", "走访记录", "走访", NULL };

#define INTERVAL_MAX 36500L	/* a hundred years: longer intervals are typing errors */

/* H. Hinnant's days_from_civil: no mktime, no time zone. */
long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(long y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads min to max ASCII digits at *p into *v; false when there are fewer or more. */
static bool take_digits(const char **p, int min, int max, long *v)
{
	int n = 0;

	for (*v = 0; n < max && (*p)[n] >= '0' && (*p)[n] <= '9'; n++)
		*v = *v * 10 + ((*p)[n] - '0');
	if (n < min || ((*p)[n] >= '0' && (*p)[n] <= '9'))
		return false;
	*p += n;
	return true;
}

/* Skips the separator sep at *p; false when it is not there. */
static bool take(const char **p, const char *sep)
{
	size_t n = strlen(sep);

	if (strncmp(*p, sep, n) != 0)
		return false;
	*p += n;
	return true;
}

bool date_parse(const char *s, long *day)
{
	static const char *const seps[] = { "-", "/", ".", "年" };
	size_t len = trim_span(&s, strlen(s));
	const char *p = s, *end = s + len;
	long y, m, d;

	if (!take_digits(&p, 4, 4, &y))
		return false;
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		const char *q = p;
		bool cjk = i == 3;

		if (!take(&q, seps[i]) || !take_digits(&q, 1, 2, &m) ||
		    !take(&q, cjk ? "月" : seps[i]) || !take_digits(&q, 1, 2, &d) ||
		    (cjk && !take(&q, "日")) || q != end)
			continue;
		if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, (int)m))
			return false;
		*day = days_from_civil(y, (int)m, (int)d);
		return true;
	}
	return false;
}

char *date_format(long day, char *buf)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, DATE_TEXT, "%04ld-%02d-%02d", y, m, d);
	return buf;
}

long date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		abort();
	return days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

void visit_rules_init(struct visit_rules *vr)
{
	memset(vr, 0, sizeof(*vr));
	vr->priority = 30;
	vr->ordinary = 90;
}

void visit_rules_release(struct visit_rules *vr)
{
	for (size_t i = 0; i < vr->nrules; i++)
		free(vr->rules[i].tag);
	free(vr->rules);
	memset(vr, 0, sizeof(*vr));
}

static void set_rule(struct visit_rules *vr, const char *tag, size_t len, long days)
{
	static const char *const priority[] = { "priority", "重点", NULL };
	static const char *const ordinary[] = { "ordinary", "一般", "普通", NULL };
	char *key = xmalloc(len + 1);

	memcpy(key, tag, len);
	key[len] = '\0';
	if (word_in(key, priority) || word_in(key, ordinary)) {
		*(word_in(key, priority) ? &vr->priority : &vr->ordinary) = days;
		free(key);
		return;
	}
	for (size_t i = 0; i < vr->nrules; i++) {
		if (strcasecmp(vr->rules[i].tag, key) == 0) {
			vr->rules[i].days = days;
			free(key);
			return;
		}
	}
	GROW(vr->rules, vr->rules_alloc, vr->nrules + 1);
	vr->rules[vr->nrules++] = (struct visit_rule){ key, days };
}

bool visit_rules_parse(struct visit_rules *vr, const char *arg, const char **why)
{
	const char *item = arg;

	for (;;) {
		const char *comma = strchr(item, ','), *eq, *tag = item, *end;
		size_t len = comma ? (size_t)(comma - item) : strlen(item), taglen;
		char number[16];
		long days;

		eq = memchr(item, '=', len);
		end = item + len;
		if (eq == NULL) {
			*why = N_("each rule is TAG=DAYS");
			return false;
		}
		taglen = trim_span(&tag, (size_t)(eq - item));
		if (taglen == 0) {
			*why = N_("a rule has no tag before '='");
			return false;
		}
		eq++;
		len = trim_span(&eq, (size_t)(end - eq));
		if (len == 0 || len >= sizeof(number)) {
			*why = N_("a rule's days must be a whole number from 1 to 36500");
			return false;
		}
		memcpy(number, eq, len);
		number[len] = '\0';
		if (!parse_count(number, INTERVAL_MAX, &days) || days < 1) {
			*why = N_("a rule's days must be a whole number from 1 to 36500");
			return false;
		}
		set_rule(vr, tag, taglen, days);
		if (comma == NULL)
			return true;
		item = comma + 1;
	}
}

/* True when one of the parts of tag (split at 、 , ， ; ； / ／ and spaces) is rule (any case). */
static bool tag_has(const char *tag, const char *rule)
{
	static const char *const seps[] = { "、", ",", "，", ";", "；", "/", "／", " ", "\t",
		"\xe3\x80\x80", NULL };
	size_t rlen = strlen(rule);
	const char *p = tag;

	while (*p) {
		const char *start = p, *stop;
		size_t len;

		for (;;) {
			size_t k;

			for (k = 0; seps[k] && strncmp(p, seps[k], strlen(seps[k])) != 0; k++)
				;
			if (*p == '\0' || seps[k]) {
				stop = p;
				p += *p ? strlen(seps[k]) : 0;
				break;
			}
			p++;
		}
		len = trim_span(&start, (size_t)(stop - start));
		if (len == rlen && strncasecmp(start, rule, len) == 0)
			return true;
	}
	return false;
}

long visit_interval(const struct visit_rules *vr, const char *tag)
{
	long best = LONG_MAX;

	if (tag == NULL)
		return vr->ordinary;
	for (size_t i = 0; i < vr->nrules; i++)
		if (vr->rules[i].days < best && (strcasecmp(tag, vr->rules[i].tag) == 0 ||
		    tag_has(tag, vr->rules[i].tag)))
			best = vr->rules[i].days;
	return best == LONG_MAX ? vr->priority : best;
}

static const enum diag_code codes[VISIT_CODES] = {
	DIAG_OVERDUE, DIAG_NEVER_VISITED, DIAG_UNKNOWN_HOUSEHOLD, DIAG_UNKNOWN_MEMBER,
	DIAG_BAD_DATE, DIAG_FUTURE_DATE, DIAG_VISIT_BY_OTHER,
};

enum diag_code visit_diag_code(enum visit_code code)
{
	return codes[code];
}

const char *visit_code_name(enum visit_code code)
{
	return diag_name(codes[code]);
}

/* The state of the log being read. */
struct reading {
	struct visits *v;
	const struct roster *r;
	int idx[V_NCOLS];
	struct table_header header;
};

static const char *keep(struct visits *v, const char *s)
{
	return *s ? pool_strndup(v->pool, s, strlen(s)) : "";
}

static void add(struct visits *v, enum visit_code code, int h, const char *hid, const char *mid,
    const char *date, long line)
{
	GROW(v->findings, v->findings_alloc, v->nfindings + 1);
	v->findings[v->nfindings++] = (struct visit_finding){ code, h, keep(v, hid), keep(v, mid),
		keep(v, date), line };
	v->counts[code]++;
}

static const char *field(const struct reading *rd, const struct table_record *rec, int col)
{
	return rd->idx[col] >= 0 ? rec->fields[rd->idx[col]] : "";
}

/* Counts a visit to household h on day. */
static void count_visit(struct visits *v, int h, long day, const char *need, const char *resolved)
{
	struct household_visits *hv = &v->per[h];

	hv->visits++;
	v->visits++;
	if (day > hv->last)
		hv->last = day;
	if (*need) {
		hv->needs++;
		v->needs++;
		if (word_in(resolved, resolved_words)) {
			hv->needs_resolved++;
			v->needs_resolved++;
		}
	}
}

/* One row of the log: its findings, and a visit when it is one. */
static void visit_row(void *ctx, const struct table_record *rec)
{
	struct reading *rd = ctx;
	struct visits *v = rd->v;
	const char *hid, *mid, *date;
	bool faulty = false;
	int h, m = -1;
	long day;

	if (!table_header_step(&rd->header, rec, visits_schema.columns, V_NCOLS, rd->idx))
		return;
	hid = field(rd, rec, V_HOUSEHOLD);
	mid = field(rd, rec, V_MEMBER);
	date = field(rd, rec, V_DATE);
	if ((h = strmap_get(&rd->r->household_ids, hid)) < 0) {
		add(v, VISIT_UNKNOWN_HOUSEHOLD, -1, hid, mid, date, rec->line);
		faulty = true;
	}
	if (*mid && (m = strmap_get(&rd->r->member_ids, mid)) < 0) {
		add(v, VISIT_UNKNOWN_MEMBER, h, hid, mid, date, rec->line);
		faulty = true;
	}
	if (!date_parse(date, &day)) {
		add(v, VISIT_BAD_DATE, h, hid, mid, date, rec->line);
		faulty = true;
	} else if (day > v->as_of) {
		add(v, VISIT_FUTURE_DATE, h, hid, mid, date, rec->line);
	} else if (h >= 0 && v->per[h].counted) {
		count_visit(v, h, day, field(rd, rec, V_NEED), field(rd, rec, V_RESOLVED));
		if (m >= 0 && m != v->contact_member[h])
			add(v, VISIT_BY_OTHER, h, hid, mid, date, rec->line);
	}
	v->faulty += faulty;
}

/* Each household's contact: the member of its first mapping row. */
static void find_contacts(struct visits *v, const struct roster *r, const struct mapping *map)
{
	int *first = mapping_first_rows(map, r);

	for (size_t h = 0; h < r->nhouseholds; h++) {
		v->contact[h] = first[h] >= 0 ? map->rows[first[h]].member_id : "";
		v->contact_member[h] = *v->contact[h] ? strmap_get(&r->member_ids, v->contact[h]) : -1;
	}
	free(first);
}

/* Each counted household up to date or overdue on as_of. */
static void judge(struct visits *v, const struct roster *r)
{
	for (size_t h = 0; h < r->nhouseholds; h++) {
		struct household_visits *hv = &v->per[h];

		if (!hv->counted)
			continue;
		v->households++;
		if (hv->last == DATE_NONE) {
			hv->overdue = true;
			v->never_visited++;
			add(v, VISIT_NEVER, (int)h, r->households[h].id, v->contact[h], "",
			    r->households[h].line);
		} else if (v->as_of - hv->last > hv->interval) {
			hv->overdue = true;
			add(v, VISIT_OVERDUE, (int)h, r->households[h].id, v->contact[h], "",
			    r->households[h].line);
		}
		if (hv->overdue)
			v->overdue++;
		else
			v->up_to_date++;
	}
}

int visits_load(struct visits *v, const char *path, bool in_workbook, const struct read_opts *opts,
    const struct roster *r, const struct mapping *map, const struct visit_rules *rules, long as_of)
{
	struct reading rd = { .v = v, .r = r };
	struct table_source src = { .path = path, .columns = visits_schema.columns, .ncolumns = V_NCOLS,
	    .sheets = visit_sheets, .others = table_sheets, .sheet_needed = in_workbook };
	size_t errors = diag_count(DIAG_ERROR);
	long rows;

	memset(v, 0, sizeof(*v));
	v->pool = pool_new();
	v->as_of = as_of;
	v->per = xcalloc(r->nhouseholds + 1, sizeof(*v->per));
	v->contact = xcalloc(r->nhouseholds + 1, sizeof(*v->contact));
	v->contact_member = xcalloc(r->nhouseholds + 1, sizeof(*v->contact_member));
	for (size_t h = 0; h < r->nhouseholds; h++) {
		v->per[h].last = DATE_NONE;
		v->per[h].counted = r->households[h].kind != KIND_VACANT;
		v->per[h].interval = visit_interval(rules, r->households[h].priority);
	}
	find_contacts(v, r, map);
	rows = table_read(&src, opts, visit_row, &rd);
	v->path = src.label;
	if (rows == -1)
		return -1;
	table_header_missing(&rd.header, rows, v->path);
	if (!rd.header.ok)
		return -1;
	/* Rows the reader refused (csv-syntax, encoding, field-count) are faulty too. */
	v->faulty += (long)(diag_count(DIAG_ERROR) - errors);
	judge(v, r);
	return 0;
}

void visits_release(struct visits *v)
{
	pool_free(v->pool);
	free(v->path);
	free(v->per);
	free(v->contact);
	free(v->contact_member);
	free(v->findings);
	memset(v, 0, sizeof(*v));
}

long visits_days_since(const struct visits *v, int h)
{
	return v->per[h].last == DATE_NONE ? -1 : v->as_of - v->per[h].last;
}

const char *visit_finding_file(const struct visits *v, const struct visit_finding *f,
    const struct roster *r)
{
	return f->code == VISIT_OVERDUE || f->code == VISIT_NEVER ? r->paths[FILE_HOUSEHOLDS] :
	    v->path;
}

const char *visit_message(const struct visits *v, const struct visit_finding *f)
{
	static char buf[768];
	char last[DATE_TEXT], ago[64], every[64];
	long interval = f->household >= 0 ? v->per[f->household].interval : 0;

	snprintf(every, sizeof(every), ngettext("every %ld day", "every %ld days",
	    (unsigned long)interval), interval);
	switch (f->code) {
	case VISIT_OVERDUE:
		snprintf(ago, sizeof(ago), ngettext("%ld day ago", "%ld days ago",
		    (unsigned long)visits_days_since(v, f->household)), visits_days_since(v, f->household));
		/* TRANSLATORS: "household 'H' last visited DATE, N days ago (every N days)". */
		snprintf(buf, sizeof(buf), _("household '%s' last visited %s, %s (%s)"),
		    f->household_id, date_format(v->per[f->household].last, last), ago, every);
		break;
	case VISIT_NEVER:
		snprintf(buf, sizeof(buf), _("household '%s' has never been visited (%s)"),
		    f->household_id, every);
		break;
	case VISIT_UNKNOWN_HOUSEHOLD:
		if (*f->household_id)
			snprintf(buf, sizeof(buf), _("household '%s' is not in the roster"),
			    f->household_id);
		else
			snprintf(buf, sizeof(buf), _("the row names no household"));
		break;
	case VISIT_UNKNOWN_MEMBER:
		snprintf(buf, sizeof(buf), _("visitor '%s' (of household '%s') is not in the roster"),
		    f->member_id, f->household_id);
		break;
	case VISIT_BAD_DATE:
		if (*f->date)
			snprintf(buf, sizeof(buf), _("date '%s' (of household '%s') is not a date "
			    "(YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)"), f->date, f->household_id);
		else
			snprintf(buf, sizeof(buf), _("the visit to household '%s' has no date"),
			    f->household_id);
		break;
	case VISIT_FUTURE_DATE:
		snprintf(buf, sizeof(buf), _("date '%s' (of household '%s') is after %s; the row is "
		    "skipped"), f->date, f->household_id, date_format(v->as_of, last));
		break;
	case VISIT_BY_OTHER:
		if (*v->contact[f->household])
			snprintf(buf, sizeof(buf), _("household '%s' was visited by member '%s', not by its "
			    "contact '%s'"), f->household_id, f->member_id, v->contact[f->household]);
		else
			snprintf(buf, sizeof(buf), _("household '%s' (without a contact) was visited by "
			    "member '%s'"), f->household_id, f->member_id);
		break;
	default:
		abort();
	}
	return buf;
}

void visits_overdue_lists(const struct visits *v, const struct roster *r, struct contact_lists *l,
    int **orphans, size_t *norphans)
{
	int *who = xmalloc((r->nhouseholds + 1) * sizeof(*who));

	*orphans = xmalloc((r->nhouseholds + 1) * sizeof(**orphans));
	*norphans = 0;
	for (size_t h = 0; h < r->nhouseholds; h++) {
		who[h] = v->per[h].overdue ? v->contact_member[h] : -1;
		if (v->per[h].overdue && who[h] < 0)
			(*orphans)[(*norphans)++] = (int)h;
	}
	contact_lists_build(l, r, who);
	qsort_r(*orphans, *norphans, sizeof(**orphans), household_walk_compare, (void *)r);
	free(who);
}

/* schema: the columns of the three rosters and the words of their values (SPEC §2, §5.2), in one place. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/schema.h"
#include "lianhu/text.h"
#include "lianhu/util.h"

static const char *const building_id_aliases[] = { "楼栋编号", "楼栋号", "小组编号", NULL };
static const char *const grid_id_aliases[] = { "网格编号", "网格", NULL };
static const char *const community_aliases[] = {
	"村社区", "社区", "村", "村(社区)", "村/社区", "村（社区）", "社区(村)", "所属社区", "所属村", NULL
};
static const char *const township_aliases[] = {
	"乡镇", "街道", "乡镇街道", "乡镇(街道)", "乡镇/街道", "所属乡镇", "所属街道", NULL
};
static const char *const building_name_aliases[] = { "名称", "楼栋名称", "地址", "小组名称", NULL };

static const struct column building_columns[B_NCOLS] = {
	{ "building_id", building_id_aliases, true, true },
	{ "grid_id", grid_id_aliases, true, true },
	{ "community", community_aliases, false, false },
	{ "township", township_aliases, false, false },
	{ "name", building_name_aliases, false, false },
};

static const char *const household_id_aliases[] = { "户编号", "户号", "住户编号", NULL };
static const char *const unit_aliases[] = { "单元", "单元号", NULL };
static const char *const room_aliases[] = { "房号", "门牌号", "室", "房间号", NULL };
static const char *const kind_aliases[] = { "类型", "户类型", "户别", "户类别", "住户类型", NULL };
static const char *const head_aliases[] = { "户主", "户主姓名", "姓名", NULL };
static const char *const phone_aliases[] = {
	"联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", NULL
};
static const char *const priority_aliases[] = {
	"重点户", "重点", "标签", "重点人群", "重点类别", "特殊人群", "重点户类别", NULL
};

static const struct column household_columns[H_NCOLS] = {
	{ "household_id", household_id_aliases, true, true },
	{ "building_id", building_id_aliases, true, true },
	{ "unit", unit_aliases, false, false },
	{ "room", room_aliases, false, false },
	{ "kind", kind_aliases, false, false },
	{ "head", head_aliases, false, false },
	{ "phone", phone_aliases, false, false },
	{ "priority", priority_aliases, false, false },
};

static const char *const member_id_aliases[] = { "党员编号", "编号", NULL };
static const char *const member_name_aliases[] = { "姓名", "党员姓名", NULL };
static const char *const home_aliases[] = { "居住楼栋", "楼栋编号", "所在楼栋", NULL };
static const char *const branch_aliases[] = { "所在支部", "党支部", "所在党支部", NULL };
static const char *const capacity_aliases[] = { "联系户上限", "上限", "联系户数上限", NULL };
static const char *const status_aliases[] = { "状态", "党员状态", "人员状态", NULL };
static const char *const group_aliases[] = { "所在党小组", "党小组", NULL };
static const char *const role_aliases[] = { "职务", "党内职务", NULL };

static const struct column member_columns[M_NCOLS] = {
	{ "member_id", member_id_aliases, true, true },
	{ "name", member_name_aliases, false, false },
	{ "building_id", home_aliases, false, true },
	{ "grid_id", grid_id_aliases, false, true },
	{ "branch", branch_aliases, false, false },
	{ "capacity", capacity_aliases, false, false },
	{ "status", status_aliases, false, false },
	{ "phone", phone_aliases, false, false },
	{ "group", group_aliases, false, false },
	{ "role", role_aliases, false, false },
};

/* The rosters by enum roster_file. */
const struct schema roster_schemas[FILE_COUNT] = {
	[FILE_BUILDINGS] = { "buildings", "楼栋", building_columns, B_NCOLS },
	[FILE_HOUSEHOLDS] = { "households", "住户", household_columns, H_NCOLS },
	[FILE_MEMBERS] = { "members", "党员", member_columns, M_NCOLS },
};

static const char *const date_aliases[] = { "走访日期", "日期", "时间", "走访时间", NULL };
static const char *const visitor_aliases[] = { "走访人编号", "党员编号", "走访党员编号", NULL };
static const char *const way_aliases[] = { "走访方式", "方式", NULL };
static const char *const note_aliases[] = { "走访内容", "民情", "内容", NULL };
static const char *const need_aliases[] = { "诉求", "群众诉求", NULL };
static const char *const resolved_aliases[] = { "是否办结", "办结", "是否解决", NULL };

static const struct column visit_columns[V_NCOLS] = {
	{ "household_id", household_id_aliases, true, true },
	{ "date", date_aliases, true, false },
	{ "member_id", visitor_aliases, false, true },
	{ "way", way_aliases, false, false },
	{ "note", note_aliases, false, false },
	{ "need", need_aliases, false, false },
	{ "resolved", resolved_aliases, false, false },
};

/* The visit log, visits.csv. */
const struct schema visits_schema = { "visits", "走访台账", visit_columns, V_NCOLS };

/* The words that mean a need was resolved. */
const char *const resolved_words[] = { "是", "yes", "y", "1", "true", "已办结", "已解决", NULL };

static const char *const eligible_words[] = {
	"active", "正常", "在岗", "正式党员", "预备党员", "eligible", "", NULL
};
static const char *const inactive_words[] = { "inactive", "不在岗", "停止党籍", NULL };
static const char *const mobile_words[] = {
	"mobile", "流动党员", "流动", "外出", "外出务工", "出国(境)", "出国", "出境", "外出经商", NULL
};
static const char *const infirm_words[] = {
	"infirm", "年老体弱", "病休", "卧床", "体弱", "生病", "患病", NULL
};
static const char *const lost_words[] = { "lost", "失去联系", "失联", NULL };

/* The classes' names as lianhu.ini's [status] writes them. */
const char *const status_class_names[STATUS_CLASSES] = {
	"eligible", "inactive", "mobile", "infirm", "lost"
};

/* The words of a status class; the second of each is the one template offers. */
const char *const *const status_words[STATUS_CLASSES] = {
	eligible_words, inactive_words, mobile_words, infirm_words, lost_words
};

static const char *const resident_words[] = { "resident", "住户", "居民", "居民户", "家庭户", "", NULL };
static const char *const shop_words[] = {
	"shop", "商户", "商铺", "门店", "个体工商户", "个体户", "门面", "企业", "单位", NULL
};
static const char *const vacant_words[] = { "vacant", "空挂户", "空户", "无人居住", "空置", NULL };

/* The kinds' names as SPEC and lianhu.ini write them. */
const char *const kind_names[KIND_COUNT] = { "resident", "shop", "vacant" };

/* The words of a kind; the second of each is the one template offers. */
const char *const *const kind_words[KIND_COUNT] = { resident_words, shop_words, vacant_words };

/* Values that mark an ordinary household, besides invisible characters only. */
static const char *const ordinary_marks[] = {
	"", "0", "no", "n", "false", "否", "无", "-", "--", "—", "——", "/", "n/a", "na", "none",
	"没有", "不是", "非重点", "普通", NULL
};

bool schema_status(const char *word, enum status_class *out)
{
	for (int c = 0; c < STATUS_CLASSES; c++) {
		if (word_in(word, status_words[c])) {
			*out = (enum status_class)c;
			return true;
		}
	}
	return false;
}

bool schema_kind(const char *word, enum household_kind *out)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		if (word_in(word, kind_words[k])) {
			*out = (enum household_kind)k;
			return true;
		}
	}
	return false;
}

/* The words of each role (enum member_role, bit by bit), and what may separate them (SPEC 5.6). */
static const char *const secretary_words[] = { "secretary", "书记", "支部书记", NULL };
static const char *const group_leader_words[] = { "group-leader", "党小组长", "组长", NULL };
static const char *const building_leader_words[] = {
	"building-leader", "楼栋长", "单元长", "楼长", NULL
};
static const char *const *const role_words[] = {
	secretary_words, group_leader_words, building_leader_words
};
static const char *const role_separators[] = {
	"、", ",", "/", ";", " ", "\t", "，", "；", "／", "\xe3\x80\x80" /* U+3000 */, NULL
};

size_t schema_role_separator(const char *s)
{
	for (size_t i = 0; role_separators[i]; i++)
		if (strncmp(s, role_separators[i], strlen(role_separators[i])) == 0)
			return strlen(role_separators[i]);
	return 0;
}

unsigned schema_role(const char *word)
{
	for (unsigned bit = 0; bit < sizeof(role_words) / sizeof(role_words[0]); bit++)
		if (word_in(word, role_words[bit]))
			return 1u << bit;
	return 0;
}

/* Spaces and marks nobody sees: a cell of only these is empty to its reader. */
static bool invisible(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xa0 || cp == 0xad ||
	    cp == 0x180e || (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
	    (cp >= 0x205f && cp <= 0x2064) || cp == 0x3000 || cp == 0xfeff || cp == 0x3164 ||
	    cp == 0xffa0;
}

bool schema_ordinary(const char *value)
{
	const char *p = value;

	if (word_in(value, ordinary_marks))
		return true;
	while (*p)
		if (!invisible(utf8_next(&p)))
			return false;
	return true;
}

/* The folded code points of s into a new array (free it); *n gets their count. */
static uint32_t *code_points(const char *s, size_t *n)
{
	uint32_t *cps = xmalloc((strlen(s) + 1) * sizeof(*cps));

	*n = 0;
	while (*s)
		cps[(*n)++] = utf8_next_folded(&s);
	return cps;
}

/* True when hay holds needle as a run of code points. */
static bool holds(const uint32_t *hay, size_t nh, const uint32_t *needle, size_t nn)
{
	for (size_t i = 0; i + nn <= nh; i++)
		if (memcmp(hay + i, needle, nn * sizeof(*needle)) == 0)
			return true;
	return false;
}

/*
 * 2 when a and b differ by one inserted or deleted code point (a name cut
 * short or added to), 1 by one substituted, else 0.
 */
static int one_edit(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j;

	if (na < nb)
		return one_edit(b, nb, a, na);
	if (na - nb > 1)
		return 0;
	while (i < nb && a[i] == b[i])
		i++;
	if (na == nb) {
		if (i == na)
			return 0;	/* the same: not an edit */
		j = i + 1;
		return memcmp(a + j, b + j, (na - j) * sizeof(*a)) == 0;
	}
	return memcmp(a + i + 1, b + i, (nb - i) * sizeof(*a)) == 0 ? 2 : 0;
}

/*
 * How well candidate fits name, higher better: name holds it (the longer the
 * better), else it holds name, else one edit away (see one_edit); 0 not at all.
 */
static size_t fit(const uint32_t *name, size_t nn, const char *candidate)
{
	size_t nc, score = 0;
	uint32_t *c = code_points(candidate, &nc);

	if (nc >= 2 && holds(name, nn, c, nc))
		score = 2 * SIZE_MAX / 3 + nc;
	else if (nn >= 2 && holds(c, nc, name, nn))
		score = SIZE_MAX / 3 + nn;
	else if (nc >= 2)
		score = (size_t)one_edit(name, nn, c, nc);
	free(c);
	return score;
}

struct suggestion schema_suggest(const char *name, const struct column *cols, size_t ncols,
    const bool *taken)
{
	struct suggestion best = { -1, NULL };
	size_t nn, best_score = 0;
	uint32_t *cps = code_points(name, &nn);

	for (size_t c = 0; c < ncols; c++) {
		if (taken[c])
			continue;
		for (size_t a = 0; a == 0 || (cols[c].aliases && cols[c].aliases[a - 1]); a++) {
			const char *candidate = a == 0 ? cols[c].name : cols[c].aliases[a - 1];
			size_t score = fit(cps, nn, candidate);

			if (score > best_score) {
				best_score = score;
				best = (struct suggestion){ (int)c, candidate };
			}
		}
	}
	free(cps);
	return best;
}

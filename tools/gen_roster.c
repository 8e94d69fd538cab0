/* gen_roster: seeded generator of large, realistic lianhu rosters built on real division names. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

#define OUT_BUF (1u << 20)	/* bytes buffered per output file */
#define ID_MAX 64		/* longest generated ID, NUL included */
#define NAME_MAX_LEN 32		/* longest generated person name */
#define CODE_MAX 24		/* longest accepted village code */
#define MAX_HOUSEHOLDS 100000000u
#define PER_VILLAGE 4000u	/* target households per village */
#define MAX_GRIDS 999u		/* grid suffix has 3 digits */
#define MAX_BLD 99u		/* building suffix has 2 digits */
#define MAX_MEM 256u		/* members per grid */
#define PREV_CAP 15u		/* load limit used for the previous mapping */

static const char *default_divisions = "tools/data/bayannur.csv";

/* ---- errors ---- */

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("gen_roster: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

static void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* ---- random numbers (splitmix64) ---- */

typedef struct {
	uint64_t s;
} rng_t;

static uint64_t rng_next(rng_t *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n), n > 0. */
static uint32_t rng_below(rng_t *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* A number in [lo, hi]. */
static uint32_t rng_range(rng_t *r, uint32_t lo, uint32_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* True with probability per_mille / 1000. */
static int rng_chance(rng_t *r, uint32_t per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* ---- buffered output ---- */

typedef struct {
	FILE *f;
	char *path;
	char *buf;
	size_t len;
} out_t;

static void out_open(out_t *o, const char *path)
{
	o->path = xstrdup(path);
	o->f = fopen(path, "wb");
	if (o->f == NULL)
		die("cannot write %s: %s", path, strerror(errno));
	o->buf = xmalloc(OUT_BUF);
	o->len = 0;
}

static void out_flush(out_t *o)
{
	if (o->len > 0 && fwrite(o->buf, 1, o->len, o->f) != o->len)
		die("writing %s: %s", o->path, strerror(errno));
	o->len = 0;
}

static void out_close(out_t *o)
{
	if (o->f == NULL)
		return;
	out_flush(o);
	if (fclose(o->f) != 0)
		die("writing %s: %s", o->path, strerror(errno));
	o->f = NULL;
	free(o->buf);
	free(o->path);
}

static void out_mem(out_t *o, const char *s, size_t n)
{
	if (o->len + n > OUT_BUF)
		out_flush(o);
	if (n > OUT_BUF) {
		if (fwrite(s, 1, n, o->f) != n)
			die("writing %s: %s", o->path, strerror(errno));
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_char(out_t *o, char c)
{
	if (o->len == OUT_BUF)
		out_flush(o);
	o->buf[o->len++] = c;
}

/* Writes s as a CSV field, quoted only when it holds a comma, quote or line break. */
static void out_field(out_t *o, const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		out_mem(o, s, strlen(s));
		return;
	}
	out_char(o, '"');
	for (p = s; *p; p++) {
		if (*p == '"')
			out_char(o, '"');
		out_char(o, *p);
	}
	out_char(o, '"');
}

/* Writes the fields of a header or row, comma-separated, then LF. */
static void out_row(out_t *o, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			out_char(o, ',');
		out_field(o, fields[i]);
	}
	out_char(o, '\n');
}

/* ---- text helpers ---- */

/* Appends v in decimal, zero-padded to width, at dst; returns the length written. */
static size_t put_uint(char *dst, uint64_t v, int width)
{
	char tmp[24];
	int n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n < width)
		tmp[n++] = '0';
	for (i = 0; i < n; i++)
		dst[i] = tmp[n - 1 - i];
	dst[n] = '\0';
	return (size_t)n;
}

/* Writes n (1..99) in Chinese numerals: 一, 十, 十二, 二十, 二十三. */
static void cn_number(char *dst, uint32_t n)
{
	static const char *digit[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	uint32_t tens = n / 10, ones = n % 10;

	dst[0] = '\0';
	if (tens > 1)
		strcat(dst, digit[tens]);
	if (tens > 0)
		strcat(dst, "十");
	strcat(dst, digit[ones]);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Turns an official committee name into the usual community name: 红旗村委会 -> 红旗村, 公主府社区居委会 -> 公主府社区. */
static char *community_name(const char *official)
{
	static const char *rules[][2] = {
		{ "社区居民委员会", "社区" }, { "社区居民委会", "社区" },
		{ "社区居委会", "社区" }, { "社区委员会", "社区" },
		{ "居民委员会", "社区" }, { "居民委会", "社区" },
		{ "居委会", "社区" }, { "嘎查村委员会", "嘎查村" },
		{ "嘎查委员会", "嘎查" }, { "嘎查委会", "嘎查" },
		{ "村民委员会", "村" }, { "村委员会", "村" },
		{ "村委会", "村" }, { "村委", "村" },
	};
	size_t i, n = strlen(official);

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		size_t cut = strlen(rules[i][0]);
		char *s;

		if (n <= cut || !ends_with(official, rules[i][0]))
			continue;
		s = xmalloc(n - cut + strlen(rules[i][1]) + 1);
		memcpy(s, official, n - cut);
		strcpy(s + n - cut, rules[i][1]);
		return s;
	}
	return xstrdup(official);
}

/* ---- invented people ---- */

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
	"徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
	"梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
	"程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
	"苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎",
	"余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
	"范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆",
	"郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
	"顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤",
	"尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文",
	"欧阳", "上官", "司马", "慕容",
};

/* Given-name characters, 3 bytes each in UTF-8. */
static const char given_chars[] =
	"伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉"
	"建国文斌宇浩凯健俊帆帅旭宁琳雪荣慧巧美淑惠珠翠雅芝春秋菊海波志忠林庆永"
	"福贵喜德成长金银宝山凤梅亮鑫瑞欣怡佳子晨阳雨婷泽峰飞云龙虎生发旺利民";

static const char *const mongol_names[] = {
	"巴特尔", "其其格", "乌云", "额尔敦", "那仁", "乌力吉", "斯琴", "萨仁高娃",
	"苏和", "宝音", "图雅", "阿拉坦", "孟和", "朝鲁", "布仁", "达来",
	"格日勒", "哈斯", "吉日嘎拉", "满都拉", "乌日娜", "巴雅尔", "敖其尔", "额尔德尼",
};

static const char *const priority_tags[] = { "独居老人", "残疾", "低保", "空巢老人", "留守儿童" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Writes an invented person's name (surname and one or two given characters) into dst. */
static void make_name(rng_t *r, char *dst)
{
	size_t nchars = (sizeof given_chars - 1) / 3, n, k;
	const char *s;

	if (rng_chance(r, 40)) {
		strcpy(dst, mongol_names[rng_below(r, COUNT(mongol_names))]);
		return;
	}
	if (rng_chance(r, 400))
		s = surnames[rng_below(r, 10)];
	else
		s = surnames[rng_below(r, COUNT(surnames))];
	n = strlen(s);
	memcpy(dst, s, n);
	k = rng_chance(r, 700) ? 2 : 1;
	while (k-- > 0) {
		memcpy(dst + n, given_chars + 3 * rng_below(r, (uint32_t)nchars), 3);
		n += 3;
	}
	dst[n] = '\0';
}

/* Writes an invented mobile number 1[3-9]xxxxxxxxx into dst. */
static void make_phone(rng_t *r, char *dst)
{
	uint64_t x = rng_next(r);
	int i;

	dst[0] = '1';
	dst[1] = (char)('3' + x % 7);
	x /= 7;
	for (i = 2; i < 11; i++) {
		dst[i] = (char)('0' + x % 10);
		x /= 10;
	}
	dst[11] = '\0';
}

/* ---- the divisions file ---- */

typedef struct {
	char *code;
	char *name;
	int urban;		/* 社区 or 生活区: buildings with units and rooms */
} village_t;

typedef struct {
	char *code;
	char *name;
	size_t first, count;	/* its villages */
} township_t;

typedef struct {
	village_t *v;
	size_t nv;
	township_t *t;
	size_t nt;
} divisions_t;

static char *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL)
		die("cannot read %s: %s", path, strerror(errno));
	do {
		if (cap - len < 65536)
			buf = xrealloc(buf, cap = cap * 2 + 65536);
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	if (ferror(f))
		die("cannot read %s: %s", path, strerror(errno));
	fclose(f);
	buf[len] = '\0';
	*size = len;
	return buf;
}

/* Splits the CSV record at *pos into fields, in place; returns the field count, 0 at the end. */
static int parse_record(char **pos, char *end, char **fields, int max)
{
	char *p = *pos;
	int n = 0;
	char c;

	if (p >= end)
		return 0;
	for (;;) {
		char *start = p, *w = p;

		if (*p == '"') {
			for (p++; p < end; ) {
				if (*p == '"' && !(p + 1 < end && p[1] == '"')) {
					p++;
					break;
				}
				if (*p == '"')
					p++;
				*w++ = *p++;
			}
			while (p < end && *p != ',' && *p != '\n' && *p != '\r')
				*w++ = *p++;
		} else {
			while (p < end && *p != ',' && *p != '\n' && *p != '\r')
				p++;
			w = p;
		}
		c = p < end ? *p : '\n';
		*w = '\0';
		if (n < max)
			fields[n] = start;
		n++;
		if (c != ',')
			break;
		p++;
	}
	if (p < end && c == '\r')
		p++;
	if (p < end && *p == '\n')
		p++;
	*pos = p;
	return n;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

static int find_column(char **head, int n, const char *name, const char *path)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcasecmp(trim(head[i]), name) == 0)
			return i;
	die("%s: no column '%s' in the header", path, name);
	return -1;
}

static void add_village(divisions_t *d, char **f, const int *col, const char *path)
{
	village_t *v;
	township_t *t = d->nt ? &d->t[d->nt - 1] : NULL;
	const char *tcode = trim(f[col[0]]), *vcode = trim(f[col[2]]);

	if (*tcode == '\0' || *vcode == '\0' || *trim(f[col[3]]) == '\0')
		die("%s: a row lacks a township code, village code or village name", path);
	if (strlen(vcode) >= CODE_MAX)
		die("%s: village code '%s' is too long", path, vcode);
	if (t == NULL || strcmp(t->code, tcode) != 0) {
		d->t = xrealloc(d->t, (d->nt + 1) * sizeof *d->t);
		t = &d->t[d->nt++];
		t->code = xstrdup(tcode);
		t->name = xstrdup(trim(f[col[1]]));
		t->first = d->nv;
		t->count = 0;
	}
	d->v = xrealloc(d->v, (d->nv + 1) * sizeof *d->v);
	v = &d->v[d->nv++];
	v->code = xstrdup(vcode);
	v->name = community_name(trim(f[col[3]]));
	v->urban = ends_with(v->name, "社区") || ends_with(v->name, "生活区");
	t->count++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* IDs are unique because village codes are: check they are distinct and of one length. */
static void check_codes(const divisions_t *d, const char *path)
{
	char **codes = xmalloc(d->nv * sizeof *codes);
	size_t i;

	for (i = 0; i < d->nv; i++)
		codes[i] = d->v[i].code;
	qsort(codes, d->nv, sizeof *codes, cmp_str);
	for (i = 0; i < d->nv; i++) {
		if (strlen(codes[i]) != strlen(codes[0]))
			die("%s: village codes differ in length ('%s', '%s')", path, codes[0], codes[i]);
		if (i > 0 && strcmp(codes[i], codes[i - 1]) == 0)
			die("%s: village code '%s' appears twice", path, codes[i]);
	}
	free(codes);
}

/* Loads the townships and villages of path, only those of township when it is not NULL. */
static void load_divisions(const char *path, const char *township, divisions_t *d)
{
	static const char *names[] = { "township_code", "township", "village_code", "village" };
	size_t size;
	char *buf = read_all(path, &size), *pos = buf, *end = buf + size, *f[64];
	int col[4], n, i, max_col = 0;

	memset(d, 0, sizeof *d);
	if (size >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		pos += 3;
	n = parse_record(&pos, end, f, 64);
	if (n > 64)
		die("%s: too many columns", path);
	for (i = 0; i < 4; i++) {
		col[i] = find_column(f, n, names[i], path);
		if (col[i] > max_col)
			max_col = col[i];
	}
	while ((n = parse_record(&pos, end, f, 64)) > 0) {
		if (n == 1 && *trim(f[0]) == '\0')
			continue;
		if (n <= max_col)
			die("%s: a row has %d fields, expected %d", path, n, max_col + 1);
		if (township == NULL || strcmp(trim(f[col[0]]), township) == 0)
			add_village(d, f, col, path);
	}
	free(buf);
	if (d->nv == 0 && township != NULL)
		die("%s: no villages of township %s", path, township);
	if (d->nv == 0)
		die("%s: no villages", path);
	check_codes(d, path);
}

static void free_divisions(divisions_t *d)
{
	size_t i;

	for (i = 0; i < d->nv; i++) {
		free(d->v[i].code);
		free(d->v[i].name);
	}
	for (i = 0; i < d->nt; i++) {
		free(d->t[i].code);
		free(d->t[i].name);
	}
	free(d->v);
	free(d->t);
}

/* ---- the generator ---- */

typedef struct {
	char id[ID_MAX];
	uint32_t count;		/* households */
	uint32_t units, floors;	/* 楼栋 only */
	uint32_t no;		/* 3号楼, 三组 */
} bld_t;

typedef struct {
	char id[ID_MAX];
	char name[NAME_MAX_LEN];
	int bld;		/* index into the grid's buildings, -1: grid only */
	int eligible;
	uint32_t cap, load;	/* for the previous mapping */
} mem_t;

typedef struct {
	char id[ID_MAX];
	bld_t b[MAX_BLD];
	uint32_t nb;
	mem_t m[MAX_MEM];
	uint32_t nm;
	uint32_t nstale;	/* members no longer eligible */
} grid_t;

typedef struct {
	mem_t m[MAX_MEM];	/* eligible members of earlier grids of the village with room left */
	uint32_t n, cur;
} pool_t;

typedef struct {
	uint64_t households, shops, priority, buildings, grids, communities, townships;
	uint64_t members, eligible, mapped, visits;
} stats_t;

typedef struct {
	rng_t rng;		/* the roster */
	rng_t prng;		/* the previous mapping, so that it never changes the roster */
	rng_t orng;		/* Party groups and roles, drawn apart so the rest stays as it was */
	rng_t vrng;		/* the visit log, so that it never changes the roster or the mapping */
	int en;
	int with_map, with_visits;
	char **contacts;	/* --contacts: household ID, member ID pairs sorted by household */
	size_t ncontacts;
	out_t bld, hh, mem, map, vis;
	int mem_width;
	uint64_t mem_seq;
	char ghost[ID_MAX];	/* newest member ID that has left the roster */
	grid_t grid;
	pool_t pool;
	/* the village being written */
	const char *township;
	const char *community;
	char branch[256];
	char vid[ID_MAX];
	int urban;
	/* the Party organisation of the village and grid being written */
	uint32_t group_no;	/* groups named in the village so far */
	char group[32];		/* the grid's group, "" when it has none */
	int secretary_due, leader_due;	/* the next member takes the role */
	uint32_t bld_no;
	stats_t st;
} gen_t;

typedef struct {
	uint64_t households;
	uint64_t seed;
	const char *divisions;
	const char *township;
	const char *dir;
	const char *previous;
	const char *shape;	/* NULL: a realistic roster; else one of shapes[] */
	const char *visits;
	const char *contacts;
	int en;
} opts_t;

/* Splits total into n parts with random weights in [wlo, whi], each part kept within [lo, hi] when it can be. */
static void split(rng_t *r, uint64_t total, uint32_t n, uint32_t wlo, uint32_t whi, uint64_t lo, uint64_t hi,
		  uint64_t *out)
{
	uint64_t *w = xmalloc(n * sizeof *w), sum = 0, acc = 0, given = 0;
	int64_t diff;
	uint32_t i;

	for (i = 0; i < n; i++)
		sum += w[i] = rng_range(r, wlo, whi);
	for (i = 0; i < n; i++) {
		uint64_t upto;

		acc += w[i];
		upto = total * acc / sum;	/* total <= 1e8, acc <= 4e7: no overflow */
		out[i] = upto - given;
		given = upto;
		if (out[i] < lo)
			out[i] = lo;
		if (out[i] > hi)
			out[i] = hi;
	}
	for (diff = (int64_t)total, i = 0; i < n; i++)
		diff -= (int64_t)out[i];
	for (i = 0; diff != 0; i = (i + 1) % n) {
		if (diff > 0 && out[i] < hi) {
			out[i]++;
			diff--;
		} else if (diff < 0 && out[i] > lo) {
			out[i]--;
			diff++;
		}
	}
	free(w);
}

static uint32_t grid_count(uint64_t households)
{
	uint64_t g, lo, hi;

	if (households <= 400)
		return 1;
	g = (households + 137) / 275;
	lo = (households + 379) / 380;
	hi = households / 160;
	if (g < lo)
		g = lo;
	if (g > hi)
		g = hi;
	return g > MAX_GRIDS ? MAX_GRIDS : (uint32_t)g;
}

/* Members of a grid: about one per ten households, but none in some grids and many in others. */
static uint32_t member_count(rng_t *r, uint32_t households)
{
	uint32_t roll = rng_below(r, 100), f, n;
	uint64_t x;

	if (roll < 10)
		return 0;
	if (roll < 35)
		f = rng_range(r, 20, 60);
	else if (roll < 80)
		f = rng_range(r, 80, 130);
	else
		f = rng_range(r, 150, 250);
	x = (uint64_t)households * f;
	n = (uint32_t)(x / 1000);
	if (rng_below(r, 1000) < x % 1000)
		n++;
	return n > MAX_MEM ? MAX_MEM : n;
}

/* Picks the shape of the next 楼栋; returns how many households it will hold. */
static uint32_t plan_block(rng_t *r, bld_t *b)
{
	static const uint32_t units[] = { 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6 };
	static const uint32_t floors[] = { 5, 6, 6, 6, 6, 7, 7, 11, 11, 18, 18 };
	uint32_t rooms;

	b->units = units[rng_below(r, COUNT(units))];
	b->floors = floors[rng_below(r, COUNT(floors))];
	rooms = b->units * b->floors * 2;
	return rooms - rng_below(r, rooms / 8 + 1);
}

/* Resizes a 楼栋 so that its n households fill most of its rooms. */
static void fit_block(bld_t *b, uint32_t n)
{
	uint32_t units = (n + 2 * b->floors - 1) / (2 * b->floors);

	if (units < b->units)
		b->units = units > 0 ? units : 1;
	if (n > b->units * b->floors * 2)
		b->floors = (n + 2 * b->units - 1) / (2 * b->units);
}

/* Lays out the buildings of a grid of the given size. */
static void plan_buildings(gen_t *g, grid_t *gr, uint32_t households)
{
	uint32_t left = households;

	for (gr->nb = 0; left > 0; gr->nb++) {
		bld_t *b = &gr->b[gr->nb];
		uint32_t n = g->urban ? plan_block(&g->rng, b) : rng_range(&g->rng, 30, 120);
		size_t len = strlen(gr->id);

		if (n > left || gr->nb == MAX_BLD - 1 || (!g->urban && left - n < 15))
			n = left;
		if (g->urban)
			fit_block(b, n);
		b->count = n;
		b->no = ++g->bld_no;
		memcpy(b->id, gr->id, len);
		put_uint(b->id + len, gr->nb + 1, 2);
		left -= n;
	}
}

/* Draws a member status: about 80% eligible, the rest not eligible, a few odd free-text values. */
static const char *draw_status(gen_t *g, int *eligible)
{
	static const char *zh[] = { "", "正常", "在岗", "流动", "年老体弱", "失联", "外出务工", "待定", "病休" };
	static const char *en[] = { "", "active", "active", "mobile", "infirm", "inactive", "外出务工", "on leave",
				    "retired" };
	static const uint32_t upto[] = { 560, 760, 800, 870, 930, 985 };
	const char **s = g->en ? en : zh;
	uint32_t roll = rng_below(&g->rng, 1000), i;

	for (i = 0; i < COUNT(upto) && roll >= upto[i]; i++)
		;
	*eligible = i <= 2;
	return i < COUNT(upto) ? s[i] : s[6 + roll % 3];
}

/* Writes the member's roles into dst: the village's secretary, its group's leader, a building leader. */
static const char *draw_roles(gen_t *g, const mem_t *m, int in_group, char *dst)
{
	static const char *words[2][3] = { { "支部书记", "党小组长", "楼栋长" },
					   { "secretary", "group-leader", "building-leader" } };
	int has[3], i;

	has[0] = g->secretary_due;
	has[1] = in_group && g->leader_due;
	has[2] = m->bld >= 0 && rng_chance(&g->orng, 60);
	g->secretary_due = 0;
	if (has[1])
		g->leader_due = 0;
	dst[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (!has[i])
			continue;
		if (dst[0] != '\0')
			strcat(dst, g->en ? "/" : "、");
		strcat(dst, words[g->en][i]);
	}
	return dst;
}

/*
 * Chooses the grid's Party group: none in a few grids, the previous grid's in some (a group over two
 * grids), else a new one; most new groups get a leader.
 */
static void draw_group(gen_t *g)
{
	char number[16];

	if (rng_chance(&g->orng, 60)) {
		g->group[0] = '\0';
		return;
	}
	if (g->group_no > 0 && g->group[0] != '\0' && rng_chance(&g->orng, 150))
		return;
	g->group_no++;
	if (g->en) {
		snprintf(g->group, sizeof g->group, "group %u", (unsigned)g->group_no);
	} else {
		if (g->group_no < 100)
			cn_number(number, g->group_no);
		else
			put_uint(number, g->group_no, 1);
		snprintf(g->group, sizeof g->group, "第%s党小组", number);
	}
	g->leader_due = rng_chance(&g->orng, 900);
}

static void next_member_id(gen_t *g, char *dst)
{
	dst[0] = 'D';
	dst[1] = 'Y';
	put_uint(dst + 2, ++g->mem_seq, g->mem_width);
}

/* Invents one member of the grid and writes its row. */
static void add_member(gen_t *g, grid_t *gr, mem_t *m)
{
	char bid[ID_MAX] = "", capacity[8] = "", phone[16] = "";
	const char *status, *row[10];
	char role[64];
	int explicit_cap;

	if (rng_chance(&g->rng, 20))
		next_member_id(g, g->ghost);
	next_member_id(g, m->id);
	make_name(&g->rng, m->name);
	m->bld = rng_chance(&g->rng, 100) ? -1 : (int)rng_below(&g->rng, gr->nb);
	explicit_cap = rng_chance(&g->rng, 150);
	m->cap = explicit_cap ? rng_range(&g->rng, 0, 30) : PREV_CAP;
	status = draw_status(g, &m->eligible);
	m->eligible = m->eligible && m->cap > 0;
	m->load = 0;
	if (explicit_cap)
		put_uint(capacity, m->cap, 1);
	if (m->cap > PREV_CAP)
		m->cap = PREV_CAP;
	if (m->bld >= 0)
		strcpy(bid, gr->b[m->bld].id);
	if (rng_chance(&g->rng, 970))
		make_phone(&g->rng, phone);
	row[0] = m->id, row[1] = m->name, row[2] = bid, row[3] = gr->id;
	row[4] = g->branch, row[5] = capacity, row[6] = status, row[7] = phone;
	row[8] = rng_chance(&g->orng, 30) ? "" : g->group;	/* a few members in no group */
	row[9] = draw_roles(g, m, *row[8] != '\0', role);
	out_row(&g->mem, row, 10);
}

static void add_building_row(gen_t *g, grid_t *gr, const bld_t *b)
{
	char name[32];
	const char *row[5];

	if (g->urban) {
		size_t n = put_uint(name, b->no, 1);

		strcpy(name + n, "号楼");
	} else if (b->no < 100) {
		cn_number(name, b->no);
		strcat(name, "组");
	} else {
		strcpy(name + put_uint(name, b->no, 1), "组");
	}
	row[0] = b->id, row[1] = gr->id, row[2] = g->community, row[3] = g->township, row[4] = name;
	out_row(&g->bld, row, 5);
}

typedef struct {
	uint32_t bcur, gcur;	/* members already ruled out for this building, for the grid */
} cursor_t;

/* The previous contact of the next household of building bi: a member of that building, else of the grid. */
static int pick_contact(grid_t *gr, uint32_t bi, cursor_t *c)
{
	for (; c->bcur < gr->nm; c->bcur++) {
		mem_t *m = &gr->m[c->bcur];

		if (m->bld == (int)bi && m->eligible && m->load < m->cap)
			return (int)c->bcur;
	}
	for (; c->gcur < gr->nm; c->gcur++) {
		mem_t *m = &gr->m[c->gcur];

		if (m->eligible && m->load < m->cap)
			return (int)c->gcur;
	}
	return -1;
}

/* A member of the grid who is no longer eligible, or -1. */
static int pick_stale(gen_t *g, grid_t *gr)
{
	uint32_t k, i;

	if (gr->nstale == 0)
		return -1;
	k = rng_below(&g->prng, gr->nstale);
	for (i = 0; i < gr->nm; i++)
		if (!gr->m[i].eligible && k-- == 0)
			return (int)i;
	return -1;
}

/* A member of an earlier grid of the village who can take one more household, or NULL. */
static mem_t *pick_pool(pool_t *p)
{
	for (; p->cur < p->n; p->cur++)
		if (p->m[p->cur].load < p->m[p->cur].cap) {
			p->m[p->cur].load++;
			return &p->m[p->cur];
		}
	return NULL;
}

/* Keeps the grid's eligible members who have room left for the next grids of the village. */
static void fill_pool(pool_t *p, const grid_t *gr)
{
	uint32_t i;

	for (i = 0; i < gr->nm && p->n < MAX_MEM; i++)
		if (gr->m[i].eligible && gr->m[i].load < gr->m[i].cap)
			p->m[p->n++] = gr->m[i];
}

/*
 * Writes the previous-mapping row of household hid of building bi (or none: some households are
 * missing); returns the member it names ("" when none).
 */
static const char *add_previous(gen_t *g, grid_t *gr, uint32_t bi, const char *hid, cursor_t *c)
{
	const char *row[8], *mid = "", *mname = "", *tier = "";
	char ghost_name[NAME_MAX_LEN];
	mem_t *pm;
	uint32_t roll = rng_below(&g->prng, 1000);
	int k = -1;

	if (roll < 30)
		return "";
	if (roll < 50) {
		k = pick_stale(g, gr);
		if (k < 0 && g->ghost[0] != '\0') {
			make_name(&g->prng, ghost_name);
			mid = g->ghost, mname = ghost_name, tier = "grid";
		}
	}
	if (k < 0 && *mid == '\0') {
		k = pick_contact(gr, bi, c);
		if (k >= 0)
			gr->m[k].load++;
		else if ((pm = pick_pool(&g->pool)) != NULL)
			mid = pm->id, mname = pm->name, tier = "community";
	}
	if (k >= 0) {
		mid = gr->m[k].id, mname = gr->m[k].name;
		tier = gr->m[k].bld == (int)bi ? "building" : "grid";
	}
	row[0] = hid, row[1] = mid, row[2] = gr->b[bi].id, row[3] = gr->id;
	row[4] = g->community, row[5] = g->township, row[6] = mname, row[7] = tier;
	out_row(&g->map, row, 8);
	g->st.mapped++;
	return mid;
}

/* ---- the visit log: a year of visits up to 2026-06-30, by the contact mostly ---- */

static int cmp_pair(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads mapping file path as lianhu assign writes it: one row a household, household_id and member_id first. */
static void load_contacts(gen_t *g, const char *path)
{
	size_t size, alloc = 0, line = 0;
	char *buf = read_all(path, &size), *p = buf, *end = buf + size;

	while (p < end) {
		char *eol = memchr(p, '\n', (size_t)(end - p)), *c1, *c2;

		if (eol == NULL)
			eol = end;
		*eol = '\0';
		if (eol > p && eol[-1] == '\r')
			eol[-1] = '\0';
		c1 = strchr(p, ',');
		c2 = c1 ? strchr(c1 + 1, ',') : NULL;
		if (c1 == NULL || strchr(p, '"') != NULL)
			die("%s:%zu: not a row of a mapping written by lianhu assign", path, line + 1);
		*c1 = '\0';
		if (c2)
			*c2 = '\0';
		if (line++ == 0) {
			if (strcmp(p, "household_id") != 0 || strcmp(c1 + 1, "member_id") != 0)
				die("%s: the header is not household_id,member_id,...", path);
		} else {
			if (g->ncontacts + 2 > alloc)
				g->contacts = xrealloc(g->contacts, (alloc = alloc * 2 + 64) * sizeof(char *));
			g->contacts[g->ncontacts++] = xstrdup(p);
			g->contacts[g->ncontacts++] = xstrdup(c1 + 1);
		}
		p = eol + 1;
	}
	free(buf);
	/* pairs sort as units: qsort over records of two pointers */
	qsort(g->contacts, g->ncontacts / 2, 2 * sizeof(char *), cmp_pair);
}

/* The --contacts member of household hid ("" when it has none). */
static const char *contact_of(const gen_t *g, const char *hid)
{
	char **hit = bsearch(&hid, g->contacts, g->ncontacts / 2, 2 * sizeof(char *), cmp_pair);

	return hit ? hit[1] : "";
}

#define VISIT_YEAR_START 2025	/* the log runs from 2025-07-01 */

/* Writes day number day (0: 2025-07-01) as a date in one of the forms offices type. */
static void visit_date(rng_t *r, uint32_t day, char *dst, size_t size)
{
	static const int mdays[] = { 31, 31, 30, 31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31 };
	int y = VISIT_YEAR_START, m = 7, i = 0, d;
	uint32_t roll = rng_below(r, 100);

	while (day >= (uint32_t)mdays[i]) {	/* July 2025 .. August 2026: no leap day */
		day -= (uint32_t)mdays[i++];
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	d = (int)day + 1;
	if (roll < 70)
		snprintf(dst, size, "%04d-%02d-%02d", y, m, d);
	else if (roll < 85)
		snprintf(dst, size, "%d/%d/%d", y, m, d);
	else if (roll < 93)
		snprintf(dst, size, "%d年%d月%d日", y, m, d);
	else
		snprintf(dst, size, "%d.%d.%d", y, m, d);
}

/* A member of the grid other than contact, or the contact when the grid has no other. */
static const char *other_member(gen_t *g, const grid_t *gr, const char *contact)
{
	uint32_t k;

	if (gr->nm == 0)
		return contact;
	k = rng_below(&g->vrng, gr->nm);
	if (strcmp(gr->m[k].id, contact) == 0 && gr->nm > 1)
		k = (k + 1) % gr->nm;
	return gr->m[k].id;
}

/* Writes the visits to household hid over the year, by its contact mostly, sometimes by others. */
static void add_visits(gen_t *g, const grid_t *gr, const char *hid, const char *contact)
{
	static const char *const ways[] = { "入户", "入户", "入户", "电话", "微信", "院坝会" };
	static const char *const needs[] = { "路灯坏了", "低保复核", "子女就学", "就医报销", "楼道堆物",
		"养老金咨询" };
	static const char *const resolved[] = { "是", "否", "已办结", "yes", "" };
	uint32_t n = rng_below(&g->vrng, 100) < 6 ? 0 : rng_range(&g->vrng, 1, 9), i;
	char date[64];	/* room for any int the formats could print */
	const char *row[7];

	for (i = 0; i < n; i++) {
		uint32_t roll = rng_below(&g->vrng, 1000);
		const char *who = *contact && roll < 940 ? contact : other_member(g, gr, contact);
		int need = rng_chance(&g->vrng, 120);

		if (roll >= 990)
			who = "";
		else if (roll >= 985)
			who = "DY99999999";	/* a member who is not in the roster */
		visit_date(&g->vrng, rng_chance(&g->vrng, 5) ? rng_range(&g->vrng, 365, 400) :
		    rng_below(&g->vrng, 365), date, sizeof(date));
		if (rng_chance(&g->vrng, 3))
			strcpy(date, rng_chance(&g->vrng, 500) ? "" : "2026-02-30");
		row[0] = rng_chance(&g->vrng, 2) ? "0000000000" : hid;
		row[1] = date, row[2] = who, row[3] = ways[rng_below(&g->vrng, 6)];
		row[4] = "", row[5] = need ? needs[rng_below(&g->vrng, 6)] : "";
		row[6] = need ? resolved[rng_below(&g->vrng, 5)] : "";
		out_row(&g->vis, row, 7);
		g->st.visits++;
	}
}

static void make_tag(rng_t *r, char *dst)
{
	uint32_t a = rng_below(r, COUNT(priority_tags)), b;

	strcpy(dst, priority_tags[a]);
	if (!rng_chance(r, 100))
		return;
	b = (a + 1 + rng_below(r, COUNT(priority_tags) - 1)) % COUNT(priority_tags);
	strcat(dst, "、");
	strcat(dst, priority_tags[b]);
}

/* Invents household number seq of building bi and writes its row (and its previous contact). */
static void add_household(gen_t *g, grid_t *gr, uint32_t bi, uint32_t seq, const char *unit, const char *room,
			  cursor_t *c)
{
	const bld_t *b = &gr->b[bi];
	char id[ID_MAX], head[NAME_MAX_LEN], phone[16] = "", tag[64] = "";
	const char *row[8];
	size_t len = strlen(b->id);
	int shop = rng_chance(&g->rng, 50);

	memcpy(id, b->id, len);
	put_uint(id + len, seq, g->urban ? 4 : 3);
	make_name(&g->rng, head);
	if (rng_chance(&g->rng, 970))
		make_phone(&g->rng, phone);
	if (!shop && rng_chance(&g->rng, 63)) {
		make_tag(&g->rng, tag);
		g->st.priority++;
	}
	row[0] = id, row[1] = b->id, row[2] = unit, row[3] = room;
	row[4] = shop ? (g->en ? "shop" : "商户") : (g->en ? "resident" : "住户");
	row[5] = head, row[6] = phone, row[7] = tag;
	out_row(&g->hh, row, 8);
	g->st.households++;
	g->st.shops += (uint64_t)shop;
	if (g->with_map || g->with_visits) {
		const char *contact = g->with_map ? add_previous(g, gr, bi, id, c) : "";

		if (g->with_visits)
			add_visits(g, gr, id, g->contacts ? contact_of(g, id) : contact);
	}
}

/* Writes the households of a 楼栋: rooms 101, 102 ... in unit order, a few left empty. */
static void emit_block(gen_t *g, grid_t *gr, uint32_t bi, cursor_t *c)
{
	const bld_t *b = &gr->b[bi];
	uint32_t per_unit = b->floors * 2, rooms = b->units * per_unit, need = b->count, seq = 0, k;
	char unit[12], room[12];

	for (k = 0; k < rooms && need > 0; k++) {
		uint32_t w = k % per_unit;

		if (rng_below(&g->rng, rooms - k) >= need)
			continue;
		need--;
		put_uint(unit, k / per_unit + 1, 1);
		put_uint(room, (w / 2 + 1) * 100 + w % 2 + 1, 1);
		add_household(g, gr, bi, ++seq, unit, room, c);
	}
}

/* Writes the households of a 村民小组, with house numbers (门牌号) in the room column. */
static void emit_group(gen_t *g, grid_t *gr, uint32_t bi, cursor_t *c)
{
	uint32_t house = 0, seq;
	char room[12];

	for (seq = 1; seq <= gr->b[bi].count; seq++) {
		house += rng_chance(&g->rng, 200) ? rng_range(&g->rng, 2, 4) : 1;
		put_uint(room, house, 1);
		add_household(g, gr, bi, seq, "", room, c);
	}
}

/* Writes grid number index of the current village: its members, buildings and households. */
static void gen_grid(gen_t *g, uint32_t index, uint32_t households)
{
	grid_t *gr = &g->grid;
	size_t len = strlen(g->vid);
	cursor_t c = { 0, 0 };
	uint32_t i, n;

	memcpy(gr->id, g->vid, len);
	put_uint(gr->id + len, index, 3);
	plan_buildings(g, gr, households);
	n = member_count(&g->rng, households);
	draw_group(g);
	for (gr->nm = gr->nstale = 0; gr->nm < n; gr->nm++) {
		add_member(g, gr, &gr->m[gr->nm]);
		gr->nstale += (uint32_t)!gr->m[gr->nm].eligible;
	}
	for (i = 0; i < gr->nb; i++)
		add_building_row(g, gr, &gr->b[i]);
	for (i = 0; i < gr->nb; i++) {
		c.bcur = 0;
		if (g->urban)
			emit_block(g, gr, i, &c);
		else
			emit_group(g, gr, i, &c);
	}
	if (g->with_map)
		fill_pool(&g->pool, gr);
	g->st.grids++;
	g->st.buildings += gr->nb;
	g->st.members += gr->nm;
	g->st.eligible += gr->nm - gr->nstale;
}

/* Writes one village (community) of the given size; rep > 1 marks a repeat of the divisions file. */
static void gen_village(gen_t *g, const village_t *v, const char *township, uint32_t rep, uint64_t households)
{
	uint64_t sizes[MAX_GRIDS], lo, hi;
	uint32_t n = grid_count(households), i;
	size_t len = strlen(v->code);

	if (households == 0)
		return;
	lo = n > 1 ? 150 : 0;
	hi = n > 1 ? 400 : households;
	if (hi * n < households)
		hi = (households + n - 1) / n;
	split(&g->rng, households, n, 70, 130, lo, hi, sizes);
	memcpy(g->vid, v->code, len + 1);
	if (rep > 1)
		put_uint(g->vid + len, rep, 1);
	g->township = township;
	g->community = v->name;
	snprintf(g->branch, sizeof g->branch, "%s党支部", v->name);
	g->urban = v->urban;
	g->bld_no = 0;
	g->pool.n = g->pool.cur = 0;
	g->group_no = 0;
	g->group[0] = '\0';
	g->secretary_due = rng_chance(&g->orng, 900);
	for (i = 0; i < n; i++)
		gen_grid(g, i + 1, (uint32_t)sizes[i]);
	g->st.communities++;
}

/* ---- planning and the command line ---- */

typedef struct {
	size_t township;
	uint32_t rep;
} tinst_t;

/* Takes townships in file order, cycling, until n households fit at about PER_VILLAGE a village. */
static tinst_t *plan_townships(const divisions_t *d, uint64_t n, size_t *count, size_t *villages)
{
	tinst_t *ti = NULL;
	size_t k;

	*villages = 0;
	for (k = 0; *villages * PER_VILLAGE < n; k++) {
		ti = xrealloc(ti, (k + 1) * sizeof *ti);
		ti[k].township = k % d->nt;
		ti[k].rep = (uint32_t)(k / d->nt + 1);
		*villages += d->t[ti[k].township].count;
	}
	*count = k;
	return ti;
}

static void write_headers(gen_t *g)
{
	static const char *bld[2][5] = { { "楼栋编号", "网格编号", "村社区", "乡镇", "名称" },
					 { "building_id", "grid_id", "community", "township", "name" } };
	static const char *hh[2][8] = { { "户编号", "楼栋编号", "单元", "房号", "类型", "户主", "联系电话", "重点户" },
					{ "household_id", "building_id", "unit", "room", "kind", "head", "phone",
					  "priority" } };
	static const char *mem[2][10] = { { "党员编号", "姓名", "居住楼栋", "网格编号", "所在支部", "联系户上限", "状态",
					    "联系电话", "党小组", "职务" },
					  { "member_id", "name", "building_id", "grid_id", "branch", "capacity",
					    "status", "phone", "group", "role" } };
	static const char *map[8] = { "household_id", "member_id", "building_id", "grid_id",
				      "community", "township", "member_name", "tier" };
	static const char *vis[2][7] = { { "户编号", "走访日期", "走访人编号", "走访方式", "走访内容", "诉求",
					   "是否办结" },
					 { "household_id", "date", "member_id", "way", "note", "need", "resolved" } };

	out_row(&g->bld, bld[g->en], 5);
	out_row(&g->hh, hh[g->en], 8);
	out_row(&g->mem, mem[g->en], 10);
	if (g->with_map)
		out_row(&g->map, map, 8);
	if (g->with_visits)
		out_row(&g->vis, vis[g->en], 7);
}

/* Creates dir and its missing parents. */
static void make_dir(const char *dir)
{
	char *path = xstrdup(dir), *p;
	struct stat st;

	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		if (p[-1] != '/') {
			char c = *p;

			*p = '\0';
			if (mkdir(path, 0777) != 0 && errno != EEXIST)
				die("cannot create %s: %s", path, strerror(errno));
			*p = c;
		}
		if (*p == '\0')
			break;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		die("%s is not a directory", dir);
	free(path);
}

static void open_outputs(gen_t *g, const opts_t *o)
{
	static const char *names[3] = { "buildings.csv", "households.csv", "members.csv" };
	out_t *outs[3] = { &g->bld, &g->hh, &g->mem };
	size_t n = strlen(o->dir) + 32;
	char *path = xmalloc(n);
	int i;

	make_dir(o->dir);
	if (g->with_map)
		out_open(&g->map, o->previous);
	if (g->with_visits)
		out_open(&g->vis, o->visits);
	for (i = 0; i < 3; i++) {
		snprintf(path, n, "%s/%s", o->dir, names[i]);
		out_open(outs[i], path);
	}
	free(path);
}

/* ---- stress shapes: rosters that are hard for a solver, not realistic ones ---- */

static const char *const shapes[] = { "grids", "tower", "spread" };

/* Writes building b of grid g in the one community of a shape roster. */
static void shape_building(gen_t *g, const char *b, const char *gr)
{
	const char *row[5] = { b, gr, "东风村", "临河区", "" };

	out_row(&g->bld, row, 5);
}

static void shape_household(gen_t *g, const char *h, const char *b, const char *room)
{
	const char *row[8] = { h, b, "", room, "resident", "", "", "" };

	out_row(&g->hh, row, 8);
	g->st.households++;
}

static void shape_member(gen_t *g, const char *m, const char *b, const char *gr)
{
	const char *row[10] = { m, "", b, gr, "", "", "", "", "", "" };

	out_row(&g->mem, row, 10);
	g->st.members++;
	g->st.eligible++;
}

/*
 * The shapes of issue 12, all in one community:
 *   grids:  N grids of one building with one household each, a member in every fifth;
 *   tower:  one building of N households and N members, each household's previous
 *           contact a different member (--previous);
 *   spread: N households in N/10 buildings, one member each (for a huge --max-load).
 */
static void gen_shape(gen_t *g, const opts_t *o)
{
	char h[ID_MAX], b[ID_MAX], gr[ID_MAX], m[ID_MAX], room[16];
	uint64_t n = o->households;

	if (strcmp(o->shape, "tower") == 0) {
		shape_building(g, "T1", "G1");
		for (uint64_t i = 0; i < n; i++) {
			snprintf(m, sizeof m, "M%llu", (unsigned long long)i);
			shape_member(g, m, "T1", "G1");
		}
	}
	for (uint64_t i = 0; i < n; i++) {
		const char *row[8];

		snprintf(h, sizeof h, "H%llu", (unsigned long long)i);
		snprintf(room, sizeof room, "%llu", (unsigned long long)(i % 1000 + 1));
		if (strcmp(o->shape, "grids") == 0) {
			snprintf(b, sizeof b, "B%llu", (unsigned long long)i);
			snprintf(gr, sizeof gr, "G%llu", (unsigned long long)i);
			shape_building(g, b, gr);
			if (i % 5 == 0) {
				snprintf(m, sizeof m, "M%llu", (unsigned long long)i);
				shape_member(g, m, b, gr);
			}
		} else if (strcmp(o->shape, "spread") == 0) {
			snprintf(b, sizeof b, "B%llu", (unsigned long long)(i / 10));
			if (i % 10 == 0) {
				snprintf(m, sizeof m, "M%llu", (unsigned long long)(i / 10));
				shape_building(g, b, "G1");
				shape_member(g, m, b, "G1");
			}
		} else {
			strcpy(b, "T1");
		}
		shape_household(g, h, b, room);
		if (g->with_map) {
			snprintf(m, sizeof m, "M%llu", (unsigned long long)i);
			row[0] = h, row[1] = m, row[2] = b, row[3] = "G1";
			row[4] = "东风村", row[5] = "临河区", row[6] = "", row[7] = "building";
			out_row(&g->map, row, 8);
			g->st.mapped++;
		}
	}
}

static void usage(FILE *f)
{
	fputs("usage: gen_roster --households N [--seed S] [--divisions FILE] [--township CODE]\n"
	      "                  [--lang zh|en] [--previous FILE] -o DIR\n"
	      "Writes DIR/buildings.csv, DIR/households.csv and DIR/members.csv: an invented roster\n"
	      "of N households (1 to 100000000) on the real townships and villages of FILE\n"
	      "(default tools/data/bayannur.csv), the same bytes for the same options.\n"
	      "  --seed S         random seed (default 1)\n"
	      "  --township CODE  use only the villages of this township\n"
	      "  --lang zh|en     Chinese (default) or English column names\n"
	      "  --previous FILE  also write a plausible earlier mapping to FILE\n"
	      "  --shape S        a stress shape instead, all in one community: grids (N one-household\n"
	      "                   grids, a member in every fifth), tower (one building of N households\n"
	      "                   and N members, each household's previous contact a different one),\n"
	      "                   spread (N households in N/10 buildings, a member in each)\n"
	      "  --visits FILE    with --previous, also write a visit log of the year up to\n"
	      "                   2026-06-30 to FILE: by the contact of that mapping mostly\n"
	      "  --contacts FILE  with --visits: the contacts are those of the mapping FILE\n"
	      "                   (as lianhu assign writes it) instead of --previous\n", f);
}

static uint64_t parse_number(const char *opt, const char *s, uint64_t lo, uint64_t hi)
{
	uint64_t v = 0;
	const char *p;
	int ok = *s != '\0';

	for (p = s; ok && *p != '\0'; p++) {
		uint64_t d = (uint64_t)(*p - '0');

		ok = *p >= '0' && *p <= '9' && v <= (UINT64_MAX - d) / 10;
		v = v * 10 + d;
	}
	if (!ok || v < lo || v > hi)
		die("%s: expected a number from %llu to %llu, got '%s'", opt, (unsigned long long)lo,
		    (unsigned long long)hi, s);
	return v;
}

/* Returns the value of option opt (as "--opt V" or "--opt=V") at argv[*i], or NULL when argv[*i] is another one. */
static const char *option_value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc)
		die("%s needs a value (try --help)", opt);
	return argv[++*i];
}

static void parse_options(int argc, char **argv, opts_t *o)
{
	const char *v;
	int i, have_n = 0;

	memset(o, 0, sizeof *o);
	o->seed = 1;
	o->divisions = default_divisions;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			exit(0);
		} else if ((v = option_value(argc, argv, &i, "--households")) != NULL) {
			o->households = parse_number("--households", v, 1, MAX_HOUSEHOLDS);
			have_n = 1;
		} else if ((v = option_value(argc, argv, &i, "--seed")) != NULL) {
			o->seed = parse_number("--seed", v, 0, UINT64_MAX);
		} else if ((v = option_value(argc, argv, &i, "--divisions")) != NULL) {
			o->divisions = v;
		} else if ((v = option_value(argc, argv, &i, "--township")) != NULL) {
			o->township = v;
		} else if ((v = option_value(argc, argv, &i, "--previous")) != NULL) {
			o->previous = v;
		} else if ((v = option_value(argc, argv, &i, "--shape")) != NULL) {
			size_t k = 0;

			while (k < COUNT(shapes) && strcmp(v, shapes[k]) != 0)
				k++;
			if (k == COUNT(shapes))
				die("--shape: expected grids, tower or spread, got '%s'", v);
			o->shape = v;
		} else if ((v = option_value(argc, argv, &i, "--visits")) != NULL) {
			o->visits = v;
		} else if ((v = option_value(argc, argv, &i, "--contacts")) != NULL) {
			o->contacts = v;
		} else if ((v = option_value(argc, argv, &i, "--lang")) != NULL) {
			if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0)
				die("--lang: expected zh or en, got '%s'", v);
			o->en = strcmp(v, "en") == 0;
		} else if ((v = option_value(argc, argv, &i, "-o")) != NULL ||
			   (v = option_value(argc, argv, &i, "--output")) != NULL) {
			o->dir = v;
		} else {
			die("unknown argument '%s' (try --help)", argv[i]);
		}
	}
	if (!have_n)
		die("--households N is required (try --help)");
	if (o->dir == NULL || *o->dir == '\0')
		die("-o DIR is required (try --help)");
	if (o->visits && !o->previous && !o->contacts)
		die("--visits needs --previous or --contacts: visits are by the contacts of a mapping");
	if (o->contacts && !o->visits)
		die("--contacts goes with --visits");
}

/* Writes every township instance of the plan, each village with its share of the households. */
static void generate(gen_t *g, const divisions_t *d, const opts_t *o)
{
	size_t nti, nvil, i, j, slot = 0;
	tinst_t *ti = plan_townships(d, o->households, &nti, &nvil);
	uint64_t *share = xmalloc(nvil * sizeof *share);
	char name[512];

	split(&g->rng, o->households, (uint32_t)nvil, 500, 1500, 0, UINT64_MAX, share);
	for (i = 0; i < nti; i++) {
		const township_t *t = &d->t[ti[i].township];

		if (ti[i].rep > 1)
			snprintf(name, sizeof name, "%s(%u)", t->name, (unsigned)ti[i].rep);
		else
			snprintf(name, sizeof name, "%s", t->name);
		for (j = 0; j < t->count; j++)
			gen_village(g, &d->v[t->first + j], name, ti[i].rep, share[slot++]);
		g->st.townships++;
	}
	free(share);
	free(ti);
}

/* Parses the options, loads the divisions and writes the roster. */
int main(int argc, char **argv)
{
	static gen_t g;
	divisions_t d;
	opts_t o;
	uint64_t n;

	parse_options(argc, argv, &o);
	load_divisions(o.divisions, o.township, &d);
	g.rng.s = o.seed;
	rng_next(&g.rng);
	g.prng.s = o.seed ^ 0x5deece66dULL;
	rng_next(&g.prng);
	g.orng.s = o.seed ^ 0x9a27e11dULL;
	rng_next(&g.orng);
	g.vrng.s = o.seed ^ 0x9e3779b1ULL;
	rng_next(&g.vrng);
	g.with_visits = o.visits != NULL;
	if (o.contacts)
		load_contacts(&g, o.contacts);
	g.en = o.en;
	g.with_map = o.previous != NULL;
	for (g.mem_width = 1, n = o.households; n >= 10; n /= 10)
		g.mem_width++;
	if (g.mem_width < 4)
		g.mem_width = 4;
	open_outputs(&g, &o);
	if (o.shape)
		g.en = 1;
	write_headers(&g);
	if (o.shape)
		gen_shape(&g, &o);
	else
		generate(&g, &d, &o);
	out_close(&g.bld);
	out_close(&g.hh);
	out_close(&g.mem);
	out_close(&g.map);
	out_close(&g.vis);
	for (size_t k = 0; k < g.ncontacts; k++)
		free(g.contacts[k]);
	free(g.contacts);
	free_divisions(&d);
	fprintf(stderr, "gen_roster: %s: %llu households (%llu shops, %llu priority), %llu buildings, %llu grids, "
		"%llu communities, %llu townships, %llu members (%llu eligible)",
		o.dir, (unsigned long long)g.st.households, (unsigned long long)g.st.shops,
		(unsigned long long)g.st.priority, (unsigned long long)g.st.buildings,
		(unsigned long long)g.st.grids, (unsigned long long)g.st.communities,
		(unsigned long long)g.st.townships, (unsigned long long)g.st.members,
		(unsigned long long)g.st.eligible);
	if (g.with_map)
		fprintf(stderr, ", %llu previous rows in %s", (unsigned long long)g.st.mapped, o.previous);
	if (g.with_visits)
		fprintf(stderr, ", %llu visits in %s", (unsigned long long)g.st.visits, o.visits);
	fputc('\n', stderr);
	return 0;
}

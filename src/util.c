/* util: allocation that never fails, string pools and string maps. */
#include <endian.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <time.h>

#include "lianhu/i18n.h"
#include "lianhu/util.h"

static void out_of_memory(size_t size)
{
	fprintf(stderr, _("lianhu: out of memory (asked for %zu bytes)\n"), size);
	exit(2);
}

void fput_visible(const char *s, FILE *fp)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u; u++) {
		if (*u == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
			fprintf(fp, "\\u00%02x", u[1]);
			u++;
		} else if (*u == '\n' || *u == '\r' || *u == '\t') {
			putc('\\', fp);
			putc(*u == '\n' ? 'n' : *u == '\r' ? 'r' : 't', fp);
		} else if (*u < 0x20 || *u == 0x7f) {
			fprintf(fp, "\\x%02x", *u);
		} else {
			putc(*u, fp);
		}
	}
}

void finding_print(FILE *fp, const char *file, long line, const char *code, const char *message)
{
	fput_visible(file, fp);
	fprintf(fp, ":%ld: %s: ", line, code);
	fput_visible(message, fp);
	putc('\n', fp);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *xreallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return xrealloc(ptr, count * size);
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

void grow_array(void **array, size_t *alloc, size_t need, size_t elem_size)
{
	size_t n = *alloc;

	if (need <= n)
		return;
	if (n < 16)
		n = 16;
	while (n < need)
		n *= 2;
	*array = xreallocarray(*array, n, elem_size);
	*alloc = n;
}

#define HUGE_PAGE (2u << 20)

/*
 * Asks for huge pages under a big array, so that filling it takes a page
 * fault per 2 MiB, not per 4 KiB, and probing it at random misses the TLB
 * less. Only whole huge pages inside it are taken: its resident size stays.
 */
static void *huge_pages(void *p, size_t size)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	uintptr_t start = ((uintptr_t)p + page - 1) / page * page, end = (uintptr_t)p + size;

	if (size >= 2 * HUGE_PAGE && end > start)
		madvise((void *)start, (end - start) / page * page, MADV_HUGEPAGE);
	return p;
}

void reserve_array(void **array, size_t *alloc, size_t need, size_t elem_size)
{
	if (need > *alloc) {
		*array = huge_pages(xreallocarray(*array, need, elem_size), need * elem_size);
		*alloc = need;
	}
}

/* Pool blocks are chained; strings never move once placed. */
struct pool_block {
	struct pool_block *next;
	size_t used, size;
	char data[];
};

struct pool {
	struct pool_block *head;
};

#define POOL_BLOCK (1u << 20)

struct pool *pool_new(void)
{
	return xcalloc(1, sizeof(struct pool));
}

const char *pool_strndup(struct pool *p, const char *s, size_t len)
{
	struct pool_block *b = p->head;
	char *dst;

	if (b == NULL || b->size - b->used < len + 1) {
		size_t size = len + 1 > POOL_BLOCK ? len + 1 : POOL_BLOCK;

		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = p->head;
		p->head = b;
	}
	dst = b->data + b->used;
	memcpy(dst, s, len);
	dst[len] = '\0';
	b->used += len + 1;
	return dst;
}

void pool_free(struct pool *p)
{
	if (p == NULL)
		return;
	while (p->head) {
		struct pool_block *next = p->head->next;

		free(p->head);
		p->head = next;
	}
	free(p);
}

/* The hash key: random for each run (getrandom), so nobody can choose IDs that collide. */
static uint64_t hash_key[2];
static bool hash_keyed;

static void hash_key_init(void)
{
	/* No randomness at all (a kernel without getrandom): the clock and the stack address stand in. */
	if (getrandom(hash_key, sizeof(hash_key), GRND_NONBLOCK) != (ssize_t)sizeof(hash_key)) {
		hash_key[0] = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ull;
		hash_key[1] = (uint64_t)(uintptr_t)&hash_key ^ (uint64_t)getpid() << 32;
	}
	hash_keyed = true;
}

#define ROTL(x, b) ((x) << (b) | (x) >> (64 - (b)))

/* One SipRound over the four state words (a macro: the hash of every ID runs six of them). */
#define SIP_ROUND(v0, v1, v2, v3) do { \
	v0 += v1; v1 = ROTL(v1, 13) ^ v0; v0 = ROTL(v0, 32); \
	v2 += v3; v3 = ROTL(v3, 16) ^ v2; \
	v0 += v3; v3 = ROTL(v3, 21) ^ v0; \
	v2 += v1; v1 = ROTL(v1, 17) ^ v2; v2 = ROTL(v2, 32); \
} while (0)

/* The little-endian word of 8 bytes at p. */
static uint64_t le_word8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return le64toh(w);
}

/* A little-endian word of n < 8 bytes. */
static uint64_t le_tail(const unsigned char *p, size_t n)
{
	uint64_t w = 0;

	for (size_t i = n; i > 0; i--)
		w = w << 8 | p[i - 1];
	return w;
}

uint64_t str_hash(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	const unsigned char *end = p + (len & ~(size_t)7);
	uint64_t v0, v1, v2, v3, m;

	if (!hash_keyed)
		hash_key_init();
	v0 = hash_key[0] ^ 0x736f6d6570736575ull;
	v1 = hash_key[1] ^ 0x646f72616e646f6dull;
	v2 = hash_key[0] ^ 0x6c7967656e657261ull;
	v3 = hash_key[1] ^ 0x7465646279746573ull;
	for (; p < end; p += 8) {
		m = le_word8(p);
		v3 ^= m;
		SIP_ROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	m = le_tail(p, len & 7) | (uint64_t)(len & 0xff) << 56;
	v3 ^= m;
	SIP_ROUND(v0, v1, v2, v3);
	v0 ^= m;
	v2 ^= 0xff;
	SIP_ROUND(v0, v1, v2, v3);
	SIP_ROUND(v0, v1, v2, v3);
	SIP_ROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
}

/* The slot holding key, or the empty slot where it belongs; a new key costs one cache line. */
static size_t slot_of(const struct strmap *m, const char *key, uint32_t hash)
{
	size_t i = hash & m->mask;

	while (m->slots[i].key && (m->slots[i].hash != hash || strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & m->mask;
	return i;
}

/* Moves the map into cap slots (a power of two, above count). */
static void rehash(struct strmap *m, size_t cap)
{
	struct strmap old = *m;

	m->slots = huge_pages(xcalloc(cap, sizeof(*m->slots)), cap * sizeof(*m->slots));
	m->mask = cap - 1;
	for (size_t i = 0; old.slots && i <= old.mask; i++)
		if (old.slots[i].key)
			m->slots[slot_of(m, old.slots[i].key, old.slots[i].hash)] = old.slots[i];
	free(old.slots);
}

void strmap_reserve(struct strmap *m, size_t n)
{
	size_t cap = 64;

	while (cap / 4 * 3 < n)
		cap *= 2;
	if (m->slots == NULL || cap > m->mask + 1)
		rehash(m, cap);
}

int strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->slots == NULL)
		return -1;
	i = slot_of(m, key, (uint32_t)str_hash(key));
	return m->slots[i].key ? m->slots[i].value : -1;
}

uint32_t strmap_prefetch(const struct strmap *m, const char *key)
{
	uint32_t hash = (uint32_t)str_hash(key);

	if (m->slots)
		__builtin_prefetch(&m->slots[hash & m->mask]);
	return hash;
}

int strmap_put(struct strmap *m, const char *key, int value)
{
	return strmap_put_hashed(m, key, (uint32_t)str_hash(key), value);
}

int strmap_put_hashed(struct strmap *m, const char *key, uint32_t hash, int value)
{
	size_t i;

	if (m->slots == NULL || (m->count + 1) * 4 > (m->mask + 1) * 3)
		rehash(m, m->slots ? (m->mask + 1) * 2 : 64);
	i = slot_of(m, key, hash);
	if (m->slots[i].key)
		return m->slots[i].value;
	m->slots[i] = (struct strmap_slot){ key, hash, value };
	m->count++;
	return value;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	strmap_init(m);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

size_t trim_span(const char **s, size_t len)
{
	const unsigned char *p = (const unsigned char *)*s;

	/* Most fields: neither end can start a space (all at most ' ') or U+3000 (E3 80 80). */
	if (len == 0 || (p[0] > ' ' && p[0] != 0xe3 && p[len - 1] > ' ' && p[len - 1] != 0x80))
		return len;

	for (;;) {
		if (len > 0 && is_space(p[0])) {
			p++;
			len--;
		} else if (len >= 3 && p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;
			len -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (len > 0 && is_space(p[len - 1]))
			len--;
		else if (len >= 3 && p[len - 3] == 0xe3 && p[len - 2] == 0x80 && p[len - 1] == 0x80)
			len -= 3;
		else
			break;
	}
	*s = (const char *)p;
	return len;
}

bool parse_count(const char *s, long max, long *out)
{
	long v = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > max)
			return false;
	}
	*out = v;
	return true;
}

void today_iso(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	long seconds;
	time_t now = time(NULL);
	struct tm tm;

	if (epoch != NULL && parse_count(epoch, 253402300799L, &seconds)) {
		now = (time_t)seconds;
		gmtime_r(&now, &tm);
	} else {
		localtime_r(&now, &tm);
	}
	strftime(out, 11, "%Y-%m-%d", &tm);
}

size_t edit_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), *d, dist;

	if (na > 64 || nb > 64)
		return SIZE_MAX;
	d = xcalloc((na + 1) * (nb + 1), sizeof(*d));
#define D(i, j) d[(i) * (nb + 1) + (j)]
	for (size_t i = 0; i <= na; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= nb; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++) {
			size_t best = D(i - 1, j - 1) + (a[i - 1] != b[j - 1]);

			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	dist = D(na, nb);
#undef D
	free(d);
	return dist;
}

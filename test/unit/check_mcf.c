/* check_mcf: unit tests of the network simplex against hand examples and independent exact methods. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/mcf.h"

/* A test-side copy of a network, to rebuild it and to check answers against. */
struct net {
	int n;
	int m;
	int64_t *supply;
	int *from;
	int *to;
	int64_t *cap;
	mcf_cost *cost;
};

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
	rng_state = seed;
}

/* splitmix64: a fixed, platform-independent sequence. */
static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static int64_t rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng_next() % (uint64_t)(hi - lo + 1));
}

static const char *fmt128(mcf_cost v, char *buf)
{
	char tmp[64];
	int len = 0, neg = v < 0;
	unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;

	do {
		tmp[len++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u != 0);
	if (neg)
		tmp[len++] = '-';
	for (int i = 0; i < len; i++)
		buf[i] = tmp[len - 1 - i];
	buf[len] = '\0';
	return buf;
}

#define ck_assert_cost_eq(a, b) do { \
	mcf_cost a_ = (a), b_ = (b); \
	char ba_[64], bb_[64]; \
	ck_assert_msg(a_ == b_, "%s == %s failed: %s vs %s", #a, #b, fmt128(a_, ba_), fmt128(b_, bb_)); \
} while (0)

static void net_init(struct net *t, int n, int max_m)
{
	t->n = n;
	t->m = 0;
	t->supply = calloc((size_t)n + 1, sizeof(*t->supply));
	t->from = calloc((size_t)max_m + 1, sizeof(*t->from));
	t->to = calloc((size_t)max_m + 1, sizeof(*t->to));
	t->cap = calloc((size_t)max_m + 1, sizeof(*t->cap));
	t->cost = calloc((size_t)max_m + 1, sizeof(*t->cost));
	ck_assert(t->supply && t->from && t->to && t->cap && t->cost);
}

static void net_arc(struct net *t, int from, int to, int64_t cap, mcf_cost cost)
{
	t->from[t->m] = from;
	t->to[t->m] = to;
	t->cap[t->m] = cap;
	t->cost[t->m] = cost;
	t->m++;
}

static void net_free(struct net *t)
{
	free(t->supply);
	free(t->from);
	free(t->to);
	free(t->cap);
	free(t->cost);
}

static struct mcf *net_build(const struct net *t)
{
	struct mcf *g = mcf_new(t->n, t->m);

	for (int u = 0; u < t->n; u++)
		ck_assert_int_eq(mcf_add_node(g), u);
	for (int a = 0; a < t->m; a++)
		ck_assert_int_eq(mcf_add_arc(g, t->from[a], t->to[a], t->cap[a], t->cost[a]), a);
	for (int u = 0; u < t->n; u++)
		mcf_set_supply(g, u, t->supply[u]);
	return g;
}

/* Checks bounds, conservation, the total cost and complementary slackness of a solved network. */
static void verify_optimal(const struct mcf *g, const struct net *t)
{
	int64_t *bal = calloc((size_t)t->n + 1, sizeof(*bal));
	mcf_cost total = 0;
	char b1[64], b2[64];

	ck_assert_ptr_nonnull(bal);
	for (int a = 0; a < t->m; a++) {
		int64_t f = mcf_flow(g, a);
		mcf_cost rc = t->cost[a] + mcf_potential(g, t->from[a]) - mcf_potential(g, t->to[a]);

		ck_assert_msg(f >= 0 && f <= t->cap[a], "arc %d flow %lld cap %lld", a, (long long)f, (long long)t->cap[a]);
		bal[t->from[a]] += f;
		bal[t->to[a]] -= f;
		total += f * t->cost[a];
		if (f < t->cap[a])
			ck_assert_msg(rc >= 0, "arc %d below capacity has reduced cost %s", a, fmt128(rc, b1));
		if (f > 0)
			ck_assert_msg(rc <= 0, "arc %d with flow has reduced cost %s", a, fmt128(rc, b1));
	}
	for (int u = 0; u < t->n; u++)
		ck_assert_msg(bal[u] == t->supply[u], "node %d balance %lld supply %lld", u, (long long)bal[u], (long long)t->supply[u]);
	ck_assert_msg(total == mcf_total_cost(g), "total %s reported %s", fmt128(total, b1), fmt128(mcf_total_cost(g), b2));
	free(bal);
}

/* ---- hand examples ---- */

START_TEST(test_transport_simple)
{
	struct mcf *g = mcf_new(0, 0);
	int s0 = mcf_add_node(g), s1 = mcf_add_node(g), t0 = mcf_add_node(g), t1 = mcf_add_node(g);
	int a00 = mcf_add_arc(g, s0, t0, MCF_INF, 1);
	int a01 = mcf_add_arc(g, s0, t1, MCF_INF, 4);
	int a10 = mcf_add_arc(g, s1, t0, MCF_INF, 3);
	int a11 = mcf_add_arc(g, s1, t1, MCF_INF, 2);

	mcf_set_supply(g, s0, 5);
	mcf_set_supply(g, s1, 5);
	mcf_set_supply(g, t0, -6);
	mcf_set_supply(g, t1, -4);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), 16);
	ck_assert_int_eq(mcf_flow(g, a00), 5);
	ck_assert_int_eq(mcf_flow(g, a01), 0);
	ck_assert_int_eq(mcf_flow(g, a10), 1);
	ck_assert_int_eq(mcf_flow(g, a11), 4);
	ck_assert_cost_eq(1 + mcf_potential(g, s0) - mcf_potential(g, t0), 0);
	ck_assert_cost_eq(3 + mcf_potential(g, s1) - mcf_potential(g, t0), 0);
	ck_assert_cost_eq(2 + mcf_potential(g, s1) - mcf_potential(g, t1), 0);
	ck_assert(4 + mcf_potential(g, s0) - mcf_potential(g, t1) >= 0);
	mcf_free(g);
}
END_TEST

START_TEST(test_infeasible_unbalanced)
{
	struct mcf *g = mcf_new(2, 1);

	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 1, MCF_INF, 1);
	mcf_set_supply(g, 0, 3);
	mcf_set_supply(g, 1, -2);
	ck_assert_int_eq(mcf_solve(g), MCF_INFEASIBLE);
	ck_assert_int_eq(mcf_flow(g, 0), 0);
	ck_assert_cost_eq(mcf_total_cost(g), 0);
	mcf_free(g);
}
END_TEST

START_TEST(test_infeasible_capacity)
{
	struct mcf *g = mcf_new(3, 2);

	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 1, 2, 1);
	mcf_add_arc(g, 1, 2, MCF_INF, 1);
	mcf_set_supply(g, 0, 3);
	mcf_set_supply(g, 2, -3);
	ck_assert_int_eq(mcf_solve(g), MCF_INFEASIBLE);
	mcf_free(g);

	/* Wrong direction: demand upstream. */
	g = mcf_new(2, 1);
	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 1, MCF_INF, 1);
	mcf_set_supply(g, 0, -1);
	mcf_set_supply(g, 1, 1);
	ck_assert_int_eq(mcf_solve(g), MCF_INFEASIBLE);
	mcf_free(g);

	/* A negative capacity cannot be met. */
	g = mcf_new(2, 1);
	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 1, -1, 1);
	ck_assert_int_eq(mcf_solve(g), MCF_INFEASIBLE);
	mcf_free(g);
}
END_TEST

START_TEST(test_unbounded)
{
	struct mcf *g = mcf_new(3, 3);

	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 1, MCF_INF, -1);
	mcf_add_arc(g, 1, 2, MCF_INF, 0);
	mcf_add_arc(g, 2, 0, MCF_INF, 0);
	ck_assert_int_eq(mcf_solve(g), MCF_UNBOUNDED);
	ck_assert_int_eq(mcf_flow(g, 0), 0);
	mcf_free(g);

	/* A negative self-loop without a bound. */
	g = mcf_new(1, 1);
	mcf_add_node(g);
	mcf_add_arc(g, 0, 0, MCF_INF, -7);
	ck_assert_int_eq(mcf_solve(g), MCF_UNBOUNDED);
	mcf_free(g);
}
END_TEST

START_TEST(test_negative_cycle_bounded)
{
	struct net t;
	struct mcf *g;

	/* The cycle 0 -> 1 -> 0 is negative but one arc has a capacity of 5. */
	net_init(&t, 3, 4);
	net_arc(&t, 0, 1, 5, -3);
	net_arc(&t, 1, 0, MCF_INF, 1);
	net_arc(&t, 1, 2, MCF_INF, 2);
	t.supply[0] = 2;
	t.supply[2] = -2;
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), -15 + 3 + 4);
	ck_assert_int_eq(mcf_flow(g, 0), 5);
	ck_assert_int_eq(mcf_flow(g, 1), 3);
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);

	/* A negative self-loop with a bound. */
	net_init(&t, 1, 1);
	net_arc(&t, 0, 0, 3, -2);
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), -6);
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);

	/* A negative unbounded arc on a path only. */
	net_init(&t, 2, 1);
	net_arc(&t, 0, 1, MCF_INF, -5);
	t.supply[0] = 2;
	t.supply[1] = -2;
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), -10);
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);
}
END_TEST

START_TEST(test_zero_supply)
{
	struct net t;
	struct mcf *g;

	net_init(&t, 4, 5);
	net_arc(&t, 0, 1, 4, 3);
	net_arc(&t, 1, 2, MCF_INF, 0);
	net_arc(&t, 2, 0, 2, 1);
	net_arc(&t, 2, 3, 1, -1);
	net_arc(&t, 3, 2, 1, 1);
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), 0);
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);
}
END_TEST

START_TEST(test_parallel_arcs)
{
	struct net t;
	struct mcf *g;

	net_init(&t, 2, 5);
	for (int i = 0; i < 5; i++)
		net_arc(&t, 0, 1, 1, 2 * (4 - i) + 1);
	t.supply[0] = 4;
	t.supply[1] = -4;
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), 1 + 3 + 5 + 7);
	ck_assert_int_eq(mcf_flow(g, 0), 0);
	for (int i = 1; i < 5; i++)
		ck_assert_int_eq(mcf_flow(g, i), 1);
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);
}
END_TEST

START_TEST(test_huge_costs)
{
	const mcf_cost big = (mcf_cost)1000000000000000LL * 1000000000000000LL;	/* 1e30 */
	struct net t;
	struct mcf *g;

	/* Lexicographic weights: the first priority dominates, the second breaks the tie. */
	net_init(&t, 4, 5);
	net_arc(&t, 0, 1, 3, big + 5);
	net_arc(&t, 0, 2, 3, big + 1);
	net_arc(&t, 0, 3, 3, 2 * big);
	net_arc(&t, 1, 3, MCF_INF, 0);
	net_arc(&t, 2, 3, 2, -big + 1);
	t.supply[0] = 4;
	t.supply[3] = -4;
	g = net_build(&t);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_int_eq(mcf_flow(g, 1), 2);
	ck_assert_int_eq(mcf_flow(g, 0), 2);
	ck_assert_cost_eq(mcf_total_cost(g), 2 * (big + 5) + 2 * (big + 1) + 2 * (-big + 1));
	verify_optimal(g, &t);
	mcf_free(g);
	net_free(&t);
}
END_TEST

START_TEST(test_empty_and_counts)
{
	struct mcf *g = mcf_new(0, 0);

	ck_assert_int_eq(mcf_node_count(g), 0);
	ck_assert_int_eq(mcf_arc_count(g), 0);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), 0);
	mcf_free(g);
	mcf_free(NULL);

	g = mcf_new(1, 1);
	for (int i = 0; i < 100; i++)
		mcf_add_node(g);
	for (int i = 0; i < 99; i++)
		mcf_add_arc(g, i, i + 1, 1, 1);
	ck_assert_int_eq(mcf_node_count(g), 100);
	ck_assert_int_eq(mcf_arc_count(g), 99);
	ck_assert_int_eq(mcf_flow(g, 5), 0);
	mcf_set_supply(g, 0, 1);
	mcf_set_supply(g, 99, -1);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), 99);
	ck_assert_int_eq(mcf_node_count(g), 100);
	ck_assert_int_eq(mcf_arc_count(g), 99);
	mcf_free(g);
}
END_TEST

/* ---- independent references ---- */

enum { REF_OPTIMAL, REF_INFEASIBLE, REF_UNBOUNDED, REF_EITHER };

/* Exhaustive search over every integer flow; only for tiny finite capacities.  Returns 0 if infeasible. */
static int brute_force(const struct net *t, mcf_cost *best)
{
	int64_t f[16] = { 0 }, bal[16];
	int found = 0;

	for (;;) {
		int ok = 1, a;
		mcf_cost c = 0;

		memset(bal, 0, sizeof(bal));
		for (a = 0; a < t->m; a++) {
			bal[t->from[a]] += f[a];
			bal[t->to[a]] -= f[a];
			c += f[a] * t->cost[a];
		}
		for (int u = 0; u < t->n; u++)
			if (bal[u] != t->supply[u])
				ok = 0;
		if (ok && (!found || c < *best)) {
			*best = c;
			found = 1;
		}
		for (a = 0; a < t->m; a++) {
			if (f[a] < t->cap[a]) {
				f[a]++;
				break;
			}
			f[a] = 0;
		}
		if (a == t->m)
			break;
	}
	return found;
}

/* Is there a negative cycle made of unbounded arcs only?  Bellman-Ford from a virtual source. */
static int negative_unbounded_cycle(const struct net *t)
{
	mcf_cost *d = calloc((size_t)t->n + 1, sizeof(*d));
	int changed = 1;

	ck_assert_ptr_nonnull(d);
	for (int round = 0; round <= t->n && changed; round++) {
		changed = 0;
		for (int a = 0; a < t->m; a++) {
			if (t->cap[a] != MCF_INF)
				continue;
			if (d[t->from[a]] + t->cost[a] < d[t->to[a]]) {
				d[t->to[a]] = d[t->from[a]] + t->cost[a];
				changed = 1;
			}
		}
	}
	free(d);
	return changed;
}

/* Residual graph of the reference solvers: edge 2i is arc i, edge 2i + 1 its reverse. */
struct resid {
	int n;
	int e;
	int *from;
	int *to;
	int64_t *res;
	mcf_cost *cost;
};

static void resid_init(struct resid *r, int n, int max_arcs)
{
	r->n = n;
	r->e = 0;
	r->from = malloc(sizeof(*r->from) * 2 * (size_t)max_arcs + 2);
	r->to = malloc(sizeof(*r->to) * 2 * (size_t)max_arcs + 2);
	r->res = malloc(sizeof(*r->res) * 2 * (size_t)max_arcs + 2);
	r->cost = malloc(sizeof(*r->cost) * 2 * (size_t)max_arcs + 2);
	ck_assert(r->from && r->to && r->res && r->cost);
}

static void resid_arc(struct resid *r, int from, int to, int64_t cap, mcf_cost cost)
{
	r->from[r->e] = from;
	r->to[r->e] = to;
	r->res[r->e] = cap;
	r->cost[r->e] = cost;
	r->e++;
	r->from[r->e] = to;
	r->to[r->e] = from;
	r->res[r->e] = 0;
	r->cost[r->e] = -cost;
	r->e++;
}

static void resid_free(struct resid *r)
{
	free(r->from);
	free(r->to);
	free(r->res);
	free(r->cost);
}

/* Max flow by shortest augmenting paths (edge scan BFS, fine for tiny graphs). */
static int64_t max_flow(struct resid *r, int s, int t)
{
	int *pred = malloc(sizeof(int) * (size_t)r->n);
	int *queue = malloc(sizeof(int) * (size_t)r->n);
	int64_t total = 0;

	ck_assert(pred && queue);
	for (;;) {
		int head = 0, tail = 0;

		for (int v = 0; v < r->n; v++)
			pred[v] = -2;
		pred[s] = -1;
		queue[tail++] = s;
		while (head < tail && pred[t] == -2) {
			int u = queue[head++];

			for (int e = 0; e < r->e; e++) {
				if (r->from[e] == u && r->res[e] > 0 && pred[r->to[e]] == -2) {
					pred[r->to[e]] = e;
					queue[tail++] = r->to[e];
				}
			}
		}
		if (pred[t] == -2)
			break;
		int64_t push = INT64_MAX;

		for (int v = t; v != s; v = r->from[pred[v]])
			if (r->res[pred[v]] < push)
				push = r->res[pred[v]];
		for (int v = t; v != s; v = r->from[pred[v]]) {
			r->res[pred[v]] -= push;
			r->res[pred[v] ^ 1] += push;
		}
		total += push;
	}
	free(pred);
	free(queue);
	return total;
}

/* Finds a negative residual cycle by Bellman-Ford over nodes [0, n); cancels it.  Returns 0 if none. */
static int cancel_negative_cycle(struct resid *r, int n)
{
	mcf_cost *d = calloc((size_t)n, sizeof(*d));
	int *pred = malloc(sizeof(int) * (size_t)n);
	int x = -1, found = 0;

	ck_assert(d && pred);
	for (int v = 0; v < n; v++)
		pred[v] = -1;
	for (int round = 0; round < n; round++) {
		x = -1;
		for (int e = 0; e < r->e; e++) {
			int u = r->from[e], v = r->to[e];

			if (u >= n || v >= n || r->res[e] <= 0)
				continue;
			if (d[u] + r->cost[e] < d[v]) {
				d[v] = d[u] + r->cost[e];
				pred[v] = e;
				x = v;
			}
		}
		if (x < 0)
			break;
	}
	if (x >= 0) {
		int64_t push = INT64_MAX;
		int v;

		for (int i = 0; i < n; i++)
			x = r->from[pred[x]];
		v = x;
		do {
			if (r->res[pred[v]] < push)
				push = r->res[pred[v]];
			v = r->from[pred[v]];
		} while (v != x);
		v = x;
		do {
			r->res[pred[v]] -= push;
			r->res[pred[v] ^ 1] += push;
			v = r->from[pred[v]];
		} while (v != x);
		found = 1;
	}
	free(d);
	free(pred);
	return found;
}

/* Reference by max flow for feasibility and then cycle cancelling; returns a REF_ status. */
static int cycle_cancelling(const struct net *t, mcf_cost *cost_out)
{
	int64_t sum = 0, pos = 0, fin = 0, bound;
	int neg = negative_unbounded_cycle(t), status;
	int src = t->n, snk = t->n + 1;
	struct resid r;

	for (int u = 0; u < t->n; u++) {
		sum += t->supply[u];
		if (t->supply[u] > 0)
			pos += t->supply[u];
	}
	if (sum != 0)
		return REF_INFEASIBLE;
	for (int a = 0; a < t->m; a++)
		if (t->cap[a] != MCF_INF)
			fin += t->cap[a];
	/* Some optimum carries at most pos + fin on any unbounded arc when no unbounded negative cycle exists. */
	bound = pos + fin + 1;
	resid_init(&r, t->n + 2, t->m + t->n);
	for (int a = 0; a < t->m; a++)
		resid_arc(&r, t->from[a], t->to[a], t->cap[a] == MCF_INF ? bound : t->cap[a], t->cost[a]);
	for (int u = 0; u < t->n; u++) {
		if (t->supply[u] > 0)
			resid_arc(&r, src, u, t->supply[u], 0);
		else if (t->supply[u] < 0)
			resid_arc(&r, u, snk, -t->supply[u], 0);
	}
	if (max_flow(&r, src, snk) < pos) {
		status = neg ? REF_EITHER : REF_INFEASIBLE;
	} else if (neg) {
		status = REF_UNBOUNDED;
	} else {
		mcf_cost c = 0;

		while (cancel_negative_cycle(&r, t->n))
			;
		for (int a = 0; a < t->m; a++)
			c += r.res[2 * a + 1] * t->cost[a];
		*cost_out = c;
		status = REF_OPTIMAL;
	}
	resid_free(&r);
	return status;
}

static mcf_cost random_cost(void)
{
	const mcf_cost big = (mcf_cost)1000000000000000LL * 1000000000000000LL;
	int64_t k = rng_range(0, 99);

	if (k < 75)
		return rng_range(-10, 10);
	/* One draw per statement: the order of evaluation inside an expression is unspecified. */
	mcf_cost hi = rng_range(-2, 2) * big * 1000;
	mcf_cost mid = rng_range(-3, 3) * big;
	mcf_cost lo = rng_range(-5, 5);

	return k < 90 ? mid + lo : hi + mid + lo;
}

/* A random small network; its supplies mostly come from a random flow so that most are feasible. */
static void random_small(struct net *t)
{
	int n = (int)rng_range(1, 7), m = (int)rng_range(0, 12);
	int64_t k = rng_range(0, 99);

	net_init(t, n, m);
	for (int a = 0; a < m; a++) {
		int64_t cap = rng_range(0, 99) < 15 ? MCF_INF : rng_range(0, 4);
		int from = (int)rng_range(0, n - 1);
		int to = (int)rng_range(0, n - 1);

		net_arc(t, from, to, cap, random_cost());
	}
	if (k < 70) {
		for (int a = 0; a < m; a++) {
			int64_t f = rng_range(0, t->cap[a] == MCF_INF ? 4 : t->cap[a]);

			t->supply[t->from[a]] += f;
			t->supply[t->to[a]] -= f;
		}
	} else {
		int64_t sum = 0;

		for (int u = 0; u + 1 < n; u++) {
			t->supply[u] = rng_range(-4, 4);
			sum += t->supply[u];
		}
		t->supply[n - 1] = -sum;
		if (k >= 95)
			t->supply[0] += 1;
	}
}

static void check_against_reference(const struct net *t, int idx)
{
	struct mcf *g = net_build(t);
	mcf_cost ref_cost = 0, brute_cost = 0;
	int ref = cycle_cancelling(t, &ref_cost);
	enum mcf_status got = mcf_solve(g);
	int64_t combos = 1;
	int brute_ok = 1;

	for (int a = 0; a < t->m && brute_ok; a++) {
		if (t->cap[a] == MCF_INF)
			brute_ok = 0;
		else
			combos *= t->cap[a] + 1;
		if (combos > 200000)
			brute_ok = 0;
	}
	if (brute_ok) {
		int found = brute_force(t, &brute_cost);

		ck_assert_msg(found == (ref == REF_OPTIMAL), "instance %d: brute force and cycle cancelling disagree", idx);
		if (found)
			ck_assert_cost_eq(brute_cost, ref_cost);
	}
	switch (ref) {
	case REF_OPTIMAL:
		ck_assert_msg(got == MCF_OPTIMAL, "instance %d: status %d, expected optimal", idx, got);
		ck_assert_cost_eq(mcf_total_cost(g), ref_cost);
		verify_optimal(g, t);
		break;
	case REF_INFEASIBLE:
		ck_assert_msg(got == MCF_INFEASIBLE, "instance %d: status %d, expected infeasible", idx, got);
		break;
	case REF_UNBOUNDED:
		ck_assert_msg(got == MCF_UNBOUNDED, "instance %d: status %d, expected unbounded", idx, got);
		break;
	default:
		ck_assert_msg(got == MCF_INFEASIBLE || got == MCF_UNBOUNDED, "instance %d: status %d", idx, got);
		break;
	}
	mcf_free(g);

	/* Started from every other arc full (mcf_set_start), the same outcome and optimum. */
	g = net_build(t);
	for (int a = (idx & 1); a < t->m; a += 2)
		mcf_set_start(g, a, t->cap[a]);
	ck_assert_msg(mcf_solve(g) == got, "instance %d: a start changes the status", idx);
	if (got == MCF_OPTIMAL) {
		ck_assert_cost_eq(mcf_total_cost(g), ref_cost);
		verify_optimal(g, t);
	}
	mcf_free(g);
}

START_TEST(test_random_small)
{
	int counts[4] = { 0 };

	rng_seed(12345);
	for (int i = 0; i < 3000; i++) {
		struct net t;
		mcf_cost c = 0;

		random_small(&t);
		counts[cycle_cancelling(&t, &c)]++;
		check_against_reference(&t, i);
		net_free(&t);
	}
	/* The generator must exercise every outcome. */
	ck_assert_int_gt(counts[REF_OPTIMAL], 1500);
	ck_assert_int_gt(counts[REF_INFEASIBLE], 50);
	ck_assert_int_gt(counts[REF_UNBOUNDED], 20);
}
END_TEST

/* A random medium network with deeper trees: finite and unbounded arcs, negative costs. */
static void random_medium(struct net *t)
{
	int n = (int)rng_range(10, 40), m = (int)rng_range(n, 4 * n);

	net_init(t, n, m);
	for (int a = 0; a < m; a++) {
		int64_t cap = rng_range(0, 99) < 10 ? MCF_INF : rng_range(0, 20);
		int from = (int)rng_range(0, n - 1);
		int to = (int)rng_range(0, n - 1);
		/* Unbounded arcs never get a negative cost, so most instances stay bounded. */
		mcf_cost cost = cap == MCF_INF ? rng_range(0, 100) : rng_range(-30, 100);

		net_arc(t, from, to, cap, cost);
	}
	for (int a = 0; a < m; a++) {
		int64_t f = rng_range(0, t->cap[a] == MCF_INF ? 10 : t->cap[a]);

		t->supply[t->from[a]] += f;
		t->supply[t->to[a]] -= f;
	}
}

START_TEST(test_random_medium)
{
	rng_seed(2024);
	for (int i = 0; i < 300; i++) {
		struct net t;

		random_medium(&t);
		check_against_reference(&t, i);
		net_free(&t);
	}
}
END_TEST

/* Successive shortest paths with Dijkstra on reduced costs; costs must be >= 0.  Returns 0 if infeasible. */
static int ssp_reference(const struct net *t, mcf_cost *cost_out)
{
	int n = t->n;
	int64_t pos = 0;
	struct resid r;
	int *head = malloc(sizeof(int) * (size_t)n), *next, *pred = malloc(sizeof(int) * (size_t)n);
	int64_t *excess = malloc(sizeof(int64_t) * (size_t)n), *h = calloc((size_t)n, sizeof(int64_t));
	int64_t *dist = malloc(sizeof(int64_t) * (size_t)n);
	char *done = malloc((size_t)n);
	/* binary heap of (dist, node) with lazy deletion */
	int64_t *hk;
	int *hv, hn, ok = 1;
	mcf_cost total = 0;

	ck_assert(head && pred && excess && h && dist && done);
	for (int u = 0; u < n; u++) {
		excess[u] = t->supply[u];
		if (excess[u] > 0)
			pos += excess[u];
	}
	resid_init(&r, n, t->m);
	for (int a = 0; a < t->m; a++) {
		ck_assert(t->cost[a] >= 0);
		resid_arc(&r, t->from[a], t->to[a], t->cap[a] == MCF_INF ? pos : t->cap[a], t->cost[a]);
	}
	next = malloc(sizeof(int) * (size_t)r.e + 1);
	hk = malloc(sizeof(int64_t) * ((size_t)r.e + (size_t)n + 1));
	hv = malloc(sizeof(int) * ((size_t)r.e + (size_t)n + 1));
	ck_assert(next && hk && hv);
	for (int u = 0; u < n; u++)
		head[u] = -1;
	for (int e = r.e - 1; e >= 0; e--) {
		next[e] = head[r.from[e]];
		head[r.from[e]] = e;
	}
	for (;;) {
		int tgt = -1, any = 0;
		int64_t dt, push;

		for (int u = 0; u < n; u++) {
			dist[u] = INT64_MAX;
			done[u] = 0;
			pred[u] = -1;
		}
		hn = 0;
		for (int u = 0; u < n; u++) {
			if (excess[u] > 0) {
				any = 1;
				dist[u] = 0;
				hk[hn] = 0;
				hv[hn++] = u;
			}
		}
		if (!any)
			break;
		while (hn > 0) {
			int64_t key = hk[0];
			int u = hv[0], i = 0;

			/* pop */
			hn--;
			hk[0] = hk[hn];
			hv[0] = hv[hn];
			for (;;) {
				int c = 2 * i + 1;

				if (c >= hn)
					break;
				if (c + 1 < hn && hk[c + 1] < hk[c])
					c++;
				if (hk[c] >= hk[i])
					break;
				int64_t tk = hk[c];
				int tv = hv[c];

				hk[c] = hk[i];
				hv[c] = hv[i];
				hk[i] = tk;
				hv[i] = tv;
				i = c;
			}
			if (done[u] || key != dist[u])
				continue;
			done[u] = 1;
			if (excess[u] < 0) {
				tgt = u;
				break;
			}
			for (int e = head[u]; e >= 0; e = next[e]) {
				int v = r.to[e];
				int64_t nd;

				if (r.res[e] <= 0 || done[v])
					continue;
				nd = dist[u] + (int64_t)r.cost[e] + h[u] - h[v];
				if (nd < dist[v]) {
					int j = hn++;

					dist[v] = nd;
					pred[v] = e;
					hk[j] = nd;
					hv[j] = v;
					while (j > 0 && hk[(j - 1) / 2] > hk[j]) {
						int p = (j - 1) / 2;
						int64_t tk = hk[p];
						int tv = hv[p];

						hk[p] = hk[j];
						hv[p] = hv[j];
						hk[j] = tk;
						hv[j] = tv;
						j = p;
					}
				}
			}
		}
		if (tgt < 0) {
			ok = 0;
			break;
		}
		dt = dist[tgt];
		for (int u = 0; u < n; u++)
			h[u] += dist[u] < dt ? dist[u] : dt;
		push = -excess[tgt];
		int v = tgt;

		while (pred[v] >= 0) {
			if (r.res[pred[v]] < push)
				push = r.res[pred[v]];
			v = r.from[pred[v]];
		}
		if (excess[v] < push)
			push = excess[v];
		excess[v] -= push;
		excess[tgt] += push;
		for (v = tgt; pred[v] >= 0; v = r.from[pred[v]]) {
			r.res[pred[v]] -= push;
			r.res[pred[v] ^ 1] += push;
			total += (mcf_cost)push * r.cost[pred[v]];
		}
	}
	*cost_out = total;
	resid_free(&r);
	free(head);
	free(next);
	free(pred);
	free(excess);
	free(h);
	free(dist);
	free(done);
	free(hk);
	free(hv);
	return ok;
}

/* Random transportation instance: sources ship along unbounded arcs; demands come from a random plan. */
static void random_transport(struct net *t, int sources, int sinks, int degree)
{
	net_init(t, sources + sinks, sources * degree);
	for (int s = 0; s < sources; s++) {
		int64_t supply = rng_range(0, 6);

		t->supply[s] = supply;
		for (int d = 0; d < degree; d++) {
			int k = sources + (int)rng_range(0, sinks - 1);

			net_arc(t, s, k, MCF_INF, rng_range(0, 1000));
		}
		/* Send the supply somewhere along its own arcs to fix the demands. */
		for (int64_t u = 0; u < supply; u++)
			t->supply[t->to[t->m - 1 - rng_range(0, degree - 1)]]--;
	}
}

/* Random hub instance: sources -> hubs -> outlets -> sink, outlets reach the sink by parallel unit arcs. */
static void random_hubs(struct net *t, int sources, int hubs, int outlets, int parallel)
{
	int n = sources + hubs + outlets + 1, sink = n - 1;
	int64_t total = 0;

	net_init(t, n, sources * 3 + hubs * 12 + hubs + outlets * parallel);
	for (int s = 0; s < sources; s++) {
		t->supply[s] = rng_range(0, 4);
		total += t->supply[s];
		for (int k = 0; k < 3; k++) {
			int h = sources + (int)rng_range(0, hubs - 1);

			net_arc(t, s, h, MCF_INF, rng_range(1, 50));
		}
	}
	for (int h = 0; h < hubs; h++) {
		for (int k = 0; k < 12; k++) {
			int o = sources + hubs + (int)rng_range(0, outlets - 1);

			net_arc(t, sources + h, o, MCF_INF, rng_range(0, 20));
		}
		net_arc(t, sources + h, sink, MCF_INF, 100000);
	}
	for (int o = 0; o < outlets; o++)
		for (int k = 0; k < parallel; k++)
			net_arc(t, sources + hubs + o, sink, 1, 2 * k + 1);
	t->supply[sink] = -total;
}

static void check_large(struct net *t)
{
	struct mcf *g = net_build(t);
	mcf_cost ref = 0;
	int ok = ssp_reference(t, &ref);

	ck_assert(ok);
	ck_assert_int_eq(mcf_solve(g), MCF_OPTIMAL);
	ck_assert_cost_eq(mcf_total_cost(g), ref);
	verify_optimal(g, t);
	mcf_free(g);
}

START_TEST(test_large_transport)
{
	struct net t;

	rng_seed(777);
	random_transport(&t, 1000, 1000, 8);
	check_large(&t);
	net_free(&t);
}
END_TEST

START_TEST(test_large_hubs)
{
	struct net t;

	rng_seed(4242);
	random_hubs(&t, 1200, 40, 700, 5);
	check_large(&t);
	net_free(&t);
}
END_TEST

START_TEST(test_deterministic)
{
	struct net t;
	struct mcf *g1, *g2;

	rng_seed(99);
	random_hubs(&t, 300, 10, 200, 4);
	g1 = net_build(&t);
	g2 = net_build(&t);
	ck_assert_int_eq(mcf_solve(g1), MCF_OPTIMAL);
	ck_assert_int_eq(mcf_solve(g2), MCF_OPTIMAL);
	for (int a = 0; a < t.m; a++)
		ck_assert_int_eq(mcf_flow(g1, a), mcf_flow(g2, a));
	for (int u = 0; u < t.n; u++)
		ck_assert_cost_eq(mcf_potential(g1, u), mcf_potential(g2, u));
	/* Solving again gives the same answer. */
	ck_assert_int_eq(mcf_solve(g1), MCF_OPTIMAL);
	for (int a = 0; a < t.m; a++)
		ck_assert_int_eq(mcf_flow(g1, a), mcf_flow(g2, a));
	verify_optimal(g1, &t);
	mcf_free(g1);
	mcf_free(g2);
	net_free(&t);
}
END_TEST

/*
 * Convex arcs against their expansion into one arc per segment: random
 * networks (sources, a middle layer, sinks) where each middle node reaches
 * the sinks by a convex arc, with and without a bonus on the first segments,
 * solved from empty and from a start segment. The optimum must cost the
 * same, and segments must fill in order.
 */
START_TEST(test_convex_matches_segments)
{
	for (int round = 0; round < 300; round++) {
		int sources = (int)rng_range(1, 4), middles = (int)rng_range(1, 5), sinks = (int)rng_range(1, 3);
		int n = sources + middles + sinks;
		struct mcf *a = mcf_new(n, 0), *b = mcf_new(n, 0);
		int64_t total = 0, width[5], nseg[5], nbonus[5];
		mcf_cost first[5], slope[5], bonus[5];
		int convex[5][3];

		rng_seed(9000 + (uint64_t)round);
		for (int u = 0; u < n; u++) {
			mcf_add_node(a);
			mcf_add_node(b);
		}
		for (int s = 0; s < sources; s++) {
			int64_t sup = rng_range(0, 6);

			total += sup;
			mcf_set_supply(a, s, sup);
			mcf_set_supply(b, s, sup);
			for (int k = 0; k < middles; k++) {
				mcf_cost c = rng_range(-3, 5);
				int64_t cap = rng_range(0, 2) == 0 ? MCF_INF : rng_range(0, 5);

				mcf_add_arc(a, s, sources + k, cap, c);
				mcf_add_arc(b, s, sources + k, cap, c);
			}
		}
		/* Every unit can still go somewhere: a dear bypass from each source to the first sink. */
		for (int s = 0; s < sources; s++) {
			mcf_add_arc(a, s, sources + middles, MCF_INF, 1000);
			mcf_add_arc(b, s, sources + middles, MCF_INF, 1000);
		}
		for (int k = 0; k < middles; k++) {
			width[k] = rng_range(1, 3);
			nseg[k] = rng_range(1, 6);
			first[k] = rng_range(-5, 5);
			slope[k] = rng_range(0, 4);
			bonus[k] = rng_range(0, 3) == 0 ? 0 : round % 5 == 0 ? (mcf_cost)1 << 80 : rng_range(0, 50);
			nbonus[k] = rng_range(0, 7);
			for (int t = 0; t < sinks; t++) {
				int to = sources + middles + t;

				convex[k][t] = mcf_add_convex_arc(a, sources + k, to, width[k], nseg[k],
				    first[k], slope[k], bonus[k], nbonus[k]);
				for (int64_t j = 0; j < nseg[k]; j++)
					mcf_add_arc(b, sources + k, to, width[k],
					    first[k] + j * slope[k] - (j < nbonus[k] ? bonus[k] : 0));
			}
		}
		for (int t = 0; t < sinks; t++) {
			int64_t dem = t == sinks - 1 ? total : rng_range(0, total);

			mcf_set_supply(a, sources + middles + t, -dem);
			mcf_set_supply(b, sources + middles + t, -dem);
			total -= dem;
		}
		/* Half the rounds start the convex arcs some units in (past their end too): the same optimum. */
		for (int k = 0; k < middles && round % 2 == 1; k++)
			for (int t = 0; t < sinks; t++)
				mcf_set_start(a, convex[k][t], rng_range(0, 7));
		ck_assert_int_eq(mcf_solve(a), mcf_solve(b));
		ck_assert_cost_eq(mcf_total_cost(a), mcf_total_cost(b));
		for (int k = 0; k < middles; k++)
			for (int t = 0; t < sinks; t++) {
				int64_t f = mcf_flow(a, convex[k][t]);

				ck_assert(f >= 0 && f <= width[k] * nseg[k]);
			}
		mcf_free(a);
		mcf_free(b);
	}
}
END_TEST

static Suite *mcf_suite(void)
{
	Suite *s = suite_create("mcf");
	TCase *tc = tcase_create("examples");
	TCase *tr = tcase_create("random");

	tcase_add_test(tc, test_transport_simple);
	tcase_add_test(tc, test_infeasible_unbalanced);
	tcase_add_test(tc, test_infeasible_capacity);
	tcase_add_test(tc, test_unbounded);
	tcase_add_test(tc, test_negative_cycle_bounded);
	tcase_add_test(tc, test_zero_supply);
	tcase_add_test(tc, test_parallel_arcs);
	tcase_add_test(tc, test_huge_costs);
	tcase_add_test(tc, test_empty_and_counts);
	suite_add_tcase(s, tc);

	tcase_set_timeout(tr, 600);
	tcase_add_test(tr, test_random_small);
	tcase_add_test(tr, test_random_medium);
	tcase_add_test(tr, test_large_transport);
	tcase_add_test(tr, test_large_hubs);
	tcase_add_test(tr, test_deterministic);
	tcase_add_test(tr, test_convex_matches_segments);
	suite_add_tcase(s, tr);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(mcf_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

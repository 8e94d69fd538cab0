/*
 * mcf: minimum-cost flow by the primal network simplex method (strongly
 * feasible trees, block-search pricing, subtree sizes), with convex arcs
 * priced segment by segment, in 64-bit arithmetic whenever the costs allow.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/mcf.h"
#include "lianhu/util.h"

/* States of an arc in the basis: the sign tells which way a negative reduced cost improves it. */
enum { STATE_UPPER = -1, STATE_TREE = 0, STATE_LOWER = 1 };

/* Orientation of a node's tree arc: towards its parent (up) or away from it (down). */
enum { DIR_DOWN = -1, DIR_UP = 1 };

/* A convex arc: nseg segments of one width; segment k (from 0) costs first + k * slope, less bonus while k < nbonus. */
struct convex {
	int64_t nseg, nbonus;
	mcf_cost first, slope, bonus;
	int64_t seg;		/* during and after a solve: the segment the arc is in */
};

struct mcf {
	int node_num;
	int arc_num;
	int node_alloc;
	int arc_alloc;
	int64_t *supply;
	int *source;
	int *target;
	int64_t *cap;		/* convex arcs: the width of a segment */
	mcf_cost *cost;		/* convex arcs: their first segment's */
	int *convex;		/* per arc: its entry in table, or -1 */
	int64_t *start;		/* per arc: the flow a solve starts from (mcf_set_start) */
	struct convex *table;
	size_t nconvex, table_alloc;
	int solved;		/* mcf_solve has run and left results */
	int64_t *flow;		/* per real arc, after a solve */
	mcf_cost *pi;		/* per node, after a solve */
	mcf_cost total_cost;
};

static void die(const char *msg)
{
	fprintf(stderr, "lianhu: mcf: %s\n", msg);
	abort();
}

/* The unit cost of segment k of a convex arc. */
static mcf_cost convex_cost(const struct convex *cv, int64_t k)
{
	return cv->first + (mcf_cost)k * cv->slope - (k < cv->nbonus ? cv->bonus : 0);
}

static int isqrt(int x)
{
	int r = 0;

	while ((int64_t)(r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/* The arcs as the simplex sees them: mixed in order (as LEMON does), artificial ones after. */
struct net {
	int *source, *target, *convex;
	int64_t *cap, *flow;
	int *arc;		/* per internal arc: the network's arc */
	int64_t *balance;	/* scratch per node: supply less the start flows */
};

#define COST int64_t
#define SIMPLEX(name) name##_64
#include "mcf_simplex.h"
#undef COST
#undef SIMPLEX
#define COST mcf_cost
#define SIMPLEX(name) name##_128
#include "mcf_simplex.h"
#undef COST
#undef SIMPLEX

static int next_alloc(int have, int need)
{
	int64_t n = have < 8 ? 8 : have;

	while (n < need)
		n *= 2;
	if (n > INT_MAX)
		n = INT_MAX;
	return (int)n;
}

static void drop_results(struct mcf *g)
{
	free(g->flow);
	free(g->pi);
	g->flow = NULL;
	g->pi = NULL;
	g->solved = 0;
	g->total_cost = 0;
}

/* Grows the arc arrays to hold alloc arcs. */
static void grow_arcs(struct mcf *g, int alloc)
{
	g->arc_alloc = alloc;
	g->source = xrealloc(g->source, (size_t)alloc * sizeof(*g->source));
	g->target = xrealloc(g->target, (size_t)alloc * sizeof(*g->target));
	g->cap = xrealloc(g->cap, (size_t)alloc * sizeof(*g->cap));
	g->cost = xrealloc(g->cost, (size_t)alloc * sizeof(*g->cost));
	g->convex = xrealloc(g->convex, (size_t)alloc * sizeof(*g->convex));
	g->start = xrealloc(g->start, (size_t)alloc * sizeof(*g->start));
}

struct mcf *mcf_new(int node_hint, int arc_hint)
{
	struct mcf *g = xcalloc(1, sizeof(*g));

	g->node_alloc = node_hint > 0 ? node_hint : 8;
	g->supply = xmalloc((size_t)g->node_alloc * sizeof(*g->supply));
	grow_arcs(g, arc_hint > 0 ? arc_hint : 8);
	return g;
}

int mcf_add_node(struct mcf *g)
{
	if (g->node_num == INT_MAX - 1)
		die("too many nodes");
	if (g->node_num == g->node_alloc) {
		g->node_alloc = next_alloc(g->node_alloc, g->node_num + 1);
		g->supply = xrealloc(g->supply, (size_t)g->node_alloc * sizeof(*g->supply));
	}
	g->supply[g->node_num] = 0;
	drop_results(g);
	return g->node_num++;
}

int mcf_add_arc(struct mcf *g, int from, int to, int64_t cap, mcf_cost cost)
{
	int a = g->arc_num;

	if (from < 0 || from >= g->node_num || to < 0 || to >= g->node_num)
		die("mcf_add_arc: node out of range");
	if (a == INT_MAX - 1)
		die("too many arcs");
	if (a == g->arc_alloc)
		grow_arcs(g, next_alloc(g->arc_alloc, a + 1));
	g->source[a] = from;
	g->target[a] = to;
	g->cap[a] = cap;
	g->cost[a] = cost;
	g->convex[a] = -1;
	g->start[a] = 0;
	g->arc_num++;
	drop_results(g);
	return a;
}

int mcf_add_convex_arc(struct mcf *g, int from, int to, int64_t width, int64_t nseg,
    mcf_cost first, mcf_cost slope, mcf_cost bonus, int64_t nbonus)
{
	int a;

	if (width <= 0 || nseg <= 0 || slope < 0 || bonus < 0 || width > MCF_INF / nseg)
		die("mcf_add_convex_arc: not a convex arc");
	a = mcf_add_arc(g, from, to, width, first);
	GROW(g->table, g->table_alloc, g->nconvex + 1);
	g->table[g->nconvex] = (struct convex){ .nseg = nseg, .nbonus = nbonus, .first = first,
	    .slope = slope, .bonus = bonus };
	g->convex[a] = (int)g->nconvex++;
	g->cost[a] = convex_cost(&g->table[g->convex[a]], 0);	/* where every solve starts */
	return a;
}

void mcf_set_start(struct mcf *g, int a, int64_t flow)
{
	if (a < 0 || a >= g->arc_num)
		die("mcf_set_start: arc out of range");
	g->start[a] = flow > 0 ? flow : 0;
	drop_results(g);
}

void mcf_set_supply(struct mcf *g, int node, int64_t supply)
{
	if (node < 0 || node >= g->node_num)
		die("mcf_set_supply: node out of range");
	g->supply[node] = supply;
	drop_results(g);
}

/* The largest cost magnitude of an arc, over every segment of a convex one (a convex function peaks at its ends). */
static mcf_cost arc_cost_max(const struct mcf *g, int a)
{
	const struct convex *cv;
	int64_t ks[4];
	mcf_cost most = 0;

	if (g->convex[a] < 0)
		return g->cost[a] < 0 ? -g->cost[a] : g->cost[a];
	cv = &g->table[g->convex[a]];
	ks[0] = 0;
	ks[1] = cv->nseg - 1;
	ks[2] = cv->nbonus - 1 < cv->nseg - 1 ? cv->nbonus - 1 : cv->nseg - 1;
	ks[3] = cv->nbonus < cv->nseg - 1 ? cv->nbonus : cv->nseg - 1;
	for (int i = 0; i < 4; i++) {
		mcf_cost c = ks[i] >= 0 ? convex_cost(cv, ks[i]) : 0;

		c = c < 0 ? -c : c;
		most = c > most ? c : most;
	}
	return most;
}

/* The cost of carrying flow on arc a (a convex one fills its segments in order). */
static mcf_cost arc_total(const struct mcf *g, int a, int64_t flow)
{
	const struct convex *cv;
	mcf_cost sum = 0;

	if (g->convex[a] < 0)
		return flow * g->cost[a];
	cv = &g->table[g->convex[a]];
	for (int64_t k = 0; flow > 0; k++) {
		int64_t f = flow < g->cap[a] ? flow : g->cap[a];

		sum += f * convex_cost(cv, k);
		flow -= f;
	}
	return sum;
}

/*
 * Lays the arcs out for the simplex in a mixed order, every skip-th arc in
 * turn (LEMON's arc mixing), so that each block of the pricing sees arcs of
 * every kind and every part of the network.
 */
static void net_init(struct net *net, const struct mcf *g)
{
	size_t all = (size_t)g->arc_num + (size_t)g->node_num + 1;
	int m = g->arc_num, skip = g->node_num > 0 ? m / g->node_num : 1;

	net->source = xmalloc(all * sizeof(*net->source));
	net->target = xmalloc(all * sizeof(*net->target));
	net->convex = xmalloc(all * sizeof(*net->convex));
	net->cap = xmalloc(all * sizeof(*net->cap));
	net->flow = xcalloc(all, sizeof(*net->flow));
	net->arc = xmalloc(all * sizeof(*net->arc));
	net->balance = xmalloc(((size_t)g->node_num + 1) * sizeof(*net->balance));
	skip = skip < 3 ? 3 : skip;
	for (int a = 0, i = 0, j = 0; a < m; a++) {
		net->arc[i] = a;
		net->source[i] = g->source[a];
		net->target[i] = g->target[a];
		net->convex[i] = g->convex[a];
		net->cap[i] = g->cap[a];
		if ((i += skip) >= m)
			i = ++j;
	}
}

static void net_release(struct net *net)
{
	free(net->source);
	free(net->target);
	free(net->convex);
	free(net->cap);
	free(net->flow);
	free(net->arc);
	free(net->balance);
}

enum mcf_status mcf_solve(struct mcf *g)
{
	const mcf_cost cost_max = (mcf_cost)(((unsigned __int128)1 << 127) - 1);
	int n = g->node_num, m = g->arc_num;
	mcf_cost supply_sum = 0, supply_pos = 0, cap_sum = 0, c_max = 0;
	enum mcf_status status;
	struct net net;

	drop_results(g);
	if ((int64_t)m + n >= INT_MAX)
		return MCF_TOO_LARGE;
	g->flow = xcalloc((size_t)m + 1, sizeof(*g->flow));
	g->pi = xcalloc((size_t)n + 1, sizeof(*g->pi));
	g->solved = 1;

	for (int u = 0; u < n; u++) {
		supply_sum += g->supply[u];
		if (g->supply[u] > 0)
			supply_pos += g->supply[u];
	}
	if (supply_sum != 0)
		return MCF_INFEASIBLE;
	for (int a = 0; a < m; a++) {
		mcf_cost c;

		if (g->cap[a] < 0)
			return MCF_INFEASIBLE;
		if (g->cap[a] != MCF_INF)
			cap_sum += g->convex[a] < 0 ? g->cap[a] :
			    (mcf_cost)g->cap[a] * g->table[g->convex[a]].nseg;
		if ((c = arc_cost_max(g, a)) > cost_max / 2)
			return MCF_TOO_LARGE;
		c_max = c > c_max ? c : c_max;
	}
	/* Every basic flow is at most the total supply plus all finite capacities: keep that in int64_t. */
	if (supply_pos + cap_sum >= MCF_INF)
		return MCF_TOO_LARGE;
	net_init(&net, g);

	/*
	 * Artificial arcs cost A = (n + 1)(c_max + 1). A node's potential is the
	 * signed cost of its tree path to the root: at most one artificial arc
	 * and n - 1 real ones, so |pi| <= A + n c_max < 2A, and a reduced cost
	 * c + pi(u) - pi(v) stays below 5A < 8 (n + 2)(c_max + 1). When that
	 * fits in int64_t the whole run does (pi and costs as int64_t).
	 */
	if ((c_max + 1) * 8 * ((mcf_cost)n + 2) <= INT64_MAX) {
		int64_t *cost = xmalloc(((size_t)m + n + 1) * sizeof(*cost));
		int64_t *pi = xmalloc(((size_t)n + 1) * sizeof(*pi));

		for (int a = 0; a < m; a++)
			cost[a] = (int64_t)g->cost[net.arc[a]];
		status = run_64(g, &net, cost, pi, (int64_t)(((mcf_cost)n + 1) * (c_max + 1)));
		free(cost);
		free(pi);
	} else if ((c_max + 1) > cost_max / 8 / ((mcf_cost)n + 2)) {
		status = MCF_TOO_LARGE;
	} else {
		mcf_cost *cost = xmalloc(((size_t)m + n + 1) * sizeof(*cost));

		for (int a = 0; a < m; a++)
			cost[a] = g->cost[net.arc[a]];
		status = run_128(g, &net, cost, g->pi, ((mcf_cost)n + 1) * (c_max + 1));
		free(cost);
	}
	for (int a = 0; a < m && status == MCF_OPTIMAL; a++)
		g->flow[net.arc[a]] = net.flow[a];
	net_release(&net);
	if (status != MCF_OPTIMAL) {
		memset(g->flow, 0, ((size_t)m + 1) * sizeof(*g->flow));
		memset(g->pi, 0, ((size_t)n + 1) * sizeof(*g->pi));
		return status;
	}
	for (int a = 0; a < m; a++) {
		if (g->convex[a] >= 0)	/* from within its segment to the whole arc */
			g->flow[a] += g->table[g->convex[a]].seg * g->cap[a];
		g->total_cost += arc_total(g, a, g->flow[a]);
	}
	return MCF_OPTIMAL;
}

int64_t mcf_flow(const struct mcf *g, int arc)
{
	if (arc < 0 || arc >= g->arc_num)
		die("mcf_flow: arc out of range");
	return g->solved ? g->flow[arc] : 0;
}

mcf_cost mcf_potential(const struct mcf *g, int node)
{
	if (node < 0 || node >= g->node_num)
		die("mcf_potential: node out of range");
	return g->solved ? g->pi[node] : 0;
}

mcf_cost mcf_total_cost(const struct mcf *g)
{
	return g->total_cost;
}

int mcf_node_count(const struct mcf *g)
{
	return g->node_num;
}

int mcf_arc_count(const struct mcf *g)
{
	return g->arc_num;
}

void mcf_print_cost(FILE *fp, mcf_cost v)
{
	char buf[48];
	int len = 0;
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;

	do {
		buf[len++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[len++] = '-';
	while (len > 0)
		putc(buf[--len], fp);
}

void mcf_write_dimacs(const struct mcf *g, FILE *fp)
{
	long long arcs = 0;

	for (int a = 0; a < g->arc_num; a++)
		arcs += g->convex[a] < 0 ? 1 : g->table[g->convex[a]].nseg;
	fprintf(fp, "p min %d %lld\n", g->node_num, arcs);
	for (int u = 0; u < g->node_num; u++)
		if (g->supply[u] != 0)
			fprintf(fp, "n %d %lld\n", u + 1, (long long)g->supply[u]);
	for (int a = 0; a < g->arc_num; a++) {
		int64_t nseg = g->convex[a] < 0 ? 1 : g->table[g->convex[a]].nseg;

		for (int64_t k = 0; k < nseg; k++) {
			fprintf(fp, "a %d %d 0 %lld ", g->source[a] + 1, g->target[a] + 1,
			    (long long)(g->cap[a] == MCF_INF ? -1 : g->cap[a]));
			mcf_print_cost(fp, g->convex[a] < 0 ? g->cost[a] :
			    convex_cost(&g->table[g->convex[a]], k));
			putc('\n', fp);
		}
	}
}

void mcf_free(struct mcf *g)
{
	if (g == NULL)
		return;
	free(g->supply);
	free(g->source);
	free(g->target);
	free(g->cap);
	free(g->cost);
	free(g->convex);
	free(g->start);
	free(g->table);
	free(g->flow);
	free(g->pi);
	free(g);
}

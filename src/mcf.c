/* mcf: minimum-cost flow by the primal network simplex method (strongly feasible trees, block-search pricing). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lianhu/mcf.h"

/* States of an arc in the basis: the sign tells which way a negative reduced cost improves it. */
enum { STATE_UPPER = -1, STATE_TREE = 0, STATE_LOWER = 1 };

/* Orientation of a node's tree arc: towards its parent (up) or away from it (down). */
enum { DIR_DOWN = -1, DIR_UP = 1 };

struct mcf {
	int node_num;
	int arc_num;
	int node_alloc;
	int arc_alloc;
	int64_t *supply;
	int *source;
	int *target;
	int64_t *cap;
	mcf_cost *cost;
	int solved;		/* mcf_solve has run and left results */
	int64_t *flow;		/* per real arc, after a solve */
	mcf_cost *pi;		/* per node, after a solve */
	mcf_cost total_cost;
};

/* Working state of one run of the simplex; node n is the artificial root, arc m + u joins node u to it. */
struct simplex {
	int n;
	int m;
	int root;
	const int *source;
	const int *target;
	const int64_t *cap;
	const mcf_cost *cost;
	int64_t *flow;
	mcf_cost *pi;
	signed char *state;
	int *parent;
	int *pred;		/* tree arc joining a node to its parent */
	signed char *dir;
	int *thread;		/* preorder successor (circular, through the root) */
	int *rev_thread;
	int *last;		/* last node of a subtree in preorder */
	int *depth;
	int *stem;		/* scratch: path from the entering node up to the leaving arc */
	int *seg_start;		/* scratch: pieces of the re-rooted subtree's preorder */
	int *seg_end;
	int block;
	int next_arc;
};

static void die(const char *msg)
{
	fprintf(stderr, "lianhu: mcf: %s\n", msg);
	abort();
}

static void *alloc_array(size_t count, size_t size)
{
	void *p;

	if (count == 0)
		count = 1;
	if (count > SIZE_MAX / size)
		die("out of memory");
	p = malloc(count * size);
	if (p == NULL)
		die("out of memory");
	return p;
}

static void *zalloc_array(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size);

	if (p == NULL)
		die("out of memory");
	return p;
}

static void *grow_array(void *p, size_t count, size_t size)
{
	if (count == 0)
		count = 1;
	if (count > SIZE_MAX / size)
		die("out of memory");
	p = realloc(p, count * size);
	if (p == NULL)
		die("out of memory");
	return p;
}

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

/* Returns a new empty network with room for the given counts (hints, it grows); free with mcf_free. */
struct mcf *mcf_new(int node_hint, int arc_hint)
{
	struct mcf *g = zalloc_array(1, sizeof(*g));

	g->node_alloc = node_hint > 0 ? node_hint : 8;
	g->arc_alloc = arc_hint > 0 ? arc_hint : 8;
	g->supply = alloc_array((size_t)g->node_alloc, sizeof(*g->supply));
	g->source = alloc_array((size_t)g->arc_alloc, sizeof(*g->source));
	g->target = alloc_array((size_t)g->arc_alloc, sizeof(*g->target));
	g->cap = alloc_array((size_t)g->arc_alloc, sizeof(*g->cap));
	g->cost = alloc_array((size_t)g->arc_alloc, sizeof(*g->cost));
	return g;
}

/* Adds a node with zero supply and returns its index. */
int mcf_add_node(struct mcf *g)
{
	if (g->node_num == INT_MAX - 1)
		die("too many nodes");
	if (g->node_num == g->node_alloc) {
		g->node_alloc = next_alloc(g->node_alloc, g->node_num + 1);
		g->supply = grow_array(g->supply, (size_t)g->node_alloc, sizeof(*g->supply));
	}
	g->supply[g->node_num] = 0;
	drop_results(g);
	return g->node_num++;
}

/* Adds an arc from -> to with capacity [0, cap] and unit cost, returns its index. */
int mcf_add_arc(struct mcf *g, int from, int to, int64_t cap, mcf_cost cost)
{
	int a = g->arc_num;

	if (from < 0 || from >= g->node_num || to < 0 || to >= g->node_num)
		die("mcf_add_arc: node out of range");
	if (a == INT_MAX - 1)
		die("too many arcs");
	if (a == g->arc_alloc) {
		g->arc_alloc = next_alloc(g->arc_alloc, a + 1);
		g->source = grow_array(g->source, (size_t)g->arc_alloc, sizeof(*g->source));
		g->target = grow_array(g->target, (size_t)g->arc_alloc, sizeof(*g->target));
		g->cap = grow_array(g->cap, (size_t)g->arc_alloc, sizeof(*g->cap));
		g->cost = grow_array(g->cost, (size_t)g->arc_alloc, sizeof(*g->cost));
	}
	g->source[a] = from;
	g->target[a] = to;
	g->cap[a] = cap;
	g->cost[a] = cost;
	g->arc_num++;
	drop_results(g);
	return a;
}

/* Sets the supply of a node: positive supplies, negative demands. */
void mcf_set_supply(struct mcf *g, int node, int64_t supply)
{
	if (node < 0 || node >= g->node_num)
		die("mcf_set_supply: node out of range");
	g->supply[node] = supply;
	drop_results(g);
}

/* Capacity left in the arc's own direction; unbounded arcs have MCF_INF forever. */
static int64_t room_up(const struct simplex *s, int a)
{
	return s->cap[a] == MCF_INF ? MCF_INF : s->cap[a] - s->flow[a];
}

/* The entering arc: the most violating one of the first block (of the cyclic arc order) holding any. */
static int find_entering(struct simplex *s)
{
	const int *source = s->source, *target = s->target;
	const mcf_cost *cost = s->cost, *pi = s->pi;
	const signed char *state = s->state;
	int m = s->m, e = s->next_arc, left = s->block, best_arc = -1;
	mcf_cost best = 0;

	for (int i = 0; i < m; i++) {
		if (state[e] != STATE_TREE) {
			mcf_cost rc = cost[e] + pi[source[e]] - pi[target[e]];

			if (state[e] == STATE_UPPER)
				rc = -rc;
			if (rc < best) {
				best = rc;
				best_arc = e;
			}
		}
		if (++e == m)
			e = 0;
		if (--left == 0) {
			if (best_arc >= 0)
				break;
			left = s->block;
		}
	}
	s->next_arc = e;
	return best_arc;
}

/*
 * Moves the subtree under u_out (the leaving arc is its tree arc) to hang from v_in by the entering arc e,
 * re-rooted at u_in, and shifts its potentials by sigma.
 */
static void update_tree(struct simplex *s, int e, int u_in, int v_in, int u_out, mcf_cost sigma)
{
	int *parent = s->parent, *pred = s->pred, *thread = s->thread, *rev = s->rev_thread;
	int *last = s->last, *stem = s->stem, *seg_start = s->seg_start, *seg_end = s->seg_end;
	signed char *dir = s->dir;
	int k = 0, nseg = 0, block_last, before, after, tail, x, stop;

	/*
	 * The stem w0 = u_in, ..., wk = u_out.  The new preorder of the subtree is S0 S1 ... Sk where
	 * Si is the old preorder of T(wi) minus T(w(i-1)): two contiguous pieces at most.
	 */
	stem[0] = u_in;
	for (x = u_in; x != u_out; x = parent[x])
		stem[++k] = parent[x];
	seg_start[nseg] = u_in;
	seg_end[nseg++] = last[u_in];
	for (int i = 1; i <= k; i++) {
		seg_start[nseg] = stem[i];
		seg_end[nseg++] = rev[stem[i - 1]];
		if (last[stem[i - 1]] != last[stem[i]]) {
			seg_start[nseg] = thread[last[stem[i - 1]]];
			seg_end[nseg++] = last[stem[i]];
		}
	}

	/* Cut the old block T(u_out) out of the thread. */
	block_last = last[u_out];
	before = rev[u_out];
	after = thread[block_last];
	thread[before] = after;
	rev[after] = before;
	for (x = parent[u_out]; x >= 0 && last[x] == block_last; x = parent[x])
		last[x] = before;

	/* Chain the pieces in their new order. */
	for (int j = 0; j + 1 < nseg; j++) {
		thread[seg_end[j]] = seg_start[j + 1];
		rev[seg_start[j + 1]] = seg_end[j];
	}
	tail = seg_end[nseg - 1];

	/* Splice the block in right after v_in, as its first child. */
	after = thread[v_in];
	thread[v_in] = u_in;
	rev[u_in] = v_in;
	thread[tail] = after;
	rev[after] = tail;
	for (x = v_in; x >= 0 && last[x] == v_in; x = parent[x])
		last[x] = tail;
	for (int i = 0; i <= k; i++)
		last[stem[i]] = tail;

	/* Reverse the stem. */
	for (int i = k; i >= 1; i--) {
		parent[stem[i]] = stem[i - 1];
		pred[stem[i]] = pred[stem[i - 1]];
		dir[stem[i]] = (signed char)-dir[stem[i - 1]];
	}
	parent[u_in] = v_in;
	pred[u_in] = e;
	dir[u_in] = s->source[e] == u_in ? DIR_UP : DIR_DOWN;

	/* Depths and potentials of the moved block. */
	stop = thread[tail];
	x = u_in;
	do {
		s->depth[x] = s->depth[parent[x]] + 1;
		s->pi[x] += sigma;
		x = thread[x];
	} while (x != stop);
}

/* One pivot on entering arc e; returns 0 when the cycle can carry unbounded flow. */
static int pivot(struct simplex *s, int e)
{
	const int *parent = s->parent, *pred = s->pred, *depth = s->depth;
	const signed char *dir = s->dir;
	int64_t *flow = s->flow;
	int first, second, join, u, v, u_out = -1, out_second = 0;
	int64_t delta;

	/* Flow goes first -> second on e, second up to the join, and down from the join to first. */
	if (s->state[e] == STATE_LOWER) {
		first = s->source[e];
		second = s->target[e];
	} else {
		first = s->target[e];
		second = s->source[e];
	}
	u = first;
	v = second;
	while (u != v) {
		if (depth[u] > depth[v]) {
			u = parent[u];
		} else if (depth[u] < depth[v]) {
			v = parent[v];
		} else {
			u = parent[u];
			v = parent[v];
		}
	}
	join = u;

	/*
	 * Leaving arc: the last blocking arc met when walking the cycle along the flow from the join,
	 * which keeps the tree strongly feasible (no cycling).
	 */
	delta = s->cap[e];
	for (u = first; u != join; u = parent[u]) {
		int a = pred[u];
		int64_t r = dir[u] == DIR_UP ? flow[a] : room_up(s, a);

		if (r < delta) {
			delta = r;
			u_out = u;
			out_second = 0;
		}
	}
	for (u = second; u != join; u = parent[u]) {
		int a = pred[u];
		int64_t r = dir[u] == DIR_UP ? room_up(s, a) : flow[a];

		if (r <= delta) {
			delta = r;
			u_out = u;
			out_second = 1;
		}
	}
	if (delta == MCF_INF)
		return 0;

	if (delta > 0) {
		flow[e] += s->state[e] == STATE_LOWER ? delta : -delta;
		for (u = first; u != join; u = parent[u])
			flow[pred[u]] += dir[u] == DIR_UP ? -delta : delta;
		for (u = second; u != join; u = parent[u])
			flow[pred[u]] += dir[u] == DIR_UP ? delta : -delta;
	}

	if (u_out < 0) {
		s->state[e] = (signed char)-s->state[e];
	} else {
		int leave = pred[u_out];
		int u_in = out_second ? second : first;
		int v_in = out_second ? first : second;
		mcf_cost rc = s->cost[e] + s->pi[s->source[e]] - s->pi[s->target[e]];

		update_tree(s, e, u_in, v_in, u_out, u_in == s->source[e] ? -rc : rc);
		s->state[e] = STATE_TREE;
		s->state[leave] = flow[leave] == 0 ? STATE_LOWER : STATE_UPPER;
	}
	return 1;
}

static int isqrt(int x)
{
	int r = 0;

	while ((int64_t)(r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/* Runs the simplex on g's arrays (arc arrays already sized m + n); fills flow and pi. */
static enum mcf_status run_simplex(struct mcf *g, mcf_cost art_cost)
{
	struct simplex s;
	int n = g->node_num, m = g->arc_num, all = m + n;
	enum mcf_status status = MCF_OPTIMAL;

	memset(&s, 0, sizeof(s));
	s.n = n;
	s.m = m;
	s.root = n;
	s.source = g->source;
	s.target = g->target;
	s.cap = g->cap;
	s.cost = g->cost;
	s.flow = g->flow;
	s.pi = g->pi;
	s.state = alloc_array((size_t)all, sizeof(*s.state));
	s.parent = alloc_array((size_t)n + 1, sizeof(*s.parent));
	s.pred = alloc_array((size_t)n + 1, sizeof(*s.pred));
	s.dir = alloc_array((size_t)n + 1, sizeof(*s.dir));
	s.thread = alloc_array((size_t)n + 1, sizeof(*s.thread));
	s.rev_thread = alloc_array((size_t)n + 1, sizeof(*s.rev_thread));
	s.last = alloc_array((size_t)n + 1, sizeof(*s.last));
	s.depth = alloc_array((size_t)n + 1, sizeof(*s.depth));
	s.stem = alloc_array((size_t)n + 1, sizeof(*s.stem));
	s.seg_start = alloc_array((size_t)2 * n + 2, sizeof(*s.seg_start));
	s.seg_end = alloc_array((size_t)2 * n + 2, sizeof(*s.seg_end));
	s.block = isqrt(m);
	if (s.block < 10)
		s.block = 10;
	s.next_arc = 0;

	/* Start: every real arc empty, every node hung from the root by its artificial arc. */
	for (int a = 0; a < m; a++) {
		s.flow[a] = 0;
		s.state[a] = STATE_LOWER;
	}
	s.parent[n] = -1;
	s.pred[n] = -1;
	s.dir[n] = 0;
	s.depth[n] = 0;
	s.pi[n] = 0;
	s.thread[n] = n > 0 ? 0 : n;
	s.rev_thread[n] = n > 0 ? n - 1 : n;
	s.last[n] = n > 0 ? n - 1 : n;
	for (int u = 0; u < n; u++) {
		int a = m + u;
		int64_t b = g->supply[u];

		s.parent[u] = n;
		s.pred[u] = a;
		s.depth[u] = 1;
		s.thread[u] = u + 1 < n ? u + 1 : n;
		s.rev_thread[u] = u > 0 ? u - 1 : n;
		s.last[u] = u;
		s.state[a] = STATE_TREE;
		g->cap[a] = MCF_INF;
		g->cost[a] = art_cost;
		if (b >= 0) {
			g->source[a] = u;
			g->target[a] = n;
			s.flow[a] = b;
			s.dir[u] = DIR_UP;
			s.pi[u] = -art_cost;
		} else {
			g->source[a] = n;
			g->target[a] = u;
			s.flow[a] = -b;
			s.dir[u] = DIR_DOWN;
			s.pi[u] = art_cost;
		}
	}

	for (;;) {
		int e = find_entering(&s);

		if (e < 0)
			break;
		if (!pivot(&s, e)) {
			status = MCF_UNBOUNDED;
			break;
		}
	}
	if (status == MCF_OPTIMAL) {
		for (int a = m; a < all; a++) {
			if (s.flow[a] != 0) {
				status = MCF_INFEASIBLE;
				break;
			}
		}
	}

	free(s.state);
	free(s.parent);
	free(s.pred);
	free(s.dir);
	free(s.thread);
	free(s.rev_thread);
	free(s.last);
	free(s.depth);
	free(s.stem);
	free(s.seg_start);
	free(s.seg_end);
	return status;
}

/* Solves; afterwards mcf_flow, mcf_potential and mcf_total_cost describe an optimal solution. */
enum mcf_status mcf_solve(struct mcf *g)
{
	const mcf_cost cost_max = (mcf_cost)(((unsigned __int128)1 << 127) - 1);
	int n = g->node_num, m = g->arc_num;
	mcf_cost supply_sum = 0, supply_pos = 0, cap_sum = 0, c_max = 0, art_cost;
	enum mcf_status status;

	drop_results(g);
	if ((int64_t)m + n >= INT_MAX)
		die("network too large");
	g->flow = zalloc_array((size_t)m + n, sizeof(*g->flow));
	g->pi = zalloc_array((size_t)n + 1, sizeof(*g->pi));
	g->solved = 1;

	for (int u = 0; u < n; u++) {
		supply_sum += g->supply[u];
		if (g->supply[u] > 0)
			supply_pos += g->supply[u];
	}
	if (supply_sum != 0)
		return MCF_INFEASIBLE;
	for (int a = 0; a < m; a++) {
		mcf_cost c = g->cost[a];

		if (g->cap[a] < 0)
			return MCF_INFEASIBLE;
		if (g->cap[a] != MCF_INF)
			cap_sum += g->cap[a];
		if (c < 0) {
			if (c < -cost_max)
				die("arc cost out of range");
			c = -c;
		}
		if (c > c_max)
			c_max = c;
	}
	/* Every basic flow is at most the total supply plus all finite capacities: keep that in int64_t. */
	if (supply_pos + cap_sum >= MCF_INF)
		die("total supply plus finite capacities exceed the int64_t range");
	/* Potentials stay within about 3 (n + 1) (c_max + 1) in magnitude. */
	if (c_max + 1 > cost_max / 4 / ((mcf_cost)n + 2))
		die("arc costs too large for this network size");
	art_cost = ((mcf_cost)n + 1) * (c_max + 1);

	if (m + n > g->arc_alloc) {
		g->arc_alloc = m + n;
		g->source = grow_array(g->source, (size_t)g->arc_alloc, sizeof(*g->source));
		g->target = grow_array(g->target, (size_t)g->arc_alloc, sizeof(*g->target));
		g->cap = grow_array(g->cap, (size_t)g->arc_alloc, sizeof(*g->cap));
		g->cost = grow_array(g->cost, (size_t)g->arc_alloc, sizeof(*g->cost));
	}

	status = run_simplex(g, art_cost);
	if (status != MCF_OPTIMAL) {
		memset(g->flow, 0, ((size_t)m + n) * sizeof(*g->flow));
		memset(g->pi, 0, ((size_t)n + 1) * sizeof(*g->pi));
		return status;
	}
	for (int a = 0; a < m; a++)
		g->total_cost += g->flow[a] * g->cost[a];
	return MCF_OPTIMAL;
}

/* Flow on an arc of a solved network (zero before a solve or after a failed one). */
int64_t mcf_flow(const struct mcf *g, int arc)
{
	if (arc < 0 || arc >= g->arc_num)
		die("mcf_flow: arc out of range");
	return g->solved ? g->flow[arc] : 0;
}

/* Node potential of a solved network: c(u,v) + pi(u) - pi(v) >= 0 below capacity, <= 0 above zero flow. */
mcf_cost mcf_potential(const struct mcf *g, int node)
{
	if (node < 0 || node >= g->node_num)
		die("mcf_potential: node out of range");
	return g->solved ? g->pi[node] : 0;
}

/* Sum of flow times cost over all arcs of a solved network. */
mcf_cost mcf_total_cost(const struct mcf *g)
{
	return g->total_cost;
}

/* Number of nodes added so far. */
int mcf_node_count(const struct mcf *g)
{
	return g->node_num;
}

/* Number of arcs added so far. */
int mcf_arc_count(const struct mcf *g)
{
	return g->arc_num;
}

/* Frees the network; accepts NULL. */
void mcf_free(struct mcf *g)
{
	if (g == NULL)
		return;
	free(g->supply);
	free(g->source);
	free(g->target);
	free(g->cap);
	free(g->cost);
	free(g->flow);
	free(g->pi);
	free(g);
}

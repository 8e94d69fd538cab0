/*
 * mcf_simplex.h: the primal network simplex of mcf.c over one cost type.
 * mcf.c includes it twice: COST int64_t with SIMPLEX(x) x##_64, and
 * __int128 with x##_128, and runs the first whenever the costs allow it.
 */

/* Working state of one run; node n is the artificial root, arc m + u joins node u to it. */
struct SIMPLEX(simplex) {
	int n, m, root;
	const int *source, *target;
	const int64_t *cap;	/* convex arcs: the width of a segment */
	COST *cost;		/* convex arcs: the cost of the segment they are in */
	int64_t *flow;		/* convex arcs: flow within their segment */
	COST *pi;
	signed char *state;
	int *parent;
	int *pred;		/* tree arc joining a node to its parent */
	signed char *dir;
	int *thread;		/* preorder successor (circular, through the root) */
	int *rev_thread;
	int *last;		/* last node of a subtree in preorder */
	int *size;		/* nodes in the subtree */
	int *stem;		/* scratch: path from the entering node up to the leaving arc */
	int *seg_start;		/* scratch: pieces of the re-rooted subtree's preorder */
	int *seg_end;
	const int *convex;	/* per arc: its entry in the convex table, or -1 */
	struct convex *table;
	COST *gap_down, *gap_up;	/* per convex arc: its cost step to the segment below, above (or never) */
	int block;
	int next_arc;
};

/* Sets the steps of convex arc cv's cost to its neighbouring segments (never when there is none). */
static void SIMPLEX(set_gaps)(struct SIMPLEX(simplex) *s, int cv)
{
	const struct convex *c = &s->table[cv];
	const COST never = (COST)1 << (sizeof(COST) * 8 - 3);

	s->gap_down[cv] = c->seg > 0 ? (COST)(convex_cost(c, c->seg) - convex_cost(c, c->seg - 1)) :
	    never;
	s->gap_up[cv] = c->seg + 1 < c->nseg ?
	    (COST)(convex_cost(c, c->seg + 1) - convex_cost(c, c->seg)) : never;
}

/*
 * A nonbasic convex arc at a breakpoint is also at the far end of the
 * neighbouring segment (same flow): moves it there, to enter from there.
 */
static void SIMPLEX(switch_segment)(struct SIMPLEX(simplex) *s, int e)
{
	int cv = s->convex[e];
	struct convex *c = &s->table[cv];

	c->seg += s->state[e] > 0 ? -1 : 1;
	s->cost[e] = (COST)convex_cost(c, c->seg);
	s->flow[e] = s->state[e] > 0 ? s->cap[e] : 0;
	s->state[e] = (signed char)-s->state[e];
	SIMPLEX(set_gaps)(s, cv);
}

/* The entering arc: the most violating one of the first block (of the cyclic arc order) holding any. */
static int SIMPLEX(find_entering)(struct SIMPLEX(simplex) *s)
{
	const int *source = s->source, *target = s->target;
	const COST *cost = s->cost, *pi = s->pi;
	const signed char *state = s->state;
	const int *convex = s->convex;
	int m = s->m, e = s->next_arc, left = s->block, best_arc = -1, best_switch = 0;
	COST best = 0;

	for (int i = 0; i < m; i++) {
		int st = state[e];
		/* Tree arcs price 0 and never enter. */
		COST rc = st * (cost[e] + pi[source[e]] - pi[target[e]]);

		if (rc < best) {
			best = rc;
			best_arc = e;
			best_switch = 0;
		} else if (convex[e] >= 0 && st != STATE_TREE) {
			/* In the neighbouring segment the reduced cost differs by its gap. */
			COST gap = st > 0 ? s->gap_down[convex[e]] : s->gap_up[convex[e]];

			if (gap - rc < best) {
				best = gap - rc;
				best_arc = e;
				best_switch = 1;
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
	if (best_switch)
		SIMPLEX(switch_segment)(s, best_arc);
	return best_arc;
}

/* Shifts the potentials of the nodes from..to (inclusive, in thread order) by sigma. */
static void SIMPLEX(shift)(struct SIMPLEX(simplex) *s, int from, int to, COST sigma)
{
	int x = from;

	for (;;) {
		s->pi[x] += sigma;
		if (x == to)
			break;
		x = s->thread[x];
	}
}

/*
 * Moves the subtree under u_out (the leaving arc is its tree arc) to hang from v_in by the entering arc e,
 * re-rooted at u_in, and shifts its potentials by sigma; join is the apex of the pivot's cycle.
 */
static void SIMPLEX(update_tree)(struct SIMPLEX(simplex) *s, int e, int u_in, int v_in, int u_out,
    int join, COST sigma)
{
	int *parent = s->parent, *pred = s->pred, *thread = s->thread, *rev = s->rev_thread;
	int *last = s->last, *size = s->size, *stem = s->stem;
	int *seg_start = s->seg_start, *seg_end = s->seg_end;
	signed char *dir = s->dir;
	int k = 0, nseg = 0, block_last, before, after, tail, x, moved = size[u_out];

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

	/* Subtree sizes: the block leaves the path above u_out and joins the path above v_in. */
	for (x = parent[u_out]; x != join; x = parent[x])
		size[x] -= moved;
	for (x = v_in; x != join; x = parent[x])
		size[x] += moved;
	for (int i = k; i >= 1; i--)
		size[stem[i]] -= size[stem[i - 1]];
	for (int i = k - 1; i >= 1; i--)
		size[stem[i]] += size[stem[i + 1]];
	size[u_in] = moved;

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

	/*
	 * Only differences of potentials matter: shift the moved block, or
	 * everything else (root included) the other way when that is fewer nodes.
	 */
	if (2 * (int64_t)moved <= s->n + 1)
		SIMPLEX(shift)(s, u_in, tail, sigma);
	else if (thread[tail] != u_in)
		SIMPLEX(shift)(s, thread[tail], rev[u_in], -sigma);
}

/* Capacity left in the arc's own direction; unbounded arcs have MCF_INF forever. */
static int64_t SIMPLEX(room_up)(const struct SIMPLEX(simplex) *s, int a)
{
	return s->cap[a] == MCF_INF ? MCF_INF : s->cap[a] - s->flow[a];
}

/* One pivot on entering arc e; returns 0 when the cycle can carry unbounded flow. */
static int SIMPLEX(pivot)(struct SIMPLEX(simplex) *s, int e)
{
	const int *parent = s->parent, *pred = s->pred, *size = s->size;
	const signed char *dir = s->dir;
	int64_t *flow = s->flow;
	int first, second, join, u, v, u_out = -1, out_second = 0;
	int64_t delta;

	/* Flow goes first -> second on e, second up to the join, and down from the join to first. */
	if (s->state[e] > 0) {
		first = s->source[e];
		second = s->target[e];
	} else {
		first = s->target[e];
		second = s->source[e];
	}
	u = first;
	v = second;
	while (u != v) {
		if (size[u] < size[v])
			u = parent[u];
		else
			v = parent[v];
	}
	join = u;

	/*
	 * Leaving arc: the last blocking arc met when walking the cycle along the flow from the join,
	 * which keeps the tree strongly feasible (no cycling).
	 */
	delta = s->cap[e];
	for (u = first; u != join; u = parent[u]) {
		int a = pred[u];
		int64_t r = dir[u] == DIR_UP ? flow[a] : SIMPLEX(room_up)(s, a);

		if (r < delta) {
			delta = r;
			u_out = u;
			out_second = 0;
		}
	}
	for (u = second; u != join; u = parent[u]) {
		int a = pred[u];
		int64_t r = dir[u] == DIR_UP ? SIMPLEX(room_up)(s, a) : flow[a];

		if (r <= delta) {
			delta = r;
			u_out = u;
			out_second = 1;
		}
	}
	if (delta == MCF_INF)
		return 0;

	if (delta > 0) {
		flow[e] += s->state[e] > 0 ? delta : -delta;
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
		COST rc = s->cost[e] + s->pi[s->source[e]] - s->pi[s->target[e]];

		SIMPLEX(update_tree)(s, e, u_in, v_in, u_out, join, u_in == s->source[e] ? -rc : rc);
		s->state[e] = STATE_TREE;
		s->state[leave] = flow[leave] == 0 ? STATE_LOWER : STATE_UPPER;
	}
	return 1;
}

/*
 * Runs the simplex on the arcs of net (sized m + n, in net's order) with
 * cost and pi of this type; leaves flows (within segments for convex arcs)
 * in net->flow and potentials (root at 0) in g->pi.
 */
static enum mcf_status SIMPLEX(run)(struct mcf *g, struct net *net, COST *cost, COST *pi,
    COST art_cost)
{
	struct SIMPLEX(simplex) s;
	int n = g->node_num, m = g->arc_num, all = m + n;
	enum mcf_status status = MCF_OPTIMAL;
	int64_t *balance = net->balance;

	memset(&s, 0, sizeof(s));
	s.n = n;
	s.m = m;
	s.root = n;
	s.source = net->source;
	s.target = net->target;
	s.cap = net->cap;
	s.cost = cost;
	s.flow = net->flow;
	s.pi = pi;
	s.convex = net->convex;
	s.table = g->table;
	s.state = xmalloc((size_t)all * sizeof(*s.state) + 1);
	s.parent = xmalloc(((size_t)n + 1) * sizeof(*s.parent));
	s.pred = xmalloc(((size_t)n + 1) * sizeof(*s.pred));
	s.dir = xmalloc(((size_t)n + 1) * sizeof(*s.dir));
	s.thread = xmalloc(((size_t)n + 1) * sizeof(*s.thread));
	s.rev_thread = xmalloc(((size_t)n + 1) * sizeof(*s.rev_thread));
	s.last = xmalloc(((size_t)n + 1) * sizeof(*s.last));
	s.size = xmalloc(((size_t)n + 1) * sizeof(*s.size));
	s.stem = xmalloc(((size_t)n + 1) * sizeof(*s.stem));
	s.seg_start = xmalloc(((size_t)2 * n + 2) * sizeof(*s.seg_start));
	s.seg_end = xmalloc(((size_t)2 * n + 2) * sizeof(*s.seg_end));
	s.gap_down = xmalloc((g->nconvex + 1) * sizeof(*s.gap_down));
	s.gap_up = xmalloc((g->nconvex + 1) * sizeof(*s.gap_up));
	s.block = isqrt(m);
	if (s.block < 10)
		s.block = 10;
	s.next_arc = 0;

	/*
	 * Start: every real arc at the flow mcf_set_start gave (convex ones at the bottom of a segment,
	 * others empty or full), every node hung from the root by an arc carrying what that leaves
	 * over (balance). As in LEMON, only nodes short of flow pay the artificial cost: the others
	 * start at potential 0, so that the first prices are the real costs.
	 */
	for (int u = 0; u < n; u++)
		balance[u] = g->supply[u];
	for (int a = 0; a < m; a++) {
		int64_t start = g->start[net->arc[a]], full = 0;

		s.flow[a] = 0;
		s.state[a] = STATE_LOWER;
		if (s.convex[a] >= 0) {
			struct convex *cv = &g->table[s.convex[a]];

			cv->seg = start / s.cap[a] < cv->nseg ? start / s.cap[a] : cv->nseg - 1;
			cost[a] = (COST)convex_cost(cv, cv->seg);
			full = cv->seg * s.cap[a];
			SIMPLEX(set_gaps)(&s, s.convex[a]);
		} else if (s.cap[a] != MCF_INF && s.cap[a] > 0 && start >= s.cap[a]) {
			s.state[a] = STATE_UPPER;
			full = s.flow[a] = s.cap[a];
		}
		balance[s.source[a]] -= full;
		balance[s.target[a]] += full;
	}
	s.parent[n] = -1;
	s.pred[n] = -1;
	s.dir[n] = 0;
	s.size[n] = n + 1;
	s.pi[n] = 0;
	s.thread[n] = n > 0 ? 0 : n;
	s.rev_thread[n] = n > 0 ? n - 1 : n;
	s.last[n] = n > 0 ? n - 1 : n;
	for (int u = 0; u < n; u++) {
		int a = m + u;
		int64_t b = balance[u];

		s.parent[u] = n;
		s.pred[u] = a;
		s.size[u] = 1;
		s.thread[u] = u + 1 < n ? u + 1 : n;
		s.rev_thread[u] = u > 0 ? u - 1 : n;
		s.last[u] = u;
		s.state[a] = STATE_TREE;
		net->cap[a] = MCF_INF;
		net->convex[a] = -1;
		if (b >= 0) {
			net->source[a] = u;
			net->target[a] = n;
			cost[a] = 0;
			s.flow[a] = b;
			s.dir[u] = DIR_UP;
			s.pi[u] = 0;
		} else {
			net->source[a] = n;
			net->target[a] = u;
			cost[a] = art_cost;
			s.flow[a] = -b;
			s.dir[u] = DIR_DOWN;
			s.pi[u] = art_cost;
		}
	}

	for (;;) {
		int e = SIMPLEX(find_entering)(&s);

		if (e < 0)
			break;
		if (!SIMPLEX(pivot)(&s, e)) {
			status = MCF_UNBOUNDED;
			break;
		}
	}
	for (int a = m; a < all && status == MCF_OPTIMAL; a++)
		if (s.flow[a] != 0)
			status = MCF_INFEASIBLE;
	for (int u = 0; u < n; u++)	/* the root back at potential 0 */
		g->pi[u] = (mcf_cost)(s.pi[u] - s.pi[n]);
	g->pi[n] = 0;

	free(s.state);
	free(s.parent);
	free(s.pred);
	free(s.dir);
	free(s.thread);
	free(s.rev_thread);
	free(s.last);
	free(s.size);
	free(s.stem);
	free(s.seg_start);
	free(s.seg_end);
	free(s.gap_down);
	free(s.gap_up);
	return status;
}

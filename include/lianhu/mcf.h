/* mcf: exact minimum-cost flow by the primal network simplex method. */
#ifndef LIANHU_MCF_H
#define LIANHU_MCF_H

#include <stdint.h>
#include <stdio.h>

/* Costs and potentials are 128-bit so that lexicographic weights fit (the solver runs in 64 bits when they allow). */
typedef __int128 mcf_cost;

/* A capacity this large means "unbounded" (no arc carries more than the total supply). */
#define MCF_INF INT64_MAX

enum mcf_status {
	MCF_OPTIMAL,
	MCF_INFEASIBLE,	/* supplies cannot be routed */
	MCF_UNBOUNDED,	/* a negative cycle of unbounded arcs */
	MCF_TOO_LARGE	/* costs or capacities beyond what the arithmetic can hold exactly */
};

struct mcf;

/* Returns a new empty network with room for the given counts (hints, it grows); free with mcf_free. */
struct mcf *mcf_new(int node_hint, int arc_hint);

/* Adds a node with zero supply and returns its index (0, 1, 2 ...). */
int mcf_add_node(struct mcf *g);

/* Adds an arc from -> to with capacity [0, cap] and unit cost, returns its index (0, 1, 2 ...). */
int mcf_add_arc(struct mcf *g, int from, int to, int64_t cap, mcf_cost cost);

/*
 * Adds a convex arc: nseg segments of width units each, filled in order;
 * segment k (from 0) costs first + k * slope per unit, less bonus while
 * k < nbonus (slope, bonus >= 0). Its flow is the sum over segments. Returns
 * its index, an arc index like any other.
 */
int mcf_add_convex_arc(struct mcf *g, int from, int to, int64_t width, int64_t nseg,
    mcf_cost first, mcf_cost slope, mcf_cost bonus, int64_t nbonus);

/*
 * Starts the next solve from flow units on arc a: a guess at its optimal
 * flow that saves pivots when near; the optimum found does not depend on
 * it. A convex arc starts with flow / width segments full (at most all but
 * its last), another arc full when flow reaches its finite capacity, else
 * empty.
 */
void mcf_set_start(struct mcf *g, int a, int64_t flow);

/* Sets the supply of a node: positive supplies, negative demands; they must sum to zero. */
void mcf_set_supply(struct mcf *g, int node, int64_t supply);

/*
 * Solves; afterwards mcf_flow, mcf_potential and mcf_total_cost describe an
 * optimal solution. On MCF_INFEASIBLE or MCF_UNBOUNDED every flow, potential
 * and the total cost read as zero.
 */
enum mcf_status mcf_solve(struct mcf *g);

/* Flow on an arc of a solved network (zero before a solve or after a failed one). */
int64_t mcf_flow(const struct mcf *g, int arc);

/*
 * Node potential (dual) of a solved network: reduced cost c(u,v) + pi(u) -
 * pi(v) >= 0 on arcs below capacity, <= 0 on arcs above zero flow.
 */
mcf_cost mcf_potential(const struct mcf *g, int node);

/* Sum of flow times cost over all arcs of a solved network. */
mcf_cost mcf_total_cost(const struct mcf *g);

/* The number of nodes, and of arcs, added so far. */
int mcf_node_count(const struct mcf *g);
int mcf_arc_count(const struct mcf *g);

/* Prints a cost in decimal. */
void mcf_print_cost(FILE *fp, mcf_cost v);

/*
 * Writes the network in DIMACS min-cost flow format (nodes from 1, capacity
 * -1 unbounded, convex arcs one arc per segment), for other solvers to check
 * and time.
 */
void mcf_write_dimacs(const struct mcf *g, FILE *fp);

/* Frees the network; accepts NULL. */
void mcf_free(struct mcf *g);

#endif

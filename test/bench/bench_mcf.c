/* bench_mcf: times mcf_solve on a random hub-shaped transportation instance (about 7k nodes, 60k arcs). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lianhu/mcf.h"

static uint64_t rng_state = 20240601;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng_next() % (uint64_t)(hi - lo + 1));
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Usage: bench_mcf [scale]; scale multiplies the instance size (default 1). */
int main(int argc, char **argv)
{
	double scale = argc > 1 ? atof(argv[1]) : 1.0;
	int sources = (int)(2000 * scale), hubs = (int)(50 * scale), outlets = (int)(5000 * scale), parallel = 7;
	/* Two-level (lexicographic) costs: a primary weight above 2^64 and a secondary one below. */
	const mcf_cost level = (mcf_cost)1 << 64;
	struct mcf *g;
	int sink;
	int64_t total = 0;
	double t0, t1;
	enum mcf_status st;
	mcf_cost cost;

	if (sources < 1 || hubs < 1 || outlets < 1) {
		fprintf(stderr, "bench_mcf: scale too small\n");
		return 2;
	}
	g = mcf_new(sources + hubs + outlets + 1, sources * 4 + outlets * (3 + parallel) + hubs);
	for (int i = 0; i < sources + hubs + outlets + 1; i++)
		mcf_add_node(g);
	sink = sources + hubs + outlets;
	for (int s = 0; s < sources; s++) {
		int64_t b = rng_range(1, 5);

		mcf_set_supply(g, s, b);
		total += b;
		for (int k = 0; k < 4; k++) {
			/* One draw per statement: argument evaluation order is unspecified. */
			int h = sources + (int)rng_range(0, hubs - 1);
			mcf_cost c = rng_range(0, 3) * level;

			c += rng_range(1, 1000);
			mcf_add_arc(g, s, h, MCF_INF, c);
		}
	}
	for (int o = 0; o < outlets; o++) {
		for (int k = 0; k < 3; k++) {
			int h = sources + (int)rng_range(0, hubs - 1);
			mcf_cost c = rng_range(0, 2) * level;

			c += rng_range(0, 500);
			mcf_add_arc(g, h, sources + hubs + o, MCF_INF, c);
		}
		for (int k = 0; k < parallel; k++)
			mcf_add_arc(g, sources + hubs + o, sink, 1, 2 * k + 1);
	}
	for (int h = 0; h < hubs; h++)
		mcf_add_arc(g, sources + h, sink, MCF_INF, 100 * level);
	mcf_set_supply(g, sink, -total);

	t0 = now();
	st = mcf_solve(g);
	t1 = now();
	cost = mcf_total_cost(g);
	printf("nodes %d arcs %d supply %lld status %d cost %.6g solve %.3f s\n", mcf_node_count(g), mcf_arc_count(g),
		(long long)total, (int)st, (double)cost, t1 - t0);
	mcf_free(g);
	return st == MCF_OPTIMAL ? 0 : 1;
}

// bench_lemon: solves the DIMACS networks lianhu writes (LIANHU_BENCH_DIMACS) with LEMON's
// NetworkSimplex and CostScaling and prints their CPU seconds and total costs, summed over the files.
// For `make bench` only: LEMON is never a dependency of lianhu or of `make check`.
// usage: bench_lemon FILE.dimacs ...
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <string>
#include <vector>

typedef __int128 i128;

struct Net {
	int n = 0;
	std::vector<long long> supply;
	std::vector<int> from, to;
	std::vector<long long> cap;	// -1: unbounded
	std::vector<i128> cost;
};

static i128 parse_i128(const char *&p)
{
	bool neg = false;
	i128 v = 0;

	while (*p == ' ')
		p++;
	if (*p == '-') {
		neg = true;
		p++;
	}
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	return neg ? -v : v;
}

static bool read_net(const char *path, Net &net)
{
	FILE *fp = std::fopen(path, "r");
	char line[512];

	if (!fp)
		return false;
	while (std::fgets(line, sizeof line, fp)) {
		const char *p = line + 1;

		if (line[0] == 'p') {
			p += 4;	// " min"
			net.n = (int)parse_i128(p);
			net.supply.assign(net.n, 0);
		} else if (line[0] == 'n') {
			int u = (int)parse_i128(p) - 1;

			net.supply[u] = (long long)parse_i128(p);
		} else if (line[0] == 'a') {
			net.from.push_back((int)parse_i128(p) - 1);
			net.to.push_back((int)parse_i128(p) - 1);
			parse_i128(p);	// lower bound, always 0
			net.cap.push_back((long long)parse_i128(p));
			net.cost.push_back(parse_i128(p));
		}
	}
	std::fclose(fp);
	return true;
}

static double cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Result {
	double simplex = 0, scaling = 0;
	i128 simplex_cost = 0, scaling_cost = 0;
	int files = 0, wide = 0;
};

// Solves net with both algorithms in cost type C; adds their times and costs to r.
template <typename C> static void solve(const Net &net, Result &r, bool scaling)
{
	typedef lemon::SmartDigraph G;
	G g;
	std::vector<G::Node> nodes;
	G::ArcMap<long long> cap(g);
	G::ArcMap<C> cost(g);
	G::NodeMap<long long> supply(g);
	long long total = 0;

	g.reserveNode(net.n);
	g.reserveArc((int)net.from.size());
	for (int u = 0; u < net.n; u++) {
		nodes.push_back(g.addNode());
		supply[nodes[u]] = net.supply[u];
		total += net.supply[u] > 0 ? net.supply[u] : 0;
	}
	for (size_t a = 0; a < net.from.size(); a++) {
		G::Arc arc = g.addArc(nodes[net.from[a]], nodes[net.to[a]]);

		cap[arc] = net.cap[a] < 0 ? total : net.cap[a];
		cost[arc] = (C)net.cost[a];
	}
	double t0 = cpu();
	lemon::NetworkSimplex<G, long long, C> ns(g);
	ns.upperMap(cap).costMap(cost).supplyMap(supply);
	if (ns.run() != lemon::NetworkSimplex<G, long long, C>::OPTIMAL)
		std::fprintf(stderr, "bench_lemon: NetworkSimplex found no optimum\n");
	r.simplex += cpu() - t0;
	r.simplex_cost += (i128)ns.template totalCost<C>();
	if (!scaling)
		return;
	t0 = cpu();
	lemon::CostScaling<G, long long, C> cs(g);
	cs.upperMap(cap).costMap(cost).supplyMap(supply);
	if (cs.run() != lemon::CostScaling<G, long long, C>::OPTIMAL)
		std::fprintf(stderr, "bench_lemon: CostScaling found no optimum\n");
	r.scaling += cpu() - t0;
	r.scaling_cost += (i128)cs.template totalCost<C>();
}

static std::string str128(i128 v)
{
	std::string s;
	bool neg = v < 0;
	unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;

	do {
		s.insert(s.begin(), (char)('0' + (int)(u % 10)));
		u /= 10;
	} while (u);
	return neg ? "-" + s : s;
}

int main(int argc, char **argv)
{
	Result r;

	for (int i = 1; i < argc; i++) {
		Net net;
		i128 most = 0;

		if (!read_net(argv[i], net)) {
			std::fprintf(stderr, "bench_lemon: cannot read %s\n", argv[i]);
			return 2;
		}
		for (i128 c : net.cost)
			most = c < 0 ? (-c > most ? -c : most) : (c > most ? c : most);
		// 64-bit costs when lianhu's own bound for them holds (mcf.c), else 128-bit.
		// CostScaling scales costs by about (n + 1) * 16: it runs only where that fits in 64 bits.
		if ((most + 1) * 8 * (net.n + 2) <= std::numeric_limits<long long>::max()) {
			solve<long long>(net, r, (most + 1) * 64 * (net.n + 2) <=
			    std::numeric_limits<long long>::max());
		} else {
			solve<i128>(net, r, false);
			r.wide++;
		}
		r.files++;
	}
	std::printf("lemon: %d networks (%d with 128-bit costs): NetworkSimplex %.3f s CPU (cost %s), "
	    "CostScaling %.3f s CPU (cost %s, 64-bit networks only)\n", r.files, r.wide, r.simplex,
	    str128(r.simplex_cost).c_str(), r.scaling, str128(r.scaling_cost).c_str());
	return 0;
}

#!/bin/sh
# bench.sh: times lianhu on generated rosters at township, county and city scale, on the stress shapes of
# issue 12, and its solver against LEMON on the same networks (a benchmark, not a test).
# usage: bench.sh LIANHU GEN_ROSTER [SIZES] [BENCH_LEMON]
#   SIZES default "30000 300000 3000000" (or BENCH_SIZES); BENCH_DIR default /tmp/lianhu-bench;
#   BENCH_SHAPES (default 20000) sizes the stress shapes, "" skips them; BENCH_LEMON: test/bench/bench_lemon.
set -eu
lianhu=$1 gen=$2
sizes=${3:-${BENCH_SIZES:-30000 300000 3000000}}
lemon=${4:-${BENCH_LEMON:-}}
shapes=${BENCH_SHAPES-20000}
dir=${BENCH_DIR:-/tmp/lianhu-bench}
mkdir -p "$dir"
# measure LABEL CMD...: wall seconds, CPU seconds (perf's task-clock when perf works here, else GNU
# time's user+sys, to 10 ms) and peak RSS; leaves the CPU seconds in $secs and the RSS (KB) in $rss.
use_perf=0
perf stat -e task-clock true >/dev/null 2>&1 && use_perf=1
measure() {
	label=$1; shift
	start=$(date +%s%N)
	/usr/bin/time -f "%U %S %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/stderr" || true
	end=$(date +%s%N)
	rss=$(tail -1 "$dir/time" | awk '{ print $3 }')
	secs=$(tail -1 "$dir/time" | awk '{ print $1 + $2 }')
	if [ $use_perf = 1 ]; then
		perf stat -x, -e task-clock -o "$dir/perf" "$@" >/dev/null 2>&1 || true
		secs=$(awk -F, '/task-clock/ { printf "%.3f", $1 / 1000 }' "$dir/perf")
	fi
	printf '  %-28s %7.3f s wall %7.3f s CPU %8.1f MB peak RSS\n' "$label" \
	    "$(echo "($end - $start) / 1000000000" | bc -l)" "$secs" "$(echo "$rss / 1024" | bc -l)"
}
ratio() {
	if [ "$(echo "$2 == 0" | bc -l)" = 1 ]; then echo "-"; return; fi	# too quick to time
	echo "$1 / $2" | bc -l | cut -c1-5
}
# solver LABEL ARGS...: lianhu's mcf_solve CPU time against LEMON's on the networks this assign builds.
solver() {
	label=$1; shift
	[ -n "$lemon" ] && [ -x "$lemon" ] || return 0
	rm -rf "$dir/dimacs" && mkdir -p "$dir/dimacs"
	LIANHU_BENCH_DIMACS="$dir/dimacs" "$lianhu" assign "$@" -o "$dir/out.csv" 2>"$dir/solver" || true
	ours=$(sed -n 's/^lianhu: mcf_solve \([0-9.]*\) s CPU.*/\1/p' "$dir/solver")
	"$lemon" "$dir"/dimacs/*.dimacs >"$dir/lemon"
	ns=$(sed -n 's/.*NetworkSimplex \([0-9.]*\) s.*/\1/p' "$dir/lemon")
	cs=$(sed -n 's/.*CostScaling \([0-9.]*\) s.*/\1/p' "$dir/lemon")
	ocost=$(sed -n 's/.*(cost \(-*[0-9]*\)).*/\1/p' "$dir/solver")
	ncost=$(sed -n 's/.*NetworkSimplex [0-9.]* s CPU (cost \(-*[0-9]*\)).*/\1/p' "$dir/lemon")
	agree="same optimum"; [ "$ocost" = "$ncost" ] || agree="OPTIMA DIFFER: $ocost vs $ncost"
	printf '  %-28s lianhu %.3f s, LEMON NetworkSimplex %.3f s (ratio %s), CostScaling %.3f s; %s\n' \
	    "solver, $label" "$ours" "$ns" "$(ratio "$ours" "$ns")" "$cs" "$agree"
	rm -rf "$dir/dimacs"
}
for n in $sizes; do
	r="$dir/r$n"
	[ -f "$r/households.csv" ] || "$gen" --households "$n" --seed 7 --previous "$r.previous.csv" -o "$r" 2>/dev/null
	bytes=$(cat "$r/buildings.csv" "$r/households.csv" "$r/members.csv" | wc -c)
	mb=$(echo "$bytes / 1000000" | bc -l | cut -c1-6)
	echo "roster of $n households ($mb MB of CSV):"
	measure "validate" "$lianhu" validate -d "$r"; v=$secs; vrss=$rss
	measure "assign" "$lianhu" assign -d "$r" -o "$r/mapping.csv"; a=$secs; arss=$rss
	measure "assign --previous" "$lianhu" assign -d "$r" --previous "$r.previous.csv" -o "$r/mapping2.csv"; ap=$secs
	measure "audit" "$lianhu" audit -d "$r" --mapping "$r/mapping.csv"; au=$secs
	if "$lianhu" report --help >/dev/null 2>&1; then
		measure "report --format xlsx" "$lianhu" report -d "$r" --mapping "$r/mapping.csv" --format xlsx -o "$r/report.xlsx"
		echo "  report xlsx/validate (CPU): $(ratio "$secs" "$v")"
	fi
	echo "  audit/validate (CPU): $(ratio "$au" "$v")"
	echo "  validate: $(ratio "$mb" "$v") MB/s of CPU time; assign/validate (CPU): $(ratio "$a" "$v");" \
	    "assign --previous/validate: $(ratio "$ap" "$v"); peak RSS/roster bytes: validate" \
	    "$(ratio "$vrss * 1024" "$bytes"), assign $(ratio "$arss * 1024" "$bytes")"
	if [ "$n" -le 300000 ]; then
		solver "scope community" -d "$r"
		solver "scope township" -d "$r" --scope township
		solver "--previous" -d "$r" --previous "$r.previous.csv"
	fi
done
# The stress shapes of issue 12 against an ordinary roster of the same size (all in one community).
for n in $shapes; do
	o="$dir/ordinary$n"
	[ -f "$o/households.csv" ] || "$gen" --households "$n" --seed 7 --previous "$o.previous.csv" -o "$o" 2>/dev/null
	for shape in grids tower spread; do
		s="$dir/$shape$n"
		[ -f "$s/households.csv" ] || "$gen" --households "$n" --shape $shape --previous "$s.previous.csv" -o "$s" 2>/dev/null
	done
	echo "stress shapes of $n households (issue 12), against an ordinary roster of the same size:"
	measure "ordinary: assign" "$lianhu" assign -d "$o" -o "$dir/out.csv"; base=$secs
	measure "ordinary: assign --previous" "$lianhu" assign -d "$o" --previous "$o.previous.csv" -o "$dir/out.csv"
	measure "grids: assign" "$lianhu" assign -d "$dir/grids$n" -o "$dir/out.csv"
	echo "  grids/ordinary (CPU): $(ratio "$secs" "$base")"
	measure "tower: assign --previous" "$lianhu" assign -d "$dir/tower$n" --previous "$dir/tower$n.previous.csv" -o "$dir/out.csv"
	echo "  tower --previous/ordinary (CPU): $(ratio "$secs" "$base")"
	measure "spread: --max-load 1e9" "$lianhu" assign -d "$dir/spread$n" --max-load 1000000000 -o "$dir/out.csv"
	echo "  spread --max-load 1e9/ordinary (CPU): $(ratio "$secs" "$base")"
	solver "grids" -d "$dir/grids$n"
	solver "tower --previous" -d "$dir/tower$n" --previous "$dir/tower$n.previous.csv"
done
# The hash-flooding shape (issue 10): 50,000 household IDs that collide in the low 14 bits under the
# string map's old unkeyed hash, against 50,000 ordinary IDs; with the keyed hash the two take alike.
here=$(cd "$(dirname "$0")" && pwd)
f="$dir/flood"
mkdir -p "$f/crafted" "$f/plain"
cc -O2 -o "$dir/colliding_ids" "$here/colliding_ids.c"
[ -f "$f/crafted/households.csv" ] || "$dir/colliding_ids" 50000 14 B1 >"$f/crafted/households.csv"
awk -F, 'NR == 1 { print; next } { printf "P%09d,B1\n", NR }' "$f/crafted/households.csv" >"$f/plain/households.csv"
for k in crafted plain; do
	printf 'building_id,grid_id\nB1,G1\n' >"$f/$k/buildings.csv"
	printf 'member_id,building_id\nM1,B1\n' >"$f/$k/members.csv"
done
echo "hash flooding: 50,000 household IDs"
measure "validate, ordinary IDs" "$lianhu" validate -d "$f/plain"; p=$secs
measure "validate, crafted IDs" "$lianhu" validate -d "$f/crafted"
echo "  crafted/ordinary (CPU): $(echo "$secs / $p" | bc -l | cut -c1-5)"

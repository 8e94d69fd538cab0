#!/bin/sh
# bench.sh: times lianhu on generated rosters at township, county and city scale (a benchmark, not a test).
# usage: bench.sh LIANHU GEN_ROSTER [SIZES]   (SIZES default "30000 300000 3000000"; BENCH_DIR default /tmp/lianhu-bench)
set -eu
lianhu=$1 gen=$2
sizes=${3:-${BENCH_SIZES:-30000 300000 3000000}}
dir=${BENCH_DIR:-/tmp/lianhu-bench}
mkdir -p "$dir"
# measure LABEL CMD...: wall seconds, CPU seconds (perf's task-clock when perf works here, else GNU
# time's user+sys, to 10 ms) and peak RSS; leaves the CPU seconds in $secs.
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
	printf '  %-24s %7.3f s wall %7.3f s CPU %8.1f MB peak RSS\n' "$label" \
	    "$(echo "($end - $start) / 1000000000" | bc -l)" "$secs" "$(echo "$rss / 1024" | bc -l)"
}
for n in $sizes; do
	r="$dir/r$n"
	[ -f "$r/households.csv" ] || "$gen" --households "$n" --seed 7 --previous "$r.previous.csv" -o "$r" 2>/dev/null
	mb=$(cat "$r/buildings.csv" "$r/households.csv" "$r/members.csv" | wc -c)
	mb=$(echo "$mb / 1000000" | bc -l | cut -c1-6)
	echo "roster of $n households ($mb MB of CSV):"
	measure "validate" "$lianhu" validate -d "$r"; v=$secs
	measure "assign" "$lianhu" assign -d "$r" -o "$r/mapping.csv"; a=$secs
	measure "assign --previous" "$lianhu" assign -d "$r" --previous "$r.previous.csv" -o "$r/mapping2.csv"
	measure "audit" "$lianhu" audit -d "$r" --mapping "$r/mapping.csv"; au=$secs
	if "$lianhu" report --help >/dev/null 2>&1; then
		measure "report --format xlsx" "$lianhu" report -d "$r" --mapping "$r/mapping.csv" --format xlsx -o "$r/report.xlsx"
		echo "  report xlsx/validate (CPU): $(echo "$secs / $v" | bc -l | cut -c1-5)"
	fi
	echo "  audit/validate (CPU): $(echo "$au / $v" | bc -l | cut -c1-5)"
	echo "  validate: $(echo "$mb / $v" | bc -l | cut -c1-6) MB/s of CPU time; assign/validate (CPU): $(echo "$a / $v" | bc -l | cut -c1-5)"
done

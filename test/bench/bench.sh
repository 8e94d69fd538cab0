#!/bin/sh
# bench.sh: times lianhu on generated rosters at township, county and city scale (a benchmark, not a test).
# usage: bench.sh LIANHU GEN_ROSTER [SIZES]   (SIZES default "30000 300000 3000000"; BENCH_DIR default /tmp/lianhu-bench)
set -eu
lianhu=$1 gen=$2
sizes=${3:-${BENCH_SIZES:-30000 300000 3000000}}
dir=${BENCH_DIR:-/tmp/lianhu-bench}
mkdir -p "$dir"
measure() {	# measure LABEL CMD...: prints wall seconds and peak RSS; leaves the seconds in $secs
	label=$1; shift
	/usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/stderr" || true
	set -- $(tail -1 "$dir/time")
	secs=$1
	printf '  %-28s %7.2f s  %8.1f MB peak RSS\n' "$label" "$1" "$(echo "$2 / 1024" | bc -l)"
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
	measure "audit" "$lianhu" audit -d "$r" --mapping "$r/mapping.csv"
	if "$lianhu" report --help >/dev/null 2>&1; then
		measure "report --format xlsx" "$lianhu" report -d "$r" --mapping "$r/mapping.csv" --format xlsx -o "$r/report.xlsx"
	fi
	echo "  validate: $(echo "$mb / $v" | bc -l | cut -c1-6) MB/s; assign/validate: $(echo "$a / $v" | bc -l | cut -c1-5)"
done

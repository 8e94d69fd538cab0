#!/bin/sh
# memory.sh: hostile inputs cost memory near their size, not a multiple of it (issue 10 item 8). A data
# limit (ulimit -d: the heap and every private writable mapping) well below what the old reader took
# must be enough. Usage: sh test/memory.sh ./lianhu. Skipped under sanitizers, whose shadow memory
# no such limit allows.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${ASAN_OPTIONS:-}" ] || nm "$bin" 2>/dev/null | grep -q __asan_init; then
	echo "memory: SKIP (a sanitized build)"
	exit 0
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" && cp "$here"/../examples/quickstart/*.csv . || exit 2
fail=0
# run LIMIT_KB NAME MESSAGE ARGS...: lianhu validate under the data limit; its status must be 1 (errors
# in the data, found) and its diagnostic MESSAGE.
run() {
	limit=$1 name=$2 want=$3; shift 3
	(ulimit -d "$limit" && "$bin" validate "$@") >/dev/null 2>err; s=$?
	if [ $s != 1 ] || ! grep -q "$want" err; then
		echo "FAIL memory: $name under ${limit} KB of data: status $s"; head -3 err; fail=1
	fi
}
# One 40 MB field: libcsv used to gather it whole before the 64 KiB cap applied.
{ printf 'household_id,building_id\n0101001,'; head -c 40000000 /dev/zero | tr '\0' x; echo; } >field.csv
run 30000 "a 40 MB field" "field longer than" --households field.csv
# 10 MB of commas on one line: 10 million fields used to cost 16 bytes each and more.
{ printf 'household_id,building_id\n0101001,0101'; head -c 10000000 /dev/zero | tr '\0' ,; echo; } >commas.csv
run 40000 "a line of 10 million commas" "fields in one record" --households commas.csv
# The same through a pipe: read into memory, once.
cat commas.csv | run 40000 "10 million commas through a pipe" "fields in one record" --households -
[ $fail = 0 ] && echo "memory: hostile inputs within their limits"
exit $fail

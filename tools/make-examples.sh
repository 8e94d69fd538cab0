#!/bin/sh
# make-examples: rebuilds tools/gen_roster and regenerates examples/longshenghe byte for byte: the three
# rosters, mapping.csv as lianhu assign writes it (./lianhu, built first when missing), and visits.csv,
# a year of visits up to 2026-06-30 by the contacts of that mapping mostly.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$tmp/gen_roster" tools/gen_roster.c
[ -x ./lianhu ] || make lianhu
ex=examples/longshenghe
rm -f $ex/buildings.csv $ex/households.csv $ex/members.csv $ex/mapping.csv $ex/visits.csv
set -- --households 6000 --seed 1 --divisions tools/data/bayannur.csv --township 150822101
"$tmp/gen_roster" "$@" -o $ex
status=0
./lianhu assign -d $ex -o $ex/mapping.csv 2>/dev/null || status=$?
[ $status -le 1 ] || { echo "make-examples: lianhu assign failed" >&2; exit 2; }
"$tmp/gen_roster" "$@" --visits $ex/visits.csv --contacts $ex/mapping.csv -o "$tmp/again"
for f in buildings households members; do
	cmp -s $ex/$f.csv "$tmp/again/$f.csv" || { echo "make-examples: $f.csv came out twice differently" >&2; exit 2; }
done

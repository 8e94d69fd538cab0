#!/bin/sh
# make-examples: rebuilds tools/gen_roster and regenerates examples/longshenghe byte for byte.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$tmp/gen_roster" tools/gen_roster.c
rm -f examples/longshenghe/buildings.csv examples/longshenghe/households.csv examples/longshenghe/members.csv
"$tmp/gen_roster" --households 6000 --seed 1 --divisions tools/data/bayannur.csv --township 150822101 \
	-o examples/longshenghe

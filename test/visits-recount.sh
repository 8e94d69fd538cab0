#!/bin/sh
# visits-recount.sh: on generated rosters with a year of visits (tools/gen_roster --visits), every count
# of `lianhu visits` equals a recount written here in awk (its own calendar, its own reading of the
# log): the JSON totals, the CSV of overdue households row by row, and the number of each finding.
# Usage: sh test/visits-recount.sh ./lianhu build/plain/gen_roster
set -u
bin=$1
gen=$2
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
bad() { echo "visits-recount: $*"; fail=1; }
as_of=2026-06-30
every='独居老人=7,残疾=14,ordinary=60'

# The recount: reads members.csv, households.csv, the mapping and the log (all comma-separated,
# unquoted, as gen_roster writes them); prints "count NAME N" lines and the CSV rows of overdue households.
recount() {
	LC_ALL=C awk -F, -v as_of="$as_of" -v out="$2" '
	function leap(y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
	# Days since 0001-01-01 of a valid date, else -1.
	function day_of(s,    p, y, m, d, i, n) {
		if (s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?$/) split(s, p, "-")
		else if (s ~ /^[0-9][0-9][0-9][0-9]\/[0-9][0-9]?\/[0-9][0-9]?$/) split(s, p, "/")
		else if (s ~ /^[0-9][0-9][0-9][0-9]\.[0-9][0-9]?\.[0-9][0-9]?$/) split(s, p, ".")
		else if (s ~ /^[0-9][0-9][0-9][0-9]年[0-9][0-9]?月[0-9][0-9]?日$/) { gsub(/年|月|日/, " ", s); split(s, p, " ") }
		else return -1
		y = p[1] + 0; m = p[2] + 0; d = p[3] + 0
		if (y < 1 || m < 1 || m > 12 || d < 1 || d > mlen[m] + (m == 2 && leap(y))) return -1
		n = (y - 1) * 365 + int((y - 1) / 4) - int((y - 1) / 100) + int((y - 1) / 400)
		for (i = 1; i < m; i++) n += mlen[i] + (i == 2 && leap(y))
		return n + d - 1
	}
	# Days as YYYY-MM-DD.
	function text_of(n,    y, m) {
		for (y = 1; n >= 365 + leap(y); y++) n -= 365 + leap(y)
		for (m = 1; n >= mlen[m] + (m == 2 && leap(y)); m++) n -= mlen[m] + (m == 2 && leap(y))
		return sprintf("%04d-%02d-%02d", y, m, n + 1)
	}
	function interval(tag,    parts, k, best) {
		if (tag == "") return 60
		best = 1e9
		split(tag, parts, "、")
		for (k in parts) if ((parts[k] in rule) && rule[parts[k]] < best) best = rule[parts[k]]
		return best < 1e9 ? best : 30
	}
	BEGIN {
		split("31 28 31 30 31 30 31 31 30 31 30 31", mlen, " ")
		rule["独居老人"] = 7; rule["残疾"] = 14
		resolved["是"]; resolved["yes"]; resolved["y"]; resolved["1"]; resolved["true"]
		resolved["已办结"]; resolved["已解决"]
		vacant["vacant"]; vacant["空挂户"]; vacant["空户"]; vacant["无人居住"]
		today = day_of(as_of)
	}
	FILENAME == ARGV[1] && FNR > 1 { member[$1] = 1; next }
	FILENAME == ARGV[2] && FNR > 1 {
		order[++nh] = $1; tag[$1] = $8; counted[$1] = !($5 in vacant); last[$1] = -1; next
	}
	FILENAME == ARGV[3] && FNR > 1 { if (!($1 in contact)) contact[$1] = $2; next }
	FILENAME == ARGV[4] && FNR > 1 {
		h = $1; when = day_of($2); who = $3
		if (!(h in tag)) n["unknown-household"]++
		if (who != "" && !(who in member)) n["unknown-member"]++
		if (when < 0) { n["bad-date"]++; next }
		if (when > today) { n["future-date"]++; next }
		if (!(h in tag) || !counted[h]) next
		n["visits"]++
		if (when > last[h]) last[h] = when
		if ($6 != "") { n["needs"]++; if (tolower($7) in resolved) n["needs_resolved"]++ }
		if ((who in member) && who != contact[h]) n["visit-by-other"]++
	}
	END {
		print "household_id,member_id,last_visit,days_since,interval,status" > out
		for (i = 1; i <= nh; i++) {
			h = order[i]
			if (!counted[h]) continue
			n["households"]++
			iv = interval(tag[h])
			if (last[h] < 0) {
				n["overdue"]++; n["never_visited"]++
				print h "," contact[h] ",,," iv ",never-visited" > out
			} else if (today - last[h] > iv) {
				n["overdue"]++
				print h "," contact[h] "," text_of(last[h]) "," today - last[h] "," iv ",overdue" > out
			} else {
				n["up_to_date"]++
			}
		}
		split("households up_to_date overdue never_visited visits needs needs_resolved " \
		    "unknown-household unknown-member bad-date future-date visit-by-other", names, " ")
		for (k = 1; k <= 12; k++) printf "count %s %d\n", names[k], n[names[k]]
	}' "$1/members.csv" "$1/households.csv" "$1/mapping.csv" "$1/visits.csv"
}

# What lianhu says: the JSON totals, the findings of the text form, and the CSV. The text form gives
# one visit-by-other line a visiting member, with how many visits it made ("made N visits").
measure() {
	"$bin" visits -d "$1" --as-of $as_of --every "$every" --format json 2>/dev/null |
		sed -n 's/^\t"\([a-z_]*\)":\t\([0-9]*\),$/count \1 \2/p'
	"$bin" --lang en visits -d "$1" --as-of $as_of --every "$every" 2>/dev/null | awk '
		match($0, /^[^ ]*:[0-9]+: [a-z-]+: /) {
			split(substr($0, 1, RLENGTH), f, ": "); n = 1
			if (f[2] == "visit-by-other" && match($0, / made [0-9]+ visits /))
				n = substr($0, RSTART + 6, RLENGTH - 14) + 0
			c[f[2]] += n
		}
		END { for (k in c) if (k != "overdue" && k != "never-visited") print "count " k " " c[k] }'
	"$bin" visits -d "$1" --as-of $as_of --every "$every" --format csv -o "$2" 2>/dev/null
	echo "status $?"
}

for run in "4000 11 zh" "2500 5 en"; do
	set -- $run
	dir=$scratch/roster-$2
	"$gen" --households "$1" --seed "$2" --lang "$3" --previous "$dir/mapping.csv" \
		--visits "$dir/visits.csv" -o "$dir" 2>/dev/null || { bad "gen_roster failed"; continue; }
	recount "$dir" "$scratch/want.csv" | sort >"$scratch/want"
	measure "$dir" "$scratch/got.csv" >"$scratch/got.raw"
	grep -qx 'status 1' "$scratch/got.raw" || bad "seed $2: exit $(sed -n 's/^status //p' "$scratch/got.raw"), want 1"
	# codes the text form never printed count 0
	for code in unknown-household unknown-member bad-date future-date visit-by-other; do
		grep -q "^count $code " "$scratch/got.raw" || echo "count $code 0" >>"$scratch/got.raw"
	done
	grep '^count ' "$scratch/got.raw" | sort >"$scratch/got"
	cmp -s "$scratch/want" "$scratch/got" || { bad "seed $2: counts differ"; diff "$scratch/want" "$scratch/got"; }
	cmp -s "$scratch/want.csv" "$scratch/got.csv" ||
		{ bad "seed $2: overdue rows differ"; diff "$scratch/want.csv" "$scratch/got.csv" | head; }
	for k in visits visit-by-other bad-date future-date unknown-member unknown-household never_visited; do
		grep -q "^count $k [1-9]" "$scratch/want" || bad "seed $2: the generated log has no $k to count"
	done
done
[ $fail = 0 ] && echo "visits-recount: every count agrees with the recount on two generated logs"
exit $fail

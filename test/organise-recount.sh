#!/bin/sh
# organise-recount.sh: on rosters from tools/gen_roster (Party groups and roles, and a previous mapping
# with stale and unknown members; every 29th household made vacant), every count of `lianhu organise --format json` and every building's
# responsible member equal an independent recount written here in awk from SPEC 5.6.
# Usage: sh test/organise-recount.sh ./lianhu build/plain/gen_roster
set -u
bin=$1
gen=$2
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0

# The recount: prints "key value" lines for the totals and the codes, then "responsible B M" lines.
recount() {
	awk -F, -v scope="$2" -v min_group="$3" -v max_load=15 '
	function col(name,    i) { for (i = 1; i <= NF; i++) if ($i == name) return i; return 0 }
	function pick(names,    n, a, i, c) {
		n = split(names, a, "|")
		for (i = 1; i <= n; i++) if ((c = col(a[i])) > 0) return c
		print "recount: no column " names > "/dev/stderr"; exit 2
	}
	function has(roles, word,    n, a, i) {
		n = split(roles, a, /、|\//)
		for (i = 1; i <= n; i++) if (tolower(a[i]) == word) return 1
		return 0
	}
	FNR == 1 { file++ }
	/"/ { print "recount: a quoted field; this awk reads plain fields only" > "/dev/stderr"; exit 2 }
	file == 1 && FNR == 1 { bid = pick("楼栋编号|building_id"); gid = pick("网格编号|grid_id")
		com = pick("村社区|community"); twn = pick("乡镇|township"); next }
	file == 1 { nb++; border[nb] = $bid; bgrid[$bid] = $gid
		place[$gid] = ($com == "" ? "" : $com SUBSEP $twn)
		if (!($gid in gseen)) { gseen[$gid] = 1; ng++; gorder[ng] = $gid }
		if (place[$gid] != "" && !(place[$gid] in cseen)) { cseen[place[$gid]] = 1; nc++; corder[nc] = place[$gid] }
		next }
	file == 2 && FNR == 1 { hid = pick("户编号|household_id"); hb = pick("楼栋编号|building_id")
		hk = pick("类型|kind"); next }
	file == 2 && ($hk == "空挂户" || $hk == "vacant") { next }	# counted nowhere
	file == 2 { hbuilding[$hid] = $hb; hcount[$hb]++; gcount[bgrid[$hb]]++; ccount[place[bgrid[$hb]]]++
		nh++; horder[nh] = $hid; next }
	file == 3 && FNR == 1 { mid = pick("党员编号|member_id"); mb = pick("居住楼栋|building_id")
		mg = pick("网格编号|grid_id"); ms = pick("状态|status"); mc = pick("联系户上限|capacity")
		mgr = pick("党小组|group"); mr = pick("职务|role"); next }
	file == 3 { m = $mid; nm++; morder[m] = nm
		mbuilding[m] = $mb; mgrid[m] = ($mb != "" ? bgrid[$mb] : $mg)
		cap = ($mc == "" ? max_load : $mc + 0)
		st = tolower($ms)
		eligible[m] = (st == "" || st == "active" || st == "正常" || st == "在岗") && cap > 0
		c = place[mgrid[m]]
		if (c != "") { cmembers[c]++; if (has($mr, "支部书记") || has($mr, "secretary")) secretary[c] = 1 }
		if ($mgr != "") {
			k = c SUBSEP $mgr
			if (!(k in size)) { ngroups++ }
			size[k]++
			if (has($mr, "党小组长") || has($mr, "group-leader")) leader[k] = 1
			served[mgrid[m]] = 1
		}
		next }
	file == 4 && FNR == 1 { xh = pick("household_id"); xm = pick("member_id"); next }
	file == 4 { if (($xh in hbuilding) && !($xh in first)) first[$xh] = $xm; next }
	END {
		for (i = 1; i <= nh; i++) {
			h = horder[i]; m = first[h]; b = hbuilding[h]
			if (m == "" || !(m in morder) || !eligible[m]) continue
			tier = (mbuilding[m] == b ? 0 : mgrid[m] == bgrid[b] ? 1 : \
			    place[mgrid[m]] != "" && place[mgrid[m]] == place[bgrid[b]] ? 2 : 3)
			if (tier > scope) continue
			votes[b, m]++
			if (votes[b, m] > best[b] || (votes[b, m] == best[b] && morder[m] < morder[resp[b]])) {
				best[b] = votes[b, m]; resp[b] = m
			}
		}
		for (i = 1; i <= ng; i++) if (gcount[gorder[i]] > 0) { grids++; if (gorder[i] in served) gs++; else gwg++ }
		for (k in size) { if (k in leader) gwl++; else gnl++; if (size[k] < min_group) small++ }
		for (i = 1; i <= nc; i++) { c = corder[i]
			if (ccount[c] > 0 || cmembers[c] > 0) { comms++; if (c in secretary) cws++; else cns++ } }
		for (i = 1; i <= nb; i++) if (hcount[border[i]] > 0) { blds++; if (border[i] in resp) bwm++; else bnm++ }
		printf "grids %d\ngrids_served %d\ngroups %d\ngroups_with_leader %d\n", grids, gs, ngroups, gwl
		printf "communities %d\ncommunities_with_secretary %d\nbuildings %d\nbuildings_with_member %d\n", comms, cws, blds, bwm
		printf "grid-without-group %d\ngroup-without-leader %d\nsmall-group %d\n", gwg, gnl, small
		printf "community-without-secretary %d\nbuilding-without-member %d\n", cns, bnm
		for (i = 1; i <= nb; i++) if (hcount[border[i]] > 0) printf "responsible %s %s\n", border[i], resp[border[i]]
	}' "$1/buildings.csv" "$1/households.csv" "$1/members.csv" "$1/previous.csv"
}

# The same lines from lianhu's JSON.
reported() {
	"$bin" organise -d "$1" --mapping "$1/previous.csv" --scope "$2" --min-group "$3" --format json \
	    2>/dev/null | awk '
	/"building_id":/ { gsub(/[",\t:]/, " "); b = $2; next }
	/"member_id":/ { gsub(/[",\t:]/, " "); printf "responsible %s %s\n", b, $2; next }
	/^\t"[a-z_]+":\t[0-9]+,?$/ || /^\t\t"[a-z-]+":\t[0-9]+,?$/ { gsub(/[",\t:]/, " "); print $1, $2 }'
}

run() {	# name, gen_roster options, scope, min-group
	dir="$scratch/$1"
	"$gen" $2 --divisions "$root/tools/data/bayannur.csv" --previous "$dir/previous.csv" -o "$dir" \
	    2>/dev/null || { echo "organise-recount: gen_roster failed ($2)"; fail=1; return; }
	# every 29th household vacant (空挂户): counted nowhere
	awk -F, -v OFS=, 'NR > 1 && NR % 29 == 0 { $5 = ($5 ~ /^[a-z]/ ? "vacant" : "空挂户") } 1' \
	    "$dir/households.csv" >"$dir/h.csv" && mv "$dir/h.csv" "$dir/households.csv"
	case $3 in building) s=0 ;; grid) s=1 ;; community) s=2 ;; *) s=3 ;; esac
	recount "$dir" "$s" "$4" >"$dir/want" || { echo "organise-recount: the recount failed"; fail=1; return; }
	reported "$dir" "$3" "$4" >"$dir/got"
	if ! cmp -s "$dir/want" "$dir/got"; then
		echo "organise-recount: $1 differs from the recount:"; diff "$dir/want" "$dir/got" | head -20; fail=1
		return
	fi
	[ "$(grep -c '^responsible' "$dir/want")" -gt 0 ] || { echo "organise-recount: $1 has no buildings"; fail=1; }
	echo "organise-recount: $1: $(grep -v '^responsible' "$dir/want" | tr '\n' ' ')"
}

run zh "--households 30000 --seed 7" community 3
run en "--households 8000 --seed 3 --lang en" grid 25
run wide "--households 12000 --seed 11" township 40
exit $fail

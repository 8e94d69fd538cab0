# recompute.awk: recomputes assign's --summary numbers from the roster and the written mapping.
# Arguments: members.csv households.csv mapping.csv summary.json (comma-separated, no quoted fields).
function trim(s) { sub(/^\357\273\277/, "", s); gsub(/^[ \t]+|[ \t\r]+$/, "", s); return s }
function column(names,    i, n, want, k) {
	n = split(names, want, "|")
	for (i = 1; i <= NF; i++)
		for (k = 1; k <= n; k++)
			if (tolower(trim($i)) == want[k])
				return i
	print "no column " names " in " FILENAME
	exit 1
}
BEGIN { FS = ","; tiers["building"] = 0; tiers["grid"] = 1; tiers["community"] = 2; tiers["township"] = 3 }
FNR == 1 { file++ }
file == 1 && FNR == 1 { mid = column("member_id|党员编号|编号"); mcap = column("capacity|联系户上限|上限");
	mstat = column("status|状态"); next }
file == 1 {
	members++
	status = tolower(trim($mstat)); cap = trim($mcap)
	if ((status == "" || status == "active" || status == "正常" || status == "在岗") && cap != "0" && !(cap ~ /^0+$/)) {
		eligible[trim($mid)] = 1; neligible++
	}
	next
}
file == 2 && FNR == 1 { hid = column("household_id|户编号|户号"); hprio = column("priority|重点户|重点|标签"); next }
file == 2 {
	p = tolower(trim($hprio))
	if (!(p == "" || p == "0" || p == "no" || p == "n" || p == "false" || p == "否")) {
		priority[trim($hid)] = 1; npriority++
	}
	next
}
file == 3 && FNR == 1 { xh = column("household_id"); xm = column("member_id"); xt = column("tier"); next }
file == 3 {
	households++
	m = trim($xm)
	if (m == "")
		next
	if (!(m in eligible))
		print "row " FNR ": member " m " is not eligible"
	covered++
	if (trim($xh) in priority)
		pcovered++
	t = trim($xt)
	if (!(t in tiers))
		print "row " FNR ": bad tier '" t "'"
	count[t]++; tier_sum += tiers[t]
	load[m]++
	next
}
file == 4 {
	if (match($0, /"[a-z_]+":[ \t]*[0-9]+/)) {
		key = substr($0, RSTART + 1, RLENGTH); sub(/".*/, "", key)
		val = substr($0, RSTART, RLENGTH); sub(/.*:[ \t]*/, "", val)
		json[key] = val
	}
}
END {
	for (m in load) {
		used++; squares += load[m] * load[m]
		if (load[m] > max) max = load[m]
	}
	want["households"] = households; want["priority_households"] = npriority
	want["covered"] = covered; want["priority_covered"] = pcovered
	want["members"] = members; want["eligible_members"] = neligible
	want["idle_members"] = neligible - used; want["changed"] = 0
	want["tier_sum"] = tier_sum; want["load_square_sum"] = squares; want["max_load"] = max
	want["building"] = count["building"]; want["grid"] = count["grid"]
	want["community"] = count["community"]; want["township"] = count["township"]
	n = split("households priority_households covered priority_covered members eligible_members " \
	    "idle_members changed tier_sum load_square_sum max_load building grid community township", keys, " ")
	for (i = 1; i <= n; i++) {
		k = keys[i]
		printf "%s %s %s\n", k, json[k], (json[k] == want[k] + 0 ? "ok" : "MISMATCH: recomputed " want[k] + 0)
	}
}

#!/bin/sh
# lists-pdf.sh: prints the example's HTML contact cards to PDF with headless Chromium and checks that the
# PDF has one page per member with households, each page naming its member, in the order of the lists,
# under the card's title and above its visit record (the record fills the page, never a second one).
# Then the change notices (diff -d, --format html) of a year on: one page a member to tell, each naming
# its member under the notice's title.
# usage: lists-pdf.sh LIANHU
# Without chromium or poppler-utils (pdfinfo, pdftotext) it skips and exits 0, unless LIANHU_REQUIRE_BROWSER
# is set: then a missing tool is a failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
# The catalogs `make` compiles: a sanitized binary has no build/ beside it to find them from.
export LIANHU_LOCALEDIR="$(cd "$(dirname "$0")/../.." && pwd)/build/locale"
examples=$(cd "$(dirname "$0")/../../examples" && pwd)
fail() { echo "lists-pdf: FAIL: $*"; exit 1; }

browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
missing=""
[ -n "$browser" ] || missing=" chromium"
for tool in pdfinfo pdftotext; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	[ -z "${LIANHU_REQUIRE_BROWSER+set}" ] ||
		fail "missing$missing and LIANHU_REQUIRE_BROWSER is set" \
		    "(apt-get install chromium poppler-utils)"
	echo "lists-pdf: skipped: missing$missing (apt-get install chromium poppler-utils)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
roster="$examples/longshenghe"
"$bin" assign -d "$roster" -o "$tmp/mapping.csv" 2>/dev/null
[ $? -le 1 ] || fail "lianhu assign failed"
"$bin" lists --lang zh -d "$roster" --mapping "$tmp/mapping.csv" --format html -o "$tmp/lists.html" 2>/dev/null ||
	fail "lianhu lists --format html failed"
"$bin" lists -d "$roster" --mapping "$tmp/mapping.csv" --format csv -o "$tmp/lists.csv" 2>/dev/null ||
	fail "lianhu lists --format csv failed"
# The members with households, in the order of the lists (the example has no quoted fields to trip cut).
! grep -q '"' "$tmp/lists.csv" || fail "the example's lists have quoted fields; this test cannot read them"
tail -n +2 "$tmp/lists.csv" | cut -d, -f1 | uniq > "$tmp/members"
want=$(wc -l < "$tmp/members")
[ "$want" -gt 1 ] || fail "the example has only $want members with households"

# print_pdf HTML PDF: prints the page as Chromium does, headers and footers off.
print_pdf() {
	rm -rf "$tmp/profile"
	timeout 300 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--no-pdf-header-footer --user-data-dir="$tmp/profile" --print-to-pdf="$2" "file://$1" \
		>"$tmp/browser.log" 2>&1
	[ -s "$2" ] || { tail -5 "$tmp/browser.log"; fail "$browser wrote no PDF"; }
}
# check_pages PDF IDS REGEX WHAT: the PDF has a page per line of IDS, page i naming ID i and matching
# REGEX (title, fields, tables); sets $pages (pdftotext ends every page with a form feed).
check_pages() {
	want=$(wc -l <"$2")
	pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
	[ "$pages" = "$want" ] || fail "$1 has $pages pages for $want $4"
	pdftotext -layout "$1" "$tmp/pages.txt" || fail "pdftotext failed"
	awk 'NR == FNR { id[FNR] = $0; next }
		FNR <= n && index($0, id[FNR]) == 0 { print "page " FNR " does not name member " id[FNR]; bad = 1 }
		FNR <= n && $0 !~ re { print "page " FNR " lacks its title, fields or tables"; bad = 1 }
		END { exit bad }' n="$want" re="$3" "$2" RS='\f' "$tmp/pages.txt" >"$tmp/pages.log" ||
		fail "$1: $(head -3 "$tmp/pages.log")"
}
print_pdf "$tmp/lists.html" "$tmp/lists.pdf"
# Page i is member i's card: title, fields, the households, the visit record.
check_pages "$tmp/lists.pdf" "$tmp/members" '党员联系户联系卡.*联系党员.*走访记录.*户主签字' \
	"members with households"
echo "lists-pdf: $pages pages for $want members with households, each a card naming its member"

# A year on: DY0001 has moved away (流动) and every 50th household has left the roster.
mkdir "$tmp/2027"
cp "$roster/buildings.csv" "$tmp/2027/"
awk -F, 'NR == 1 || NR % 50 != 8' "$roster/households.csv" >"$tmp/2027/households.csv"
awk -F, -v OFS=, '$1 == "DY0001" { $7 = "流动" } 1' "$roster/members.csv" >"$tmp/2027/members.csv"
"$bin" assign -d "$tmp/2027" --previous "$tmp/mapping.csv" -o "$tmp/2027/mapping.csv" 2>/dev/null
[ $? -le 1 ] || fail "lianhu assign of 2027 failed"
"$bin" diff --lang zh "$tmp/mapping.csv" "$tmp/2027/mapping.csv" -d "$tmp/2027" -o "$tmp/notices.html" \
	2>/dev/null
[ $? -eq 1 ] || fail "lianhu diff --format html did not find the changes"
"$bin" diff "$tmp/mapping.csv" "$tmp/2027/mapping.csv" -d "$tmp/2027" --format csv 2>/dev/null |
	tail -n +2 | cut -d, -f1 | uniq >"$tmp/told"
[ "$(wc -l <"$tmp/told")" -gt 1 ] || fail "only $(wc -l <"$tmp/told") members to tell"
print_pdf "$tmp/notices.html" "$tmp/notices.pdf"
check_pages "$tmp/notices.pdf" "$tmp/told" '党员联系户变更通知.*新增联系户.*不再联系的户.*党员签收' \
	"members to tell"
echo "lists-pdf: $pages pages of change notices for $want members to tell, each naming its member"

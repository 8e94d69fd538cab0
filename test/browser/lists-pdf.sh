#!/bin/sh
# lists-pdf.sh: prints the example's HTML contact cards to PDF with headless Chromium and checks that the
# PDF has one page per member with households, each page naming its member, in the order of the lists,
# under the card's title and above its visit record (the record fills the page, never a second one).
# usage: lists-pdf.sh LIANHU
# Without chromium or poppler-utils (pdfinfo, pdftotext) it skips and exits 0, unless LIANHU_REQUIRE_BROWSER
# is set: then a missing tool is a failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
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

timeout 300 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--no-pdf-header-footer --user-data-dir="$tmp/profile" --print-to-pdf="$tmp/lists.pdf" "file://$tmp/lists.html" \
	>"$tmp/browser.log" 2>&1
[ -s "$tmp/lists.pdf" ] || { tail -5 "$tmp/browser.log"; fail "$browser wrote no PDF"; }

pages=$(pdfinfo "$tmp/lists.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = "$want" ] || fail "the PDF has $pages pages for $want members with households"
# Page i names member i, under the title, above the visit record (pdftotext ends every page with a form feed).
pdftotext -layout "$tmp/lists.pdf" "$tmp/lists.txt" || fail "pdftotext failed"
awk 'NR == FNR { id[FNR] = $0; next }
	FNR <= n && index($0, id[FNR]) == 0 { print "page " FNR " does not name member " id[FNR]; bad = 1 }
	FNR <= n && !/党员联系户联系卡.*联系党员.*走访记录.*户主签字/ {
		print "page " FNR " lacks the title, the fields or the visit record"; bad = 1 }
	END { exit bad }' n="$want" "$tmp/members" RS='\f' "$tmp/lists.txt" > "$tmp/pages.log" ||
	fail "$(head -3 "$tmp/pages.log")"
echo "lists-pdf: $pages pages for $want members with households, each a card naming its member"

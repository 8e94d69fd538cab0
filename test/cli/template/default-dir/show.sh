# show.sh DIR: each file's first three bytes in hex (the BOM), its count of CRLF line ends, its text without CRs.
for f in buildings households members visits; do
	echo "== $f.csv"
	od -An -tx1 -N3 "$1/$f.csv"
	printf 'crlf lines: '; grep -c "$(printf '\r')\$" "$1/$f.csv"
	tail -c +4 "$1/$f.csv" | tr -d '\r'
done

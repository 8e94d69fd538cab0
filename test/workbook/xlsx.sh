#!/bin/sh
# xlsx.sh OUT.xlsx DIR: zips the XML parts under DIR into the workbook OUT.xlsx, as Excel, WPS or a web export
# would have written them, so that each pitfall of real files is a readable fixture instead of an opaque binary.
# DIR holds the parts at their places in the package (xl/worksheets/NAME.xml, xl/sharedStrings.xml, ...);
# what it lacks is added: [Content_Types].xml, _rels/.rels, xl/workbook.xml (one sheet per file in
# xl/worksheets, named after it, in name order) and xl/_rels/workbook.xml.rels (with the shared strings
# and styles when DIR has them). A part DIR gives is kept as it is, so a case can write its own
# (sheets named otherwise, absolute targets, the 1904 date system).
set -eu
out=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$src"/. "$work"/
mkdir -p "$work/_rels" "$work/xl/_rels"
ns=http://schemas.openxmlformats.org
if [ ! -f "$work/[Content_Types].xml" ]; then
	cat >"$work/[Content_Types].xml" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="$ns/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>
EOF
fi
if [ ! -f "$work/_rels/.rels" ]; then
	cat >"$work/_rels/.rels" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="$ns/package/2006/relationships"><Relationship Id="rId1" Type="$ns/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
EOF
fi
sheets=$(cd "$work/xl/worksheets" 2>/dev/null && ls | sed -n 's/\.xml$//p' | LC_ALL=C sort)
if [ ! -f "$work/xl/workbook.xml" ]; then
	{
		printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		printf '<workbook xmlns="%s/spreadsheetml/2006/main" xmlns:r="%s/officeDocument/2006/relationships"><sheets>' "$ns" "$ns"
		i=0
		for s in $sheets; do
			i=$((i + 1))
			printf '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' "$s" $i $i
		done
		printf '</sheets></workbook>\n'
	} >"$work/xl/workbook.xml"
fi
if [ ! -f "$work/xl/_rels/workbook.xml.rels" ]; then
	{
		printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		printf '<Relationships xmlns="%s/package/2006/relationships">' "$ns"
		i=0
		for s in $sheets; do
			i=$((i + 1))
			printf '<Relationship Id="rId%d" Type="%s/officeDocument/2006/relationships/worksheet" Target="worksheets/%s.xml"/>' $i "$ns" "$s"
		done
		[ -f "$work/xl/sharedStrings.xml" ] &&
			printf '<Relationship Id="rIdS" Type="%s/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' "$ns"
		[ -f "$work/xl/styles.xml" ] &&
			printf '<Relationship Id="rIdT" Type="%s/officeDocument/2006/relationships/styles" Target="styles.xml"/>' "$ns"
		printf '</Relationships>\n'
	} >"$work/xl/_rels/workbook.xml.rels"
fi
rm -f "$out"
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
(cd "$work" && zip -q -X -r "$out" .)

#!/bin/sh
# seeds.sh: rewrites the seed corpora test/fuzz/corpus/{roster,mapping} (small rosters and mappings in every
# encoding and CSV shape the readers meet). Each seed is a control byte, then the file(s); see fuzz_*.c.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
R=$here/corpus/roster
W=$here/corpus/workbook
M=$here/corpus/mapping
rm -rf "$R" "$M" "$W"
mkdir -p "$R" "$M" "$W"

FS=$(printf '\034')	# separates buildings, households and members in a roster seed

b='building_id,grid_id,community,township,name
0101,01,红旗村,隆盛合镇,一组
0102,01,红旗村,隆盛合镇,二组
0201,02,红旗村,隆盛合镇,三组
0301,03,新地村,隆盛合镇,一组
'
h='household_id,building_id,unit,room,kind,head,phone,priority
0101001,0101,,1,resident,王建国,13904781201,
0101002,0101,,2,resident,李秀英,13904781202,独居老人
0102001,0102,,1,resident,刘桂兰,,
0102002,0102,,3,shop,赵德成,13514780021,
0201001,0201,,2,resident,陈永福,18647801156,低保
0301001,0301,,1,resident,孙淑珍,15134780411,
'
m='member_id,name,building_id,grid_id,branch,capacity,status,phone
DY001,王志刚,0101,01,红旗村党支部,,active,13904781288
DY002,李红梅,0201,02,红旗村党支部,1,active,15847810199
DY003,张永强,0102,01,红旗村党支部,,mobile,13514780388
DY004,刘慧,,03,新地村党支部,0,active,18647800477
'
bz='楼栋编号,网格编号,村社区,乡镇,名称
A1,G1,合同村,隆盛合镇,一组
A2,G1,合同村,隆盛合镇,二组
'
hz='户编号,楼栋编号,单元,房号,类型,户主,联系电话,重点户
H1,A1,,1,住户,熊金军,16746049132,
H2,A2,,2,商户,张旺玉,13702736897,独居老人
'
mz='党员编号,姓名,居住楼栋,网格编号,所在支部,联系户上限,状态,联系电话
D1,王成英,A1,G1,合同村党支部,,,14282423469
D2,万晨德,,G1,合同村党支部,1,流动,14135855998
'

# ctl BYTE: the control byte (octal escape for printf)
ctl() { printf "\\$1"; }
gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030; }
u16() { printf '\377\376'; printf '%s' "$1" | iconv -f UTF-8 -t UTF-16LE; }
bom() { printf '\357\273\277%s' "$1"; }
crlf() { printf '%s' "$1" | sed 's/$/\r/'; }
three() { printf '%s%s%s%s%s' "$1" "$FS" "$2" "$FS" "$3"; }

# Rosters: control 000 auto/detect, three files; 020 households only (fixed buildings and members);
# 040 through pipes; 100, 200, 300 assign's scope building, grid, township.
{ ctl 000; three "$b" "$h" "$m"; } > "$R/utf8"
{ ctl 000; three "$bz" "$hz" "$mz"; } > "$R/utf8-chinese-headers"
{ ctl 000; bom "$b"; printf '%s' "$FS"; bom "$h"; printf '%s' "$FS"; bom "$m"; } > "$R/utf8-bom"
{ ctl 000; gb "$b"; printf '%s' "$FS"; gb "$h"; printf '%s' "$FS"; gb "$m"; } > "$R/gb18030"
{ ctl 002; gb "$bz"; printf '%s' "$FS"; gb "$hz"; printf '%s' "$FS"; gb "$mz"; } > "$R/gb18030-forced"
{ ctl 000; u16 "$b"; printf '%s' "$FS"; u16 "$h"; printf '%s' "$FS"; u16 "$m"; } > "$R/utf16le-bom"
{ ctl 023; u16 "$h"; } > "$R/utf16le-forced-households"
{ ctl 022; gb "$h"; } > "$R/gb18030-forced-households"
{ ctl 020; printf '%s' "$h"; } > "$R/households"
{ ctl 000; crlf "$b"; printf '%s' "$FS"; crlf "$h"; printf '%s' "$FS"; crlf "$m"; } > "$R/crlf"
{ ctl 000; three "$(printf '%s' "$b" | tr , '\t')" "$(printf '%s' "$h" | tr , '\t')" \
    "$(printf '%s' "$m" | tr , '\t')"; } > "$R/tab"
{ ctl 014; three "$(printf '%s' "$b" | tr , ';')" "$(printf '%s' "$h" | tr , ';')" \
    "$(printf '%s' "$m" | tr , ';')"; } > "$R/semicolon-forced"
{ ctl 020; printf '%s' 'household_id,building_id,unit,room,kind,head,phone,priority
0101001,0101,,"1
2",resident,"王""建国",13904781201,
"0101002","0101","","2","resident","李秀英 ","13904781202","独居老人"

0102001,0102,,1,resident,"刘桂兰,二",,
'; } > "$R/quoted-multiline"
{ ctl 020; printf '%s' 'household_id,building_id,unit,room,kind,head,phone,priority
0101001,0101,,1,resident,王"建国,13904781201,
0101002,0101,,2,resident,"李秀英"x,13904781202,
0102001,0102,,1,resident,"刘桂兰,,
0102002,0102,,3,shop,赵德成,13514780021,
'; } > "$R/broken-quotes"
{ ctl 000; three "$b" 'household_id,building_id,unit,room,kind,head,phone,priority
0101001,0101,,1,resident,王建国,13904781201,
0101001,0999,,2,resident,李秀英,13904781202,
,0101,,3,hotel,赵德成,x,
0201001,0201,,2
' 'member_id,name,building_id,grid_id,branch,capacity,status,phone
DY001,王志刚,0101,02,红旗村党支部,-1,active,1
DY001,李红梅,0999,09,红旗村党支部,abc,retired,2
DY003,张永强,,,红旗村党支部,,,3
'; } > "$R/errors"
{ ctl 000; printf '%s%s' "$b" "$FS"; printf 'household_id,building_id\n0101001,0101\n0101002\000,0101\n'
  printf '\377\376bad,0101\n%s%s' "$FS" "$m"; } > "$R/nul-and-invalid-utf8"
{ ctl 000; three 'building_id,grid_id,building_id' '' "$m"; } > "$R/duplicate-column-empty-file"
SUB=$(printf '\032')	# a part that is only this byte names a file that does not exist
{ ctl 000; three "$b" "$SUB" "$m"; } > "$R/households-unreadable"
{ ctl 000; three "$b" "$h" "$SUB"; } > "$R/members-unreadable"
{ ctl 040; three "$b" "$h" "$m"; } > "$R/utf8-pipes"
{ ctl 040; gb "$b"; printf '%s' "$FS"; gb "$h"; printf '%s' "$FS"; gb "$m"; } > "$R/gb18030-pipes"
{ ctl 060; u16 "$h"; } > "$R/utf16le-households-pipe"
{ ctl 100; three "$b" "$h" "$m"; } > "$R/utf8-scope-building"
{ ctl 200; three "$b" "$h" "$m"; } > "$R/utf8-scope-grid"
{ ctl 300; three "$bz" "$hz" "$mz"; } > "$R/utf8-scope-township"

# Mappings: control 000 auto/detect; 060 the audit's scope township; 100 through a pipe.
mp='household_id,member_id
0101001,DY001
0101002,DY001
0102001,DY003
0201001,DY002
0201002,
'
mpz='户编号,党员编号
0101001,DY001
0301001,DY004
'
{ ctl 000; printf '%s' "$mp"; } > "$M/utf8"
{ ctl 000; printf '%s' "$mpz"; } > "$M/utf8-chinese-header"
{ ctl 000; bom "$mp"; } > "$M/utf8-bom"
{ ctl 000; gb "$mpz"; } > "$M/gb18030"
{ ctl 002; gb "$mpz"; } > "$M/gb18030-forced"
{ ctl 000; u16 "$mp"; } > "$M/utf16le-bom"
{ ctl 003; u16 "$mpz"; } > "$M/utf16le-forced"
{ ctl 000; crlf "$mp"; } > "$M/crlf"
{ ctl 060; printf '%s' 'household_id,member_id,building_id,grid_id,community,township,member_name,tier
0101001,DY001,0101,01,红旗村,隆盛合镇,王志刚,building
0101002,DY002,0101,01,红旗村,隆盛合镇,李红梅,community
0102001,DY003,0102,01,红旗村,隆盛合镇,张永强,building
0102002,DY004,0102,01,红旗村,隆盛合镇,刘慧,
0201001,,0201,02,红旗村,隆盛合镇,,
'; } > "$M/assign-output-township"
{ ctl 000; printf '%s' 'household_id,member_id
0101001,DY001
0101001,DY002
9999999,DY001
0102001,DY999
0201001,DY001
0201002,DY001
0301001,DY001
'; } > "$M/findings"
{ ctl 000; printf '%s' 'member_id,household_id,note
"DY001","0101001","a
b"
DY002 , 0201001 ,"say ""hi"""
'; } > "$M/quoted-multiline"
{ ctl 000; printf '%s' 'household_id,member_id
0101001,DY"001
"0101002"x,DY001
0102001,"DY003
'; } > "$M/broken-quotes"
{ ctl 000; printf '%s' 'household_id,member_id
0101001
0101002,DY001,extra
,DY001
'; } > "$M/field-count"
{ ctl 014; printf '%s' 'household_id;member_id
0101001;DY001
'; } > "$M/semicolon-forced"
{ ctl 100; printf '%s' "$mp"; } > "$M/utf8-pipe"
{ ctl 102; gb "$mpz"; } > "$M/gb18030-forced-pipe"

# Workbooks (fuzz_workbook): control 001 a whole file (the .xlsx fixtures of test/workbook zipped by
# xlsx.sh, the .xls fixtures); 000 and 004 sheet, shared strings, styles and workbook XML separated by 0x1c,
# zipped by the harness (stored, deflated); 002 the sheet needed.
WB=$here/../workbook
for f in pitfalls merged rels; do
	sh "$WB/xlsx.sh" "$W/$f.tmp.xlsx" "$WB/$f"
	{ ctl 001; cat "$W/$f.tmp.xlsx"; } >"$W/file-$f"
	rm "$W/$f.tmp.xlsx"
done
for f in "$WB"/xls/*.xls; do { ctl 001; cat "$f"; } >"$W/file-$(basename "$f" .xls)-xls"; done
P=$WB/pitfalls/xl
{ ctl 000; cat "$P/worksheets/Sheet1.xml"; printf '%s' "$FS"; cat "$P/sharedStrings.xml"; printf '%s' "$FS";
	cat "$P/styles.xml"; } >"$W/parts-pitfalls"
{ ctl 004; cat "$WB/merged/xl/worksheets/Sheet1.xml"; } >"$W/parts-merged-deflated"
{ ctl 002; cat "$WB/rels/xl/worksheets/wps-b.xml"; printf '%s%s' "$FS" "$FS"; cat "$WB/rels/xl/styles.xml";
	printf '%s' "$FS"; cat "$WB/rels/xl/workbook.xml"; } >"$W/parts-wps-1904"

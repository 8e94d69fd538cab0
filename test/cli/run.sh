#!/bin/sh
# run.sh: runs every CLI golden case under test/cli and compares stdout, stderr and exit status.
# A case is a folder with `cmd` (a shell script run in a scratch copy of the folder, `lianhu` on PATH),
# and the expected `stdout`, `stderr` (absent: empty) and `status` (absent: 0).
# UPDATE=1 rewrites the expected files from what the program does now (read the diff before committing);
# a second argument limits the run to the cases whose name starts with it (e.g. "assign/").
# The test tools (csv2xlsx) are on PATH too, from LIANHU_TOOLS (default build/plain/tools); a case's cmd
# finds the workbook fixture builder as "$WORKBOOKS/xlsx.sh".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
# Dates printed on cards and notices are SOURCE_DATE_EPOCH's: 2026-06-30 in every case.
# The catalogs `make` compiles, for the cases under i18n/ (a sanitized binary has no build/ beside it).
locales=$(cd "$here/../.." && pwd)/build/locale
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin"
ln -s "$bin" "$scratch/bin/lianhu"
tools=$(cd "$here/../.." && pwd)/${LIANHU_TOOLS:-build/plain/tools}
for t in "$tools"/*; do [ -x "$t" ] && ln -s "$t" "$scratch/bin/"; done
pass=0 fail=0
for cmdfile in $(find "$here" -name cmd -type f | sort); do
	case_dir=$(dirname "$cmdfile")
	name=${case_dir#"$here"/}
	case $name in "${2:-}"*) ;; *) continue ;; esac
	work="$scratch/case"
	rm -rf "$work" && cp -R "$case_dir" "$work"
	status=0
	(cd "$work" && PATH="$scratch/bin:$PATH" LANG=C LC_ALL=C.UTF-8 EXAMPLES="$here/../../examples" SOURCE_DATE_EPOCH=1782777600 \
		WORKBOOKS="$here/../workbook" \
		LIANHU_LOCALEDIR="$locales" sh ./cmd >"$scratch/out" 2>"$scratch/err") || status=$?
	want_status=0
	[ -f "$case_dir/status" ] && want_status=$(cat "$case_dir/status")
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$scratch/out" "$case_dir/stdout"; cp "$scratch/err" "$case_dir/stderr"
		echo "$status" > "$case_dir/status"
		[ -s "$case_dir/stdout" ] || rm -f "$case_dir/stdout"
		[ -s "$case_dir/stderr" ] || rm -f "$case_dir/stderr"
		[ "$status" = 0 ] && rm -f "$case_dir/status"
		continue
	fi
	ok=1
	[ "$status" = "$want_status" ] || { echo "FAIL $name: status $status, want $want_status"; ok=0; }
	for stream in stdout stderr; do
		want="$case_dir/$stream"; [ -f "$want" ] || want=/dev/null
		got="$scratch/out"; [ $stream = stderr ] && got="$scratch/err"
		if ! cmp -s "$want" "$got"; then
			echo "FAIL $name: $stream differs"; diff -u "$want" "$got" | head -20; ok=0
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]

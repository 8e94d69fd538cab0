#!/bin/sh
# readme.sh: the README never lies. Every ```sh block after a line <!-- recipe --> runs, in README
# order, with `sh -e` in one scratch folder that holds a copy of examples/, with `lianhu` on PATH
# (and an xdg-open that checks the workbook it is given); it must exit 0, so a recipe asserts the
# statuses it expects itself (`lianhu audit ... || [ $? -eq 1 ]`). Every block after
# <!-- transcript --> is a session: lines "$ COMMAND" run in order in another scratch copy (with
# ./lianhu), and what they print, standard error included, must be the other lines of the block
# ("..." stands for any lines). A block using `lianhu report` or `lianhu lists` is skipped (SKIP)
# while that command is missing.
# Usage: sh test/readme.sh ./lianhu [README.md]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
readme=${2:-$root/README.md}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin" "$scratch/blocks" "$scratch/work" "$scratch/walk"
ln -s "$bin" "$scratch/bin/lianhu"
ln -s "$bin" "$scratch/walk/lianhu"
cp -R "$root/examples" "$scratch/work/examples"
cp -R "$root/examples" "$scratch/walk/examples"
cat >"$scratch/bin/xdg-open" <<'EOF'
#!/bin/sh
# xdg-open of test/readme.sh: instead of opening the spreadsheet, check that $1 is an xlsx workbook.
if [ $# -eq 1 ] && [ -s "$1" ] && [ "$(head -c 2 "$1")" = PK ] && grep -qa 'xl/workbook.xml' "$1"; then
	echo "xdg-open: $1 is a workbook"
	exit 0
fi
echo "xdg-open: '$*' is not an xlsx workbook" >&2
exit 1
EOF
chmod +x "$scratch/bin/xdg-open"
# The catalogs `make` compiles: a sanitized binary has no build/ beside it to find them from.
export LIANHU_LOCALEDIR="$(cd "$(dirname "$0")/.." && pwd)/build/locale"
export PATH="$scratch/bin:$PATH" LC_ALL=C.UTF-8 LANG=C.UTF-8
fail=0 passed=0 skipped=0 sessions=0
bad() { echo "readme: $*"; fail=1; }

# Cut the marked blocks out of the README: blocks/NNN-LINE.recipe and blocks/NNN-LINE.transcript,
# LINE being the README line of the block's first command.
awk -v dir="$scratch/blocks" -v readme="$readme" '
	/^<!-- (recipe|transcript) -->$/ { kind = $2; marked = NR; next }
	!inside && /^```sh$/ {
		if (kind == "") { unmarked++; skip = 1; next }
		n++; out = sprintf("%s/%03d-%d.%s", dir, n, NR + 1, kind); inside = 1; kind = ""; next
	}
	skip && /^```$/ { skip = 0; next }
	inside && /^```$/ { close(out); inside = 0; next }
	inside { print > out; next }
	kind != "" && NF { printf "readme: %s:%d: a %s marker not followed by a ```sh block\n", readme, marked, kind; bad = 1; kind = "" }
	END {
		if (inside) { printf "readme: %s: unterminated ```sh block\n", readme; bad = 1 }
		printf "%d\n", unmarked > (dir "/unmarked")
		exit bad
	}' "$readme" || fail=1
for kind in recipe transcript; do
	set -- "$scratch"/blocks/*."$kind"
	[ -e "$1" ] || bad "$readme has no <!-- $kind --> blocks"
done

# Matches expected lines (file 1, "..." for any lines) against actual ones (file 2); exit 0 when they agree.
match_lines() {
	awk 'FNR == NR { want[++nw] = $0; next } { got[++ng] = $0 }
		function m(i, j,    k) {
			if (i > nw) return j > ng
			if (want[i] == "...") {
				for (k = j; k <= ng + 1; k++)
					if (m(i + 1, k)) return 1
				return 0
			}
			return j <= ng && want[i] == got[j] && m(i + 1, j + 1)
		}
		END { exit !m(1, 1) }' "$1" "$2"
}

# Line-buffered standard output, as on a terminal, so that it interleaves with standard error as
# the README shows; stdbuf preloads a library, which AddressSanitizer must be told to accept.
buffered=""
if command -v stdbuf >/dev/null 2>&1; then
	buffered="stdbuf -oL"
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
fi
for block in "$scratch"/blocks/*; do
	[ "$(basename "$block")" = unmarked ] && continue
	name=$(basename "$block")
	line=${name#*-}; line=${line%%.*}
	missing=""
	for cmd in report lists; do
		grep -q "lianhu $cmd" "$block" && ! lianhu "$cmd" --help >/dev/null 2>&1 && missing="$missing $cmd"
	done
	if [ -n "$missing" ]; then
		echo "readme: SKIP the ${name#*.} at README.md:$line: lianhu lacks$missing"
		skipped=$((skipped + 1))
		continue
	fi
	case $name in
	*.recipe)
		status=0
		(cd "$scratch/work" && sh -e -x "$block") >"$scratch/out" 2>&1 || status=$?
		if [ $status = 0 ]; then
			passed=$((passed + 1))
		else
			bad "the recipe at README.md:$line exits $status at: $(grep '^+ ' "$scratch/out" | tail -n 1)"
			grep -v '^+ ' "$scratch/out" | tail -n 10 | sed 's/^/    /'
		fi
		;;
	*.transcript)
		# "$ COMMAND" lines (and the lines a trailing backslash continues) are the session.
		awk -v cmds="$scratch/cmds" -v want="$scratch/want" '
			cont { print > cmds; cont = /\\$/; next }
			/^\$ / { print substr($0, 3) > cmds; cont = /\\$/; next }
			{ print > want }' "$block"
		touch "$scratch/cmds" "$scratch/want"
		(cd "$scratch/walk" && $buffered sh "$scratch/cmds") >"$scratch/got" 2>&1
		if match_lines "$scratch/want" "$scratch/got"; then
			sessions=$((sessions + 1))
		else
			bad "the session at README.md:$line prints otherwise (- README, + now):"
			diff -u "$scratch/want" "$scratch/got" | tail -n +3 | sed 's/^/    /'
		fi
		rm -f "$scratch/cmds" "$scratch/want"
		;;
	esac
done
if [ $fail = 0 ]; then
	echo "readme: $passed recipes ran, $skipped skipped, $sessions sessions agree" \
	    "($(cat "$scratch/blocks/unmarked") unmarked sh blocks not run)"
fi
exit $fail

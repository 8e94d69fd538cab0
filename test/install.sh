#!/bin/sh
# install.sh: `make install` into a scratch DESTDIR puts exactly the binary, the Chinese catalog, the
# man page, the bash completion, the README and the examples where PREFIX says (the default /usr/local,
# then another); the installed binary runs on the installed examples, in Chinese with --lang zh from
# the installed catalog, and man finds the installed page; the
# completion offers every command, every option of each command's --help, the values of the options
# that have a fixed set, and files and folders; `make uninstall` leaves no file behind.
# Usage: sh test/install.sh [MAKE]
set -u
unset LIANHU_LOCALEDIR	# the installed binary finds its catalog by itself
make=${1:-make}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
bad() { echo "install: $*"; fail=1; }

# Building and installing never install packages (as root they would change the system).
for target in all install; do
	env MAKEFLAGS= "$make" -n -C "$root" $target SANITIZE= 2>/dev/null | grep -q 'deps\.sh' &&
	    bad "make $target would run scripts/deps.sh (installs packages)"
done

# The files install should put under $1 (a DESTDIR plus PREFIX), one a line, sorted.
expected_files() {
	{
		echo "$1/bin/lianhu"
		echo "$1/share/locale/zh_CN/LC_MESSAGES/lianhu.mo"
		echo "$1/share/man/man1/lianhu.1"
		echo "$1/share/bash-completion/completions/lianhu"
		echo "$1/share/doc/lianhu/README.md"
		(cd "$root" && find examples -type f) | sed "s|^|$1/share/doc/lianhu/|"
	} | LC_ALL=C sort
}

# Runs the installed completion for the words given (the last one is being completed); prints
# the candidates, one a line.
complete_words() {
	PATH="$bindir:$PATH" bash -c '
		source "$0" || exit 1
		COMP_WORDS=(lianhu "$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
		_lianhu lianhu "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' "$completion" "$@" 2>>"$scratch/complete.err"
}

# Checks that completing the words (the last one being completed) offers every word of $want.
offers() {
	want=$1
	shift
	got=$(complete_words "$@")
	if [ -s "$scratch/complete.err" ]; then
		bad "completing 'lianhu $*' wrote to stderr: $(cat "$scratch/complete.err")"
		: >"$scratch/complete.err"
	fi
	for w in $want; do
		printf '%s\n' "$got" | grep -qxF -- "$w" || bad "completing 'lianhu $*' does not offer '$w' (offers: $(echo $got))"
	done
}

# Checks that completing the words does not offer $1.
lacks() {
	unwanted=$1
	shift
	complete_words "$@" | grep -qxF -- "$unwanted" && bad "completing 'lianhu $*' offers '$unwanted'"
}

for prefix in default /opt/lianhu; do
	dest=$scratch/dest
	rm -rf "$dest"
	if [ $prefix = default ]; then
		args="DESTDIR=$dest" top=$dest/usr/local
	else
		args="DESTDIR=$dest PREFIX=$prefix" top=$dest$prefix
	fi
	# Not the caller's PREFIX, DESTDIR or SANITIZE: the plain binary is what gets installed.
	if ! env -u PREFIX -u DESTDIR MAKEFLAGS= "$make" -s -C "$root" install SANITIZE= $args \
	    >"$scratch/make.log" 2>&1; then
		cat "$scratch/make.log"
		bad "make install $args failed"
		continue
	fi
	expected_files "$top" >"$scratch/want"
	(find "$dest" -type f -o -type l) | LC_ALL=C sort >"$scratch/got"
	if ! cmp -s "$scratch/want" "$scratch/got"; then
		bad "make install $args installed otherwise (- expected, + installed):"
		diff -u "$scratch/want" "$scratch/got" | tail -n +3 | sed 's/^/    /'
	fi
	bindir=$top/bin
	completion=$top/share/bash-completion/completions/lianhu
	[ -x "$bindir/lianhu" ] || bad "$bindir/lianhu is not executable"
	cmp -s "$root/man/lianhu.1" "$top/share/man/man1/lianhu.1" || bad "the installed man page differs from man/lianhu.1"
	cmp -s "$root/completion/lianhu.bash" "$completion" || bad "the installed completion differs from completion/lianhu.bash"
	for f in $(cd "$root" && find examples -type f); do
		cmp -s "$root/$f" "$top/share/doc/lianhu/$f" || bad "the installed $f differs"
	done
	for f in $(find "$top/share" -type f); do
		[ -x "$f" ] && bad "$f is executable"
	done

	# The installed binary runs on the installed examples.
	lianhu=$bindir/lianhu
	"$lianhu" --version | grep -q '^lianhu ' || bad "the installed lianhu --version failed"
	"$lianhu" validate -d "$top/share/doc/lianhu/examples/quickstart" 2>"$scratch/err" ||
		bad "the installed lianhu validate failed: $(cat "$scratch/err")"
	"$lianhu" assign -d "$top/share/doc/lianhu/examples/quickstart" -o "$scratch/mapping.csv" 2>"$scratch/err" ||
		bad "the installed lianhu assign failed: $(cat "$scratch/err")"
	"$lianhu" audit -d "$top/share/doc/lianhu/examples/quickstart" --mapping "$scratch/mapping.csv" 2>/dev/null ||
		bad "the installed lianhu audit of its own mapping failed"

	# In Chinese from the installed catalog: PREFIX's share/locale is compiled in, and under DESTDIR the
	# binary finds the one beside it (../share/locale).
	catalog=share/locale/zh_CN/LC_MESSAGES/lianhu.mo
	cmp -s "$root/build/locale/zh_CN/LC_MESSAGES/lianhu.mo" "$top/$catalog" ||
		bad "the installed $catalog differs from build/locale's"
	grep -qaF "${top#"$dest"}/share/locale" "$lianhu" ||
		bad "the installed lianhu does not look for its catalog in ${top#"$dest"}/share/locale"
	zh=$("$lianhu" validate --lang zh -d "$top/share/doc/lianhu/examples/quickstart" 2>&1)
	case $zh in
	*"行；0 处错误，0 处警告") ;;
	*) bad "the installed lianhu validate --lang zh did not answer in Chinese: $zh" ;;
	esac

	# man finds the installed page by PREFIX's man tree and renders it.
	if command -v man >/dev/null 2>&1; then
		page=$(MANPAGER=cat MANWIDTH=80 man -M "$top/share/man" lianhu 2>"$scratch/err")
		printf '%s\n' "$page" | grep -q 'lianhu assign' || bad "man -M $top/share/man lianhu did not render: $(cat "$scratch/err")"
	else
		echo "install: man not installed; the installed page is not rendered"
	fi

	# The completion offers every command and every option of each command's --help.
	if [ ! -f "$completion" ]; then
		bad "no completion installed as $completion"
	elif command -v bash >/dev/null 2>&1; then
		commands=$("$lianhu" --help | awk '/^commands:/ {f = 1; next} f && !NF {exit} f {print $1}')
		offers "$commands --help --version" ""
		for cmd in $commands; do
			options=$("$lianhu" "$cmd" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+')
			[ -n "$options" ] || bad "lianhu $cmd --help lists no options"
			offers "$options" "$cmd" -
			for opt in --format --by --lang; do
				choices=$("$lianhu" "$cmd" --help | sed -n "s/^usage: .*\[$opt \([^] ]*\)\].*/\1/p" | tr '|' ' ')
				[ -n "$choices" ] && offers "$choices" "$cmd" $opt ""
			done
		done
		offers "building grid community township" audit --scope ""
		offers "auto utf-8 gb18030 utf-16" validate --encoding ""
		offers "utf-8 gb18030" assign --output-encoding ""
		offers "tab comma semicolon" assign --delimiter ""
		offers "zh en" validate --lang ""
		# The language before the command: its values, then the commands.
		offers "zh en" --lang ""
		offers "zh en" --lang = ""
		offers "$commands" --lang zh ""
		offers "--title" --lang zh lists --ti
		lacks lists --lang ""
		offers "--format=csv" report --format=c
		offers "csv" report --format = c	# as readline splits --format=c at the '='
		offers "text json" validate --format =
		# Files and folders: CSV and text files for rosters and mappings, any file for outputs.
		mkdir -p "$scratch/files/roster"
		touch "$scratch/files/a.csv" "$scratch/files/b.txt" "$scratch/files/c.json"
		cd "$scratch/files" || exit 1
		offers "a.csv b.txt roster" diff ""
		lacks c.json diff ""
		offers "a.csv roster" assign --previous ""
		lacks c.json audit --mapping ""
		offers "a.csv c.json roster" assign -o ""
		lacks a.csv lists --title ""
		offers "roster" validate -d ""
		lacks a.csv validate --dir ""
		offers "roster" template ""
		lacks a.csv template ""
		cd "$root" || exit 1
		# bash-completion (2.x) loads it on demand from DATA_DIR/bash-completion/completions, the data
		# dirs being XDG_DATA_DIRS (by default /usr/local/share and /usr/share).
		loader=/usr/share/bash-completion/bash_completion
		if [ -r "$loader" ]; then
			loaded=$(PATH="$bindir:$PATH" XDG_DATA_DIRS="$top/share" bash -c \
			    '. "$0" && __load_completion lianhu && complete -p lianhu' "$loader" 2>&1)
			[ "$loaded" = "complete -F _lianhu lianhu" ] ||
				bad "bash-completion does not load the completion from $top/share: $loaded"
		fi
	else
		bad "bash not installed; the completion is not checked"
	fi

	# Uninstall leaves no file behind.
	if ! env -u PREFIX -u DESTDIR MAKEFLAGS= "$make" -s -C "$root" uninstall $args >"$scratch/make.log" 2>&1; then
		cat "$scratch/make.log"
		bad "make uninstall $args failed"
	fi
	left=$(find "$dest" -type f -o -type l)
	[ -z "$left" ] && continue
	bad "make uninstall $args left:"
	printf '%s\n' "$left" | sed 's/^/    /'
done
[ $fail = 0 ] && echo "install: install and uninstall agree with PREFIX and DESTDIR; the completion knows every option"
exit $fail

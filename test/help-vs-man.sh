#!/bin/sh
# help-vs-man.sh: the man page and --help agree: same synopsis per command, every option of --help
# in the man page, every option of a command's man section accepted by its --help; mandoc -T lint is clean.
set -u
bin=$1
man=$(dirname "$0")/../man/lianhu.1
fail=0
bad() { echo "help-vs-man: $*"; fail=1; }
if command -v mandoc >/dev/null 2>&1; then
	lint=$(mandoc -T lint -W style "$man" 2>&1 | grep -v 'mandoc.db')
	[ -z "$lint" ] || bad "mandoc -T lint: $lint"
	synopsis=$(mandoc -T ascii -O width=1000 "$man" | sed 's/.\x08//g' |
		awk '/^SYNOPSIS/ {f = 1; next} /^[A-Z]/ {f = 0} f' | sed 's/^ *//')
else
	echo "help-vs-man: mandoc not installed; synopsis and lint not checked"
	synopsis=""
fi
commands=$("$bin" --help | awk '/^commands:/ {f = 1; next} f && !NF {exit} f {print $1}')
[ -n "$commands" ] || bad "lianhu --help lists no commands"
for cmd in $commands; do
	help=$("$bin" "$cmd" --help) || bad "lianhu $cmd --help failed"
	usage=$(printf '%s\n' "$help" | sed -n "s/^usage: lianhu //p")
	if [ -n "$synopsis" ] && ! printf '%s\n' "$synopsis" | grep -qxF "lianhu $usage"; then
		bad "synopsis of '$cmd' differs: help says 'lianhu $usage'"
	fi
	for opt in $(printf '%s\n' "$help" | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+'); do
		flag=$(printf '%s' "$opt" | sed 's/^-//')
		grep -qE "Fl $flag( |\$)" "$man" || bad "option $opt of '$cmd' is not in the man page"
	done
	section=$(awk -v c="$cmd" '$0 == ".Ss " c {f = 1; next} /^\.S[sh] / {f = 0} f' "$man")
	for flag in $(printf '%s\n' "$section" | grep -oE 'Fl -?[a-z-]+' | sed 's/^Fl //' | sort -u); do
		printf '%s\n' "$help" | grep -qE -- "(^| )-$flag([ ,]|\$)" ||
			bad "the man page gives '$cmd' option -$flag, which its --help lacks"
	done
done
[ $fail = 0 ] && echo "help-vs-man: $(echo $commands | wc -w) commands agree with the man page"
exit $fail

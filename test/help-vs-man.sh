#!/bin/sh
# help-vs-man.sh: the man page and --help agree: one synopsis line per command, the same as its --help;
# every option of a command's --help in that command's section (roster options in their own section);
# every option of a section accepted by its --help; a section for each command and no other; every
# diagnostic code and audit finding in DIAGNOSTICS; mandoc -T lint is clean.
set -u
bin=$1
here=$(dirname "$0")
man=$here/../man/lianhu.1
fail=0
bad() { echo "help-vs-man: $*"; fail=1; }

# The lines of the man page's subsection .Ss NAME, up to the next subsection or section.
section() { awk -v s="$1" '$0 == ".Ss " s {f = 1; next} /^\.S[sh] / {f = 0} f' "$man"; }

# True when the mdoc text on stdin names flag (without its first dash) with Fl.
has_flag() { grep -qE "Fl $1( |\$)"; }

if command -v mandoc >/dev/null 2>&1; then
	# "referenced manual not found" depends on the manuals this machine has, not on the page.
	lint=$(mandoc -T lint -W style "$man" 2>&1 | grep -v -e 'mandoc.db' -e 'referenced manual not found')
	[ -z "$lint" ] || bad "mandoc -T lint: $lint"
	synopsis=$(mandoc -T ascii -O width=1000 "$man" | sed 's/.\x08//g' |
		awk '/^SYNOPSIS/ {f = 1; next} /^[A-Z]/ {f = 0} f && NF' | sed 's/^ *//')
else
	echo "help-vs-man: mandoc not installed; synopsis and lint not checked"
	synopsis=""
fi
commands=$("$bin" --help | awk '/^commands:/ {f = 1; next} f && !NF {exit} f {print $1}')
[ -n "$commands" ] || bad "lianhu --help lists no commands"
roster_section=$(section "Roster options")
[ -n "$roster_section" ] || bad "the man page has no '.Ss Roster options'"
for cmd in $commands; do
	help=$("$bin" "$cmd" --help) || bad "lianhu $cmd --help failed"
	usage=$(printf '%s\n' "$help" | sed -n "s/^usage: lianhu //p")
	if [ -n "$synopsis" ] && ! printf '%s\n' "$synopsis" | grep -qxF "lianhu $usage"; then
		bad "synopsis of '$cmd' differs: help says 'lianhu $usage'"
	fi
	text=$(section "$cmd")
	if [ -z "$text" ]; then
		bad "the man page has no '.Ss $cmd' section"
		continue
	fi
	takes_roster=0
	case $usage in *"[roster options]"*) takes_roster=1 ;; esac
	if [ $takes_roster = 1 ] && ! printf '%s\n' "$text" | grep -qx '\.It Ar roster options'; then
		bad "the section of '$cmd' does not point to the roster options (.It Ar roster options)"
	fi
	for opt in $(printf '%s\n' "$help" | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+'); do
		flag=${opt#-}
		printf '%s\n' "$text" | has_flag "$flag" && continue
		[ $takes_roster = 1 ] && printf '%s\n' "$roster_section" | has_flag "$flag" && continue
		bad "option $opt of '$cmd' is not in its man section (.Ss $cmd)"
	done
	for flag in $(printf '%s\n' "$text" | grep -oE 'Fl -?[a-z-]+' | sed 's/^Fl //' | sort -u); do
		printf '%s\n' "$help" | grep -qE -- "(^| )-$flag([ ,]|\$)" ||
			bad "the man page gives '$cmd' option -$flag, which its --help lacks"
	done
done
if [ -n "$synopsis" ]; then
	want=$(($(echo $commands | wc -w) + 1))	# and lianhu --version
	got=$(printf '%s\n' "$synopsis" | grep -c '^lianhu ')
	[ "$got" = "$want" ] || bad "SYNOPSIS has $got lines, want $want (one per command and --version)"
fi
for s in $(grep -E '^\.Ss [a-z]+$' "$man" | sed 's/^\.Ss //'); do
	printf '%s\n' $commands | grep -qx "$s" || bad "the man page has a section for '$s', which lianhu --help lacks"
done

# Every diagnostic code the sources can report, and every audit finding, has its line in DIAGNOSTICS.
diagnostics=$(awk '/^\.Sh DIAGNOSTICS/ {f = 1; next} /^\.Sh / {f = 0} f' "$man")
codes=$(cat "$here"/../src/*.c | grep -oE 'diag_(error|warning)\([^"]*"[a-z-]+"' | grep -oE '"[a-z-]+"' | tr -d '"' | sort -u)
[ -n "$codes" ] || bad "found no diagnostic codes in src/*.c"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'household_id,member_id\n' >"$scratch/mapping.csv"
findings=$("$bin" audit -d "$here/../examples/quickstart" --mapping "$scratch/mapping.csv" --format json 2>/dev/null |
	awk '/"counts"/ {f = 1; next} f && /}/ {exit} f' | grep -oE '"[a-z-]+"' | tr -d '"')
[ -n "$findings" ] || bad "lianhu audit --format json gave no finding codes"
for code in $codes $findings; do
	printf '%s\n' "$diagnostics" | grep -qx "\.It Cm $code" || bad "code '$code' is not in DIAGNOSTICS"
done
[ $fail = 0 ] && echo "help-vs-man: $(echo $commands | wc -w) commands agree with the man page"
exit $fail

#!/bin/sh
# help-vs-man.sh: the man page and --help agree: one synopsis line per command, the same as its --help;
# every option of a command's --help in that command's section (roster options in their own section);
# every option of a section accepted by its --help; a section for each command and no other; every
# code of diag.c's table (test/diag_codes prints it) in DIAGNOSTICS and in docs/SPEC.md; mandoc -T lint
# is clean. Usage: help-vs-man.sh LIANHU DIAG_CODES
set -u
bin=$1
codes_bin=$2
here=$(dirname "$0")
man=$here/../man/lianhu.1
spec=$here/../docs/SPEC.md
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

# Every code of diag.c's table (printed by test/diag_codes) has its line in DIAGNOSTICS (a workbook's
# code its [code] there) and is named in docs/SPEC.md.
diagnostics=$(awk '/^\.Sh DIAGNOSTICS/ {f = 1; next} /^\.Sh / {f = 0} f' "$man")
table=$("$codes_bin") || bad "$codes_bin failed"
codes=$(printf '%s\n' "$table" | awk '{print $1}')
[ -n "$codes" ] || bad "$codes_bin printed no codes"
for code in $codes; do
	printf '%s\n' "$diagnostics" | grep -qxF -e ".It Cm $code" -e ".Dl FILE: error: MESSAGE [$code]" ||
		bad "code '$code' is not in DIAGNOSTICS"
	grep -qF -e "\`$code\`" -e "[$code]" "$spec" || bad "code '$code' is not in docs/SPEC.md"
done
[ $fail = 0 ] && echo "help-vs-man: $(echo $commands | wc -w) commands agree with the man page"
exit $fail

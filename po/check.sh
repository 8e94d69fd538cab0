#!/bin/sh
# check.sh: each po/LANG.po named translates every message the sources have (what `make pot` would
# extract), with no fuzzy, untranslated or leftover entry, and compiles with msgfmt --check.
# Usage: sh po/check.sh zh_CN ...
set -u
po=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$po")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
bad() { echo "po: $*"; fail=1; }

# Same options as `make pot`.
if ! (cd "$root" && xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
    --add-comments=TRANSLATORS --sort-by-file -o "$scratch/lianhu.pot" src/*.c); then
	echo "po: xgettext failed"
	exit 1
fi
total=$(grep -c '^msgid ' "$scratch/lianhu.pot")
for lang in "$@"; do
	msgfmt --check -o /dev/null "$po/$lang.po" || bad "$lang.po does not compile"
	msgmerge --quiet --no-fuzzy-matching -o "$scratch/$lang.po" "$po/$lang.po" "$scratch/lianhu.pot" ||
		{ bad "msgmerge $lang.po failed"; continue; }
	for kind in untranslated only-fuzzy only-obsolete; do
		msgattrib --$kind --no-wrap "$scratch/$lang.po" >"$scratch/$kind"
		[ -s "$scratch/$kind" ] || continue
		missing=$(sed -n 's/^\(#~ \)\{0,1\}msgid \("..*"\)$/\2/p' "$scratch/$kind" | head -5 | tr '\n' ' ')
		case $kind in
		untranslated) bad "$lang.po lacks translations (run 'make pot' and translate): $missing..." ;;
		only-fuzzy) bad "$lang.po has fuzzy entries: $missing..." ;;
		only-obsolete) bad "$lang.po has entries the sources no longer have (run 'make pot'): $missing..." ;;
		esac
	done
done
# The header (msgid "") is no message.
[ $fail = 0 ] && echo "po: $*: all $((total - 1)) messages translated"
exit $fail

# lianhu.bash: bash completion for lianhu(1): its commands, each command's options (read from
# `lianhu COMMAND --help`, so they never fall behind), the values of --format, --by, --scope,
# --encoding, --output-encoding, --delimiter and --lang, and file and folder arguments.
# Installed as $(PREFIX)/share/bash-completion/completions/lianhu; or source it from ~/.bashrc.

# Prints the commands that `PROG --help` lists, one a line.
_lianhu_commands()
{
	"$1" --help 2>/dev/null | awk '/^commands:/ {f = 1; next} f && !NF {exit} f {print $1}'
}

# Prints the options of a command's --help text ($1), short and long, one a line.
_lianhu_options_of()
{
	printf '%s\n' "$1" | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+'
}

# True when the --help text $1 shows option $2 followed by a value (`--dir DIR`, `-o, --output FILE`).
_lianhu_takes_value()
{
	printf '%s\n' "$1" | grep -qE -- "^ +(-[a-zA-Z], )?$2 [A-Z]" ||
		printf '%s\n' "$1" | grep -qE -- "^ +$2, --[a-z-]+ [A-Z]"
}

# Prints the choices the usage line of --help text $1 gives option $2 (`[--format text|csv|json]`).
_lianhu_choices()
{
	printf '%s\n' "$1" | sed -n "s/^usage: .*\[$2 \([^] ]*\)\].*/\1/p" | tr '|' '\n'
}

# Adds the files under $cur to COMPREPLY: all of them, or (with $1 = csv) CSV and text
# files only; folders always, to walk into.
_lianhu_files()
{
	local f
	compopt -o filenames 2>/dev/null
	while IFS= read -r f; do
		if [[ -d $f ]]; then
			COMPREPLY+=("$f")
		elif [[ $1 != csv ]]; then
			COMPREPLY+=("$f")
		else
			case ${f,,} in
			*.csv | *.txt | *.tsv) COMPREPLY+=("$f") ;;
			esac
		fi
	done < <(compgen -f -- "$cur")
}

# Adds the folders under $cur to COMPREPLY.
_lianhu_dirs()
{
	compopt -o filenames 2>/dev/null
	local d
	while IFS= read -r d; do
		COMPREPLY+=("$d")
	done < <(compgen -d -- "$cur")
}

# Adds the words of $1 (one a line) that start with $cur to COMPREPLY.
_lianhu_words()
{
	local w
	while IFS= read -r w; do
		[[ -n $w ]] && COMPREPLY+=("$w")
	done < <(compgen -W "$1" -- "$cur")
}

# Completes the value of option $1 of a command whose --help text is $2.
_lianhu_value()
{
	case $1 in
	--format | --by)
		_lianhu_words "$(_lianhu_choices "$2" "$1")" ;;
	--lang)
		_lianhu_words "zh en" ;;
	--scope)
		_lianhu_words "building grid community township" ;;
	--encoding)
		_lianhu_words "auto utf-8 gb18030 utf-16" ;;
	--output-encoding)
		_lianhu_words "utf-8 gb18030" ;;
	--delimiter)
		_lianhu_words "tab comma semicolon" ;;
	--max-load | --min-load | --min-group | --as-of | --every | --title)
		;;
	-d | --dir)
		_lianhu_dirs ;;
	--buildings | --households | --members | --mapping | --previous | --visits)
		_lianhu_files csv ;;
	*)
		_lianhu_files ;;
	esac
}

# The completion function: bash passes the command name as $1.
_lianhu()
{
	local prog=$1 cur=${COMP_WORDS[COMP_CWORD]} prev='' cmd help opt i c
	COMPREPLY=()
	[[ $prog == \~/* ]] && prog=$HOME/${prog#\~/}	# a path typed as ~/bin/lianhu
	command -v "$prog" >/dev/null 2>&1 || return 0
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# "lianhu --lang zh COMMAND": the language may come before the command.
	if [[ $prev == --lang ]] || [[ $prev == = && ${COMP_WORDS[COMP_CWORD - 2]} == --lang ]]; then
		[[ $cur == = ]] && cur=''
		_lianhu_words "zh en"
		return 0
	fi
	c=1
	while ((c < COMP_CWORD)); do
		case ${COMP_WORDS[c]} in
		--lang) [[ ${COMP_WORDS[c + 1]} == = ]] && ((c += 3)) || ((c += 2)) ;;
		--lang=*) ((c += 1)) ;;
		*) break ;;
		esac
	done
	if ((COMP_CWORD <= c)); then
		_lianhu_words "$(_lianhu_commands "$prog")
--help
--version
--lang"
		return 0
	fi
	cmd=${COMP_WORDS[c]}
	help=$("$prog" "$cmd" --help 2>/dev/null) || { _lianhu_files; return 0; }

	# --opt=value, whether or not COMP_WORDBREAKS split it at the '='.
	if [[ $cur == "=" && $prev == -* ]]; then
		cur=''
		_lianhu_value "$prev" "$help"
		return 0
	fi
	if [[ $prev == "=" ]] && ((COMP_CWORD > 2)); then
		_lianhu_value "${COMP_WORDS[COMP_CWORD - 2]}" "$help"
		return 0
	fi
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		cur=${cur#*=}
		_lianhu_value "$opt" "$help"
		for i in "${!COMPREPLY[@]}"; do
			COMPREPLY[i]=$opt=${COMPREPLY[i]}
		done
		return 0
	fi

	if [[ $prev == -* ]] && _lianhu_takes_value "$help" "$prev"; then
		_lianhu_value "$prev" "$help"
		return 0
	fi
	if [[ $cur == -* ]]; then
		_lianhu_words "$(_lianhu_options_of "$help")"
		return 0
	fi
	case $cmd in
	diff)
		_lianhu_files csv ;;
	template)
		_lianhu_dirs ;;
	*)
		_lianhu_words "$(_lianhu_options_of "$help")" ;;
	esac
	return 0
}

complete -F _lianhu lianhu

#!/bin/sh
# deps.sh: installs lianhu's missing build and test dependencies from Debian's packages (as root),
# or prints the exact command to run.
set -u
need=""
has_header() { [ -f "/usr/include/$1" ] || [ -f "/usr/include/x86_64-linux-gnu/$1" ] || [ -f "/usr/local/include/$1" ]; }
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
has_header csv.h || need="$need libcsv-dev"
has_header cjson/cJSON.h || need="$need libcjson-dev"
has_header check.h || need="$need check"
has_header xlsxwriter.h || need="$need libxlsxwriter-dev"
has_header zip.h || need="$need libzip-dev"
has_header expat.h || need="$need libexpat1-dev"
has_header freexl.h || need="$need libfreexl-dev"
has_header ini.h || need="$need libinih-dev"
command -v iconv >/dev/null 2>&1 || need="$need libc-bin"
command -v msgfmt >/dev/null 2>&1 || need="$need gettext"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $need >&2 && exit 0
	echo "deps: apt-get failed; install these packages:$need" >&2
	exit 1
fi
echo "deps: missing build dependencies; run as root:" >&2
echo "  apt-get install -y$need" >&2
exit 1

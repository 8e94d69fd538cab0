#!/bin/sh
# outputs.sh: what lianhu promises about its outputs (SPEC 5.3, man page SECURITY), on real files,
# FIFOs, device nodes, modes, owners and signals. Usage: sh test/outputs.sh ./lianhu
# The device-node and owner checks need root (CI runs as root); elsewhere they say SKIP.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$scratch"' EXIT
cd "$scratch" && cp "$here"/../examples/quickstart/*.csv . || exit 2
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL outputs: $*"; fail=$((fail + 1)); }
skipped() { echo "SKIP outputs: $* (needs root)"; skip=$((skip + 1)); }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
leftovers() { ls -A | grep -c '^\.lianhu-'; }
lianhu() { "$bin" "$@"; }
root() { [ "$(id -u)" = 0 ]; }

lianhu assign -o expected.csv 2>/dev/null
lianhu report --format csv -o mapping-check.csv 2>/dev/null || true
cp expected.csv mapping.csv

# 1. Special files are written in place, never replaced.
mkfifo fifo
timeout 10 cat fifo >from-fifo &
lianhu assign -o fifo 2>/dev/null
wait
check "a FIFO output is written in place" '[ -p fifo ] && cmp -s from-fifo expected.csv'
# Names of standard output and input: /dev/stdout, /dev/stdin are links into /proc/self/fd. Links of
# our own stand for them, so that a broken lianhu replaces nothing of the system's; as root, the real
# names are tried too, in a private mount namespace whose /dev is a scratch tmpfs.
ln -s /proc/self/fd/1 stdout-link && ln -s /proc/self/fd/0 stdin-link
n=$(lianhu assign -o stdout-link 2>/dev/null | wc -c)
check "-o LINK-TO-FD-1 writes standard output" '[ "$n" = "$(wc -c <expected.csv)" ] && [ -L stdout-link ]'
lianhu assign -o stdout-link 2>/dev/null >to-stdout.csv
check "-o LINK-TO-FD-1 onto a file writes that file" 'cmp -s to-stdout.csv expected.csv && [ -L stdout-link ]'
lianhu assign --households - -o stdin-link <households.csv 2>err; s=$?
check "--households - -o LINK-TO-FD-0 is output onto input" '[ $s = 2 ] && grep -q "input of this run" err'
private_dev() {
	unshare -m --propagation private sh -c 'mount -t tmpfs lianhu-test /dev &&
	    ln -s /proc/self/fd/0 /dev/stdin && ln -s /proc/self/fd/1 /dev/stdout && "$@"' sh "$@"
}
if root && private_dev true 2>/dev/null; then
	n=$(private_dev "$bin" assign -o /dev/stdout 2>/dev/null | wc -c)
	check "-o /dev/stdout writes standard output" '[ "$n" = "$(wc -c <expected.csv)" ]'
	private_dev sh -c '"$1" assign --households - -o /dev/stdin <households.csv 2>err
	    s=$?; [ -L /dev/stdin ] && exit $s' sh "$bin"; s=$?
	check "--households - -o /dev/stdin is output onto input" '[ $s = 2 ] && grep -q "input of this run" err'
else
	skipped "/dev/stdout and /dev/stdin in a private mount namespace"
fi
mkfifo book
timeout 10 cat book >from-fifo.xlsx &
lianhu report --format xlsx -o book 2>/dev/null
wait
check "a workbook into a FIFO arrives whole" 'unzip -tq from-fifo.xlsx >/dev/null 2>&1 && [ -p book ]'
# A scratch folder on a nodev mount takes the nodes but cannot open them: skip there too.
if root && mknod null c 1 3 && mknod full c 1 7 && : >null 2>/dev/null; then
	lianhu assign -o null 2>/dev/null
	check "-o NULL-DEVICE keeps the device node" '[ -c null ]'
	lianhu report --format xlsx -o null 2>/dev/null
	check "a workbook onto a device node keeps the node" '[ -c null ]'
	lianhu assign -o full 2>err; s=$?
	check "-o FULL-DEVICE: exit 2, no space, node kept" \
	    '[ $s = 2 ] && grep -q "No space" err && [ -c full ]'
else
	skipped "device nodes (or a nodev folder)"
fi

# 2. Two outputs naming one file: refused before anything is written.
cp expected.csv both.csv
lianhu assign --scope grid -o both.csv --summary both.csv 2>err; s=$?
check "-o F --summary F: exit 2, F untouched" '[ $s = 2 ] && cmp -s both.csv expected.csv && grep -q "one file" err'
lianhu assign -o new.csv --summary ./new.csv 2>/dev/null; s=$?
check "-o F --summary ./F (F absent): exit 2, F not made" '[ $s = 2 ] && [ ! -e new.csv ]'
ln -s both.csv alias.csv
lianhu assign -o both.csv --summary alias.csv 2>/dev/null; s=$?
check "-o F --summary LINK-TO-F: exit 2" '[ $s = 2 ]'
lianhu assign --summary s.json >s.json 2>/dev/null; s=$?
check "--summary F with standard output on F: exit 2" '[ $s = 2 ]'

# 3. The temporary file lies in a private folder (0700) beside the output; nothing else is made there.
mkfifo hold
lianhu assign -o held.csv --summary hold 2>/dev/null &
pid=$!
i=0; while [ "$(leftovers)" = 0 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check "the private folder is 0700" '[ "$(stat -c %a .lianhu-* 2>/dev/null)" = 700 ]'
check "nothing but the private folder appears" '[ -z "$(ls | grep -v -e "\.csv$" -e "^fifo$" -e "^book$" -e "^hold$" -e "from-fifo" -e "^null$" -e "^full$" -e "^err$" -e "^s.json$" -e "-link$")" ]'
timeout 10 cat hold >/dev/null
wait $pid
check "the private folder is gone after the run" '[ "$(leftovers)" = 0 ] && cmp -s held.csv expected.csv'

# 4. A rewritten file keeps its mode, and its owner and group where root rewrites it.
cp expected.csv private.csv && chmod 600 private.csv
lianhu assign --scope grid -o private.csv 2>/dev/null
check "mode 600 kept" '[ "$(stat -c %a private.csv)" = 600 ]'
lianhu report --format xlsx -o private.xlsx 2>/dev/null && chmod 640 private.xlsx
lianhu report --format xlsx -o private.xlsx 2>/dev/null
check "a workbook keeps mode 640" '[ "$(stat -c %a private.xlsx)" = 640 ]'
if root; then
	chown nobody:nogroup private.csv
	lianhu assign -o private.csv 2>/dev/null
	check "owner and group kept" '[ "$(stat -c %U:%G private.csv)" = nobody:nogroup ]'
else
	skipped "owner and group"
fi
cp expected.csv target.csv && ln -s target.csv link.csv
lianhu assign --scope grid -o link.csv 2>/dev/null
check "a symbolic link stays, its file is rewritten" '[ -L link.csv ] && ! cmp -s target.csv expected.csv'

if root; then
	mkdir -m 777 shared && cp expected.csv victim.csv
	ln -s ../victim.csv shared/planted.csv && chown -h nobody shared/planted.csv
	lianhu assign --scope grid -o shared/planted.csv 2>err; s=$?
	check "a link planted by another user in a folder not theirs: exit 2, its target kept" \
	    '[ $s = 2 ] && cmp -s victim.csv expected.csv && grep -q "symbolic link of another user" err'
	chown nobody shared
	lianhu assign --scope grid -o shared/planted.csv 2>/dev/null; s=$?
	check "a link of the folder's owner is followed" '[ $s != 2 ] && ! cmp -s victim.csv expected.csv'
	rm -rf shared victim.csv
else
	skipped "symbolic links of another user"
fi

# 5. SIGINT, SIGTERM, SIGHUP: no temporary file left, the old file kept, death by the signal.
for pair in INT:2 TERM:15 HUP:1; do
	sig=${pair%:*}
	rm -f hold && mkfifo hold
	cp expected.csv keep.csv
	# a background job of a script starts with SIGINT ignored; lianhu leaves ignored signals alone
	env --default-signal=INT "$bin" assign --scope grid -o keep.csv --summary hold 2>/dev/null &
	pid=$!
	i=0; while [ "$(leftovers)" = 0 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	kill -s $sig $pid
	{ wait $pid; } 2>/dev/null; s=$?
	want=$((128 + ${pair#*:}))
	check "SIG$sig: status $s (want $want), no leftovers, old file kept" \
	    '[ $s = $want ] && [ "$(leftovers)" = 0 ] && cmp -s keep.csv expected.csv'
done

# 6. lianhu.ini is an input of the run too (the folder's, or --config FILE's): no output replaces it.
printf '[status]\n在册 = eligible\n' >lianhu.ini && cp lianhu.ini ini.keep
lianhu assign -o lianhu.ini 2>err; s=$?
check "assign -o DIR/lianhu.ini: exit 2, the config kept" \
    '[ $s = 2 ] && cmp -s lianhu.ini ini.keep && grep -q "input of this run" err'
lianhu assign -o new.csv --summary ./lianhu.ini 2>/dev/null; s=$?
check "assign --summary DIR/lianhu.ini: exit 2, the config kept" '[ $s = 2 ] && cmp -s lianhu.ini ini.keep'
mv lianhu.ini office.ini
lianhu report --config office.ini --format csv -o office.ini 2>/dev/null; s=$?
check "report --config F -o F: exit 2, F kept" '[ $s = 2 ] && cmp -s office.ini ini.keep'
lianhu diff mapping.csv expected.csv -d . --config office.ini -o office.ini 2>/dev/null; s=$?
check "diff -d DIR --config F -o F: exit 2, F kept" '[ $s = 2 ] && cmp -s office.ini ini.keep'
rm -f office.ini ini.keep new.csv

# 10. A legal 254-byte name is written (the temporary name does not grow it).
long=$(printf '%0254d' 0)
lianhu assign -o "$long" 2>/dev/null
check "a 254-byte output name" 'cmp -s "$long" expected.csv'

# 10. A workbook on a full disk: lianhu's own message (no space), none of libxlsxwriter's [ERROR] lines.
if root && unshare -m --propagation private true 2>/dev/null; then
	mkdir small
	unshare -m --propagation private sh -c 'mount -t tmpfs -o size=4k lianhu-test small &&
	    "$1" report --format xlsx -o small/r.xlsx; s=$?; ls -A small >left; exit $s' sh "$bin" 2>err; s=$?
	check "a workbook on a full disk: exit 2, 'No space', no [ERROR] lines, nothing left" \
	    '[ $s = 2 ] && grep -q "No space" err && ! grep -q "ERROR" err && [ ! -s left ]'
else
	skipped "a full disk (a small tmpfs in a private mount namespace)"
fi

echo "outputs: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]

# lianhu — build, test, benchmark and install. Plain make; dependencies from Debian's packages.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DOCDIR = $(PREFIX)/share/doc/lianhu
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
LOCALEDIR = $(PREFIX)/share/locale

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS_ALL = -D_GNU_SOURCE -Iinclude $(shell pkg-config --cflags libcjson xlsxwriter libzip expat freexl inih 2>/dev/null) $(CPPFLAGS)
LIBS = -lcsv $(shell pkg-config --libs libcjson xlsxwriter libzip expat freexl inih 2>/dev/null || \
    echo -lcjson -lxlsxwriter -lzip -lexpat -lfreexl -linih) -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lpthread -lm)

# make check SANITIZE=1: everything under AddressSanitizer and UndefinedBehaviorSanitizer.
ifeq ($(SANITIZE),1)
BUILD = build/sanitize
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD = build/plain
SAN =
endif

MODULES = i18n util text diag workbook table schema config roster mapping output cli mcf assign summary audit rollup render report report_html report_xlsx render_report cards cards_html render_lists render_notice render_audit render_diff render_validate changes xlsx_out privacy organise visits
COMMANDS = validate assign audit report lists diff template organise visits
OBJS = $(MODULES:%=$(BUILD)/%.o) $(COMMANDS:%=$(BUILD)/cmd_%.o)
UNIT_TESTS = $(patsubst test/unit/%.c,$(BUILD)/test/%,$(wildcard test/unit/check_*.c))
BIN = $(if $(filter 1,$(SANITIZE)),$(BUILD)/lianhu,lianhu)
# The message catalogs, po/LANG.po compiled into build/locale, where an in-tree lianhu finds them.
LANGS = zh_CN
CATALOGS = $(LANGS:%=build/locale/%/LC_MESSAGES/lianhu.mo)

.PHONY: all check unit cli run bench install uninstall clean deps examples pot FORCE

# Building never changes the system: only deps (and check and run, which use it) may install packages.
all: $(BIN) $(CATALOGS)

deps:
	@sh scripts/deps.sh

$(BIN): $(OBJS) $(BUILD)/main.o
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c include/lianhu/*.h
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(CPPFLAGS_ALL) -c -o $@ $<

# mcf.c includes its simplex twice (64- and 128-bit costs).
$(BUILD)/mcf.o build/fuzz/mcf.o: src/mcf_simplex.h

# i18n.o has LOCALEDIR compiled in; the stamp changes (and i18n.o is rebuilt) only when PREFIX does.
$(BUILD)/i18n.o: CPPFLAGS_ALL += -DLOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/i18n.o: $(BUILD)/localedir.stamp
$(BUILD)/localedir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@

build/locale/%/LC_MESSAGES/lianhu.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# make pot: po/lianhu.pot from the sources (_ and N_, ngettext, TRANSLATORS comments), and each
# po/LANG.po brought in step with it (new messages to translate; make check fails until they are).
pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS \
	    --package-name=lianhu --package-version=$$(sed -n 's/.*LIANHU_VERSION "\(.*\)"/\1/p' \
	    include/lianhu/cli.h) --sort-by-file -o po/lianhu.pot src/*.c
	@set -e; for l in $(LANGS); do msgmerge --quiet --update --backup=none --no-fuzzy-matching \
	    po/$$l.po po/lianhu.pot; msgattrib --no-obsolete -o po/$$l.po po/$$l.po; done

# liblianhu.a: every module but the commands; the unit suites link it, as git's tests link libgit.a.
LIB = $(BUILD)/liblianhu.a
$(LIB): $(MODULES:%=$(BUILD)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/test/%: test/unit/%.c test/unit/*.h $(LIB) include/lianhu/*.h
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(CPPFLAGS_ALL) -o $@ $< $(LIB) $(LIBS) $(CHECK_LIBS)

# diag_codes prints diag.c's table of codes for test/help-vs-man.sh.
$(BUILD)/test/diag_codes: test/diag_codes.c $(LIB) include/lianhu/*.h
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(CPPFLAGS_ALL) -o $@ $< $(LIB) $(LIBS)

$(BUILD)/gen_roster: tools/gen_roster.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) -O2 $(SAN) -o $@ $<

# csv2xlsx writes CSV rosters as a workbook (libxlsxwriter): the CLI cases read them back, and examples/.
$(BUILD)/tools/csv2xlsx: tools/csv2xlsx.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) -O2 $(SAN) $(CPPFLAGS_ALL) -o $@ $< $(LIBS)

# make examples: examples/花名册.xlsx, examples/quickstart as an office keeps it (one workbook, a sheet per
# roster under a merged title, IDs as text, other numbers as numbers); committed, and checked against the
# CSV by test/cli/workbook/done-when.
examples: $(BUILD)/tools/csv2xlsx
	$(BUILD)/tools/csv2xlsx -t 隆盛合镇党员联系户花名册 -n examples/花名册.xlsx \
	    楼栋=examples/quickstart/buildings.csv 住户=examples/quickstart/households.csv \
	    党员=examples/quickstart/members.csv

check: deps $(BIN) $(CATALOGS) $(UNIT_TESTS) $(BUILD)/test/diag_codes $(BUILD)/gen_roster $(BUILD)/tools/csv2xlsx
	@set -e; for t in $(UNIT_TESTS); do CK_FORK=yes $$t; done
	@sh po/check.sh $(LANGS)
	@LIANHU_TOOLS=$(BUILD)/tools sh test/cli/run.sh ./$(BIN)
	@sh test/organise-recount.sh ./$(BIN) $(BUILD)/gen_roster
	@sh test/outputs.sh ./$(BIN)
	@sh test/memory.sh ./$(BIN)
	@sh test/help-vs-man.sh ./$(BIN) $(BUILD)/test/diag_codes
	@sh test/visits-recount.sh ./$(BIN) $(BUILD)/gen_roster
	@sh test/readme.sh ./$(BIN)
	@sh test/install.sh $(MAKE)
	@sh test/browser/lists-pdf.sh ./$(BIN)

# The main job on the bundled example: check the rosters, then assign (exit 1 = some households left
# without a contact, which this example has on purpose), then check its visit log against its mapping
# (exit 1 = some households overdue).
run: deps all
	./lianhu validate -d examples/longshenghe 2>&1 | tail -1
	@mkdir -p build
	@./lianhu assign -d examples/longshenghe -o build/longshenghe-mapping.csv \
	    --summary build/longshenghe-summary.json 2>build/longshenghe-assign.log; s=$$?; \
	    grep -v 'warning:' build/longshenghe-assign.log; [ $$s -le 1 ] && \
	    echo "wrote build/longshenghe-mapping.csv and build/longshenghe-summary.json"
	@./lianhu visits -d examples/longshenghe --as-of 2026-06-30 >build/longshenghe-visits.txt \
	    2>build/longshenghe-visits.log; s=$$?; grep -v 'warning:' build/longshenghe-visits.log; \
	    [ $$s -le 1 ] && echo "wrote the overdue households by member to build/longshenghe-visits.txt"

# make bench: timings (test/bench/bench.sh), with LEMON's solvers on lianhu's own networks beside lianhu's
# when Debian's liblemon-dev is installed (for the bench only: never a dependency of lianhu or make check).
CXX ?= c++
$(BUILD)/bench_lemon: test/bench/bench_lemon.cc
	@mkdir -p $(@D)
	$(CXX) -O2 -std=gnu++17 -o $@ $< -llemon

bench: all $(BUILD)/gen_roster
	@if [ -f /usr/include/lemon/network_simplex.h ]; then $(MAKE) --no-print-directory $(BUILD)/bench_lemon; \
	    else echo "bench: no LEMON (apt-get install liblemon-dev): solver comparison skipped"; fi
	sh test/bench/bench.sh ./lianhu $(BUILD)/gen_roster "$(BENCH_SIZES)" $(BUILD)/bench_lemon

# make install: the program, its message catalogs, its man page, its bash completion (where
# bash-completion looks for it), and the README with the examples under share/doc/lianhu.
# test/install.sh checks the tree.
install: all
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)' '$(DESTDIR)$(COMPLETIONDIR)' \
	    '$(DESTDIR)$(DOCDIR)'
	install -m 755 lianhu '$(DESTDIR)$(BINDIR)/lianhu'
	@set -e; for l in $(LANGS); do \
	    install -d '$(DESTDIR)$(LOCALEDIR)/'"$$l"/LC_MESSAGES; \
	    install -m 644 build/locale/"$$l"/LC_MESSAGES/lianhu.mo \
	        '$(DESTDIR)$(LOCALEDIR)/'"$$l"/LC_MESSAGES/lianhu.mo; done
	install -m 644 man/lianhu.1 '$(DESTDIR)$(MANDIR)/lianhu.1'
	install -m 644 completion/lianhu.bash '$(DESTDIR)$(COMPLETIONDIR)/lianhu'
	install -m 644 README.md '$(DESTDIR)$(DOCDIR)/README.md'
	@set -e; for d in $$(find examples -type d); do install -d '$(DESTDIR)$(DOCDIR)/'"$$d"; done; \
	    for f in $$(find examples -type f); do install -m 644 "$$f" '$(DESTDIR)$(DOCDIR)/'"$$f"; done
	@echo 'installed lianhu, its catalogs, man page, bash completion, README and examples under $(DESTDIR)$(PREFIX)'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/lianhu' '$(DESTDIR)$(MANDIR)/lianhu.1' '$(DESTDIR)$(COMPLETIONDIR)/lianhu'
	rm -f $(LANGS:%='$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/lianhu.mo')
	rm -rf '$(DESTDIR)$(DOCDIR)'

clean:
	rm -rf build lianhu

# make check SANITIZE=1 runs the unit and CLI tests under ASan and UBSan: leaks are failures too.
ifeq ($(SANITIZE),1)
export ASAN_OPTIONS ?= detect_leaks=1
export LSAN_OPTIONS ?= suppressions=$(CURDIR)/test/lsan.supp
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
endif

# make fuzz: libFuzzer harnesses of the readers (test/fuzz), built with clang against $(MODULES) and run
# FUZZ_SECONDS each on a working corpus in build/fuzz seeded from test/fuzz/corpus; crashes land in build/fuzz.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_OPTIONS = -max_len=65536 -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 -print_final_stats=1
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJS = $(MODULES:%=build/fuzz/%.o) build/fuzz/fuzz.o
FUZZERS = $(patsubst test/fuzz/%.c,build/fuzz/%,$(wildcard test/fuzz/fuzz_*.c))

.PHONY: fuzz fuzz-build
.SECONDARY: $(FUZZ_OBJS)

fuzz: fuzz-build
	@fail=0; for f in $(FUZZERS); do \
	    name=$${f#build/fuzz/fuzz_}; corpus=build/fuzz/corpus-$$name; log=build/fuzz/$$name.log; \
	    mkdir -p $$corpus && cp test/fuzz/corpus/$$name/* $$corpus/ || exit 2; \
	    echo "fuzz: $$name for $(FUZZ_SECONDS)s on $$corpus (log: $$log)"; \
	    if LSAN_OPTIONS=suppressions=$(CURDIR)/test/lsan.supp $$f $(FUZZ_OPTIONS) -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/$$name- \
	        $$corpus >$$log 2>&1; then grep -E '^(Done|stat::)' $$log; \
	    else grep -vE '^#[0-9]+' $$log; echo "fuzz: $$name failed; reproducer: build/fuzz/$$name-*"; fail=1; fi; \
	done; exit $$fail

fuzz-build: $(FUZZERS)

build/fuzz/fuzz.o: test/fuzz/fuzz.c test/fuzz/fuzz.h include/lianhu/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARNINGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(CPPFLAGS_ALL) -c -o $@ $<

build/fuzz/%.o: src/%.c include/lianhu/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARNINGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(CPPFLAGS_ALL) -c -o $@ $<

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c test/fuzz/fuzz.h $(FUZZ_OBJS) include/lianhu/*.h
	$(FUZZ_CC) $(WARNINGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(CPPFLAGS_ALL) -o $@ $< $(FUZZ_OBJS) $(LIBS)

# lianhu — build, test, benchmark and install. Plain make; dependencies from Debian's packages.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DOCDIR = $(PREFIX)/share/doc/lianhu
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS_ALL = -D_GNU_SOURCE -Iinclude $(shell pkg-config --cflags libcjson xlsxwriter 2>/dev/null) $(CPPFLAGS)
LIBS = -lcsv $(shell pkg-config --libs libcjson xlsxwriter 2>/dev/null || echo -lcjson -lxlsxwriter) -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lpthread -lm)

# make check SANITIZE=1: everything under AddressSanitizer and UndefinedBehaviorSanitizer.
ifeq ($(SANITIZE),1)
BUILD = build/sanitize
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD = build/plain
SAN =
endif

MODULES = util diag table roster mapping output cli mcf assign summary audit privacy
COMMANDS = validate assign audit diff template
OBJS = $(MODULES:%=$(BUILD)/%.o) $(COMMANDS:%=$(BUILD)/cmd_%.o)
UNIT_TESTS = $(patsubst test/unit/%.c,$(BUILD)/test/%,$(wildcard test/unit/check_*.c))
BIN = $(if $(filter 1,$(SANITIZE)),$(BUILD)/lianhu,lianhu)

.PHONY: all check unit cli run bench install uninstall clean deps examples

all: deps $(BIN)

deps:
	@sh scripts/deps.sh

$(BIN): $(OBJS) $(BUILD)/main.o
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c include/lianhu/*.h
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(CPPFLAGS_ALL) -c -o $@ $<

$(BUILD)/test/%: test/unit/%.c $(OBJS) include/lianhu/*.h
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(CPPFLAGS_ALL) -o $@ $< $(OBJS) $(LIBS) $(CHECK_LIBS)

$(BUILD)/gen_roster: tools/gen_roster.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) -O2 $(SAN) -o $@ $<

check: deps $(BIN) $(UNIT_TESTS) $(BUILD)/gen_roster
	@set -e; for t in $(UNIT_TESTS); do CK_FORK=yes $$t; done
	@sh test/cli/run.sh ./$(BIN)
	@sh test/help-vs-man.sh ./$(BIN)

# The main job on the bundled example: check the rosters, then assign (exit 1 = some households left
# without a contact, which this example has on purpose).
run: all
	./lianhu validate -d examples/longshenghe 2>&1 | tail -1
	@mkdir -p build
	@./lianhu assign -d examples/longshenghe -o build/longshenghe-mapping.csv \
	    --summary build/longshenghe-summary.json 2>build/longshenghe-assign.log; s=$$?; \
	    grep -v 'warning:' build/longshenghe-assign.log; [ $$s -le 1 ] && \
	    echo "wrote build/longshenghe-mapping.csv and build/longshenghe-summary.json"

bench: all $(BUILD)/gen_roster
	sh test/bench/bench.sh ./lianhu $(BUILD)/gen_roster

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DOCDIR)/examples
	install -m 755 lianhu $(DESTDIR)$(BINDIR)/lianhu
	install -m 644 man/lianhu.1 $(DESTDIR)$(MANDIR)/lianhu.1
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	cp -R examples/. $(DESTDIR)$(DOCDIR)/examples/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lianhu $(DESTDIR)$(MANDIR)/lianhu.1
	rm -rf $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build lianhu

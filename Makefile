# SPDX-License-Identifier: GPL-3.0-or-later
# reckon — plain make with pkg-config.
#   make              build every program into bin/
#   make check        unit + CLI tests, then the same under ASan+UBSan; summary line
#   make install      PREFIX=/usr/local (DESTDIR honoured)
#   make fuzz         libFuzzer targets under ASan, FUZZ_SECONDS each (default 60)
#   make bench        every stage and the whole pipeline beside its peers:
#                     bench/all.sh, writes bench/RESULTS.md (not part of check)
#   make bench-smoke  the same on tiny inputs, a few seconds
#   make deps GOALS   install the Debian packages reckon needs (.ci/deps),
#                     then make GOALS in a new make that sees them
#   V=1               show the commands

# `make deps GOALS...` installs the packages first and only then makes the
# other goals, in a new make: this one's pkg-config flags were computed when
# the Makefile was read, before anything was installed.
ifneq ($(filter deps,$(MAKECMDGOALS)),)
AFTER_DEPS := $(filter-out deps,$(MAKECMDGOALS))
.PHONY: deps $(AFTER_DEPS)
deps:
	@.ci/deps
	$(if $(AFTER_DEPS),@$(MAKE) --no-print-directory $(AFTER_DEPS))
$(AFTER_DEPS): deps
	@:
else

VERSION  := 0.1.0
PREFIX   ?= /usr/local
CC       ?= cc
FUZZ_CC  ?= clang
FUZZ_SECONDS ?= 60
CFLAGS   ?= -O2 -g
PKGS     := libcyaml yaml-0.1 icu-uc icu-i18n libzip expat libpq gsl xlsxwriter
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Werror
DEFS     := -D_POSIX_C_SOURCE=200809L -DRECKON_VERSION='"$(VERSION)"'
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lglpk -lm
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)
# What pkg-config cannot find stops the build here, with the remedy, rather
# than as a compiler error about a missing header.
PKG_MISSING := $(shell for p in $(PKGS) $(if $(filter check unit-bins test-run,$(MAKECMDGOALS)),cmocka); do \
	pkg-config --exists $$p 2>/dev/null || printf '%s ' $$p; done)

ifeq ($(FUZZ),1)
  # objects for libFuzzer targets: clang, coverage instrumentation, ASan+UBSan
  CC       := $(FUZZ_CC)
  CFLAGS   := -g -O1
  B        := build/fuzzobj
  SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  BIN      := $(B)/bin
else ifeq ($(SANITIZE),1)
  B        := build/san
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  BIN      := $(B)/bin
else
  B        := build/rel
  SANFLAGS :=
  BIN      := bin
endif

ifeq ($(V),1)
  Q :=
  say :=@true
else
  Q := @
  say := @printf '  %-7s %s\n'
endif

ALL_CFLAGS := $(WARN) $(DEFS) $(CFLAGS) $(SANFLAGS) -Ilib $(PKG_CFLAGS)
ALL_LDFLAGS := $(LDFLAGS) $(SANFLAGS)

# Programs: bin/reckon-NAME is built from NAME_MAIN plus the modules of the
# stage directories and their rooms, the folders one level down (the linker
# takes only what it uses).  A main file is main.c or *-main.c; every other
# .c file in a stage directory or room is a module.  The rooms of reports/
# are archives of their own, and a program links only the rooms it names in
# NAME_ROOMS, stats last: so the linker, too, refuses compare reaching into
# brief or back, and stats reaching into either.
STAGES          := extract transform load reports pipelines forms
extract_MAIN    := extract/main.c
normalise_MAIN  := transform/main.c
load_MAIN       := load/main.c
db_MAIN         := load/db-main.c
compare_MAIN    := reports/compare/main.c
report_MAIN     := reports/brief/main.c
template_MAIN   := forms/main.c
compare_ROOMS   := compare stats
report_ROOMS    := brief stats
ROOMS           := compare brief stats
PROGRAMS := $(foreach p,extract normalise load db compare report template,$(if $(wildcard $($(p)_MAIN)),$(p)))

LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
MOD_SRC  := $(filter-out %/main.c %-main.c,$(foreach s,$(STAGES),$(wildcard $(s)/*.c $(s)/*/*.c)))
STAGE_OBJ := $(filter-out $(ROOMS:%=$(B)/reports/%/%),$(MOD_SRC:%.c=$(B)/%.o))
room_obj  = $(filter $(B)/reports/$(1)/%,$(MOD_SRC:%.c=$(B)/%.o))
room_libs = $(foreach r,$(1),$(B)/lib$(r).a)
ALL_LIBS := $(call room_libs,$(ROOMS)) $(B)/libstages.a $(B)/libreckon.a
PROGS    := $(foreach p,$(PROGRAMS),$(BIN)/reckon-$(p)) $(if $(wildcard pipelines/reckon-main.c),$(BIN)/reckon)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

.PHONY: all example check test-run unit-bins install uninstall fuzz fuzz-build fuzz-bins fuzz-smoke \
        bench bench-smoke clean pkgs-present
.SUFFIXES:
.SECONDARY:

all: $(PROGS)

# Every object waits for this check (order-only, so it never forces a rebuild).
pkgs-present:
ifneq ($(strip $(PKG_MISSING)),)
	@echo "reckon: missing libraries: $(strip $(PKG_MISSING)) (pkg-config cannot find them)" >&2
	@echo "reckon: run 'make deps' to install them (README.md, Set-up)" >&2
	@exit 69
else
	@:
endif

$(B)/%.o: %.c | pkgs-present
	$(say) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libreckon.a: $(LIB_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/libstages.a: $(STAGE_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

define room_rule
$(B)/lib$(1).a: $(call room_obj,$(1))
	$$(say) AR $$@
	$$(Q)rm -f $$@ && ar rcs $$@ $$^
endef
$(foreach r,$(ROOMS),$(eval $(call room_rule,$(r))))

define program_rule
$(BIN)/reckon-$(1): $(B)/$($(1)_MAIN:.c=.o) $(call room_libs,$($(1)_ROOMS)) $(B)/libstages.a $(B)/libreckon.a
	$$(say) LD $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(PKG_LIBS)
endef
$(foreach p,$(PROGRAMS),$(eval $(call program_rule,$(p))))

# load/migrate.c embeds the SQL migrations: load/embed-sql.sh writes the header.
MIGRATIONS := $(sort $(wildcard load/migrations/*.sql))
$(B)/gen/migrations.h: $(MIGRATIONS) load/embed-sql.sh
	$(say) GEN $@
	@mkdir -p $(dir $@)
	$(Q)load/embed-sql.sh $(MIGRATIONS) >$@.tmp && mv $@.tmp $@
$(B)/load/migrate.o: $(B)/gen/migrations.h
$(B)/load/migrate.o: ALL_CFLAGS += -I$(B)/gen

# The front: `reckon run|verify|init`, and `reckon X` runs reckon-X.
$(BIN)/reckon: $(B)/pipelines/reckon-main.o $(B)/libstages.a $(B)/libreckon.a
	$(say) LD $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/tests/test_%.o: tests/unit/test_%.c | pkgs-present
	$(say) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-pedantic $(STAGES:%=-I%) $(CMOCKA_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(ALL_LIBS)
	$(say) LD $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)

# test_nothread: every pthread_create fails, so the readers' unthreaded
# fallback is what runs
$(B)/tests/test_nothread: ALL_LDFLAGS += -Wl,--wrap=pthread_create
# test_nomem: the n-th realloc of reckon's own code fails
$(B)/tests/test_nomem: ALL_LDFLAGS += -Wl,--wrap=realloc

unit-bins: $(UNIT_BIN)

# One pass of every test against this build variant.
test-run: all unit-bins
	$(Q)tests/run.sh --label "$(if $(SANITIZE),asan+ubsan,release)" \
		--bin $(abspath $(BIN)) --results $(B)/results $(UNIT_BIN)

check:
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory test-run
	$(Q)$(MAKE) --no-print-directory SANITIZE=1 test-run
	$(Q)$(MAKE) --no-print-directory fuzz-smoke
	$(Q)bench/all.sh --smoke >build/bench-smoke.log 2>&1 || { cat build/bench-smoke.log; exit 1; }
	$(Q)tests/summary.sh build/rel/results build/san/results build/fuzz/results

# README command 1: the example pipeline, from its spreadsheets to the brief,
# without a database (the private cluster needs no set-up, but a clone under
# a home directory the postgres user cannot enter would stop it).  Exit 1 is
# "done, thresholds crossed": the example has an unmapped label on purpose.
EXAMPLE := pipelines/examples/tj-torture/pipeline.yaml
example: all
	$(Q)rc=0; dir=$$($(BIN)/reckon run --no-db $(EXAMPLE)) || rc=$$?; \
	if [ $$rc -gt 1 ] || [ -z "$$dir" ]; then exit $$rc; fi; \
	echo; echo "example: the brief is $$dir/brief.xlsx"; \
	echo "example: 'bin/reckon verify $$dir' reruns it and compares every byte"

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin/

uninstall:
	rm -f $(PROGS:$(BIN)/%=$(DESTDIR)$(PREFIX)/bin/%)

# libFuzzer: every parser of outside input has a target in tests/fuzz/.
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(ALL_LIBS)
	$(say) FUZZ $@
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(WARN) $(DEFS) -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -Ilib $(STAGES:%=-I%) $(PKG_CFLAGS) -o $@ $^ $(PKG_LIBS)

fuzz-bins: $(FUZZ_BIN)

fuzz-build:
	$(Q)$(MAKE) --no-print-directory FUZZ=1 fuzz-bins

# Replays each target's seed corpus once: keeps the targets building and the
# seeds passing inside make check.
fuzz-smoke: fuzz-build
	$(Q)tests/fuzz/run.sh --smoke build/fuzz/results $(FUZZ_BIN)

fuzz: fuzz-build
	$(Q)tests/fuzz/run.sh --seconds $(FUZZ_SECONDS) build/fuzz/results $(FUZZ_BIN)

bench: all
	$(Q)bench/all.sh

bench-smoke: all
	$(Q)bench/all.sh --smoke

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)

endif

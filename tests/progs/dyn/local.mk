# tests/progs/dyn/local.mk: exec's auxiliary vector and vDSO, compared with the host; the
# static-PIE and address programs and the dynamic-linking script (tests/integration/dynamic.sh).
PROGS_NAMES += dyn/auxv dyn/vdso_time
EXTRA_DIST += tests/progs/dyn/runs tests/progs/dyn/auxv.c tests/progs/dyn/vdso_time.c \
	tests/progs/dyn/static_pie.c tests/progs/dyn/addrs.c

# gcc only: musl-gcc's -static-pie gives a program that still asks for ld-musl. addrs is
# built as a dynamic PIE too, to run under ld.so in a --root.
DYN_PROGS = tests/progs/dyn/static_pie.gcc tests/progs/dyn/addrs.gcc \
	tests/progs/dyn/addrs.dyn tests/progs/dyn/hello.dyn
tests/progs/dyn/static_pie.gcc: $(top_srcdir)/tests/progs/dyn/static_pie.c
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(CC) -static-pie -O2 -g -Wall -o $@ $<
tests/progs/dyn/addrs.dyn: $(top_srcdir)/tests/progs/dyn/addrs.c
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(CC) -pie -fPIE -O2 -g -Wall -o $@ $<
tests/progs/dyn/hello.dyn: $(top_srcdir)/tests/progs/hello.c
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(CC) -O2 -g -Wall -o $@ $<
check_SCRIPTS += $(DYN_PROGS)
CLEANFILES += $(DYN_PROGS)

TESTS += tests/integration/dynamic.sh
EXTRA_DIST += tests/integration/dynamic.sh

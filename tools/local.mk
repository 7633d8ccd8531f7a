# tools/local.mk: host tools: ostd-audit, the framekernel rule checker (DESIGN.md "The
# framekernel rule, in C"), and tcb-report. tests/audit/local.mk runs them in `make check`.
check_PROGRAMS += tools/ostd-audit/ostd-audit
tools_ostd_audit_ostd_audit_SOURCES = \
	tools/ostd-audit/main.c \
	tools/ostd-audit/elf_walk.c tools/ostd-audit/elf_walk.h \
	tools/ostd-audit/opcode_rules.c tools/ostd-audit/opcode_rules.h \
	tools/ostd-audit/opcodes.c tools/ostd-audit/opcodes.h \
	tools/ostd-audit/report.c tools/ostd-audit/report.h \
	tools/ostd-audit/source_scan.c tools/ostd-audit/source_scan.h \
	tools/ostd-audit/strset.c tools/ostd-audit/strset.h \
	tools/ostd-audit/symbols.c tools/ostd-audit/symbols.h
tools_ostd_audit_ostd_audit_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS)
tools_ostd_audit_ostd_audit_LDADD = $(LIBELF_LIBS)

# The symbol allowlist: whatever OSTD's public headers declare, never a hand-kept list.
OSTD_API_HEADER_LIST = $(wildcard $(top_srcdir)/src/ostd/include/ostd/*.h)
tools/ostd-audit/allowlist.txt: $(top_srcdir)/tools/ostd-audit/mkallowlist $(OSTD_API_HEADER_LIST)
	$(AM_V_GEN)$(MKDIR_P) tools/ostd-audit && \
	$(SHELL) $(top_srcdir)/tools/ostd-audit/mkallowlist '$(CC)' '$(SERVICES_CPPFLAGS)' \
		$(OSTD_API_HEADER_LIST) > $@.tmp && mv $@.tmp $@
CLEANFILES += tools/ostd-audit/allowlist.txt tools/ostd-audit/allowlist.txt.tmp
EXTRA_DIST += tools/ostd-audit/mkallowlist tools/ostd-audit/run-audit tools/tcb-report

# `make audit`: every rule on the real tree, one verdict line per rule.
audit: tools/ostd-audit/ostd-audit$(EXEEXT) tools/ostd-audit/allowlist.txt \
		tests/audit/audit.env $(AUDIT_SERVICES_ARCHIVE) libostd.a
	@set -a; . ./tests/audit/audit.env; set +a; \
	$(SHELL) $(top_srcdir)/tools/ostd-audit/run-audit

# `make tcb-report`: lines of code of the TCB (OSTD + hosted HAL) against services.
tcb-report:
	@$(SHELL) $(top_srcdir)/tools/tcb-report $(top_srcdir)

.PHONY: audit tcb-report

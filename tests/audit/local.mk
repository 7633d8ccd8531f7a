# tests/audit/local.mk: the framekernel checks in `make check`: the real tree passes every
# rule, and each rule is proven by a planted violation that must fail it (with the clean
# version of the same file passing).
AUDIT_TESTS = \
	tests/audit/tree.sh \
	tests/audit/planted_libc_include.sh \
	tests/audit/planted_extern_puts.sh \
	tests/audit/planted_inline_asm.sh \
	tests/audit/planted_raw_opcode.sh \
	tests/audit/planted_user_deref.sh \
	tests/audit/planted_ostd_override.sh \
	tests/audit/planted_riscv_opcode.sh \
	tests/audit/missing_sparse.sh
TESTS += $(AUDIT_TESTS) tests/audit/cppcheck.sh
EXTRA_DIST += $(AUDIT_TESTS) tests/audit/audit_lib.sh tests/audit/cppcheck.sh \
	tests/audit/fixtures/cppcheck_bug.c \
	tests/audit/fixtures/libc_include.c tests/audit/fixtures/extern_puts.c \
	tests/audit/fixtures/inline_asm.c tests/audit/fixtures/raw_opcode.c \
	tests/audit/fixtures/user_deref.c tests/audit/fixtures/ostd_override.c

# Disassemblers: binutils' for x86-64; for RISC-V whichever is installed (llvm-objdump
# reads both), or none, and the RISC-V test says SKIP.
AUDIT_OBJDUMP = objdump
AUDIT_OBJDUMP_RISCV = $(firstword $(foreach t,riscv64-linux-gnu-objdump \
	riscv64-unknown-elf-objdump llvm-objdump llvm-objdump-14 llvm-objdump-15, \
	$(shell command -v $(t) 2>/dev/null)))

# The audit reads uninstrumented objects (sanitizer calls are not OSTD API): normally
# libservices.a itself; in a --enable-sanitizers build, an uninstrumented twin built only
# for the audit.
AUDIT_SERVICES_ARCHIVE = $(if $(KEEL_BUILD_SAN),libservices_audit.a,libservices.a)
EXTRA_LIBRARIES = libservices_audit.a
libservices_audit_a_SOURCES = $(libservices_a_SOURCES)
libservices_audit_a_CPPFLAGS = $(SERVICES_CPPFLAGS)
libservices_audit_a_CFLAGS = $(filter-out $(SAN_FLAGS),$(SERVICES_CFLAGS))
CLEANFILES += libservices_audit.a

# What the audit needs, as shell assignments: the compiler and the exact flags the build
# gives services and OSTD (uninstrumented: sanitizer calls are not OSTD API), the sources,
# the libraries and the tools. Paths in the flags are relative to the build directory.
tests/audit/audit.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/audit && { \
	echo "AUDIT_BUILDDIR='$(abs_top_builddir)'"; \
	echo "AUDIT_SRCDIR='$(abs_top_srcdir)'"; \
	echo "AUDIT_CC='$(CC)'"; \
	echo "AUDIT_SERVICES_CPPFLAGS='$(SERVICES_CPPFLAGS)'"; \
	echo "AUDIT_SERVICES_CFLAGS='$(filter-out $(SAN_FLAGS),$(SERVICES_CFLAGS))'"; \
	echo "AUDIT_OSTD_CPPFLAGS='$(libostd_a_CPPFLAGS)'"; \
	echo "AUDIT_SERVICES_SOURCES='$(libservices_a_SOURCES)'"; \
	echo "AUDIT_OSTD_SOURCES='$(libostd_a_SOURCES)'"; \
	echo "AUDIT_SERVICES_LIB='$(abs_top_builddir)/$(AUDIT_SERVICES_ARCHIVE)'"; \
	echo "AUDIT_OSTD_LIB='$(abs_top_builddir)/libostd.a'"; \
	echo "AUDIT_FREESTANDING_INC='$(FREESTANDING_INC)'"; \
	echo "AUDIT_SPARSE='$(SPARSE)'"; \
	echo "AUDIT_OBJDUMP='$(AUDIT_OBJDUMP)'"; \
	echo "AUDIT_OBJDUMP_RISCV='$(AUDIT_OBJDUMP_RISCV)'"; \
	echo "AUDIT_CLANG='$(shell command -v clang 2>/dev/null)'"; \
	echo "AUDIT_TOOL='$(abs_top_builddir)/tools/ostd-audit/ostd-audit$(EXEEXT)'"; \
	echo "AUDIT_ALLOWLIST='$(abs_top_builddir)/tools/ostd-audit/allowlist.txt'"; \
	echo "AUDIT_RUN='$(abs_top_srcdir)/tools/ostd-audit/run-audit'"; \
	} > $@.tmp && mv $@.tmp $@
CLEANFILES += tests/audit/audit.env tests/audit/audit.env.tmp

$(AUDIT_TESTS:.sh=.log): tests/audit/audit.env tools/ostd-audit/allowlist.txt \
	tools/ostd-audit/ostd-audit$(EXEEXT) $(AUDIT_SERVICES_ARCHIVE) libostd.a

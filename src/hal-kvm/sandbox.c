/* sandbox.c: the VMM's own seccomp confinement (libseccomp): after set-up it may only make
 * the host syscalls listed here; anything else traps and ends the VMM with a clear message.
 * docs/decisions.md explains why each call is on the list. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <seccomp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "kvm/kvm_engine.h"
#include "sandbox.h"
#include "vmm.h"
#include "stub/stub_abi.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANDBOX_ASAN 1
#endif
#endif

#define SANDBOX_EXIT 125
/* Descriptors above this are not inspected for the open-files rule. */
#define SANDBOX_MAX_FD 1024
/* x86-64 syscall numbers stay below this; names are looked up before confining because
 * libseccomp allocates and the handler may not. */
#define SANDBOX_NAMES 512
#define SANDBOX_NAME_LEN 24

static char sandbox_names[SANDBOX_NAMES][SANDBOX_NAME_LEN];

struct sandbox_rule {
	int nr;
	unsigned int n_args;
	struct scmp_arg_cmp args[3];
};

#define FUTEX_OP_MASK (~(unsigned long)(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
/* A pid that is not negative (a process group, or -1 = everyone); 0 would need a second
 * comparison on the same argument. */
#define PID_SINGLE SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff80000000ul, 0)

/* Every build: the kernel's console and clock, memory for malloc, the seccomp engine's
 * handoffs (futex, poll on pidfds) and stub control (zygote socket, pidfd signals), exit. */
static const struct sandbox_rule sandbox_rules[] = {
	{ SCMP_SYS(read), 1, { SCMP_A0(SCMP_CMP_EQ, 0) } },
	{ SCMP_SYS(write), 1, { SCMP_A0(SCMP_CMP_EQ, 1) } },
	{ SCMP_SYS(write), 1, { SCMP_A0(SCMP_CMP_EQ, 2) } },
	{ SCMP_SYS(ioctl), 2, { SCMP_A0(SCMP_CMP_LE, 2), SCMP_A1(SCMP_CMP_EQ, TCGETS) } },
	{ SCMP_SYS(ioctl), 2, { SCMP_A0(SCMP_CMP_LE, 2), SCMP_A1(SCMP_CMP_EQ, TIOCGWINSZ) } },
	/* The console's raw mode, and putting the host terminal back at exit. */
	{ SCMP_SYS(ioctl), 2, { SCMP_A0(SCMP_CMP_EQ, 0), SCMP_A1(SCMP_CMP_EQ, TCSETS) } },
	{ SCMP_SYS(poll), 0, { { 0 } } },
	{ SCMP_SYS(ppoll), 0, { { 0 } } },
	{ SCMP_SYS(close), 0, { { 0 } } },
	{ SCMP_SYS(clock_gettime), 0, { { 0 } } },
	{ SCMP_SYS(clock_getres), 0, { { 0 } } },
	{ SCMP_SYS(gettimeofday), 0, { { 0 } } },
	{ SCMP_SYS(getrandom), 0, { { 0 } } },
	{ SCMP_SYS(brk), 0, { { 0 } } },
	{ SCMP_SYS(mmap), 2, { SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0),
			       SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_ANONYMOUS, MAP_ANONYMOUS) } },
	{ SCMP_SYS(mprotect), 1, { SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0) } },
	{ SCMP_SYS(munmap), 0, { { 0 } } },
	{ SCMP_SYS(mremap), 0, { { 0 } } },
	{ SCMP_SYS(madvise), 0, { { 0 } } },
	{ SCMP_SYS(futex), 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, FUTEX_OP_MASK, FUTEX_WAIT) } },
	{ SCMP_SYS(futex), 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, FUTEX_OP_MASK, FUTEX_WAKE) } },
	{ SCMP_SYS(futex), 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, FUTEX_OP_MASK, FUTEX_WAIT_BITSET) } },
	{ SCMP_SYS(futex), 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, FUTEX_OP_MASK, FUTEX_WAKE_BITSET) } },
	{ SCMP_SYS(sendto), 2, { SCMP_A3(SCMP_CMP_EQ, MSG_NOSIGNAL), SCMP_A4(SCMP_CMP_EQ, 0) } },
	{ SCMP_SYS(recvmsg), 0, { { 0 } } },
	/* A stub's /proc stat file, which the zygote opened: its thread count (recycle.h). */
	{ SCMP_SYS(pread64), 0, { { 0 } } },
	{ SCMP_SYS(pidfd_send_signal), 1, { SCMP_A1(SCMP_CMP_EQ, SIGKILL) } },
	{ SCMP_SYS(pidfd_send_signal), 1, { SCMP_A1(SCMP_CMP_EQ, STUB_SIG_KICK) } },
	{ SCMP_SYS(kill), 2, { PID_SINGLE, SCMP_A1(SCMP_CMP_EQ, SIGKILL) } },
	{ SCMP_SYS(wait4), 1, { PID_SINGLE } },
	{ SCMP_SYS(rt_sigprocmask), 0, { { 0 } } },
	{ SCMP_SYS(rt_sigreturn), 0, { { 0 } } },
	{ SCMP_SYS(exit), 0, { { 0 } } },
	{ SCMP_SYS(exit_group), 0, { { 0 } } },
};

#ifdef SANDBOX_ASAN
/* ASan's allocator, its reports and its exit-time leak check (which reads /proc/self/maps
 * and stops the process's threads through a ptrace helper): only in sanitizer builds. */
static const struct sandbox_rule sandbox_asan_rules[] = {
	{ SCMP_SYS(read), 0, { { 0 } } },
	{ SCMP_SYS(write), 0, { { 0 } } },
	{ SCMP_SYS(mmap), 0, { { 0 } } },
	{ SCMP_SYS(mprotect), 0, { { 0 } } },
	{ SCMP_SYS(open), 0, { { 0 } } },
	{ SCMP_SYS(openat), 0, { { 0 } } },
	{ SCMP_SYS(getdents), 0, { { 0 } } },
	{ SCMP_SYS(fstat), 0, { { 0 } } },
	{ SCMP_SYS(newfstatat), 0, { { 0 } } },
	{ SCMP_SYS(lseek), 0, { { 0 } } },
	{ SCMP_SYS(readlink), 0, { { 0 } } },
	{ SCMP_SYS(getpid), 0, { { 0 } } },
	{ SCMP_SYS(getppid), 0, { { 0 } } },
	{ SCMP_SYS(gettid), 0, { { 0 } } },
	{ SCMP_SYS(sched_yield), 0, { { 0 } } },
	{ SCMP_SYS(sigaltstack), 0, { { 0 } } },
	{ SCMP_SYS(rt_sigaction), 0, { { 0 } } },
	{ SCMP_SYS(prctl), 0, { { 0 } } },
	{ SCMP_SYS(clone), 0, { { 0 } } },
	{ SCMP_SYS(ptrace), 0, { { 0 } } },
	{ SCMP_SYS(wait4), 0, { { 0 } } },
	{ SCMP_SYS(tgkill), 0, { { 0 } } },
	{ SCMP_SYS(getdents64), 0, { { 0 } } },
};
#endif

/* Appends the decimal form of v to p. */
static char *sandbox_put_num(char *p, unsigned long v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < (int)sizeof(tmp));
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *sandbox_put_str(char *p, const char *s, size_t max)
{
	for (size_t i = 0; i < max && s[i]; i++)
		*p++ = s[i];
	return p;
}

/* Async-signal-safe: one fixed line, then exit. The zygote dies with the VMM (its
 * PDEATHSIG) and every stub with the zygote (theirs), so nothing stays behind; the engine's
 * fini takes locks and polls, so it is not called from here. */
static void sandbox_on_sigsys(int sig, siginfo_t *si, void *uc)
{
	char line[160], *p = line;
	int nr = si->si_syscall;

	(void)sig;
	(void)uc;
	p = sandbox_put_str(p, "keel: sandbox: forbidden host syscall ", 64);
	p = sandbox_put_num(p, (unsigned long)(unsigned int)nr);
	if (nr >= 0 && nr < SANDBOX_NAMES && sandbox_names[nr][0]) {
		*p++ = ' ';
		*p++ = '(';
		p = sandbox_put_str(p, sandbox_names[nr], SANDBOX_NAME_LEN);
		*p++ = ')';
	}
	p = sandbox_put_str(p, " by the VMM; stopping\n", 32);
	hal_console_restore();
	if (write(2, line, (size_t)(p - line)) < 0)
		_exit(SANDBOX_EXIT);
	_exit(SANDBOX_EXIT);
}

static void sandbox_resolve_names(void)
{
	for (int nr = 0; nr < SANDBOX_NAMES; nr++) {
		char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);

		if (name)
			snprintf(sandbox_names[nr], SANDBOX_NAME_LEN, "%s", name);
		free(name);
	}
}

static int sandbox_add_rules(scmp_filter_ctx ctx, const struct sandbox_rule *r, size_t n,
			     char *why, size_t why_len)
{
	for (size_t i = 0; i < n; i++) {
		int err = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, r[i].nr, r[i].n_args,
						 r[i].args);
		if (err) {
			snprintf(why, why_len, "sandbox: rule %zu (syscall %d): %s", i, r[i].nr,
				 strerror(-err));
			return err;
		}
	}
	return 0;
}

static int sandbox_install_handler(void)
{
	struct sigaction sa = { .sa_sigaction = sandbox_on_sigsys, .sa_flags = SA_SIGINFO };
	sigset_t sys;

	sigemptyset(&sa.sa_mask);
	sigemptyset(&sys);
	sigaddset(&sys, SIGSYS);
	if (sigaction(SIGSYS, &sa, NULL) < 0 || sigprocmask(SIG_UNBLOCK, &sys, NULL) < 0)
		return -errno;
	return 0;
}

/* Files the VMM opened for writing before confining (--log FILE, trace files, ...) stay
 * writable; stdio fstats a file before its first write. No new file can be opened after
 * confinement, so these fd numbers cannot come to mean anything else but a received pidfd. */
static int sandbox_allow_open_files(scmp_filter_ctx ctx, char *why, size_t why_len)
{
	int err = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(fstat), 0) ?:
		  seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(newfstatat), 1,
				   SCMP_A3(SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH));

	for (int fd = 3; !err && fd < SANDBOX_MAX_FD; fd++) {
		int fl = fcntl(fd, F_GETFL);
		struct stat st;

		if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY || fstat(fd, &st) < 0 ||
		    !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
			continue;
		err = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
				       SCMP_A0(SCMP_CMP_EQ, (unsigned long)fd));
	}
	if (err)
		snprintf(why, why_len, "sandbox: rules for open files: %s", strerror(-err));
	return err;
}

/* The KVM engine: KVM_RUN and the FP switch on its vCPU fd only, and its kick timer
 * (re-armed per run, deleted at teardown). Nothing when another engine runs. */
static int sandbox_allow_kvm(scmp_filter_ctx ctx, char *why, size_t why_len)
{
	static const unsigned long reqs[] = { KVM_RUN, KVM_GET_XSAVE, KVM_SET_XSAVE };
	int fd = kvm_engine_vcpu_fd(), err = 0;

	if (vmm.engine != &kvm_engine_ops || fd < 0)
		return 0;
	for (size_t i = 0; !err && i < sizeof(reqs) / sizeof(reqs[0]); i++)
		err = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 2,
				       SCMP_A0(SCMP_CMP_EQ, (unsigned long)fd),
				       SCMP_A1(SCMP_CMP_EQ, reqs[i]));
	if (!err)
		err = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(timer_settime), 0);
	if (!err)
		err = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(timer_delete), 0);
	if (err)
		snprintf(why, why_len, "sandbox: rules for the kvm engine: %s", strerror(-err));
	return err;
}

int sandbox_confine(char *why, size_t why_len)
{
	bool selftest = getenv("KEEL_SANDBOX_SELFTEST") &&
			strcmp(getenv("KEEL_SANDBOX_SELFTEST"), "1") == 0;
	scmp_filter_ctx ctx;
	int err;

	sandbox_resolve_names();
	err = sandbox_install_handler();
	if (err) {
		snprintf(why, why_len, "sandbox: cannot install the SIGSYS handler: %s",
			 strerror(-err));
		return err;
	}
	ctx = seccomp_init(SCMP_ACT_TRAP);
	if (!ctx) {
		snprintf(why, why_len, "sandbox: libseccomp cannot start a filter");
		return -ENOMEM;
	}
	err = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRAP);
	if (err) {
		snprintf(why, why_len, "sandbox: bad-arch action: %s", strerror(-err));
		goto out_release;
	}
	err = sandbox_add_rules(ctx, sandbox_rules, sizeof(sandbox_rules) / sizeof(sandbox_rules[0]),
				why, why_len);
#ifdef SANDBOX_ASAN
	if (!err)
		err = sandbox_add_rules(ctx, sandbox_asan_rules,
					sizeof(sandbox_asan_rules) / sizeof(sandbox_asan_rules[0]),
					why, why_len);
#endif
	if (!err)
		err = sandbox_allow_open_files(ctx, why, why_len);
	if (!err)
		err = sandbox_allow_kvm(ctx, why, why_len);
	if (err)
		goto out_release;
	err = seccomp_load(ctx);
	if (err) {
		snprintf(why, why_len, "sandbox: cannot load the filter: %s", strerror(-err));
		goto out_release;
	}
	seccomp_release(ctx);
	/* Test-only: proves a refused call ends the VMM; guests cannot set the VMM's env. */
	if (selftest)
		socket(AF_INET, SOCK_STREAM, 0);
	return 0;

out_release:
	seccomp_release(ctx);
	return err;
}

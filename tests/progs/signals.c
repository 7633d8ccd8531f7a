/* signals: delivery and its options. SA_SIGINFO fields of a kill() to self; blocking, pending
 * and delivery on unblock; SA_RESETHAND; SA_NODEFER (nested delivery); a handler on the
 * alternate stack; SA_RESTART against EINTR on a pipe read cut by alarm(); sigsuspend;
 * SIGKILL and SIGTERM to a child; a counting SIGCHLD handler; SSE registers and the MXCSR
 * rounding mode unchanged across a handler that changes both. Facts only, no pids. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

static volatile sig_atomic_t hits, depth, max_depth, blocked_inside, on_altstack, altstack_flag;
static volatile sig_atomic_t reraised;
static volatile int info_signo, info_code, info_pid_ok, info_uid_ok;
static volatile int chld_count, chld_code_ok, chld_status_sum;
static int failures;   /* facts that differ from Linux's: the exit status is 1 */
static char *alt_base;
static size_t alt_size;
static int wake_pipe[2];

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
	hits++;
	info_signo = si->si_signo;
	info_code = si->si_code;
	info_pid_ok = si->si_pid == getpid();
	info_uid_ok = si->si_uid == getuid();
}

static void check_siginfo(void)
{
	hits = 0;
	install(SIGUSR1, on_info, 0);
	kill(getpid(), SIGUSR1);
	printf("siginfo: delivered=%d signo_is_SIGUSR1=%s code_is_SI_USER=%s pid=%s uid=%s\n", hits,
	       yes(info_signo == SIGUSR1), yes(info_code == SI_USER), yes(info_pid_ok),
	       yes(info_uid_ok));
	failures += !(hits == 1 && info_signo == SIGUSR1 && info_code == SI_USER && info_pid_ok &&
		       info_uid_ok);
}

static void check_block_pending(void)
{
	sigset_t set, old, pend;

	hits = 0;
	install(SIGUSR2, on_info, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);   /* a standard signal is queued once */
	sigpending(&pend);
	printf("blocked: delivered=%d pending=%s\n", hits, yes(sigismember(&pend, SIGUSR2)));
	failures += hits != 0 || !sigismember(&pend, SIGUSR2);
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigpending(&pend);
	printf("unblocked: delivered=%d pending=%s\n", hits, yes(sigismember(&pend, SIGUSR2)));
	failures += hits != 1 || sigismember(&pend, SIGUSR2);
}

static void check_resethand(void)
{
	struct sigaction now;

	hits = 0;
	install(SIGUSR1, on_info, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	sigaction(SIGUSR1, NULL, &now);
	printf("SA_RESETHAND: delivered=%d handler_now_SIG_DFL=%s\n", hits,
	       yes(now.sa_handler == SIG_DFL));
	failures += hits != 1 || now.sa_handler != SIG_DFL;
}

static void on_nest(int sig, siginfo_t *si, void *uc)
{
	sigset_t cur;

	depth++;
	if (depth > max_depth)
		max_depth = depth;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	hits++;
	if (!reraised) {
		reraised = 1;
		blocked_inside = sigismember(&cur, sig);
		/* Nests at once only when not blocked; else runs again after this returns. */
		kill(getpid(), sig);
	}
	depth--;
}

static void check_nodefer(void)
{
	max_depth = reraised = hits = 0;
	install(SIGUSR1, on_nest, 0);
	kill(getpid(), SIGUSR1);
	printf("default: blocked in its handler=%s runs=%d max nesting=%d\n", yes(blocked_inside),
	       hits, max_depth);
	failures += !blocked_inside || hits != 2 || max_depth != 1;
	max_depth = reraised = hits = 0;
	install(SIGUSR1, on_nest, SA_NODEFER);
	kill(getpid(), SIGUSR1);
	printf("SA_NODEFER: blocked in its handler=%s runs=%d max nesting=%d\n",
	       yes(blocked_inside), hits, max_depth);
	failures += blocked_inside || hits != 2 || max_depth != 2;
}

static void on_alt(int sig, siginfo_t *si, void *uc)
{
	char here;
	stack_t now;

	on_altstack = &here >= alt_base && &here < alt_base + alt_size;
	sigaltstack(NULL, &now);
	altstack_flag = (now.ss_flags & SS_ONSTACK) != 0;
}

static void check_altstack(void)
{
	stack_t ss, after;

	alt_size = 64 * 1024;
	alt_base = malloc(alt_size);
	ss.ss_sp = alt_base;
	ss.ss_size = alt_size;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL) < 0) {
		printf("sigaltstack: %s\n", errname(errno));
		failures++;
		return;
	}
	install(SIGUSR1, on_alt, SA_ONSTACK);
	kill(getpid(), SIGUSR1);
	sigaltstack(NULL, &after);
	printf("altstack: handler ran on it=%s SS_ONSTACK inside=%s SS_ONSTACK after=%s\n",
	       yes(on_altstack), yes(altstack_flag), yes(after.ss_flags & SS_ONSTACK));
	failures += !on_altstack || !altstack_flag || (after.ss_flags & SS_ONSTACK);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
}

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	hits++;
	if (write(wake_pipe[1], "w", 1) < 0)
		return;
}

/* A read blocks on an empty pipe; alarm() interrupts it and the handler then writes one
 * byte. With SA_RESTART the read resumes and gets that byte; without, it fails with EINTR. */
static void check_restart(int flags, const char *label)
{
	char c;
	ssize_t r;

	if (pipe(wake_pipe) < 0)
		return;
	hits = 0;
	install(SIGALRM, on_alarm, flags);
	alarm(1);
	r = read(wake_pipe[0], &c, 1);
	printf("%s: read=%zd %s handler ran=%d\n", label, r, r < 0 ? errname(errno) : "ok", hits);
	failures += hits != 1 || (flags & SA_RESTART ? r != 1 : r != -1);
	close(wake_pipe[0]);
	close(wake_pipe[1]);
}

static void check_sigsuspend(void)
{
	sigset_t block, wait_mask, after;
	pid_t pid;
	int r, e;

	hits = 0;
	install(SIGUSR1, on_info, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigprocmask(SIG_BLOCK, NULL, &wait_mask);
	sigdelset(&wait_mask, SIGUSR1);
	r = sigsuspend(&wait_mask);
	e = errno;
	sigprocmask(SIG_BLOCK, NULL, &after);
	printf("sigsuspend: returned=%d %s delivered=%d from_child=%s mask restored=%s\n", r,
	       errname(e), hits, yes(info_code == SI_USER), yes(sigismember(&after, SIGUSR1)));
	failures += r != -1 || e != EINTR || hits != 1 || !sigismember(&after, SIGUSR1);
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void check_kill_child(int sig)
{
	int st = 0, r;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	r = kill(pid, sig);
	waitpid(pid, &st, 0);
	printf("kill child with %d: kill=%d signaled=%s termsig=%d exited=%s core=%s\n", sig, r,
	       yes(WIFSIGNALED(st)), WIFSIGNALED(st) ? WTERMSIG(st) : -1, yes(WIFEXITED(st)),
	       yes(WIFSIGNALED(st) && WCOREDUMP(st)));
	failures += r != 0 || !WIFSIGNALED(st) || WTERMSIG(st) != sig;
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	chld_count++;
	chld_code_ok &= si->si_code == CLD_EXITED;
	chld_status_sum += si->si_status;
}

/* One child at a time, each SIGCHLD awaited before the next fork: standard signals merge, so
 * only this makes the count exact. */
static void check_sigchld(void)
{
	sigset_t block, wait_mask;

	chld_count = 0;
	chld_code_ok = 1;
	chld_status_sum = 0;
	install(SIGCHLD, on_chld, SA_RESTART);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	sigdelset(&wait_mask, SIGCHLD);
	for (int i = 1; i <= 3; i++) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0)
			_exit(10 * i);
		while (chld_count < i)
			sigsuspend(&wait_mask);
		waitpid(pid, NULL, 0);
	}
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGCHLD, SIG_DFL);
	printf("SIGCHLD: count=%d all CLD_EXITED=%s status sum=%d\n", chld_count, yes(chld_code_ok),
	       chld_status_sum);
	failures += chld_count != 3 || !chld_code_ok || chld_status_sum != 60;
}

static void on_clobber(int sig, siginfo_t *si, void *uc)
{
	uint32_t up = 0x5f80;   /* all exceptions masked, round up (RC=10) */
	volatile double a = 1.0, b = 3.0;

	hits++;
	__asm__ volatile("ldmxcsr %0" : : "m"(up));
	a = a / b;   /* uses xmm registers under the new mode */
	__asm__ volatile("pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\tpxor %%xmm8, %%xmm8\n\t"
			 "pxor %%xmm15, %%xmm15" : : : "xmm0", "xmm1", "xmm8", "xmm15");
}

/* Sixteen xmm registers hold known patterns across a kill() of self whose handler zeroes some
 * and changes the rounding mode; after sigreturn all must be as they were. */
static void check_fpu(void)
{
	uint64_t in[32], out[32];
	uint32_t mxcsr_mode = 0x7f80, mxcsr_out = 0, mxcsr_saved;   /* round toward zero */
	int same = 1;

	for (int i = 0; i < 32; i++)
		in[i] = 0x0101010101010101ull * (i + 1);
	hits = 0;
	install(SIGUSR1, on_clobber, 0);
	__asm__ volatile(
		"stmxcsr %[save]\n\t"
		"ldmxcsr %[mode]\n\t"
		"movdqu 0(%[in]), %%xmm0\n\t movdqu 16(%[in]), %%xmm1\n\t"
		"movdqu 32(%[in]), %%xmm2\n\t movdqu 48(%[in]), %%xmm3\n\t"
		"movdqu 64(%[in]), %%xmm4\n\t movdqu 80(%[in]), %%xmm5\n\t"
		"movdqu 96(%[in]), %%xmm6\n\t movdqu 112(%[in]), %%xmm7\n\t"
		"movdqu 128(%[in]), %%xmm8\n\t movdqu 144(%[in]), %%xmm9\n\t"
		"movdqu 160(%[in]), %%xmm10\n\t movdqu 176(%[in]), %%xmm11\n\t"
		"movdqu 192(%[in]), %%xmm12\n\t movdqu 208(%[in]), %%xmm13\n\t"
		"movdqu 224(%[in]), %%xmm14\n\t movdqu 240(%[in]), %%xmm15\n\t"
		"mov %[nr], %%eax\n\t mov %[pid], %%edi\n\t mov %[sig], %%esi\n\t syscall\n\t"
		"movdqu %%xmm0, 0(%[out])\n\t movdqu %%xmm1, 16(%[out])\n\t"
		"movdqu %%xmm2, 32(%[out])\n\t movdqu %%xmm3, 48(%[out])\n\t"
		"movdqu %%xmm4, 64(%[out])\n\t movdqu %%xmm5, 80(%[out])\n\t"
		"movdqu %%xmm6, 96(%[out])\n\t movdqu %%xmm7, 112(%[out])\n\t"
		"movdqu %%xmm8, 128(%[out])\n\t movdqu %%xmm9, 144(%[out])\n\t"
		"movdqu %%xmm10, 160(%[out])\n\t movdqu %%xmm11, 176(%[out])\n\t"
		"movdqu %%xmm12, 192(%[out])\n\t movdqu %%xmm13, 208(%[out])\n\t"
		"movdqu %%xmm14, 224(%[out])\n\t movdqu %%xmm15, 240(%[out])\n\t"
		"stmxcsr %[got]\n\t"
		"ldmxcsr %[save]"
		: [got] "=m"(mxcsr_out), [save] "=m"(mxcsr_saved)
		: [in] "r"(in), [out] "r"(out), [mode] "m"(mxcsr_mode), [nr] "i"(SYS_kill),
		  [pid] "r"(getpid()), [sig] "i"(SIGUSR1)
		: "rax", "rdi", "rsi", "rcx", "r11", "memory", "xmm0", "xmm1", "xmm2", "xmm3",
		  "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
		  "xmm13", "xmm14", "xmm15");
	for (int i = 0; i < 32; i++)
		same &= in[i] == out[i];
	printf("fpu: handler ran=%d xmm0-15 preserved=%s MXCSR round-toward-zero kept=%s\n", hits,
	       yes(same), yes((mxcsr_out & 0x6000) == 0x6000));
	failures += hits != 1 || !same || (mxcsr_out & 0x6000) != 0x6000;
}

int main(void)
{
	check_siginfo();
	check_block_pending();
	check_resethand();
	check_nodefer();
	check_altstack();
	check_restart(SA_RESTART, "SA_RESTART");
	check_restart(0, "no SA_RESTART");
	check_sigsuspend();
	check_kill_child(SIGKILL);
	check_kill_child(SIGTERM);
	check_sigchld();
	check_fpu();
	return failures ? 1 : 0;
}

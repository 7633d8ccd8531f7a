/* fp_fork: the SSE registers a syscall leaves alone, on both sides of a fork and across a
 * signal sent to oneself whose handler clobbers them. Each check loads xmm8-xmm15 with
 * known values, makes the syscall and stores the registers, all in one asm block, so the
 * compiler cannot use them in between. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NREGS 8

static const unsigned long long want[NREGS] = {
	0x1111111111111111ull, 0x2222222222222222ull, 0x3333333333333333ull,
	0x4444444444444444ull, 0x5555555555555555ull, 0x6666666666666666ull,
	0x7777777777777777ull, 0x0123456789abcdefull,
};

#define LOAD(reg, i) "movq " #i "*8(%[in]), " reg "\n\t"
#define STORE(reg, i) "movq " reg ", " #i "*8(%[out])\n\t"

/* Syscall nr(a0, a1, a2) with xmm8-15 holding want[]; their values after it go to out. */
static long syscall_keeping_xmm(long nr, long a0, long a1, long a2,
				unsigned long long out[NREGS])
{
	long ret;

	__asm__ volatile(LOAD("%%xmm8", 0) LOAD("%%xmm9", 1) LOAD("%%xmm10", 2)
			 LOAD("%%xmm11", 3) LOAD("%%xmm12", 4) LOAD("%%xmm13", 5)
			 LOAD("%%xmm14", 6) LOAD("%%xmm15", 7)
			 "syscall\n\t"
			 STORE("%%xmm8", 0) STORE("%%xmm9", 1) STORE("%%xmm10", 2)
			 STORE("%%xmm11", 3) STORE("%%xmm12", 4) STORE("%%xmm13", 5)
			 STORE("%%xmm14", 6) STORE("%%xmm15", 7)
			 : "=a"(ret)
			 : "0"(nr), "D"(a0), "S"(a1), "d"(a2), [in] "r"(want), [out] "r"(out)
			 : "rcx", "r11", "memory", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
			   "xmm13", "xmm14", "xmm15");
	return ret;
}

static int same(const unsigned long long got[NREGS])
{
	return memcmp(got, want, sizeof(want)) == 0;
}

static volatile sig_atomic_t handled;

static void clobber(int sig)
{
	(void)sig;
	__asm__ volatile("pxor %%xmm8, %%xmm8\n\t pcmpeqd %%xmm9, %%xmm9\n\t"
			 "pxor %%xmm15, %%xmm15" ::: "xmm8", "xmm9", "xmm15");
	handled = 1;
}

int main(void)
{
	unsigned long long got[NREGS];
	struct sigaction sa;
	long pid;
	int status;

	pid = syscall_keeping_xmm(SYS_fork, 0, 0, 0, got);
	if (pid < 0) {
		printf("fork failed\n");
		return 1;
	}
	if (pid == 0)
		_exit(same(got) ? 0 : 3);
	printf("fork: parent keeps xmm8-15: %s\n", same(got) ? "yes" : "no");
	if (waitpid((pid_t)pid, &status, 0) != pid || !WIFEXITED(status)) {
		printf("fork: child lost\n");
		return 1;
	}
	printf("fork: child starts with xmm8-15: %s\n", WEXITSTATUS(status) == 0 ? "yes" : "no");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = clobber;
	sigaction(SIGUSR1, &sa, NULL);
	syscall_keeping_xmm(SYS_kill, getpid(), SIGUSR1, 0, got);
	printf("kill self: handler ran: %s, xmm8-15 back after it: %s\n", handled ? "yes" : "no",
	       same(got) ? "yes" : "no");
	handled = 0;
	pid = syscall_keeping_xmm(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1, got);
	printf("tgkill self: %ld, handler ran: %s, xmm8-15 back after it: %s\n", pid,
	       handled ? "yes" : "no", same(got) ? "yes" : "no");
	return 0;
}

/* segv_info: hardware faults become signals with Linux's siginfo. SIGSEGV with SEGV_MAPERR
 * for an unmapped page and SEGV_ACCERR for a write to a read-only page or a read of a
 * PROT_NONE page, si_addr the faulting address, page-fault trap number and error bits in the
 * ucontext; SIGFPE/FPE_INTDIV for an integer division by zero; SIGILL/ILL_ILLOPN at a ud2;
 * SIGTRAP at an int3. Each handler leaves with siglongjmp, which restores the signal mask. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int got_signo, got_code, got_errno_field;
static void *volatile got_addr;
static volatile long got_trapno, got_err;

extern char segv_ud2_site[];

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	got_signo = si->si_signo;
	got_code = si->si_code;
	got_errno_field = si->si_errno;
	got_addr = si->si_addr;
	got_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	got_err = uc->uc_mcontext.gregs[REG_ERR];
	siglongjmp(env, 1);
}

static void install(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static int mask_is_clear(void)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return !sigismember(&cur, SIGSEGV) && !sigismember(&cur, SIGFPE) &&
	       !sigismember(&cur, SIGILL) && !sigismember(&cur, SIGTRAP);
}

/* Page-fault error code bits: 1 present, 2 write, 4 user. A PROT_NONE page is never present
 * to the MMU on Linux, so reading it shows 4. */
static int segv_check(const char *label, volatile char *p, int write, int want_code,
		      int want_err)
{
	int ok;

	got_signo = 0;
	if (sigsetjmp(env, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		printf("%s: no fault\n", label);
		return 0;
	}
	ok = got_signo == SIGSEGV && got_code == want_code && got_addr == (void *)p &&
	     got_trapno == 14 && (got_err & 7) == want_err && mask_is_clear();
	printf("%s: SIGSEGV=%s code=%s si_addr exact=%s si_errno=%d trapno 14=%s err bits=%ld "
	       "mask restored=%s\n", label, yes(got_signo == SIGSEGV),
	       got_code == SEGV_MAPERR   ? "SEGV_MAPERR"
	       : got_code == SEGV_ACCERR ? "SEGV_ACCERR"
					 : "other",
	       yes(got_addr == (void *)p), got_errno_field, yes(got_trapno == 14), got_err & 7,
	       yes(mask_is_clear()));
	return ok;
}

static int fpe_check(void)
{
	volatile unsigned zero = 0;
	unsigned eax = 1;

	got_signo = 0;
	if (sigsetjmp(env, 1) == 0) {
		/* By hand: the compiler may not emit a division whose result is never used. */
		__asm__ volatile("xor %%edx, %%edx\n\tdivl %1" : "+a"(eax) : "r"(zero) : "rdx");
		printf("divide by zero: no fault\n");
		return 0;
	}
	printf("divide by zero: SIGFPE=%s code FPE_INTDIV=%s trapno 0=%s\n",
	       yes(got_signo == SIGFPE), yes(got_code == FPE_INTDIV), yes(got_trapno == 0));
	return got_signo == SIGFPE && got_code == FPE_INTDIV;
}

static int ill_check(void)
{
	got_signo = 0;
	if (sigsetjmp(env, 1) == 0) {
		__asm__ volatile(".globl segv_ud2_site\nsegv_ud2_site: ud2");
		printf("ud2: no fault\n");
		return 0;
	}
	printf("ud2: SIGILL=%s code ILL_ILLOPN=%s si_addr at ud2=%s trapno 6=%s\n",
	       yes(got_signo == SIGILL), yes(got_code == ILL_ILLOPN),
	       yes(got_addr == (void *)segv_ud2_site), yes(got_trapno == 6));
	return got_signo == SIGILL && got_code == ILL_ILLOPN && got_addr == (void *)segv_ud2_site;
}

static int trap_check(void)
{
	got_signo = 0;
	if (sigsetjmp(env, 1) == 0) {
		__asm__ volatile("int3");
		printf("int3: no trap\n");
		return 0;
	}
	printf("int3: SIGTRAP=%s code SI_KERNEL=%s trapno 3=%s\n", yes(got_signo == SIGTRAP),
	       yes(got_code == SI_KERNEL), yes(got_trapno == 3));
	return got_signo == SIGTRAP;
}

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *gone, *ro, *none;
	int ok = 1;

	install(SIGSEGV);
	install(SIGFPE);
	install(SIGILL);
	install(SIGTRAP);
	gone = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* Written first, so the read-only page is present and the error says "present". */
	ro = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	none = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (gone == MAP_FAILED || ro == MAP_FAILED || none == MAP_FAILED)
		return 2;
	ro[100] = 5;
	if (mprotect(ro, page, PROT_READ) < 0)
		return 2;
	munmap(gone, page);
	ok &= segv_check("read of an unmapped page", gone + 24, 0, SEGV_MAPERR, 4);
	ok &= segv_check("write to an unmapped page", gone + 8, 1, SEGV_MAPERR, 6);
	ok &= segv_check("write to a read-only page", ro + 100, 1, SEGV_ACCERR, 7);
	ok &= segv_check("read of a PROT_NONE page", none + 4095, 0, SEGV_ACCERR, 4);
	ok &= fpe_check();
	ok &= ill_check();
	ok &= trap_check();
	return ok ? 0 : 1;
}

/* mmtest.h: what the mm test programs share: errno names beyond errname.h's, and a
 * SIGSEGV/SIGBUS catcher that reports signal, si_code and address. Header-only. */
#ifndef TESTS_PROGS_MM_MMTEST_H
#define TESTS_PROGS_MM_MMTEST_H
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "../errname.h"

static inline const char *mm_errname(int e)
{
	switch (e) {
	case ENODEV: return "ENODEV";
	case EEXIST: return "EEXIST";
	case EBUSY: return "EBUSY";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EOVERFLOW: return "EOVERFLOW";
	default: return errname(e);
	}
}

/* "ok" for a call that succeeded (r != failed), else the errno's name. */
#define MM_RES(r, failed) ((r) != (failed) ? "ok" : mm_errname(errno))

static sigjmp_buf mm_jump;
static volatile int mm_sig, mm_code;
static void *volatile mm_addr;

static void mm_on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	mm_sig = sig;
	mm_code = si->si_code;
	mm_addr = si->si_addr;
	siglongjmp(mm_jump, 1);
}

static inline void mm_catch_faults(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = mm_on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

static inline const char *mm_signame(int sig)
{
	return sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : "other";
}

/* Touches *p (a write when value >= 0) and prints what happened: the byte read, "written",
 * or the signal with its si_code and the address relative to base. */
#define MM_TOUCH(label, p, value, base) do {                                         \
	volatile char *mm_p = (volatile char *)(p);                                   \
	if (sigsetjmp(mm_jump, 1) == 0) {                                             \
		if ((value) >= 0) {                                                   \
			*mm_p = (char)(value);                                        \
			printf("%s: written\n", label);                               \
		} else {                                                              \
			printf("%s: read %d\n", label, *mm_p);                        \
		}                                                                     \
	} else {                                                                      \
		printf("%s: %s code %d at base+%ld\n", label, mm_signame(mm_sig),     \
		       mm_code, (long)((char *)mm_addr - (char *)(base)));            \
	}                                                                             \
} while (0)

#endif

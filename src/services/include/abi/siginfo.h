/* abi/siginfo.h: Linux's siginfo_t for x86-64 (128 bytes) and its si_code values. */
#ifndef ABI_SIGINFO_H
#define ABI_SIGINFO_H

#include <stdint.h>

#define SI_USER     0
#define SI_KERNEL   0x80
#define SI_QUEUE    (-1)
#define SI_TIMER    (-2)
#define SI_TKILL    (-6)

#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN  1
#define BUS_ADRERR  2
#define ILL_ILLOPN  2
#define FPE_INTDIV  1
#define FPE_FLTINV  7
#define TRAP_BRKPT  1
#define TRAP_TRACE  2

#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_TRAPPED   4
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

typedef struct {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
	int32_t __pad0;
	union {
		struct {                 /* kill, tkill, sigqueue */
			int32_t pid;
			uint32_t uid;
			uint64_t value;  /* sigqueue's sigval */
		} kill;
		struct {                 /* SIGCHLD */
			int32_t pid;
			uint32_t uid;
			int32_t status;
			int32_t __pad1;
			int64_t utime, stime;
		} chld;
		struct {                 /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			uint64_t addr;
		} fault;
		struct {                 /* POSIX timers (timer_create) */
			int32_t tid;
			int32_t overrun;
			uint64_t value;
		} timer;
		uint8_t __bytes[112];
	} u;
} ksiginfo_t;

_Static_assert(sizeof(ksiginfo_t) == 128, "siginfo_t is 128 bytes");

#endif

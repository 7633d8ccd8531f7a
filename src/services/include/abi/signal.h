/* abi/signal.h: signal numbers, the kernel's struct sigaction and stack_t, mask operations. */
#ifndef ABI_SIGNAL_H
#define ABI_SIGNAL_H

#include <stdint.h>

#define SIGHUP    1
#define SIGINT    2
#define SIGQUIT   3
#define SIGILL    4
#define SIGTRAP   5
#define SIGABRT   6
#define SIGBUS    7
#define SIGFPE    8
#define SIGKILL   9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPWR    30
#define SIGSYS    31
#define SIGRTMIN  32
#define KERNEL_NSIG 64

#define SIG_DFL 0ul
#define SIG_IGN 1ul

#define SA_NOCLDSTOP 0x00000001u
#define SA_NOCLDWAIT 0x00000002u
#define SA_SIGINFO   0x00000004u
#define SA_RESTORER  0x04000000u
#define SA_ONSTACK   0x08000000u
#define SA_RESTART   0x10000000u
#define SA_NODEFER   0x40000000u
#define SA_RESETHAND 0x80000000u

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SS_ONSTACK    1
#define SS_DISABLE    2
#define SS_AUTODISARM (1u << 31)
#define MINSIGSTKSZ   2048
#define SIGSTKSZ      8192

/* The kernel's view: mask last, 8 bytes (sigsetsize must be 8). */
typedef uint64_t kernel_sigset_t;

struct sigaction {
	uint64_t sa_handler;
	uint64_t sa_flags;
	uint64_t sa_restorer;
	kernel_sigset_t sa_mask;
};

typedef struct {
	uint64_t ss_sp;
	int32_t  ss_flags;
	uint32_t __pad;
	uint64_t ss_size;
} stack_t;

#endif

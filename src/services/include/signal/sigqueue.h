/* signal/sigqueue.h: a set of pending signals with the siginfo of each. Standard signals
 * are pending once; real-time signals queue every instance, up to SIGQUEUE_RT_DEPTH of
 * them per queue (Linux bounds them by RLIMIT_SIGPENDING). */
#ifndef SERVICES_SIGNAL_SIGQUEUE_H
#define SERVICES_SIGNAL_SIGQUEUE_H

#include <ostd/types.h>
#include <abi/signal.h>
#include <abi/siginfo.h>

#define SIGQUEUE_RT_DEPTH 1024

struct sigqueue_entry;

struct sigqueue {
	kernel_sigset_t set;                 /* bit sig-1: at least one instance pending */
	struct sigqueue_entry *head, *tail;  /* instances in arrival order */
	unsigned int rt_count;               /* real-time instances queued */
};

#define SIG_BIT(sig) (1ull << ((sig) - 1))
#define SIG_UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))

void sigqueue_init(struct sigqueue *q);
/* Frees every instance. */
void sigqueue_clear(struct sigqueue *q);
/* Adds an instance of info->si_signo (1..64): a standard signal already pending is dropped
 * (0, the first siginfo stays); -EAGAIN when a real-time signal has too many queued or
 * memory is short; -EINVAL for a signal number out of range. */
int sigqueue_add(struct sigqueue *q, const ksiginfo_t *info);
/* Removes the oldest instance of sig into *info: 0, or -ENOENT when none is pending. */
int sigqueue_take(struct sigqueue *q, int sig, ksiginfo_t *info);
/* Removes every instance of the signals in set. */
void sigqueue_flush(struct sigqueue *q, kernel_sigset_t set);

#endif

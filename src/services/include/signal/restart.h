/* signal/restart.h: Linux's restart_syscall. A timed sleep that a signal without a handler
 * interrupted (a stop and continue, an ignored signal) goes on with the time it had left,
 * not its whole timeout: it saves in its thread's restart block how to go on and returns
 * -ERESTART_RESTARTBLOCK; the signal code then makes the thread's next instruction the
 * restart_syscall syscall, which runs the block. A handler in between gets EINTR, and its
 * sigreturn forgets the block, as on Linux. */
#ifndef SERVICES_SIGNAL_RESTART_H
#define SERVICES_SIGNAL_RESTART_H

#include <ostd/types.h>

struct restart_block {
	long (*fn)(const struct restart_block *rb);   /* NULL: nothing to resume (EINTR) */
	uint64_t deadline_ns;       /* monotonic */
	uaddr_t uaddr;              /* nanosleep's rem, or the futex word */
	uint32_t val, bitset;       /* a futex wait's expected value and bitset */
	bool shared;                /* a futex wait on a shared mapping */
};

/* Saves rb as the current thread's restart block; returns -ERESTART_RESTARTBLOCK. */
long restart_block_set(const struct restart_block *rb);
/* Forgets the current thread's restart block (sigreturn). */
void restart_block_clear(void);
long sys_restart_syscall(void);

#endif

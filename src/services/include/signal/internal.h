/* signal/internal.h: what the signal files share among themselves (dequeueing, forcing,
 * the alternate stack); other subsystems use signal/signal.h. */
#ifndef SERVICES_SIGNAL_INTERNAL_H
#define SERVICES_SIGNAL_INTERNAL_H

#include <ostd/types.h>
#include <abi/signal.h>
#include <abi/siginfo.h>

struct process;
struct thread;

/* Removes the next signal of allowed pending for t (its own queue first, then its
 * process's) into *info; returns it, or 0 when none. */
int signal_dequeue(struct thread *t, kernel_sigset_t allowed, ksiginfo_t *info);
/* Discards the pending instances of set in p's shared queue and every thread's. */
void signal_flush_process(struct process *p, kernel_sigset_t set);
/* Queues sig for t even when blocked or ignored: it is unblocked and reset to SIG_DFL
 * then (Linux's force_sig), so it cannot be ignored forever. */
void signal_force(struct thread *t, const ksiginfo_t *info);
/* A handler frame for sig could not be built: SIGSEGV follows, with the default action
 * when sig was SIGSEGV itself (Linux's force_sigsegv). */
void signal_force_sigsegv(struct thread *t, int sig);

/* Disarms p's ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF and frees their timers. */
void itimer_release(struct process *p);

/* The alternate stack. Whether sp is on alt (never, with SS_AUTODISARM). */
bool altstack_is_on(const stack_t *alt, uint64_t sp);
/* Whether sp is within alt whatever its flags (Linux's __on_sig_stack). */
bool altstack_contains(const stack_t *alt, uint64_t sp);
/* What sigaltstack reports for alt while the stack pointer is sp. */
void altstack_report(const stack_t *alt, uint64_t sp, stack_t *out);
/* sigaltstack's change of alt to ss while the stack pointer is sp: -EPERM on it,
 * -EINVAL for bad flags, -ENOMEM when too small. */
int altstack_change(stack_t *alt, const stack_t *ss, uint64_t sp);

#endif

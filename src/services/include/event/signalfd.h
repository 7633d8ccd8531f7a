/* event/signalfd.h: reading pending signals through a descriptor, and the syscalls. */
#ifndef SERVICES_EVENT_SIGNALFD_H
#define SERVICES_EVENT_SIGNALFD_H

#include <ostd/types.h>
#include <abi/signal.h>
#include <abi/signalfd.h>

struct process;

/* Wakes signalfd readers and pollers: a signal was queued for p. Signal sending reaches
 * it through signal_queued_hook (signal/signal.h), set when the first signalfd is made,
 * so that the signal code still links alone (its unit tests) without this file. */
void signalfd_notify(struct process *p);

long sys_signalfd(int fd, const kernel_sigset_t __user *mask, size_t sizemask);
long sys_signalfd4(int fd, const kernel_sigset_t __user *mask, size_t sizemask, int flags);

#endif

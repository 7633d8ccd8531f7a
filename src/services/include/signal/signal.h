/* signal/signal.h: signal dispositions and masks (recorded in v0; delivery comes later). */
#ifndef SERVICES_SIGNAL_SIGNAL_H
#define SERVICES_SIGNAL_SIGNAL_H

#include <ostd/types.h>
#include <abi/signal.h>

long sys_rt_sigaction(int sig, const struct sigaction __user *act,
		      struct sigaction __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const kernel_sigset_t __user *set,
			kernel_sigset_t __user *oset, size_t sigsetsize);
long sys_sigaltstack(const stack_t __user *ss, stack_t __user *old_ss);

#endif

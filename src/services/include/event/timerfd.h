/* event/timerfd.h: timers read through a descriptor, and their syscalls. */
#ifndef SERVICES_EVENT_TIMERFD_H
#define SERVICES_EVENT_TIMERFD_H

#include <ostd/types.h>

/* The ABI (abi/timerfd.h) is not included, so that hosted tests can take struct
 * itimerspec and the TFD_* flags from the host's headers. */
struct itimerspec;

long sys_timerfd_create(int clockid, int flags);
long sys_timerfd_settime(int fd, int flags, const struct itimerspec __user *new_value,
			 struct itimerspec __user *old_value);
long sys_timerfd_gettime(int fd, struct itimerspec __user *cur_value);

#endif

/* event/epoll.h: epoll instances and their syscalls: epoll_create, epoll_create1,
 * epoll_ctl, epoll_wait, epoll_pwait and epoll_pwait2. */
#ifndef SERVICES_EVENT_EPOLL_H
#define SERVICES_EVENT_EPOLL_H

#include <ostd/types.h>
#include <abi/epoll.h>
#include <abi/signal.h>

struct file;
struct timespec;

bool file_is_epoll(const struct file *f);

long sys_epoll_create(int size);
long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event __user *event);
long sys_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
		    int timeout_ms);
long sys_epoll_pwait(int epfd, struct epoll_event __user *events, int maxevents,
		     int timeout_ms, const kernel_sigset_t __user *sigmask, size_t sigsetsize);
long sys_epoll_pwait2(int epfd, struct epoll_event __user *events, int maxevents,
		      const struct timespec __user *timeout,
		      const kernel_sigset_t __user *sigmask, size_t sigsetsize);

#endif

/* zygote.h: the helper process that starts stubs. It is forked from the VMM before the
 * VMM starts threads or confines itself; it execs each stub from the sealed stub memfd,
 * so stubs are never copies of the (maybe instrumented, confined) VMM. */
#ifndef HAL_KVM_SECCOMP_ZYGOTE_H
#define HAL_KVM_SECCOMP_ZYGOTE_H

#include <stdint.h>
#include <sys/types.h>

struct zygote {
	pid_t pid;
	int sock;
};

/* Forks the zygote holding memfd (guest RAM) and stub_fd (the stub image). */
int zygote_start(struct zygote *z, int memfd, int stub_fd);
/* Asks for a stub whose block of slots is at memfd offset ctl_off; it starts while the
 * caller goes on. 0 or -ESRCH. Replies come in the order of the requests. */
int zygote_request(struct zygote *z, uint64_t ctl_off, uint64_t ram_bytes);
/* Waits for the reply to the oldest request not yet collected: 0 with the stub's pid, a
 * pidfd (the stub has exec'd by then) and its /proc stat file (-1 when the zygote could
 * not open it), or a negative errno. */
int zygote_collect(struct zygote *z, pid_t *pid, int *pidfd, int *statfd);
/* Ends the zygote and reaps it. Stubs die with it (PR_SET_PDEATHSIG). */
void zygote_stop(struct zygote *z);

#endif

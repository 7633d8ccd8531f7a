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
/* Starts a stub whose first control page is at memfd offset ctl_off; returns 0 with its
 * pid and a pidfd, or a negative errno. */
int zygote_spawn(struct zygote *z, uint64_t ctl_off, uint64_t ram_bytes, pid_t *pid,
		 int *pidfd);
/* Ends the zygote and reaps it. Stubs die with it (PR_SET_PDEATHSIG). */
void zygote_stop(struct zygote *z);

#endif

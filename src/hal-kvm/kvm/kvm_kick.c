/* kvm_kick.c: preemption of a spinning guest: a POSIX timer aimed at the CPU thread
 * (SIGEV_THREAD_ID) at the run's deadline. Its handler sets kvm_run.immediate_exit, so a
 * signal that lands just before KVM_RUN still ends it at once (KVM's documented way to
 * kick a vCPU thread without a race); one during KVM_RUN makes it return EINTR. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kvm/kvm_engine.h"

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static struct kvm_run *volatile kick_run;

static int kick_signo(void)
{
	return SIGRTMIN + 4;
}

static void kick_handler(int sig)
{
	struct kvm_run *r = kick_run;

	(void)sig;
	if (r)
		r->immediate_exit = 1;
}

int kvm_kick_init(char *why, size_t why_len)
{
	struct sigaction sa = { .sa_handler = kick_handler };
	struct sigevent sev;
	sigset_t set;

	sigemptyset(&sa.sa_mask);
	kick_run = kvm_engine.vm.run;
	sigemptyset(&set);
	sigaddset(&set, kick_signo());
	if (sigaction(kick_signo(), &sa, NULL) < 0 || sigprocmask(SIG_UNBLOCK, &set, NULL) < 0) {
		snprintf(why, why_len, "kvm: kick signal: %s", strerror(errno));
		return -errno;
	}
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = kick_signo();
	sev.sigev_notify_thread_id = (pid_t)syscall(SYS_gettid);
	if (timer_create(CLOCK_MONOTONIC, &sev, &kvm_engine.timer) < 0) {
		snprintf(why, why_len, "kvm: kick timer: %s", strerror(errno));
		return -errno;
	}
	kvm_engine.timer_up = true;
	kvm_engine.cpu_thread = pthread_self();
	kvm_engine.armed_ns = 0;
	return 0;
}

void kvm_kick_fini(void)
{
	kick_run = NULL;
	if (kvm_engine.timer_up)
		timer_delete(kvm_engine.timer);
	kvm_engine.timer_up = false;
}

void kvm_kick_arm(uint64_t deadline_ns)
{
	struct itimerspec its;

	if (deadline_ns == UINT64_MAX)
		deadline_ns = 0;    /* disarmed */
	if (deadline_ns == kvm_engine.armed_ns)
		return;
	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = (time_t)(deadline_ns / 1000000000ull);
	its.it_value.tv_nsec = (long)(deadline_ns % 1000000000ull);
	timer_settime(kvm_engine.timer, TIMER_ABSTIME, &its, NULL);
	kvm_engine.armed_ns = deadline_ns;
}

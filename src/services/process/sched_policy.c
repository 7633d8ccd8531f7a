/* process/sched_policy.c: nice values (getpriority, setpriority) and scheduling policies
 * (sched_*scheduler, sched_*param, sched_get_priority_*), with Linux's permission rules
 * and errors. Keel keeps what a program sets and reports it back, but its one CPU runs
 * every runnable thread round robin whatever the policy (docs/decisions.md). Root (euid 0)
 * stands for CAP_SYS_NICE. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/resource.h>
#include <abi/sched_policy.h>
#include <process/cred.h>
#include <process/process.h>

#define NICE_MIN (-20)
#define NICE_MAX 19
#define RT_PRIO_MAX 99

/* --- getpriority / setpriority --- */

struct prio_walk {
	int which, who;
	int niceval;              /* setpriority's, clamped */
	int best;                 /* getpriority: the lowest nice seen */
	long err;                 /* -ESRCH until a process matches */
};

static bool prio_matches(const struct process *p, const struct prio_walk *w)
{
	if (p->state == PROCESS_ZOMBIE)
		return false;
	switch (w->which) {
	case PRIO_PROCESS: return p->pid == w->who;
	case PRIO_PGRP:    return p->pgid == w->who;
	default:           return p->cred.uid == (unsigned int)w->who;
	}
}

static int prio_get_one(struct process *p, void *arg)
{
	struct prio_walk *w = arg;

	if (prio_matches(p, w)) {
		if (w->err == -ESRCH || p->nice < w->best)
			w->best = p->nice;
		w->err = 0;
	}
	return 0;
}

/* Linux's set_one_prio: the caller must own the target (or be root), and only root (or
 * RLIMIT_NICE) may lower a nice value. */
static int prio_set_one(struct process *p, void *arg)
{
	const struct cred *me = &process_current()->cred;
	struct prio_walk *w = arg;

	if (!prio_matches(p, w))
		return 0;
	if (p->cred.uid != me->euid && p->cred.euid != me->euid && !cred_is_root(me)) {
		w->err = -EPERM;
		return 0;
	}
	if (w->niceval < p->nice && !cred_is_root(me) &&
	    20 - w->niceval > (long)process_current()->rlimits[RLIMIT_NICE].rlim_cur) {
		w->err = -EACCES;
		return 0;
	}
	if (w->err == -ESRCH)
		w->err = 0;
	p->nice = w->niceval;
	return 0;
}

/* which and who as Linux reads them: who 0 is the caller's own pid, group or uid. */
static long prio_walk_init(struct prio_walk *w, int which, int who)
{
	struct process *me = process_current();

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	w->which = which;
	w->who = who;
	w->err = -ESRCH;
	if (who == 0)
		w->who = which == PRIO_PROCESS ? me->pid : which == PRIO_PGRP ? me->pgid :
			 (int)me->cred.uid;
	return 0;
}

long sys_getpriority(int which, int who)
{
	struct prio_walk w;
	long err = prio_walk_init(&w, which, who);

	if (err)
		return err;
	process_for_each(prio_get_one, &w);
	/* The syscall returns 20 - nice (1..40); libc turns it back into the nice value. */
	return w.err ? w.err : 20 - w.best;
}

long sys_setpriority(int which, int who, int niceval)
{
	struct prio_walk w;
	long err = prio_walk_init(&w, which, who);

	if (err)
		return err;
	w.niceval = niceval < NICE_MIN ? NICE_MIN : niceval > NICE_MAX ? NICE_MAX : niceval;
	process_for_each(prio_set_one, &w);
	return w.err;
}

/* --- scheduling policies --- */

static bool policy_is_rt(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static bool policy_is_known(int policy)
{
	return policy == SCHED_OTHER || policy == SCHED_BATCH || policy == SCHED_IDLE ||
	       policy_is_rt(policy);
}

/* The process pid names (0: the caller); -EINVAL for a negative pid, -ESRCH. */
static long policy_target(int pid, struct process **out)
{
	struct process *p;

	if (pid < 0)
		return -EINVAL;
	p = pid ? process_find(pid) : process_current();
	if (!p || p->state == PROCESS_ZOMBIE)
		return -ESRCH;
	*out = p;
	return 0;
}

/* Linux's __sched_setscheduler checks, for an unprivileged caller: its own processes
 * only, real-time only within RLIMIT_RTPRIO. */
static long policy_set(struct process *p, int policy, int prio)
{
	const struct cred *me = &process_current()->cred;
	int base = policy & ~SCHED_RESET_ON_FORK;

	if (!policy_is_known(base))
		return -EINVAL;
	if (policy_is_rt(base) ? prio < 1 || prio > RT_PRIO_MAX : prio != 0)
		return -EINVAL;
	if (!cred_is_root(me)) {
		if (p->cred.uid != me->euid && p->cred.euid != me->euid)
			return -EPERM;
		if (policy_is_rt(base) &&
		    (uint64_t)prio > process_current()->rlimits[RLIMIT_RTPRIO].rlim_cur)
			return -EPERM;
	}
	p->sched_policy = policy;
	p->sched_priority = prio;
	return 0;
}

static long policy_read_param(const void __user *uparam, int *prio)
{
	struct sched_param sp;

	if (!uparam)
		return -EINVAL;
	if (copy_from_user(&sp, uparam, sizeof(sp)))
		return -EFAULT;
	*prio = sp.sched_priority;
	return 0;
}

long sys_sched_setscheduler(int pid, int policy, const void __user *param)
{
	struct process *p;
	long err;
	int prio;

	if (pid < 0 || policy < 0)
		return -EINVAL;
	err = policy_read_param(param, &prio);
	if (!err)
		err = policy_target(pid, &p);
	return err ? err : policy_set(p, policy, prio);
}

long sys_sched_setparam(int pid, const void __user *param)
{
	struct process *p;
	long err;
	int prio;

	if (pid < 0)
		return -EINVAL;
	err = policy_read_param(param, &prio);
	if (!err)
		err = policy_target(pid, &p);
	return err ? err : policy_set(p, p->sched_policy, prio);
}

long sys_sched_getscheduler(int pid)
{
	struct process *p;
	long err = policy_target(pid, &p);

	return err ? err : p->sched_policy;
}

long sys_sched_getparam(int pid, void __user *param)
{
	struct sched_param sp = { 0 };
	struct process *p;
	long err;

	if (!param || pid < 0)
		return -EINVAL;
	err = policy_target(pid, &p);
	if (err)
		return err;
	sp.sched_priority = p->sched_priority;
	return copy_to_user(param, &sp, sizeof(sp)) ? -EFAULT : 0;
}

long sys_sched_get_priority_max(int policy)
{
	if (policy_is_rt(policy))
		return RT_PRIO_MAX;
	return policy_is_known(policy) || policy == SCHED_DEADLINE ? 0 : -EINVAL;
}

long sys_sched_get_priority_min(int policy)
{
	if (policy_is_rt(policy))
		return 1;
	return policy_is_known(policy) || policy == SCHED_DEADLINE ? 0 : -EINVAL;
}

/* signal/kill.c: kill, tkill, tgkill and rt_sigqueueinfo: finding targets and checking
 * the sender may signal them. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/policy.h>
#include <signal/signal.h>

/* The siginfo kill and tkill attach: who sent it (pid, real uid). */
static void kill_info(ksiginfo_t *k, int sig, int code)
{
	struct process *p = process_current();

	*k = (ksiginfo_t){ .si_signo = sig, .si_code = code };
	k->u.kill.pid = p->pid;
	k->u.kill.uid = p->cred.uid;
}

/* Checks permission, then sends (sig 0: only the check). */
static int kill_one(struct process *target, int sig, const ksiginfo_t *info)
{
	struct process *self = process_current();

	if (!signal_kill_permitted(&self->cred, &target->cred, sig, self->sid == target->sid))
		return -EPERM;
	if (sig == 0)
		return 0;
	return signal_send_process(target, sig, info);
}

/* kill(pid <= 0): every matching process. The result follows Linux: for a group, 0 when
 * one was signalled, else the last error (-ESRCH when none matched); for -1, -ESRCH only
 * when none matched, and EPERM never reported. */
static int kill_many(int pid, int sig, const ksiginfo_t *info)
{
	struct process *self = process_current(), *p;
	int id, err, ret = pid == -1 ? 0 : -ESRCH, count = 0;
	bool sent = false;

	/* No process list in the API: walk the pid space; kill of many is rare. */
	for (id = 1; id < PID_MAX; id++) {
		p = process_find(id);
		if (!p || p->pid != id ||
		    !signal_kill_selects(pid, self->pid, self->pgid, p->pid, p->pgid))
			continue;
		count++;
		err = kill_one(p, sig, info);
		sent |= err == 0;
		if (pid != -1 || err != -EPERM)
			ret = err;
	}
	if (pid == -1)
		return count ? ret : -ESRCH;
	return sent ? 0 : ret;
}

static int kill_send(int pid, int sig, const ksiginfo_t *info)
{
	struct process *p;

	if (pid > 0) {
		p = process_find(pid);
		if (!p || p->pid != pid)
			return -ESRCH;
		return kill_one(p, sig, info);
	}
	return kill_many(pid, sig, info);
}

long sys_kill(int pid, int sig)
{
	ksiginfo_t k;

	if (sig < 0 || sig > KERNEL_NSIG)
		return -EINVAL;
	kill_info(&k, sig, SI_USER);
	return kill_send(pid, sig, &k);
}

static long kill_thread(struct thread *t, int sig)
{
	struct process *self = process_current();
	ksiginfo_t k;

	if (!t)
		return -ESRCH;
	if (!signal_kill_permitted(&self->cred, &t->proc->cred, sig,
				   self->sid == t->proc->sid))
		return -EPERM;
	if (sig == 0)
		return 0;
	kill_info(&k, sig, SI_TKILL);
	return signal_send_thread(t, sig, &k);
}

long sys_tkill(int tid, int sig)
{
	if (tid <= 0 || sig < 0 || sig > KERNEL_NSIG)
		return -EINVAL;
	return kill_thread(thread_find(tid), sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > KERNEL_NSIG)
		return -EINVAL;
	return kill_thread(thread_find_in(process_find(tgid), tid), sig);
}

long sys_rt_sigqueueinfo(int pid, int sig, ksiginfo_t __user *uinfo)
{
	ksiginfo_t k;

	if (copy_from_user(&k, uinfo, sizeof(k)))
		return -EFAULT;
	if (sig < 0 || sig > KERNEL_NSIG)
		return -EINVAL;
	/* Only the kernel may claim a kernel or kill() origin for another process's
	 * signal: a program may only pass negative codes (sigqueue's SI_QUEUE, ...). */
	if ((k.si_code >= 0 || k.si_code == SI_TKILL) && pid != process_current()->pid)
		return -EPERM;
	k.si_signo = sig;
	if (pid <= 0)
		return -ESRCH;
	return kill_send(pid, sig, &k);
}

/* process/rlimit.c: prlimit64, getrlimit and setrlimit. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/resource.h>
#include <process/process.h>

long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *unew,
		   struct rlimit __user *uold)
{
	struct process *p = process_current();
	struct rlimit nl;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid != 0 && pid != p->pid)
		return -ESRCH;
	if (unew) {
		if (copy_from_user(&nl, unew, sizeof(nl)))
			return -EFAULT;
		if (nl.rlim_cur > nl.rlim_max)
			return -EINVAL;
		/* The fd table cannot grow past its fixed size (Linux's nr_open check). */
		if (resource == RLIMIT_NOFILE && nl.rlim_max > p->rlimits[resource].rlim_max)
			return -EPERM;
	}
	if (uold && copy_to_user(uold, &p->rlimits[resource], sizeof(*uold)))
		return -EFAULT;
	if (unew)
		p->rlimits[resource] = nl;
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	return sys_prlimit64(0, resource, NULL, rlim);
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim)
{
	return sys_prlimit64(0, resource, rlim, NULL);
}

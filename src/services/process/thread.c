/* process/thread.c: per-thread settings: TID address, robust list, rseq, FS base, affinity. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <abi/prctl.h>
#include <process/process.h>

/* The size of struct robust_list_head, the only length Linux accepts. */
#define ROBUST_LIST_HEAD_SIZE 24

long sys_set_tid_address(int __user *tidptr)
{
	struct process *p = process_current();

	p->clear_child_tid = uptr_addr(tidptr);
	return p->pid;
}

long sys_set_robust_list(void __user *head, size_t len)
{
	struct process *p = process_current();

	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	p->robust_list = uptr_addr(head);
	p->robust_len = len;
	return 0;
}

/* glibc falls back cleanly when rseq is missing; registering it would need restart
 * handling on every preemption. */
long sys_rseq(void __user *rseq, uint32_t len, int flags, uint32_t sig)
{
	return -ENOSYS;
}

long sys_arch_prctl(int code, unsigned long addr)
{
	struct process *p = process_current();
	uint64_t fs;

	switch (code) {
	case ARCH_SET_FS:
		/* Linux refuses bases outside the user half with EPERM. */
		if (addr >= vmspace_user_end())
			return -EPERM;
		p->ctx.regs.fs_base = addr;
		return 0;
	case ARCH_GET_FS:
		fs = p->ctx.regs.fs_base;
		return copy_to_user(uaddr_ptr(addr), &fs, sizeof(fs)) ? -EFAULT : 0;
	default:
		/* GS belongs to the engine's stub (DESIGN.md), so ARCH_SET_GS is refused too. */
		return -EINVAL;
	}
}

long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *umask)
{
	unsigned long mask = 1;   /* one CPU */

	if (pid != 0 && pid != process_current()->pid)
		return -ESRCH;
	if (len < sizeof(mask) || (len & (sizeof(mask) - 1)))
		return -EINVAL;
	if (copy_to_user(umask, &mask, sizeof(mask)))
		return -EFAULT;
	if (len > sizeof(mask) &&
	    clear_user((char __user *)umask + sizeof(mask), len - sizeof(mask)))
		return -EFAULT;
	return (long)len;
}

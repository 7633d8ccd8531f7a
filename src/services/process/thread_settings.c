/* process/thread_settings.c: per-thread settings: TID address, robust list, rseq, FS base,
 * affinity, name. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <abi/prctl.h>
#include <process/process.h>

/* The size of struct robust_list_head, the only length Linux accepts. */
#define ROBUST_LIST_HEAD_SIZE 24

long sys_set_tid_address(int __user *tidptr)
{
	struct thread *t = thread_current();

	t->clear_child_tid = uptr_addr(tidptr);
	return t->tid;
}

long sys_set_robust_list(void __user *head, size_t len)
{
	struct thread *t = thread_current();

	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	t->robust_list = uptr_addr(head);
	t->robust_len = len;
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
	struct thread *t = thread_current();
	uint64_t fs;

	switch (code) {
	case ARCH_SET_FS:
		/* Linux refuses bases outside the user half with EPERM. */
		if (addr >= vmspace_user_end())
			return -EPERM;
		t->ctx.regs.fs_base = addr;
		return 0;
	case ARCH_GET_FS:
		fs = t->ctx.regs.fs_base;
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
	/* Linux copies only its cpumask's size and returns that size. */
	if (copy_to_user(umask, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

long sys_sched_yield(void)
{
	task_yield();
	return 0;
}

/* Only the thread name; other options answer EINVAL as for an unknown option. */
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5)
{
	struct process *p = process_current();
	char name[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		/* Linux copies at most 15 bytes and terminates; a longer name is cut. */
		memset(name, 0, sizeof(name));
		if (strncpy_from_user(name, uaddr_ptr(arg2), sizeof(name)) == -EFAULT)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		memcpy(p->comm, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		return copy_to_user(uaddr_ptr(arg2), p->comm, sizeof(p->comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}

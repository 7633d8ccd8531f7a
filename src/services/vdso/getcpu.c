/* vdso/getcpu.c: getcpu, the syscall the vDSO's __vdso_getcpu makes. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <exec/vdso.h>

/* OSTD does not tell services which CPU a task runs on, so every task reports CPU 0 of
 * node 0: exact with the hosted kernel's default single virtual CPU, and a permitted
 * answer otherwise (the result may be stale the moment it is returned anyway). The third
 * argument has been unused since Linux 2.6.24. */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused)
{
	const unsigned int zero = 0;

	(void)unused;
	if (cpu && copy_to_user(cpu, &zero, sizeof(zero)))
		return -EFAULT;
	if (node && copy_to_user(node, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}

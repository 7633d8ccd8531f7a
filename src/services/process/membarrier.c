/* process/membarrier.c: membarrier(2). Keel has one virtual CPU: only one thread runs at
 * a time and every switch is a full barrier, so each barrier is already done when the
 * call is made. What stays is Linux's bookkeeping: the commands QUERY lists, and the
 * registration the expedited ones require (EPERM without it), cleared by exec. */
#include <ostd/errno.h>
#include <abi/membarrier.h>
#include <process/process.h>

#define MEMBARRIER_SUPPORTED \
	(MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED | \
	 MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED | MEMBARRIER_CMD_PRIVATE_EXPEDITED | \
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)

long sys_membarrier(int cmd, unsigned int flags, int cpu_id)
{
	struct process *p = process_current();

	(void)cpu_id;
	if (flags)
		return -EINVAL;
	switch (cmd) {
	case MEMBARRIER_CMD_QUERY:
		return MEMBARRIER_SUPPORTED;
	case MEMBARRIER_CMD_GLOBAL:
		return 0;
	case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
		p->membarrier_registered |= (unsigned int)cmd;
		return 0;
	case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
		return 0;   /* Linux: no error even with nobody registered */
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
		return (p->membarrier_registered & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) ?
		       0 : -EPERM;
	default:
		return -EINVAL;
	}
}

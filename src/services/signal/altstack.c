/* signal/altstack.c: the alternate signal stack and sigaltstack. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/signal.h>

bool altstack_contains(const stack_t *alt, uint64_t sp)
{
	/* Subtraction, not ss_sp + ss_size, so a stack at the top of memory cannot wrap. */
	return sp > alt->ss_sp && sp - alt->ss_sp <= alt->ss_size;
}

bool altstack_is_on(const stack_t *alt, uint64_t sp)
{
	/* With SS_AUTODISARM the settings were cleared on entry, so a handler that finds
	 * them again has re-armed them itself: it may replace them. */
	if ((uint32_t)alt->ss_flags & SS_AUTODISARM)
		return false;
	return altstack_contains(alt, sp);
}

void altstack_report(const stack_t *alt, uint64_t sp, stack_t *out)
{
	int32_t mode;

	if (alt->ss_size == 0)
		mode = SS_DISABLE;
	else
		mode = altstack_is_on(alt, sp) ? SS_ONSTACK : 0;
	*out = (stack_t){
		.ss_sp = alt->ss_sp,
		.ss_flags = mode | (int32_t)((uint32_t)alt->ss_flags & SS_AUTODISARM),
		.ss_size = alt->ss_size,
	};
}

int altstack_change(stack_t *alt, const stack_t *ss, uint64_t sp)
{
	int32_t mode = (int32_t)((uint32_t)ss->ss_flags & ~SS_AUTODISARM);

	if (altstack_is_on(alt, sp))
		return -EPERM;
	if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		*alt = (stack_t){ .ss_flags = ss->ss_flags };
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	*alt = (stack_t){ .ss_sp = ss->ss_sp, .ss_flags = ss->ss_flags,
			  .ss_size = ss->ss_size };
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uold)
{
	struct thread *t = thread_current();
	uint64_t sp = t->ctx.regs.rsp;
	stack_t ss, old, next = t->altstack;
	int err;

	altstack_report(&t->altstack, sp, &old);
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		err = altstack_change(&next, &ss, sp);
		if (err)
			return err;
	}
	/* Report the old settings before changing anything, so a bad old_ss changes nothing. */
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	t->altstack = next;
	return 0;
}

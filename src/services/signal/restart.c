/* signal/restart.c: the restart block of a thread and the restart_syscall syscall. */
#include <ostd/errno.h>
#include <process/thread.h>
#include <signal/restart.h>
#include <signal/signal.h>

long restart_block_set(const struct restart_block *rb)
{
	thread_current()->restart = *rb;
	return -ERESTART_RESTARTBLOCK;
}

void restart_block_clear(void)
{
	thread_current()->restart.fn = NULL;
}

long sys_restart_syscall(void)
{
	struct thread *t = thread_current();
	struct restart_block rb = t->restart;

	/* Used once: a program that calls it again, or after a handler, gets EINTR. */
	t->restart.fn = NULL;
	return rb.fn ? rb.fn(&rb) : -EINTR;
}

/* process/fork.c: fork, vfork, clone and clone3: new threads in the caller's process, or
 * new processes whose memory is the caller's copied on write (or shared, CLONE_VM). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/sched.h>
#include <abi/sched_policy.h>
#include <fs/file.h>
#include <mm/mm.h>
#include <fs/inode.h>
#include <process/process.h>
#include <signal/signal.h>

/* Flags Keel implements; the namespace and cgroup ones it has not (EINVAL, as a kernel
 * built without them answers). CLONE_PTRACE, CLONE_DETACHED, CLONE_UNTRACED and CLONE_IO
 * are accepted and mean nothing here, as on Linux without a tracer. */
#define CLONE_KNOWN (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		     CLONE_PTRACE | CLONE_VFORK | CLONE_PARENT | CLONE_THREAD | \
		     CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | \
		     CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_UNTRACED | \
		     CLONE_CHILD_SETTID | CLONE_IO | CLONE_CLEAR_SIGHAND)

static int clone_check(const struct clone_args *a, const struct process *p)
{
	if (a->flags & ~CLONE_KNOWN)
		return -EINVAL;
	if ((a->flags & CLONE_THREAD) && !(a->flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((a->flags & CLONE_SIGHAND) && !(a->flags & CLONE_VM))
		return -EINVAL;
	if ((a->flags & CLONE_CLEAR_SIGHAND) && (a->flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((a->flags & CLONE_PARENT) && !p->parent)
		return -EINVAL;    /* init has no parent to share */
	if (a->exit_signal > KERNEL_NSIG)
		return -EINVAL;
	return 0;
}

/* The new thread's registers: the caller's, returning 0 from the syscall, on the given
 * stack and TLS, with the caller's FP state. */
static void clone_context(struct thread *child, struct thread *parent,
			  const struct clone_args *a)
{
	uint8_t *fp = kmalloc(USER_FPSTATE_MAX);
	ssize_t n;

	child->ctx = parent->ctx;
	child->ctx.engine = NULL;
	user_syscall_set_return(&child->ctx, 0);
	if (a->stack)
		child->ctx.regs.rsp = a->stack + a->stack_size;
	if (a->flags & CLONE_SETTLS)
		child->ctx.regs.fs_base = a->tls;
	/* Without memory for the copy the child starts with the initial FP state. */
	n = fp ? user_context_get_fpstate(&parent->ctx, fp, USER_FPSTATE_MAX) : -ENOMEM;
	if (n > 0)
		user_context_set_fpstate(&child->ctx, fp, (size_t)n);
	kfree(fp);
	child->sigmask = parent->sigmask;
	/* Linux keeps the altstack only when the child gets its own memory (or vfork). */
	if ((a->flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM)
		child->altstack = parent->altstack;
	if (a->flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = a->child_tid;
}

/* CLONE_PARENT_SETTID / CLONE_CHILD_SETTID: the tid written before either runs. */
static int clone_set_tids(const struct clone_args *a, struct process *child_proc, int tid)
{
	int32_t v = tid;

	if ((a->flags & CLONE_PARENT_SETTID) &&
	    copy_to_user(uaddr_ptr(a->parent_tid), &v, sizeof(v)))
		return -EFAULT;
	if ((a->flags & CLONE_CHILD_SETTID) &&
	    vmspace_copy_to(child_proc->mm->vs, a->child_tid, &v, sizeof(v)))
		return -EFAULT;
	return 0;
}

static long clone_thread(struct thread *parent, const struct clone_args *a)
{
	struct process *p = parent->proc;
	struct thread *t;
	int tid = pid_alloc(), err;

	if (tid < 0)
		return tid;
	t = thread_alloc(p, tid);
	if (!t) {
		pid_free(tid);
		return -ENOMEM;
	}
	clone_context(t, parent, a);
	err = clone_set_tids(a, p, tid);
	if (!err)
		err = thread_start(t);
	if (err) {
		thread_free(t);
		pid_free(tid);
		return err;
	}
	return tid;
}

/* The child's share of the parent's resources: memory, files, identity, dispositions. */
static int clone_resources(struct process *c, struct process *p, const struct clone_args *a)
{
	c->pgid = p->pgid;
	c->sid = p->sid;
	c->cwd = p->cwd;
	c->root = p->root;
	inode_get(c->cwd);
	inode_get(c->root);
	c->umask = p->umask;
	c->cred = p->cred;
	memcpy(c->comm, p->comm, sizeof(c->comm));
	memcpy(c->rlimits, p->rlimits, sizeof(c->rlimits));
	c->personality = p->personality;
	c->membarrier_registered = p->membarrier_registered;
	c->nice = p->nice;
	c->sched_policy = p->sched_policy;
	c->sched_priority = p->sched_priority;
	/* SCHED_RESET_ON_FORK, as Linux's sched_fork: a real-time parent's child starts as
	 * SCHED_OTHER, no child starts below nice 0, and the flag is not inherited. */
	if (p->sched_policy & SCHED_RESET_ON_FORK) {
		c->sched_policy &= ~SCHED_RESET_ON_FORK;
		if (c->sched_policy == SCHED_FIFO || c->sched_policy == SCHED_RR) {
			c->sched_policy = SCHED_OTHER;
			c->sched_priority = 0;
			c->nice = 0;
		}
		c->nice = c->nice < 0 ? 0 : c->nice;
	}
	c->exit_signal = (int)a->exit_signal;
	signal_fork_copy(c, p);
	if (a->flags & CLONE_CLEAR_SIGHAND)
		for (int s = 0; s < KERNEL_NSIG; s++)
			if (c->sigactions[s].sa_handler != SIG_IGN)
				c->sigactions[s].sa_handler = SIG_DFL;
	c->exe_path = kstrdup(p->exe_path);
	if (!c->exe_path)
		return -ENOMEM;
	if (a->flags & CLONE_VM) {
		mm_get(p->mm);
		c->mm = p->mm;
	} else {
		c->mm = mm_fork(p->mm);
		if (!c->mm)
			return -ENOMEM;
		/* The stack top both return on; a child on a stack of its own skips it. */
		if (!a->stack)
			mm_fork_unshare(c->mm, p->mm, thread_current()->ctx.regs.rsp);
	}
	if (a->flags & CLONE_FILES) {
		fdtable_hold(p->fdt);
		c->fdt = p->fdt;
	} else {
		c->fdt = fdtable_copy(p->fdt);
		if (!c->fdt)
			return -ENOMEM;
	}
	return 0;
}

/* vfork: the parent sleeps until the child execs or exits (killable only). */
static void clone_wait_vfork(struct thread *parent, struct process *c)
{
	while (!c->vfork_done && !parent->exiting) {
		parent->sleeping_on = &c->vfork_wait;
		waitqueue_wait(&c->vfork_wait);
		parent->sleeping_on = NULL;
	}
}

static long clone_process(struct thread *parent, const struct clone_args *a)
{
	struct process *p = parent->proc, *c;
	struct thread *t = NULL;
	int pid = pid_alloc(), err = -ENOMEM;

	if (pid < 0)
		return pid;
	c = process_alloc(pid);
	if (!c) {
		pid_free(pid);
		return -ENOMEM;
	}
	err = clone_resources(c, p, a);
	if (err)
		goto out_free;
	err = -ENOMEM;
	t = thread_alloc(c, pid);
	if (!t)
		goto out_free;
	clone_context(t, parent, a);
	err = clone_set_tids(a, c, pid);
	if (err)
		goto out_free;
	process_add_child((a->flags & CLONE_PARENT) ? p->parent : p, c);
	process_hash_add(c);
	err = thread_start(t);
	if (err) {
		process_hash_remove(c);
		process_remove_child(c->parent, c);
		goto out_free;
	}
	if (a->flags & CLONE_VFORK)
		clone_wait_vfork(parent, c);
	return pid;

out_free:
	if (t)
		thread_free(t);
	process_free(c);
	return err;
}

long process_clone(const struct clone_args *a)
{
	struct thread *self = thread_current();
	int err = clone_check(a, self->proc);

	if (err)
		return err;
	if (a->flags & CLONE_THREAD)
		return clone_thread(self, a);
	return clone_process(self, a);
}

long sys_fork(void)
{
	struct clone_args a = { .exit_signal = SIGCHLD };

	return process_clone(&a);
}

long sys_vfork(void)
{
	struct clone_args a = { .flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD };

	return process_clone(&a);
}

/* x86-64 argument order: flags, stack, parent_tid, child_tid, tls. The stack pointer is
 * given as the top, so stack_size stays 0. */
long sys_clone(unsigned long flags, unsigned long stack, int __user *ptid, int __user *ctid,
	       unsigned long tls)
{
	struct clone_args a = {
		.flags = flags & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.stack = stack,
		.parent_tid = uptr_addr(ptid),
		.child_tid = uptr_addr(ctid),
		.tls = tls,
	};

	return process_clone(&a);
}

/* Bytes past the struct Keel knows must be zero (E2BIG), as Linux's extensible structs. */
static int clone3_copy_args(void __user *uargs, size_t size, struct clone_args *a)
{
	uint8_t extra[64];
	size_t off;

	if (size < CLONE_ARGS_SIZE_VER0 || size > PAGE_SIZE)
		return -EINVAL;
	memset(a, 0, sizeof(*a));
	if (copy_from_user(a, uargs, MIN(size, sizeof(*a))))
		return -EFAULT;
	for (off = sizeof(*a); off < size; off += sizeof(extra)) {
		size_t n = MIN(sizeof(extra), size - off);

		if (copy_from_user(extra, (const uint8_t __user *)uargs + off, n))
			return -EFAULT;
		for (size_t i = 0; i < n; i++)
			if (extra[i])
				return -E2BIG;
	}
	return 0;
}

long sys_clone3(void __user *uargs, size_t size)
{
	struct clone_args a;
	int err = clone3_copy_args(uargs, size, &a);

	if (err)
		return err;
	if ((a.flags & CSIGNAL) || a.set_tid || a.set_tid_size || a.cgroup)
		return -EINVAL;
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	if (!a.stack != !a.stack_size)
		return -EINVAL;
	return process_clone(&a);
}

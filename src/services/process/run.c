/* process/run.c: a thread's life in user mode: syscalls, faults, preemption, signals,
 * job-control stops, and leaving when it exits. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <ostd/user_mode.h>
#include <ostd/vmspace.h>
#include <abi/siginfo.h>
#include <abi/signal.h>
#include <debug/debug.h>
#include <fs/inode.h>
#include <mm/mm.h>
#include <process/process.h>
#include <signal/policy.h>
#include <signal/signal.h>
#include <syscall/syscall.h>

#define NR_RT_SIGRETURN 15

int process_fault_signal(unsigned int vector)
{
	switch (vector) {
	case TRAP_DE:
	case TRAP_MF:
	case TRAP_XM:
		return SIGFPE;
	case TRAP_UD:
		return SIGILL;
	case TRAP_BP:
	case TRAP_DB:
		return SIGTRAP;
	default:
		return SIGSEGV;   /* #PF, #GP and anything unexpected */
	}
}

/* The access a page fault's error code describes, as vmspace fault handlers see it. */
static unsigned int fault_access(uint64_t error_code)
{
	if (error_code & PF_ERR_WRITE)
		return VM_WRITE;
	if (error_code & PF_ERR_INSTR)
		return VM_EXEC;
	return VM_READ;
}

/* si_code and si_addr of the signal a fault raises, as Linux reports them. */
static int fault_code(struct process *p, const struct user_context *ctx, uaddr_t *addr)
{
	const struct user_fault *f = &ctx->fault;

	*addr = f->addr;
	switch (f->vector) {
	case TRAP_PF:
		return mm_area_find(p->mm, f->addr) ? SEGV_ACCERR : SEGV_MAPERR;
	case TRAP_DE:
		*addr = ctx->regs.rip;
		return FPE_INTDIV;
	case TRAP_UD:
		*addr = ctx->regs.rip;
		return ILL_ILLOPN;
	case TRAP_BP:
	case TRAP_GP:
	default:
		*addr = 0;
		return SI_KERNEL;
	}
}

/* A user-mode exception: demand paging and copy-on-write first, else a signal. */
static void thread_handle_exception(struct thread *t)
{
	struct process *p = t->proc;
	const struct user_fault *f = &t->ctx.fault;
	int sig, code, err = -EFAULT;
	uaddr_t addr;

	if (f->vector == TRAP_PF) {
		err = mm_fault_touch(p->mm, f->addr, fault_access(f->error_code));
		if (err == 0)
			return;
	}
	/* A valid access that found no free frame: Linux's OOM killer would pick a victim;
	 * Keel picks the process that asked, and the log says why. */
	if (err == -ENOMEM) {
		log_err("out of memory: killed process %d (%s) at %#llx "
			"(killed by SIGKILL: out of memory, guest RAM exhausted)",
			p->pid, p->comm, (unsigned long long)f->addr);
		process_exit_group(p, SIGKILL);
		return;
	}
	sig = process_fault_signal(f->vector);
	code = fault_code(p, &t->ctx, &addr);
	/* A file mapping's page past the file's end: SIGBUS, as Linux raises it. */
	if (err == -EIO) {
		sig = SIGBUS;
		code = BUS_ADRERR;
	}
	log_info("pid %d tid %d: %s (vector %u) at rip %#llx, fault address %#llx",
		 p->pid, t->tid, signal_name(sig), f->vector, (unsigned long long)t->ctx.regs.rip,
		 (unsigned long long)f->addr);
	signal_force_fault(t, sig, code, addr);
}

static void thread_handle_syscall(struct thread *t)
{
	uint64_t nr = user_syscall_nr(&t->ctx);
	long ret = syscall_dispatch(&t->ctx);

	/* What the syscall borrowed from file systems (fs/inode.h) goes back now. */
	if (t->fs_transient)
		inode_end_syscall(t);
	if (t->exiting)
		return;
	user_syscall_set_return(&t->ctx, ret);
	/* rt_sigreturn restored a context whose rax is the program's, never a restart. */
	if (nr == NR_RT_SIGRETURN)
		signal_deliver(t);
	else
		signal_syscall_exit(t, nr, ret);
	debug_syscall_exit(t);
}

/* Parks a thread that job control stopped until it is continued or killed. */
static void thread_wait_while_stopped(struct thread *t)
{
	while (t->stopped && !t->exiting)
		waitqueue_wait(&t->stop_wait);
}

void thread_run(struct thread *t)
{
	struct process *p = t->proc;

	debug_thread_begin(t);
	signal_deliver(t);
	while (!t->exiting) {
		if (t->stopped) {
			thread_wait_while_stopped(t);
			signal_deliver(t);
			continue;
		}
		uint64_t entered = clock_monotonic_ns();
		enum user_return why = user_mode_execute(&t->ctx, p->mm->vs);

		t->utime_ns += clock_monotonic_ns() - entered;
		switch (why) {
		case USER_RETURN_SYSCALL:
			thread_handle_syscall(t);
			break;
		case USER_RETURN_EXCEPTION:
			/* With a debugger attached, traps are its, not SIGTRAP. */
			if ((t->ctx.fault.vector == TRAP_BP || t->ctx.fault.vector == TRAP_DB) &&
			    debug_handle_trap(t))
				break;
			thread_handle_exception(t);
			signal_deliver(t);
			break;
		case USER_RETURN_INTERRUPTED:
			debug_poll(t);
			if (task_need_resched())
				task_yield();
			signal_deliver(t);
			break;
		case USER_RETURN_LOST:
		default:
			log_info("pid %d lost its execution environment: SIGKILL", p->pid);
			process_exit_group(p, SIGKILL);
			break;
		}
	}
	debug_thread_end(t);
}

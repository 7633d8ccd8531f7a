/* process/run.c: the process's life in user mode: syscalls, faults, preemption, death. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/task.h>
#include <ostd/user_mode.h>
#include <ostd/vmspace.h>
#include <abi/signal.h>
#include <mm/mm.h>
#include <process/process.h>
#include <syscall/syscall.h>

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

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGILL:  return "SIGILL";
	case SIGFPE:  return "SIGFPE";
	case SIGTRAP: return "SIGTRAP";
	case SIGKILL: return "SIGKILL";
	default:      return "signal";
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

int process_handle_exception(struct process *p)
{
	const struct user_fault *f = &p->ctx.fault;
	int sig, err = -EFAULT;

	if (f->vector == TRAP_PF) {
		err = mm_fault(&p->mm, f->addr, fault_access(f->error_code));
		if (err == 0)
			return 0;
	}
	/* A valid access that found no free frame: Linux's OOM killer would pick a victim;
	 * with one process it is this one, and the log says why. */
	if (err == -ENOMEM) {
		log_err("pid %d killed by SIGKILL: out of memory (guest RAM exhausted) at %#llx",
			p->pid, (unsigned long long)f->addr);
		return SIGKILL;
	}
	sig = process_fault_signal(f->vector);
	log_info("pid %d killed by %s (vector %u) at rip %#llx, fault address %#llx", p->pid,
		 signal_name(sig), f->vector, (unsigned long long)p->ctx.regs.rip,
		 (unsigned long long)f->addr);
	return sig;
}

int process_run(struct process *p)
{
	long ret;
	int sig;

	process_attach_current(p);
	while (!p->exiting) {
		switch (user_mode_execute(&p->ctx, p->vs)) {
		case USER_RETURN_SYSCALL:
			ret = syscall_dispatch(&p->ctx);
			user_syscall_set_return(&p->ctx, ret);
			break;
		case USER_RETURN_EXCEPTION:
			sig = process_handle_exception(p);
			if (sig)
				process_exit(p, 128 + sig);
			break;
		case USER_RETURN_INTERRUPTED:
			if (task_need_resched())
				task_yield();
			break;
		case USER_RETURN_LOST:
		default:
			log_info("pid %d lost its execution environment: SIGKILL", p->pid);
			process_exit(p, 128 + SIGKILL);
			break;
		}
	}
	return p->exit_status;
}

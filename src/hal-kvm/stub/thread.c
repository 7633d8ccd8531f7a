/* thread.c: more stub threads in one stub process, each with its own slot (control page,
 * FP area), alternate stack and start-up stack, all chosen by its index. The VMM asks a
 * parked thread to clone one (STUB_OP_CLONE_THREAD); the guest can reach the clone
 * instruction too, with registers it chose, so the new thread trusts nothing it got. */
#include <asm/unistd.h>

#include "stub.h"

#define ARCH_SET_FS          0x1002
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4
#define USER_CS              0x33
#define USER_SS              0x2b
#define THREAD_STACK_BYTES   8192u

static uint8_t stub_thread_stacks[STUB_MAX_THREADS][THREAD_STACK_BYTES]
	__attribute__((aligned(64)));
/* Indexes taken by a live thread: a second thread on an index (a guest calling the clone
 * instruction itself) exits at once. */
static uint32_t stub_thread_taken[STUB_MAX_THREADS];

void stub_thread_claim_first(void)
{
	stub_thread_taken[0] = 1;
}

long stub_thread_clone(uint64_t index)
{
	struct stub_ctl *ctl;

	if (index >= STUB_MAX_THREADS)
		return -22;
	ctl = stub_ctl_of((unsigned int)index);
	return stub_clone_thread(STUB_CLONE_FLAGS, stub_thread_stacks[index] + THREAD_STACK_BYTES,
				 &ctl->tid_word, index);
}

__attribute__((noreturn)) void stub_thread_exit(unsigned int t)
{
	__atomic_store_n(&stub_thread_taken[t], 0, __ATOMIC_RELEASE);
	for (;;)
		stub_syscall6(__NR_exit, 0, 0, 0, 0, 0, 0);
}

/* The new thread's first code after sigreturn: traps once to report READY. */
static __attribute__((noreturn)) void stub_thread_trap(void)
{
	/* getpid is not on the list: it traps, and the handler reports READY. */
	stub_syscall6(__NR_getpid, 0, 0, 0, 0, 0, 0);
	stub_exit(127);
}

/* A thread starts with the signal mask of the handler that cloned it (everything
 * blocked: a trap now would kill the stub) and no alternate stack. One rt_sigreturn sets
 * both, with the FP state reset (fpstate NULL), and lands in stub_thread_trap. */
__attribute__((noreturn)) void stub_thread_start(uint64_t index)
{
	struct stub_ucontext uc;
	uint8_t *stack;

	if (index >= STUB_MAX_THREADS ||
	    __atomic_exchange_n(&stub_thread_taken[index], 1, __ATOMIC_ACQ_REL))
		for (;;)
			stub_syscall6(__NR_exit, 0, 0, 0, 0, 0, 0);
	stub_announced[index] = 0;
	stub_op_errors[index] = 0;
	/* The clone inherited the parent's FS base (the guest's). */
	stub_syscall6(__NR_arch_prctl, ARCH_SET_FS, 0, 0, 0, 0, 0);
	stub_fs_base[index] = 0;
	stack = stub_thread_stacks[index] + THREAD_STACK_BYTES;
	memset(&uc, 0, sizeof(uc));
	uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	uc.uc_stack.ss_sp = (uint64_t)(uintptr_t)stub_altstacks[index];
	uc.uc_stack.ss_size = STUB_ALTSTACK_BYTES;
	uc.uc_mcontext.rip = (uint64_t)(uintptr_t)stub_thread_trap;
	/* As if called: the return address slot below a 16-byte aligned top. */
	uc.uc_mcontext.rsp = (uint64_t)(uintptr_t)(stack - 1024 - 8);
	uc.uc_mcontext.eflags = 0x202;
	uc.uc_mcontext.cs = USER_CS;
	uc.uc_mcontext.ss = USER_SS;
	uc.uc_sigmask = 0;
	stub_sigreturn_to(&uc);
}

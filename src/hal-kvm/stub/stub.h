/* stub.h: the seccomp stub's internal interface: raw syscalls, the kernel's signal
 * structures as the x86-64 signal frame lays them out, and the start-up pieces. */
#ifndef HAL_KVM_STUB_H
#define HAL_KVM_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "stub_abi.h"

#define STUB_ALTSTACK_BYTES (64u << 10)   /* XSAVE frames are ~2.5 KiB here; be generous */

/* Every syscall the stub makes goes through this one function (entry.S). */
long stub_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
void stub_restorer(void);
/* clone(STUB_CLONE_FLAGS) onto stack; the child runs stub_thread_start(index). */
long stub_clone_thread(unsigned long flags, void *stack, uint32_t *ctid, uint64_t index);
extern char stub_clone_syscall_end[];
/* rt_sigreturn with its frame (the ucontext) at uc. */
__attribute__((noreturn)) void stub_sigreturn_to(void *uc);

/* Linker symbols (stub.lds). */
extern char __stub_text_start[], __stub_text_end[], __stub_end[];

/* The kernel's siginfo as delivered for faults and SIGSYS. */
struct stub_siginfo {
	int32_t si_signo, si_errno, si_code, pad;
	union {
		uint64_t addr;                   /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
		struct {
			uint64_t call_addr;
			int32_t syscall_nr;
			uint32_t arch;
		} sys;                           /* SIGSYS */
	} u;
};

/* The x86-64 struct sigcontext. */
struct stub_sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;
	uint64_t reserved1[8];
};

struct stub_ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct {
		uint64_t ss_sp;
		int32_t ss_flags, pad;
		uint64_t ss_size;
	} uc_stack;
	struct stub_sigcontext uc_mcontext;
	uint64_t uc_sigmask;
};

/* The control page of thread i (every slot is mapped at start-up). */
static inline struct stub_ctl *stub_ctl_of(unsigned int i)
{
	return (struct stub_ctl *)(uintptr_t)(STUB_CTL_BASE + i * STUB_SLOT_BYTES);
}

/* filter.c: loads the trap filter; 0 or a negative errno. */
long stub_filter_install(uint64_t ram_bytes);

/* handler.c: the one handler of every signal the stub catches. */
void stub_handle_signal(int sig, struct stub_siginfo *si, struct stub_ucontext *uc);
/* The alternate signal stacks, one per stub thread, and the handler's per-thread state. */
extern uint8_t stub_altstacks[STUB_MAX_THREADS][STUB_ALTSTACK_BYTES];
extern uint8_t stub_announced[STUB_MAX_THREADS];
extern uint64_t stub_fs_base[STUB_MAX_THREADS];
extern uint32_t stub_op_errors[STUB_MAX_THREADS];

/* thread.c: STUB_OP_CLONE_THREAD (0 or a negative errno) and STUB_OP_EXIT_THREAD. */
long stub_thread_clone(uint64_t index);
__attribute__((noreturn)) void stub_thread_exit(unsigned int t);
__attribute__((noreturn)) void stub_thread_start(uint64_t index);
/* Marks index 0 as taken by the first thread. */
void stub_thread_claim_first(void);

/* fp.c: thread t's FP image in its signal frame. The size the host wrote there (0 when
 * the frame is not as the host lays it out); save to / load from the slot's FP area. */
uint32_t stub_fp_frame_bytes(unsigned int t, const struct stub_ucontext *uc);
long stub_fp_save(struct stub_ctl *ctl, unsigned int t, const struct stub_ucontext *uc);
long stub_fp_load(struct stub_ctl *ctl, unsigned int t, struct stub_ucontext *uc, uint64_t len);

__attribute__((noreturn)) void stub_exit(int code);

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

#endif

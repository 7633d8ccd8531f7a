/* user_mode.h: running a user program until it makes a syscall, faults or is interrupted. */
#ifndef OSTD_USER_MODE_H
#define OSTD_USER_MODE_H

#include <ostd/types.h>

struct vmspace;
struct engine_thread;   /* the HAL's per-context state (a stub thread, a vCPU binding) */

/* The general registers of an x86-64 user thread, in the order of Linux's struct pt_regs. */
struct user_regs {
	uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10;
	uint64_t r9, r8, rax, rcx, rdx, rsi, rdi;
	uint64_t rip, rflags, rsp;
	uint64_t fs_base;
};

/* Why user_mode_execute returned. */
enum user_return {
	USER_RETURN_SYSCALL,      /* regs hold a syscall: number in rax, rip after the insn */
	USER_RETURN_EXCEPTION,    /* a CPU exception: see user_context.fault */
	USER_RETURN_INTERRUPTED,  /* a timer or device event; nothing for the program */
	USER_RETURN_LOST,         /* the program destroyed its own execution environment
	                             (e.g. killed its stub); treat as SIGKILL */
};

/* x86 exception vectors that reach services. */
#define TRAP_DE  0    /* divide error */
#define TRAP_DB  1
#define TRAP_BP  3
#define TRAP_UD  6
#define TRAP_GP  13
#define TRAP_PF  14
#define TRAP_MF  16
#define TRAP_XM  19

/* Page-fault error code bits, as the CPU reports them. */
#define PF_ERR_PRESENT 0x1u
#define PF_ERR_WRITE   0x2u
#define PF_ERR_USER    0x4u
#define PF_ERR_INSTR   0x10u

struct user_fault {
	unsigned int vector;     /* TRAP_* */
	uint64_t error_code;
	uint64_t addr;           /* faulting address (CR2) for TRAP_PF */
};

struct user_context {
	struct user_regs regs;
	struct user_fault fault;        /* valid after USER_RETURN_EXCEPTION */
	struct engine_thread *engine;   /* owned by OSTD; NULL until first run */
};

/* Resets ctx to a fresh thread that will start at ip with stack sp (all of ctx, engine
 * binding included: release a context that has run before resetting it). */
void user_context_init(struct user_context *ctx, uaddr_t ip, uaddr_t sp);
/* Releases the engine state bound to ctx (its stub thread, ...). */
void user_context_release(struct user_context *ctx);

/* The FP/SIMD state of a user context, in the XSAVE layout Linux puts in x86-64 signal
 * frames (the 512-byte FXSAVE area whose sw_reserved bytes describe the extended state,
 * the XSAVE header and extended components, then FP_XSTATE_MAGIC2), as this machine's
 * CPU and host kernel define it. */
#define USER_FPSTATE_MAX 8192
/* The size of that image on this machine (what signal frames must reserve). */
size_t user_fpstate_size(void);
/* Copies ctx's current FP state into buf[0..len): its size, -ENOSPC when len is short,
 * -EIO when the engine lost it. The context must not be running. */
ssize_t user_context_get_fpstate(struct user_context *ctx, void *buf, size_t len);
/* Makes buf[0..len) the FP state ctx resumes with (as rt_sigreturn restores it); a state
 * the CPU would refuse is replaced by the initial one (-EINVAL), never loaded. A context
 * that has not run yet takes it at its first run. */
int user_context_set_fpstate(struct user_context *ctx, const void *buf, size_t len);
/* Resets ctx's FP state to the initial one (x87 CW 0x37f, MXCSR 0x1f80, registers zero), as
 * Linux does for a signal handler. */
void user_context_reset_fpstate(struct user_context *ctx);

/* Runs ctx in vs until it needs the kernel. Invariant: nothing the program did can make
 * this function touch host memory outside vs's frames and the engine's own area. */
enum user_return user_mode_execute(struct user_context *ctx, struct vmspace *vs);

/* Arch-neutral accessors used by the syscall dispatcher. */
static inline uint64_t user_syscall_nr(const struct user_context *c) { return c->regs.rax; }
static inline uint64_t user_syscall_arg(const struct user_context *c, int i)
{
	switch (i) {
	case 0: return c->regs.rdi;
	case 1: return c->regs.rsi;
	case 2: return c->regs.rdx;
	case 3: return c->regs.r10;
	case 4: return c->regs.r8;
	default: return c->regs.r9;
	}
}
static inline void user_syscall_set_return(struct user_context *c, int64_t v)
{
	c->regs.rax = (uint64_t)v;
}

#endif

/* abi/sigframe.h: the x86-64 signal frame Linux builds on the user stack: struct sigcontext,
 * struct ucontext and struct rt_sigframe, with the flags and selectors stored in them. */
#ifndef ABI_SIGFRAME_H
#define ABI_SIGFRAME_H

#include <stdint.h>
#include <abi/signal.h>
#include <abi/siginfo.h>

/* uc_flags: the frame has an XSAVE image, saves SS, and sigreturn restores SS strictly. */
#define UC_FP_XSTATE         0x1
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4

/* The 64-bit user code and data selectors (__USER_CS, __USER_DS). */
#define USER_CS_SELECTOR 0x33
#define USER_DS_SELECTOR 0x2b

/* RFLAGS bits a program may change through rt_sigreturn (Linux's FIX_EFLAGS); the rest
 * (IF, IOPL, ...) stay as the kernel keeps them. */
#define RFLAGS_CF 0x1ull
#define RFLAGS_PF 0x4ull
#define RFLAGS_AF 0x10ull
#define RFLAGS_ZF 0x40ull
#define RFLAGS_SF 0x80ull
#define RFLAGS_TF 0x100ull
#define RFLAGS_DF 0x400ull
#define RFLAGS_OF 0x800ull
#define RFLAGS_RF 0x10000ull
#define RFLAGS_AC 0x40000ull
#define RFLAGS_USER_CHANGEABLE \
	(RFLAGS_AC | RFLAGS_OF | RFLAGS_DF | RFLAGS_TF | RFLAGS_SF | RFLAGS_ZF | RFLAGS_AF | \
	 RFLAGS_PF | RFLAGS_CF | RFLAGS_RF)

/* Magic words of the XSAVE image in a frame: in the FXSAVE area's sw_reserved bytes
 * (magic1) and right after the image (magic2). */
#define FP_XSTATE_MAGIC1 0x46505853u
#define FP_XSTATE_MAGIC2 0x46505845u

/* The registers as the frame holds them (the kernel's 64-bit sigcontext layout, 256 bytes). */
struct sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp;
	uint64_t rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err;
	uint64_t trapno;
	uint64_t oldmask;
	uint64_t cr2;
	uint64_t fpstate;        /* user address of the XSAVE image, 0 when none */
	uint64_t reserved1[8];
};

struct ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;        /* always 0 */
	stack_t uc_stack;        /* the alternate stack settings at delivery */
	struct sigcontext uc_mcontext;
	kernel_sigset_t uc_sigmask;   /* the mask rt_sigreturn restores */
};

/* At the handler's rsp: pretcode (the sa_restorer the handler returns to), then the
 * context and the siginfo its second and third arguments point at. */
struct rt_sigframe {
	uint64_t pretcode;
	struct ucontext uc;
	ksiginfo_t info;
};

_Static_assert(sizeof(struct sigcontext) == 256, "sigcontext is 256 bytes");
_Static_assert(sizeof(struct ucontext) == 304, "ucontext is 304 bytes");
_Static_assert(sizeof(struct rt_sigframe) == 440, "rt_sigframe is 440 bytes");

#endif

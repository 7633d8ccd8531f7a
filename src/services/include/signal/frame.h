/* signal/frame.h: placing and writing x86-64 handler frames (abi/sigframe.h). */
#ifndef SERVICES_SIGNAL_FRAME_H
#define SERVICES_SIGNAL_FRAME_H

#include <ostd/types.h>
#include <abi/signal.h>
#include <abi/siginfo.h>

struct thread;

/* Where a frame goes. */
struct sigframe_place {
	uint64_t frame;     /* the handler's rsp: struct rt_sigframe; (frame + 8) % 16 == 0 */
	uint64_t fpstate;   /* the XSAVE image, 64-byte aligned, above the frame */
};

#define SIGFRAME_RED_ZONE 128

/* Places a frame for a thread at stack pointer sp with alternate stack alt, a handler
 * with sa_flags, and an FP image of fpsize bytes: the red zone is skipped unless the
 * frame starts a fresh alternate stack. -EFAULT when it would leave the alternate stack
 * it is on or wrap below address 0. Pure. */
int sigframe_place(uint64_t sp, const stack_t *alt, uint64_t sa_flags, size_t fpsize,
		   struct sigframe_place *out);

/* Builds the frame of a handler for sig on t's stack and points t's context at the
 * handler (rip, rsp, rdi/rsi/rdx, rax 0, FP state reset). oldmask is the mask
 * rt_sigreturn restores. -EFAULT when the frame cannot be written (or the action has no
 * SA_RESTORER); t's context is then unchanged. */
int signal_frame_setup(struct thread *t, int sig, const ksiginfo_t *info,
		       const struct sigaction *ka, kernel_sigset_t oldmask);

#endif

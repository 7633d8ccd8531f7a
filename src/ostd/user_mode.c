/* user_mode.c: running user contexts through the HAL's engine, bounded by the next
 * timer and by the timeslice when another task waits for the CPU. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <ostd/user_mode.h>

#include "hal.h"
#include "task_internal.h"
#include "timer_internal.h"
#include "vmspace_internal.h"

#define USER_RFLAGS_INIT 0x202   /* IF set, and the always-one bit 1 */

/* Invariant: ctx comes out with no engine binding, so uninitialised memory passed in can
 * never reach the HAL as a pointer. */
void user_context_init(struct user_context *ctx, uaddr_t ip, uaddr_t sp)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->regs.rip = ip;
	ctx->regs.rsp = sp;
	ctx->regs.rflags = USER_RFLAGS_INIT;
}

void user_context_release(struct user_context *ctx)
{
	hal_user_context_release(ctx);
}

size_t user_fpstate_size(void)
{
	return MIN(hal_user_fpstate_size(), (size_t)USER_FPSTATE_MAX);
}

/* Invariant: the HAL never writes past buf[len) (it is told the real length). */
ssize_t user_context_get_fpstate(struct user_context *ctx, void *buf, size_t len)
{
	size_t size = user_fpstate_size();

	OSTD_ASSERT(ctx && buf);
	if (!size)
		return -EIO;
	if (len < size)
		return -ENOSPC;
	return hal_user_fpstate_get(ctx, buf, len);
}

/* Invariant: an image is loaded only after the HAL checked it; a refused one leaves the
 * initial state, never the previous one half-replaced. */
int user_context_set_fpstate(struct user_context *ctx, const void *buf, size_t len)
{
	OSTD_ASSERT(ctx && buf);
	if (!user_fpstate_size())
		return -EIO;
	return hal_user_fpstate_set(ctx, buf, len);
}

void user_context_reset_fpstate(struct user_context *ctx)
{
	OSTD_ASSERT(ctx);
	hal_user_fpstate_reset(ctx);
}

static uint64_t user_mode_deadline(void)
{
	uint64_t deadline = timer_next_deadline();

	if (sched_has_runnable())
		deadline = MIN(deadline, sched_slice_end());
	return deadline;
}

/* Invariant: the program runs only in vs, through the engine bound to vs, and never past
 * the next timer or (when others wait) the end of the timeslice. */
enum user_return user_mode_execute(struct user_context *ctx, struct vmspace *vs)
{
	enum user_return r;

	OSTD_ASSERT(ctx && vs);
	r = hal_user_execute(ctx, vs, vs->hal_space, user_mode_deadline());
	timer_run_due();
	return r;
}

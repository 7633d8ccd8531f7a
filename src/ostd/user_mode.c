/* user_mode.c: running user contexts through the HAL's engine, bounded by the next
 * timer and by the timeslice when another task waits for the CPU. */
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

/* sched_context.c: switching kernel contexts, with the stack switches announced to ASan
 * so that it keeps tracking each stack (DESIGN.md, sanitizers). */
#include "arch_context.h"
#include "task_internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define OSTD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OSTD_ASAN 1
#endif
#endif

#ifdef OSTD_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

/* The context being left by the switch in progress. */
static struct sched_ctx *ctx_leaving;

/* Invariant: ASan learns it is on the new stack before anything else runs there. */
void ctx_arrived(void *asan_fake_stack)
{
#ifdef OSTD_ASAN
	const void *bottom;
	size_t size;

	__sanitizer_finish_switch_fiber(asan_fake_stack, &bottom, &size);
	/* The boot stack's bounds are learnt the first time it is left. */
	if (ctx_leaving && !ctx_leaving->stack_bottom) {
		ctx_leaving->stack_bottom = bottom;
		ctx_leaving->stack_size = size;
	}
#else
	(void)asan_fake_stack;
#endif
}

/* Safety: to was saved by ctx_switch or laid out by arch_context_init, and its stack
 * is still allocated. */
void ctx_switch(struct sched_ctx *from, struct sched_ctx *to, bool from_dies)
{
	ctx_leaving = from;
#ifdef OSTD_ASAN
	__sanitizer_start_switch_fiber(from_dies ? NULL : &from->asan_fake_stack,
				       to->stack_bottom, to->stack_size);
#else
	(void)from_dies;
#endif
	arch_context_switch(&from->sp, to->sp);
	ctx_arrived(from->asan_fake_stack);
}

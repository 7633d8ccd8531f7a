/* hal_space.c: OSTD's address spaces and user contexts, handed to the engine in use. */
#include "engine.h"
#include "hal.h"
#include "vmm.h"

uaddr_t hal_user_start(void)
{
	return vmm.engine->user_start;
}

uaddr_t hal_user_end(void)
{
	return vmm.engine->user_end;
}

int hal_space_create(struct vmspace *vs, void **hal_space)
{
	struct engine_space *s;
	int err = vmm.engine->space_create(vs, &s);

	if (err)
		return err;
	*hal_space = s;
	return 0;
}

void hal_space_destroy(void *hal_space)
{
	if (hal_space)
		vmm.engine->space_destroy(hal_space);
}

void hal_space_flush(void *hal_space, uaddr_t va, size_t len)
{
	if (hal_space)
		vmm.engine->space_flush(hal_space, va, len);
}

enum user_return hal_user_execute(struct user_context *ctx, struct vmspace *vs,
				  void *hal_space, uint64_t deadline_ns)
{
	(void)vs;
	return vmm.engine->run(hal_space, ctx, deadline_ns);
}

void hal_user_context_release(struct user_context *ctx)
{
	if (ctx->engine)
		vmm.engine->thread_release(ctx->engine);
	ctx->engine = NULL;
}

size_t hal_user_fpstate_size(void)
{
	return vmm.engine->fpstate_size();
}

ssize_t hal_user_fpstate_get(struct user_context *ctx, void *buf, size_t len)
{
	return vmm.engine->fpstate_get(ctx, buf, len);
}

int hal_user_fpstate_set(struct user_context *ctx, const void *buf, size_t len)
{
	return vmm.engine->fpstate_set(ctx, buf, len);
}

void hal_user_fpstate_reset(struct user_context *ctx)
{
	vmm.engine->fpstate_reset(ctx);
}

/* fp.c: a user context's FP/SIMD state in the seccomp engine. While its stub thread is
 * parked, the state is the image the host saved in that thread's signal frame: read on
 * request (never on the plain syscall path: the report of a syscall that needs it brings
 * it along, otherwise a SYNC round trip saves it), replaced through a pending image that
 * the next run loads. Images from the kernel are checked before they can reach the host's
 * sigreturn. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "seccomp/handoff.h"
#include "seccomp/seccomp_engine.h"

size_t seccomp_fpstate_size(void)
{
	return seccomp_engine.fp.size;
}

/* t's pending image, allocated on first use. */
static uint8_t *seccomp_fp_pending(struct engine_thread *t)
{
	if (!t->fp_pending)
		t->fp_pending = malloc(STUB_FP_BYTES);
	return t->fp_pending;
}

/* The parked stub thread's frame image, copied (once) to out: the stub left it in the FP
 * area with its report (a syscall that saves it) or saves it now (a SYNC round trip). */
static int seccomp_fp_save(struct engine_thread *t, uint8_t *out)
{
	const struct fp_layout *l = &seccomp_engine.fp;
	struct stub_report rep;
	int err;

	if (!t->fp_saved) {
		err = handoff_push_op(t, STUB_OP_SAVE_FP, 0, 0, 0, 0);
		if (!err)
			err = handoff_sync_report(t, &rep);
		if (err || rep.fp_bytes != l->size)
			return -EIO;
		t->fp_saved = true;
	}
	memcpy(out, t->fp_area, l->size);
	return fpstate_check(l, out, l->size) ? -EIO : 0;
}

ssize_t seccomp_fpstate_get(struct user_context *ctx, void *buf, size_t len)
{
	const struct fp_layout *l = &seccomp_engine.fp;
	struct engine_thread *t = ctx->engine;
	uint8_t img[STUB_FP_BYTES];
	int err;

	if (!l->size)
		return -EIO;
	if (len < l->size)
		return -ENOSPC;
	if (t && t->fp_has_pending) {
		memcpy(buf, t->fp_pending, l->size);
		return (ssize_t)l->size;
	}
	if (t && t->lost)
		return -EIO;
	if (!t || !t->space) {          /* never ran: a fresh thread's state */
		fpstate_init_image(l, buf);
		return (ssize_t)l->size;
	}
	if (t->space->dead)
		return -EIO;
	err = seccomp_fp_save(t, img);
	if (err)
		return err;
	memcpy(buf, img, l->size);
	return (ssize_t)l->size;
}

int seccomp_fpstate_set(struct user_context *ctx, const void *buf, size_t len)
{
	const struct fp_layout *l = &seccomp_engine.fp;
	struct engine_thread *t;
	uint8_t *p;
	int err;

	if (!l->size)
		return -EIO;
	t = seccomp_thread_get(ctx);
	p = t ? seccomp_fp_pending(t) : NULL;
	if (!p)
		return -ENOMEM;
	err = fpstate_check(l, buf, len);
	if (err)
		fpstate_init_image(l, p);
	else
		memcpy(p, buf, l->size);
	t->fp_has_pending = true;
	return err;
}

/* Makes the initial image t's pending one. */
static void seccomp_fp_pending_init(struct engine_thread *t)
{
	uint8_t *p;

	if (!seccomp_engine.fp.size)
		return;
	p = seccomp_fp_pending(t);
	if (!p)
		return;
	fpstate_init_image(&seccomp_engine.fp, p);
	t->fp_has_pending = true;
}

void seccomp_fpstate_reset(struct user_context *ctx)
{
	struct engine_thread *t = seccomp_thread_get(ctx);

	if (t)
		seccomp_fp_pending_init(t);
}

void seccomp_fp_pending_default(struct engine_thread *t)
{
	if (!t->fp_has_pending)
		seccomp_fp_pending_init(t);
}

int seccomp_fp_apply_pending(struct engine_thread *t)
{
	const struct fp_layout *l = &seccomp_engine.fp;

	if (!t->fp_has_pending)
		return 0;
	t->fp_has_pending = false;
	memcpy(t->fp_area, t->fp_pending, l->size);
	return handoff_push_op(t, STUB_OP_LOAD_FP, 0, l->size, 0, 0);
}

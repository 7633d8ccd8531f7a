/* kvm_fp.c: FP/SIMD state per user context. KVM's XSAVE area (KVM_GET/SET_XSAVE) is the
 * standard (non-compacted) XSAVE format, as is the image Linux puts in signal frames, so a
 * conversion copies the XSAVE bytes and rewrites the frame's software words (fpstate.h).
 * The layout and its checks are the seccomp engine's (seccomp/fpstate.c), reused as is. */
#include <cpuid.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "kvm/kvm_engine.h"

#define XFEATURE_AMX (3ull << 17)   /* TILECFG and TILEDATA: XCR0 takes both or neither */

void kvm_fp_to_frame(const struct fp_layout *l, const struct kvm_xsave *x, void *img)
{
	uint8_t *p = img;
	uint32_t v;

	memcpy(p, x->region, l->xstate_size);
	memset(p + FP_SW_OFFSET, 0, FP_HEADER_OFFSET - FP_SW_OFFSET);
	v = FPSTATE_MAGIC1;
	memcpy(p + FP_SW_OFFSET, &v, 4);
	memcpy(p + FP_SW_OFFSET + 4, &l->size, 4);
	memcpy(p + FP_SW_OFFSET + 8, &l->xfeatures, 8);
	memcpy(p + FP_SW_OFFSET + 16, &l->xstate_size, 4);
	v = FPSTATE_MAGIC2;
	memcpy(p + l->xstate_size, &v, 4);
}

void kvm_fp_from_frame(const struct fp_layout *l, const void *img, struct kvm_xsave *x)
{
	memset(x, 0, sizeof(*x));
	memcpy(x->region, img, l->xstate_size);
	/* The software words are the signal frame's, not the CPU's. */
	memset((uint8_t *)x->region + FP_SW_OFFSET, 0, FP_HEADER_OFFSET - FP_SW_OFFSET);
}

/* The end of the standard-format XSAVE area holding features (CPUID leaf 0xD). */
static uint32_t kvm_fp_xstate_end(uint64_t features)
{
	unsigned int a, b, c, d;
	uint32_t end = FP_LEGACY_BYTES;

	for (unsigned int i = 2; i < 63; i++) {
		if (!(features & (1ull << i)))
			continue;
		__cpuid_count(0xd, i, a, b, c, d);
		if (b + a > end)
			end = b + a;
	}
	return end;
}

/* The signal-frame layout of the guest: the host's without AMX (XCR0 takes TILECFG and
 * TILEDATA together, and Linux enables tile data per process only); its features are
 * also the guest's XCR0. */
int kvm_fp_init(char *why, size_t why_len)
{
	struct fp_layout *l = &kvm_engine.fp;

	if (fpstate_layout_probe(l)) {
		memset(l, 0, sizeof(*l));
		return 0;
	}
	if (l->xfeatures & XFEATURE_AMX) {
		l->xfeatures &= ~XFEATURE_AMX;
		l->xstate_size = kvm_fp_xstate_end(l->xfeatures);
		l->size = l->xstate_size + 4;
	}
	if (l->size > sizeof(struct kvm_xsave)) {
		snprintf(why, why_len, "kvm: XSAVE area of %u bytes exceeds KVM_GET_XSAVE's",
			 l->size);
		return -ENOTSUP;
	}
	return 0;
}

static void kvm_fp_initial(struct kvm_xsave *x)
{
	uint8_t img[USER_FPSTATE_MAX];
	const struct fp_layout *l = &kvm_engine.fp;
	uint16_t fcw = 0x37f;
	uint32_t mxcsr = 0x1f80;

	if (l->size) {
		fpstate_init_image(l, img);
		kvm_fp_from_frame(l, img, x);
		return;
	}
	memset(x, 0, sizeof(*x));
	memcpy(x->region, &fcw, 2);
	memcpy((uint8_t *)x->region + FP_MXCSR_OFFSET, &mxcsr, 4);
}

struct engine_thread *kvm_thread_get(struct user_context *ctx)
{
	struct engine_thread *t = ctx->engine;

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->xsave = malloc(sizeof(*t->xsave));
	if (!t->xsave) {
		free(t);
		return NULL;
	}
	kvm_fp_initial(t->xsave);
	ctx->engine = t;
	return t;
}

void kvm_thread_release(struct engine_thread *t)
{
	if (!t)
		return;
	if (kvm_engine.fp_owner == t)
		kvm_engine.fp_owner = NULL;
	free(t->xsave);
	free(t);
}

int kvm_fp_switch(struct engine_thread *t)
{
	struct engine_thread *old = kvm_engine.fp_owner;
	int fd = kvm_engine.vm.vcpu_fd;

	if (old == t)
		return 0;
	if (old && ioctl(fd, KVM_GET_XSAVE, old->xsave) < 0)
		return -EIO;
	kvm_engine.fp_owner = NULL;
	if (ioctl(fd, KVM_SET_XSAVE, t->xsave) < 0)
		return -EIO;
	kvm_engine.fp_owner = t;
	return 0;
}

size_t kvm_fpstate_size(void)
{
	return kvm_engine.fp.size;
}

ssize_t kvm_fpstate_get(struct user_context *ctx, void *buf, size_t len)
{
	const struct fp_layout *l = &kvm_engine.fp;
	struct engine_thread *t = kvm_thread_get(ctx);

	if (!l->size || !t)
		return -EIO;
	if (len < l->size)
		return -ENOSPC;
	/* The vCPU holds the live state of the context that ran last. */
	if (kvm_engine.fp_owner == t && ioctl(kvm_engine.vm.vcpu_fd, KVM_GET_XSAVE, t->xsave) < 0)
		return -EIO;
	kvm_fp_to_frame(l, t->xsave, buf);
	return (ssize_t)l->size;
}

int kvm_fpstate_set(struct user_context *ctx, const void *buf, size_t len)
{
	const struct fp_layout *l = &kvm_engine.fp;
	struct engine_thread *t = kvm_thread_get(ctx);
	int err;

	if (!t)
		return -ENOMEM;
	/* The next run loads it: the vCPU's copy is stale from now on. */
	if (kvm_engine.fp_owner == t)
		kvm_engine.fp_owner = NULL;
	err = fpstate_check(l, buf, len);
	if (err) {
		kvm_fp_initial(t->xsave);
		return err;
	}
	kvm_fp_from_frame(l, buf, t->xsave);
	return 0;
}

void kvm_fpstate_reset(struct user_context *ctx)
{
	struct engine_thread *t = kvm_thread_get(ctx);

	if (!t)
		return;
	if (kvm_engine.fp_owner == t)
		kvm_engine.fp_owner = NULL;
	kvm_fp_initial(t->xsave);
}

/* fp.c: the guest's FP/SIMD state while its stub thread is parked: the image the host
 * kernel saved in this thread's signal frame, which its sigreturn loads again. Copied
 * with plain integer loops (the stub is built with -mgeneral-regs-only: it must never
 * touch the FP registers it is keeping for the guest). */
#include "stub.h"

#define FP_SW_OFFSET   464        /* struct _fpx_sw_bytes inside the FXSAVE area */
#define FP_MAGIC1      0x46505853u
#define FP_MIN_BYTES   (512u + 64u + 4u)

/* Where this thread's frame keeps the image, or NULL when it is not where the host puts
 * it (inside this thread's alternate stack). The guest can write that stack, so check. */
static uint8_t *stub_fp_frame(unsigned int t, const struct stub_ucontext *uc)
{
	uintptr_t lo = (uintptr_t)stub_altstacks[t], hi = lo + STUB_ALTSTACK_BYTES;
	uintptr_t p = (uintptr_t)uc->uc_mcontext.fpstate;

	if (p < lo || p > hi - FP_MIN_BYTES || p % 64)
		return NULL;
	return (uint8_t *)p;
}

uint32_t stub_fp_frame_bytes(unsigned int t, const struct stub_ucontext *uc)
{
	const uint8_t *p = stub_fp_frame(t, uc);
	uint32_t magic, size;

	if (!p)
		return 0;
	memcpy(&magic, p + FP_SW_OFFSET, 4);
	memcpy(&size, p + FP_SW_OFFSET + 4, 4);
	if (magic != FP_MAGIC1 || size < FP_MIN_BYTES || size > STUB_FP_BYTES ||
	    size > (uintptr_t)stub_altstacks[t] + STUB_ALTSTACK_BYTES - (uintptr_t)p)
		return 0;
	return size;
}

static uint8_t *stub_fp_area(struct stub_ctl *ctl)
{
	return (uint8_t *)ctl + STUB_FP_OFFSET;
}

long stub_fp_save(struct stub_ctl *ctl, unsigned int t, const struct stub_ucontext *uc)
{
	uint32_t n = stub_fp_frame_bytes(t, uc);

	ctl->out.fp_bytes = n;
	if (!n)
		return -22;
	memcpy(stub_fp_area(ctl), stub_fp_frame(t, uc), n);
	return 0;
}

/* Only an image of exactly the frame's size: that is what the host laid out and checks
 * again at sigreturn (the VMM checked the image's own header before asking). */
long stub_fp_load(struct stub_ctl *ctl, unsigned int t, struct stub_ucontext *uc, uint64_t len)
{
	uint32_t n = stub_fp_frame_bytes(t, uc);

	if (!n || len != n)
		return -22;
	memcpy(stub_fp_frame(t, uc), stub_fp_area(ctl), n);
	return 0;
}

/* fpstate.c: the signal-frame FP image of this host (see fpstate.h). The facts come from
 * the Intel SDM (XSAVE, CPUID leaf 0xD) and Linux's x86 signal-frame ABI
 * (struct _fpx_sw_bytes, FPSTATE_MAGIC1/2). */
#include <cpuid.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "seccomp/fpstate.h"

#define CPUID1_ECX_XSAVE   (1u << 26)
#define CPUID1_ECX_OSXSAVE (1u << 27)
#define XFEATURE_TILEDATA  (1ull << 18)   /* AMX: enabled per process, not in frames */
#define XFEATURE_X87_SSE   0x3ull
#define MXCSR_MASK_DEFAULT 0xffbfu
#define FCW_INIT           0x37fu
#define MXCSR_INIT         0x1f80u

static uint64_t fpstate_xgetbv0(void)
{
	uint32_t lo, hi;

	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (uint64_t)hi << 32 | lo;
}

static uint32_t fpstate_mxcsr_mask(void)
{
	uint8_t area[512] __attribute__((aligned(16)));
	uint32_t mask;

	memset(area, 0, sizeof(area));
	__asm__ volatile("fxsave64 %0" : "=m"(area));
	memcpy(&mask, area + 28, 4);
	return mask ? mask : MXCSR_MASK_DEFAULT;
}

int fpstate_layout_probe(struct fp_layout *l)
{
	unsigned int a, b, c, d, i;
	uint64_t features;
	uint32_t end = FP_LEGACY_BYTES;

	memset(l, 0, sizeof(*l));
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & CPUID1_ECX_XSAVE) ||
	    !(c & CPUID1_ECX_OSXSAVE))
		return -ENOTSUP;
	features = fpstate_xgetbv0() & ~XFEATURE_TILEDATA;
	/* Standard (non-compacted) format: each component at its CPUID offset. */
	for (i = 2; i < 63; i++) {
		if (!(features & (1ull << i)))
			continue;
		__cpuid_count(0xd, i, a, b, c, d);
		if (b + a > end)
			end = b + a;
	}
	l->xstate_size = end;
	l->size = end + 4;
	l->xfeatures = features;
	l->mxcsr_mask = fpstate_mxcsr_mask();
	return 0;
}

static uint32_t fpstate_u32(const uint8_t *p, size_t off)
{
	uint32_t v;

	memcpy(&v, p + off, 4);
	return v;
}

static uint64_t fpstate_u64(const uint8_t *p, size_t off)
{
	uint64_t v;

	memcpy(&v, p + off, 8);
	return v;
}

static bool fpstate_is_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

int fpstate_check(const struct fp_layout *l, const void *img, size_t len)
{
	const uint8_t *p = img;
	uint64_t xfeatures;

	if (!l->size || len < l->size)
		return -EINVAL;
	xfeatures = fpstate_u64(p, FP_SW_OFFSET + 8);
	if (fpstate_u32(p, FP_SW_OFFSET) != FPSTATE_MAGIC1 ||
	    fpstate_u32(p, FP_SW_OFFSET + 4) != l->size ||
	    fpstate_u32(p, FP_SW_OFFSET + 16) != l->xstate_size ||
	    fpstate_u32(p, l->xstate_size) != FPSTATE_MAGIC2)
		return -EINVAL;
	if ((xfeatures & ~l->xfeatures) || (xfeatures & XFEATURE_X87_SSE) != XFEATURE_X87_SSE)
		return -EINVAL;
	/* XRSTOR faults on reserved MXCSR bits (the kernel would then kill the thread). */
	if (fpstate_u32(p, FP_MXCSR_OFFSET) & ~l->mxcsr_mask)
		return -EINVAL;
	/* Standard format: XSTATE_BV within the features, XCOMP_BV and the rest zero. */
	if (fpstate_u64(p, FP_HEADER_OFFSET) & ~xfeatures)
		return -EINVAL;
	if (!fpstate_is_zero(p + FP_HEADER_OFFSET + 8, 56))
		return -EINVAL;
	return 0;
}

void fpstate_init_image(const struct fp_layout *l, void *img)
{
	uint8_t *p = img;
	uint16_t fcw = FCW_INIT;
	uint32_t v;
	uint64_t bv = XFEATURE_X87_SSE;

	memset(p, 0, l->size);
	memcpy(p, &fcw, 2);
	v = MXCSR_INIT;
	memcpy(p + FP_MXCSR_OFFSET, &v, 4);
	memcpy(p + 28, &l->mxcsr_mask, 4);
	v = FPSTATE_MAGIC1;
	memcpy(p + FP_SW_OFFSET, &v, 4);
	memcpy(p + FP_SW_OFFSET + 4, &l->size, 4);
	memcpy(p + FP_SW_OFFSET + 8, &l->xfeatures, 8);
	memcpy(p + FP_SW_OFFSET + 16, &l->xstate_size, 4);
	memcpy(p + FP_HEADER_OFFSET, &bv, 8);
	v = FPSTATE_MAGIC2;
	memcpy(p + l->xstate_size, &v, 4);
}

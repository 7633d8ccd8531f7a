/* fpstate.h: the FP/SIMD image x86-64 Linux puts in signal frames on this host (FXSAVE
 * area with its software bytes, XSAVE header and components, FPSTATE_MAGIC2): its
 * layout, a check that the CPU and the host kernel would take an image, the initial one. */
#ifndef HAL_KVM_SECCOMP_FPSTATE_H
#define HAL_KVM_SECCOMP_FPSTATE_H

#include <stddef.h>
#include <stdint.h>

#define FPSTATE_MAGIC1 0x46505853u
#define FPSTATE_MAGIC2 0x46505845u
#define FP_SW_OFFSET     464u      /* struct _fpx_sw_bytes in the FXSAVE area */
#define FP_MXCSR_OFFSET  24u
#define FP_HEADER_OFFSET 512u      /* the XSAVE header */
#define FP_LEGACY_BYTES  (512u + 64u)

struct fp_layout {
	uint32_t size;          /* the whole image: xstate_size + 4 (MAGIC2); 0: unknown */
	uint32_t xstate_size;   /* the XSAVE buffer */
	uint64_t xfeatures;     /* the components Linux saves in frames */
	uint32_t mxcsr_mask;    /* the MXCSR bits the CPU accepts */
};

/* Works out the layout from CPUID leaf 0xD and XCR0 as Linux does for signal frames
 * (its default features: XCR0 without the dynamically enabled AMX tile data).
 * 0, or -ENOTSUP without XSAVE. */
int fpstate_layout_probe(struct fp_layout *l);
/* Whether img[0..len) is an image the host would load at sigreturn without refusing it:
 * magics, sizes, features, MXCSR reserved bits, XSAVE header. 0 or -EINVAL. */
int fpstate_check(const struct fp_layout *l, const void *img, size_t len);
/* Writes the initial image (l->size bytes): x87 CW 0x37f, MXCSR 0x1f80, registers zero,
 * no extended component in use. */
void fpstate_init_image(const struct fp_layout *l, void *img);

#endif

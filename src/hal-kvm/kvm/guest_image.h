/* guest_image.h: the KVM engine's guest-side images, built by the host into the engine
 * area before the vCPU first runs: GDT, IDT, TSS, the ring-0 stub, the kernel half's page
 * tables, the probe guest; and the register images that enter the guest. Pure functions
 * over memory buffers: the unit tests check them without /dev/kvm. */
#ifndef HAL_KVM_KVM_GUEST_IMAGE_H
#define HAL_KVM_KVM_GUEST_IMAGE_H

#include <linux/kvm.h>
#include <stdbool.h>
#include <stdint.h>

#include "kvm/guest_layout.h"

struct user_regs;

/* The stub's bytes, from guest_stub.S. */
extern const uint8_t kvm_guest_stub_start[], kvm_guest_stub_end[];

/* Kernel virtual address of an engine-area offset. */
static inline uint64_t kvm_kva(uint64_t area_off)
{
	return KVM_KERNEL_BASE + area_off;
}

/* Builds every engine page in area (the host view of KVM_AREA_USED bytes at guest
 * physical area_gpa): kernel-half tables, GDT, IDT, TSS, stub, and the probe guest. */
void kvm_image_build(void *area, uint64_t area_gpa);
/* The PML4 entry that maps the kernel half, for slot KVM_KERNEL_PML4_SLOT of every root. */
uint64_t kvm_image_kernel_pml4e(uint64_t area_gpa);
/* The probe's user code: a loop of `syscall` (each one exits to the host). */
#define KVM_PROBE_CODE_BYTES 4
extern const uint8_t kvm_probe_code[KVM_PROBE_CODE_BYTES];

/* The MSRs the guest needs (STAR, LSTAR, CSTAR, SFMASK, ...): n entries into idx/val. */
#define KVM_IMAGE_MSRS 6
void kvm_image_msrs(uint32_t idx[KVM_IMAGE_MSRS], uint64_t val[KVM_IMAGE_MSRS]);

/* Host CPU features that shape CR4. */
struct kvm_guest_features {
	bool xsave;
	bool fsgsbase;
};

/* Long mode with paging at CR3 cr3, the engine's GDT/IDT/TSS, user CS/SS (CPL3), FS base
 * fs_base: the system registers of a return to user. Fields KVM owns (APIC base, the
 * interrupt bitmap, CR8) are kept from *s. */
void kvm_image_user_sregs(struct kvm_sregs *s, const struct kvm_guest_features *f,
			  uint64_t cr3, uint64_t fs_base);
/* The same machine at CPL0 (kernel CS/SS): for the host-entered CR3 entry. */
void kvm_image_kernel_sregs(struct kvm_sregs *s, const struct kvm_guest_features *f,
			    uint64_t cr3);
/* The general registers of a return to user from r: rflags limited to what a program may
 * set, with IF (Linux shows it to programs) and never IOPL (the stub's ports stay shut). */
void kvm_image_user_regs(struct kvm_regs *k, const struct user_regs *r);
/* The registers that enter the CR3 stub with root cr3. */
void kvm_image_cr3_regs(struct kvm_regs *k, uint64_t cr3);

#endif

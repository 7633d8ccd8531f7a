/* guest_image.c: the KVM engine's guest images (see guest_image.h). The formats are the
 * Intel SDM's (vol. 3: segment and gate descriptors, the 64-bit TSS, 4-level paging) and
 * <linux/kvm.h>'s register structures. */
#include <stddef.h>
#include <string.h>

#include <ostd/user_mode.h>

#include "kvm/guest_image.h"

#define PTE_P   (1ull << 0)
#define PTE_RW  (1ull << 1)
#define PTE_US  (1ull << 2)
#define PTE_A   (1ull << 5)
#define PTE_D   (1ull << 6)
#define PTE_NX  (1ull << 63)

/* Flat segment descriptors (limit 4 GiB, G=1, accessed set so the CPU never writes the
 * GDT): 64-bit code (L=1), 32-bit code and data (D/B=1). */
#define DESC_KERNEL_CS 0x00af9b000000ffffull
#define DESC_KERNEL_DS 0x00cf93000000ffffull
#define DESC_USER32_CS 0x00cffb000000ffffull
#define DESC_USER_DS   0x00cff3000000ffffull
#define DESC_USER_CS   0x00affb000000ffffull

#define TSS_BYTES        104
#define TSS_RSP0         4
#define TSS_IOMAP        102
#define GATE_INTERRUPT   0xe
#define TSS_TYPE_BUSY    0xb

/* `syscall; jmp back to it`. */
const uint8_t kvm_probe_code[KVM_PROBE_CODE_BYTES] = { 0x0f, 0x05, 0xeb, 0xfc };

static void put64(void *area, uint64_t off, uint64_t v)
{
	memcpy((uint8_t *)area + off, &v, 8);
}

uint64_t kvm_image_kernel_pml4e(uint64_t area_gpa)
{
	/* No US: nothing under this entry is reachable from CPL3. */
	return (area_gpa + KVM_AREA_PDPT) | PTE_P | PTE_RW | PTE_A;
}

/* One page of the kernel half: supervisor only, data never executable, code never
 * writable (CR0.WP holds ring 0 to it too). */
static void image_map_kernel_page(void *area, uint64_t area_gpa, uint64_t off, bool write,
				  bool exec)
{
	uint64_t pte = (area_gpa + off) | PTE_P | PTE_A;

	if (write)
		pte |= PTE_RW | PTE_D;
	if (!exec)
		pte |= PTE_NX;
	put64(area, KVM_AREA_PT + (off >> 12) * 8, pte);
}

static void image_build_tables(void *area, uint64_t area_gpa)
{
	memset((uint8_t *)area + KVM_AREA_PDPT, 0, 3 * 4096);
	/* KVM_KERNEL_BASE is PDPT slot 0, PD slot 0 of its PML4 slot. */
	put64(area, KVM_AREA_PDPT, (area_gpa + KVM_AREA_PD) | PTE_P | PTE_RW | PTE_A);
	put64(area, KVM_AREA_PD, (area_gpa + KVM_AREA_PT) | PTE_P | PTE_RW | PTE_A);
	image_map_kernel_page(area, area_gpa, KVM_AREA_GDT, true, false);
	image_map_kernel_page(area, area_gpa, KVM_AREA_IDT, false, false);
	image_map_kernel_page(area, area_gpa, KVM_AREA_TSS, true, false);
	image_map_kernel_page(area, area_gpa, KVM_AREA_STUB, false, true);
	image_map_kernel_page(area, area_gpa, KVM_AREA_STACK, true, false);
}

static void image_build_gdt(void *area)
{
	uint64_t base = kvm_kva(KVM_AREA_TSS), limit = TSS_BYTES - 1;
	uint64_t gdt = KVM_AREA_GDT;

	memset((uint8_t *)area + gdt, 0, 4096);
	put64(area, gdt + KVM_SEL_KERNEL_CS, DESC_KERNEL_CS);
	put64(area, gdt + KVM_SEL_KERNEL_DS, DESC_KERNEL_DS);
	put64(area, gdt + (KVM_SEL_USER32_CS & ~3), DESC_USER32_CS);
	put64(area, gdt + (KVM_SEL_USER_DS & ~3), DESC_USER_DS);
	put64(area, gdt + (KVM_SEL_USER_CS & ~3), DESC_USER_CS);
	/* A 16-byte system descriptor: busy 64-bit TSS, as TR holds it. */
	put64(area, gdt + KVM_SEL_TSS,
	      (limit & 0xffff) | (base & 0xffffff) << 16 | (uint64_t)TSS_TYPE_BUSY << 40 |
	      1ull << 47 | ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56);
	put64(area, gdt + KVM_SEL_TSS + 8, base >> 32);
}

static void image_build_idt(void *area)
{
	uint64_t stub = kvm_kva(KVM_AREA_STUB);

	memset((uint8_t *)area + KVM_AREA_IDT, 0, 4096);
	for (unsigned int v = 0; v < KVM_STUB_VECTORS; v++) {
		uint64_t off = stub + v * KVM_STUB_SLOT;
		/* int3 and into are for user programs, as on Linux; any other `int n` from
		 * CPL3 is a #GP. */
		uint64_t dpl = (v == 3 || v == 4) ? 3 : 0;

		put64(area, KVM_AREA_IDT + v * 16,
		      (off & 0xffff) | (uint64_t)KVM_SEL_KERNEL_CS << 16 |
		      (uint64_t)GATE_INTERRUPT << 40 | dpl << 45 | 1ull << 47 |
		      ((off >> 16) & 0xffff) << 48);
		put64(area, KVM_AREA_IDT + v * 16 + 8, off >> 32);
	}
}

static void image_build_tss(void *area)
{
	uint16_t iomap = TSS_BYTES;   /* past the limit: no I/O bitmap, every port shut */

	memset((uint8_t *)area + KVM_AREA_TSS, 0, 4096);
	put64(area, KVM_AREA_TSS + TSS_RSP0, kvm_kva(KVM_AREA_STACK_TOP));
	memcpy((uint8_t *)area + KVM_AREA_TSS + TSS_IOMAP, &iomap, 2);
}

static void image_build_probe(void *area, uint64_t area_gpa)
{
	uint64_t user = PTE_P | PTE_RW | PTE_US | PTE_A;

	memset((uint8_t *)area + KVM_AREA_PROBE_PML4, 0, 5 * 4096);
	put64(area, KVM_AREA_PROBE_PML4, (area_gpa + KVM_AREA_PROBE_PDPT) | user);
	put64(area, KVM_AREA_PROBE_PML4 + KVM_KERNEL_PML4_SLOT * 8,
	      kvm_image_kernel_pml4e(area_gpa));
	put64(area, KVM_AREA_PROBE_PDPT + ((KVM_PROBE_VA >> 30) & 511) * 8,
	      (area_gpa + KVM_AREA_PROBE_PD) | user);
	put64(area, KVM_AREA_PROBE_PD + ((KVM_PROBE_VA >> 21) & 511) * 8,
	      (area_gpa + KVM_AREA_PROBE_PT) | user);
	put64(area, KVM_AREA_PROBE_PT + ((KVM_PROBE_VA >> 12) & 511) * 8,
	      (area_gpa + KVM_AREA_PROBE_CODE) | PTE_P | PTE_US | PTE_A);
	memcpy((uint8_t *)area + KVM_AREA_PROBE_CODE, kvm_probe_code, sizeof(kvm_probe_code));
}

void kvm_image_build(void *area, uint64_t area_gpa)
{
	size_t stub_bytes = (size_t)(kvm_guest_stub_end - kvm_guest_stub_start);

	image_build_tables(area, area_gpa);
	image_build_gdt(area);
	image_build_idt(area);
	image_build_tss(area);
	memset((uint8_t *)area + KVM_AREA_STUB, 0xcc, 4096);
	memcpy((uint8_t *)area + KVM_AREA_STUB, kvm_guest_stub_start, stub_bytes);
	memset((uint8_t *)area + KVM_AREA_STACK, 0, 4096);
	image_build_probe(area, area_gpa);
}

void kvm_image_msrs(uint32_t idx[KVM_IMAGE_MSRS], uint64_t val[KVM_IMAGE_MSRS])
{
	uint64_t stub = kvm_kva(KVM_AREA_STUB);

	/* sysret's base is USER32_CS: CS = base + 16 (0x33), SS = base + 8 (0x2b). */
	idx[0] = KVM_MSR_STAR;
	val[0] = (uint64_t)KVM_SEL_USER32_CS << 48 | (uint64_t)KVM_SEL_KERNEL_CS << 32;
	idx[1] = KVM_MSR_LSTAR;
	val[1] = stub + KVM_STUB_SYSCALL_OFF;
	idx[2] = KVM_MSR_CSTAR;
	val[2] = stub + KVM_STUB_COMPAT_OFF;
	idx[3] = KVM_MSR_SFMASK;
	val[3] = KVM_SFMASK;
	idx[4] = KVM_MSR_KERNEL_GS;
	val[4] = 0;
	/* SYSENTER_CS 0: sysenter from user is a #GP. */
	idx[5] = KVM_MSR_SYSENTER_CS;
	val[5] = 0;
}

static void image_segment(struct kvm_segment *s, uint16_t sel, uint8_t type, uint8_t dpl,
			  bool code64)
{
	*s = (struct kvm_segment){
		.base = 0, .limit = 0xffffffff, .selector = sel, .type = type,
		.present = 1, .dpl = dpl, .db = code64 ? 0 : 1, .s = 1, .l = code64 ? 1 : 0,
		.g = 1,
	};
}

static void image_common_sregs(struct kvm_sregs *s, const struct kvm_guest_features *f,
			       uint64_t cr3)
{
	s->cr0 = KVM_CR0_PE | KVM_CR0_MP | KVM_CR0_ET | KVM_CR0_NE | KVM_CR0_WP | KVM_CR0_AM |
		 KVM_CR0_PG;
	s->cr4 = KVM_CR4_PAE | KVM_CR4_OSFXSR | KVM_CR4_OSXMMEXCPT;
	if (f->xsave)
		s->cr4 |= KVM_CR4_OSXSAVE;
	if (f->fsgsbase)
		s->cr4 |= KVM_CR4_FSGSBASE;
	s->cr3 = cr3;
	s->efer = KVM_EFER_SCE | KVM_EFER_LME | KVM_EFER_LMA | KVM_EFER_NXE;
	s->gdt = (struct kvm_dtable){ .base = kvm_kva(KVM_AREA_GDT),
				      .limit = KVM_GDT_ENTRIES * 8 - 1 };
	s->idt = (struct kvm_dtable){ .base = kvm_kva(KVM_AREA_IDT),
				      .limit = KVM_STUB_VECTORS * 16 - 1 };
	s->tr = (struct kvm_segment){ .base = kvm_kva(KVM_AREA_TSS), .limit = TSS_BYTES - 1,
				      .selector = KVM_SEL_TSS, .type = TSS_TYPE_BUSY,
				      .present = 1 };
	s->ldt = (struct kvm_segment){ .type = 2, .unusable = 1 };
}

void kvm_image_user_sregs(struct kvm_sregs *s, const struct kvm_guest_features *f,
			  uint64_t cr3, uint64_t fs_base)
{
	image_common_sregs(s, f, cr3);
	image_segment(&s->cs, KVM_SEL_USER_CS, 0xb, 3, true);
	image_segment(&s->ss, KVM_SEL_USER_DS, 0x3, 3, false);
	/* Data segments read as selector 0 as on Linux; only FS's base matters. */
	image_segment(&s->ds, 0, 0x3, 3, false);
	image_segment(&s->es, 0, 0x3, 3, false);
	image_segment(&s->fs, 0, 0x3, 3, false);
	image_segment(&s->gs, 0, 0x3, 3, false);
	s->fs.base = fs_base;
}

void kvm_image_kernel_sregs(struct kvm_sregs *s, const struct kvm_guest_features *f,
			    uint64_t cr3)
{
	image_common_sregs(s, f, cr3);
	image_segment(&s->cs, KVM_SEL_KERNEL_CS, 0xb, 0, true);
	image_segment(&s->ss, KVM_SEL_KERNEL_DS, 0x3, 0, false);
	image_segment(&s->ds, 0, 0x3, 0, false);
	image_segment(&s->es, 0, 0x3, 0, false);
}

void kvm_image_user_regs(struct kvm_regs *k, const struct user_regs *r)
{
	*k = (struct kvm_regs){
		.rax = r->rax, .rbx = r->rbx, .rcx = r->rcx, .rdx = r->rdx,
		.rsi = r->rsi, .rdi = r->rdi, .rsp = r->rsp, .rbp = r->rbp,
		.r8 = r->r8, .r9 = r->r9, .r10 = r->r10, .r11 = r->r11,
		.r12 = r->r12, .r13 = r->r13, .r14 = r->r14, .r15 = r->r15,
		.rip = r->rip,
		.rflags = (r->rflags & KVM_RFLAGS_USER) | KVM_RFLAGS_IF | KVM_RFLAGS_FIXED,
	};
}

void kvm_image_cr3_regs(struct kvm_regs *k, uint64_t cr3)
{
	*k = (struct kvm_regs){
		.rdi = cr3, .rsp = kvm_kva(KVM_AREA_STACK_TOP),
		.rip = kvm_kva(KVM_AREA_STUB + KVM_STUB_CR3_OFF), .rflags = KVM_RFLAGS_FIXED,
	};
}

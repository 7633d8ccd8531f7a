/* test_guest_image.c: the KVM engine's guest images, checked as the CPU would read them:
 * the ring-0 stub's bytes, GDT, IDT, TSS, MSRs, the system and general register images,
 * and the page tables (the kernel half, the probe guest, and OSTD's own tables of a real
 * vmspace) through a software page walker. No /dev/kvm needed. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/vmspace.h>

#include "hal.h"
#include "kvm/exit_decode.h"
#include "kvm/guest_image.h"
#include "kvm/kvm_engine.h"
#include "ostd_check.h"
#include "walker.h"

#define AREA_GPA   (16ull << 20)
#define AREA_BYTES ((uint64_t)KVM_AREA_USED)

static uint8_t *area;

static void area_setup(void)
{
	area = aligned_alloc(4096, AREA_BYTES);
	ck_assert_ptr_nonnull(area);
	memset(area, 0x5a, AREA_BYTES);    /* what the builder leaves alone shows */
	kvm_image_build(area, AREA_GPA);
}

static void area_teardown(void)
{
	free(area);
	area = NULL;
}

static uint64_t get64(uint64_t off)
{
	uint64_t v;

	memcpy(&v, area + off, 8);
	return v;
}

/* --- the stub --- */

static void assert_bytes(uint64_t off, const uint8_t *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(area[KVM_AREA_STUB + off + i] == want[i],
			      "stub byte 0x%llx+%zu: 0x%02x, want 0x%02x", (unsigned long long)off,
			      i, area[KVM_AREA_STUB + off + i], want[i]);
}

START_TEST(stub_vector_entries_push_a_zero_only_without_an_error_code_then_out_their_port)
{
	for (unsigned int v = 0; v < KVM_STUB_VECTORS; v++) {
		const uint8_t with_err[] = { 0xe6, (uint8_t)(KVM_PORT_EXC_BASE + v), 0xf4, 0xeb, 0xfd };
		const uint8_t without[] = { 0x6a, 0x00, 0xe6, (uint8_t)(KVM_PORT_EXC_BASE + v),
					    0xf4, 0xeb, 0xfd };

		if (KVM_VEC_HAS_ERROR(v))
			assert_bytes(v * KVM_STUB_SLOT, with_err, sizeof(with_err));
		else
			assert_bytes(v * KVM_STUB_SLOT, without, sizeof(without));
	}
}
END_TEST

START_TEST(stub_lstar_entry_does_out_to_the_syscall_port_then_halts)
{
	const uint8_t sys[] = { 0xe6, KVM_PORT_SYSCALL, 0xf4, 0xeb, 0xfd };
	const uint8_t compat[] = { 0xe6, KVM_PORT_COMPAT, 0xf4, 0xeb, 0xfd };

	assert_bytes(KVM_STUB_SYSCALL_OFF, sys, sizeof(sys));
	assert_bytes(KVM_STUB_COMPAT_OFF, compat, sizeof(compat));
}
END_TEST

START_TEST(stub_cr3_entry_moves_rdi_to_cr3_then_outs)
{
	const uint8_t cr3[] = { 0x0f, 0x22, 0xdf, 0xe6, KVM_PORT_CR3, 0xf4, 0xeb, 0xfd };

	assert_bytes(KVM_STUB_CR3_OFF, cr3, sizeof(cr3));
}
END_TEST

START_TEST(stub_blob_has_its_declared_size_and_int3_after_it)
{
	ck_assert_uint_eq((uint64_t)(kvm_guest_stub_end - kvm_guest_stub_start), KVM_STUB_BYTES);
	for (uint64_t i = KVM_STUB_BYTES; i < 4096; i++)
		ck_assert_uint_eq(area[KVM_AREA_STUB + i], 0xcc);
}
END_TEST

START_TEST(exit_decoder_expects_each_port_at_the_stubs_own_out_instruction)
{
	unsigned int ports[KVM_STUB_VECTORS + 3];
	unsigned int n = 0;

	for (unsigned int v = 0; v < KVM_STUB_VECTORS; v++)
		ports[n++] = KVM_PORT_EXC_BASE + v;
	ports[n++] = KVM_PORT_SYSCALL;
	ports[n++] = KVM_PORT_COMPAT;
	ports[n++] = KVM_PORT_CR3;
	for (unsigned int i = 0; i < n; i++) {
		uint64_t out = kvm_exit_stub_out(ports[i]) - kvm_kva(KVM_AREA_STUB);

		ck_assert_uint_lt(out, KVM_STUB_BYTES);
		ck_assert_uint_eq(area[KVM_AREA_STUB + out], 0xe6);
		ck_assert_uint_eq(area[KVM_AREA_STUB + out + 1], ports[i]);
	}
	ck_assert_uint_eq(kvm_exit_stub_out(0x7f), 0);
	ck_assert_uint_eq(kvm_exit_stub_out(0xa3), 0);
}
END_TEST

/* --- GDT, TSS, IDT, MSRs --- */

struct desc {
	uint64_t base;
	uint32_t limit;
	unsigned int type, s, dpl, p, l, db, g;
};

static struct desc desc_decode(uint16_t sel)
{
	uint64_t d = get64(KVM_AREA_GDT + (sel & ~7u));
	struct desc r = {
		.base = ((d >> 16) & 0xffffff) | ((d >> 56) & 0xff) << 24,
		.limit = (uint32_t)((d & 0xffff) | ((d >> 48) & 0xf) << 16),
		.type = (d >> 40) & 0xf, .s = (d >> 44) & 1, .dpl = (d >> 45) & 3,
		.p = (d >> 47) & 1, .l = (d >> 53) & 1, .db = (d >> 54) & 1, .g = (d >> 55) & 1,
	};

	if (!r.s)   /* a 16-byte system descriptor: the base's high half follows */
		r.base |= get64(KVM_AREA_GDT + (sel & ~7u) + 8) << 32;
	return r;
}

static void assert_code64(uint16_t sel, unsigned int dpl)
{
	struct desc d = desc_decode(sel);

	ck_assert_msg(d.p && d.s && (d.type & 0x8) && d.l && !d.db && d.dpl == dpl,
		      "selector 0x%x is not 64-bit code at DPL %u", sel, dpl);
	ck_assert_uint_eq(d.type & 1, 1);   /* accessed: the CPU never writes the GDT */
}

static void assert_data(uint16_t sel, unsigned int dpl)
{
	struct desc d = desc_decode(sel);

	ck_assert_msg(d.p && d.s && !(d.type & 0x8) && (d.type & 0x2) && d.dpl == dpl &&
		      d.base == 0 && d.limit == 0xfffff && d.g,
		      "selector 0x%x is not flat writable data at DPL %u", sel, dpl);
}

START_TEST(gdt_has_linux_kernel_and_user_segments)
{
	struct desc u32 = desc_decode(KVM_SEL_USER32_CS);

	ck_assert_uint_eq(get64(KVM_AREA_GDT), 0);
	ck_assert_uint_eq(get64(KVM_AREA_GDT + 8), 0);
	assert_code64(KVM_SEL_KERNEL_CS, 0);
	assert_data(KVM_SEL_KERNEL_DS, 0);
	assert_code64(KVM_SEL_USER_CS, 3);
	assert_data(KVM_SEL_USER_DS, 3);
	/* Compat code as Linux has it: 32-bit (D=1, L=0), DPL 3. */
	ck_assert(u32.p && u32.s && (u32.type & 8) && !u32.l && u32.db && u32.dpl == 3);
	ck_assert_uint_eq(get64(KVM_AREA_GDT + 7 * 8), 0);
}
END_TEST

START_TEST(star_gives_linux_selectors_for_syscall_and_sysret)
{
	uint32_t idx[KVM_IMAGE_MSRS];
	uint64_t val[KVM_IMAGE_MSRS], star = 0, lstar = 0, cstar = 0, fmask = 0;

	kvm_image_msrs(idx, val);
	for (int i = 0; i < KVM_IMAGE_MSRS; i++) {
		if (idx[i] == KVM_MSR_STAR)
			star = val[i];
		if (idx[i] == KVM_MSR_LSTAR)
			lstar = val[i];
		if (idx[i] == KVM_MSR_CSTAR)
			cstar = val[i];
		if (idx[i] == KVM_MSR_SFMASK)
			fmask = val[i];
	}
	/* syscall: CS = STAR[47:32], SS = that + 8; sysret (64-bit): CS = STAR[63:48] + 16,
	 * SS = STAR[63:48] + 8, both with RPL 3. */
	ck_assert_uint_eq((star >> 32) & 0xffff, KVM_SEL_KERNEL_CS);
	ck_assert_uint_eq(((star >> 32) & 0xffff) + 8, KVM_SEL_KERNEL_DS);
	ck_assert_uint_eq((((star >> 48) & 0xffff) + 16) | 3, KVM_SEL_USER_CS);
	ck_assert_uint_eq((((star >> 48) & 0xffff) + 8) | 3, KVM_SEL_USER_DS);
	ck_assert_uint_eq(lstar, kvm_kva(KVM_AREA_STUB + KVM_STUB_SYSCALL_OFF));
	ck_assert_uint_eq(cstar, kvm_kva(KVM_AREA_STUB + KVM_STUB_COMPAT_OFF));
	/* IF, TF, DF, AC, IOPL, NT cleared on entry, as Linux. */
	ck_assert_uint_eq(fmask, 0x47700);
}
END_TEST

START_TEST(tss_descriptor_points_at_the_tss_whose_rsp0_tops_the_ring0_stack)
{
	struct desc t = desc_decode(KVM_SEL_TSS);
	uint64_t rsp0;
	uint16_t iomap;

	ck_assert(t.p && !t.s && t.type == 0xb && t.dpl == 0);
	ck_assert_uint_eq(t.base, kvm_kva(KVM_AREA_TSS));
	ck_assert_uint_eq(t.limit, 103);
	memcpy(&rsp0, area + KVM_AREA_TSS + 4, 8);
	ck_assert_uint_eq(rsp0, kvm_kva(KVM_AREA_STACK_TOP));
	ck_assert_uint_eq(rsp0 % 16, 0);
	/* The I/O bitmap starts past the limit: no port is open to CPL3. */
	memcpy(&iomap, area + KVM_AREA_TSS + 102, 2);
	ck_assert_uint_gt(iomap, t.limit);
	ck_assert_uint_le(KVM_SEL_TSS + 16, KVM_GDT_ENTRIES * 8);
}
END_TEST

START_TEST(idt_gates_are_present_64bit_interrupt_gates_to_the_stub_entries)
{
	for (unsigned int v = 0; v < KVM_STUB_VECTORS; v++) {
		uint64_t lo = get64(KVM_AREA_IDT + v * 16), hi = get64(KVM_AREA_IDT + v * 16 + 8);
		uint64_t off = (lo & 0xffff) | ((lo >> 48) & 0xffff) << 16 | (hi & 0xffffffff) << 32;
		unsigned int dpl = (lo >> 45) & 3;

		ck_assert_uint_eq((lo >> 47) & 1, 1);               /* present */
		ck_assert_uint_eq((lo >> 40) & 0xf, 0xe);           /* 64-bit interrupt gate */
		ck_assert_uint_eq((lo >> 44) & 1, 0);
		ck_assert_uint_eq((lo >> 16) & 0xffff, KVM_SEL_KERNEL_CS);
		ck_assert_uint_eq((lo >> 32) & 7, 0);               /* no IST */
		ck_assert_uint_eq(hi >> 32, 0);
		ck_assert_uint_eq(off, kvm_kva(KVM_AREA_STUB) + v * KVM_STUB_SLOT);
		/* int3 and into from user mode, as Linux allows them. */
		ck_assert_uint_eq(dpl, (v == 3 || v == 4) ? 3 : 0);
	}
	/* Vectors past 31 lie beyond the IDT's limit: `int n` there is a #GP. */
	ck_assert_uint_eq(get64(KVM_AREA_IDT + 32 * 16), 0);
}
END_TEST

/* --- register images --- */

START_TEST(user_sregs_are_long_mode_cpl3_with_the_engine_tables)
{
	struct kvm_guest_features f = { .xsave = true, .fsgsbase = false };
	struct kvm_sregs s;

	memset(&s, 0, sizeof(s));
	s.apic_base = 0xfee00900;
	kvm_image_user_sregs(&s, &f, 0x123000, 0x7f0000001000);
	ck_assert_uint_eq(s.cs.selector, KVM_SEL_USER_CS);
	ck_assert(s.cs.l && !s.cs.db && s.cs.dpl == 3 && s.cs.present && s.cs.s);
	ck_assert_uint_eq(s.ss.selector, KVM_SEL_USER_DS);
	ck_assert(s.ss.dpl == 3 && s.ss.present && (s.ss.type & 2));
	ck_assert_uint_eq(s.fs.base, 0x7f0000001000);
	ck_assert_uint_eq(s.cr3, 0x123000);
	ck_assert_uint_eq(s.cr0 & 0x80010001, 0x80010001);          /* PG WP PE */
	ck_assert_uint_eq(s.cr4 & (KVM_CR4_PAE | KVM_CR4_OSXSAVE), KVM_CR4_PAE | KVM_CR4_OSXSAVE);
	ck_assert_uint_eq(s.cr4 & KVM_CR4_FSGSBASE, 0);
	ck_assert_uint_eq(s.efer, KVM_EFER_SCE | KVM_EFER_LME | KVM_EFER_LMA | KVM_EFER_NXE);
	ck_assert_uint_eq(s.gdt.base, kvm_kva(KVM_AREA_GDT));
	ck_assert_uint_eq(s.gdt.limit, KVM_GDT_ENTRIES * 8 - 1);
	ck_assert_uint_eq(s.idt.base, kvm_kva(KVM_AREA_IDT));
	ck_assert_uint_eq(s.idt.limit, 32 * 16 - 1);
	ck_assert_uint_eq(s.tr.selector, KVM_SEL_TSS);
	ck_assert_uint_eq(s.tr.base, kvm_kva(KVM_AREA_TSS));
	ck_assert_uint_eq(s.apic_base, 0xfee00900);                 /* KVM's, kept */
}
END_TEST

START_TEST(kernel_sregs_are_cpl0)
{
	struct kvm_guest_features f = { 0 };
	struct kvm_sregs s;

	memset(&s, 0, sizeof(s));
	kvm_image_kernel_sregs(&s, &f, 0x5000);
	ck_assert_uint_eq(s.cs.selector, KVM_SEL_KERNEL_CS);
	ck_assert(s.cs.l && s.cs.dpl == 0);
	ck_assert_uint_eq(s.ss.selector, KVM_SEL_KERNEL_DS);
	ck_assert_uint_eq(s.ss.dpl, 0);
	ck_assert_uint_eq(s.cr4 & KVM_CR4_OSXSAVE, 0);
}
END_TEST

START_TEST(user_regs_keep_program_flags_but_never_iopl_and_always_if)
{
	struct user_regs r = { .rax = 1, .rcx = 2, .r11 = 3, .r15 = 4, .rip = 0x401000,
			       .rsp = 0x7ffd0000, .rflags = ~0ull };
	struct kvm_regs k;

	kvm_image_user_regs(&k, &r);
	ck_assert_uint_eq(k.rax, 1);
	ck_assert_uint_eq(k.rcx, 2);
	ck_assert_uint_eq(k.r11, 3);
	ck_assert_uint_eq(k.r15, 4);
	ck_assert_uint_eq(k.rip, 0x401000);
	ck_assert_uint_eq(k.rsp, 0x7ffd0000);
	ck_assert_uint_eq(k.rflags & 0x3000, 0);        /* IOPL */
	ck_assert_uint_eq(k.rflags & 0x4000, 0);        /* NT */
	ck_assert_uint_eq(k.rflags & 0x20000, 0);       /* VM */
	ck_assert_uint_eq(k.rflags & 0x200, 0x200);     /* IF */
	ck_assert_uint_eq(k.rflags & 0x2, 0x2);
	ck_assert_uint_eq(k.rflags & 0x100, 0x100);     /* TF: single-stepping is the program's */
	r.rflags = 0;
	kvm_image_user_regs(&k, &r);
	ck_assert_uint_eq(k.rflags, 0x202);
}
END_TEST

START_TEST(cr3_regs_enter_the_cr3_stub_on_the_ring0_stack)
{
	struct kvm_regs k;

	kvm_image_cr3_regs(&k, 0xabc000);
	ck_assert_uint_eq(k.rdi, 0xabc000);
	ck_assert_uint_eq(k.rip, kvm_kva(KVM_AREA_STUB + KVM_STUB_CR3_OFF));
	ck_assert_uint_eq(k.rsp, kvm_kva(KVM_AREA_STACK_TOP));
	ck_assert_uint_eq(k.rflags & 0x200, 0);
}
END_TEST

/* --- page tables --- */

static struct walker_mem fake_mem(uint8_t *ram, uint64_t ram_bytes)
{
	return (struct walker_mem){ .ram = ram, .ram_bytes = ram_bytes, .area = area,
				    .area_gpa = AREA_GPA, .area_bytes = AREA_BYTES };
}

static void assert_kernel_page(const struct walker_mem *m, uint64_t cr3, uint64_t off,
			       bool write, bool exec)
{
	struct walk w;

	for (uint64_t in = 0; in < 4096; in += 4088) {
		ck_assert_msg(walker_translate(m, cr3, kvm_kva(off) + in, &w),
			      "kernel page 0x%llx does not translate", (unsigned long long)off);
		ck_assert_uint_eq(w.gpa, AREA_GPA + off + in);
		ck_assert_msg(!w.user, "kernel page 0x%llx is reachable from CPL3",
			      (unsigned long long)off);
		ck_assert_int_eq(w.write, write);
		ck_assert_int_eq(w.exec, exec);
	}
}

static void assert_kernel_half(const struct walker_mem *m, uint64_t cr3)
{
	struct walk w;

	assert_kernel_page(m, cr3, KVM_AREA_GDT, true, false);
	assert_kernel_page(m, cr3, KVM_AREA_IDT, false, false);
	assert_kernel_page(m, cr3, KVM_AREA_TSS, true, false);
	assert_kernel_page(m, cr3, KVM_AREA_STUB, false, true);
	assert_kernel_page(m, cr3, KVM_AREA_STACK, true, false);
	/* Tables, the guard below the stack and the probe's pages are not mapped there. */
	ck_assert(!walker_translate(m, cr3, kvm_kva(KVM_AREA_PDPT), &w));
	ck_assert(!walker_translate(m, cr3, kvm_kva(KVM_AREA_PT), &w));
	ck_assert(!walker_translate(m, cr3, kvm_kva(KVM_AREA_STACK - 8), &w));
	ck_assert(!walker_translate(m, cr3, kvm_kva(KVM_AREA_STACK_TOP), &w));
	ck_assert(!walker_translate(m, cr3, kvm_kva(KVM_AREA_PROBE_CODE), &w));
}

START_TEST(kernel_half_maps_each_engine_page_supervisor_only_with_its_rights)
{
	uint8_t *ram = aligned_alloc(4096, 4096);
	struct walker_mem m = fake_mem(ram, 4096);

	memset(ram, 0, 4096);
	memcpy(ram + KVM_KERNEL_PML4_SLOT * 8, &(uint64_t){ kvm_image_kernel_pml4e(AREA_GPA) }, 8);
	ck_assert_uint_eq(kvm_image_kernel_pml4e(AREA_GPA) & 4, 0);
	assert_kernel_half(&m, 0);
	free(ram);
}
END_TEST

START_TEST(probe_guest_maps_its_syscall_loop_for_cpl3_and_the_kernel_half)
{
	struct walker_mem m = fake_mem(NULL, 0);
	uint64_t cr3 = AREA_GPA + KVM_AREA_PROBE_PML4;
	struct walk w;

	ck_assert(walker_translate(&m, cr3, KVM_PROBE_VA, &w));
	ck_assert_uint_eq(w.gpa, AREA_GPA + KVM_AREA_PROBE_CODE);
	ck_assert(w.user && w.exec && !w.write);
	ck_assert_mem_eq(area + KVM_AREA_PROBE_CODE, kvm_probe_code, KVM_PROBE_CODE_BYTES);
	ck_assert_uint_eq(kvm_probe_code[0], 0x0f);     /* syscall */
	ck_assert_uint_eq(kvm_probe_code[1], 0x05);
	ck_assert(!walker_translate(&m, cr3, KVM_PROBE_VA + 4096, &w));
	assert_kernel_half(&m, cr3);
}
END_TEST

/* A real OSTD vmspace, given the kernel half as the engine's space_create gives it. */
static void assert_user(const struct walker_mem *m, uint64_t cr3, uaddr_t va,
			struct frame *f, bool write, bool exec)
{
	struct walk w;

	ck_assert_msg(walker_translate(m, cr3, va + 0x123, &w), "0x%llx does not translate",
		      (unsigned long long)va);
	ck_assert_uint_eq(w.gpa, frame_paddr(f) + 0x123);
	ck_assert(w.user);
	ck_assert_int_eq(w.write, write);
	ck_assert_int_eq(w.exec, exec);
}

static struct frame *map_new(struct vmspace *vs, uaddr_t va, unsigned int prot)
{
	struct frame *f = frame_alloc(FRAME_USER);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(vmspace_map(vs, va, f, prot), 0);
	frame_put(f);
	return f;
}

BOOTED_TEST(guest_mmu_sees_ostd_tables_as_ostd_mapped_them)
{
	struct vmspace *vs = vmspace_create();
	struct engine_space *s = NULL;
	struct walker_mem m;
	struct frame *r, *rw, *rx, *rwx;
	paddr_t pa;
	unsigned int prot;
	struct walk w;

	area_setup();
	kvm_engine.cfg.ram_host = hal_ram_base();
	kvm_engine.cfg.ram_bytes = hal_ram_bytes();
	kvm_engine.cfg.area_offset = AREA_GPA;
	ck_assert_uint_le(hal_ram_bytes(), AREA_GPA);
	m = (struct walker_mem){ .ram = hal_ram_base(), .ram_bytes = hal_ram_bytes(),
				 .area = area, .area_gpa = AREA_GPA, .area_bytes = AREA_BYTES };
	ck_assert_ptr_nonnull(vs);
	ck_assert_int_eq(kvm_space_create(vs, &s), 0);
	ck_assert_uint_eq(s->root, ostd_vmspace_root(vs));
	r = map_new(vs, 0x400000, VM_READ);
	rw = map_new(vs, 0x401000, VM_READ | VM_WRITE);
	rx = map_new(vs, 0x7f0000000000, VM_READ | VM_EXEC);
	rwx = map_new(vs, 0x7ffffffe0000, VM_READ | VM_WRITE | VM_EXEC);
	map_new(vs, 0x402000, 0);
	assert_user(&m, s->root, 0x400000, r, false, false);
	assert_user(&m, s->root, 0x401000, rw, true, false);
	assert_user(&m, s->root, 0x7f0000000000, rx, false, true);
	assert_user(&m, s->root, 0x7ffffffe0000, rwx, true, true);
	/* PROT_NONE keeps the page but the CPU must fault: the services decide. */
	ck_assert(!walker_translate(&m, s->root, 0x402000, &w));
	ck_assert(!walker_translate(&m, s->root, 0x403000, &w));
	assert_kernel_half(&m, s->root);
	/* OSTD never reads the engine's entry as one of its own. */
	ck_assert_int_eq(ostd_vmspace_translate(vs, kvm_kva(KVM_AREA_GDT), &pa, &prot), -ENOENT);
	/* Protect and unmap reach the guest's view at once (the engine reloads CR3). */
	ck_assert_int_eq(vmspace_protect(vs, 0x401000, 4096, VM_READ), 0);
	assert_user(&m, s->root, 0x401000, rw, false, false);
	ck_assert_int_eq(vmspace_unmap(vs, 0x400000, 4096), 0);
	ck_assert(!walker_translate(&m, s->root, 0x400000, &w));
	kvm_space_destroy(s);
	vmspace_destroy(vs);
	area_teardown();
	return 0;
}

static Suite *guest_image_suite(void)
{
	Suite *s = suite_create("kvm_guest_image");
	TCase *tc = tcase_create("images");
	TCase *booted = tcase_create("ostd");

	tcase_add_checked_fixture(tc, area_setup, area_teardown);
	tcase_add_test(tc, stub_vector_entries_push_a_zero_only_without_an_error_code_then_out_their_port);
	tcase_add_test(tc, stub_lstar_entry_does_out_to_the_syscall_port_then_halts);
	tcase_add_test(tc, stub_cr3_entry_moves_rdi_to_cr3_then_outs);
	tcase_add_test(tc, stub_blob_has_its_declared_size_and_int3_after_it);
	tcase_add_test(tc, exit_decoder_expects_each_port_at_the_stubs_own_out_instruction);
	tcase_add_test(tc, gdt_has_linux_kernel_and_user_segments);
	tcase_add_test(tc, star_gives_linux_selectors_for_syscall_and_sysret);
	tcase_add_test(tc, tss_descriptor_points_at_the_tss_whose_rsp0_tops_the_ring0_stack);
	tcase_add_test(tc, idt_gates_are_present_64bit_interrupt_gates_to_the_stub_entries);
	tcase_add_test(tc, user_sregs_are_long_mode_cpl3_with_the_engine_tables);
	tcase_add_test(tc, kernel_sregs_are_cpl0);
	tcase_add_test(tc, user_regs_keep_program_flags_but_never_iopl_and_always_if);
	tcase_add_test(tc, cr3_regs_enter_the_cr3_stub_on_the_ring0_stack);
	tcase_add_test(tc, kernel_half_maps_each_engine_page_supervisor_only_with_its_rights);
	tcase_add_test(tc, probe_guest_maps_its_syscall_loop_for_cpl3_and_the_kernel_half);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(booted, hal_test_reset, NULL);
	tcase_add_test(booted, guest_mmu_sees_ostd_tables_as_ostd_mapped_them);
	suite_add_tcase(s, booted);
	return s;
}

int main(void)
{
	return check_run_suite(guest_image_suite());
}

/* guest_layout.h: the KVM engine's guest-side constants, shared by the ring-0 stub (.S),
 * the image builder and the exit decoder: where each engine page sits in the engine area
 * (GPA == memfd offset), the kernel half's virtual addresses, the GDT selectors (Linux's
 * layout, so STAR's arithmetic gives Linux's user CS/SS) and the stub's I/O ports. */
#ifndef HAL_KVM_KVM_GUEST_LAYOUT_H
#define HAL_KVM_KVM_GUEST_LAYOUT_H

/* Engine-area offsets of the engine's own pages (one page each unless said). */
#define KVM_AREA_PDPT      0x0000   /* kernel half: PDPT, PD, PT */
#define KVM_AREA_PD        0x1000
#define KVM_AREA_PT        0x2000
#define KVM_AREA_GDT       0x3000
#define KVM_AREA_IDT       0x4000
#define KVM_AREA_TSS       0x5000
#define KVM_AREA_STUB      0x6000   /* ring-0 stub code */
/* 0x7000 stays unmapped: a guard below the ring-0 stack. */
#define KVM_AREA_STACK     0x8000
#define KVM_AREA_STACK_TOP 0x9000
/* The probe guest (also the bench floor): its own root and user tables, one code page. */
#define KVM_AREA_PROBE_PML4 0xa000
#define KVM_AREA_PROBE_PDPT 0xb000
#define KVM_AREA_PROBE_PD   0xc000
#define KVM_AREA_PROBE_PT   0xd000
#define KVM_AREA_PROBE_CODE 0xe000
#define KVM_AREA_USED       0x10000  /* the engine area must hold at least this */

/* The kernel half: PML4 slot 511, supervisor-only; area offset X is at KVM_KERNEL_BASE+X. */
#define KVM_KERNEL_PML4_SLOT 511
#define KVM_KERNEL_BASE      0xffffff8000000000

/* User VA of the probe's code page. */
#define KVM_PROBE_VA       0x400000

/* GDT selectors, as Linux x86-64 numbers them. */
#define KVM_SEL_KERNEL_CS  0x10
#define KVM_SEL_KERNEL_DS  0x18
#define KVM_SEL_USER32_CS  0x23
#define KVM_SEL_USER_DS    0x2b
#define KVM_SEL_USER_CS    0x33
#define KVM_SEL_TSS        0x40
#define KVM_GDT_ENTRIES    10       /* null .. user CS, an unused slot, TSS (2 slots) */

/* The stub: one 16-byte slot per exception vector 0-31, then the other entries. */
#define KVM_STUB_SLOT        16
#define KVM_STUB_VECTORS     32
#define KVM_STUB_SYSCALL_OFF 0x200  /* LSTAR */
#define KVM_STUB_COMPAT_OFF  0x210  /* CSTAR: a compat-mode syscall */
#define KVM_STUB_CR3_OFF     0x220  /* loads CR3 from rdi (a full TLB flush) */
#define KVM_STUB_BYTES       0x230

/* Ports the stub writes with `out %al, $port` (CPL3 cannot: IOPL 0, no I/O bitmap). */
#define KVM_PORT_EXC_BASE  0x80     /* + vector */
#define KVM_PORT_SYSCALL   0xa0
#define KVM_PORT_COMPAT    0xa1
#define KVM_PORT_CR3       0xa2

/* Vectors for which the CPU pushes an error code; the stub pushes 0 for the others, so
 * every exception frame has the same shape at the top of the ring-0 stack. */
#define KVM_VEC_HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			      (v) == 21 || (v) == 29 || (v) == 30)
/* The frame: error code, rip, cs, rflags, rsp, ss (6 quadwords below the stack top). */
#define KVM_FRAME_BYTES    48

/* MSRs and control bits. */
#define KVM_MSR_EFER          0xc0000080
#define KVM_MSR_STAR          0xc0000081
#define KVM_MSR_LSTAR         0xc0000082
#define KVM_MSR_CSTAR         0xc0000083
#define KVM_MSR_SFMASK        0xc0000084
#define KVM_MSR_FS_BASE       0xc0000100
#define KVM_MSR_GS_BASE       0xc0000101
#define KVM_MSR_KERNEL_GS     0xc0000102
#define KVM_MSR_SYSENTER_CS   0x174

#define KVM_EFER_SCE  (1ull << 0)
#define KVM_EFER_LME  (1ull << 8)
#define KVM_EFER_LMA  (1ull << 10)
#define KVM_EFER_NXE  (1ull << 11)

#define KVM_CR0_PE (1ull << 0)
#define KVM_CR0_MP (1ull << 1)
#define KVM_CR0_ET (1ull << 4)
#define KVM_CR0_NE (1ull << 5)
#define KVM_CR0_WP (1ull << 16)
#define KVM_CR0_AM (1ull << 18)
#define KVM_CR0_PG (1ull << 31)

#define KVM_CR4_PAE        (1ull << 5)
#define KVM_CR4_OSFXSR     (1ull << 9)
#define KVM_CR4_OSXMMEXCPT (1ull << 10)
#define KVM_CR4_FSGSBASE   (1ull << 16)
#define KVM_CR4_OSXSAVE    (1ull << 18)

/* RFLAGS: what a user program may set (ptrace's rule, less NT), what the CPU clears on
 * syscall entry (SFMASK: TF DF IF IOPL AC NT, as Linux). */
#define KVM_RFLAGS_FIXED   0x2ull
#define KVM_RFLAGS_IF      0x200ull
#define KVM_RFLAGS_USER    0x240dd5ull
#define KVM_SFMASK         0x47700ull

#endif

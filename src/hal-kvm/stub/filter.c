/* filter.c: the stub's hand-written classic-BPF trap filter. libseccomp cannot test the
 * instruction pointer, so this is built here: a syscall is allowed only from stub text,
 * only from a short list, and only with arguments that keep it inside the guest range and
 * the RAM memfd; everything else traps (SIGSYS) and reaches the VMM as a guest syscall. */
#include <asm/unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/seccomp.h>
#include <linux/prctl.h>

#include "stub.h"

#define FILTER_MAX   160
#define LABEL_MAX    24

/* Jump targets: 0 falls through; the three verdicts sit at the end of the program. */
enum { L_NEXT, L_ALLOW, L_TRAP, L_KILL, L_FUTEX, L_ARCH_PRCTL, L_MMAP, L_MMAP_OFF_OK,
       L_MPROTECT, L_PROT_RANGE, L_CLONE, L_MUNMAP, L_MUNMAP_TIER };

struct filter_builder {
	struct sock_filter insn[FILTER_MAX];
	uint8_t jt[FILTER_MAX], jf[FILTER_MAX];
	int label_at[LABEL_MAX + 8];
	int n;
	int bad;
};

#define OFF_NR      0
#define OFF_ARCH    4
#define OFF_IP_LO   8
#define OFF_IP_HI   12
#define ARG_LO(i)   (16 + 8 * (i))
#define ARG_HI(i)   (20 + 8 * (i))

static void fb_emit(struct filter_builder *b, uint16_t code, uint32_t k, int jt, int jf)
{
	if (b->n >= FILTER_MAX) {
		b->bad = 1;
		return;
	}
	b->insn[b->n] = (struct sock_filter){ code, 0, 0, k };
	b->jt[b->n] = (uint8_t)jt;
	b->jf[b->n] = (uint8_t)jf;
	b->n++;
}

static void fb_load(struct filter_builder *b, uint32_t off)
{
	fb_emit(b, BPF_LD | BPF_W | BPF_ABS, off, 0, 0);
}

static void fb_jump(struct filter_builder *b, uint16_t op, uint32_t k, int jt, int jf)
{
	fb_emit(b, BPF_JMP | op | BPF_K, k, jt, jf);
}

static void fb_label(struct filter_builder *b, int label)
{
	b->label_at[label] = b->n;
}

/* Turns label numbers into the relative offsets classic BPF wants (forward only). */
static void fb_resolve(struct filter_builder *b)
{
	int i;

	for (i = 0; i < b->n; i++) {
		int t[2] = { b->jt[i], b->jf[i] }, j;

		for (j = 0; j < 2; j++) {
			int off = t[j] ? b->label_at[t[j]] - (i + 1) : 0;

			if (off < 0 || off > 255)
				b->bad = 1;
			if (j == 0)
				b->insn[i].jt = (uint8_t)off;
			else
				b->insn[i].jf = (uint8_t)off;
		}
	}
}

/* prot (arg 2) is R/W/X only, never W with X. */
static void fb_check_prot(struct filter_builder *b)
{
	fb_load(b, ARG_HI(2));
	fb_jump(b, BPF_JEQ, 0, L_NEXT, L_TRAP);
	fb_load(b, ARG_LO(2));
	fb_jump(b, BPF_JSET, ~7u, L_TRAP, L_NEXT);
	fb_emit(b, BPF_ALU | BPF_AND | BPF_K, 6, 0, 0);
	fb_jump(b, BPF_JEQ, 6, L_TRAP, L_NEXT);
}

/* addr (arg 0) below the user end and len (arg 1) below 4 GiB: addr + len <= STUB_BASE. */
static void fb_check_range(struct filter_builder *b)
{
	fb_load(b, ARG_HI(0));
	fb_jump(b, BPF_JGE, STUB_USER_END_HI, L_TRAP, L_NEXT);
	fb_load(b, ARG_HI(1));
	fb_jump(b, BPF_JEQ, 0, L_ALLOW, L_TRAP);
}

/* munmap may be long (a flush of a whole address space): allowed when, for some k,
 * addr's high word < STUB_BASE_HI - 2^k and len's < 2^k (their sum stays below STUB_BASE). */
static void fb_munmap(struct filter_builder *b)
{
	static const uint8_t tiers[] = { 14, 12, 10, 8, 6, 4, 2, 0 };
	unsigned int i;

	fb_label(b, L_MUNMAP);
	for (i = 0; i < sizeof(tiers); i++) {
		int next = L_MUNMAP_TIER + (int)i;
		int fail = i + 1 < sizeof(tiers) ? next : L_TRAP;

		fb_load(b, ARG_HI(0));
		fb_jump(b, BPF_JGE, STUB_BASE_HI - (1u << tiers[i]), fail, L_NEXT);
		fb_load(b, ARG_HI(1));
		fb_jump(b, BPF_JGE, 1u << tiers[i], fail, L_ALLOW);
		if (i + 1 < sizeof(tiers))
			fb_label(b, next);
	}
}

static void fb_mmap(struct filter_builder *b, uint64_t ram_bytes)
{
	fb_label(b, L_MMAP);
	fb_load(b, ARG_LO(4));                         /* fd: the RAM memfd only */
	fb_jump(b, BPF_JEQ, STUB_FD_MEMFD, L_NEXT, L_TRAP);
	fb_load(b, ARG_HI(3));                         /* flags: MAP_SHARED|MAP_FIXED only */
	fb_jump(b, BPF_JEQ, 0, L_NEXT, L_TRAP);
	fb_load(b, ARG_LO(3));
	fb_jump(b, BPF_JEQ, 0x11, L_NEXT, L_TRAP);
	fb_load(b, ARG_HI(5));                         /* offset inside RAM */
	fb_jump(b, BPF_JGT, (uint32_t)(ram_bytes >> 32), L_TRAP, L_NEXT);
	fb_jump(b, BPF_JEQ, (uint32_t)(ram_bytes >> 32), L_NEXT, L_MMAP_OFF_OK);
	fb_load(b, ARG_LO(5));
	fb_jump(b, BPF_JGE, (uint32_t)ram_bytes, L_TRAP, L_NEXT);
	fb_label(b, L_MMAP_OFF_OK);
	fb_label(b, L_MPROTECT);
	fb_check_prot(b);
	fb_check_range(b);
}

/* clone: a thread of this stub (STUB_CLONE_FLAGS exactly), from the one instruction in
 * stub_clone_thread, whose child path trusts none of the registers it inherits. */
static void fb_clone(struct filter_builder *b)
{
	uint64_t ip = (uint64_t)(uintptr_t)stub_clone_syscall_end;

	fb_label(b, L_CLONE);
	fb_load(b, OFF_IP_HI);
	fb_jump(b, BPF_JEQ, (uint32_t)(ip >> 32), L_NEXT, L_TRAP);
	fb_load(b, OFF_IP_LO);
	fb_jump(b, BPF_JEQ, (uint32_t)ip, L_NEXT, L_TRAP);
	fb_load(b, ARG_HI(0));
	fb_jump(b, BPF_JEQ, 0, L_NEXT, L_TRAP);
	fb_load(b, ARG_LO(0));
	fb_jump(b, BPF_JEQ, STUB_CLONE_FLAGS, L_ALLOW, L_TRAP);
}

static void fb_build(struct filter_builder *b, uint64_t ram_bytes)
{
	uint64_t text_lo = (uint64_t)(uintptr_t)__stub_text_start;
	uint64_t text_hi = (uint64_t)(uintptr_t)__stub_text_end;

	fb_load(b, OFF_ARCH);
	fb_jump(b, BPF_JEQ, AUDIT_ARCH_X86_64, L_NEXT, L_KILL);
	fb_load(b, OFF_NR);
	fb_jump(b, BPF_JGE, 0x40000000u /* __X32_SYSCALL_BIT */, L_KILL, L_NEXT);
	/* The instruction pointer (after the syscall) inside stub text, or it traps. */
	fb_load(b, OFF_IP_HI);
	fb_jump(b, BPF_JEQ, (uint32_t)(text_lo >> 32), L_NEXT, L_TRAP);
	fb_load(b, OFF_IP_LO);
	fb_jump(b, BPF_JGE, (uint32_t)text_lo, L_NEXT, L_TRAP);
	fb_jump(b, BPF_JGT, (uint32_t)text_hi, L_TRAP, L_NEXT);
	fb_load(b, OFF_NR);
	fb_jump(b, BPF_JEQ, __NR_rt_sigreturn, L_ALLOW, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_exit, L_ALLOW, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_exit_group, L_ALLOW, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_futex, L_FUTEX, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_arch_prctl, L_ARCH_PRCTL, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_mmap, L_MMAP, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_mprotect, L_MPROTECT, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_clone, L_CLONE, L_NEXT);
	fb_jump(b, BPF_JEQ, __NR_munmap, L_MUNMAP, L_TRAP);

	fb_clone(b);

	fb_label(b, L_FUTEX);                          /* shared FUTEX_WAIT / FUTEX_WAKE */
	fb_load(b, ARG_LO(1));
	fb_jump(b, BPF_JEQ, FUTEX_WAIT, L_ALLOW, L_NEXT);
	fb_jump(b, BPF_JEQ, FUTEX_WAKE, L_ALLOW, L_TRAP);

	fb_label(b, L_ARCH_PRCTL);                     /* ARCH_SET_FS only */
	fb_load(b, ARG_HI(0));
	fb_jump(b, BPF_JEQ, 0, L_NEXT, L_TRAP);
	fb_load(b, ARG_LO(0));
	fb_jump(b, BPF_JEQ, 0x1002, L_ALLOW, L_TRAP);

	fb_mmap(b, ram_bytes);
	fb_munmap(b);

	fb_label(b, L_TRAP);
	fb_emit(b, BPF_RET | BPF_K, SECCOMP_RET_TRAP, 0, 0);
	fb_label(b, L_ALLOW);
	fb_emit(b, BPF_RET | BPF_K, SECCOMP_RET_ALLOW, 0, 0);
	fb_label(b, L_KILL);
	fb_emit(b, BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS, 0, 0);
	fb_resolve(b);
}

long stub_filter_install(uint64_t ram_bytes)
{
	static struct filter_builder b;
	struct sock_fprog prog;

	fb_build(&b, ram_bytes);
	if (b.bad)
		return -22;
	prog.len = (unsigned short)b.n;
	prog.filter = b.insn;
	return stub_syscall6(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long)&prog, 0, 0, 0);
}

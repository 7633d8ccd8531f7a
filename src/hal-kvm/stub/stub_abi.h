/* stub_abi.h: the contract between the seccomp engine (VMM side) and its stub process:
 * the address layout and the control page they share through the RAM memfd.
 * Included by freestanding stub code and by host code alike: only <stdint.h>. */
#ifndef HAL_KVM_STUB_ABI_H
#define HAL_KVM_STUB_ABI_H

#include <stdint.h>

/* Everything of the stub lives in [STUB_BASE, STUB_BASE + STUB_SPAN). */
#define STUB_BASE       0x7ff000000000ull
#define STUB_SPAN       (4ull << 30)
/* The guest's user range ends 4 GiB below the stub, so the BPF filter proves
 * addr + len <= STUB_BASE from addr's high word and len < 4 GiB. */
#define STUB_USER_START 0x10000ull
#define STUB_USER_END   (STUB_BASE - (4ull << 30))
/* High 32-bit words used by the filter. */
#define STUB_BASE_HI     ((uint32_t)(STUB_BASE >> 32))
#define STUB_USER_END_HI ((uint32_t)(STUB_USER_END >> 32))

/* Per-thread slots: thread i of a stub has its slot at STUB_CTL_BASE + i * STUB_SLOT_BYTES:
 * its control page, then its FP area (an XSAVE image as signal frames hold it). A stub maps
 * the slots of all its possible threads at start-up, one block per space in the memfd, so a
 * stub never maps (and a guest can never reach) another space's slots. */
#define STUB_CTL_BASE    (STUB_BASE + (1ull << 30))
#define STUB_CTL_BYTES   4096ull
#define STUB_FP_OFFSET   STUB_CTL_BYTES
#define STUB_FP_BYTES    8192ull
#define STUB_SLOT_BYTES  (STUB_CTL_BYTES + STUB_FP_BYTES)
#define STUB_MAX_THREADS 64
#define STUB_BLOCK_BYTES (STUB_MAX_THREADS * STUB_SLOT_BYTES)

/* The only clone the filter lets through (from one instruction of stub text): a thread of
 * the stub's own process, whose exit clears a word and wakes its futex.
 * CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|CHILD_CLEARTID. */
#define STUB_CLONE_FLAGS 0x250f00u

/* The RAM memfd's fixed descriptor number inside the stub (its only descriptor). */
#define STUB_FD_MEMFD   3

/* The signal the VMM sends to interrupt a running guest. */
#define STUB_SIG_KICK   10      /* SIGUSR1 */

/* stub_ctl.state, the futex word both sides wait on (shared, never FUTEX_PRIVATE). */
#define STUB_ST_RUNNING 0u      /* the guest runs (or the stub is starting) */
#define STUB_ST_TRAPPED 1u      /* the stub reported an event and waits */
#define STUB_ST_RUN     2u      /* VMM: apply ops, load regs, enter the guest */
#define STUB_ST_SYNC    3u      /* VMM: apply ops, then report TRAPPED again */

/* stub_ctl.event */
#define STUB_EV_READY   1u      /* first trap after start-up */
#define STUB_EV_SIGNAL  2u      /* a signal from the guest (fault, syscall, kick) */
#define STUB_EV_SYNCED  3u      /* the queued operations were applied */

/* Address-space operations queued by the VMM, applied by the stub before it resumes. */
#define STUB_OP_MMAP     1u     /* mmap(addr, len, prot, MAP_SHARED|MAP_FIXED, memfd, off) */
#define STUB_OP_MUNMAP   2u
#define STUB_OP_MPROTECT 3u
/* Per-thread operations, run by the thread whose control page holds them. */
#define STUB_OP_CLONE_THREAD 4u /* start thread addr (an index) in this stub */
#define STUB_OP_EXIT_THREAD  5u /* this thread exits (its tid_word turns 0) */
#define STUB_OP_SAVE_FP      6u /* copy the frame's FP image to the FP area (out.fp_bytes) */
#define STUB_OP_LOAD_FP      7u /* copy len bytes of the FP area into the frame's FP image */
#define STUB_MAX_OPS     64

/* Syscalls whose report comes with the FP image saved in the FP area, as STUB_OP_SAVE_FP
 * would: the kernel reads the state for each of them (a fork copies it to the child, a
 * signal sent to oneself builds a frame from it), so it costs no SYNC round trip.
 * clone, fork, vfork, kill, rt_sigqueueinfo, tkill, tgkill, rt_tgsigqueueinfo, clone3. */
#define STUB_SYSCALL_SAVES_FP(nr) \
	((nr) == 56 || (nr) == 57 || (nr) == 58 || (nr) == 62 || (nr) == 129 || \
	 (nr) == 200 || (nr) == 234 || (nr) == 297 || (nr) == 435)

/* The same order as struct user_regs (Linux pt_regs order, then fs_base). */
struct stub_regs {
	uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10;
	uint64_t r9, r8, rax, rcx, rdx, rsi, rdi;
	uint64_t rip, rflags, rsp;
	uint64_t fs_base;
};

struct stub_op {
	uint32_t kind;
	uint32_t prot;
	uint64_t addr, len, offset;
};

/* What the stub saw (VMM reads it once, then validates every field). */
struct stub_report {
	uint32_t event;
	int32_t signo, code;
	int32_t syscall_nr;
	uint32_t arch;
	uint32_t op_errors;     /* queued operations that failed since the last report */
	uint32_t fp_bytes;      /* size of the host's FP image in this thread's frame */
	uint32_t fp_saved;      /* the image is in the FP area already (STUB_SYSCALL_SAVES_FP) */
	uint64_t fault_addr;
	uint64_t trapno, err, cr2;
	struct stub_regs regs;
};

struct stub_ctl {
	uint32_t state;          /* STUB_ST_* futex word */
	uint32_t vmm_waiting;    /* the VMM sleeps (or is about to) on state */
	uint32_t stub_waiting;   /* the stub sleeps (or is about to) on state */
	uint32_t spin_iters;     /* how long the stub spins before sleeping; 0: stop now */
	uint32_t tid_word;       /* nonzero while the thread lives: the host clears it on exit */
	uint32_t reload_fs;      /* VMM: set the FS base with the next run even if unchanged */
	uint8_t pad0[40];
	/* VMM -> stub */
	struct stub_regs in;
	uint32_t nops;
	uint32_t pad1;
	struct stub_op ops[STUB_MAX_OPS];
	/* stub -> VMM */
	struct stub_report out;
};

_Static_assert(sizeof(struct stub_ctl) <= STUB_CTL_BYTES, "control page overflows");
_Static_assert(STUB_CTL_BASE + STUB_BLOCK_BYTES <= STUB_BASE + STUB_SPAN, "slots overflow");

#endif

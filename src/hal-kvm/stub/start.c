/* start.c: the stub's start-up: keep only its own range, map its control page, install
 * the signal handler, seal itself, load the trap filter, then trap once to announce
 * itself. The first RUN enters the guest from that trap's handler. */
#include <asm/unistd.h>
#include <linux/prctl.h>

#include "stub.h"

#define HOST_TASK_TOP   0x7ffffffff000ull   /* top of the 47-bit user range */
#define STUB_SA_FLAGS   (0x00000004u | 0x08000000u | 0x04000000u) /* SIGINFO|ONSTACK|RESTORER */

/* The signals the stub catches: the guest's faults and syscalls, and the VMM's kick. */
static const int stub_signals[] = { 31 /* SIGSYS */, 11 /* SIGSEGV */, 7 /* SIGBUS */,
				    8 /* SIGFPE */, 4 /* SIGILL */, 5 /* SIGTRAP */,
				    STUB_SIG_KICK };

struct stub_kernel_sigaction {
	void *handler;
	uint64_t flags;
	void *restorer;
	uint64_t mask;
};

void stub_exit(int code)
{
	for (;;)
		stub_syscall6(__NR_exit_group, code, 0, 0, 0, 0, 0);
}

/* Parses a hexadecimal argument; *ok turns false on anything else. */
static uint64_t stub_parse_hex(const char *s, int *ok)
{
	uint64_t v = 0;
	int digits = 0;

	for (; *s; s++, digits++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned int)(*s - 'a' + 10);
		else
			break;
		if (digits >= 16)
			break;
		v = v << 4 | d;
	}
	if (*s || digits == 0)
		*ok = 0;
	return v;
}

/* Drops every mapping outside the stub's range: the host's vDSO and vvar, the original
 * stack, and whatever else exec left, so the guest sees only the stub and its own pages. */
static void stub_unmap_host(void)
{
	uint64_t end = (uint64_t)(uintptr_t)__stub_end;

	if (stub_syscall6(__NR_munmap, 0, (long)STUB_BASE, 0, 0, 0, 0) < 0)
		stub_exit(121);
	if (stub_syscall6(__NR_munmap, (long)end, (long)(HOST_TASK_TOP - end), 0, 0, 0, 0) < 0)
		stub_exit(121);
}

static void stub_install_handlers(void)
{
	struct stub_kernel_sigaction sa = {
		.handler = (void *)stub_handle_signal,
		.flags = STUB_SA_FLAGS,
		.restorer = (void *)stub_restorer,
		.mask = ~0ull,       /* nothing interrupts the handler */
	};
	struct {
		uint64_t sp;
		int32_t flags, pad;
		uint64_t size;
	} ss = { (uint64_t)(uintptr_t)stub_altstacks[0], 0, 0, STUB_ALTSTACK_BYTES };
	unsigned int i;

	if (stub_syscall6(__NR_sigaltstack, (long)&ss, 0, 0, 0, 0, 0) < 0)
		stub_exit(123);
	for (i = 0; i < sizeof(stub_signals) / sizeof(stub_signals[0]); i++)
		if (stub_syscall6(__NR_rt_sigaction, stub_signals[i], (long)&sa, 0, 8, 0, 0) < 0)
			stub_exit(124);
}

/* Seals the image and the slots. Without mseal (before Linux 6.10) the filter's
 * refusal of munmap/mprotect/mremap above the user range protects them all the same. */
static void stub_seal(void)
{
	uint64_t len = (uint64_t)(uintptr_t)__stub_end - STUB_BASE;

	stub_syscall6(462 /* mseal */, (long)STUB_BASE, (long)len, 0, 0, 0, 0);
	stub_syscall6(462 /* mseal */, (long)STUB_CTL_BASE, (long)STUB_BLOCK_BYTES, 0, 0, 0, 0);
}

/* argv: "keel-stub" BLOCK_OFFSET RAM_BYTES, both hexadecimal: the memfd offset of this
 * stub's block of slots, and the size of guest RAM. */
__attribute__((noreturn)) void stub_start(uint64_t *sp)
{
	char **argv = (char **)(sp + 1);
	uint64_t ctl_off, ram_bytes;
	long ret;
	int ok = 1;

	if (sp[0] != 3)
		stub_exit(120);
	ctl_off = stub_parse_hex(argv[1], &ok);
	ram_bytes = stub_parse_hex(argv[2], &ok);
	if (!ok || ctl_off % STUB_CTL_BYTES)
		stub_exit(120);
	stub_unmap_host();
	ret = stub_syscall6(__NR_mmap, (long)STUB_CTL_BASE, (long)STUB_BLOCK_BYTES, 0x3 /* RW */,
			    0x11 /* MAP_SHARED|MAP_FIXED */, STUB_FD_MEMFD, (long)ctl_off);
	if (ret != (long)STUB_CTL_BASE)
		stub_exit(122);
	/* Like the threads it clones, the first one tells the VMM when it is gone. */
	stub_syscall6(__NR_set_tid_address, (long)&stub_ctl_of(0)->tid_word, 0, 0, 0, 0, 0);
	stub_thread_claim_first();
	stub_install_handlers();
	stub_seal();
	if (stub_syscall6(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0) < 0)
		stub_exit(125);
	if (stub_filter_install(ram_bytes) < 0)
		stub_exit(126);
	/* getpid is not on the list: it traps, and the handler reports READY. */
	stub_syscall6(__NR_getpid, 0, 0, 0, 0, 0, 0);
	stub_exit(127);
}

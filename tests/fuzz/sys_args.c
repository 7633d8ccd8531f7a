/* sys_args.c: argument values by strace kind: fds from earlier results, paths from the
 * dictionary, buffers in the scratch area, flags made of each kind's valid bits (named by
 * services' own ABI headers), enumerations from their valid values, plus the bad pointers
 * and edge values hostile programs pass. */
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <abi/prctl.h>
#include <abi/random.h>
#include <abi/resource.h>
#include <abi/sched.h>
#include <abi/signal.h>
#include <abi/termios.h>
#include <abi/time.h>
#include <strace/decode.h>

#include "sys_args.h"
#include "sys_program.h"
#include "sys_world.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* wait4/waitid options: Linux's values (services keep them private to wait.c). */
static const uint64_t wait_bits[] = { 0x1, 0x2, 0x4, 0x8, 0x1000000, 0x20000000,
				      0x40000000, 0x80000000 };
static const uint64_t open_bits[] = { O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
				      O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, O_PATH,
				      O_TMPFILE, O_NOCTTY, O_SYNC, O_DSYNC, O_NOATIME };
static const uint64_t prot_bits[] = { PROT_READ, PROT_WRITE, PROT_EXEC, PROT_GROWSDOWN,
				      PROT_GROWSUP };
static const uint64_t map_bits[] = { MAP_PRIVATE, MAP_SHARED, MAP_ANONYMOUS, MAP_FIXED,
				     MAP_FIXED_NOREPLACE, MAP_GROWSDOWN, MAP_NORESERVE,
				     MAP_POPULATE, MAP_STACK, MAP_32BIT, MAP_SHARED_VALIDATE,
				     MAP_LOCKED, MAP_HUGETLB, MAP_DENYWRITE, MAP_SYNC };
static const uint64_t at_bits[] = { AT_SYMLINK_NOFOLLOW, AT_EACCESS, AT_REMOVEDIR,
				    AT_SYMLINK_FOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT,
				    RENAME_NOREPLACE, RENAME_EXCHANGE };
static const uint64_t grnd_bits[] = { GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE };
static const uint64_t access_bits[] = { R_OK, W_OK, X_OK };
static const uint64_t clone_bits[] = { CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND,
				       CLONE_VFORK, CLONE_PARENT, CLONE_THREAD, CLONE_SETTLS,
				       CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID,
				       CLONE_CHILD_SETTID, CLONE_SYSVSEM, CLONE_PIDFD,
				       CLONE_NEWNS, CLONE_DETACHED, CLONE_IO };
static const uint64_t madvise_values[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL,
					   MADV_WILLNEED, MADV_DONTNEED, MADV_FREE, 100 };
static const uint64_t fcntl_values[] = { F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL,
					 F_DUPFD_CLOEXEC, 5, 6, 7, 8, 9, 1031, 1032, 1033 };
static const uint64_t arch_prctl_values[] = { ARCH_SET_GS, ARCH_SET_FS, ARCH_GET_FS,
					      ARCH_GET_GS, ARCH_GET_CPUID, ARCH_SET_CPUID };
static const uint64_t ioctl_values[] = { TCGETS, TCSETS, TCSETSW, TCSETSF, TIOCSCTTY,
					 TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ, TIOCSWINSZ, FIONREAD,
					 FIONBIO, FIOCLEX, FIONCLEX };
/* Sizes and counts: the small ones buffers take, then the edges. */
static const uint64_t size_edges[] = { 4096, 65536, 1ull << 20, 0x7fffffff, 0x80000000,
				       0xffffffff, 1ull << 40, ~0ull, ~0ull >> 1, 0xfff,
				       SYS_SLOT_SIZE, SYS_SCRATCH_SIZE, 6 * SYS_SLOT_SIZE, 3, 7,
				       0x1001 };

/* A subset of bits[] chosen by mask's low bits. */
static uint64_t flags_from(const uint64_t *bits, unsigned int n, unsigned int mask)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < n; i++)
		if (mask & (1u << i))
			v |= bits[i];
	return v;
}

static uint64_t pick(const uint64_t *values, unsigned int n, unsigned int sel)
{
	return values[sel % n];
}

static uint64_t slot_addr(unsigned int i)
{
	return SYS_SCRATCH_BASE + (uint64_t)i * SYS_SLOT_SIZE;
}

static int sys_fd(const struct sys_thread *t, uint8_t sel)
{
	switch (sel % 8) {
	case 4:
		return AT_FDCWD;
	case 5:
		return -1;
	case 6:
		return sel >> 3;
	case 7:
		return 0x7fffffff;
	default:
		if (!t->nfds)
			return sel >> 3;
		return t->fds[(t->nfds - 1 - (sel >> 3) % t->nfds) % SYS_RESULTS];
	}
}

/* A pointer the program could not have meant: NULL, a low unmapped page, a kernel
 * address, or one that runs off the end of the scratch area into its unmapped guard. */
static uint64_t sys_bad_pointer(uint8_t sel)
{
	switch (sel % 4) {
	case 0:
		return 0;
	case 1:
		return 0x1000;
	case 2:
		return 0xffff800000000000ull;
	default:
		return SYS_SCRATCH_BASE + SYS_SCRATCH_SIZE - 1 - (sel >> 2) % 16;
	}
}

/* Argument i's slot holding bytes[0..len) (and, for strings, a NUL after them). */
static uint64_t sys_buffer(const struct sys_arg *a, unsigned int i, struct vmspace *vs,
			   bool string)
{
	uint64_t at = slot_addr(i) + (a->aux & 3) * 8;
	uint8_t nul = 0;

	/* The program may have unmapped or protected the scratch area: copies then fail,
	 * and the pointer still goes to the kernel, which must cope. */
	(void)!vmspace_copy_to(vs, at, a->bytes, a->len);
	if (string)
		(void)!vmspace_copy_to(vs, at + a->len, &nul, 1);
	return at;
}

static uint64_t sys_pointer(const struct sys_arg *a, unsigned int i, struct vmspace *vs)
{
	switch (a->sel % 8) {
	case 4:
		return slot_addr((a->sel >> 3) % 6);   /* another argument's slot: aliasing */
	case 5:
	case 6:
		return sys_bad_pointer(a->sel >> 3);
	case 7:
		return SYS_SCRATCH_BASE + SYS_SCRATCH_SIZE - 1 - (a->aux % 64);
	default:
		return sys_buffer(a, i, vs, false);
	}
}

static uint64_t sys_path(const struct sys_arg *a, unsigned int i, struct vmspace *vs)
{
	const char *path;
	uint64_t at = slot_addr(i);
	size_t n;

	if (a->sel >= 0xf0)
		return a->sel >= 0xf8 ? sys_bad_pointer(a->sel) : sys_buffer(a, i, vs, true);
	path = sys_paths[a->sel % sys_paths_count];
	for (n = 0; path[n]; n++)
		;
	(void)!vmspace_copy_to(vs, at, path, n + 1);
	return at;
}

static uint64_t sys_size(uint8_t sel, uint8_t aux)
{
	if (sel < 0xc0)
		return sel;
	return size_edges[sel % N(size_edges)] + (aux & 0x80 ? 1 : 0);
}

static uint64_t sys_typed(const struct sys_op *op, unsigned int i, const struct sys_thread *t,
			  struct vmspace *vs)
{
	const struct sys_arg *a = &op->args[i];
	unsigned int mask = a->sel | (unsigned int)a->aux << 8;

	switch (op->kinds[i]) {
	case SK_FD:
		return (uint64_t)(int64_t)sys_fd(t, a->sel);
	case SK_STR:
		return sys_path(a, i, vs);
	case SK_WBUF:
	case SK_RBUF:
	case SK_RSTR:
	case SK_PTR:
		return sys_pointer(a, i, vs);
	case SK_ULONG:
	case SK_UINT:
		return sys_size(a->sel, a->aux);
	case SK_OCT:
		return mask & 0177777;
	case SK_OPEN_FLAGS:
		return flags_from(open_bits, N(open_bits), mask);
	case SK_PROT:
		return flags_from(prot_bits, N(prot_bits), mask);
	case SK_MAP_FLAGS:
		return flags_from(map_bits, N(map_bits), mask);
	case SK_AT_FLAGS:
		return flags_from(at_bits, N(at_bits), mask);
	case SK_GRND_FLAGS:
		return flags_from(grnd_bits, N(grnd_bits), mask);
	case SK_ACCESS_MODE:
		return flags_from(access_bits, N(access_bits), mask);
	case SK_WAIT_OPTIONS:
		return flags_from(wait_bits, N(wait_bits), mask);
	case SK_CLONE_FLAGS:
		/* The low byte is the exit signal: SIGCHLD unless aux asks otherwise. */
		return flags_from(clone_bits, N(clone_bits), a->sel | (a->aux & 0xf0u) << 4) |
		       (a->aux & 1 ? (a->aux >> 1) % 65 : SIGCHLD);
	case SK_CLOCK:
		return a->sel < 0xf0 ? a->sel % 12u : (uint64_t)(int64_t)-(int)(a->sel & 0xf);
	case SK_WHENCE:
		return a->sel % 6u;
	case SK_SIGHOW:
		return a->sel % 4u;
	case SK_SIGNAL:
		return a->sel % 66u;
	case SK_RLIMIT:
		return a->sel % (RLIM_NLIMITS + 1u);
	case SK_MADVISE:
		return pick(madvise_values, N(madvise_values), a->sel);
	case SK_FCNTL_CMD:
		return pick(fcntl_values, N(fcntl_values), a->sel);
	case SK_ARCH_PRCTL:
		return pick(arch_prctl_values, N(arch_prctl_values), a->sel);
	case SK_IOCTL:
		return a->aux & 1 ? 0x5400u + a->sel : pick(ioctl_values, N(ioctl_values), a->sel);
	case SYS_KIND_ANY:
		switch (a->aux % 4) {
		case 0:
			return (uint64_t)(int64_t)sys_fd(t, a->sel);
		case 1:
			return sys_pointer(a, i, vs);
		case 2:
			return sys_path(a, i, vs);
		default:
			return sys_size(a->sel, a->aux);
		}
	default:   /* SK_INT, SK_LONG, SK_HEX: a small signed value */
		return (uint64_t)(int64_t)(int16_t)mask;
	}
}

uint64_t sys_arg_value(const struct sys_op *op, unsigned int i, const struct sys_thread *t,
		       struct vmspace *vs)
{
	const struct sys_arg *a = &op->args[i];

	switch (a->how) {
	case SYS_ARG_TYPED:
		return sys_typed(op, i, t, vs);
	case SYS_ARG_RESULT:
		if (!t->nresults)
			return 0;
		return (uint64_t)t->results[(t->nresults - 1 - a->sel % t->nresults) % SYS_RESULTS];
	default:
		return a->value;
	}
}

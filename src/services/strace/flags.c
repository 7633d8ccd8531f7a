/* strace/flags.c: flag sets and enumerations printed by name, as strace names them. */
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <abi/prctl.h>
#include <abi/random.h>
#include <abi/resource.h>
#include <abi/sched.h>
#include <abi/signal.h>
#include <abi/termios.h>
#include <abi/time.h>
#include <signal/policy.h>
#include <strace/decode.h>

#define F(x) { x, #x }

void strace_print_flags(struct strace_line *l, uint64_t v, const struct strace_flag *flags,
			size_t n, uint64_t mode_mask)
{
	bool first = true;
	size_t i;

	for (i = 0; mode_mask && i < n; i++) {
		if ((flags[i].value & ~mode_mask) == 0 && (v & mode_mask) == flags[i].value) {
			strace_line_puts(l, flags[i].name);
			v &= ~mode_mask;
			first = false;
			break;
		}
	}
	for (i = 0; i < n; i++) {
		/* Multi-bit flags (O_SYNC holds O_DSYNC) come first in the tables, so the
		 * widest name wins and its bits are gone before the narrower one is tried. */
		if (!flags[i].value || (flags[i].value & ~mode_mask) != flags[i].value ||
		    (v & flags[i].value) != flags[i].value)
			continue;
		strace_line_printf(l, "%s%s", first ? "" : "|", flags[i].name);
		v &= ~flags[i].value;
		first = false;
	}
	if (v)
		strace_line_printf(l, "%s%#llx", first ? "" : "|", (unsigned long long)v);
	else if (first)
		strace_line_putc(l, '0');
}

void strace_print_enum(struct strace_line *l, uint64_t v, const struct strace_flag *names,
		       size_t n, bool hex_default)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (names[i].value == v) {
			strace_line_puts(l, names[i].name);
			return;
		}
	}
	if (hex_default)
		strace_line_printf(l, "%#llx", (unsigned long long)v);
	else
		strace_line_printf(l, "%d", (int)v);
}

static const struct strace_flag open_flags[] = {
	F(O_RDONLY), F(O_WRONLY), F(O_RDWR),
	F(O_TMPFILE), F(O_SYNC),
	F(O_CREAT), F(O_EXCL), F(O_NOCTTY), F(O_TRUNC), F(O_APPEND), F(O_NONBLOCK),
	F(O_DSYNC), F(O_ASYNC), F(O_DIRECT), F(O_LARGEFILE), F(O_DIRECTORY),
	F(O_NOFOLLOW), F(O_NOATIME), F(O_CLOEXEC), F(O_PATH),
};

void strace_print_open_flags(struct strace_line *l, uint64_t v)
{
	strace_print_flags(l, (uint32_t)v, open_flags, ARRAY_SIZE(open_flags), O_ACCMODE);
}

static const struct strace_flag prot_flags[] = {
	F(PROT_READ), F(PROT_WRITE), F(PROT_EXEC), F(PROT_GROWSDOWN), F(PROT_GROWSUP),
};

void strace_print_prot(struct strace_line *l, uint64_t v)
{
	if ((uint32_t)v == PROT_NONE) {
		strace_line_puts(l, "PROT_NONE");
		return;
	}
	strace_print_flags(l, (uint32_t)v, prot_flags, ARRAY_SIZE(prot_flags), 0);
}

static const struct strace_flag map_flags[] = {
	F(MAP_SHARED), F(MAP_PRIVATE), F(MAP_SHARED_VALIDATE),
	F(MAP_FIXED), F(MAP_ANONYMOUS), F(MAP_32BIT), F(MAP_GROWSDOWN), F(MAP_DENYWRITE),
	F(MAP_EXECUTABLE), F(MAP_LOCKED), F(MAP_NORESERVE), F(MAP_POPULATE), F(MAP_NONBLOCK),
	F(MAP_STACK), F(MAP_HUGETLB), F(MAP_SYNC), F(MAP_FIXED_NOREPLACE),
};

void strace_print_map_flags(struct strace_line *l, uint64_t v)
{
	strace_print_flags(l, (uint32_t)v, map_flags, ARRAY_SIZE(map_flags), MAP_TYPE);
}

static const struct strace_flag clocks[] = {
	F(CLOCK_REALTIME), F(CLOCK_MONOTONIC), F(CLOCK_PROCESS_CPUTIME_ID),
	F(CLOCK_THREAD_CPUTIME_ID), F(CLOCK_MONOTONIC_RAW), F(CLOCK_REALTIME_COARSE),
	F(CLOCK_MONOTONIC_COARSE), F(CLOCK_BOOTTIME), F(CLOCK_REALTIME_ALARM),
	F(CLOCK_BOOTTIME_ALARM), F(CLOCK_TAI),
};

void strace_print_clock(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, clocks, ARRAY_SIZE(clocks), false);
}

static const struct strace_flag arch_prctl_codes[] = {
	F(ARCH_SET_GS), F(ARCH_SET_FS), F(ARCH_GET_FS), F(ARCH_GET_GS), F(ARCH_GET_CPUID),
	F(ARCH_SET_CPUID),
};

void strace_print_arch_prctl(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, arch_prctl_codes, ARRAY_SIZE(arch_prctl_codes), true);
}

static const struct strace_flag ioctls[] = {
	F(TCGETS), F(TCSETS), F(TCSETSW), F(TCSETSF), F(TIOCSCTTY), F(TIOCGPGRP),
	F(TIOCSPGRP), F(TIOCGWINSZ), F(TIOCSWINSZ), F(FIONREAD), F(FIONBIO), F(FIOCLEX),
	F(FIONCLEX),
};

void strace_print_ioctl(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, ioctls, ARRAY_SIZE(ioctls), true);
}

static const struct strace_flag access_modes[] = {
	F(R_OK), F(W_OK), F(X_OK),
};

void strace_print_access_mode(struct strace_line *l, uint64_t v)
{
	if ((uint32_t)v == F_OK) {
		strace_line_puts(l, "F_OK");
		return;
	}
	strace_print_flags(l, (uint32_t)v, access_modes, ARRAY_SIZE(access_modes), 0);
}

static const struct strace_flag at_flags[] = {
	F(AT_SYMLINK_NOFOLLOW), F(AT_EACCESS), F(AT_SYMLINK_FOLLOW), F(AT_NO_AUTOMOUNT),
	F(AT_EMPTY_PATH),
};

void strace_print_at_flags(struct strace_line *l, uint64_t v)
{
	strace_print_flags(l, (uint32_t)v, at_flags, ARRAY_SIZE(at_flags), 0);
}

static const struct strace_flag whences[] = {
	F(SEEK_SET), F(SEEK_CUR), F(SEEK_END), F(SEEK_DATA), F(SEEK_HOLE),
};

void strace_print_whence(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, whences, ARRAY_SIZE(whences), false);
}

static const struct strace_flag sighows[] = {
	F(SIG_BLOCK), F(SIG_UNBLOCK), F(SIG_SETMASK),
};

void strace_print_sigprocmask_how(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, sighows, ARRAY_SIZE(sighows), false);
}

void strace_print_signal(struct strace_line *l, uint64_t v)
{
	int sig = (int)v;

	/* Real-time signals by offset, as strace prints them. */
	if (sig >= 32 && sig <= 64) {
		if (sig == 32)
			strace_line_puts(l, "SIGRTMIN");
		else
			strace_line_printf(l, "SIGRT_%d", sig - 32);
		return;
	}
	if (signal_name(sig))
		strace_line_puts(l, signal_name(sig));
	else
		strace_line_printf(l, "%d", sig);
}

static const struct strace_flag madvices[] = {
	F(MADV_NORMAL), F(MADV_RANDOM), F(MADV_SEQUENTIAL), F(MADV_WILLNEED),
	F(MADV_DONTNEED), F(MADV_FREE),
};

void strace_print_madvise(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, madvices, ARRAY_SIZE(madvices), false);
}

static const struct strace_flag fcntl_cmds[] = {
	F(F_DUPFD), F(F_GETFD), F(F_SETFD), F(F_GETFL), F(F_SETFL), F(F_DUPFD_CLOEXEC),
};

void strace_print_fcntl_cmd(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, fcntl_cmds, ARRAY_SIZE(fcntl_cmds), false);
}

static const struct strace_flag rlimits[] = {
	F(RLIMIT_CPU), F(RLIMIT_FSIZE), F(RLIMIT_DATA), F(RLIMIT_STACK), F(RLIMIT_CORE),
	F(RLIMIT_RSS), F(RLIMIT_NPROC), F(RLIMIT_NOFILE), F(RLIMIT_MEMLOCK), F(RLIMIT_AS),
	F(RLIMIT_LOCKS), F(RLIMIT_SIGPENDING), F(RLIMIT_MSGQUEUE), F(RLIMIT_NICE),
	F(RLIMIT_RTPRIO), F(RLIMIT_RTTIME),
};

void strace_print_rlimit(struct strace_line *l, uint64_t v)
{
	strace_print_enum(l, (uint32_t)v, rlimits, ARRAY_SIZE(rlimits), false);
}

static const struct strace_flag grnd_flags[] = {
	F(GRND_NONBLOCK), F(GRND_RANDOM), F(GRND_INSECURE),
};

void strace_print_grnd_flags(struct strace_line *l, uint64_t v)
{
	strace_print_flags(l, (uint32_t)v, grnd_flags, ARRAY_SIZE(grnd_flags), 0);
}

static const struct strace_flag clone_flags[] = {
	F(CLONE_VM), F(CLONE_FS), F(CLONE_FILES), F(CLONE_SIGHAND), F(CLONE_PIDFD),
	F(CLONE_PTRACE), F(CLONE_VFORK), F(CLONE_PARENT), F(CLONE_THREAD), F(CLONE_NEWNS),
	F(CLONE_SYSVSEM), F(CLONE_SETTLS), F(CLONE_PARENT_SETTID), F(CLONE_CHILD_CLEARTID),
	F(CLONE_DETACHED), F(CLONE_UNTRACED), F(CLONE_CHILD_SETTID), F(CLONE_NEWCGROUP),
	F(CLONE_NEWUTS), F(CLONE_NEWIPC), F(CLONE_NEWUSER), F(CLONE_NEWPID), F(CLONE_NEWNET),
	F(CLONE_IO),
};

void strace_print_clone_flags(struct strace_line *l, uint64_t v)
{
	int sig = (int)(v & CSIGNAL);

	v &= ~CSIGNAL;
	if (v)
		strace_print_flags(l, v, clone_flags, ARRAY_SIZE(clone_flags), 0);
	if (v && sig)
		strace_line_puts(l, "|");
	if (sig || !v)
		strace_print_signal(l, (uint64_t)sig);
}

#define WNOHANG    0x1
#define WUNTRACED  0x2
#define WEXITED    0x4
#define WCONTINUED 0x8
#define WNOWAIT    0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL     0x40000000
#define __WCLONE   0x80000000

static const struct strace_flag wait_options[] = {
	F(WNOHANG), F(WUNTRACED), F(WEXITED), F(WCONTINUED), F(WNOWAIT), F(__WNOTHREAD),
	F(__WALL), F(__WCLONE),
};

void strace_print_wait_options(struct strace_line *l, uint64_t v)
{
	strace_print_flags(l, (uint32_t)v, wait_options, ARRAY_SIZE(wait_options), 0);
}

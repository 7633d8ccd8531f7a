/* syscall/dispatch.c: the x86-64 syscall table and the dispatcher. */
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/user_mode.h>
#include <event/epoll.h>
#include <event/eventfd.h>
#include <event/signalfd.h>
#include <event/timerfd.h>
#include <exec/exec.h>
#include <exec/vdso.h>
#include <fs/flock.h>
#include <fs/fs_syscalls.h>
#include <fs/pipe.h>
#include <fs/poll.h>
#include <futex/futex.h>
#include <signal/restart.h>
#include <signal/signal.h>
#include <system/system.h>
#include <time/clock.h>
#include <time/posix_timer.h>
#include <mm/mm.h>
#include <net/socket.h>
#include <process/process.h>
#include <strace/strace.h>
#include <fs/mount.h>
#include <syscall/syscall.h>

typedef long (*syscall_fn)(unsigned long, unsigned long, unsigned long, unsigned long,
			   unsigned long, unsigned long);

struct syscall_entry {
	syscall_fn fn;
	const char *name;
};

/* Handlers keep their real prototypes for readers and sparse; the table calls them all as
 * six unsigned longs. The x86-64 calling convention passes each argument in its own
 * register, so a handler taking int reads the low 32 bits, exactly as Linux truncates. */
static const struct syscall_entry syscall_table[SYSCALL_NR_MAX] = {
#define SYSCALL(nr, name, nargs) \
	[nr] = { (syscall_fn)(void (*)(void))sys_##name, #name },
#include "table_x86_64.h"
#undef SYSCALL
};

/* Unknown numbers already logged: one bit per table slot, a short list beyond. */
static uint8_t unknown_logged[SYSCALL_NR_MAX / 8];
#define UNKNOWN_FAR_MAX 32
static uint64_t unknown_far[UNKNOWN_FAR_MAX];
static unsigned int unknown_far_count;

static bool unknown_mark_logged(uint64_t nr)
{
	unsigned int k;

	if (nr < SYSCALL_NR_MAX) {
		bool seen = unknown_logged[nr / 8] & (1u << (nr % 8));

		unknown_logged[nr / 8] |= (uint8_t)(1u << (nr % 8));
		return seen;
	}
	for (k = 0; k < unknown_far_count; k++)
		if (unknown_far[k] == nr)
			return true;
	/* Past the list, stay quiet rather than let a program flood the log. */
	if (unknown_far_count == UNKNOWN_FAR_MAX)
		return true;
	unknown_far[unknown_far_count++] = nr;
	return false;
}

const char *syscall_name(uint64_t nr)
{
	return nr < SYSCALL_NR_MAX ? syscall_table[nr].name : NULL;
}

unsigned int syscall_unknown_times_logged(uint64_t nr)
{
	unsigned int k;

	if (nr < SYSCALL_NR_MAX)
		return (unknown_logged[nr / 8] >> (nr % 8)) & 1u;
	for (k = 0; k < unknown_far_count; k++)
		if (unknown_far[k] == nr)
			return 1;
	return 0;
}

long syscall_call(uint64_t nr, const uint64_t a[6])
{
	const struct syscall_entry *e = nr < SYSCALL_NR_MAX ? &syscall_table[nr] : NULL;

	if (!e || !e->fn) {
		if (!unknown_mark_logged(nr))
			log_warn("syscall %llu not implemented (-ENOSYS)", (unsigned long long)nr);
		return -ENOSYS;
	}
	return e->fn(a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* Kept out of line so the untraced path stays short: its only cost is the one test of
 * strace_enabled in syscall_dispatch. */
static __attribute__((noinline)) long syscall_call_traced(uint64_t nr,
							 const uint64_t args[6])
{
	struct thread *t = thread_current();
	struct strace_call call;
	long ret;

	strace_syscall_enter(&call, t ? t->tid : 0, nr, args);
	ret = syscall_call(nr, args);
	strace_syscall_exit(&call, ret);
	return ret;
}

long syscall_dispatch(struct user_context *ctx)
{
	uint64_t args[6];
	int k;

	for (k = 0; k < 6; k++)
		args[k] = user_syscall_arg(ctx, k);
	if (unlikely(strace_enabled))
		return syscall_call_traced(user_syscall_nr(ctx), args);
	return syscall_call(user_syscall_nr(ctx), args);
}

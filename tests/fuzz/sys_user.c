/* sys_user.c: scripted user mode for the syscall fuzzer. Each user context finds its
 * thread slot through a tag in r14 (which syscalls leave alone and fork copies): a tag
 * naming another context's slot means a new thread or process, which starts as a copy of
 * its parent's slot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <ostd/user_mode.h>
#include <fs/file.h>
#include <process/process.h>
#include <syscall/syscall.h>

#include "hal_test.h"
#include "sys_args.h"
#include "sys_program.h"
#include "sys_user.h"
#include "sys_world.h"

#define SYS_TAG_MAGIC 0x46757a7a00000000ull   /* "Fuzz" */
#define SYS_TAG_MASK  0xffffffff00000000ull

enum { NR_PIPE = 22, NR_SCHED_YIELD = 24, NR_CLONE = 56, NR_FORK = 57, NR_VFORK = 58,
       NR_EXIT_GROUP = 231, NR_PIPE2 = 293, NR_CLONE3 = 435 };

static struct {
	const struct sys_program *prog;
	struct sys_thread threads[SYS_THREADS_MAX];
	unsigned int nthreads;
	unsigned int budget;
	bool trace;           /* FUZZ_TRACE set: each result on stderr, for triage */
} su;

static uint8_t su_answered[SYSCALL_NR_MAX / 8];

bool sys_user_was_answered(unsigned int nr)
{
	return nr < SYSCALL_NR_MAX && (su_answered[nr / 8] >> (nr % 8) & 1);
}

unsigned int sys_user_answered_count(void)
{
	unsigned int n = 0;

	for (unsigned int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		n += sys_user_was_answered(nr);
	return n;
}

/* ctx's slot; a copy of its parent's for a new context; NULL when it has none (after
 * execve, or past SYS_THREADS_MAX). */
static struct sys_thread *sys_thread_of(struct user_context *ctx)
{
	uint64_t tag = ctx->regs.r14;
	struct sys_thread *t, *n;

	if ((tag & SYS_TAG_MASK) != SYS_TAG_MAGIC || (tag & 0xffff) >= su.nthreads)
		return NULL;
	t = &su.threads[tag & 0xffff];
	if (t->ctx == ctx)
		return t;
	if (su.nthreads == SYS_THREADS_MAX)
		return NULL;
	n = &su.threads[su.nthreads];
	*n = *t;
	n->ctx = ctx;
	ctx->regs.r14 = SYS_TAG_MAGIC | su.nthreads++;
	return n;
}

/* Remembers v as an fd for later fd arguments when it names an open file now: results
 * that are counts or pids would only crowd the real fds out. */
static void sys_push_fd(struct sys_thread *t, int64_t v)
{
	struct process *p = process_current();

	if (v >= 0 && v < FDTABLE_SIZE && p && p->fdt && fdtable_get(p->fdt, (int)v))
		t->fds[t->nfds++ % SYS_RESULTS] = (int)v;
}

/* The result of t's last syscall is in rax: remember it (and pipe's two fds). */
static void sys_thread_record(struct sys_thread *t, struct user_context *ctx,
			      struct vmspace *vs)
{
	int64_t ret = (int64_t)ctx->regs.rax;
	int fds[2];

	t->in_call = false;
	if (su.trace)
		fprintf(stderr, "sys[%u] %u = %lld\n", (unsigned int)(t - su.threads), t->last_nr,
			(long long)ret);
	t->results[t->nresults++ % SYS_RESULTS] = ret;
	sys_push_fd(t, ret);
	if (ret != -ENOSYS && t->last_nr < SYSCALL_NR_MAX)
		su_answered[t->last_nr / 8] |= (uint8_t)(1u << (t->last_nr % 8));
	if ((t->last_nr == NR_PIPE || t->last_nr == NR_PIPE2) && ret == 0 &&
	    vmspace_copy_from(vs, fds, t->last_args[0], sizeof(fds)) == 0) {
		sys_push_fd(t, fds[0]);
		sys_push_fd(t, fds[1]);
	}
}

static bool sys_is_fork_like(unsigned int nr)
{
	return nr == NR_CLONE || nr == NR_FORK || nr == NR_VFORK || nr == NR_CLONE3;
}

static enum user_return sys_enter(struct user_context *ctx, uint64_t nr, const uint64_t a[6])
{
	ctx->regs.rax = nr;
	ctx->regs.rdi = a[0];
	ctx->regs.rsi = a[1];
	ctx->regs.rdx = a[2];
	ctx->regs.r10 = a[3];
	ctx->regs.r8 = a[4];
	ctx->regs.r9 = a[5];
	return USER_RETURN_SYSCALL;
}

static enum user_return sys_user_execute(struct user_context *ctx, struct vmspace *vs,
					 uint64_t deadline, void *unused)
{
	static const uint64_t zero[6];
	struct sys_thread *t = sys_thread_of(ctx);
	const struct sys_op *op;
	unsigned int nr, i;

	(void)deadline;
	(void)unused;
	if (t && t->in_call)
		sys_thread_record(t, ctx, vs);
	if (!t || t->pc >= su.prog->nops || !su.budget)
		return sys_enter(ctx, NR_EXIT_GROUP, zero);
	op = &su.prog->ops[t->pc++];
	nr = op->nr;
	if (sys_is_fork_like(nr) && process_count() >= SYS_PROCESSES_MAX)
		nr = NR_SCHED_YIELD;
	for (i = 0; i < 6; i++)
		t->last_args[i] = i < op->nargs ? sys_arg_value(op, i, t, vs) : 0;
	t->last_nr = (uint16_t)nr;
	t->in_call = true;
	su.budget--;
	return sys_enter(ctx, nr, t->last_args);
}

void sys_user_start(const struct sys_program *prog, struct user_context *ctx)
{
	su.prog = prog;
	su.budget = SYS_SYSCALLS_MAX;
	memset(su.threads, 0, sizeof(su.threads));
	su.threads[0].ctx = ctx;
	su.nthreads = 1;
	su.trace = getenv("FUZZ_TRACE") != NULL;
	ctx->regs.r14 = SYS_TAG_MAGIC;
	hal_test_set_execute(sys_user_execute, NULL);
}

/* run.c: runs a user context in its stub until something needs the kernel, and turns the
 * stub's report (hostile: the guest can write its control page) into a user_return. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hal.h"
#include "seccomp/handoff.h"
#include "seccomp/seccomp_engine.h"

#define SIG_ILL   4
#define SIG_TRAP  5
#define SIG_BUS   7
#define SIG_FPE   8
#define SIG_SEGV  11
#define SIG_SYS   31
#define SYS_SECCOMP_CODE 1
#define ARCH_X86_64 0xc000003eu

/* A decoded report that needs no kernel attention: fill done, resume. */
#define RUN_RESUME (-1)

BUILD_BUG_ON(sizeof(struct stub_regs) != sizeof(struct user_regs));
BUILD_BUG_ON(offsetof(struct stub_regs, rip) != offsetof(struct user_regs, rip));
BUILD_BUG_ON(offsetof(struct stub_regs, fs_base) != offsetof(struct user_regs, fs_base));

/* The guest's registers from a report; the FS base stays the kernel's. */
static void run_take_regs(struct user_context *ctx, const struct stub_report *rep)
{
	uint64_t fs = ctx->regs.fs_base;

	memcpy(&ctx->regs, &rep->regs, sizeof(ctx->regs));
	ctx->regs.fs_base = fs;
}

static enum user_return run_exception(struct user_context *ctx, unsigned int vector,
				      uint64_t err, uint64_t addr)
{
	ctx->fault.vector = vector;
	ctx->fault.error_code = err;
	ctx->fault.addr = addr;
	return USER_RETURN_EXCEPTION;
}

/* trapno when it is a vector from the set the signal can carry, else the default. */
static unsigned int run_vector(uint64_t trapno, uint64_t allowed_mask, unsigned int dflt)
{
	if (trapno < 32 && (allowed_mask & (1ull << trapno)))
		return (unsigned int)trapno;
	return dflt;
}

/* The error code the CPU would give: a page OSTD's table maps but the host view lacked
 * (not filled yet, or write-protected since) faulted on its protection, so PRESENT. */
static uint64_t run_pf_error_code(const struct engine_thread *t, const struct stub_report *rep)
{
	unsigned int prot;
	paddr_t pa;

	if (ostd_vmspace_translate(t->space->vs, rep->cr2, &pa, &prot) == 0)
		return rep->err | PF_ERR_PRESENT;
	return rep->err;
}

static int run_decode_segv(struct engine_thread *t, struct user_context *ctx,
			   const struct stub_report *rep)
{
	int err;

	if (rep->trapno != TRAP_PF)
		return run_exception(ctx, run_vector(rep->trapno, 1ull << TRAP_GP | 1ull << 12 |
						     1ull << 10 | 1ull << 11, TRAP_GP),
				     rep->err, 0);
	t->page_faults++;
	err = seccomp_tlb_fill(t, rep->cr2, rep->err);
	if (err == 0)
		return RUN_RESUME;
	if (err == -EFAULT) {
		/* The services will most likely map it (demand paging, copy on write): fill
		 * it with the next run rather than take the same fault once more. */
		t->pf_pending = true;
		t->pf_va = rep->cr2;
		t->pf_err = rep->err;
	}
	if (err != -EFAULT)
		return USER_RETURN_LOST;
	return run_exception(ctx, TRAP_PF, run_pf_error_code(t, rep), rep->cr2);
}

static int run_decode(struct engine_thread *t, struct user_context *ctx,
		      const struct stub_report *rep)
{
	if (rep->event != STUB_EV_SIGNAL || rep->op_errors)
		return USER_RETURN_LOST;
	run_take_regs(ctx, rep);
	if (rep->signo != SIG_SEGV)
		t->last_fill_va = ~0ull;
	switch (rep->signo) {
	case SIG_SYS:
		if (rep->code != SYS_SECCOMP_CODE || rep->arch != ARCH_X86_64)
			return USER_RETURN_LOST;
		t->fp_saved = rep->fp_saved && rep->fp_bytes == seccomp_engine.fp.size;
		return USER_RETURN_SYSCALL;
	case SIG_SEGV:
		return run_decode_segv(t, ctx, rep);
	case SIG_BUS:
		return run_exception(ctx, run_vector(rep->trapno, 1ull << TRAP_PF | 1ull << 17,
						     TRAP_PF), rep->err, rep->fault_addr);
	case SIG_ILL:
		return run_exception(ctx, TRAP_UD, 0, rep->fault_addr);
	case SIG_FPE:
		return run_exception(ctx, run_vector(rep->trapno, 1ull << TRAP_DE |
						     1ull << TRAP_MF | 1ull << TRAP_XM, TRAP_DE),
				     0, rep->fault_addr);
	case SIG_TRAP:
		return run_exception(ctx, run_vector(rep->trapno, 1ull << TRAP_DB |
						     1ull << TRAP_BP, TRAP_BP), 0, rep->fault_addr);
	case STUB_SIG_KICK:
		return USER_RETURN_INTERRUPTED;
	default:
		return USER_RETURN_LOST;
	}
}

/* Fills va's page for access err ahead of the guest, if the page table allows it: no
 * round trip, the stub maps it with the command that enters the guest. 0, or -ESRCH. */
static int run_prefill(struct engine_thread *t, uint64_t va, uint64_t err)
{
	int ret = seccomp_tlb_fill(t, va, err);

	return ret == -EFAULT ? 0 : ret;
}

static bool run_is_stale(const struct engine_thread *t, uint64_t va)
{
	return va >= t->stale_lo && va < t->stale_hi;
}

/* Saves the faults a run would most likely begin with: the page of the fault the services
 * just handled (demand paging, copy on write), and, in a fresh stub thread or after a
 * flush over them (a fork write-protects the whole parent), the pages at rip and rsp.
 * 0, or -ESRCH. */
static int seccomp_run_prefill(struct engine_thread *t, const struct user_context *ctx)
{
	int err = 0;

	if (t->pf_pending) {
		t->pf_pending = false;
		err = run_prefill(t, t->pf_va, t->pf_err);
	}
	if (!err && run_is_stale(t, ctx->regs.rip))
		err = run_prefill(t, ctx->regs.rip, PF_ERR_USER | PF_ERR_INSTR);
	if (!err && run_is_stale(t, ctx->regs.rsp))
		err = run_prefill(t, ctx->regs.rsp, PF_ERR_USER);
	t->stale_lo = STUB_USER_END;
	t->stale_hi = 0;
	return err;
}

static enum user_return seccomp_run_once(struct engine_space *s, struct engine_thread *t,
					 struct user_context *ctx, uint64_t deadline_ns)
{
	struct stub_regs in;
	struct stub_report rep;
	int r;

	/* A stub that died since is found by handoff_wait (its pidfd, between sleeps): no
	 * host call here, this runs for every guest syscall. */
	if (s->dead || seccomp_space_apply_flushes(s, t) ||
	    seccomp_fp_apply_pending(t))
		return USER_RETURN_LOST;
	t->last_fill_va = ~0ull;
	if (seccomp_run_prefill(t, ctx))
		return USER_RETURN_LOST;
	for (;;) {
		memcpy(&in, &ctx->regs, sizeof(in));
		handoff_enter(t, &in);
		if (handoff_wait(t, deadline_ns, true, &rep))
			return USER_RETURN_LOST;
		r = run_decode(t, ctx, &rep);
		if (r != RUN_RESUME)
			return (enum user_return)r;
	}
}

enum user_return seccomp_run(struct engine_space *s, struct user_context *ctx,
			     uint64_t deadline_ns)
{
	struct engine_thread *t = seccomp_thread_bind(s, ctx);
	enum user_return r;

	if (!t)
		return USER_RETURN_LOST;
	if (seccomp_engine.last_run && seccomp_engine.last_run != t)
		handoff_park(seccomp_engine.last_run);
	seccomp_engine.last_run = t;
	r = seccomp_run_once(s, t, ctx, deadline_ns);
	/* A lost stub may still be running guest code: end it, so that every later run of
	 * this space is LOST too and nothing keeps running behind the kernel's back. */
	if (r == USER_RETURN_LOST)
		seccomp_space_kill(s);
	return r;
}

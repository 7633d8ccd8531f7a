/* thread.c: user contexts and their stub threads: one stub thread per context that runs
 * in a space, started by the space's stub process (its first thread) or cloned by a
 * parked thread of it; ended alone, or with the whole stub for the last one. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seccomp/handoff.h"
#include "seccomp/seccomp_engine.h"

struct engine_thread *seccomp_thread_get(struct user_context *ctx)
{
	struct engine_thread *t = ctx->engine;

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->index = -1;
	ctx->engine = t;
	return t;
}

/* Takes index i of s for t. Its control page is cleaned first (tid_word "alive"), unless
 * prepared already: a spare's first thread may have posted READY there. */
static void seccomp_thread_place(struct engine_space *s, struct engine_thread *t,
				 unsigned int i, bool prepared)
{
	struct stub_ctl *ctl = seccomp_space_ctl(s, i);

	if (!prepared) {
		/* A reused slot may hold an old thread's words. */
		memset(ctl, 0, STUB_SLOT_BYTES);
		__atomic_store_n(&ctl->state, STUB_ST_RUNNING, __ATOMIC_SEQ_CST);
		ctl->tid_word = 1;
		ctl->spin_iters = seccomp_engine.stub_spin_iters;
	}
	t->space = s;
	t->index = (int)i;
	t->ctl = ctl;
	t->fp_area = (uint8_t *)ctl + STUB_FP_OFFSET;
	t->nops = 0;
	t->fp_saved = false;
	t->lost = false;
	t->last_fill_va = ~0ull;
	t->pf_pending = false;
	/* A new stub thread's first pages are worth filling ahead, wherever they are. */
	t->stale_lo = 0;
	t->stale_hi = STUB_USER_END;
	t->spin_ns = seccomp_engine.spin_ns;
	t->stub_spin_iters = seccomp_engine.stub_spin_iters;
	s->threads[i] = t;
	s->nthreads++;
}

static void seccomp_thread_unplace(struct engine_thread *t)
{
	struct engine_space *s = t->space;

	s->threads[t->index] = NULL;
	s->nthreads--;
	t->space = NULL;
	t->index = -1;
	t->ctl = NULL;
	t->fp_area = NULL;
	t->nops = 0;
	t->fp_saved = false;
}

static int seccomp_thread_free_index(const struct engine_space *s)
{
	unsigned int i;

	for (i = 0; i < STUB_MAX_THREADS; i++)
		if (!s->threads[i])
			return (int)i;
	return -EAGAIN;
}

static struct engine_thread *seccomp_thread_any(const struct engine_space *s,
					       const struct engine_thread *not)
{
	unsigned int i;

	for (i = 0; i < STUB_MAX_THREADS; i++)
		if (s->threads[i] && s->threads[i] != not)
			return s->threads[i];
	return NULL;
}

/* A parked thread of s clones t's stub thread (without entering the guest); then the
 * new thread announces itself on its own control page. */
static int seccomp_thread_clone(struct engine_space *s, struct engine_thread *t)
{
	struct engine_thread *parent = seccomp_thread_any(s, t);
	struct stub_report rep;
	int err;

	if (!parent)
		return -ESRCH;
	err = handoff_push_op(parent, STUB_OP_CLONE_THREAD, (uint64_t)t->index, 0, 0, 0);
	if (!err)
		err = handoff_sync_report(parent, &rep);
	if (!err)
		err = handoff_wait(t, handoff_now_ns() + HANDOFF_GRACE_NS, false, &rep);
	if (err)
		return err;
	if (rep.event != STUB_EV_READY)
		return -EPROTO;
	return 0;
}

/* The first thread of a new stub process: its READY, posted already if it was a spare
 * that had time to start. */
static int seccomp_thread_wait_ready(struct engine_thread *t)
{
	struct stub_report rep;
	int err;

	/* Exec and start-up on a loaded host can take a while. */
	err = handoff_wait(t, handoff_now_ns() + 5 * HANDOFF_GRACE_NS, false, &rep);
	if (err)
		return err;
	if (rep.event != STUB_EV_READY)
		return -EPROTO;
	return 0;
}

/* The first thread of a recycled stub, parked since its last process ended, when the
 * unmap of that process's pages was posted: its report is collected first. The old FS
 * base and FP state must not reach the new process either. */
static int seccomp_thread_adopt(struct engine_space *s, struct engine_thread *t)
{
	struct stub_report rep;
	int err;

	s->recycled = false;
	err = handoff_sync_collect(t, &rep);
	if (err)
		return err;
	__atomic_store_n(&t->ctl->reload_fs, 1, __ATOMIC_RELAXED);
	seccomp_fp_pending_default(t);
	return 0;
}

/* Gives t a stub thread in s: the first one of a new stub process, or a clone. */
static int seccomp_thread_attach(struct engine_space *s, struct engine_thread *t)
{
	int i, err;

	if (s->dead)
		return -ESRCH;
	if (!s->started) {
		err = seccomp_space_start_stub(s);
		if (err)
			return err;
		seccomp_thread_place(s, t, 0, true);
		if (s->recycled)
			err = seccomp_thread_adopt(s, t);
		else
			err = seccomp_thread_wait_ready(t);
	} else {
		if (s->nthreads == 0)
			return -ESRCH;  /* its stub ended; it restarts after a reset only */
		i = seccomp_thread_free_index(s);
		if (i < 0)
			return i;
		seccomp_thread_place(s, t, (unsigned int)i, false);
		err = seccomp_thread_clone(s, t);
	}
	if (err) {
		seccomp_thread_unplace(t);
		seccomp_space_kill(s);
	}
	return err;
}

struct engine_thread *seccomp_thread_bind(struct engine_space *s, struct user_context *ctx)
{
	struct engine_thread *t = ctx->engine;
	int err;

	if (t && t->space == s)
		return t;
	if (t && t->space)      /* the context moved to another address space (exec) */
		seccomp_thread_detach(t);
	t = seccomp_thread_get(ctx);
	if (!t)
		return NULL;
	err = seccomp_thread_attach(s, t);
	if (err) {
		if (seccomp_engine.cfg.verbose)
			fprintf(stderr, "keel: seccomp: no stub thread for a context: %s\n",
				strerror(-err));
		return NULL;
	}
	return t;
}

void seccomp_thread_detach(struct engine_thread *t)
{
	struct engine_space *s = t->space;
	bool recycled;

	if (!s)
		return;
	if (s->nthreads > 1 && !s->dead) {
		handoff_exit_thread(t);     /* on failure the whole stub is dead: fine too */
		seccomp_thread_unplace(t);
		return;
	}
	/* The last thread: its stub process is kept for another space (recycle.h) or goes
	 * with it (in the background, its block with it); the space may start another. */
	recycled = seccomp_space_recycle(s, t);
	seccomp_thread_unplace(t);
	if (s->nthreads == 0) {
		if (!recycled)
			seccomp_space_bury(s);
		seccomp_space_reset(s);
	}
}

void seccomp_thread_release(struct engine_thread *t)
{
	if (!t)
		return;
	if (seccomp_engine.last_run == t)
		seccomp_engine.last_run = NULL;
	seccomp_thread_detach(t);
	free(t->fp_pending);
	free(t);
}

/* space.c: guest address spaces (one stub process each) and their stub threads. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccomp/handoff.h"
#include "seccomp/seccomp_engine.h"

int seccomp_space_create(struct vmspace *vs, struct engine_space **out)
{
	struct engine_space *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->vs = vs;
	s->pidfd = -1;
	s->tlb_lo = STUB_USER_END;
	s->tlb_hi = 0;
	pthread_mutex_lock(&seccomp_engine.lock);
	s->next = seccomp_engine.spaces;
	seccomp_engine.spaces = s;
	pthread_mutex_unlock(&seccomp_engine.lock);
	*out = s;
	return 0;
}

void seccomp_space_kill(struct engine_space *s)
{
	struct pollfd p = { .fd = s->pidfd, .events = POLLIN };

	s->dead = true;
	if (s->pidfd < 0)
		return;
	syscall(SYS_pidfd_send_signal, s->pidfd, SIGKILL, NULL, 0);
	/* The zygote reaps it; the pidfd turns readable once it has exited. */
	while (poll(&p, 1, 1000) < 0 && errno == EINTR)
		;
	close(s->pidfd);
	s->pidfd = -1;
}

static void seccomp_thread_free(struct engine_thread *t)
{
	pthread_mutex_lock(&seccomp_engine.lock);
	slots_free(&seccomp_engine.slots, t->slot);
	pthread_mutex_unlock(&seccomp_engine.lock);
	free(t);
}

void seccomp_space_destroy(struct engine_space *s)
{
	struct engine_space **pp;

	seccomp_space_kill(s);
	pthread_mutex_lock(&seccomp_engine.lock);
	for (pp = &seccomp_engine.spaces; *pp; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	}
	pthread_mutex_unlock(&seccomp_engine.lock);
	/* The context still points at its thread; it is freed by thread_release. The slot
	 * is only reused after that, so a dead stub's page is never shared. */
	if (s->thread)
		s->thread->space = NULL;
	free(s);
}

void seccomp_thread_release(struct engine_thread *t)
{
	if (!t)
		return;
	if (t->space) {
		/* v0: the space's only thread ends its stub process. */
		seccomp_space_kill(t->space);
		t->space->thread = NULL;
	}
	seccomp_thread_free(t);
}

/* Remembers [va, va+len) for the stub; overflowing the list merges everything. */
void seccomp_space_flush(struct engine_space *s, uaddr_t va, size_t len)
{
	uaddr_t lo = va & PAGE_MASK, hi;
	unsigned int i;

	if (len > STUB_USER_END || va >= STUB_USER_END)
		hi = STUB_USER_END;
	else
		hi = (va + len + PAGE_SIZE - 1) & PAGE_MASK;
	if (hi > STUB_USER_END)
		hi = STUB_USER_END;
	/* Only what was ever filled can be mapped in the stub. */
	if (lo < s->tlb_lo)
		lo = s->tlb_lo;
	if (hi > s->tlb_hi)
		hi = s->tlb_hi;
	if (lo >= hi)
		return;
	if (s->nflush == SECCOMP_FLUSH_MAX) {
		for (i = 0; i < s->nflush; i++) {
			lo = s->flush_lo[i] < lo ? s->flush_lo[i] : lo;
			hi = s->flush_hi[i] > hi ? s->flush_hi[i] : hi;
		}
		s->nflush = 0;
	}
	s->flush_lo[s->nflush] = lo;
	s->flush_hi[s->nflush] = hi;
	s->nflush++;
}

/* The longest munmap the stub's filter accepts at va (its tiers: addr's high word below
 * STUB_BASE_HI - 2^k, len's below 2^k). */
static uint64_t seccomp_munmap_chunk(uaddr_t va)
{
	static const unsigned int tiers[] = { 14, 12, 10, 8, 6, 4, 2, 0 };
	uint64_t hi = va >> 32;
	unsigned int i;

	for (i = 0; i < sizeof(tiers) / sizeof(tiers[0]); i++)
		if (hi < STUB_BASE_HI - (1ull << tiers[i]))
			return (1ull << (tiers[i] + 32)) - PAGE_SIZE;
	return 0;
}

int seccomp_space_apply_flushes(struct engine_space *s, struct engine_thread *t)
{
	unsigned int i;
	int err;

	for (i = 0; i < s->nflush; i++) {
		uaddr_t va = s->flush_lo[i], end = s->flush_hi[i];

		while (va < end) {
			uint64_t n = seccomp_munmap_chunk(va);

			if (n == 0)
				break;
			if (n > end - va)
				n = end - va;
			err = handoff_push_op(t, STUB_OP_MUNMAP, va, n, 0, 0);
			if (err)
				return err;
			va += n;
		}
	}
	s->nflush = 0;
	return 0;
}

/* Starts s's stub process with t as its first thread and waits for it to announce
 * itself. */
static int seccomp_stub_start(struct engine_space *s, struct engine_thread *t)
{
	uint64_t off = seccomp_engine.cfg.area_offset + (uint64_t)t->slot * STUB_CTL_BYTES;
	struct stub_report rep;
	int err;

	/* A reused slot may hold an old stub's words. */
	memset(t->ctl, 0, STUB_CTL_BYTES);
	__atomic_store_n(&t->ctl->state, STUB_ST_RUNNING, __ATOMIC_SEQ_CST);
	t->ctl->spin_iters = seccomp_engine.stub_spin_iters;
	t->spin_ns = seccomp_engine.spin_ns;
	t->stub_spin_iters = seccomp_engine.stub_spin_iters;
	pthread_mutex_lock(&seccomp_engine.lock);
	err = zygote_spawn(&seccomp_engine.zygote, off, seccomp_engine.cfg.ram_bytes, &s->pid,
			   &s->pidfd);
	pthread_mutex_unlock(&seccomp_engine.lock);
	if (err)
		return err;
	s->started = true;
	/* Exec and start-up on a loaded host can take a while. */
	err = handoff_wait(t, handoff_now_ns() + 5 * HANDOFF_GRACE_NS, false, &rep);
	if (err)
		return err;
	if (rep.event != STUB_EV_READY) {
		seccomp_space_kill(s);
		return -EPROTO;
	}
	return 0;
}

struct engine_thread *seccomp_thread_bind(struct engine_space *s, struct user_context *ctx)
{
	struct engine_thread *t = ctx->engine;
	int slot;

	if (t && t->space == s)
		return t;
	if (t) {                /* the context moved to another address space (exec) */
		seccomp_thread_release(t);
		ctx->engine = NULL;
	}
	if (s->thread || s->started)
		return NULL;    /* v0: one thread per space */
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	pthread_mutex_lock(&seccomp_engine.lock);
	slot = slots_alloc(&seccomp_engine.slots);
	pthread_mutex_unlock(&seccomp_engine.lock);
	if (slot < 0) {
		free(t);
		return NULL;
	}
	t->slot = slot;
	t->ctl = (struct stub_ctl *)((char *)seccomp_engine.cfg.area_host +
				     (uint64_t)slot * STUB_CTL_BYTES);
	t->space = s;
	s->thread = t;
	ctx->engine = t;
	if (seccomp_stub_start(s, t)) {
		if (seccomp_engine.cfg.verbose)
			fprintf(stderr, "keel: seccomp: a stub did not start\n");
		seccomp_space_kill(s);
	}
	return t;
}

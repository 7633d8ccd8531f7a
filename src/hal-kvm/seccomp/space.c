/* space.c: guest address spaces (one stub process each) and their stub threads. */
#define _GNU_SOURCE
#include <errno.h>
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
	s->statfd = -1;
	s->block = -1;
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
	s->dead = true;
	if (s->pidfd >= 0)
		syscall(SYS_pidfd_send_signal, s->pidfd, SIGKILL, NULL, 0);
}

void seccomp_space_bury(struct engine_space *s)
{
	s->dead = true;
	pthread_mutex_lock(&seccomp_engine.lock);
	if (s->pidfd >= 0)
		reaper_add(&seccomp_engine.reaper, &seccomp_engine.slots, s->pidfd, s->block);
	else
		slots_free(&seccomp_engine.slots, s->block);
	pthread_mutex_unlock(&seccomp_engine.lock);
	if (s->statfd >= 0)
		close(s->statfd);
	s->pidfd = -1;
	s->statfd = -1;
	s->block = -1;
}

void seccomp_space_reset(struct engine_space *s)
{
	s->started = false;
	s->recycled = false;
	s->dead = false;
	s->pid = 0;
	s->nflush = 0;
	s->tlb_lo = STUB_USER_END;
	s->tlb_hi = 0;
}

/* The stub dies in the background: a fork+exit must not wait for its exit. */
void seccomp_space_destroy(struct engine_space *s)
{
	struct engine_space **pp;
	unsigned int i;

	seccomp_space_bury(s);
	pthread_mutex_lock(&seccomp_engine.lock);
	for (pp = &seccomp_engine.spaces; *pp; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	}
	pthread_mutex_unlock(&seccomp_engine.lock);
	/* Contexts still point at their threads; thread_release frees them. */
	for (i = 0; i < STUB_MAX_THREADS; i++) {
		struct engine_thread *t = s->threads[i];

		if (!t)
			continue;
		t->space = NULL;
		t->index = -1;
		t->ctl = NULL;
		t->fp_area = NULL;
		t->lost = true;
	}
	free(s);
}

struct stub_ctl *seccomp_space_ctl(struct engine_space *s, unsigned int index)
{
	uint64_t off = (uint64_t)s->block * STUB_BLOCK_BYTES + index * STUB_SLOT_BYTES;

	return (struct stub_ctl *)((char *)seccomp_engine.cfg.area_host + off);
}

/* Remembers [va, va+len) for the stub; overflowing the list merges everything. */
void seccomp_space_flush(struct engine_space *s, uaddr_t va, size_t len)
{
	uaddr_t lo = va & PAGE_MASK, hi;
	struct engine_thread *t;
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
	for (i = 0; i < STUB_MAX_THREADS; i++) {
		t = s->threads[i];
		if (!t)
			continue;
		t->stale_lo = lo < t->stale_lo ? lo : t->stale_lo;
		t->stale_hi = hi > t->stale_hi ? hi : t->stale_hi;
	}
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

int seccomp_space_unmap(struct engine_thread *t, uaddr_t va, uaddr_t end)
{
	int err;

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
	return 0;
}

/* A flushed range is resynchronised rather than just unmapped: what the page table still
 * maps there (a fork's write-protected pages, an mprotect's survivors) stays mapped. A
 * fresh stub is filled with what its table maps, up to the resync budget. */
int seccomp_space_apply_flushes(struct engine_space *s, struct engine_thread *t)
{
	unsigned int i;
	int err;

	if (s->prefill_pending) {
		s->prefill_pending = false;
		err = seccomp_tlb_resync(t, STUB_USER_START, STUB_USER_END, false);
		if (err)
			return err;
	}
	for (i = 0; i < s->nflush; i++) {
		err = seccomp_tlb_resync(t, s->flush_lo[i], s->flush_hi[i], true);
		if (err)
			return err;
	}
	s->nflush = 0;
	return 0;
}

int seccomp_space_start_stub(struct engine_space *s)
{
	struct spare st;
	int err = 0;

	pthread_mutex_lock(&seccomp_engine.lock);
	if (recycle_take(&seccomp_engine.recycled, &st))
		s->recycled = true;
	else
		err = spare_take(&seccomp_engine.spares, &st);
	pthread_mutex_unlock(&seccomp_engine.lock);
	if (err)
		return err;
	s->block = st.block;
	s->pid = st.pid;
	s->pidfd = st.pidfd;
	s->statfd = st.statfd;
	s->started = true;
	s->prefill_pending = true;
	return 0;
}

bool seccomp_space_recycle(struct engine_space *s, struct engine_thread *t)
{
	struct spare st = { .block = s->block, .collected = true, .pid = s->pid,
			    .pidfd = s->pidfd, .statfd = s->statfd };
	bool kept;

	if (s->dead || !s->started || s->nthreads != 1 || t->index != 0 || t->nops ||
	    s->statfd < 0 || seccomp_engine.recycled.n == RECYCLE_MAX)
		return false;
	/* Parked: it reported and waits for a command (the guest could write the word, but
	 * no guest code runs now unless the host counts another thread). */
	if (__atomic_load_n(&t->ctl->state, __ATOMIC_ACQUIRE) != STUB_ST_TRAPPED ||
	    !__atomic_load_n(&t->ctl->tid_word, __ATOMIC_ACQUIRE) ||
	    handoff_stub_is_dead(s) || recycle_host_threads(s->statfd) != 1)
		return false;
	/* The process's pages leave the stub now, while the VMM goes on; the next space
	 * collects the report before its first command. */
	if (seccomp_space_unmap(t, STUB_USER_START, STUB_USER_END))
		return false;
	handoff_sync_post(t);
	pthread_mutex_lock(&seccomp_engine.lock);
	kept = recycle_put(&seccomp_engine.recycled, &st);
	pthread_mutex_unlock(&seccomp_engine.lock);
	if (!kept)
		return false;
	s->pid = 0;
	s->pidfd = -1;
	s->statfd = -1;
	s->block = -1;
	return true;
}

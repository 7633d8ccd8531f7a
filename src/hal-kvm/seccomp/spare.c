/* spare.c: the queue of stubs started ahead of need. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "seccomp/seccomp_engine.h"

/* How long a request with no free block waits for a killed stub to free one. */
#define SPARE_REAP_WAIT_MS 10000

/* Slot 0 as its first thread expects it: clean, "running" (starting), alive. */
static void spare_prepare_slot(int block)
{
	struct stub_ctl *ctl = (struct stub_ctl *)((char *)seccomp_engine.cfg.area_host +
						   (uint64_t)block * STUB_BLOCK_BYTES);

	/* A reused block may hold an old stub's words. */
	memset(ctl, 0, STUB_SLOT_BYTES);
	__atomic_store_n(&ctl->state, STUB_ST_RUNNING, __ATOMIC_SEQ_CST);
	ctl->tid_word = 1;
	ctl->spin_iters = seccomp_engine.stub_spin_iters;
}

static int spare_alloc_block(bool wait)
{
	struct seccomp_engine *e = &seccomp_engine;
	int block;

	reaper_collect(&e->reaper, &e->slots);
	block = slots_alloc(&e->slots);
	/* Out of blocks: a stub killed a moment ago may be about to free one. */
	while (wait && block == -ENOSPC &&
	       reaper_wait_one(&e->reaper, &e->slots, SPARE_REAP_WAIT_MS))
		block = slots_alloc(&e->slots);
	return block;
}

static int spare_request(struct spare_queue *sq, bool wait)
{
	struct seccomp_engine *e = &seccomp_engine;
	int block = spare_alloc_block(wait), err;
	uint64_t off;

	if (block < 0)
		return block;
	spare_prepare_slot(block);
	off = e->cfg.area_offset + (uint64_t)block * STUB_BLOCK_BYTES;
	err = zygote_request(&e->zygote, off, e->cfg.ram_bytes);
	if (err) {
		slots_free(&e->slots, block);
		return err;
	}
	sq->q[(sq->head + sq->n) % SPARE_MAX] = (struct spare){ .block = block, .pidfd = -1,
								.statfd = -1 };
	sq->n++;
	return 0;
}

void spare_fill(struct spare_queue *sq)
{
	while (sq->n < SPARE_MAX)
		if (spare_request(sq, false))
			return;
}

/* Reads the zygote's reply for sp (the oldest request not collected yet). */
static int spare_collect(struct spare *sp)
{
	int err;

	if (sp->collected)
		return 0;
	err = zygote_collect(&seccomp_engine.zygote, &sp->pid, &sp->pidfd, &sp->statfd);
	if (err)
		return err;
	sp->collected = true;
	return 0;
}

static struct spare *spare_pop(struct spare_queue *sq)
{
	struct spare *sp = &sq->q[sq->head];

	sq->head = (sq->head + 1) % SPARE_MAX;
	sq->n--;
	return sp;
}

int spare_take(struct spare_queue *sq, struct spare *out)
{
	struct spare *sp;
	int err;

	if (sq->n == 0) {
		err = spare_request(sq, true);
		if (err)
			return err;
	}
	sp = spare_pop(sq);
	err = spare_collect(sp);
	if (err)
		slots_free(&seccomp_engine.slots, sp->block);
	else
		*out = *sp;
	spare_fill(sq);
	return err;
}

void spare_drain(struct spare_queue *sq)
{
	while (sq->n) {
		struct spare *sp = spare_pop(sq);

		if (spare_collect(sp)) {
			slots_free(&seccomp_engine.slots, sp->block);
		} else {
			reaper_add(&seccomp_engine.reaper, &seccomp_engine.slots, sp->pidfd,
				   sp->block);
			if (sp->statfd >= 0)
				close(sp->statfd);
		}
	}
}

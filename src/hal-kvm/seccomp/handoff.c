/* handoff.c: control-page handoffs between the VMM and a stub thread. Spin briefly, then
 * sleep on the shared futex: a futex-only round trip costs ~27 µs here, a spinning one ~5. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "seccomp/handoff.h"

#define HANDOFF_SLICE_NS (10ull * 1000 * 1000)   /* how often a sleeper checks the pidfd */
#define HANDOFF_PROBE_EVERY 256                  /* handoffs between full-budget retries */
#define HANDOFF_PARK_NS (20ull * 1000)           /* how long a park waits for the sleep */

uint64_t handoff_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

bool handoff_stub_is_dead(struct engine_space *s)
{
	struct pollfd p = { .fd = s->pidfd, .events = POLLIN };

	if (s->dead)
		return true;
	if (poll(&p, 1, 0) > 0)
		s->dead = true;
	return s->dead;
}

static void handoff_kill(struct engine_space *s)
{
	syscall(SYS_pidfd_send_signal, s->pidfd, SIGKILL, NULL, 0);
	s->dead = true;
}

/* Every so often both budgets go back to full, so a host that got quiet again is noticed. */
static void handoff_probe(struct engine_thread *t)
{
	if (++t->spin_probe < HANDOFF_PROBE_EVERY)
		return;
	t->spin_probe = 0;
	t->spin_ns = seccomp_engine.spin_ns;
	t->stub_spin_iters = seccomp_engine.stub_spin_iters;
}

/* Hands the control page to the stub; it is woken only if it said it sleeps, and then
 * its spin did not pay: it gets less next time. */
static void handoff_command(struct engine_thread *t, uint32_t cmd)
{
	struct stub_ctl *ctl = t->ctl;

	bool parked = t->parked;

	handoff_probe(t);
	t->parked = false;
	t->fp_saved = false;    /* the stub may write the FP area or resume the guest now */
	ctl->spin_iters = t->stub_spin_iters;
	ctl->nops = t->nops;
	t->nops = 0;
	__atomic_store_n(&ctl->state, cmd, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&ctl->stub_waiting, __ATOMIC_SEQ_CST)) {
		syscall(SYS_futex, &ctl->state, FUTEX_WAKE, 1, NULL, NULL, 0);
		/* It slept because it was told to, not because its spin was too short. */
		if (!parked)
			t->stub_spin_iters /= 2;
	} else if (t->stub_spin_iters < seccomp_engine.stub_spin_iters) {
		t->stub_spin_iters += t->stub_spin_iters / 4 + 1;
	}
}

/* Spins until *word reads want, for at most budget_ns: whether it did. The clock is read
 * every 64 turns only, with a `pause` in each turn. */
static bool handoff_spin_for(const uint32_t *word, uint32_t want, uint64_t budget_ns)
{
	uint64_t start = handoff_now_ns(), i;

	for (i = 0; __atomic_load_n(word, __ATOMIC_ACQUIRE) != want; i++) {
		__builtin_ia32_pause();
		if (i % 64 == 63 && handoff_now_ns() - start >= budget_ns)
			return false;
	}
	return true;
}

void handoff_park(struct engine_thread *t)
{
	if (!t->ctl)
		return;
	__atomic_store_n(&t->ctl->spin_iters, 0, __ATOMIC_RELAXED);
	t->parked = true;
	/* Wait (briefly) until it sleeps: woken while it still spins, the next stub would
	 * queue behind it on its CPU (measured: a pipe round trip 15% slower). */
	handoff_spin_for(&t->ctl->stub_waiting, 1, HANDOFF_PARK_NS);
}

void handoff_enter(struct engine_thread *t, const struct stub_regs *regs)
{
	memcpy(&t->ctl->in, regs, sizeof(*regs));
	handoff_command(t, STUB_ST_RUN);
}

/* Sleeps on the state word until it changes, a slice passes or timeout_ns pass. */
static void handoff_sleep(struct stub_ctl *ctl, uint64_t timeout_ns)
{
	struct timespec ts;
	uint32_t s;

	if (timeout_ns > HANDOFF_SLICE_NS)
		timeout_ns = HANDOFF_SLICE_NS;
	ts.tv_sec = 0;
	ts.tv_nsec = (long)timeout_ns;
	__atomic_store_n(&ctl->vmm_waiting, 1, __ATOMIC_SEQ_CST);
	s = __atomic_load_n(&ctl->state, __ATOMIC_SEQ_CST);
	if (s != STUB_ST_TRAPPED)
		syscall(SYS_futex, &ctl->state, FUTEX_WAIT, s, &ts, NULL, 0);
	__atomic_store_n(&ctl->vmm_waiting, 0, __ATOMIC_RELAXED);
}

/* Spins up to the thread's budget: halved when it fails, regrown when it pays. */
static bool handoff_spin(struct engine_thread *t)
{
	if (!t->spin_ns)
		return false;
	if (!handoff_spin_for(&t->ctl->state, STUB_ST_TRAPPED, t->spin_ns)) {
		t->spin_ns /= 2;
		return false;
	}
	if (t->spin_ns < seccomp_engine.spin_ns)
		t->spin_ns += t->spin_ns / 4 + 1;
	return true;
}

int handoff_wait(struct engine_thread *t, uint64_t deadline_ns, bool kick,
		 struct stub_report *out)
{
	struct engine_space *s = t->space;
	struct stub_ctl *ctl = t->ctl;
	uint64_t now, giveup = 0;

	if (!handoff_spin(t)) {
		for (;;) {
			if (__atomic_load_n(&ctl->state, __ATOMIC_ACQUIRE) == STUB_ST_TRAPPED)
				break;
			now = handoff_now_ns();
			if (now >= deadline_ns && !giveup) {
				if (!kick) {
					handoff_kill(s);
					return -ESRCH;
				}
				syscall(SYS_pidfd_send_signal, s->pidfd, STUB_SIG_KICK, NULL, 0);
				giveup = now + HANDOFF_GRACE_NS;
			}
			if (giveup && now >= giveup) {
				/* The guest blocked the kick (a forged sigreturn can): end it. */
				handoff_kill(s);
				return -ESRCH;
			}
			handoff_sleep(ctl, giveup ? giveup - now : deadline_ns - now);
			if (handoff_stub_is_dead(s))
				return -ESRCH;
		}
	}
	memcpy(out, (const void *)&ctl->out, sizeof(*out));
	return 0;
}

void handoff_sync_post(struct engine_thread *t)
{
	handoff_command(t, STUB_ST_SYNC);
}

int handoff_sync_collect(struct engine_thread *t, struct stub_report *rep)
{
	int err = handoff_wait(t, handoff_now_ns() + HANDOFF_GRACE_NS, false, rep);

	if (err)
		return err;
	if (rep->event != STUB_EV_SYNCED || rep->op_errors) {
		handoff_kill(t->space);
		return -ESRCH;
	}
	return 0;
}

int handoff_sync_report(struct engine_thread *t, struct stub_report *rep)
{
	handoff_sync_post(t);
	return handoff_sync_collect(t, rep);
}

int handoff_sync(struct engine_thread *t)
{
	struct stub_report rep;

	if (!t->nops)
		return 0;
	return handoff_sync_report(t, &rep);
}

/* The host clears tid_word (and wakes its futex) once the thread no longer uses the
 * stub's memory. No guest code runs meanwhile (every other stub thread is parked), so
 * the word cannot be cleared behind the thread's back. */
int handoff_exit_thread(struct engine_thread *t)
{
	struct engine_space *s = t->space;
	uint32_t *word = &t->ctl->tid_word;
	uint64_t deadline = handoff_now_ns() + HANDOFF_GRACE_NS;
	struct timespec ts = { 0, (long)HANDOFF_SLICE_NS };
	uint32_t v;

	if (handoff_push_op(t, STUB_OP_EXIT_THREAD, 0, 0, 0, 0))
		return -ESRCH;
	handoff_command(t, STUB_ST_SYNC);
	for (;;) {
		v = __atomic_load_n(word, __ATOMIC_ACQUIRE);
		if (v == 0 || handoff_stub_is_dead(s))
			return 0;
		if (handoff_now_ns() >= deadline) {
			handoff_kill(s);
			return -ESRCH;
		}
		syscall(SYS_futex, word, FUTEX_WAIT, v, &ts, NULL, 0);
	}
}

int handoff_push_op(struct engine_thread *t, uint32_t kind, uint64_t addr, uint64_t len,
		    uint32_t prot, uint64_t offset)
{
	int err;

	if (t->nops == STUB_MAX_OPS) {
		err = handoff_sync(t);
		if (err)
			return err;
	}
	t->queued[t->nops] = (struct stub_op){ kind, prot, addr, len, offset };
	t->ctl->ops[t->nops] = t->queued[t->nops];
	t->nops++;
	return 0;
}

bool handoff_queued_map(const struct engine_thread *t, uint64_t page, uint64_t pa,
			uint32_t prot)
{
	unsigned int i = t->nops;

	/* The last queued op that touches the page decides. */
	while (i-- > 0) {
		const struct stub_op *op = &t->queued[i];

		if (page < op->addr || page - op->addr >= op->len)
			continue;
		return op->kind == STUB_OP_MMAP && op->prot == prot &&
		       op->offset + (page - op->addr) == pa;
	}
	return false;
}

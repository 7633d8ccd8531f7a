/* futex/futex_syscall.c: the futex syscall: decoding op, timeouts and the second word. */
#include <ostd/errno.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <futex/futex.h>
#include <process/process.h>
#include <signal/restart.h>
#include <signal/signal.h>
#include "futex_queue.h"

static struct mm *futex_current_mm(void)
{
	return process_current()->mm;
}

static uint64_t futex_add_saturating(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* The monotonic deadline of a wait's timeout: relative for FUTEX_WAIT, absolute (on the
 * realtime clock with FUTEX_CLOCK_REALTIME) for FUTEX_WAIT_BITSET. 0, -EFAULT, -EINVAL. */
static int futex_deadline_get(const void __user *utime, int cmd, bool realtime,
			      uint64_t *deadline)
{
	struct timespec ts;
	uint64_t ns, now_real;

	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	if ((uint64_t)ts.tv_sec > (UINT64_MAX - (uint64_t)ts.tv_nsec) / NSEC_PER_SEC)
		ns = UINT64_MAX;
	else
		ns = (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	if (cmd == FUTEX_WAIT) {
		*deadline = futex_add_saturating(clock_monotonic_ns(), ns);
	} else if (realtime) {
		/* A deadline already past still lets the value check answer first. */
		now_real = clock_realtime_ns();
		*deadline = futex_add_saturating(clock_monotonic_ns(),
						 ns > now_real ? ns - now_real : 0);
	} else {
		*deadline = ns;
	}
	return 0;
}

static long futex_wait_resume(const struct restart_block *rb);

static long futex_do_wait(uaddr_t uaddr, bool shared, uint32_t val, uint32_t bitset,
			  uint64_t deadline)
{
	struct mm *mm = futex_current_mm();
	struct futex_key key;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_key_get(mm, uaddr, shared, &key);
	if (err)
		return err;
	/* As Linux: an untimed wait restarts as is, a timed one goes on through
	 * restart_syscall until the same deadline (a handler sees EINTR). */
	if (deadline == UINT64_MAX)
		return futex_wait_key(mm, &key, val, bitset, deadline, -ERESTARTSYS);
	err = futex_wait_key(mm, &key, val, bitset, deadline, -ERESTART_RESTARTBLOCK);
	if (err == -ERESTART_RESTARTBLOCK) {
		struct restart_block rb = { .fn = futex_wait_resume, .deadline_ns = deadline,
					    .uaddr = uaddr, .val = val, .bitset = bitset,
					    .shared = shared };

		return restart_block_set(&rb);
	}
	return err;
}

/* restart_syscall after an interrupted timed wait: the same wait, the same deadline. */
static long futex_wait_resume(const struct restart_block *rb)
{
	return futex_do_wait(rb->uaddr, rb->shared, rb->val, rb->bitset, rb->deadline_ns);
}

static long futex_do_wake(uaddr_t uaddr, bool shared, int n, uint32_t bitset)
{
	struct futex_key key;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_key_get(futex_current_mm(), uaddr, shared, &key);
	if (err)
		return err;
	return futex_wake_key(&key, n, bitset);
}

static long futex_do_requeue(uaddr_t uaddr, bool shared, int nwake, uaddr_t uaddr2,
			     int nrequeue, bool cmp, uint32_t cmpval)
{
	struct mm *mm = futex_current_mm();
	struct futex_key from, to;
	uint32_t cur;
	int err;

	if (nwake < 0 || nrequeue < 0)
		return -EINVAL;
	err = futex_key_get(mm, uaddr, shared, &from);
	if (!err)
		err = futex_key_get(mm, uaddr2, shared, &to);
	if (err)
		return err;
	if (cmp) {
		if (futex_read_word(mm, uaddr, &cur))
			return -EFAULT;
		if (cur != cmpval)
			return -EAGAIN;
	}
	return futex_requeue_key(&from, &to, nwake, nrequeue);
}

static long futex_do_wake_op(uaddr_t uaddr, bool shared, int nwake, uaddr_t uaddr2,
			     int nwake2, uint32_t encoded)
{
	struct mm *mm = futex_current_mm();
	struct futex_key key1, key2;
	int err, cmp, woken;

	err = futex_key_get(mm, uaddr, shared, &key1);
	if (!err)
		err = futex_key_get(mm, uaddr2, shared, &key2);
	if (err)
		return err;
	cmp = futex_op_apply(mm, uaddr2, encoded);
	if (cmp < 0)
		return cmp;
	woken = futex_wake_key(&key1, nwake, FUTEX_BITSET_MATCH_ANY);
	if (cmp)
		woken += futex_wake_key(&key2, nwake2, FUTEX_BITSET_MATCH_ANY);
	return woken;
}

long sys_futex(uint32_t __user *uaddr, int op, uint32_t val, const void __user *timeout,
	       uint32_t __user *uaddr2, uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	/* For the requeue and wake-op commands the timeout slot carries a count. */
	int val2 = (int)(uint32_t)uptr_addr(timeout);
	uint64_t deadline = UINT64_MAX;
	int err;

	if (timeout && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		err = futex_deadline_get(timeout, cmd, realtime, &deadline);
		if (err)
			return err;
	}
	if (realtime && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_do_wait(uptr_addr(uaddr), shared, val, FUTEX_BITSET_MATCH_ANY,
				     deadline);
	case FUTEX_WAIT_BITSET:
		return futex_do_wait(uptr_addr(uaddr), shared, val, val3, deadline);
	case FUTEX_WAKE:
		return futex_do_wake(uptr_addr(uaddr), shared, (int)val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_do_wake(uptr_addr(uaddr), shared, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_do_requeue(uptr_addr(uaddr), shared, (int)val, uptr_addr(uaddr2),
					val2, false, 0);
	case FUTEX_CMP_REQUEUE:
		return futex_do_requeue(uptr_addr(uaddr), shared, (int)val, uptr_addr(uaddr2),
					val2, true, val3);
	case FUTEX_WAKE_OP:
		return futex_do_wake_op(uptr_addr(uaddr), shared, (int)val, uptr_addr(uaddr2),
					val2, val3);
	default:
		/* FUTEX_FD is gone from Linux; the PI family is not implemented. */
		return -ENOSYS;
	}
}

int futex_wake_private(uaddr_t uaddr, int n)
{
	struct futex_key key;
	int err;

	err = futex_key_get(futex_current_mm(), uaddr, false, &key);
	if (err)
		return err;
	return futex_wake_key(&key, n, FUTEX_BITSET_MATCH_ANY);
}

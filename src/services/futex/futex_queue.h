/* futex/futex_queue.h: the futex folder's own interface: futex keys, the hash of waiters
 * and the wait/wake/requeue primitives the syscall and the exit path share. */
#ifndef SERVICES_FUTEX_FUTEX_QUEUE_H
#define SERVICES_FUTEX_FUTEX_QUEUE_H

#include <ostd/types.h>
#include <ostd/sync.h>

struct mm;

/* A futex is named by (mm, uaddr); a shared one also by the RAM behind it (paddr), so
 * processes that map the same frame at different addresses meet on it. Two keys match
 * when their (mm, uaddr) are equal or both are shared with the same paddr. */
struct futex_key {
	const struct mm *mm;
	uaddr_t uaddr;
	paddr_t paddr;
	bool shared;
};

/* One sleeping thread. It lives on the sleeper's stack, so a guest cannot make the kernel
 * allocate per call: a wake-up unlinks it and sets woken before waking its queue. */
struct futex_waiter {
	struct futex_key key;
	uint32_t bitset;
	bool woken;
	waitqueue_t wq;
	struct futex_waiter *prev, *next;
};

/* The key of the 32-bit word at uaddr in mm: -EINVAL when unaligned, -EFAULT when outside
 * the user range or (shared) not mapped. A shared key faults the page in first. */
int futex_key_get(struct mm *mm, uaddr_t uaddr, bool shared, struct futex_key *key);

/* Reads the word at uaddr of mm's address space: 0 or -EFAULT. */
int futex_read_word(struct mm *mm, uaddr_t uaddr, uint32_t *val);
int futex_write_word(struct mm *mm, uaddr_t uaddr, uint32_t val);

/* Sleeps on key if the word still holds val (checked and queued with no task switch in
 * between, so no wake-up is lost): 0 when woken,
 * -EAGAIN, -EFAULT, -ETIMEDOUT, or restart_code when a signal interrupts it. */
int futex_wait_key(struct mm *mm, const struct futex_key *key, uint32_t val,
		   uint32_t bitset, uint64_t deadline_ns, int restart_code);
/* Wakes waiters of key whose bitset meets bitset, oldest first: at most n, but at least
 * one when any waits (Linux's count, where n <= 0 wakes one). Returns how many. */
int futex_wake_key(const struct futex_key *key, int n, uint32_t bitset);
/* Wakes up to nwake waiters of from, then moves up to nrequeue more onto to (keeping
 * their order). Returns woken + moved. */
int futex_requeue_key(const struct futex_key *from, const struct futex_key *to, int nwake,
		      int nrequeue);

/* FUTEX_WAKE_OP's read-modify-write of *uaddr and its comparison: 1 when the comparison
 * of the old value holds, 0 when not, -EFAULT, or -ENOSYS for an unknown op or cmp. */
int futex_op_apply(struct mm *mm, uaddr_t uaddr, uint32_t encoded);

#endif

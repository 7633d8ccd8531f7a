/* futex/futex_queue.c: futex keys and the hash of sleeping waiters. Services run on OSTD's
 * scheduler, which switches tasks only at sleeps and yields, so the hash needs no lock: a
 * check of the user word and the enqueue that follows it cannot be split by a wake-up. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <mm/mm.h>
#include <process/thread.h>
#include "futex_queue.h"

/* Waiters are hashed by the word's offset in its page, which a shared futex's two names
 * (the address in each process, the RAM behind it) have in common. */
#define FUTEX_BUCKETS 256

struct futex_bucket {
	struct futex_waiter *head, *tail;
};

static struct futex_bucket futex_hash[FUTEX_BUCKETS];

static struct futex_bucket *futex_bucket_of(const struct futex_key *key)
{
	return &futex_hash[(key->uaddr >> 2) & (FUTEX_BUCKETS - 1)];
}

static bool futex_key_match(const struct futex_key *a, const struct futex_key *b)
{
	if (a->mm == b->mm && a->uaddr == b->uaddr)
		return true;
	return a->shared && b->shared && a->paddr == b->paddr;
}

static void futex_bucket_append(struct futex_bucket *b, struct futex_waiter *w)
{
	w->next = NULL;
	w->prev = b->tail;
	if (b->tail)
		b->tail->next = w;
	else
		b->head = w;
	b->tail = w;
}

static void futex_bucket_remove(struct futex_bucket *b, struct futex_waiter *w)
{
	if (w->prev)
		w->prev->next = w->next;
	else
		b->head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	else
		b->tail = w->prev;
	w->prev = w->next = NULL;
}

int futex_read_word(struct mm *mm, uaddr_t uaddr, uint32_t *val)
{
	return vmspace_copy_from(mm->vs, val, uaddr, sizeof(*val));
}

int futex_write_word(struct mm *mm, uaddr_t uaddr, uint32_t val)
{
	return vmspace_copy_to(mm->vs, uaddr, &val, sizeof(val));
}

int futex_key_get(struct mm *mm, uaddr_t uaddr, bool shared, struct futex_key *key)
{
	struct vm_query q;
	uint32_t word;

	if (uaddr % sizeof(uint32_t))
		return -EINVAL;
	if (uaddr >= vmspace_user_end() || vmspace_user_end() - uaddr < sizeof(uint32_t))
		return -EFAULT;
	key->mm = mm;
	key->uaddr = uaddr;
	key->paddr = 0;
	key->shared = false;
	if (!shared)
		return 0;
	/* The read faults the page in, so the query below finds its frame. */
	if (futex_read_word(mm, uaddr, &word))
		return -EFAULT;
	if (vmspace_query(mm->vs, uaddr & PAGE_MASK, &q) || !q.frame)
		return -EFAULT;
	key->paddr = frame_paddr(q.frame) + (uaddr & ~PAGE_MASK);
	key->shared = true;
	return 0;
}

static void futex_waiter_wake(struct futex_bucket *b, struct futex_waiter *w)
{
	futex_bucket_remove(b, w);
	w->woken = true;
	waitqueue_wake_all(&w->wq);
}

int futex_wait_key(struct mm *mm, const struct futex_key *key, uint32_t val,
		   uint32_t bitset, uint64_t deadline_ns, int restart_code)
{
	struct futex_bucket *b = futex_bucket_of(key);
	struct futex_waiter w = { .key = *key, .bitset = bitset };
	uint32_t cur;
	int err;

	if (futex_read_word(mm, key->uaddr, &cur))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	waitqueue_init(&w.wq);
	futex_bucket_append(b, &w);
	for (;;) {
		err = thread_sleep(&w.wq, deadline_ns);
		if (w.woken)
			return 0;
		if (err == -ETIMEDOUT || err == -EINTR)
			break;
	}
	/* A requeue may have moved us to another bucket since we slept. */
	futex_bucket_remove(futex_bucket_of(&w.key), &w);
	return err == -ETIMEDOUT ? -ETIMEDOUT : restart_code;
}

int futex_wake_key(const struct futex_key *key, int n, uint32_t bitset)
{
	struct futex_bucket *b = futex_bucket_of(key);
	struct futex_waiter *w, *next;
	int woken = 0;

	for (w = b->head; w; w = next) {
		next = w->next;
		if (!futex_key_match(&w->key, key) || !(w->bitset & bitset))
			continue;
		futex_waiter_wake(b, w);
		if (++woken >= n)
			break;
	}
	return woken;
}

int futex_requeue_key(const struct futex_key *from, const struct futex_key *to, int nwake,
		      int nrequeue)
{
	struct futex_bucket *b = futex_bucket_of(from);
	struct futex_bucket moved = { NULL, NULL };
	struct futex_waiter *w, *next;
	int woken = 0, requeued = 0;

	for (w = b->head; w; w = next) {
		next = w->next;
		if (!futex_key_match(&w->key, from))
			continue;
		if (woken < nwake) {
			futex_waiter_wake(b, w);
			woken++;
		} else if (requeued < nrequeue) {
			/* Collected apart first: when both keys share a bucket, a waiter
			 * appended there at once would be met again further down. */
			futex_bucket_remove(b, w);
			futex_bucket_append(&moved, w);
			requeued++;
		} else {
			break;
		}
	}
	for (w = moved.head; w; w = next) {
		next = w->next;
		w->key = *to;
		futex_bucket_append(futex_bucket_of(to), w);
	}
	return woken + requeued;
}

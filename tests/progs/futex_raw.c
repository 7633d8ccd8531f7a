/* futex_raw: the futex syscall itself, without libc's wrappers. Wait with a stale value
 * (EAGAIN), wake with nobody waiting (0), relative and absolute timeouts (ETIMEDOUT), bad
 * arguments (EINVAL, EFAULT, ENOSYS), and between threads: a wake that finds its waiter,
 * requeue counts, a wake count that stops at its limit, and bitsets choosing whom to wake.
 * A thread is known to be blocked only when an operation finds it, so every cross-thread
 * check loops until the kernel reports the waiter: the output never depends on timing. */
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

/* Linux's values (uapi linux/futex.h), spelt here because musl-gcc has no kernel headers. */
#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129
#define FUTEX_CMP_REQUEUE_PRIVATE 132
#define FUTEX_WAIT_BITSET_PRIVATE 137
#define FUTEX_WAKE_BITSET_PRIVATE 138
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

static uint32_t word_a, word_b, word_c;
static volatile int wake_order, order_of[4];

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
		  uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static int failures;

/* Prints the result; want is Linux's answer: a count, or a negative errno. */
static void show(const char *what, long r, long want)
{
	if (r < 0) {
		printf("%s: -1 %s\n", what, errname(errno));
		failures += want != -errno;
	} else {
		printf("%s: %ld\n", what, r);
		failures += want != r;
	}
}

static void pause_briefly(void)
{
	struct timespec ts = { 0, 1000 * 1000 };

	nanosleep(&ts, NULL);
}

static void single_thread_cases(void)
{
	struct timespec rel = { 0, 20 * 1000 * 1000 }, abs, bad = { 0, 1000000000 };
	uint32_t w = 5;

	show("WAIT with a stale value", futex(&w, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0), -EAGAIN);
	show("WAKE with nobody waiting", futex(&w, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
	show("WAIT 20 ms relative timeout",
	     futex(&w, FUTEX_WAIT_PRIVATE, 5, &rel, NULL, 0), -ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 20 * 1000 * 1000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	show("WAIT_BITSET absolute monotonic deadline",
	     futex(&w, FUTEX_WAIT_BITSET_PRIVATE, 5, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
	     -ETIMEDOUT);
	abs.tv_sec -= 1;
	show("WAIT_BITSET deadline in the past",
	     futex(&w, FUTEX_WAIT_BITSET_PRIVATE, 5, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
	     -ETIMEDOUT);
	show("WAIT_BITSET with bitset 0",
	     futex(&w, FUTEX_WAIT_BITSET_PRIVATE, 5, NULL, NULL, 0), -EINVAL);
	show("WAKE_BITSET with bitset 0",
	     futex(&w, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0), -EINVAL);
	show("WAIT with tv_nsec 1e9", futex(&w, FUTEX_WAIT_PRIVATE, 5, &bad, NULL, 0), -EINVAL);
	show("WAIT on a misaligned address",
	     futex((uint32_t *)((char *)&w + 1), FUTEX_WAIT_PRIVATE, 5, &rel, NULL, 0), -EINVAL);
	show("WAIT on an unmapped address",
	     futex((uint32_t *)16, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), -EFAULT);
	show("unknown futex op", futex(&w, 99, 0, NULL, NULL, 0), -ENOSYS);
	show("CMP_REQUEUE with a stale value",
	     futex(&w, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)(long)1, &word_b, 4), -EAGAIN);
}

static void *waiter(void *arg)
{
	long i = (long)arg;
	uint32_t *word = i == 0 ? &word_a : &word_c;
	uint32_t bits = i == 0 ? FUTEX_BITSET_MATCH_ANY : 1u << i;
	long r = futex(word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, bits);

	order_of[i] = r == 0 ? __atomic_add_fetch(&wake_order, 1, __ATOMIC_SEQ_CST) : -1;
	return (void *)r;
}

static void *plain_waiter(void *arg)
{
	return (void *)futex(&word_a, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
}

/* WAKE of 1 retried until it finds the one waiter; the waiter's WAIT then returns 0. */
static void wake_one_waiter(void)
{
	pthread_t t;
	void *ret;
	long n;

	pthread_create(&t, NULL, plain_waiter, NULL);
	while ((n = futex(&word_a, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0)) == 0)
		pause_briefly();
	pthread_join(t, &ret);
	printf("two threads: WAKE found %ld waiter, its WAIT returned %ld\n", n, (long)ret);
	failures += n != 1 || ret != NULL;
}

/* Three waiters on A are moved to B by CMP_REQUEUE (which wakes none of them) until all three
 * are counted; then WAKE(B, 2) must wake exactly two and WAKE(B, 10) the last one. */
static void requeue_and_count(void)
{
	pthread_t t[3];
	long moved = 0, n;
	int ok = 1;

	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, plain_waiter, NULL);
	while (moved < 3) {
		n = futex(&word_a, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)(long)INT_MAX, &word_b, 0);
		if (n < 0) {
			printf("CMP_REQUEUE: %s\n", errname(errno));
			failures++;
			return;
		}
		moved += n;
		if (moved < 3)
			pause_briefly();
	}
	printf("three waiters: requeued A->B=%ld\n", moved);
	failures += moved != 3;
	show("three waiters: WAKE A (now empty)",
	     futex(&word_a, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0), 0);
	show("three waiters: WAKE B count 2",
	     futex(&word_b, FUTEX_WAKE_PRIVATE, 2, NULL, NULL, 0), 2);
	show("three waiters: WAKE B count 10",
	     futex(&word_b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 1);
	for (int i = 0; i < 3; i++) {
		void *ret;
		pthread_join(t[i], &ret);
		ok &= ret == NULL;
	}
	printf("three waiters: every WAIT returned 0=%s\n", ok ? "yes" : "no");
	failures += !ok;
}

/* Waiters 1 and 2 wait on C with bitsets 0x2 and 0x4; a wake with 0x8 matches neither, one
 * with 0x4 wakes waiter 2 only, then 0x2 wakes waiter 1. */
static void bitset_choice(void)
{
	pthread_t t1, t2;
	long n, none;

	pthread_create(&t1, NULL, waiter, (void *)1L);
	pthread_create(&t2, NULL, waiter, (void *)2L);
	none = futex(&word_c, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, NULL, NULL, 0x8);
	while ((n = futex(&word_c, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, NULL, NULL, 0x4)) == 0)
		pause_briefly();
	pthread_join(t2, NULL);
	printf("bitsets: wake 0x8 woke=%ld, wake 0x4 woke=%ld, waiter 2 first=%s\n", none, n,
	       order_of[2] == 1 ? "yes" : "no");
	failures += none != 0 || n != 1 || order_of[2] != 1;
	while ((n = futex(&word_c, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, NULL, NULL, 0x2)) == 0)
		pause_briefly();
	pthread_join(t1, NULL);
	printf("bitsets: wake 0x2 woke=%ld, waiter 1 second=%s\n", n,
	       order_of[1] == 2 ? "yes" : "no");
	failures += n != 1 || order_of[1] != 2;
}

int main(void)
{
	single_thread_cases();
	wake_one_waiter();
	requeue_and_count();
	bitset_choice();
	return failures ? 1 : 0;
}

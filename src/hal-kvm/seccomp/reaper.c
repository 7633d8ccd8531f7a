/* reaper.c: frees the pidfds and slot blocks of killed stubs once they are gone. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "seccomp/reaper.h"

static bool reaper_is_gone(int pidfd, int timeout_ms)
{
	struct pollfd p = { .fd = pidfd, .events = POLLIN };
	int n;

	do
		n = poll(&p, 1, timeout_ms);
	while (n < 0 && errno == EINTR);
	return n > 0;
}

static void reaper_drop(struct reaper *r, struct slot_map *slots, unsigned int i)
{
	close(r->e[i].pidfd);
	if (slots)
		slots_free(slots, r->e[i].block);
	r->e[i] = r->e[--r->n];
}

void reaper_add(struct reaper *r, struct slot_map *slots, int pidfd, int block)
{
	syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
	/* Cannot happen (each entry holds its own block), but never drop one unseen. */
	if (r->n == SLOT_MAX && !reaper_wait_one(r, slots, 10000))
		reaper_drop(r, NULL, 0);
	r->e[r->n++] = (struct reaper_entry){ pidfd, block };
}

void reaper_collect(struct reaper *r, struct slot_map *slots)
{
	unsigned int i = 0;

	while (i < r->n) {
		if (reaper_is_gone(r->e[i].pidfd, 0))
			reaper_drop(r, slots, i);       /* moves the last entry to i */
		else
			i++;
	}
}

bool reaper_wait_one(struct reaper *r, struct slot_map *slots, int timeout_ms)
{
	unsigned int before = r->n;

	if (r->n == 0)
		return false;
	reaper_is_gone(r->e[0].pidfd, timeout_ms);
	reaper_collect(r, slots);
	return r->n < before;
}

static uint64_t reaper_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void reaper_wait_all(struct reaper *r, struct slot_map *slots, int timeout_ms)
{
	uint64_t end = reaper_now_ms() + (uint64_t)timeout_ms;

	while (r->n) {
		uint64_t now = reaper_now_ms();

		if (now >= end)
			break;
		reaper_wait_one(r, slots, (int)(end - now));
	}
	while (r->n)
		reaper_drop(r, NULL, 0);
}

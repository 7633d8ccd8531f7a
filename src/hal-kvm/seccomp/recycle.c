/* recycle.c: the pool of stubs kept for reuse, and the host's count of a stub's threads. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "seccomp/seccomp_engine.h"

/* Field 20 of /proc/PID/stat, counted after the ")" that ends the command name. */
#define STAT_THREADS_FIELD 20

int recycle_host_threads(int statfd)
{
	char buf[1024];
	const char *p, *end;
	ssize_t n;
	int field = 2;
	long v = 0;

	n = pread(statfd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	if (!p)
		return -1;
	end = buf + n;
	for (p++; p < end && field < STAT_THREADS_FIELD; p++)
		if (*p == ' ')
			field++;
	if (field != STAT_THREADS_FIELD || p >= end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9' && v < 1000000; p++)
		v = v * 10 + (*p - '0');
	return (int)v;
}

bool recycle_put(struct recycle_pool *p, const struct spare *st)
{
	if (p->n == RECYCLE_MAX)
		return false;
	p->q[p->n++] = *st;
	return true;
}

bool recycle_take(struct recycle_pool *p, struct spare *out)
{
	if (p->n == 0)
		return false;
	*out = p->q[--p->n];
	return true;
}

void recycle_drain(struct recycle_pool *p)
{
	struct spare st;

	while (recycle_take(p, &st)) {
		reaper_add(&seccomp_engine.reaper, &seccomp_engine.slots, st.pidfd, st.block);
		close(st.statfd);
	}
}

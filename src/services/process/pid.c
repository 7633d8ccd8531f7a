/* process/pid.c: the pid table: pid and tid allocation, and finding a process by pid.
 * One table per machine; it is the kernel's, like Linux's pid namespace of init, and is
 * empty again once every process has been reaped (tests boot the kernel repeatedly). */
#include <ostd/errno.h>
#include <process/process.h>
#include <strace/strace.h>

#define PID_HASH 256

struct pid_table {
	uint64_t used[PID_MAX / 64];         /* bit n: pid n is a live process or thread id */
	int last;                            /* allocation continues after this one */
	unsigned int in_use;
	struct process *hash[PID_HASH];      /* processes by pid (thread ids are not here) */
};

static struct pid_table pids;

int pid_alloc(void)
{
	int n, pid;

	for (n = 1; n < PID_MAX; n++) {
		pid = (pids.last + n) % PID_MAX;
		if (pid == 0)
			continue;
		if (!(pids.used[pid / 64] & (1ull << (pid % 64)))) {
			pids.used[pid / 64] |= 1ull << (pid % 64);
			pids.last = pid;
			pids.in_use++;
			/* strace names the thread on each line once there are several. */
			strace_set_process_count(pids.in_use);
			return pid;
		}
	}
	return -EAGAIN;
}

void pid_free(int pid)
{
	if (pid <= 0 || pid >= PID_MAX || !(pids.used[pid / 64] & (1ull << (pid % 64))))
		return;
	pids.used[pid / 64] &= ~(1ull << (pid % 64));
	pids.in_use--;
	strace_set_process_count(MAX(pids.in_use, 1u));
	/* After the last process is gone numbering starts again at 1, as on a fresh boot. */
	if (pids.in_use == 0)
		pids.last = 0;
}

void process_hash_add(struct process *p)
{
	struct process **head = &pids.hash[p->pid % PID_HASH];

	p->hash_next = *head;
	*head = p;
}

void process_hash_remove(struct process *p)
{
	struct process **pp;

	for (pp = &pids.hash[p->pid % PID_HASH]; *pp; pp = &(*pp)->hash_next) {
		if (*pp == p) {
			*pp = p->hash_next;
			return;
		}
	}
}

struct process *process_find(int pid)
{
	struct process *p;

	if (pid <= 0)
		return NULL;
	for (p = pids.hash[pid % PID_HASH]; p; p = p->hash_next)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct process *process_init(void)
{
	return process_find(1);
}

int process_count(void)
{
	struct process *p;
	int i, n = 0;

	for (i = 0; i < PID_HASH; i++)
		for (p = pids.hash[i]; p; p = p->hash_next)
			n++;
	return n;
}

/* Calls fn on every process until it returns non-zero; returns that value or 0. */
int process_for_each(int (*fn)(struct process *p, void *arg), void *arg)
{
	struct process *p, *next;
	int i, r;

	for (i = 0; i < PID_HASH; i++) {
		for (p = pids.hash[i]; p; p = next) {
			next = p->hash_next;
			r = fn(p, arg);
			if (r)
				return r;
		}
	}
	return 0;
}

/* fork_tree: a binary tree of processes three levels deep. Every node but the root exits with
 * its own number; each parent collects its children's reports through pipes and waits for them
 * in a fixed order, so the whole report comes out in one deterministic order. Then an orphan
 * checks it was re-parented once its parent died. Exit 0 when every fact held. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

#define DEPTH 3
#define REPORT_MAX 8192

struct report {
	char text[REPORT_MAX];
	size_t len;
};

static void report_add(struct report *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(r->text + r->len, sizeof(r->text) - r->len, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(r->text) - r->len)
		r->len += n;
}

/* Appends everything fd yields until EOF. */
static void report_slurp(struct report *r, int fd)
{
	ssize_t n;

	while (r->len < sizeof(r->text) &&
	       (n = read(fd, r->text + r->len, sizeof(r->text) - r->len)) != 0) {
		if (n < 0)
			return;
		r->len += n;
	}
}

/* True when the report shows no broken fact. */
static int report_is_clean(const struct report *r)
{
	static const char *const bad[] = { "reparented=no", "ppid-is-parent=no", "reaped=no",
					   "exited=no" };
	char copy[REPORT_MAX + 1];

	memcpy(copy, r->text, r->len);
	copy[r->len] = 0;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strstr(copy, bad[i]))
			return 0;
	return 1;
}

static void write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n <= 0)
			return;
		p += n;
		len -= n;
	}
}

static void describe_status(struct report *r, int id, int child, pid_t got, pid_t want, int st)
{
	if (got != want)
		st = 0;
	report_add(r, "node %d: child %d reaped=%s exited=%s code=%d signaled=%s\n", id, child,
		   got == want ? "yes" : "no", WIFEXITED(st) ? "yes" : "no",
		   WIFEXITED(st) ? WEXITSTATUS(st) : -1, WIFSIGNALED(st) ? "yes" : "no");
}

/* Runs node id (children 2id and 2id+1) and writes its subtree's report to out. */
static void node_run(int id, int depth, pid_t parent, int out)
{
	struct report r = { .len = 0 };
	pid_t me = getpid(), kids[2], got;
	struct rusage ru;
	int fds[2][2], st;

	report_add(&r, "node %d: depth=%d ppid-is-parent=%s\n", id, depth,
		   parent == 0 || getppid() == parent ? "yes" : "no");
	if (depth < DEPTH) {
		for (int c = 0; c < 2; c++) {
			if (pipe(fds[c]) < 0) {
				report_add(&r, "node %d: pipe failed\n", id);
				goto out_write;
			}
			kids[c] = fork();
			if (kids[c] == 0) {
				close(fds[c][0]);
				if (c == 1)
					close(fds[0][0]);
				close(out);
				node_run(2 * id + c, depth + 1, me, fds[c][1]);
				_exit(2 * id + c);
			}
			close(fds[c][1]);
			if (kids[c] < 0) {
				report_add(&r, "node %d: fork %s\n", id, errname(errno));
				goto out_write;
			}
		}
		for (int c = 0; c < 2; c++) {
			report_slurp(&r, fds[c][0]);
			close(fds[c][0]);
		}
		/* One child through waitpid, the other through wait4: both must report alike. */
		got = waitpid(kids[0], &st, 0);
		describe_status(&r, id, 2 * id, got, kids[0], st);
		got = wait4(kids[1], &st, 0, &ru);
		describe_status(&r, id, 2 * id + 1, got, kids[1], st);
	}
out_write:
	write_all(out, r.text, r.len);
}

/* A middle process forks a grandchild and exits; the grandchild waits until its parent is
 * gone and reports whether getppid() moved away from the dead parent. Which process adopts it
 * (init, a subreaper, Keel's first process) differs between machines, so only that is shown. */
static int orphan_check(void)
{
	struct report r = { .len = 0 };
	int rep[2], hold[2], st = 0;
	pid_t mid, got;

	if (pipe(rep) < 0 || pipe(hold) < 0)
		return 0;
	fflush(stdout);
	mid = fork();
	if (mid == 0) {
		pid_t self = getpid();
		close(rep[0]);
		close(hold[0]);
		if (fork() == 0) {
			char c;
			struct timespec tick = { 0, 1000 * 1000 };
			int waited = 0;

			close(hold[1]);
			/* EOF here means the parent closed its files, not yet that it is gone. */
			while (read(hold[0], &c, 1) > 0)
				;
			while (getppid() == self && waited++ < 10000)
				nanosleep(&tick, NULL);
			report_add(&r, "orphan: reparented=%s\n", getppid() != self ? "yes" : "no");
			write_all(rep[1], r.text, r.len);
			_exit(0);
		}
		_exit(7);
	}
	close(rep[1]);
	close(hold[0]);
	close(hold[1]);
	got = waitpid(mid, &st, 0);
	printf("orphan: middle reaped=%s code=%d\n", got == mid ? "yes" : "no",
	       got == mid && WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	report_slurp(&r, rep[0]);
	close(rep[0]);
	fwrite(r.text, 1, r.len, stdout);
	return got == mid && report_is_clean(&r) && r.len > 0;
}

int main(void)
{
	int fds[2], st, clean, no_child;
	pid_t p;

	if (pipe(fds) < 0)
		return 1;
	fflush(stdout);
	node_run(1, 0, 0, fds[1]);
	close(fds[1]);
	{
		struct report r = { .len = 0 };
		report_slurp(&r, fds[0]);
		fwrite(r.text, 1, r.len, stdout);
		clean = report_is_clean(&r);
	}
	close(fds[0]);
	p = waitpid(-1, &st, WNOHANG);
	no_child = p < 0 && errno == ECHILD;
	printf("after the tree: waitpid(-1) = %d %s\n", p < 0 ? -1 : (int)p,
	       p < 0 ? errname(errno) : "-");
	if (!orphan_check())
		clean = 0;
	return clean && no_child ? 0 : 1;
}

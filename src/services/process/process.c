/* process/process.c: creating init, the process of the current thread, exit, zombies and
 * reaping, and the identity syscalls. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <abi/siginfo.h>
#include <fs/file.h>
#include <mm/mm.h>
#include <fs/inode.h>
#include <process/process.h>
#include <signal/signal.h>
#include <time/posix_timer.h>

/* Linux's defaults for a process started by init, where they matter to programs. */
static void process_default_limits(struct rlimit *r)
{
	int k;

	for (k = 0; k < RLIM_NLIMITS; k++)
		r[k].rlim_cur = r[k].rlim_max = RLIM_INFINITY;
	r[RLIMIT_STACK].rlim_cur = MM_STACK_SIZE;
	r[RLIMIT_CORE].rlim_cur = 0;
	r[RLIMIT_NOFILE].rlim_cur = r[RLIMIT_NOFILE].rlim_max = FDTABLE_SIZE;
	r[RLIMIT_NPROC].rlim_cur = r[RLIMIT_NPROC].rlim_max = 63459;
	r[RLIMIT_MEMLOCK].rlim_cur = r[RLIMIT_MEMLOCK].rlim_max = 8ull << 20;
	r[RLIMIT_SIGPENDING].rlim_cur = r[RLIMIT_SIGPENDING].rlim_max = 63459;
	r[RLIMIT_MSGQUEUE].rlim_cur = r[RLIMIT_MSGQUEUE].rlim_max = 819200;
	r[RLIMIT_NICE].rlim_cur = r[RLIMIT_NICE].rlim_max = 0;
	r[RLIMIT_RTPRIO].rlim_cur = r[RLIMIT_RTPRIO].rlim_max = 0;
}

struct process *process_alloc(int pid)
{
	struct process *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->pid = pid;
	p->state = PROCESS_ALIVE;
	p->exit_signal = SIGCHLD;
	p->start_ns = clock_monotonic_ns();
	sigqueue_init(&p->shared_pending);
	waitqueue_init(&p->child_wait);
	waitqueue_init(&p->vfork_wait);
	return p;
}

/* Frees what process_alloc and the creator attached; the pid goes back to the table. */
void process_free(struct process *p)
{
	posix_timer_release(p);
	sigqueue_clear(&p->shared_pending);
	if (p->fdt)
		fdtable_release(p->fdt);
	if (p->mm)
		mm_put(p->mm);
	if (p->cwd)
		inode_put(p->cwd);
	if (p->root)
		inode_put(p->root);
	kfree(p->exe_path);
	pid_free(p->pid);
	kfree(p);
}

struct process *process_create_init(struct inode *root, const char *exe_path,
				    struct thread **main)
{
	struct process *p;
	struct thread *t;
	int pid = pid_alloc();

	if (pid < 0)
		return NULL;
	p = process_alloc(pid);
	if (!p) {
		pid_free(pid);
		return NULL;
	}
	p->pgid = p->sid = pid;
	p->root = p->cwd = root;
	inode_get(root);
	inode_get(root);
	p->umask = 022;
	cred_init_root(&p->cred);
	kstrlcpy(p->comm, "init", sizeof(p->comm));
	process_default_limits(p->rlimits);
	p->exe_path = kstrdup(exe_path);
	p->mm = mm_create();
	p->fdt = fdtable_create();
	t = thread_alloc(p, pid);
	if (!p->exe_path || !p->mm || !p->fdt || !t)
		goto out_free;
	thread_link(t);
	process_hash_add(p);
	*main = t;
	return p;

out_free:
	if (t)
		thread_free(t);
	process_free(p);
	return NULL;
}

void process_destroy_unstarted(struct process *p, struct thread *main)
{
	if (thread_current() == main)
		thread_attach_current(NULL);
	/* Its alarm timer (ITIMER_REAL) must not fire on a freed process. */
	signal_process_exit(p);
	thread_unlink(main);
	thread_free(main);
	process_hash_remove(p);
	process_free(p);
}

struct process *process_current(void)
{
	struct thread *t = thread_current();

	return t ? t->proc : NULL;
}

void process_add_child(struct process *parent, struct process *c)
{
	struct process **link = &parent->children;

	/* Oldest first, as Linux walks children in wait. */
	while (*link)
		link = &(*link)->sibling;
	c->sibling = NULL;
	*link = c;
	c->parent = parent;
}

void process_remove_child(struct process *parent, struct process *c)
{
	struct process **pp;

	for (pp = &parent->children; *pp; pp = &(*pp)->sibling) {
		if (*pp == c) {
			*pp = c->sibling;
			c->sibling = NULL;
			return;
		}
	}
}

void process_exit_group(struct process *p, int code)
{
	struct thread *t;

	if (p->group_exiting)
		return;
	p->group_exiting = true;
	p->exit_code = code;
	for (t = p->threads; t; t = t->next_in_process) {
		t->exiting = true;
		thread_kick(t);
	}
}

/* What the parent's SIGCHLD says about a dead child, as siginfo. */
static void process_child_info(const struct process *c, ksiginfo_t *info)
{
	int code = c->exit_code;

	memset(info, 0, sizeof(*info));
	info->si_signo = SIGCHLD;
	info->u.chld.pid = c->pid;
	info->u.chld.uid = c->cred.uid;
	if ((code & 0x7f) == 0) {
		info->si_code = CLD_EXITED;
		info->u.chld.status = (code >> 8) & 0xff;
	} else {
		info->si_code = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info->u.chld.status = code & 0x7f;
	}
}

/* Linux reaps at once a child whose parent ignores SIGCHLD or set SA_NOCLDWAIT. */
static bool process_parent_discards(const struct process *parent)
{
	const struct sigaction *sa = &parent->sigactions[SIGCHLD - 1];

	return sa->sa_handler == SIG_IGN || (sa->sa_flags & SA_NOCLDWAIT);
}

/* Tells c's parent that c died: its exit signal and a wake-up of its waiters. */
static void process_notify_parent(struct process *c)
{
	struct process *parent = c->parent;
	ksiginfo_t info;

	if (c->exit_signal) {
		process_child_info(c, &info);
		info.si_signo = c->exit_signal;
		signal_send_process(parent, c->exit_signal, &info);
	}
	waitqueue_wake_all(&parent->child_wait);
	if (c->exit_signal == SIGCHLD && process_parent_discards(parent))
		process_reap(c);
}

/* Orphans go to init; a zombie among them is announced to init at once. */
static void process_reparent_children(struct process *p)
{
	struct process *init = process_init(), *c, *next;

	for (c = p->children; c; c = next) {
		next = c->sibling;
		process_add_child(init, c);
		if (c->state == PROCESS_ZOMBIE)
			process_notify_parent(c);
	}
	p->children = NULL;
}

void process_finish(struct process *p)
{
	signal_process_exit(p);
	/* A zombie's timers must not fire: they go now, not when it is reaped. */
	posix_timer_release(p);
	fdtable_release(p->fdt);
	p->fdt = NULL;
	mm_put(p->mm);
	p->mm = NULL;
	p->vfork_done = true;
	waitqueue_wake_all(&p->vfork_wait);
	p->state = PROCESS_ZOMBIE;
	if (!p->parent)
		return;   /* init: the machine ends; see process_end_machine */
	process_reparent_children(p);
	process_notify_parent(p);
}

void process_cpu_times(const struct process *p, uint64_t *utime, uint64_t *stime)
{
	const struct thread *t;
	uint64_t u, s;

	*utime = p->utime_ns;
	*stime = p->stime_ns;
	for (t = p->threads; t; t = t->next_in_process) {
		thread_cpu_times(t, &u, &s);
		*utime += u;
		*stime += s;
	}
}

void process_reap(struct process *p)
{
	uint64_t u, s;

	/* A waited-for child's time, and its own children's, becomes its parent's. */
	if (p->parent) {
		process_cpu_times(p, &u, &s);
		p->parent->cutime_ns += u + p->cutime_ns;
		p->parent->cstime_ns += s + p->cstime_ns;
	}
	if (p->parent)
		process_remove_child(p->parent, p);
	process_hash_remove(p);
	process_free(p);
}

int process_wait_status_to_exit(int code)
{
	if ((code & 0x7f) == 0)
		return (code >> 8) & 0xff;
	return 128 + (code & 0x7f);
}

long sys_exit_group(int code)
{
	process_exit_group(process_current(), (code & 0xff) << 8);
	return 0;
}

long sys_exit(int code)
{
	thread_exit(thread_current(), (code & 0xff) << 8);
	return 0;
}

long sys_getpid(void)  { return process_current()->pid; }
long sys_gettid(void)  { return thread_current()->tid; }

long sys_getppid(void)
{
	struct process *p = process_current();

	return p->parent ? p->parent->pid : 0;
}

long sys_umask(unsigned int mask)
{
	struct process *p = process_current();
	unsigned int old = p->umask;

	p->umask = mask & 0777;
	return old;
}

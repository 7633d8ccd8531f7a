/* process/process.c: creating and finding the process, and its identity syscalls. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <ostd/vmspace.h>
#include <fs/file.h>
#include <process/process.h>

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

struct process *process_create(struct inode *root, const char *exe_path)
{
	struct process *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->pid = 1;
	p->ppid = 0;
	p->root = p->cwd = root;
	p->start_ns = clock_monotonic_ns();
	p->umask = 022;
	kstrlcpy(p->comm, "init", sizeof(p->comm));
	process_default_limits(p->rlimits);
	p->exe_path = kstrdup(exe_path);
	if (!p->exe_path)
		goto out_free_process;
	p->vs = vmspace_create();
	if (!p->vs)
		goto out_free_path;
	if (mm_init(&p->mm, p->vs))
		goto out_destroy_vmspace;
	p->fdt = fdtable_create();
	if (!p->fdt)
		goto out_release_mm;
	return p;

out_release_mm:
	mm_release(&p->mm);
out_destroy_vmspace:
	vmspace_destroy(p->vs);
out_free_path:
	kfree(p->exe_path);
out_free_process:
	kfree(p);
	return NULL;
}

void process_destroy(struct process *p)
{
	if (task_data(task_current()) == p) {
		task_set_data(task_current(), NULL);
		task_set_vmspace(task_current(), NULL);
	}
	user_context_release(&p->ctx);
	fdtable_destroy(p->fdt);
	mm_release(&p->mm);
	vmspace_destroy(p->vs);
	kfree(p->exe_path);
	kfree(p);
}

struct process *process_current(void)
{
	return task_data(task_current());
}

void process_attach_current(struct process *p)
{
	task_set_data(task_current(), p);
	task_set_vmspace(task_current(), p->vs);
}

void process_exit(struct process *p, int status)
{
	p->exiting = true;
	p->exit_status = status;
}

long sys_exit_group(int code)
{
	process_exit(process_current(), code & 0xff);
	return 0;
}

/* One thread per process in v0, so ending the thread ends the process. */
long sys_exit(int code)
{
	return sys_exit_group(code);
}

long sys_getpid(void)  { return process_current()->pid; }
long sys_gettid(void)  { return process_current()->pid; }
long sys_getppid(void) { return process_current()->ppid; }
long sys_getuid(void)  { return process_current()->uid; }
long sys_geteuid(void) { return process_current()->uid; }
long sys_getgid(void)  { return process_current()->gid; }
long sys_getegid(void) { return process_current()->gid; }

/* One process, its own group and session leader, with no supplementary groups. */
long sys_getpgrp(void)  { return process_current()->pid; }

long sys_getpgid(int pid)
{
	struct process *p = process_current();

	return (pid == 0 || pid == p->pid) ? p->pid : -ESRCH;
}

long sys_getsid(int pid)
{
	return sys_getpgid(pid);
}

long sys_getgroups(int size, unsigned int __user *list)
{
	return size < 0 ? -EINVAL : 0;
}

long sys_umask(unsigned int mask)
{
	struct process *p = process_current();
	unsigned int old = p->umask;

	p->umask = mask & 0777;
	return old;
}

/* No children exist until fork does. */
long sys_wait4(int pid, int __user *status, int options, void __user *rusage)
{
	return -ECHILD;
}

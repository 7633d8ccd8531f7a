/* fs/procfs/pid.c: /proc/PID: what a process is, runs, maps and has open. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/mman.h>
#include <abi/mount.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/inode.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/procfs_node.h>
#include <mm/mm.h>
#include <process/process.h>
#include <process/thread.h>
#include <time/clock.h>
#include <tty/tty.h>

#define ARGS_SHOWN_MAX (128u << 10)

/* Linux's one-letter state: running (the reader's own), sleeping, stopped, zombie. */
static char pid_state(const struct process *p, const struct process *reader)
{
	if (p->state == PROCESS_ZOMBIE)
		return 'Z';
	if (p->job & PROCESS_STOPPED)
		return 'T';
	return p == reader ? 'R' : 'S';
}

static const char *pid_state_name(char s)
{
	switch (s) {
	case 'R': return "R (running)";
	case 'T': return "T (stopped)";
	case 'Z': return "Z (zombie)";
	default:  return "S (sleeping)";
	}
}

static uint64_t pid_vm_pages(const struct process *p)
{
	const struct mm_area *a;
	uint64_t pages = 0;

	for (a = p->mm ? p->mm->areas : NULL; a; a = a->next)
		pages += (a->end - a->start) / PAGE_SIZE;
	return pages;
}

static void show_stat(struct text *t, struct process *p, struct process *reader)
{
	uint64_t start = clock_ticks_from_ns(p->start_ns);
	uint64_t vsize = pid_vm_pages(p) * PAGE_SIZE;
	/* The controlling terminal (ps's TTY column) and its foreground group. */
	struct tty *ctty = tty_find_session(p->sid);
	uint32_t tty_nr = ctty ? ctty->drv->rdev(ctty) : 0;
	int tpgid = ctty && ctty->pgrp ? ctty->pgrp : -1;
	uint64_t u, s;

	process_cpu_times(p, &u, &s);
	/* The 52 fields of proc(5); the fault counters Keel keeps none of read 0. */
	text_printf(t, "%d (%s) %c %d %d %d %u %d 4194304 0 0 0 0 %llu %llu %llu %llu %d %d %u 0 "
		    "%llu %llu "
		    "0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 %d 0 0 0 0 0 0 0 0 0 0 "
		    "0 0 0\n",
		    p->pid, p->comm, pid_state(p, reader), p->parent ? p->parent->pid : 0,
		    p->pgid, p->sid, tty_nr, tpgid, (unsigned long long)clock_ticks_from_ns(u),
		    (unsigned long long)clock_ticks_from_ns(s),
		    (unsigned long long)clock_ticks_from_ns(p->cutime_ns),
		    (unsigned long long)clock_ticks_from_ns(p->cstime_ns), 20 + p->nice, p->nice,
		    p->nthreads, (unsigned long long)start, (unsigned long long)vsize,
		    p->exit_signal);
}

static void show_statm(struct text *t, struct process *p, struct process *reader)
{
	text_printf(t, "%llu 0 0 0 0 0 0\n", (unsigned long long)pid_vm_pages(p));
}

static void show_sigset(struct text *t, const char *name, kernel_sigset_t set)
{
	text_printf(t, "%s:\t%016llx\n", name, (unsigned long long)set);
}

static void show_status(struct text *t, struct process *p, struct process *reader)
{
	const struct cred *c = &p->cred;
	kernel_sigset_t ign = 0, cgt = 0;
	unsigned int k;

	for (k = 0; k < KERNEL_NSIG; k++) {
		if (p->sigactions[k].sa_handler == SIG_IGN)
			ign |= 1ull << k;
		else if (p->sigactions[k].sa_handler != SIG_DFL)
			cgt |= 1ull << k;
	}
	text_printf(t, "Name:\t%s\nUmask:\t%04o\nState:\t%s\n", p->comm, p->umask,
		    pid_state_name(pid_state(p, reader)));
	text_printf(t, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", p->pid,
		    p->pid, p->parent ? p->parent->pid : 0);
	text_printf(t, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n", c->uid, c->euid,
		    c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid);
	text_printf(t, "FDSize:\t%d\nGroups:\t", FDTABLE_SIZE);
	for (k = 0; k < c->ngroups; k++)
		text_printf(t, "%u ", c->groups[k]);
	text_printf(t, "\nVmSize:\t%8llu kB\n",
		    (unsigned long long)(pid_vm_pages(p) * (PAGE_SIZE / 1024)));
	text_printf(t, "Threads:\t%u\n", p->nthreads);
	show_sigset(t, "SigPnd", p->threads ? p->threads->pending.set : 0);
	show_sigset(t, "ShdPnd", p->shared_pending.set);
	show_sigset(t, "SigBlk", p->threads ? p->threads->sigmask : 0);
	show_sigset(t, "SigIgn", ign);
	show_sigset(t, "SigCgt", cgt);
}

/* Copies [start, end) of p's memory, at most ARGS_SHOWN_MAX bytes; stops at a hole. */
static void show_user_range(struct text *t, struct process *p, uaddr_t start, uaddr_t end)
{
	char chunk[256];

	if (!p->mm || end <= start)
		return;
	end = MIN(end, start + ARGS_SHOWN_MAX);
	while (start < end) {
		size_t k = MIN(sizeof(chunk), (size_t)(end - start));

		if (vmspace_copy_from(p->mm->vs, chunk, start, k))
			return;
		text_put(t, chunk, k);
		start += k;
	}
}

static void show_cmdline(struct text *t, struct process *p, struct process *reader)
{
	show_user_range(t, p, p->mm ? p->mm->arg_start : 0, p->mm ? p->mm->arg_end : 0);
}

static void show_environ(struct text *t, struct process *p, struct process *reader)
{
	show_user_range(t, p, p->mm ? p->mm->env_start : 0, p->mm ? p->mm->env_end : 0);
}

static void show_comm(struct text *t, struct process *p, struct process *reader)
{
	text_printf(t, "%s\n", p->comm);
}

/* What the last column of a maps line names. */
static const char *maps_name(const struct process *p, const struct mm_area *a)
{
	if (a->flags & AREA_VDSO)
		return "[vdso]";
	if (a->flags & AREA_HEAP)
		return "[heap]";
	if (a->flags & AREA_STACK)
		return "[stack]";
	if ((a->flags & AREA_IMAGE) && p->exe_path)
		return p->exe_path;
	if (a->file && a->file->path)
		return a->file->path;
	return "";
}

/* A file mapping's offset, device and inode columns; zeros for anonymous memory. Linux
 * prints the device as major:minor of its new_encode_dev form. */
static void maps_file_ids(const struct mm_area *a, unsigned long long *off,
			  unsigned int *major, unsigned int *minor, unsigned long long *ino)
{
	const struct inode *i = a->file ? a->file->inode : NULL;

	*off = i ? a->off : 0;
	*major = i ? (i->dev >> 8) & 0xfff : 0;
	*minor = i ? (i->dev & 0xff) | ((i->dev >> 12) & 0xfff00) : 0;
	*ino = i ? i->ino : 0;
}

static void show_maps(struct text *t, struct process *p, struct process *reader)
{
	const struct mm_area *a;

	for (a = p->mm ? p->mm->areas : NULL; a; a = a->next) {
		const char *name = maps_name(p, a);
		unsigned long long off, ino;
		unsigned int major, minor;
		char line[128];
		int n;

		maps_file_ids(a, &off, &major, &minor, &ino);
		n = ksnprintf(line, sizeof(line), "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu",
			      (unsigned long long)a->start, (unsigned long long)a->end,
			      (a->prot & PROT_READ) ? 'r' : '-',
			      (a->prot & PROT_WRITE) ? 'w' : '-',
			      (a->prot & PROT_EXEC) ? 'x' : '-',
			      (a->flags & AREA_SHARED) ? 's' : 'p', off, major, minor, ino);

		text_put(t, line, (size_t)n);
		/* Linux pads the name to start at column 74. */
		if (*name) {
			while (n++ < 73)
				text_put(t, " ", 1);
			text_put(t, name, strlen(name));
		}
		text_put(t, "\n", 1);
	}
}

static void mount_opts(struct text *t, unsigned long flags)
{
	text_put(t, (flags & MS_RDONLY) ? "ro" : "rw", 2);
	if (flags & MS_NOSUID)
		text_printf(t, ",nosuid");
	if (flags & MS_NODEV)
		text_printf(t, ",nodev");
	if (flags & MS_NOEXEC)
		text_printf(t, ",noexec");
	text_printf(t, ",relatime");
}

/* Paths are as p sees them, from its root. */
struct mounts_show {
	struct text *t;
	struct process *p;
	char *path;
};

static int mounts_one(const struct mount *m, void *arg)
{
	struct mounts_show *s = arg;
	long n = 1;

	if (m->mountpoint)
		n = path_of_dir(s->p->root, m->mountpoint, s->path, PATH_MAX);
	else
		kstrlcpy(s->path, "/", PATH_MAX);
	if (n < 0)
		return 0;
	text_printf(s->t, "%s %s %s ", m->source, s->path, m->type->name);
	mount_opts(s->t, m->flags);
	text_printf(s->t, " 0 0\n");
	return 0;
}

static void show_mounts(struct text *t, struct process *p, struct process *reader)
{
	struct mounts_show s = { t, p, kmalloc(PATH_MAX) };

	if (!s.path) {
		t->oom = true;
		return;
	}
	mount_for_each(mounts_one, &s);
	kfree(s.path);
}

static long exe_link(struct process *p, struct process *reader, char *buf, size_t size)
{
	size_t n;

	if (!p->exe_path)
		return -ENOENT;
	n = strlen(p->exe_path);
	if (n > size)
		return -ERANGE;
	memcpy(buf, p->exe_path, n);
	return (long)n;
}

static long dir_link(struct process *reader, struct inode *dir, char *buf, size_t size)
{
	if (!dir || !reader)
		return -ENOENT;
	return path_of_dir(reader->root, dir, buf, size);
}

static long cwd_link(struct process *p, struct process *reader, char *buf, size_t size)
{
	return dir_link(reader, p->cwd, buf, size);
}

static long root_link(struct process *p, struct process *reader, char *buf, size_t size)
{
	return dir_link(reader, p->root, buf, size);
}

static const struct procfs_entry pid_entries[] = {
	{ "stat", S_IFREG | 0444, .show = show_stat },
	{ "statm", S_IFREG | 0444, .show = show_statm },
	{ "status", S_IFREG | 0444, .show = show_status },
	{ "cmdline", S_IFREG | 0444, .show = show_cmdline },
	{ "environ", S_IFREG | 0400, .show = show_environ },
	{ "comm", S_IFREG | 0644, .show = show_comm },
	{ "maps", S_IFREG | 0444, .show = show_maps },
	{ "mounts", S_IFREG | 0444, .show = show_mounts },
	{ "fd", S_IFDIR | 0500, .dir_ops = &procfs_fd_dir_ops },
	{ "exe", S_IFLNK | 0777, .link = exe_link },
	{ "cwd", S_IFLNK | 0777, .link = cwd_link },
	{ "root", S_IFLNK | 0777, .link = root_link },
};

const struct procfs_dir procfs_pid_dir = { pid_entries, ARRAY_SIZE(pid_entries) };

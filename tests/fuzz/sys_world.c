/* sys_world.c: a fresh world per input (ramfs with known files, init as the harness's
 * task, scratch and stack memory), the watchdog that ends inputs whose threads all
 * block, and the teardown that must leave the kernel as it found it. */
#include <stdio.h>

#include <ostd/task.h>
#include <ostd/time.h>
#include <abi/mman.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <boot/boot.h>
#include <fs/chardev.h>
#include <fs/mount.h>
#include <fs/ramfs.h>
#include <mm/mm.h>
#include <process/process.h>
#include <signal/signal.h>

#include "fuzz_leak.h"
#include "sys_user.h"
#include "sys_world.h"

/* Virtual time an input may take before the watchdog kills what is left of it. */
#define SYS_WATCHDOG_NS (600ull * NSEC_PER_SEC)
/* Rounds of the teardown loop before a process that will not die is reported. */
#define SYS_TEARDOWN_ROUNDS 100000

static struct timer *sys_watchdog;

static void sys_file(struct inode *dir, const char *name, uint32_t mode, const char *data)
{
	struct inode *f;
	size_t n = 0;

	if (ramfs_create(dir, name, __builtin_strlen(name), S_IFREG | mode, &f))
		return;
	while (data[n])
		n++;
	ramfs_set_data(f, data, n);
}

static void sys_symlink(struct inode *dir, const char *name, const char *target)
{
	ramfs_symlink(dir, name, __builtin_strlen(name), target, __builtin_strlen(target),
		      NULL);
}

/* The tree the path dictionary names. */
static struct inode *sys_world_root(void)
{
	struct inode *root = ramfs_create_root(), *tmp, *dir;

	if (!root)
		return NULL;
	if (boot_mkdir_p(root, "/tmp/d", 0755, &dir) == 0)
		sys_file(dir, "g", 0600, "g\n");
	if (boot_mkdir_p(root, "/tmp", 0755, &tmp) == 0) {
		tmp->mode = S_IFDIR | 01777;
		sys_file(tmp, "f", 0644, "hello, fuzz\n");
		sys_symlink(tmp, "l", "f");
		sys_symlink(tmp, "ld", "d");
		sys_symlink(tmp, "loop", "loop");
		sys_symlink(tmp, "dangling", "/nonexistent");
	}
	if (boot_mkdir_p(root, "/etc", 0755, &dir) == 0)
		sys_file(dir, "passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n");
	if (boot_mkdir_p(root, "/bin", 0755, &dir) == 0)
		sys_file(dir, "true", 0755, "#!/bin/true\n");
	if (boot_mkdir_p(root, "/dev", 0755, &dir) == 0)
		chardev_populate(dir);
	/* The mount table as boot makes it: inputs reach procfs, sysfs and their own
	 * mounts, and mount_teardown_all frees them all whatever chroot did to init. */
	if (mount_set_root(root)) {
		ramfs_destroy(root);
		return NULL;
	}
	if (boot_mkdir_p(root, "/proc", 0555, &dir) == 0)
		mount_fs("proc", "proc", dir, 0);
	if (boot_mkdir_p(root, "/sys", 0555, &dir) == 0)
		mount_fs("sysfs", "sysfs", dir, 0);
	return root;
}

static int sys_kill_one(struct process *p, void *unused)
{
	(void)unused;
	if (p->state != PROCESS_ZOMBIE)
		process_exit_group(p, SIGKILL);
	return 0;
}

/* Every thread is blocked for good or the input ran too long: kill everything, and look
 * again later in case something still runs. */
static void sys_watchdog_fire(void *unused)
{
	(void)unused;
	process_for_each(sys_kill_one, NULL);
	sys_watchdog = timer_add(clock_monotonic_ns() + SYS_WATCHDOG_NS, sys_watchdog_fire,
				 NULL);
}

static int sys_count_alive(struct process *p, void *init)
{
	return p != init && p->state != PROCESS_ZOMBIE;
}

static int sys_reap_one(struct process *p, void *init)
{
	if (p != init)
		process_reap(p);
	return 0;
}

/* Kills init's other threads and every other process, and frees them all. */
static int sys_world_teardown(struct process *init, struct thread *main)
{
	unsigned int round;

	for (round = 0; round < SYS_TEARDOWN_ROUNDS; round++) {
		process_for_each(sys_kill_one, NULL);
		if (init->nthreads <= 1 && !process_for_each(sys_count_alive, init))
			break;
		task_yield();
	}
	if (round == SYS_TEARDOWN_ROUNDS) {
		fprintf(stderr, "sys_world: a process did not die after SIGKILL\n");
		return -1;
	}
	process_for_each(sys_reap_one, init);
	/* What process_finish would do for init's signals (its ITIMER_REAL timer). */
	signal_process_exit(init);
	process_destroy_unstarted(init, main);
	mount_teardown_all();
	return 0;
}

static int sys_map(struct process *p, uint64_t at, uint64_t len)
{
	long r = mm_mmap(p->mm, at, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	return r < 0 ? (int)r : 0;
}

int sys_world_run(const struct sys_program *prog)
{
	struct fuzz_leak_mark before;
	struct inode *root;
	struct process *p;
	struct thread *t;
	int err;

	fuzz_leak_mark(&before);
	root = sys_world_root();
	if (!root)
		return -1;
	p = process_create_init(root, "/fuzz", &t);
	if (!p) {
		mount_teardown_all();
		return -1;
	}
	thread_attach_current(t);
	/* thread_kick wakes a sleeping thread through its task; an attached thread has none
	 * of its own until we say it is ours, and the watchdog could not wake it. */
	t->task = task_current();
	if (sys_map(p, SYS_SCRATCH_BASE, SYS_SCRATCH_SIZE) ||
	    sys_map(p, SYS_STACK_BASE, SYS_STACK_SIZE)) {
		fprintf(stderr, "sys_world: cannot map the scratch area\n");
		return -1;
	}
	sys_user_start(prog, &t->ctx);
	t->ctx.regs.rsp = SYS_STACK_BASE + SYS_STACK_SIZE - 256;
	sys_watchdog = timer_add(clock_monotonic_ns() + SYS_WATCHDOG_NS, sys_watchdog_fire,
				 NULL);
	thread_run(t);
	err = sys_world_teardown(p, t);
	if (sys_watchdog)
		timer_cancel(sys_watchdog);
	sys_watchdog = NULL;
	if (err || fuzz_leak_since(&before, "sys_world"))
		return -1;
	return 0;
}

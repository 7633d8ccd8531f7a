/* boot_end.c: the end of the machine when init ends: --stats, killing and reaping every
 * other process, freeing the root. Apart from boot.c so that unit tests, which bring their
 * own ostd_main, can run processes to their end. */
#include <ostd/boot.h>
#include <ostd/console.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <abi/signal.h>
#include <boot/boot.h>
#include <fs/mount.h>
#include <process/process.h>

struct boot_sweep {
	struct process *init;
	bool pending;      /* some process has not finished yet */
};

static int boot_kill_one(struct process *p, void *arg)
{
	struct boot_sweep *s = arg;

	if (p != s->init && p->state != PROCESS_ZOMBIE) {
		process_exit_group(p, SIGKILL);
		s->pending = true;
	}
	return 0;
}

static int boot_reap_one(struct process *p, void *arg)
{
	struct boot_sweep *s = arg;

	if (p != s->init)
		process_reap(p);
	return 0;
}

/* --stats: the counters while init's last state is still in memory, before teardown, so
 * leak and copy-on-write tests compare like with like. */
static void boot_print_stats(void)
{
	struct frame_stats fs;
	struct heap_stats hs;
	char line[256];
	int n;

	frame_stats_get(&fs);
	heap_stats_get(&hs);
	n = ksnprintf(line, sizeof(line),
		      "keel: stats: frames user=%llu pagetable=%llu kernel=%llu free=%llu "
		      "allocs=%llu frees=%llu\nkeel: stats: heap bytes=%llu objects=%llu\n",
		      (unsigned long long)fs.in_use[FRAME_USER],
		      (unsigned long long)fs.in_use[FRAME_PAGETABLE],
		      (unsigned long long)fs.in_use[FRAME_KERNEL], (unsigned long long)fs.free,
		      (unsigned long long)fs.allocs, (unsigned long long)fs.frees,
		      (unsigned long long)hs.live_bytes, (unsigned long long)hs.live_objects);
	console_write(CONSOLE_ERR, line, (size_t)MIN(n, (int)sizeof(line) - 1));
}

/* init is gone: like a container's init, its end is the machine's. Every other process is
 * killed and reaped, so leak checkers see a clean kernel, then the machine stops with
 * init's exit status. */
void boot_machine_end(struct process *init)
{
	int status = process_wait_status_to_exit(init->exit_code);
	struct boot_sweep s = { .init = init };

	if (ostd_boot_info()->stats)
		boot_print_stats();
	do {
		s.pending = false;
		process_for_each(boot_kill_one, &s);
		if (s.pending)
			task_yield();
	} while (s.pending);
	process_for_each(boot_reap_one, &s);
	process_reap(init);
	mount_teardown_all();
	ostd_shutdown(status);
}

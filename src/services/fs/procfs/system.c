/* fs/procfs/system.c: the files of /proc about the whole machine. */
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <fs/mount.h>
#include <fs/procfs_node.h>
#include <process/process.h>
#include <system/system.h>

#define KIB_PER_PAGE (PAGE_SIZE / 1024)

void procfs_show_meminfo(struct text *t, struct process *p, struct process *reader)
{
	struct frame_stats st;
	uint64_t total, free;

	frame_stats_get(&st);
	total = st.total * KIB_PER_PAGE;
	free = st.free * KIB_PER_PAGE;
	/* Keel has no page cache, buffers or swap: what is not free is in use. */
	text_printf(t, "MemTotal:       %8llu kB\n", (unsigned long long)total);
	text_printf(t, "MemFree:        %8llu kB\n", (unsigned long long)free);
	text_printf(t, "MemAvailable:   %8llu kB\n", (unsigned long long)free);
	text_printf(t, "Buffers:        %8llu kB\n", 0ull);
	text_printf(t, "Cached:         %8llu kB\n", 0ull);
	text_printf(t, "SwapCached:     %8llu kB\n", 0ull);
	text_printf(t, "Active:         %8llu kB\n", (unsigned long long)(total - free));
	text_printf(t, "Inactive:       %8llu kB\n", 0ull);
	text_printf(t, "SwapTotal:      %8llu kB\n", 0ull);
	text_printf(t, "SwapFree:       %8llu kB\n", 0ull);
	text_printf(t, "Shmem:          %8llu kB\n", 0ull);
	text_printf(t, "Slab:           %8llu kB\n", 0ull);
	text_printf(t, "SReclaimable:   %8llu kB\n", 0ull);
	text_printf(t, "PageTables:     %8llu kB\n",
		    (unsigned long long)(st.in_use[FRAME_PAGETABLE] * KIB_PER_PAGE));
}

void procfs_show_cpuinfo(struct text *t, struct process *p, struct process *reader)
{
	/* One CPU, as sched_getaffinity reports; its model is Keel's, not the host's. */
	text_printf(t, "processor\t: 0\n");
	text_printf(t, "vendor_id\t: KeelVirtual\n");
	text_printf(t, "cpu family\t: 6\n");
	text_printf(t, "model\t\t: 0\n");
	text_printf(t, "model name\t: Keel virtual CPU\n");
	text_printf(t, "physical id\t: 0\n");
	text_printf(t, "siblings\t: 1\n");
	text_printf(t, "core id\t\t: 0\n");
	text_printf(t, "cpu cores\t: 1\n");
	text_printf(t, "fpu\t\t: yes\n");
	text_printf(t, "flags\t\t: fpu tsc cx8 cmov mmx fxsr sse sse2 syscall lm\n");
	text_printf(t, "address sizes\t: 48 bits physical, 48 bits virtual\n\n");
}

/* Seconds with two decimals, as Linux prints uptimes. */
static void text_centiseconds(struct text *t, uint64_t ns)
{
	uint64_t cs = ns / 10000000ull;

	text_printf(t, "%llu.%02llu", (unsigned long long)(cs / 100),
		    (unsigned long long)(cs % 100));
}

void procfs_show_uptime(struct text *t, struct process *p, struct process *reader)
{
	uint64_t now = clock_monotonic_ns();

	text_centiseconds(t, now);
	text_put(t, " ", 1);
	/* Idle time: one CPU that Keel does not account; Linux prints it the same way. */
	text_centiseconds(t, 0);
	text_put(t, "\n", 1);
}

struct loadavg_count {
	unsigned int threads;
	int last_pid;
};

static int loadavg_visit(struct process *p, void *arg)
{
	struct loadavg_count *c = arg;

	c->threads += p->nthreads;
	if (p->pid > c->last_pid)
		c->last_pid = p->pid;
	return 0;
}

void procfs_show_loadavg(struct text *t, struct process *p, struct process *reader)
{
	struct loadavg_count c = { 0, 0 };

	process_for_each(loadavg_visit, &c);
	/* The reader itself is the one running thread. */
	text_printf(t, "0.00 0.00 0.00 1/%u %d\n", c.threads, c.last_pid);
}

static void filesystems_one(const struct fs_type *type, bool nodev, void *arg)
{
	text_printf(arg, "%s\t%s\n", nodev ? "nodev" : "", type->name);
}

void procfs_show_filesystems(struct text *t, struct process *p, struct process *reader)
{
	mount_for_each_type(filesystems_one, t);
}

void procfs_show_version(struct text *t, struct process *p, struct process *reader)
{
	text_printf(t, "%s version %s (keel) %s\n", UTS_SYSNAME, UTS_RELEASE, UTS_VERSION);
}

void procfs_show_stat(struct text *t, struct process *p, struct process *reader)
{
	struct loadavg_count c = { 0, 0 };

	process_for_each(loadavg_visit, &c);
	/* CPU times are not accounted (times(2) reads zero too). */
	text_printf(t, "cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n");
	text_printf(t, "intr 0\nctxt 0\nbtime %llu\nprocesses %d\nprocs_running 1\n"
		    "procs_blocked 0\n",
		    (unsigned long long)((clock_realtime_ns() - clock_monotonic_ns()) /
					 NSEC_PER_SEC), c.last_pid);
}

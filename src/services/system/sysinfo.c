/* system/sysinfo.c: sysinfo, times and getrusage. Keel does not account CPU time yet, so
 * times and getrusage report zero usage; only the clock and memory figures are real. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/resource.h>
#include <process/process.h>
#include <process/thread.h>
#include <system/system.h>
#include <time/clock.h>


#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

/* x86-64 Linux's struct sysinfo (112 bytes). */
struct linux_sysinfo {
	int64_t uptime;
	uint64_t loads[3];
	uint64_t totalram, freeram, sharedram, bufferram;
	uint64_t totalswap, freeswap;
	uint16_t procs;
	uint16_t pad;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	char reserved[4];
};
_Static_assert(sizeof(struct linux_sysinfo) == 112, "struct sysinfo is 112 bytes");

struct linux_tms {
	int64_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

_Static_assert(sizeof(struct rusage) == 144, "struct rusage is 144 bytes");

long sys_sysinfo(struct linux_sysinfo __user *info)
{
	struct linux_sysinfo si;
	struct frame_stats st;
	uint64_t now = clock_monotonic_ns();
	int procs = process_count();

	frame_stats_get(&st);
	memset(&si, 0, sizeof(si));
	/* Linux rounds a started second up. */
	si.uptime = (int64_t)((now + NSEC_PER_SEC - 1) / NSEC_PER_SEC);
	si.totalram = st.total * PAGE_SIZE;
	si.freeram = st.free * PAGE_SIZE;
	si.procs = (uint16_t)(procs > 0xffff ? 0xffff : procs);
	si.mem_unit = 1;
	if (copy_to_user(info, &si, sizeof(si)))
		return -EFAULT;
	return 0;
}

/* The return value is the time since boot in clock ticks, as Linux's (from its own,
 * different, origin); programs only use differences of it. */
long sys_times(struct linux_tms __user *buf)
{
	struct process *p = process_current();
	struct linux_tms t;
	uint64_t u, s;

	if (buf) {
		process_cpu_times(p, &u, &s);
		t.tms_utime = (int64_t)clock_ticks_from_ns(u);
		t.tms_stime = (int64_t)clock_ticks_from_ns(s);
		t.tms_cutime = (int64_t)clock_ticks_from_ns(p->cutime_ns);
		t.tms_cstime = (int64_t)clock_ticks_from_ns(p->cstime_ns);
		if (copy_to_user(buf, &t, sizeof(t)))
			return -EFAULT;
	}
	return (long)clock_ticks_from_ns(clock_monotonic_ns());
}

long sys_getrusage(int who, struct rusage __user *usage)
{
	struct process *p = process_current();
	struct rusage ru;
	uint64_t u, s;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	memset(&ru, 0, sizeof(ru));
	if (who == RUSAGE_SELF) {
		process_cpu_times(p, &u, &s);
	} else if (who == RUSAGE_THREAD) {
		thread_cpu_times(thread_current(), &u, &s);
	} else {
		u = p->cutime_ns;
		s = p->cstime_ns;
	}
	ru.ru_utime_sec = (int64_t)(u / NSEC_PER_SEC);
	ru.ru_utime_usec = (int64_t)(u % NSEC_PER_SEC / 1000);
	ru.ru_stime_sec = (int64_t)(s / NSEC_PER_SEC);
	ru.ru_stime_usec = (int64_t)(s % NSEC_PER_SEC / 1000);
	if (copy_to_user(usage, &ru, sizeof(ru)))
		return -EFAULT;
	return 0;
}

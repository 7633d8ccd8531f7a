/* test_sysinfo.c: sysinfo, times and getrusage, checked against the host's struct layouts
 * (system/sysinfo.c is a misc service; this suite belongs in tests/unit/services/system/). */
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <system/system.h>
#include "ostd_check.h"
#include "misc_world.h"

BOOTED_TEST(sysinfo_reports_uptime_memory_and_processes)
{
	struct world_proc *wp = world_init();
	uaddr_t out = world_user_alloc(wp, 1);
	struct frame_stats st;
	struct sysinfo si;

	hal_test_clock_advance(2500000000ull);
	ck_assert_int_eq(sys_sysinfo(uaddr_ptr(out)), 0);
	world_peek(wp, out, &si, sizeof(si));
	frame_stats_get(&st);
	ck_assert_int_eq(si.uptime, 3);   /* a started second counts */
	ck_assert_uint_eq(si.mem_unit, 1);
	ck_assert_uint_eq(si.totalram, st.total * PAGE_SIZE);
	ck_assert_uint_gt(si.freeram, 0);
	ck_assert_uint_le(si.freeram, si.totalram);
	ck_assert_uint_eq(si.procs, 1);
	ck_assert_uint_eq(si.totalswap, 0);
	ck_assert_int_eq(sys_sysinfo(uaddr_ptr(0x1000)), -EFAULT);
	return 0;
}

BOOTED_TEST(times_counts_clock_ticks_and_the_process_cpu_time_in_them)
{
	struct world_proc *wp = world_init();
	uaddr_t out = world_user_alloc(wp, 1);
	struct tms t = { 1, 1, 1, 1 };
	long before = sys_times(NULL);

	wp->proc.utime_ns = 2500000000ull;    /* 250 ticks */
	wp->proc.stime_ns = 30000000ull;      /* 3 */
	wp->proc.cutime_ns = 1000000000ull;   /* 100 */
	world_poke(wp, out, &t, sizeof(t));
	hal_test_clock_advance(1000000000ull);
	ck_assert_int_eq(sys_times(uaddr_ptr(out)) - before, 100);
	world_peek(wp, out, &t, sizeof(t));
	ck_assert(t.tms_utime == 250 && t.tms_stime == 3 && t.tms_cutime == 100 &&
		  t.tms_cstime == 0);
	ck_assert_int_eq(sys_times(uaddr_ptr(0x1000)), -EFAULT);
	return 0;
}

BOOTED_TEST(getrusage_accepts_self_children_and_thread_only)
{
	struct world_proc *wp = world_init();
	uaddr_t out = world_user_alloc(wp, 1);
	struct rusage ru;   /* Keel's abi/resource.h layout */
	enum { SELF = 0, CHILDREN = -1, THREAD = 1 };

	memset(&ru, 0xff, sizeof(ru));
	world_poke(wp, out, &ru, sizeof(ru));
	wp->proc.utime_ns = 1500000000ull;
	ck_assert_int_eq(sys_getrusage(SELF, uaddr_ptr(out)), 0);
	world_peek(wp, out, &ru, sizeof(ru));
	ck_assert_int_eq(ru.ru_utime_sec, 1);
	ck_assert_int_eq(ru.ru_utime_usec, 500000);
	ck_assert_int_eq(ru.ru_stime_sec, 0);
	ck_assert_int_eq(ru.ru_nivcsw, 0);
	ck_assert_int_eq(sys_getrusage(CHILDREN, uaddr_ptr(out)), 0);
	ck_assert_int_eq(sys_getrusage(THREAD, uaddr_ptr(out)), 0);
	ck_assert_int_eq(sys_getrusage(2, uaddr_ptr(out)), -EINVAL);
	ck_assert_int_eq(sys_getrusage(-2, uaddr_ptr(0x1000)), -EINVAL);
	ck_assert_int_eq(sys_getrusage(SELF, uaddr_ptr(0x1000)), -EFAULT);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("sysinfo");
	TCase *tc = tcase_create("sysinfo");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, sysinfo_reports_uptime_memory_and_processes);
	tcase_add_test(tc, times_counts_clock_ticks_and_the_process_cpu_time_in_them);
	tcase_add_test(tc, getrusage_accepts_self_children_and_thread_only);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

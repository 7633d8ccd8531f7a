/* run.c: OSTD's entry and exit: ostd_run boots the machine, ostd_shutdown stops it. */
#include <ostd/boot.h>
#include <ostd/log.h>

#include "boot_internal.h"
#include "frame_internal.h"
#include "hal.h"
#include "task_internal.h"

static int run_status;

static void run_first_task(void *unused)
{
	ostd_main();
}

/* Invariant: everything a boot set up (frame table, tasks, stacks, timers) is freed again
 * before ostd_run returns, so the machine can boot again in the same process. */
int ostd_run(void)
{
	int err;

	OSTD_ASSERT(!sched_is_running());
	err = frame_system_init();
	if (err)
		ostd_panic("cannot allocate the frame table (%d)", err);
	timer_system_init();
	console_system_init();
	run_status = 0;
	err = sched_start(run_first_task);
	if (err)
		ostd_panic("cannot start the scheduler (%d)", err);
	timer_system_fini();
	sched_fini();
	frame_system_fini();
	return run_status;
}

__noreturn void ostd_shutdown(int status)
{
	if (!sched_is_running())
		ostd_panic("ostd_shutdown(%d) outside a running machine", status);
	run_status = status;
	sched_stop();
}

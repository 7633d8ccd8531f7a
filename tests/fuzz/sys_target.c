/* sys_target.c: the syscall fuzz target: each input is a syscall program (sys_program.h)
 * run by a fresh init process in the one booted kernel. A kernel leak, a process that
 * SIGKILL cannot end, a panic or a sanitizer report aborts. */
#include <stdio.h>
#include <stdlib.h>

#include <syscall/syscall.h>

#include "fuzz_kernel.h"
#include "fuzz_target.h"
#include "sys_program.h"
#include "sys_user.h"
#include "sys_world.h"

const char fuzz_target_name[] = "syscall";

static int sys_target_job(void *prog)
{
	return sys_world_run(prog);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sys_program prog;

	sys_program_decode(data, size, &prog);
	if (fuzz_kernel_run(sys_target_job, &prog))
		abort();
	return 0;
}

void fuzz_target_summary(void)
{
	unsigned int i, n = sys_table_count(), in_table = 0;

	for (i = 0; i < n; i++)
		in_table += sys_user_was_answered(sys_table_nr(i));
	printf("syscall: %u distinct syscall numbers answered (not -ENOSYS); %u of the "
	       "table's %u\n", sys_user_answered_count(), in_table, n);
	if (getenv("FUZZ_LIST_UNANSWERED")) {
		for (i = 0; i < n; i++)
			if (!sys_user_was_answered(sys_table_nr(i)))
				printf("  not answered: %u %s\n", sys_table_nr(i),
				       syscall_name(sys_table_nr(i)));
	}
}

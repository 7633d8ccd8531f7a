/* test_run.c: the run loop: syscalls get their return values, page faults in areas are
 * paged in, other exceptions kill the process with Linux's signal and exit status. */
#include <ostd/errno.h>
#include <abi/signal.h>
#include "../services_test.h"

/* A scripted program: each call of user mode returns the next step. */
struct script {
	unsigned int step;
	uaddr_t area;
	unsigned int vector;
	uint64_t seen_rax;
	bool page_was_mapped;
};

static enum user_return exit_with(struct user_context *ctx, uint64_t code)
{
	ctx->regs.rax = 231;
	ctx->regs.rdi = code;
	return USER_RETURN_SYSCALL;
}

static enum user_return run_syscalls(struct user_context *ctx, struct vmspace *vs,
				     uint64_t deadline, void *arg)
{
	struct script *s = arg;

	switch (s->step++) {
	case 0:
		ctx->regs.rax = 39;   /* getpid */
		return USER_RETURN_SYSCALL;
	case 1:
		s->seen_rax = ctx->regs.rax;
		return USER_RETURN_INTERRUPTED;
	default:
		return exit_with(ctx, 0x107);
	}
}

BOOTED_TEST(syscalls_get_their_result_in_rax_and_exit_group_ends_the_run)
{
	struct process *p = svc_process_new();
	struct script s = { 0 };

	hal_test_set_execute(run_syscalls, &s);
	ck_assert_int_eq(svc_run(p), 7);
	ck_assert_uint_eq(s.seen_rax, 1);
	svc_process_free(p);
	return 0;
}

static enum user_return run_fault(struct user_context *ctx, struct vmspace *vs,
				  uint64_t deadline, void *arg)
{
	struct script *s = arg;
	struct vm_query q;

	switch (s->step++) {
	case 0:
		ctx->fault.vector = s->vector;
		ctx->fault.addr = s->area + 123;
		ctx->fault.error_code = PF_ERR_USER | PF_ERR_WRITE;
		return USER_RETURN_EXCEPTION;
	default:
		s->page_was_mapped = vmspace_query(vs, s->area, &q) == 0;
		return exit_with(ctx, 0);
	}
}

BOOTED_TEST(page_fault_in_an_area_is_paged_in_and_the_program_resumes)
{
	struct process *p = svc_process_new();
	struct script s = { .vector = TRAP_PF };

	s.area = svc_user_alloc(p, PAGE_SIZE);
	hal_test_set_execute(run_fault, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert(s.page_was_mapped);
	svc_process_free(p);
	return 0;
}

/* Runs a program whose first step is an exception; returns the exit status. */
static int status_after(unsigned int vector, uaddr_t addr)
{
	struct process *p = svc_process_new();
	struct script s = { .vector = vector, .area = addr };
	int status;

	hal_test_set_execute(run_fault, &s);
	status = svc_run(p);
	ck_assert_uint_eq(s.step, 1);
	svc_process_free(p);
	return status;
}

BOOTED_TEST(faults_kill_with_linux_signals_and_exit_statuses)
{
	ck_assert_int_eq(status_after(TRAP_PF, 0x300000000ull), 128 + SIGSEGV);
	ck_assert_int_eq(status_after(TRAP_GP, 0), 128 + SIGSEGV);
	ck_assert_int_eq(status_after(TRAP_UD, 0), 128 + SIGILL);
	ck_assert_int_eq(status_after(TRAP_DE, 0), 128 + SIGFPE);
	ck_assert_int_eq(status_after(TRAP_XM, 0), 128 + SIGFPE);
	ck_assert_int_eq(status_after(TRAP_BP, 0), 128 + SIGTRAP);
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "SIGSEGV"));
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "SIGILL"));
	return 0;
}

BOOTED_TEST(write_to_read_only_memory_is_sigsegv)
{
	struct process *p = svc_process_new();
	struct script s = { .vector = TRAP_PF };
	long a = mm_mmap(p->mm, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	s.area = (uaddr_t)a;
	hal_test_set_execute(run_fault, &s);
	ck_assert_int_eq(svc_run(p), 128 + SIGSEGV);
	svc_process_free(p);
	return 0;
}

static enum user_return run_lost(struct user_context *ctx, struct vmspace *vs,
				 uint64_t deadline, void *arg)
{
	return USER_RETURN_LOST;
}

BOOTED_TEST(lost_execution_environment_is_sigkill)
{
	struct process *p = svc_process_new();

	hal_test_set_execute(run_lost, NULL);
	ck_assert_int_eq(svc_run(p), 128 + SIGKILL);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, syscalls_get_their_result_in_rax_and_exit_group_ends_the_run);
	tcase_add_test(tc, page_fault_in_an_area_is_paged_in_and_the_program_resumes);
	tcase_add_test(tc, faults_kill_with_linux_signals_and_exit_statuses);
	tcase_add_test(tc, write_to_read_only_memory_is_sigsegv);
	tcase_add_test(tc, lost_execution_environment_is_sigkill);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

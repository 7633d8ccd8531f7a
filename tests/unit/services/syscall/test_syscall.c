/* test_syscall.c: the dispatcher: unknown numbers, and handlers reached through the table
 * that must turn bad user pointers and arguments into errors. */
#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/prctl.h>
#include <abi/signal.h>
#include <abi/utsname.h>
#include "../services_test.h"

enum { NR_READ = 0, NR_WRITE = 1, NR_OPEN = 2, NR_FSTAT = 5, NR_RT_SIGACTION = 13,
       NR_RT_SIGPROCMASK = 14, NR_IOCTL = 16, NR_WRITEV = 20, NR_GETPID = 39, NR_UNAME = 63,
       NR_GETCWD = 79, NR_ARCH_PRCTL = 158, NR_CLOCK_GETTIME = 228, NR_EXIT_GROUP = 231,
       NR_GETRANDOM = 318, NR_RSEQ = 334, NR_NANOSLEEP = 35, NR_WAIT4 = 61,
       NR_GETGROUPS = 115, NR_PRCTL = 157, NR_CLOCK_NANOSLEEP = 230 };

static unsigned int log_count(const char *needle)
{
	const char *log = hal_test_log(NULL), *at = log;
	unsigned int n = 0;

	while ((at = strstr(at, needle)) != NULL) {
		n++;
		at += strlen(needle);
	}
	return n;
}

BOOTED_TEST(unknown_syscall_is_enosys_and_logged_once)
{
	struct process *p = svc_process_new();

	ck_assert_int_eq(SVC0(500), -ENOSYS);
	ck_assert_int_eq(SVC0(500), -ENOSYS);
	ck_assert_int_eq(SVC0(1ull << 40), -ENOSYS);
	ck_assert_int_eq(SVC0(1ull << 40), -ENOSYS);
	ck_assert_uint_eq(log_count("syscall 500 "), 1);
	ck_assert_uint_eq(log_count("syscall 1099511627776 "), 1);
	ck_assert_uint_eq(syscall_unknown_times_logged(500), 1);
	ck_assert_uint_eq(syscall_unknown_times_logged(501), 0);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(write_reaches_stdout_and_stderr_apart)
{
	struct process *p = svc_process_new();
	uaddr_t out = svc_user_string(p, "out"), err = svc_user_string(p, "err");

	ck_assert_int_eq(SVC3(NR_WRITE, 1, out, 3), 3);
	ck_assert_int_eq(SVC3(NR_WRITE, 2, err, 3), 3);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_OUT, NULL), "out");
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL), "err");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(bad_user_pointers_give_efault)
{
	struct process *p = svc_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);

	ck_assert_int_eq(SVC3(NR_WRITE, 1, SVC_BAD_PTR, 4), -EFAULT);
	ck_assert_int_eq(SVC2(NR_FSTAT, 1, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC1(NR_UNAME, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC1(NR_UNAME, 0), -EFAULT);
	ck_assert_int_eq(SVC2(NR_CLOCK_GETTIME, 0, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC3(NR_OPEN, SVC_BAD_PTR, O_RDONLY, 0), -EFAULT);
	ck_assert_int_eq(SVC2(NR_GETCWD, SVC_BAD_PTR, 100), -EFAULT);
	ck_assert_int_eq(SVC3(NR_GETRANDOM, SVC_BAD_PTR, 16, 0), -EFAULT);
	ck_assert_int_eq(SVC3(NR_WRITEV, 1, SVC_BAD_PTR, 1), -EFAULT);
	ck_assert_int_eq(SVC2(NR_ARCH_PRCTL, ARCH_GET_FS, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGUSR1, SVC_BAD_PTR, 0, 8), -EFAULT);
	/* A buffer running off the end of the mapping is as bad as one outside it. */
	ck_assert_int_eq(SVC3(NR_WRITE, 1, buf + PAGE_SIZE - 2, 4), -EFAULT);
	ck_assert_int_eq(SVC3(NR_READ, 7, buf, 4), -EBADF);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(uname_reports_keel_as_linux)
{
	struct process *p = svc_process_new();
	uaddr_t buf = svc_user_alloc(p, sizeof(struct utsname));
	struct utsname u;

	ck_assert_int_eq(SVC1(NR_UNAME, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &u, buf, sizeof(u)), 0);
	ck_assert_str_eq(u.sysname, "Linux");
	ck_assert_str_eq(u.nodename, "keel");
	ck_assert_str_eq(u.release, "6.1.0-keel");
	ck_assert_str_eq(u.machine, "x86_64");
	ck_assert_str_eq(u.domainname, "(none)");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(bad_arguments_give_linux_errors)
{
	struct process *p = svc_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);

	ck_assert_int_eq(SVC2(NR_CLOCK_GETTIME, 99, buf), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGKILL, buf, 0, 8), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGSTOP, buf, 0, 8), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGUSR1, buf, 0, 4), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, 65, buf, 0, 8), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RT_SIGPROCMASK, 7, buf, 0, 8), -EINVAL);
	ck_assert_int_eq(SVC2(NR_ARCH_PRCTL, ARCH_SET_GS, 0), -EINVAL);
	ck_assert_int_eq(SVC2(NR_ARCH_PRCTL, 0x9999, 0), -EINVAL);
	ck_assert_int_eq(SVC3(NR_GETRANDOM, buf, 16, 0x80), -EINVAL);
	ck_assert_int_eq(SVC4(NR_RSEQ, buf, 32, 0, 0), -ENOSYS);
	ck_assert_int_eq(SVC3(NR_IOCTL, 99, 0x5401, buf), -EBADF);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(sigaction_is_recorded_and_read_back)
{
	struct process *p = svc_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct sigaction act = { .sa_handler = 0x401000, .sa_flags = SA_RESTORER | SA_SIGINFO,
				 .sa_restorer = 0x402000, .sa_mask = ~0ull }, old;

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, buf, &act, sizeof(act)), 0);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGUSR1, buf, 0, 8), 0);
	ck_assert_int_eq(SVC4(NR_RT_SIGACTION, SIGUSR1, 0, buf + 64, 8), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &old, buf + 64, sizeof(old)), 0);
	ck_assert_uint_eq(old.sa_handler, 0x401000);
	ck_assert_uint_eq(old.sa_restorer, 0x402000);
	/* SIGKILL and SIGSTOP cannot be masked. */
	ck_assert_uint_eq(old.sa_mask, ~0ull & ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1))));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(getpid_is_one_and_exit_group_records_the_status)
{
	struct process *p = svc_process_new();

	ck_assert_int_eq(SVC0(NR_GETPID), 1);
	ck_assert_int_eq(SVC1(NR_EXIT_GROUP, 0x1234), 0);
	ck_assert(p->group_exiting && thread_current()->exiting);
	ck_assert_int_eq(process_wait_status_to_exit(p->exit_code), 0x34);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(console_ioctl_answers_enotty_when_not_a_terminal)
{
	struct process *p = svc_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);

	hal_test_console_set_tty(false, 0, 0);
	ck_assert_int_eq(SVC3(NR_IOCTL, 1, 0x5401, buf), -ENOTTY);
	hal_test_console_set_tty(true, 24, 80);
	ck_assert_int_eq(SVC3(NR_IOCTL, 1, 0x5401, buf), 0);
	ck_assert_int_eq(SVC3(NR_IOCTL, 1, 0x5413, buf), 0);
	ck_assert_int_eq(SVC3(NR_IOCTL, 1, 0x5413, SVC_BAD_PTR), -EFAULT);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(nanosleep_waits_on_the_clock_and_checks_its_argument)
{
	struct process *p = svc_process_new();
	uaddr_t req = svc_user_alloc(p, PAGE_SIZE);
	int64_t ts[2] = { 2, 500 };
	uint64_t before = hal_test_clock_now();

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, req, ts, sizeof(ts)), 0);
	ck_assert_int_eq(SVC2(NR_NANOSLEEP, req, 0), 0);
	ck_assert_uint_ge(hal_test_clock_now() - before, 2000000500ull);
	ck_assert_int_eq(SVC4(NR_CLOCK_NANOSLEEP, 1, 0, req, 0), 0);
	ck_assert_int_eq(SVC4(NR_CLOCK_NANOSLEEP, 1, 2, req, 0), -EINVAL);
	ck_assert_int_eq(SVC4(NR_CLOCK_NANOSLEEP, 3, 0, req, 0), -EINVAL);
	ck_assert_int_eq(SVC2(NR_NANOSLEEP, SVC_BAD_PTR, 0), -EFAULT);
	ts[1] = 1000000000;
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, req, ts, sizeof(ts)), 0);
	ck_assert_int_eq(SVC2(NR_NANOSLEEP, req, 0), -EINVAL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(prctl_names_the_thread_and_small_identity_calls_answer)
{
	struct process *p = svc_process_new();
	uaddr_t name = svc_user_string(p, "a-very-long-thread-name"), buf = svc_user_alloc(p, 64);
	char got[16];

	ck_assert_int_eq(SVC2(NR_PRCTL, 15, name), 0);
	ck_assert_int_eq(SVC2(NR_PRCTL, 16, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, sizeof(got)), 0);
	ck_assert_str_eq(got, "a-very-long-thr");
	ck_assert_int_eq(SVC2(NR_PRCTL, 15, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC2(NR_PRCTL, 9999, 0), -EINVAL);
	ck_assert_int_eq(SVC2(NR_GETGROUPS, 0, 0), 0);
	ck_assert_int_eq(SVC2(NR_GETGROUPS, -1, 0), -EINVAL);
	ck_assert_int_eq(SVC4(NR_WAIT4, -1, 0, 0, 0), -ECHILD);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("syscall");
	TCase *tc = tcase_create("dispatch");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, unknown_syscall_is_enosys_and_logged_once);
	tcase_add_test(tc, write_reaches_stdout_and_stderr_apart);
	tcase_add_test(tc, bad_user_pointers_give_efault);
	tcase_add_test(tc, uname_reports_keel_as_linux);
	tcase_add_test(tc, bad_arguments_give_linux_errors);
	tcase_add_test(tc, sigaction_is_recorded_and_read_back);
	tcase_add_test(tc, getpid_is_one_and_exit_group_records_the_status);
	tcase_add_test(tc, console_ioctl_answers_enotty_when_not_a_terminal);
	tcase_add_test(tc, nanosleep_waits_on_the_clock_and_checks_its_argument);
	tcase_add_test(tc, prctl_names_the_thread_and_small_identity_calls_answer);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

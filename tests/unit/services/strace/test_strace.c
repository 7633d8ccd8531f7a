/* test_strace.c: whole trace lines of syscalls run through the dispatcher, on the test
 * HAL's trace sink and never on the program's console. */
#include <stdio.h>

#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <strace/strace.h>
#include "../services_test.h"

enum { NR_READ = 0, NR_WRITE = 1, NR_BRK = 12, NR_EXIT_GROUP = 231, NR_OPENAT = 257,
       NR_MMAP = 9, NR_GETCWD = 79 };

/* Runs one syscall through syscall_dispatch as user mode would hand it over. */
static long traced(struct process *p, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct user_context ctx = thread_current()->ctx;

	ctx.regs.rax = nr;
	ctx.regs.rdi = a0;
	ctx.regs.rsi = a1;
	ctx.regs.rdx = a2;
	ctx.regs.r10 = a3;
	ctx.regs.r8 = a4;
	ctx.regs.r9 = a5;
	return syscall_dispatch(&ctx);
}

static struct process *traced_process_new(void)
{
	struct boot_info bi = { .strace = true };

	strace_setup(&bi);
	strace_set_process_count(1);
	hal_test_trace_clear();
	return svc_process_new();
}

static void traced_process_free(struct process *p)
{
	strace_setup(NULL);
	svc_process_free(p);
}

BOOTED_TEST(write_prints_its_buffer_and_the_program_output_stays_apart)
{
	struct process *p = traced_process_new();
	uaddr_t s = svc_user_string(p, "hello, keel\n");

	ck_assert_int_eq(traced(p, NR_WRITE, 1, s, 12, 0, 0, 0), 12);
	ck_assert_str_eq(hal_test_trace(NULL), "write(1, \"hello, keel\\n\", 12) = 12\n");
	ck_assert_str_eq(hal_test_console_output(CONSOLE_OUT, NULL), "hello, keel\n");
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL), "");
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(failed_openat_prints_flags_and_the_errno_line)
{
	struct process *p = traced_process_new();
	uaddr_t path = svc_user_string(p, "/no/such");

	ck_assert_int_eq(traced(p, NR_OPENAT, (uint64_t)(int64_t)AT_FDCWD, path, O_RDONLY, 0, 0,
				0), -ENOENT);
	ck_assert_str_eq(hal_test_trace(NULL),
			 "openat(AT_FDCWD, \"/no/such\", O_RDONLY) = -1 ENOENT "
			 "(No such file or directory)\n");
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(read_buffer_is_printed_after_the_call_with_only_the_bytes_read)
{
	struct process *p = traced_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	char want[128];

	hal_test_console_feed("hi\n", 3);
	ck_assert_int_eq(traced(p, NR_READ, 0, buf, 100, 0, 0, 0), 3);
	ck_assert_str_eq(hal_test_trace(NULL), "read(0, \"hi\\n\", 100) = 3\n");
	hal_test_trace_clear();
	ck_assert_int_eq(traced(p, NR_READ, 9, buf, 100, 0, 0, 0), -EBADF);
	snprintf(want, sizeof(want), "read(9, %#llx, 100) = -1 EBADF (Bad file descriptor)\n",
		 (unsigned long long)buf);
	ck_assert_str_eq(hal_test_trace(NULL), want);
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(brk_and_mmap_results_print_in_hex)
{
	struct process *p = traced_process_new();
	char want[160];
	long brk, map;

	brk = traced(p, NR_BRK, 0, 0, 0, 0, 0, 0);
	snprintf(want, sizeof(want), "brk(NULL) = %#lx\n", brk);
	ck_assert_str_eq(hal_test_trace(NULL), want);
	hal_test_trace_clear();
	map = traced(p, NR_MMAP, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		     (uint64_t)-1, 0);
	ck_assert_int_gt(map, 0);
	snprintf(want, sizeof(want), "mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
		 "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %#lx\n", map);
	ck_assert_str_eq(hal_test_trace(NULL), want);
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(exit_group_prints_a_question_mark_result)
{
	struct process *p = traced_process_new();

	traced(p, NR_EXIT_GROUP, 0, 0, 0, 0, 0, 0);
	ck_assert_str_eq(hal_test_trace(NULL), "exit_group(0) = ?\n");
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(unknown_syscall_prints_its_number_and_raw_arguments)
{
	struct process *p = traced_process_new();

	ck_assert_int_eq(traced(p, 500, 1, 0x20, 0, 0, 0, 0), -ENOSYS);
	ck_assert_str_eq(hal_test_trace(NULL),
			 "syscall_500(0x1, 0x20, 0, 0, 0, 0) = -1 ENOSYS "
			 "(Function not implemented)\n");
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(bad_pointers_print_as_addresses_and_the_call_still_fails_cleanly)
{
	struct process *p = traced_process_new();

	ck_assert_int_eq(traced(p, NR_WRITE, 1, SVC_BAD_PTR, 4, 0, 0, 0), -EFAULT);
	ck_assert_int_eq(traced(p, NR_OPENAT, (uint64_t)(int64_t)AT_FDCWD, SVC_BAD_PTR,
				O_RDONLY, 0, 0, 0), -EFAULT);
	ck_assert_int_eq(traced(p, NR_GETCWD, SVC_BAD_PTR, 100, 0, 0, 0, 0), -EFAULT);
	ck_assert_str_eq(hal_test_trace(NULL),
			 "write(1, 0x1000, 4) = -1 EFAULT (Bad address)\n"
			 "openat(AT_FDCWD, 0x1000, O_RDONLY) = -1 EFAULT (Bad address)\n"
			 "getcwd(0x1000, 100) = -1 EFAULT (Bad address)\n");
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(lines_get_a_pid_prefix_only_with_several_processes)
{
	struct process *p = traced_process_new();
	char want[64];

	strace_set_process_count(2);
	traced(p, NR_EXIT_GROUP, 3, 0, 0, 0, 0, 0);
	snprintf(want, sizeof(want), "[pid %d] exit_group(3) = ?\n", p->pid);
	ck_assert_str_eq(hal_test_trace(NULL), want);
	strace_set_process_count(1);
	traced_process_free(p);
	return 0;
}

BOOTED_TEST(nothing_is_traced_when_strace_is_off)
{
	struct process *p = svc_process_new();
	uaddr_t s = svc_user_string(p, "x");

	strace_setup(NULL);
	ck_assert_int_eq(traced(p, NR_WRITE, 1, s, 1, 0, 0, 0), 1);
	ck_assert_str_eq(hal_test_trace(NULL), "");
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("strace");
	TCase *tc = tcase_create("lines");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, write_prints_its_buffer_and_the_program_output_stays_apart);
	tcase_add_test(tc, failed_openat_prints_flags_and_the_errno_line);
	tcase_add_test(tc, read_buffer_is_printed_after_the_call_with_only_the_bytes_read);
	tcase_add_test(tc, brk_and_mmap_results_print_in_hex);
	tcase_add_test(tc, exit_group_prints_a_question_mark_result);
	tcase_add_test(tc, unknown_syscall_prints_its_number_and_raw_arguments);
	tcase_add_test(tc, bad_pointers_print_as_addresses_and_the_call_still_fails_cleanly);
	tcase_add_test(tc, lines_get_a_pid_prefix_only_with_several_processes);
	tcase_add_test(tc, nothing_is_traced_when_strace_is_off);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

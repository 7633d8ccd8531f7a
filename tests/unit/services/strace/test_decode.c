/* test_decode.c: flags, enumerations, modes, results and errno lines as strace prints them;
 * the errno table against the host C library's names and messages. */
#define _GNU_SOURCE
#include <string.h>

#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <abi/prctl.h>
#include <abi/termios.h>
#include <time.h>            /* CLOCK_*: glibc's equal Linux's (test_abi checks ours) */
#include <strace/decode.h>
#include "../services_test.h"

static struct strace_line line;

static const char *text(void)
{
	line.buf[line.len] = '\0';
	return line.buf;
}

static const char *printed(void (*print)(struct strace_line *, uint64_t), uint64_t v)
{
	strace_line_init(&line);
	print(&line, v);
	return text();
}

static const char *arg(enum strace_kind k, uint64_t v)
{
	const uint64_t args[6] = { v };

	strace_line_init(&line);
	strace_print_arg(&line, k, 0, args, 0);
	return text();
}

static const char *result(enum strace_kind k, long ret)
{
	strace_line_init(&line);
	strace_print_result(&line, k, ret);
	return text();
}

START_TEST(open_flags_print_the_access_mode_then_each_flag)
{
	ck_assert_str_eq(printed(strace_print_open_flags, O_RDONLY), "O_RDONLY");
	ck_assert_str_eq(printed(strace_print_open_flags, O_RDONLY | O_CLOEXEC),
			 "O_RDONLY|O_CLOEXEC");
	ck_assert_str_eq(printed(strace_print_open_flags,
				 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC),
			 "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC");
	/* O_SYNC contains O_DSYNC's bit: only the wider name shows. */
	ck_assert_str_eq(printed(strace_print_open_flags, O_RDWR | O_SYNC), "O_RDWR|O_SYNC");
	ck_assert_str_eq(printed(strace_print_open_flags, O_RDONLY | 0x80000000u),
			 "O_RDONLY|0x80000000");
}
END_TEST

START_TEST(mmap_prot_and_flags_print_by_name_with_leftover_bits_in_hex)
{
	ck_assert_str_eq(printed(strace_print_prot, PROT_NONE), "PROT_NONE");
	ck_assert_str_eq(printed(strace_print_prot, PROT_READ | PROT_WRITE),
			 "PROT_READ|PROT_WRITE");
	ck_assert_str_eq(printed(strace_print_prot, PROT_READ | 0x10), "PROT_READ|0x10");
	ck_assert_str_eq(printed(strace_print_map_flags, MAP_PRIVATE | MAP_ANONYMOUS),
			 "MAP_PRIVATE|MAP_ANONYMOUS");
	ck_assert_str_eq(printed(strace_print_map_flags, MAP_SHARED | MAP_FIXED),
			 "MAP_SHARED|MAP_FIXED");
}
END_TEST

START_TEST(clone_flags_end_with_the_exit_signal_and_wait_options_by_name)
{
	ck_assert_str_eq(printed(strace_print_clone_flags, 0x1200011),
			 "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
	ck_assert_str_eq(printed(strace_print_clone_flags, 0x4111),
			 "CLONE_VM|CLONE_VFORK|SIGCHLD");
	ck_assert_str_eq(printed(strace_print_clone_flags, 0x3d0f00),
			 "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
			 "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID");
	ck_assert_str_eq(printed(strace_print_wait_options, 0), "0");
	ck_assert_str_eq(printed(strace_print_wait_options, 3), "WNOHANG|WUNTRACED");
}
END_TEST

START_TEST(clock_ids_arch_prctl_codes_and_ioctls_print_by_name)
{
	ck_assert_str_eq(printed(strace_print_clock, CLOCK_MONOTONIC), "CLOCK_MONOTONIC");
	ck_assert_str_eq(printed(strace_print_clock, CLOCK_REALTIME), "CLOCK_REALTIME");
	ck_assert_str_eq(printed(strace_print_clock, 99), "99");
	ck_assert_str_eq(printed(strace_print_arch_prctl, ARCH_SET_FS), "ARCH_SET_FS");
	ck_assert_str_eq(printed(strace_print_arch_prctl, 0x9999), "0x9999");
	ck_assert_str_eq(printed(strace_print_ioctl, TCGETS), "TCGETS");
	ck_assert_str_eq(printed(strace_print_ioctl, TIOCGWINSZ), "TIOCGWINSZ");
	ck_assert_str_eq(printed(strace_print_ioctl, 0x1234), "0x1234");
	ck_assert_str_eq(printed(strace_print_access_mode, F_OK), "F_OK");
	ck_assert_str_eq(printed(strace_print_access_mode, R_OK | W_OK), "R_OK|W_OK");
}
END_TEST

START_TEST(plain_arguments_print_as_strace_does)
{
	ck_assert_str_eq(arg(SK_FD, (uint64_t)(int64_t)AT_FDCWD), "AT_FDCWD");
	ck_assert_str_eq(arg(SK_FD, 0xffffffff00000003ull), "3");
	ck_assert_str_eq(arg(SK_INT, 0xffffffffull), "-1");
	ck_assert_str_eq(arg(SK_PTR, 0), "NULL");
	ck_assert_str_eq(arg(SK_PTR, 0x4c8000), "0x4c8000");
	ck_assert_str_eq(arg(SK_HEX, 0), "0");
	ck_assert_str_eq(arg(SK_OCT, 0644), "0644");
	ck_assert_str_eq(arg(SK_OCT, 022), "022");
	ck_assert_str_eq(arg(SK_OCT, 0), "000");
	ck_assert_str_eq(arg(SK_ULONG, 12), "12");
}
END_TEST

START_TEST(open_mode_shows_only_when_the_flags_create)
{
	const uint64_t plain[6] = { 0, O_RDONLY, 0644 };
	const uint64_t creat[6] = { 0, O_WRONLY | O_CREAT, 0644 };

	ck_assert(!strace_arg_is_shown(SK_OPEN_MODE, 2, plain));
	ck_assert(strace_arg_is_shown(SK_OPEN_MODE, 2, creat));
}
END_TEST

START_TEST(results_print_decimal_hex_or_question_mark)
{
	ck_assert_str_eq(result(SK_INT, 12), " = 12");
	ck_assert_str_eq(result(SK_HEX, 0x4c8000), " = 0x4c8000");
	ck_assert_str_eq(result(SK_NONE, 0), " = ?");
	ck_assert_str_eq(result(SK_OCT, 022), " = 022");
	/* Below -4095 a result is a value, not an error (a high mmap address). */
	ck_assert_str_eq(result(SK_HEX, (long)0xfffffffffffff000ull), " = 0xfffffffffffff000");
}
END_TEST

START_TEST(errors_print_minus_one_name_and_message)
{
	ck_assert_str_eq(result(SK_INT, -ENOENT), " = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(result(SK_HEX, -ENOMEM), " = -1 ENOMEM (Cannot allocate memory)");
	ck_assert_str_eq(result(SK_INT, -ENOSYS), " = -1 ENOSYS (Function not implemented)");
	ck_assert_str_eq(result(SK_INT, -512),
			 " = -1 ERESTARTSYS (To be restarted if SA_RESTART is set)");
	ck_assert_str_eq(result(SK_INT, -4000), " = -1 E??? (Unknown error 4000)");
}
END_TEST

START_TEST(errno_table_matches_the_host_c_library)
{
	int e;

	for (e = 1; e < ERRNO_MAX + 1; e++) {
		const char *want = strerrorname_np(e);

		if (!want) {
			ck_assert_ptr_null(strace_errno_name(e));
			continue;
		}
		ck_assert_msg(strace_errno_name(e) && strcmp(strace_errno_name(e), want) == 0,
			      "errno %d: name %s, host %s", e, strace_errno_name(e), want);
		ck_assert_msg(strcmp(strace_errno_message(e), strerror(e)) == 0,
			      "errno %d: message \"%s\", host \"%s\"", e,
			      strace_errno_message(e), strerror(e));
	}
	ck_assert_ptr_null(strace_errno_name(0));
	ck_assert_ptr_null(strace_errno_name(-1));
	ck_assert_ptr_null(strace_errno_name(4000));
}
END_TEST

START_TEST(every_signature_fits_its_syscall_table_row)
{
	uint64_t nr;

	for (nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const struct strace_signature *s = strace_signature_of(nr);

		if (!s)
			continue;
		ck_assert_msg(syscall_name(nr) != NULL, "signature for unknown syscall %llu",
			      (unsigned long long)nr);
		ck_assert_uint_le(s->nargs, 6);
	}
	ck_assert_ptr_null(strace_signature_of(1ull << 40));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("strace_decode");
	TCase *tc = tcase_create("decode");

	/* Unbooted, but linked like the others: the fixture also pulls the test HAL in first. */
	tcase_add_checked_fixture(tc, hal_test_reset, NULL);

	tcase_add_test(tc, open_flags_print_the_access_mode_then_each_flag);
	tcase_add_test(tc, mmap_prot_and_flags_print_by_name_with_leftover_bits_in_hex);
	tcase_add_test(tc, clock_ids_arch_prctl_codes_and_ioctls_print_by_name);
	tcase_add_test(tc, clone_flags_end_with_the_exit_signal_and_wait_options_by_name);
	tcase_add_test(tc, plain_arguments_print_as_strace_does);
	tcase_add_test(tc, open_mode_shows_only_when_the_flags_create);
	tcase_add_test(tc, results_print_decimal_hex_or_question_mark);
	tcase_add_test(tc, errors_print_minus_one_name_and_message);
	tcase_add_test(tc, errno_table_matches_the_host_c_library);
	tcase_add_test(tc, every_signature_fits_its_syscall_table_row);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

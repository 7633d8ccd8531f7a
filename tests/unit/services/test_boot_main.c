/* test_boot_main.c: the services' own ostd_main, booted on the test HAL: missing and
 * unrunnable programs end the machine with 127 and 126 and one stderr line, a runnable one
 * with its exit status. */
#include <ostd/errno.h>
#include <abi/stat.h>
#include "services_test.h"
#include "exec/elf_builder.h"

static int unused_body(void *arg)
{
	return 99;   /* never runs: ostd_main is the services' */
}

static int boot_with(char *prog, const struct boot_module *host)
{
	static char *argv[2];
	static char *envp[] = { "PATH=/bin", NULL };
	static struct boot_info bi;

	argv[0] = prog;
	memset(&bi, 0, sizeof(bi));
	bi.argc = 1;
	bi.argv = argv;
	bi.envp = envp;
	bi.host_program = host;
	hal_test_set_boot_info(&bi);
	return ostd_test_boot(unused_body, NULL);
}

START_TEST(missing_program_is_127_with_not_found_on_stderr)
{
	ck_assert_int_eq(boot_with("nosuchprog", NULL), 127);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL), "keel: nosuchprog: not found\n");
	ck_assert_str_eq(hal_test_console_output(CONSOLE_OUT, NULL), "");
}
END_TEST

START_TEST(non_elf_program_is_126_with_the_reason_on_stderr)
{
	struct boot_module m = { "/tmp/x/notelf", "not an elf\n", 11 };

	ck_assert_int_eq(boot_with("/tmp/x/notelf", &m), 126);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL),
			 "keel: /tmp/x/notelf: Exec format error\n");
}
END_TEST

START_TEST(directory_as_program_is_126)
{
	ck_assert_int_eq(boot_with("/tmp", NULL), 126);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL),
			 "keel: /tmp: Permission denied\n");
}
END_TEST

/* The program's first syscall is exit_group(42); it also reports argc from its stack. */
static uint64_t seen_argc;

static enum user_return exit_42(struct user_context *ctx, struct vmspace *vs,
				uint64_t deadline, void *arg)
{
	ck_assert_int_eq(vmspace_copy_from(vs, &seen_argc, ctx->regs.rsp, 8), 0);
	ck_assert_uint_eq(ctx->regs.rip, TEXT_VADDR + CODE_OFFSET);
	ctx->regs.rax = 231;
	ctx->regs.rdi = 42;
	return USER_RETURN_SYSCALL;
}

START_TEST(runnable_program_ends_the_machine_with_its_exit_status)
{
	static struct test_elf e;
	struct boot_module m = { "/opt/prog", e.bytes, sizeof(e.bytes) };

	test_elf_build(&e);
	hal_test_set_execute(exit_42, NULL);
	ck_assert_int_eq(boot_with("/opt/prog", &m), 42);
	ck_assert_uint_eq(seen_argc, 1);
	ck_assert_str_eq(hal_test_console_output(CONSOLE_ERR, NULL), "");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("boot_main");
	TCase *tc = tcase_create("boot_main");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, missing_program_is_127_with_not_found_on_stderr);
	tcase_add_test(tc, non_elf_program_is_126_with_the_reason_on_stderr);
	tcase_add_test(tc, directory_as_program_is_126);
	tcase_add_test(tc, runnable_program_ends_the_machine_with_its_exit_status);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

/* test_ldisc.c: the line discipline, driven through the console terminal: bytes fed to the
 * test HAL's console input, read back through fd 0 of a booted process, echo captured
 * from the console output. */
#include <check.h>
#include <string.h>

#include <ostd/console.h>
#include <ostd/errno.h>
#include <abi/signal.h>
#include <abi/termios.h>

#include "hal_test.h"
#include "../services_test.h"

enum { NR_READ = 0, NR_IOCTL = 16 };

/* A process whose fds 0-2 are the console terminal (a 24x80 host terminal). */
static struct process *tty_process_new(void)
{
	hal_test_console_set_tty(true, 24, 80);
	return svc_process_new();
}

/* read(0) of at most n bytes into got (NUL-terminated): the syscall's result. */
static long tty_read_fd0(struct process *p, char *got, size_t n)
{
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	long r = SVC3(NR_READ, 0, buf, n);

	memset(got, 0, n + 1);
	if (r > 0)
		ck_assert_int_eq(vmspace_copy_from(p->mm->vs, got, buf, (size_t)r), 0);
	return r;
}

static void tty_feed(const char *s)
{
	hal_test_console_feed(s, strlen(s));
}

static const char *tty_echo(void)
{
	return hal_test_console_output(CONSOLE_OUT, NULL);
}

static void tty_get_termios(struct process *p, struct termios *tm, uaddr_t buf)
{
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TCGETS, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, tm, buf, sizeof(*tm)), 0);
}

static void tty_set_termios(struct process *p, const struct termios *tm, uaddr_t buf)
{
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, buf, tm, sizeof(*tm)), 0);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TCSETS, buf), 0);
}

BOOTED_TEST(console_terminal_starts_cooked_and_switches_the_device_to_raw)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;

	ck_assert(hal_test_console_is_raw());
	tty_get_termios(p, &tm, buf);
	ck_assert_uint_eq(tm.c_lflag & (ICANON | ECHO | ISIG), ICANON | ECHO | ISIG);
	ck_assert_uint_eq(tm.c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
	ck_assert_int_eq(tm.c_cc[VERASE], 127);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(canonical_read_returns_the_line_as_edited_with_erase)
{
	struct process *p = tty_process_new();
	char got[64];

	tty_feed("hx\x7f" "ello\r");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 6);
	ck_assert_str_eq(got, "hello\n");
	ck_assert_str_eq(tty_echo(), "hx\b \bello\r\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(backspace_erases_when_it_is_the_erase_character)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;
	char got[64];

	tty_get_termios(p, &tm, buf);
	tm.c_cc[VERASE] = '\b';
	tty_set_termios(p, &tm, buf);
	tty_feed("ab\bc\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 3);
	ck_assert_str_eq(got, "ac\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(kill_and_word_erase_remove_the_line_and_the_last_word)
{
	struct process *p = tty_process_new();
	char got[64];

	tty_feed("abc\x15" "foo bar\x17" "baz\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 8);
	ck_assert_str_eq(got, "foo baz\n");
	ck_assert_str_eq(tty_echo(), "abc\b \b\b \b\b \bfoo bar\b \b\b \b\b \bbaz\r\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(canonical_read_takes_one_line_at_a_time_and_keeps_the_rest)
{
	struct process *p = tty_process_new();
	char got[64];

	tty_feed("one\ntwo\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 4);
	ck_assert_str_eq(got, "one\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 2), 2);
	ck_assert_str_eq(got, "tw");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 2);
	ck_assert_str_eq(got, "o\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(eof_at_line_start_reads_zero_and_mid_line_ends_the_line)
{
	struct process *p = tty_process_new();
	char got[64];

	tty_feed("ab\x04\x04");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 2);
	ck_assert_str_eq(got, "ab");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 0);
	ck_assert_str_eq(tty_echo(), "ab");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(interrupt_character_signals_the_foreground_group_and_drops_input)
{
	struct process *p = tty_process_new();
	char got[64];

	p->sigactions[SIGINT - 1].sa_handler = 0x401000;   /* caught, so it stays pending */
	tty_feed("abc\x03" "z\n");
	ck_assert_int_lt(tty_read_fd0(p, got, 63), 0);      /* interrupted by the signal */
	ck_assert(p->shared_pending.set & SIG_BIT(SIGINT));
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 2);
	ck_assert_str_eq(got, "z\n");
	ck_assert_str_eq(tty_echo(), "abc^Cz\r\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(echo_off_shows_nothing_but_echonl_shows_the_newline)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;
	char got[64];

	tty_get_termios(p, &tm, buf);
	tm.c_lflag = (tm.c_lflag & ~(uint32_t)ECHO) | ECHONL;
	tty_set_termios(p, &tm, buf);
	tty_feed("secret\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 7);
	ck_assert_str_eq(tty_echo(), "\r\n");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(cr_maps_by_icrnl_and_igncr_drops_it)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;
	char got[64];

	tty_get_termios(p, &tm, buf);
	tm.c_iflag |= IGNCR;
	tty_set_termios(p, &tm, buf);
	tty_feed("a\rb\n");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 3);
	ck_assert_str_eq(got, "ab\n");
	svc_process_free(p);
	return 0;
}

static void feed_more(void *arg)
{
	tty_feed(arg);
	hal_test_set_idle_hook(NULL, NULL);
}

BOOTED_TEST(noncanonical_read_waits_for_vmin_bytes)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;
	char got[64];

	tty_get_termios(p, &tm, buf);
	tm.c_lflag &= ~(uint32_t)(ICANON | ECHO);
	tm.c_cc[VMIN] = 3;
	tm.c_cc[VTIME] = 0;
	tty_set_termios(p, &tm, buf);
	tty_feed("ab");
	hal_test_set_idle_hook(feed_more, "cd");
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 4);
	ck_assert_str_eq(got, "abcd");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(noncanonical_vtime_without_vmin_times_out_with_zero)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct termios tm;
	uint64_t before;
	char got[64];

	tty_get_termios(p, &tm, buf);
	tm.c_lflag &= ~(uint32_t)ICANON;
	tm.c_cc[VMIN] = 0;
	tm.c_cc[VTIME] = 5;
	tty_set_termios(p, &tm, buf);
	before = hal_test_clock_now();
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 0);
	ck_assert_uint_ge(hal_test_clock_now() - before, 500000000ull);
	tm.c_cc[VTIME] = 0;
	tty_set_termios(p, &tm, buf);
	ck_assert_int_eq(tty_read_fd0(p, got, 63), 0);   /* VMIN 0, VTIME 0: a poll */
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(window_size_comes_from_the_device_and_job_ioctls_answer_the_session)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_alloc(p, PAGE_SIZE);
	struct winsize ws;
	int v;

	ck_assert_int_eq(SVC3(NR_IOCTL, 1, TIOCGWINSZ, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &ws, buf, sizeof(ws)), 0);
	ck_assert_int_eq(ws.ws_row, 24);
	ck_assert_int_eq(ws.ws_col, 80);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TIOCGPGRP, buf), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &v, buf, sizeof(v)), 0);
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TIOCGSID, buf), 0);
	v = 12345;    /* no such group in the session */
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, buf, &v, sizeof(v)), 0);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TIOCSPGRP, buf), -EPERM);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, TCGETS, SVC_BAD_PTR), -EFAULT);
	ck_assert_int_eq(SVC3(NR_IOCTL, 0, 0x5499, buf), -ENOTTY);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(output_turns_newline_into_cr_nl)
{
	struct process *p = tty_process_new();
	uaddr_t buf = svc_user_string(p, "a\nb\n");

	ck_assert_int_eq(SVC3(1, 1, buf, 4), 4);
	ck_assert_str_eq(tty_echo(), "a\r\nb\r\n");
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("tty_ldisc");
	TCase *tc = tcase_create("ldisc");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, console_terminal_starts_cooked_and_switches_the_device_to_raw);
	tcase_add_test(tc, canonical_read_returns_the_line_as_edited_with_erase);
	tcase_add_test(tc, backspace_erases_when_it_is_the_erase_character);
	tcase_add_test(tc, kill_and_word_erase_remove_the_line_and_the_last_word);
	tcase_add_test(tc, canonical_read_takes_one_line_at_a_time_and_keeps_the_rest);
	tcase_add_test(tc, eof_at_line_start_reads_zero_and_mid_line_ends_the_line);
	tcase_add_test(tc, interrupt_character_signals_the_foreground_group_and_drops_input);
	tcase_add_test(tc, echo_off_shows_nothing_but_echonl_shows_the_newline);
	tcase_add_test(tc, cr_maps_by_icrnl_and_igncr_drops_it);
	tcase_add_test(tc, noncanonical_read_waits_for_vmin_bytes);
	tcase_add_test(tc, noncanonical_vtime_without_vmin_times_out_with_zero);
	tcase_add_test(tc, window_size_comes_from_the_device_and_job_ioctls_answer_the_session);
	tcase_add_test(tc, output_turns_newline_into_cr_nl);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

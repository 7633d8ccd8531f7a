/* test_quote.c: strings and buffers as strace quotes them: escapes, octal, the 32-byte cut,
 * NULL and unreadable pointers. */
#include <stdio.h>

#include <strace/decode.h>
#include "../services_test.h"

/* The text strace_quote makes of n bytes. */
static const char *quoted(const void *bytes, size_t n, bool truncated)
{
	static struct strace_line l;

	strace_line_init(&l);
	strace_quote(&l, bytes, n, truncated);
	l.buf[l.len] = '\0';
	return l.buf;
}

START_TEST(quote_escapes_newline_tab_quote_and_backslash_as_strace_does)
{
	ck_assert_str_eq(quoted("hello, keel\n", 12, false), "\"hello, keel\\n\"");
	ck_assert_str_eq(quoted("a\tb\"c\\d", 7, false), "\"a\\tb\\\"c\\\\d\"");
	ck_assert_str_eq(quoted("\r\v\f", 3, false), "\"\\r\\v\\f\"");
}
END_TEST

START_TEST(quote_prints_other_bytes_in_shortest_octal)
{
	static const unsigned char b[] = { 0x00, 'x', 0x1b, 0x7f, 0xff, 0x80 };

	ck_assert_str_eq(quoted(b, sizeof(b), false), "\"\\0x\\33\\177\\377\\200\"");
}
END_TEST

START_TEST(quote_uses_three_octal_digits_when_an_octal_digit_follows)
{
	static const unsigned char b[] = { 0x00, '1', 0x1b, '7', 0x01, '8' };

	/* "\18": 8 is no octal digit, so the short form stays unambiguous. */
	ck_assert_str_eq(quoted(b, sizeof(b), false), "\"\\0001\\0337\\18\"");
}
END_TEST

START_TEST(quote_marks_a_cut_string_with_dots_after_the_quote)
{
	ck_assert_str_eq(quoted("abc", 3, true), "\"abc\"...");
	ck_assert_str_eq(quoted("", 0, false), "\"\"");
}
END_TEST

START_TEST(line_overflow_is_cut_and_ends_in_dots_and_newline)
{
	static struct strace_line l;
	unsigned int i;

	strace_line_init(&l);
	for (i = 0; i < 2 * STRACE_LINE_MAX; i++)
		strace_line_putc(&l, 'x');
	strace_line_printf(&l, "%s", "more");
	strace_line_end(&l);
	ck_assert_uint_lt(l.len, STRACE_LINE_MAX);
	ck_assert_str_eq(l.buf + l.len - 4, "...\n");
}
END_TEST

static const char *user_string(uint64_t addr)
{
	static struct strace_line l;

	strace_line_init(&l);
	strace_print_user_string(&l, addr);
	l.buf[l.len] = '\0';
	return l.buf;
}

static const char *user_buffer(uint64_t addr, uint64_t len)
{
	static struct strace_line l;

	strace_line_init(&l);
	strace_print_user_buffer(&l, addr, len);
	l.buf[l.len] = '\0';
	return l.buf;
}

BOOTED_TEST(user_string_longer_than_32_bytes_shows_32_then_dots)
{
	struct process *p = svc_process_new();
	const char *s40 = "0123456789abcdefghijklmnopqrstuvwxyzABCD";

	ck_assert_str_eq(user_string(svc_user_string(p, s40)),
			 "\"0123456789abcdefghijklmnopqrstuv\"...");
	ck_assert_str_eq(user_string(svc_user_string(p, "0123456789abcdefghijklmnopqrstuv")),
			 "\"0123456789abcdefghijklmnopqrstuv\"");
	ck_assert_str_eq(user_string(svc_user_string(p, "/no/such")), "\"/no/such\"");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(user_string_null_and_bad_pointers_print_without_faulting)
{
	struct process *p = svc_process_new();
	uaddr_t page = svc_user_alloc(p, PAGE_SIZE);
	char fill[8];
	char want[32];

	memset(fill, 'z', sizeof(fill));
	ck_assert_str_eq(user_string(0), "NULL");
	ck_assert_str_eq(user_string(SVC_BAD_PTR), "0x1000");
	ck_assert_str_eq(user_string(~0ull), "0xffffffffffffffff");
	/* No NUL before the mapping ends: unreadable, so the address. */
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, page + PAGE_SIZE - 8, fill, 8), 0);
	snprintf(want, sizeof(want), "%#llx", (unsigned long long)(page + PAGE_SIZE - 8));
	ck_assert_str_eq(user_string(page + PAGE_SIZE - 8), want);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(user_buffer_shows_at_most_32_bytes_and_bad_ones_by_address)
{
	struct process *p = svc_process_new();
	uaddr_t a = svc_user_string(p, "0123456789abcdefghijklmnopqrstuvwxyz");

	ck_assert_str_eq(user_buffer(a, 4), "\"0123\"");
	ck_assert_str_eq(user_buffer(a, 37), "\"0123456789abcdefghijklmnopqrstuv\"...");
	ck_assert_str_eq(user_buffer(a, 0), "\"\"");
	ck_assert_str_eq(user_buffer(0, 5), "NULL");
	ck_assert_str_eq(user_buffer(SVC_BAD_PTR, 5), "0x1000");
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("strace_quote");
	TCase *tc = tcase_create("quote");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, quote_escapes_newline_tab_quote_and_backslash_as_strace_does);
	tcase_add_test(tc, quote_prints_other_bytes_in_shortest_octal);
	tcase_add_test(tc, quote_uses_three_octal_digits_when_an_octal_digit_follows);
	tcase_add_test(tc, quote_marks_a_cut_string_with_dots_after_the_quote);
	tcase_add_test(tc, line_overflow_is_cut_and_ends_in_dots_and_newline);
	tcase_add_test(tc, user_string_longer_than_32_bytes_shows_32_then_dots);
	tcase_add_test(tc, user_string_null_and_bad_pointers_print_without_faulting);
	tcase_add_test(tc, user_buffer_shows_at_most_32_bytes_and_bad_ones_by_address);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

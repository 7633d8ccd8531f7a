/* test_string.c: kstrlcpy and ksnprintf (src/ostd/string.c), checked against libc. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include <ostd/string.h>

#include "ostd_check.h"

#define EXPECT_FMT(fmt, ...)                                                       \
	do {                                                                       \
		char got[128], want[128];                                          \
		int gn = ksnprintf(got, sizeof(got), fmt, __VA_ARGS__);            \
		int wn = snprintf(want, sizeof(want), fmt, __VA_ARGS__);           \
		ck_assert_str_eq(got, want);                                       \
		ck_assert_int_eq(gn, wn);                                          \
	} while (0)

START_TEST(ksnprintf_formats_integers_like_libc)
{
	EXPECT_FMT("%d %i %u", -42, 7, 4000000000u);
	EXPECT_FMT("%x %X", 0xbeefu, 0xbeefu);
	EXPECT_FMT("%o %04o %lo", 0755u, 022u, 01777777777777777777777ul);
	EXPECT_FMT("%ld %lu %lx", -1234567890123l, 18446744073709551615ul, 0xdeadbeefcafeul);
	EXPECT_FMT("%lld %llu %llx", -9223372036854775807ll - 1, 1ull << 63, 1ull << 63);
	EXPECT_FMT("%zu %zd", (size_t)12345, (ssize_t)-5);
	EXPECT_FMT("%d", 0);
}
END_TEST

START_TEST(ksnprintf_honours_width_flags_and_precision)
{
	EXPECT_FMT("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42);
	EXPECT_FMT("[%8x] [%-8X] [%08x]", 0xabcu, 0xabcu, 0xabcu);
	EXPECT_FMT("[%10s] [%-10s] [%.3s] [%5.2s]", "hi", "hi", "hello", "hello");
	EXPECT_FMT("[%c] [%3c] [%-3c] %%", 'a', 'b', 'c');
	EXPECT_FMT("[%*d] [%-*d] [%.*s]", 6, 1, 6, 2, 2, "xyz");
}
END_TEST

START_TEST(ksnprintf_alternate_form_prefixes_nonzero_hex)
{
	EXPECT_FMT("%#x %#X %#x", 0xbeefu, 0xbeefu, 0u);
	EXPECT_FMT("%#llx %#lx", 0x401000ull, 0x7fef0000ul);
	EXPECT_FMT("[%#10x] [%-#10x]", 0xabcu, 0xabcu);
}
END_TEST

START_TEST(ksnprintf_prints_pointers_in_hex)
{
	char buf[64];

	ksnprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	ck_assert_str_eq(buf, "0x1234");
}
END_TEST

START_TEST(ksnprintf_prints_null_string_as_null)
{
	char buf[64];
	const char *volatile s = NULL;

	ksnprintf(buf, sizeof(buf), "%s", s);
	ck_assert_str_eq(buf, "(null)");
}
END_TEST

START_TEST(ksnprintf_truncates_and_returns_wanted_length)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(ksnprintf(buf, 5, "%s-%d", "abcdef", 12), 9);
	ck_assert_str_eq(buf, "abcd");
	ck_assert_int_eq(buf[5], 'x');
	ck_assert_int_eq(ksnprintf(NULL, 0, "%d", 12345), 5);
	ck_assert_int_eq(ksnprintf(buf, 1, "abc"), 3);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(kstrlcpy_always_terminates_and_returns_source_length)
{
	char buf[4];

	ck_assert_uint_eq(kstrlcpy(buf, "hello", sizeof(buf)), 5);
	ck_assert_str_eq(buf, "hel");
	ck_assert_uint_eq(kstrlcpy(buf, "ab", sizeof(buf)), 2);
	ck_assert_str_eq(buf, "ab");
	buf[0] = 'z';
	ck_assert_uint_eq(kstrlcpy(buf, "abc", 0), 3);
	ck_assert_int_eq(buf[0], 'z');
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ostd_string");
	TCase *tc = tcase_create("string");

	tcase_add_test(tc, ksnprintf_formats_integers_like_libc);
	tcase_add_test(tc, ksnprintf_honours_width_flags_and_precision);
	tcase_add_test(tc, ksnprintf_alternate_form_prefixes_nonzero_hex);
	tcase_add_test(tc, ksnprintf_prints_pointers_in_hex);
	tcase_add_test(tc, ksnprintf_prints_null_string_as_null);
	tcase_add_test(tc, ksnprintf_truncates_and_returns_wanted_length);
	tcase_add_test(tc, kstrlcpy_always_terminates_and_returns_source_length);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

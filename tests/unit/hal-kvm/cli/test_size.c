/* test_size.c: --mem sizes. */
#include <check.h>

#include "check_run.h"
#include <errno.h>
#include <stdint.h>

#include "cli/size.h"

START_TEST(size_parse_accepts_suffixes)
{
	uint64_t v;

	ck_assert_int_eq(size_parse("4096", &v), 0);
	ck_assert_uint_eq(v, 4096);
	ck_assert_int_eq(size_parse("64K", &v), 0);
	ck_assert_uint_eq(v, 64ull << 10);
	ck_assert_int_eq(size_parse("64m", &v), 0);
	ck_assert_uint_eq(v, 64ull << 20);
	ck_assert_int_eq(size_parse("1G", &v), 0);
	ck_assert_uint_eq(v, 1ull << 30);
	ck_assert_int_eq(size_parse("2GiB", &v), 0);
	ck_assert_uint_eq(v, 2ull << 30);
}
END_TEST

START_TEST(size_parse_rejects_garbage_and_overflow)
{
	uint64_t v;

	ck_assert_int_eq(size_parse("", &v), -EINVAL);
	ck_assert_int_eq(size_parse("12X", &v), -EINVAL);
	ck_assert_int_eq(size_parse("-1G", &v), -EINVAL);
	ck_assert_int_eq(size_parse("1G extra", &v), -EINVAL);
	ck_assert_int_eq(size_parse("99999999999999999999", &v), -EINVAL);
	ck_assert_int_eq(size_parse("17179869184G", &v), -EINVAL);
	ck_assert_int_eq(size_parse(NULL, &v), -EINVAL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cli_size");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, size_parse_accepts_suffixes);
	tcase_add_test(tc, size_parse_rejects_garbage_and_overflow);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

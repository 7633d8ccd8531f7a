/* test_libc_string.c: OSTD's freestanding mem* and str* (src/ostd/libc_string.c), built
 * here under ls_-prefixed names so they do not replace the host libc's, and compared
 * against it. */
#include <check.h>
#include <string.h>

#define LIBC_STRING_NAME(name) ls_##name
#include "libc_string.c"

#include "ostd_check.h"

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

START_TEST(memcpy_and_memset_fill_exactly_n_bytes)
{
	char a[16], b[16];

	memset(a, 'x', sizeof(a));
	ck_assert_ptr_eq(ls_memset(a, 'y', 5), a);
	ck_assert_mem_eq(a, "yyyyyxxxxx", 10);
	ck_assert_ptr_eq(ls_memcpy(b, "0123456789abcdef", 16), b);
	ck_assert_mem_eq(b, "0123456789abcdef", 16);
	ls_memcpy(b, "zz", 0);
	ck_assert_int_eq(b[0], '0');
}
END_TEST

START_TEST(memmove_handles_overlap_both_ways)
{
	char s[] = "0123456789";

	ls_memmove(s + 2, s, 5);
	ck_assert_str_eq(s, "0101234789");
	strcpy(s, "0123456789");
	ls_memmove(s, s + 3, 5);
	ck_assert_str_eq(s, "3456756789");
}
END_TEST

START_TEST(memcmp_and_strcmp_order_like_libc_with_unsigned_bytes)
{
	static const char *const pairs[][2] = {
		{ "abc", "abd" }, { "abc", "abc" }, { "ab", "abc" }, { "\xff", "a" }, { "", "" },
	};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *x = pairs[i][0], *y = pairs[i][1];

		ck_assert_int_eq(sign(ls_strcmp(x, y)), sign(strcmp(x, y)));
		ck_assert_int_eq(sign(ls_strcmp(y, x)), sign(strcmp(y, x)));
		ck_assert_int_eq(sign(ls_strncmp(x, y, 2)), sign(strncmp(x, y, 2)));
		ck_assert_int_eq(sign(ls_memcmp(x, y, 1)), sign(memcmp(x, y, 1)));
	}
	ck_assert_int_eq(ls_strncmp("abc", "abd", 0), 0);
}
END_TEST

START_TEST(strlen_and_strnlen_stop_at_nul_or_limit)
{
	ck_assert_uint_eq(ls_strlen("hello"), 5);
	ck_assert_uint_eq(ls_strlen(""), 0);
	ck_assert_uint_eq(ls_strnlen("hello", 3), 3);
	ck_assert_uint_eq(ls_strnlen("hi", 10), 2);
}
END_TEST

START_TEST(strchr_and_strrchr_find_first_last_and_nul)
{
	const char *s = "a/b/c";

	ck_assert_ptr_eq(ls_strchr(s, '/'), s + 1);
	ck_assert_ptr_eq(ls_strrchr(s, '/'), s + 3);
	ck_assert_ptr_eq(ls_strchr(s, 'z'), NULL);
	ck_assert_ptr_eq(ls_strrchr(s, 'z'), NULL);
	ck_assert_ptr_eq(ls_strchr(s, '\0'), s + 5);
	ck_assert_ptr_eq(ls_strrchr(s, '\0'), s + 5);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ostd_libc_string");
	TCase *tc = tcase_create("libc_string");

	tcase_add_test(tc, memcpy_and_memset_fill_exactly_n_bytes);
	tcase_add_test(tc, memmove_handles_overlap_both_ways);
	tcase_add_test(tc, memcmp_and_strcmp_order_like_libc_with_unsigned_bytes);
	tcase_add_test(tc, strlen_and_strnlen_stop_at_nul_or_limit);
	tcase_add_test(tc, strchr_and_strrchr_find_first_last_and_nul);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

/* test_abi.c: Keel's hand-written Linux ABI headers agree with the host's, entry by entry. */
#include <check.h>

#include "check_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "abi_table.h"

/* Reports every mismatch (not just the first) in one failure message. */
static void abi_tables_check(const struct abi_table *ours, const struct abi_table *host)
{
	char report[4096] = "";
	size_t k, used = 0;
	int bad = 0;

	ck_assert_uint_eq(ours->count, host->count);
	for (k = 0; k < ours->count; k++) {
		ck_assert_str_eq(ours->entries[k].what, host->entries[k].what);
		if (ours->entries[k].value == host->entries[k].value)
			continue;
		bad++;
		if (used < sizeof(report) - 1)
			used += (size_t)snprintf(report + used, sizeof(report) - used,
						 " %s: keel %lld, host %lld;", ours->entries[k].what,
						 ours->entries[k].value, host->entries[k].value);
	}
	ck_assert_msg(bad == 0, "%d mismatches:%s", bad, report);
}

START_TEST(every_errno_matches_host_errno_h)
{
	abi_tables_check(&abi_ours_errno, &abi_host_errno);
}
END_TEST

START_TEST(constants_and_layouts_match_glibc)
{
	abi_tables_check(&abi_ours_glibc, &abi_host_glibc);
}
END_TEST

START_TEST(auxv_termios_sigaction_and_arch_prctl_match_kernel_uapi)
{
	abi_tables_check(&abi_ours_kernel, &abi_host_kernel);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("abi");
	TCase *tc = tcase_create("abi");

	tcase_add_test(tc, every_errno_matches_host_errno_h);
	tcase_add_test(tc, constants_and_layouts_match_glibc);
	tcase_add_test(tc, auxv_termios_sigaction_and_arch_prctl_match_kernel_uapi);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

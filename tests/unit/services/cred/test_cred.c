/* test_cred.c: credential transitions, table-tested: each row gives the ids before a call,
 * the call, and what Linux answers and leaves behind. When the tests run as root on Linux,
 * the same table is also checked against the host kernel itself. */
#include <stdio.h>
#include <ostd/errno.h>
#include <process/cred.h>
#include "ostd_check.h"
#include "../futex/misc_world.h"
#include "cred_host.h"

#define K ((unsigned int)-1)

struct cred_row {
	unsigned int r, e, s;          /* before (fs = e) */
	enum cred_call call;
	unsigned int a, b, c;
	long ret;
	unsigned int nr, ne, ns, nfs;  /* after */
};

static const struct cred_row rows[] = {
	{ 0, 0, 0, SETID, 1000, 0, 0, 0, 1000, 1000, 1000, 1000 },
	{ 1000, 1000, 1000, SETID, 0, 0, 0, -EPERM, 1000, 1000, 1000, 1000 },
	{ 1000, 2000, 3000, SETID, 3000, 0, 0, 0, 1000, 3000, 3000, 3000 },
	{ 1000, 2000, 3000, SETID, 1000, 0, 0, 0, 1000, 1000, 3000, 1000 },
	{ 1000, 2000, 3000, SETID, 2000, 0, 0, -EPERM, 1000, 2000, 3000, 2000 },
	{ 1000, 0, 3000, SETID, 3000, 0, 0, 0, 3000, 3000, 3000, 3000 },
	{ 0, 0, 0, SETID, K, 0, 0, -EINVAL, 0, 0, 0, 0 },
	{ 1000, 2000, 3000, SETREID, 2000, K, 0, 0, 2000, 2000, 2000, 2000 },
	{ 1000, 2000, 3000, SETREID, 3000, K, 0, -EPERM, 1000, 2000, 3000, 2000 },
	{ 1000, 2000, 3000, SETREID, K, 3000, 0, 0, 1000, 3000, 3000, 3000 },
	{ 1000, 2000, 3000, SETREID, K, 1000, 0, 0, 1000, 1000, 3000, 1000 },
	{ 1000, 2000, 3000, SETREID, K, 4000, 0, -EPERM, 1000, 2000, 3000, 2000 },
	{ 1000, 2000, 3000, SETREID, K, K, 0, 0, 1000, 2000, 3000, 2000 },
	{ 1000, 2000, 3000, SETREID, 2000, 1000, 0, 0, 2000, 1000, 1000, 1000 },
	{ 0, 0, 0, SETREID, 1000, 2000, 0, 0, 1000, 2000, 2000, 2000 },
	{ 1000, 2000, 3000, SETRESID, 3000, 1000, 2000, 0, 3000, 1000, 2000, 1000 },
	{ 1000, 2000, 3000, SETRESID, K, K, 4000, -EPERM, 1000, 2000, 3000, 2000 },
	{ 1000, 2000, 3000, SETRESID, K, K, K, 0, 1000, 2000, 3000, 2000 },
	{ 0, 0, 0, SETRESID, 5, 6, 7, 0, 5, 6, 7, 6 },
	{ 1000, 0, 3000, SETRESID, 1, 2, 3, 0, 1, 2, 3, 2 },
	{ 1000, 2000, 3000, SETFSID, 3000, 0, 0, 2000, 1000, 2000, 3000, 3000 },
	{ 1000, 2000, 3000, SETFSID, 4000, 0, 0, 2000, 1000, 2000, 3000, 2000 },
	{ 0, 0, 0, SETFSID, 4000, 0, 0, 0, 0, 0, 0, 4000 },
	{ 1000, 2000, 3000, SETFSID, K, 0, 0, 2000, 1000, 2000, 3000, 2000 },
};

static long keel_uid_call(const struct cred_row *row)
{
	switch (row->call) {
	case SETID:
		return sys_setuid(row->a);
	case SETREID:
		return sys_setreuid(row->a, row->b);
	case SETRESID:
		return sys_setresuid(row->a, row->b, row->c);
	default:
		return sys_setfsuid(row->a);
	}
}

static long keel_gid_call(const struct cred_row *row)
{
	switch (row->call) {
	case SETID:
		return sys_setgid(row->a);
	case SETREID:
		return sys_setregid(row->a, row->b);
	case SETRESID:
		return sys_setresgid(row->a, row->b, row->c);
	default:
		return sys_setfsgid(row->a);
	}
}

BOOTED_TEST(uid_transitions_follow_linux_rules)
{
	struct cred *c = &world_init()->proc.cred;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct cred_row *row = &rows[i];

		cred_init_root(c);
		c->uid = row->r;
		c->euid = c->fsuid = row->e;
		c->suid = row->s;
		ck_assert_msg(keel_uid_call(row) == row->ret, "row %zu: return", i);
		ck_assert_msg(c->uid == row->nr && c->euid == row->ne && c->suid == row->ns &&
			      c->fsuid == row->nfs, "row %zu: ids %u %u %u %u", i, c->uid,
			      c->euid, c->suid, c->fsuid);
	}
	return 0;
}

/* The group rules are the uid ones with the group ids; root is still euid 0. */
BOOTED_TEST(gid_transitions_follow_the_uid_rules_with_root_meaning_euid_zero)
{
	struct cred *c = &world_init()->proc.cred;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct cred_row *row = &rows[i];
		bool root = row->e == 0;

		cred_init_root(c);
		c->euid = c->fsuid = root ? 0 : 500;
		c->gid = row->r;
		c->egid = c->fsgid = row->e;
		c->sgid = row->s;
		ck_assert_msg(keel_gid_call(row) == row->ret, "row %zu: return", i);
		ck_assert_msg(c->gid == row->nr && c->egid == row->ne && c->sgid == row->ns &&
			      c->fsgid == row->nfs, "row %zu: ids", i);
		ck_assert_uint_eq(c->euid, root ? 0 : 500);
	}
	return 0;
}

BOOTED_TEST(getres_ids_and_the_simple_getters_report_the_ids)
{
	struct world_proc *wp = world_init();
	struct cred *c = &wp->proc.cred;
	uaddr_t out = world_user_alloc(wp, 1);
	unsigned int got[3];

	c->uid = 1;
	c->euid = 2;
	c->suid = 3;
	c->gid = 4;
	c->egid = 5;
	c->sgid = 6;
	ck_assert_int_eq(sys_getuid(), 1);
	ck_assert_int_eq(sys_geteuid(), 2);
	ck_assert_int_eq(sys_getgid(), 4);
	ck_assert_int_eq(sys_getegid(), 5);
	ck_assert_int_eq(sys_getresuid(uaddr_ptr(out), uaddr_ptr(out + 4), uaddr_ptr(out + 8)), 0);
	world_peek(wp, out, got, sizeof(got));
	ck_assert(got[0] == 1 && got[1] == 2 && got[2] == 3);
	ck_assert_int_eq(sys_getresgid(uaddr_ptr(out), uaddr_ptr(out + 4), uaddr_ptr(out + 8)), 0);
	world_peek(wp, out, got, sizeof(got));
	ck_assert(got[0] == 4 && got[1] == 5 && got[2] == 6);
	ck_assert_int_eq(sys_getresuid(uaddr_ptr(out), uaddr_ptr(0x1000), uaddr_ptr(out)), -EFAULT);
	return 0;
}

BOOTED_TEST(setgroups_needs_root_and_getgroups_answers_sorted)
{
	struct world_proc *wp = world_init();
	struct cred *c = &wp->proc.cred;
	uaddr_t list = world_user_alloc(wp, 1);
	const unsigned int in[3] = { 9, 3, 5 };
	unsigned int got[3];

	world_poke(wp, list, in, sizeof(in));
	ck_assert_int_eq(sys_setgroups(3, uaddr_ptr(list)), 0);
	ck_assert_int_eq(sys_getgroups(0, NULL), 3);
	ck_assert_int_eq(sys_getgroups(2, uaddr_ptr(list)), -EINVAL);
	ck_assert_int_eq(sys_getgroups(-1, uaddr_ptr(list)), -EINVAL);
	ck_assert_int_eq(sys_getgroups(3, uaddr_ptr(list)), 3);
	world_peek(wp, list, got, sizeof(got));
	ck_assert(got[0] == 3 && got[1] == 5 && got[2] == 9);
	ck_assert(cred_in_group(c, 5) && !cred_in_group(c, 4));
	ck_assert(cred_in_group(c, c->fsgid));
	ck_assert_int_eq(sys_getgroups(3, uaddr_ptr(0x1000)), -EFAULT);
	ck_assert_int_eq(sys_setgroups(-1, uaddr_ptr(list)), -EINVAL);
	ck_assert_int_eq(sys_setgroups(CRED_GROUPS_MAX + 1, uaddr_ptr(list)), -EINVAL);
	ck_assert_int_eq(sys_setgroups(2, uaddr_ptr(0x1000)), -EFAULT);
	ck_assert_int_eq(sys_getgroups(0, NULL), 3);   /* a failed set changes nothing */
	ck_assert_int_eq(sys_setgroups(0, NULL), 0);
	ck_assert_int_eq(sys_getgroups(0, NULL), 0);
	c->euid = 1000;
	ck_assert(!cred_is_root(c));
	ck_assert_int_eq(sys_setgroups(1, uaddr_ptr(list)), -EPERM);
	return 0;
}

START_TEST(uid_table_matches_the_host_kernel_when_run_as_root)
{
	unsigned int ids[4];
	size_t i, checked = 0;
	long ret;

	if (!cred_host_is_root())
		return;   /* the oracle needs root; the table still runs against Keel */
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct cred_row *row = &rows[i];
		const unsigned int args[3] = { row->a, row->b, row->c };
		const unsigned int before[3] = { row->r, row->e, row->s };

		if (!cred_host_run(row->call, args, before, &ret, ids))
			continue;
		checked++;
		ck_assert_msg(ret == row->ret, "row %zu: host returned %ld", i, ret);
		ck_assert_msg(ids[0] == row->nr && ids[1] == row->ne && ids[2] == row->ns &&
			      ids[3] == row->nfs, "row %zu: host ids %u %u %u %u", i, ids[0],
			      ids[1], ids[2], ids[3]);
	}
	fprintf(stderr, "cred: %zu of %zu rows checked against the host\n", checked,
		ARRAY_SIZE(rows));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cred");
	TCase *tc = tcase_create("cred");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, uid_transitions_follow_linux_rules);
	tcase_add_test(tc, gid_transitions_follow_the_uid_rules_with_root_meaning_euid_zero);
	tcase_add_test(tc, getres_ids_and_the_simple_getters_report_the_ids);
	tcase_add_test(tc, setgroups_needs_root_and_getgroups_answers_sorted);
	tcase_add_test(tc, uid_table_matches_the_host_kernel_when_run_as_root);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

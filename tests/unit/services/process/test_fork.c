/* test_fork.c: fork, wait and exit through the run loop with scripted user mode: each
 * context's r15 is its program counter (fork copies it), rax the last syscall's result. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <abi/signal.h>
#include <process/process.h>
#include "../services_test.h"

enum { NR_FORK = 57, NR_EXIT_GROUP = 231, NR_WAIT4 = 61, NR_GETPPID = 110,
       NR_SCHED_YIELD = 24 };

#define WNOHANG 1

struct fork_script {
	uaddr_t status_addr;          /* user word wait4 fills */
	uaddr_t page;                 /* a private page both sides write after fork */
	long wait_ret[4];
	long ppid_in_child;
	unsigned int child_runs;
	int child_code;
};

static enum user_return sys(struct user_context *c, uint64_t nr, uint64_t a0, uint64_t a1,
			    uint64_t a2, uint64_t a3)
{
	c->regs.rax = nr;
	c->regs.rdi = a0;
	c->regs.rsi = a1;
	c->regs.rdx = a2;
	c->regs.r10 = a3;
	return USER_RETURN_SYSCALL;
}

static enum user_return write_fault(struct user_context *c, uaddr_t addr)
{
	c->fault.vector = TRAP_PF;
	c->fault.addr = addr;
	c->fault.error_code = PF_ERR_USER | PF_ERR_WRITE | PF_ERR_PRESENT;
	return USER_RETURN_EXCEPTION;
}

/* Parent: fork; wait4(-1, WNOHANG) while the child has not run; wait4(-1); wait4 again
 * (ECHILD); exit 0. Child: getppid, exit(child_code). */
static enum user_return fork_wait_program(struct user_context *c, struct vmspace *vs,
					  uint64_t deadline, void *arg)
{
	struct fork_script *s = arg;
	bool child = c->regs.r14 == 1;

	switch (c->regs.r15++) {
	case 0:
		return sys(c, NR_FORK, 0, 0, 0, 0);
	case 1:
		if (c->regs.rax == 0) {
			c->regs.r14 = 1;
			s->child_runs++;
			return sys(c, NR_GETPPID, 0, 0, 0, 0);
		}
		return sys(c, NR_WAIT4, (uint64_t)-1, s->status_addr, WNOHANG, 0);
	case 2:
		if (child) {
			s->ppid_in_child = (long)c->regs.rax;
			return sys(c, NR_EXIT_GROUP, (uint64_t)s->child_code, 0, 0, 0);
		}
		s->wait_ret[0] = (long)c->regs.rax;
		return sys(c, NR_WAIT4, (uint64_t)-1, s->status_addr, 0, 0);
	case 3:
		s->wait_ret[1] = (long)c->regs.rax;
		return sys(c, NR_WAIT4, (uint64_t)-1, s->status_addr, 0, 0);
	default:
		s->wait_ret[2] = (long)c->regs.rax;
		return sys(c, NR_EXIT_GROUP, 0, 0, 0, 0);
	}
}

BOOTED_TEST(fork_then_wait_reaps_the_child_with_its_status)
{
	struct process *p = svc_process_new();
	struct fork_script s = { .child_code = 7 };
	int32_t status = 0;

	s.status_addr = svc_user_alloc(p, PAGE_SIZE);
	hal_test_set_execute(fork_wait_program, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert_uint_eq(s.child_runs, 1);
	ck_assert_int_eq(s.ppid_in_child, 1);
	ck_assert_int_eq(s.wait_ret[0], 0);              /* WNOHANG: the child had not run */
	ck_assert_int_eq(s.wait_ret[1], 2);              /* the child's pid */
	ck_assert_int_eq(s.wait_ret[2], -ECHILD);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &status, s.status_addr, 4), 0);
	ck_assert_int_eq(status, 7 << 8);                /* WIFEXITED, WEXITSTATUS 7 */
	ck_assert_ptr_null(p->children);
	ck_assert_ptr_null(process_find(2));
	svc_process_free(p);
	return 0;
}

/* Parent and child each write the shared page after fork; each ends up with its own
 * frame, the parent's untouched by the child. */
static enum user_return cow_program(struct user_context *c, struct vmspace *vs,
				    uint64_t deadline, void *arg)
{
	struct fork_script *s = arg;
	uint8_t mark;

	switch (c->regs.r15++) {
	case 0:
		return sys(c, NR_FORK, 0, 0, 0, 0);
	case 1:
		c->regs.r14 = c->regs.rax == 0;
		return write_fault(c, s->page);
	case 2:
		mark = c->regs.r14 ? 'c' : 'p';
		ck_assert_int_eq(vmspace_copy_to(vs, s->page, &mark, 1), 0);
		if (c->regs.r14)
			return sys(c, NR_EXIT_GROUP, 0, 0, 0, 0);
		return sys(c, NR_WAIT4, (uint64_t)-1, 0, 0, 0);
	default:
		return sys(c, NR_EXIT_GROUP, 0, 0, 0, 0);
	}
}

BOOTED_TEST(fork_shares_pages_copy_on_write)
{
	struct process *p = svc_process_new();
	struct fork_script s = { 0 };
	struct frame_stats before, after;
	struct vm_query q;
	uint8_t v = 'x';

	s.page = svc_user_alloc(p, PAGE_SIZE);
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, s.page, &v, 1), 0);
	frame_stats_get(&before);
	hal_test_set_execute(cow_program, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &v, s.page, 1), 0);
	ck_assert_int_eq(v, 'p');
	/* The child's copy is gone with it: the parent holds its page alone, writable. */
	ck_assert_int_eq(vmspace_query(p->mm->vs, s.page, &q), 0);
	ck_assert_uint_eq(frame_refcount(q.frame), 1);
	ck_assert(q.prot & VM_WRITE);
	frame_stats_get(&after);
	ck_assert_uint_eq(after.in_use[FRAME_USER], before.in_use[FRAME_USER]);
	ck_assert_uint_eq(after.in_use[FRAME_PAGETABLE], before.in_use[FRAME_PAGETABLE]);
	svc_process_free(p);
	return 0;
}

/* A child that outlives its parent's wait: a grandchild orphaned when the child exits
 * is re-parented to init (pid 1). */
static enum user_return orphan_program(struct user_context *c, struct vmspace *vs,
				       uint64_t deadline, void *arg)
{
	struct fork_script *s = arg;

	/* r14: 0 init, 1 child, 2 grandchild */
	switch (c->regs.r15++) {
	case 0:
		return sys(c, NR_FORK, 0, 0, 0, 0);
	case 1:
		if (c->regs.rax == 0) {
			c->regs.r14 = 1;
			return sys(c, NR_FORK, 0, 0, 0, 0);
		}
		return sys(c, NR_WAIT4, (uint64_t)-1, 0, 0, 0);
	case 2:
		if (c->regs.r14 == 1 && c->regs.rax == 0)
			c->regs.r14 = 2;
		if (c->regs.r14 == 1)
			return sys(c, NR_EXIT_GROUP, 3, 0, 0, 0);
		if (c->regs.r14 == 2) {
			/* getppid and sched_yield in turn until re-parented (r13: last was
			 * getppid). */
			c->regs.r15 = 2;
			if (c->regs.r13 == 1 && c->regs.rax == 1) {
				s->ppid_in_child = 1;
				return sys(c, NR_EXIT_GROUP, 4, 0, 0, 0);
			}
			c->regs.r13 ^= 1;
			return sys(c, c->regs.r13 ? NR_GETPPID : NR_SCHED_YIELD, 0, 0, 0, 0);
		}
		s->wait_ret[0] = (long)c->regs.rax;
		return sys(c, NR_WAIT4, (uint64_t)-1, s->status_addr, 0, 0);
	default:
		s->wait_ret[1] = (long)c->regs.rax;
		return sys(c, NR_EXIT_GROUP, 0, 0, 0, 0);
	}
}

BOOTED_TEST(orphans_are_reparented_to_init_which_reaps_them)
{
	struct process *p = svc_process_new();
	struct fork_script s = { 0 };
	int32_t status = 0;

	s.status_addr = svc_user_alloc(p, PAGE_SIZE);
	hal_test_set_execute(orphan_program, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert_int_eq(s.wait_ret[0], 2);
	ck_assert_int_eq(s.wait_ret[1], 3);
	ck_assert_int_eq(s.ppid_in_child, 1);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &status, s.status_addr, 4), 0);
	ck_assert_int_eq(status, 4 << 8);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("fork");
	TCase *tc = tcase_create("fork");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, fork_then_wait_reaps_the_child_with_its_status);
	tcase_add_test(tc, fork_shares_pages_copy_on_write);
	tcase_add_test(tc, orphans_are_reparented_to_init_which_reaps_them);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

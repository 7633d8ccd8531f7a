/* test_run.c: the seccomp engine runs guest code and reports syscalls, faults and
 * interrupts (src/hal-kvm/seccomp/run.c, tlb.c, handoff.c and the stub). */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "guest_env.h"
#include "hal.h"
#include "seccomp/seccomp_engine.h"

#define TIMEOUT_MS 5000

static struct guest_env env;

static void setup(void)
{
	env_setup(&env, true);
}

static void teardown(void)
{
	env_teardown(&env);
}

START_TEST(syscall_returns_number_and_resumes_with_result)
{
	ENV_LOAD(&env, getpid_exit);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA + 7);
	ck_assert_uint_eq(env.ctx.regs.rcx, ENV_CODE_VA + 7);
	env.ctx.regs.rax = 1234;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 60);
	ck_assert_uint_eq(env.ctx.regs.rbx, 1234);
}
END_TEST

static void fill_regs(struct user_regs *r, uint64_t seed)
{
	uint64_t *w = (uint64_t *)r;
	size_t i;

	for (i = 0; i < offsetof(struct user_regs, rip) / 8; i++)
		w[i] = seed * 0x0101010101010101ull + i;
	r->rax = 39;
}

/* rcx and r11 hold rip and rflags after any syscall; everything else comes back. */
static void check_regs(const struct user_regs *got, const struct user_regs *want)
{
	ck_assert_uint_eq(got->r15, want->r15);
	ck_assert_uint_eq(got->r14, want->r14);
	ck_assert_uint_eq(got->r13, want->r13);
	ck_assert_uint_eq(got->r12, want->r12);
	ck_assert_uint_eq(got->rbp, want->rbp);
	ck_assert_uint_eq(got->rbx, want->rbx);
	ck_assert_uint_eq(got->r10, want->r10);
	ck_assert_uint_eq(got->r9, want->r9);
	ck_assert_uint_eq(got->r8, want->r8);
	ck_assert_uint_eq(got->rax, want->rax);
	ck_assert_uint_eq(got->rdx, want->rdx);
	ck_assert_uint_eq(got->rsi, want->rsi);
	ck_assert_uint_eq(got->rdi, want->rdi);
	ck_assert_uint_eq(got->rsp, want->rsp);
	ck_assert_uint_eq(got->rcx, got->rip);
}

START_TEST(general_registers_survive_round_trips)
{
	struct user_regs want;
	uint64_t seed;

	ENV_LOAD(&env, syscall_loop);
	for (seed = 1; seed <= 3; seed++) {
		uint64_t rip = env.ctx.regs.rip, rsp = env.ctx.regs.rsp;

		fill_regs(&env.ctx.regs, seed);
		env.ctx.regs.rip = rip;
		env.ctx.regs.rsp = rsp;
		env.ctx.regs.rflags = 0x202;
		want = env.ctx.regs;
		ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
		check_regs(&env.ctx.regs, &want);
		ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA + 2);
		ck_assert_uint_eq(env.ctx.regs.rflags & 0xfff, 0x202);
	}
}
END_TEST

START_TEST(xmm_registers_survive_a_trap)
{
	uint64_t *out = env_host(&env, ENV_DATA_VA);

	ENV_LOAD(&env, xmm_keep);
	env.ctx.regs.rdi = 0x1122334455667788ull;
	env.ctx.regs.rsi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 60);
	ck_assert_uint_eq(*out, 0x1122334455667788ull);
}
END_TEST

START_TEST(fs_base_set_by_kernel_is_seen_by_guest)
{
	uint64_t *data = env_host(&env, ENV_DATA_VA);

	data[0] = 0xdeadbeefcafef00dull;
	ENV_LOAD(&env, fs_load);
	env.ctx.regs.fs_base = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rbx, 0xdeadbeefcafef00dull);
	ck_assert_uint_eq(env.ctx.regs.fs_base, ENV_DATA_VA);
}
END_TEST

START_TEST(unmapped_read_is_page_fault_then_fill_then_flush)
{
	uint64_t *page;

	ENV_LOAD(&env, load_loop);
	env.ctx.regs.rdi = ENV_HOLE_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA + 8);
	ck_assert_uint_eq(env.ctx.fault.error_code & (PF_ERR_WRITE | PF_ERR_USER), PF_ERR_USER);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA);

	/* Mapped in the page table only: filled without a return. */
	page = env_map(&env, ENV_HOLE_VA, VM_READ);
	page[1] = 77;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rbx, 77);

	/* Gone from the page table and flushed: faults again. */
	env_unmap(&env, ENV_HOLE_VA);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA + 8);
}
END_TEST

START_TEST(page_the_services_map_after_a_fault_is_filled_before_the_guest_resumes)
{
	struct engine_thread *t;
	unsigned long faults;
	uint64_t *page;

	ENV_LOAD(&env, store);
	env.ctx.regs.rdi = ENV_HOLE_VA + 16;
	env.ctx.regs.rbx = 99;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA + 16);
	t = env.ctx.engine;
	faults = t->page_faults;
	/* What the services do for demand paging: map it, and resume the same store. */
	page = env_map(&env, ENV_HOLE_VA, VM_READ | VM_WRITE);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(page[2], 99);
	ck_assert_uint_eq(t->page_faults, faults);
}
END_TEST

START_TEST(fresh_stub_thread_enters_with_its_code_and_stack_pages_mapped)
{
	struct engine_thread *t;

	ENV_LOAD(&env, load_loop);
	env.ctx.regs.rdi = ENV_STACK_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	t = env.ctx.engine;
	ck_assert_uint_eq(t->page_faults, 0);
}
END_TEST

START_TEST(after_a_flush_the_next_run_refills_code_and_stack_pages)
{
	struct engine_thread *t;
	unsigned long faults;

	ENV_LOAD(&env, load_loop);
	env.ctx.regs.rdi = ENV_STACK_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	t = env.ctx.engine;
	faults = t->page_faults;
	/* What a fork does to the parent: everything write-protected, so flushed. */
	seccomp_engine_ops.space_flush(env.space, seccomp_engine_ops.user_start,
				       seccomp_engine_ops.user_end - seccomp_engine_ops.user_start);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(t->page_faults, faults);
	ck_assert_uint_eq(env.ctx.regs.rbx, 0);
}
END_TEST

START_TEST(flushed_range_keeps_what_the_table_still_maps_and_drops_the_rest)
{
	struct engine_thread *t;
	unsigned long faults;
	unsigned int prot;
	uint64_t pa;

	ENV_LOAD(&env, load_loop);
	env_map(&env, ENV_HOLE_VA, VM_READ | VM_WRITE);
	env.ctx.regs.rdi = ENV_HOLE_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	t = env.ctx.engine;
	faults = t->page_faults;
	/* A fork write-protects the page: the read-only page stays mapped, no fault. */
	ck_assert_int_eq(ostd_vmspace_translate(&env.vs, ENV_HOLE_VA, &pa, &prot), 0);
	env_map_pa(&env, ENV_HOLE_VA, pa, VM_READ);
	seccomp_engine_ops.space_flush(env.space, ENV_HOLE_VA, PAGE_SIZE);
	env.ctx.regs.rdi = ENV_HOLE_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(t->page_faults, faults);
	/* Unmapped from the table: gone from the stub too, the read faults. */
	env_unmap(&env, ENV_HOLE_VA);
	seccomp_engine_ops.space_flush(env.space, ENV_HOLE_VA, PAGE_SIZE);
	env.ctx.regs.rdi = ENV_HOLE_VA + 8;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA + 8);
}
END_TEST

START_TEST(fault_the_services_do_not_cure_faults_again)
{
	ENV_LOAD(&env, store);
	env_map(&env, ENV_HOLE_VA, VM_READ);
	env.ctx.regs.rdi = ENV_HOLE_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	/* Still read-only: the fill before the run maps nothing writable. */
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA);
	ck_assert(env.ctx.fault.error_code & PF_ERR_WRITE);
}
END_TEST

START_TEST(flush_of_whole_user_range_unmaps_everything)
{
	ENV_LOAD(&env, load_loop);
	env.ctx.regs.rdi = ENV_DATA_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	/* Spans every munmap tier of the stub's filter; a refused one would kill the stub. */
	env_unmap(&env, ENV_DATA_VA);
	seccomp_engine_ops.space_flush(env.space, seccomp_engine_ops.user_start,
				       seccomp_engine_ops.user_end - seccomp_engine_ops.user_start);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_DATA_VA);
}
END_TEST

START_TEST(write_to_read_only_page_faults_with_write_bit)
{
	env_map(&env, ENV_HOLE_VA, VM_READ);
	ENV_LOAD(&env, store);
	env.ctx.regs.rdi = ENV_HOLE_VA;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(env.ctx.fault.addr, ENV_HOLE_VA);
	ck_assert(env.ctx.fault.error_code & PF_ERR_WRITE);
}
END_TEST

START_TEST(write_exec_page_takes_writes_then_runs)
{
	uint8_t *b = env_map(&env, ENV_HOLE_VA, VM_READ | VM_WRITE | VM_EXEC);

	/* Code on W+X page A stores into W+X page B (mapped R+W), then runs B (now R+X). */
	memcpy(b + 0x10, gp_getpid_exit, (size_t)(gp_getpid_exit_end - gp_getpid_exit));
	env_map(&env, ENV_HOLE_VA + 0x10000, VM_READ | VM_WRITE | VM_EXEC);
	env_load(&env, ENV_HOLE_VA + 0x10000, gp_store_jump, gp_store_jump_end);
	env.ctx.regs.rdi = ENV_HOLE_VA;
	env.ctx.regs.rsi = ENV_HOLE_VA + 0x10;
	env.ctx.regs.rbx = 99;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(*(uint64_t *)b, 99);
}
END_TEST

START_TEST(code_storing_into_its_own_write_exec_page_gets_page_fault)
{
	env_map(&env, ENV_HOLE_VA, VM_READ | VM_WRITE | VM_EXEC);
	env_load(&env, ENV_HOLE_VA, gp_store, gp_store_end);
	env.ctx.regs.rdi = ENV_HOLE_VA + 0x800;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
}
END_TEST

START_TEST(ud2_is_invalid_opcode)
{
	ENV_LOAD(&env, ud2);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_EXCEPTION);
	ck_assert_uint_eq(env.ctx.fault.vector, TRAP_UD);
	ck_assert_uint_eq(env.ctx.regs.rip, ENV_CODE_VA);
}
END_TEST

START_TEST(endless_loop_is_interrupted_at_deadline_and_continues)
{
	uint64_t first;
	int i;

	ENV_LOAD(&env, spin);
	/* The first deadline also covers the stub's start-up: on a loaded host the kick may
	 * come before the guest ran at all, so allow a few slices. */
	for (i = 0; i < 50 && env.ctx.regs.rbx == 0; i++)
		ck_assert_int_eq(env_run(&env, 20), USER_RETURN_INTERRUPTED);
	first = env.ctx.regs.rbx;
	ck_assert_uint_gt(first, 0);
	ck_assert_int_eq(env_run(&env, 20), USER_RETURN_INTERRUPTED);
	ck_assert_uint_gt(env.ctx.regs.rbx, first);
}
END_TEST

START_TEST(sleeping_handoff_works_without_spinning)
{
	env_teardown(&env);
	env_setup(&env, false);
	ENV_LOAD(&env, getpid_exit);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	env.ctx.regs.rax = 5;
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rbx, 5);
}
END_TEST

static Suite *run_suite(void)
{
	Suite *s = suite_create("seccomp_run");
	TCase *tc = tcase_create("run");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, syscall_returns_number_and_resumes_with_result);
	tcase_add_test(tc, general_registers_survive_round_trips);
	tcase_add_test(tc, xmm_registers_survive_a_trap);
	tcase_add_test(tc, fs_base_set_by_kernel_is_seen_by_guest);
	tcase_add_test(tc, unmapped_read_is_page_fault_then_fill_then_flush);
	tcase_add_test(tc, flush_of_whole_user_range_unmaps_everything);
	tcase_add_test(tc, write_to_read_only_page_faults_with_write_bit);
	tcase_add_test(tc, flushed_range_keeps_what_the_table_still_maps_and_drops_the_rest);
	tcase_add_test(tc, page_the_services_map_after_a_fault_is_filled_before_the_guest_resumes);
	tcase_add_test(tc, fault_the_services_do_not_cure_faults_again);
	tcase_add_test(tc, fresh_stub_thread_enters_with_its_code_and_stack_pages_mapped);
	tcase_add_test(tc, after_a_flush_the_next_run_refills_code_and_stack_pages);
	tcase_add_test(tc, write_exec_page_takes_writes_then_runs);
	tcase_add_test(tc, code_storing_into_its_own_write_exec_page_gets_page_fault);
	tcase_add_test(tc, ud2_is_invalid_opcode);
	tcase_add_test(tc, endless_loop_is_interrupted_at_deadline_and_continues);
	tcase_add_test(tc, sleeping_handoff_works_without_spinning);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run_suite(run_suite());
}

/* test_session.c: a debugged program's run: it stops at its first instruction, breakpoint
 * and single-step traps stop it instead of SIGTRAP, the debugger sees its exit, and a
 * debugger that hangs up, detaches or kills leaves a consistent machine. */
#include <ostd/errno.h>
#include <abi/signal.h>
#include <debug/session.h>
#include <process/thread.h>
#include "../services_test.h"

#define CODE_RIP 0x401000

/* What gdb sends: packets framed, each followed by gdb's ack of our reply. */
static void debugger_sends(const char *const *pkts)
{
	static char wire[8192];
	size_t len = 0;

	for (; *pkts; pkts++) {
		ssize_t n = gdb_frame(*pkts, strlen(*pkts), wire + len, sizeof(wire) - len - 1);

		ck_assert_int_gt(n, 0);
		len += (size_t)n;
		wire[len++] = '+';
	}
	debug_session_reset(&debug_session);
	hal_test_debug_port_open(wire, len);
}

static bool debugger_got(const char *payload)
{
	char framed[256];
	ssize_t n = gdb_frame(payload, strlen(payload), framed, sizeof(framed) - 1);

	ck_assert_int_gt(n, 0);
	framed[n] = '\0';
	return strstr(hal_test_debug_port_output(NULL), framed) != NULL;
}

struct script {
	unsigned int step;
	uint64_t rip_seen[4];
	uint64_t rflags_seen[4];
	uaddr_t bp;
	uint8_t byte_at_bp;
	struct process *p;
};

static enum user_return exit_with(struct user_context *ctx, uint64_t code)
{
	ctx->regs.rax = 231;
	ctx->regs.rdi = code;
	return USER_RETURN_SYSCALL;
}

static enum user_return trap(struct user_context *ctx, unsigned int vector)
{
	ctx->fault.vector = vector;
	ctx->fault.error_code = 0;
	ctx->fault.addr = 0;
	return USER_RETURN_EXCEPTION;
}

/* Runs to the breakpoint (int3 leaves rip after it), then exits with 7. */
static enum user_return run_to_breakpoint(struct user_context *ctx, struct vmspace *vs,
					  uint64_t deadline, void *arg)
{
	struct script *s = arg;
	unsigned int i = s->step++;

	if (i < 4) {
		s->rip_seen[i] = ctx->regs.rip;
		s->rflags_seen[i] = ctx->regs.rflags;
	}
	if (i == 0) {
		ck_assert_int_eq(vmspace_copy_from(vs, &s->byte_at_bp, s->bp, 1), 0);
		ctx->regs.rip = s->bp + 1;
		return trap(ctx, TRAP_BP);
	}
	return exit_with(ctx, 7);
}

/* A thread about to run code at CODE_RIP, in a process with a text page there. */
static struct process *program_new(uaddr_t *text)
{
	struct process *p = svc_process_new();
	long a = mm_mmap(p->mm, CODE_RIP, PAGE_SIZE, PROT_READ | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	ck_assert_int_eq(a, CODE_RIP);
	thread_current()->ctx.regs.rip = CODE_RIP;
	*text = CODE_RIP;
	return p;
}

BOOTED_TEST(program_waits_at_first_instruction_and_debugger_sees_breakpoint_and_exit)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .bp = CODE_RIP + 0x10, .p = p };
	const char *pkts[] = { "qSupported", "?", "Z0,401010,1", "c", "p10", "z0,401010,1",
			       "c", NULL };
	uint8_t raw;

	debugger_sends(pkts);
	hal_test_set_execute(run_to_breakpoint, &s);
	ck_assert_int_eq(svc_run(p), 7);
	ck_assert_uint_eq(s.rip_seen[0], CODE_RIP);
	ck_assert_uint_eq(s.byte_at_bp, 0xcc);
	/* Back at the int3's address, its byte restored, not a SIGTRAP. */
	ck_assert_uint_eq(s.rip_seen[1], CODE_RIP + 0x10);
	ck_assert(debugger_got("T05thread:1;"));
	ck_assert(debugger_got("1010400000000000"));
	ck_assert(debugger_got("W07"));
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &raw, s.bp, 1), 0);
	ck_assert_uint_eq(raw, 0);
	svc_process_free(p);
	return 0;
}

/* Step: TF must be set for exactly one run; the CPU answers with #DB. */
static enum user_return run_steps(struct user_context *ctx, struct vmspace *vs,
				  uint64_t deadline, void *arg)
{
	struct script *s = arg;
	unsigned int i = s->step++;

	if (i < 4) {
		s->rip_seen[i] = ctx->regs.rip;
		s->rflags_seen[i] = ctx->regs.rflags;
	}
	if (i == 0) {
		ctx->regs.rip += 1;
		return trap(ctx, TRAP_DB);
	}
	return exit_with(ctx, 0);
}

BOOTED_TEST(single_step_sets_tf_for_one_instruction_and_reports_the_stop)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .p = p };
	const char *pkts[] = { "?", "vCont;s:1", "p10", "c", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_steps, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert(s.rflags_seen[0] & DEBUG_RFLAGS_TF);
	ck_assert(!(s.rflags_seen[1] & DEBUG_RFLAGS_TF));
	ck_assert(debugger_got("0110400000000000"));
	ck_assert(debugger_got("W00"));
	svc_process_free(p);
	return 0;
}

/* A step over `syscall` ends when the call returns. */
static enum user_return run_step_syscall(struct user_context *ctx, struct vmspace *vs,
					 uint64_t deadline, void *arg)
{
	struct script *s = arg;
	unsigned int i = s->step++;

	if (i < 4)
		s->rflags_seen[i] = ctx->regs.rflags;
	if (i == 0) {
		ctx->regs.rax = 39;    /* getpid */
		ctx->regs.rip += 2;
		return USER_RETURN_SYSCALL;
	}
	return exit_with(ctx, 3);
}

BOOTED_TEST(step_over_a_syscall_stops_right_after_it)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .p = p };
	const char *pkts[] = { "s", "p0", "c", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_step_syscall, &s);
	ck_assert_int_eq(svc_run(p), 3);
	ck_assert(!(s.rflags_seen[1] & DEBUG_RFLAGS_TF));
	ck_assert(debugger_got("T05thread:1;"));
	ck_assert(debugger_got("0100000000000000"));   /* rax = getpid() = 1 */
	svc_process_free(p);
	return 0;
}

/* gdb continues from a breakpoint it left in place: step over it, put it back, go on. */
static enum user_return run_over_breakpoint(struct user_context *ctx, struct vmspace *vs,
					    uint64_t deadline, void *arg)
{
	struct script *s = arg;
	unsigned int i = s->step++;

	if (i < 4) {
		s->rip_seen[i] = ctx->regs.rip;
		s->rflags_seen[i] = ctx->regs.rflags;
	}
	switch (i) {
	case 0:
		ck_assert_int_eq(vmspace_copy_from(vs, &s->byte_at_bp, CODE_RIP, 1), 0);
		ctx->regs.rip += 1;
		return trap(ctx, TRAP_DB);
	case 1: {
		uint8_t b;

		ck_assert_int_eq(vmspace_copy_from(vs, &b, CODE_RIP, 1), 0);
		ck_assert_uint_eq(b, 0xcc);
		return exit_with(ctx, 0);
	}
	default:
		return exit_with(ctx, 1);
	}
}

BOOTED_TEST(continue_from_a_breakpoint_steps_over_it_and_reinserts_it)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .p = p };
	const char *pkts[] = { "Z0,401000,1", "c", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_over_breakpoint, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert_uint_eq(s.byte_at_bp, 0);         /* the real instruction ran */
	ck_assert(s.rflags_seen[0] & DEBUG_RFLAGS_TF);
	ck_assert(!(s.rflags_seen[1] & DEBUG_RFLAGS_TF));
	ck_assert(!debugger_got("T05thread:1;"));   /* no stop reported for the step */
	svc_process_free(p);
	return 0;
}

static enum user_return run_int3(struct user_context *ctx, struct vmspace *vs,
				 uint64_t deadline, void *arg)
{
	ctx->regs.rip += 1;
	return trap(ctx, TRAP_BP);
}

BOOTED_TEST(kill_ends_the_program_with_sigkill)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	const char *pkts[] = { "?", "k", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_int3, NULL);
	ck_assert_int_eq(svc_run(p), 128 + SIGKILL);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(debugger_hanging_up_detaches_and_traps_are_sigtrap_again)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	const char *pkts[] = { "?", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_int3, NULL);
	ck_assert_int_eq(svc_run(p), 128 + SIGTRAP);
	ck_assert(!debug_session.attached);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(detach_removes_breakpoints_and_the_program_runs_on)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .bp = CODE_RIP + 0x10, .p = p };
	const char *pkts[] = { "Z0,401010,1", "D", NULL };

	debugger_sends(pkts);
	hal_test_set_execute(run_to_breakpoint, &s);
	/* The int3 is gone: the scripted trap is then the program's own, a SIGTRAP. */
	ck_assert_int_eq(svc_run(p), 128 + SIGTRAP);
	ck_assert_uint_eq(s.byte_at_bp, 0);
	ck_assert(debugger_got("OK"));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(bad_checksum_is_nakked_and_nak_resends_the_last_reply)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	static const char wire[] = "$?#00$qC#b4-$k#6b";

	debug_session_reset(&debug_session);
	hal_test_debug_port_open(wire, sizeof(wire) - 1);
	hal_test_set_execute(run_int3, NULL);
	ck_assert_int_eq(svc_run(p), 128 + SIGKILL);
	ck_assert_str_eq(hal_test_debug_port_output(NULL), "-+$QC1#c5$QC1#c5+");
	svc_process_free(p);
	return 0;
}

static enum user_return run_spin(struct user_context *ctx, struct vmspace *vs,
				 uint64_t deadline, void *arg)
{
	struct script *s = arg;

	return s->step++ == 0 ? USER_RETURN_INTERRUPTED : exit_with(ctx, 0);
}

BOOTED_TEST(ctrl_c_while_running_stops_the_program_with_sigint)
{
	uaddr_t text;
	struct process *p = program_new(&text);
	struct script s = { .p = p };
	static const char wire[] = "$c#63+\x03$c#63+";

	debug_session_reset(&debug_session);
	hal_test_debug_port_open(wire, sizeof(wire) - 1);
	hal_test_set_execute(run_spin, &s);
	ck_assert_int_eq(svc_run(p), 0);
	ck_assert(debugger_got("T02thread:1;"));
	ck_assert(debugger_got("W00"));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(without_a_debugger_nothing_stops_and_int3_is_sigtrap)
{
	uaddr_t text;
	struct process *p = program_new(&text);

	debug_session_reset(&debug_session);
	hal_test_set_execute(run_int3, NULL);
	ck_assert_int_eq(svc_run(p), 128 + SIGTRAP);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("debug_session");
	TCase *tc = tcase_create("session");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, program_waits_at_first_instruction_and_debugger_sees_breakpoint_and_exit);
	tcase_add_test(tc, single_step_sets_tf_for_one_instruction_and_reports_the_stop);
	tcase_add_test(tc, step_over_a_syscall_stops_right_after_it);
	tcase_add_test(tc, continue_from_a_breakpoint_steps_over_it_and_reinserts_it);
	tcase_add_test(tc, kill_ends_the_program_with_sigkill);
	tcase_add_test(tc, debugger_hanging_up_detaches_and_traps_are_sigtrap_again);
	tcase_add_test(tc, detach_removes_breakpoints_and_the_program_runs_on);
	tcase_add_test(tc, bad_checksum_is_nakked_and_nak_resends_the_last_reply);
	tcase_add_test(tc, ctrl_c_while_running_stops_the_program_with_sigint);
	tcase_add_test(tc, without_a_debugger_nothing_stops_and_int3_is_sigtrap);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

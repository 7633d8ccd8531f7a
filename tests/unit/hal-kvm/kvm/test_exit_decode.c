/* test_exit_decode.c: KVM exits decoded without /dev/kvm: synthetic struct kvm_run
 * contents for each stub port, each failure exit and hostile values, and the user_return
 * material (registers, fault) the decoder makes of them. */
#include <check.h>
#include <errno.h>
#include <string.h>

#include "check_run.h"
#include "kvm/exit_decode.h"
#include "kvm/guest_image.h"

static struct kvm_run run;
static uint64_t frame[KVM_FRAME_BYTES / 8];
static struct user_context ctx;
static char why[160];

#define STACK_AT_OUT (kvm_kva(KVM_AREA_STACK_TOP) - KVM_FRAME_BYTES)

static void setup(void)
{
	memset(&run, 0, sizeof(run));
	memset(frame, 0, sizeof(frame));
	memset(&ctx, 0xee, sizeof(ctx));
	why[0] = 0;
}

/* The vCPU as the stub leaves it at the `out` for port. */
static void at_out(unsigned int port)
{
	struct kvm_regs *r = &run.s.regs.regs;

	run.exit_reason = KVM_EXIT_IO;
	run.io.direction = KVM_EXIT_IO_OUT;
	run.io.size = 1;
	run.io.count = 1;
	run.io.port = (uint16_t)port;
	r->rip = kvm_exit_stub_out(port);
	run.s.regs.sregs.cs.selector = KVM_SEL_KERNEL_CS;
	r->rax = 39;
	r->rdi = 1, r->rsi = 2, r->rdx = 3, r->r10 = 4, r->r8 = 5, r->r9 = 6;
	r->rbx = 7, r->rbp = 8, r->r12 = 12, r->r13 = 13, r->r14 = 14, r->r15 = 15;
	run.s.regs.sregs.fs.base = 0x7f00dead0000;
}

/* An exception from CPL3: the CPU's frame at the top of the ring-0 stack. */
static void at_exception(unsigned int v, uint64_t err)
{
	at_out(KVM_PORT_EXC_BASE + v);
	run.s.regs.regs.rsp = STACK_AT_OUT;
	frame[0] = err;
	frame[1] = 0x401234;            /* rip */
	frame[2] = KVM_SEL_USER_CS;
	frame[3] = 0x10246;             /* rflags */
	frame[4] = 0x7ffc0000;          /* rsp */
	frame[5] = KVM_SEL_USER_DS;
}

static enum kvm_exit_kind decode(int err)
{
	return kvm_exit_decode(&run, err, frame, &ctx, why, sizeof(why));
}

START_TEST(syscall_exit_gives_rip_from_rcx_and_rflags_from_r11)
{
	at_out(KVM_PORT_SYSCALL);
	run.s.regs.regs.rcx = 0x401002;
	run.s.regs.regs.r11 = 0x246;
	run.s.regs.regs.rsp = 0x7ffd1000;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_SYSCALL);
	ck_assert_uint_eq(ctx.regs.rip, 0x401002);
	ck_assert_uint_eq(ctx.regs.rflags, 0x246);
	ck_assert_uint_eq(ctx.regs.rsp, 0x7ffd1000);
	ck_assert_uint_eq(ctx.regs.rcx, 0x401002);  /* as Linux leaves them */
	ck_assert_uint_eq(ctx.regs.r11, 0x246);
	ck_assert_uint_eq(user_syscall_nr(&ctx), 39);
	for (int i = 0; i < 6; i++)
		ck_assert_uint_eq(user_syscall_arg(&ctx, i), (uint64_t)i + 1);
	ck_assert_uint_eq(ctx.regs.rbx, 7);
	ck_assert_uint_eq(ctx.regs.rbp, 8);
	ck_assert_uint_eq(ctx.regs.r15, 15);
	ck_assert_uint_eq(ctx.regs.fs_base, 0x7f00dead0000);
}
END_TEST

START_TEST(syscall_exit_reported_past_the_out_is_accepted_too)
{
	at_out(KVM_PORT_SYSCALL);
	run.s.regs.regs.rip += 2;
	run.s.regs.regs.rcx = 0x401002;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_SYSCALL);
}
END_TEST

START_TEST(page_fault_gives_cr2_error_code_and_the_faulting_frame)
{
	at_exception(TRAP_PF, PF_ERR_USER | PF_ERR_WRITE);
	run.s.regs.sregs.cr2 = 0xdead000;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_EXCEPTION);
	ck_assert_uint_eq(ctx.fault.vector, TRAP_PF);
	ck_assert_uint_eq(ctx.fault.error_code, PF_ERR_USER | PF_ERR_WRITE);
	ck_assert_uint_eq(ctx.fault.addr, 0xdead000);
	ck_assert_uint_eq(ctx.regs.rip, 0x401234);
	ck_assert_uint_eq(ctx.regs.rsp, 0x7ffc0000);
	ck_assert_uint_eq(ctx.regs.rflags, 0x10246);
	ck_assert_uint_eq(ctx.regs.rax, 39);
	ck_assert_uint_eq(ctx.regs.fs_base, 0x7f00dead0000);
}
END_TEST

START_TEST(program_faults_are_exceptions_with_their_vector)
{
	static const unsigned int vs[] = { TRAP_DE, TRAP_DB, TRAP_BP, TRAP_UD, TRAP_GP,
					   TRAP_MF, TRAP_XM, 17 };

	for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
		setup();
		at_exception(vs[i], 0x18);
		ck_assert_int_eq(decode(0), KVM_EXIT_KIND_EXCEPTION);
		ck_assert_uint_eq(ctx.fault.vector, vs[i]);
		/* The stub's pushed 0 where the CPU gives no error code. */
		ck_assert_uint_eq(ctx.fault.error_code, KVM_VEC_HAS_ERROR(vs[i]) ? 0x18 : 0);
		ck_assert_uint_eq(ctx.fault.addr, 0);
	}
}
END_TEST

START_TEST(machine_exceptions_from_user_mode_end_the_program)
{
	static const unsigned int vs[] = { 2, 8, 18, 20, 31 };

	for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
		setup();
		at_exception(vs[i], 0);
		ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
		ck_assert_ptr_nonnull(strstr(why, "not a program fault"));
	}
}
END_TEST

START_TEST(exception_inside_the_stub_is_lost_not_the_programs)
{
	at_exception(TRAP_GP, 0);
	run.s.regs.regs.rsp = STACK_AT_OUT - 48;     /* a nested frame below the first */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	ck_assert_ptr_nonnull(strstr(why, "ring-0"));
	setup();
	at_exception(TRAP_PF, 0);
	frame[2] = KVM_SEL_KERNEL_CS;                /* taken at CPL0 */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_exception(TRAP_UD, 0);
	frame[5] = 0;                                /* a forged SS */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_exception(TRAP_GP, 0);
	frame[2] = KVM_SEL_USER32_CS;                /* the program far-jumped to compat mode */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	ck_assert_ptr_nonnull(strstr(why, "compat-mode"));
}
END_TEST

START_TEST(compat_syscall_is_an_invalid_opcode)
{
	at_out(KVM_PORT_COMPAT);
	run.s.regs.regs.rcx = 0x8048002;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_EXCEPTION);
	ck_assert_uint_eq(ctx.fault.vector, TRAP_UD);
	ck_assert_uint_eq(ctx.regs.rip, 0x8048002);
}
END_TEST

START_TEST(cr3_exit_is_recognised_and_leaves_the_context_alone)
{
	struct user_context before;

	memcpy(&before, &ctx, sizeof(ctx));
	at_out(KVM_PORT_CR3);
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_CR3);
	ck_assert_mem_eq(&ctx, &before, sizeof(ctx));
}
END_TEST

START_TEST(io_not_from_the_stub_is_lost)
{
	at_out(KVM_PORT_SYSCALL);
	run.s.regs.regs.rip = 0x401000;                      /* user code */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	ck_assert_ptr_nonnull(strstr(why, "not from the engine's stub"));
	setup();
	at_out(KVM_PORT_SYSCALL);
	run.s.regs.sregs.cs.selector = KVM_SEL_USER_CS;      /* CPL3 */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_out(KVM_PORT_SYSCALL);
	run.s.regs.regs.rip = kvm_exit_stub_out(KVM_PORT_CR3);   /* another entry's out */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_out(0x3f8);                                       /* a port the stub never uses */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_out(KVM_PORT_SYSCALL);
	run.io.direction = KVM_EXIT_IO_IN;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_out(KVM_PORT_SYSCALL);
	run.io.count = 2;                                    /* rep outsb */
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
	setup();
	at_out(KVM_PORT_SYSCALL);
	run.io.size = 4;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
}
END_TEST

START_TEST(failure_exits_are_lost_with_a_reason)
{
	static const struct { uint32_t reason; const char *says; } cases[] = {
		{ KVM_EXIT_SHUTDOWN, "triple fault" },
		{ KVM_EXIT_INTERNAL_ERROR, "internal error" },
		{ KVM_EXIT_FAIL_ENTRY, "entry failed" },
		{ KVM_EXIT_HLT, "hlt" },
		{ KVM_EXIT_MMIO, "outside its memory" },
		{ KVM_EXIT_UNKNOWN, "unexpected KVM exit" },
		{ 4242, "unexpected KVM exit 4242" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct user_context before;

		setup();
		memcpy(&before, &ctx, sizeof(ctx));
		run.exit_reason = cases[i].reason;
		ck_assert_int_eq(decode(0), KVM_EXIT_KIND_LOST);
		ck_assert_msg(strstr(why, cases[i].says), "exit %u: '%s'", cases[i].reason, why);
		ck_assert_mem_eq(&ctx, &before, sizeof(ctx));
	}
	setup();
	ck_assert_int_eq(decode(-EFAULT), KVM_EXIT_KIND_LOST);
	ck_assert_ptr_nonnull(strstr(why, "KVM_RUN failed"));
}
END_TEST

START_TEST(kick_before_the_guest_ran_leaves_the_context_alone)
{
	struct user_context before;

	memcpy(&before, &ctx, sizeof(ctx));
	run.kvm_dirty_regs = KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS;
	run.s.regs.sregs.cs.selector = KVM_SEL_KERNEL_CS;   /* stale: from the last exit */
	ck_assert_int_eq(decode(-EINTR), KVM_EXIT_KIND_INTERRUPTED);
	ck_assert_mem_eq(&ctx, &before, sizeof(ctx));
}
END_TEST

START_TEST(kick_in_user_code_takes_the_programs_registers)
{
	run.exit_reason = KVM_EXIT_INTR;
	run.s.regs.sregs.cs.selector = KVM_SEL_USER_CS;
	run.s.regs.regs.rip = 0x401777;
	run.s.regs.regs.rcx = 5;
	ck_assert_int_eq(decode(-EINTR), KVM_EXIT_KIND_INTERRUPTED);
	ck_assert_uint_eq(ctx.regs.rip, 0x401777);
	ck_assert_uint_eq(ctx.regs.rcx, 5);
	setup();
	run.exit_reason = KVM_EXIT_INTR;
	run.s.regs.sregs.cs.selector = KVM_SEL_USER_CS;
	ck_assert_int_eq(decode(0), KVM_EXIT_KIND_INTERRUPTED);
}
END_TEST

START_TEST(kick_inside_the_stub_resumes_it)
{
	run.s.regs.sregs.cs.selector = KVM_SEL_KERNEL_CS;
	ck_assert_int_eq(decode(-EINTR), KVM_EXIT_KIND_RESUME);
	setup();
	run.s.regs.sregs.cs.selector = 0x8;
	ck_assert_int_eq(decode(-EINTR), KVM_EXIT_KIND_LOST);
}
END_TEST

static Suite *exit_decode_suite(void)
{
	Suite *s = suite_create("kvm_exit_decode");
	TCase *tc = tcase_create("decode");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, syscall_exit_gives_rip_from_rcx_and_rflags_from_r11);
	tcase_add_test(tc, syscall_exit_reported_past_the_out_is_accepted_too);
	tcase_add_test(tc, page_fault_gives_cr2_error_code_and_the_faulting_frame);
	tcase_add_test(tc, program_faults_are_exceptions_with_their_vector);
	tcase_add_test(tc, machine_exceptions_from_user_mode_end_the_program);
	tcase_add_test(tc, exception_inside_the_stub_is_lost_not_the_programs);
	tcase_add_test(tc, compat_syscall_is_an_invalid_opcode);
	tcase_add_test(tc, cr3_exit_is_recognised_and_leaves_the_context_alone);
	tcase_add_test(tc, io_not_from_the_stub_is_lost);
	tcase_add_test(tc, failure_exits_are_lost_with_a_reason);
	tcase_add_test(tc, kick_before_the_guest_ran_leaves_the_context_alone);
	tcase_add_test(tc, kick_in_user_code_takes_the_programs_registers);
	tcase_add_test(tc, kick_inside_the_stub_resumes_it);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run_suite(exit_decode_suite());
}

/* test_signal.c: sending, delivery, handler frames, rt_sigreturn and the signal syscalls,
 * against the fake process core (fake_process.h) in a booted test kernel. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/sigframe.h>
#include <signal/frame.h>
#include <signal/restart.h>
#include <signal/signal.h>

#include "fake_process.h"
#include "ostd_check.h"

#define HANDLER  0x401000ull
#define RESTORER 0x402000ull
#define USER_RIP 0x400500ull
#define USER_SP  (FAKE_USER_END - 0x1000)
#define NR_PAUSE 34
#define ITIMER_REAL 0

/* abi/time.h's and abi/itimer.h's layouts: Check's headers bring glibc's same-named ones. */
struct test_timespec { int64_t tv_sec, tv_nsec; };
struct test_timeval { int64_t tv_sec, tv_usec; };
struct test_itimerval { struct test_timeval it_interval, it_value; };

static struct fake_process *fp;
static struct thread *t;

static void signal_test_setup(void)
{
	fake_process_reset();
	fp = fake_process_add(10, 10, 10, 0);
	t = &fp->thread;
	fake_user_memory();
	t->ctx.regs.rsp = USER_SP;
	t->ctx.regs.rip = USER_RIP;
	t->ctx.regs.rflags = 0x246;
	/* A core limit above 0: core-dumping deaths report the dump bit. */
	fp->proc.rlimits[RLIMIT_CORE].rlim_cur = ~0ull;
}

static void signal_test_done(void)
{
	sigqueue_clear(&t->pending);
	sigqueue_clear(&fp->proc.shared_pending);
	fake_user_memory_free();
}

static void handler_set(int sig, uint64_t flags, kernel_sigset_t mask)
{
	fp->proc.sigactions[sig - 1] = (struct sigaction){
		.sa_handler = HANDLER, .sa_flags = flags | SA_RESTORER,
		.sa_restorer = RESTORER, .sa_mask = mask,
	};
}

static struct rt_sigframe frame_read(void)
{
	struct rt_sigframe f;

	ck_assert_int_eq(copy_from_user(&f, uaddr_ptr(t->ctx.regs.rsp), sizeof(f)), 0);
	return f;
}

/* The restorer's rt_sigreturn: the handler's ret popped pretcode. */
static long sigreturn_as_restorer(void)
{
	t->ctx.regs.rsp += 8;
	return sys_rt_sigreturn();
}

BOOTED_TEST(handler_frame_matches_linux_layout_and_entry_registers)
{
	struct rt_sigframe f;
	uint8_t fpimg[FAKE_FPSTATE_SIZE];
	uint64_t frame;

	signal_test_setup();
	handler_set(SIGUSR1, SA_SIGINFO, SIG_BIT(SIGUSR2));
	t->sigmask = SIG_BIT(SIGHUP);
	t->ctx.regs.rax = 123;
	t->ctx.regs.rbx = 0xb0b;
	t->ctx.regs.rflags = 0x246 | RFLAGS_DF;
	t->ctx.fault.vector = 14;
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);

	frame = t->ctx.regs.rsp;
	ck_assert_uint_eq(t->ctx.regs.rip, HANDLER);
	ck_assert_uint_eq((frame + 8) % 16, 0);
	ck_assert_uint_lt(frame, USER_SP - SIGFRAME_RED_ZONE);
	ck_assert_uint_eq(t->ctx.regs.rdi, SIGUSR1);
	ck_assert_uint_eq(t->ctx.regs.rsi, frame + offsetof(struct rt_sigframe, info));
	ck_assert_uint_eq(t->ctx.regs.rdx, frame + offsetof(struct rt_sigframe, uc));
	ck_assert_uint_eq(t->ctx.regs.rax, 0);
	ck_assert_uint_eq(t->ctx.regs.rflags & RFLAGS_DF, 0);
	ck_assert_uint_eq(t->sigmask, SIG_BIT(SIGHUP) | SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2));
	ck_assert_int_eq(fake_fpstate_resets, 1);

	f = frame_read();
	ck_assert_uint_eq(f.pretcode, RESTORER);
	ck_assert_uint_eq(f.uc.uc_flags,
			  UC_FP_XSTATE | UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS);
	ck_assert_uint_eq(f.uc.uc_link, 0);
	ck_assert_int_eq(f.uc.uc_stack.ss_flags, SS_DISABLE);
	ck_assert_uint_eq(f.uc.uc_sigmask, SIG_BIT(SIGHUP));
	ck_assert_uint_eq(f.uc.uc_mcontext.rip, USER_RIP);
	ck_assert_uint_eq(f.uc.uc_mcontext.rsp, USER_SP);
	ck_assert_uint_eq(f.uc.uc_mcontext.rax, 123);
	ck_assert_uint_eq(f.uc.uc_mcontext.rbx, 0xb0b);
	ck_assert_uint_eq(f.uc.uc_mcontext.eflags, 0x246 | RFLAGS_DF);
	ck_assert_uint_eq(f.uc.uc_mcontext.cs, USER_CS_SELECTOR);
	ck_assert_uint_eq(f.uc.uc_mcontext.ss, USER_DS_SELECTOR);
	ck_assert_uint_eq(f.uc.uc_mcontext.trapno, 14);
	ck_assert_uint_eq(f.uc.uc_mcontext.fpstate % 64, 0);
	ck_assert_uint_ge(f.uc.uc_mcontext.fpstate, frame + sizeof(f));
	ck_assert_uint_le(f.uc.uc_mcontext.fpstate + FAKE_FPSTATE_SIZE,
			  USER_SP - SIGFRAME_RED_ZONE);
	ck_assert_int_eq(f.info.si_signo, SIGUSR1);
	ck_assert_int_eq(f.info.si_code, SI_USER);
	ck_assert_int_eq(f.info.u.kill.pid, 10);
	ck_assert_int_eq(copy_from_user(fpimg, uaddr_ptr(f.uc.uc_mcontext.fpstate),
					sizeof(fpimg)), 0);
	ck_assert_uint_eq(fpimg[0], 0xf0);
	ck_assert_uint_eq(fpimg[FAKE_FPSTATE_SIZE - 1], 0xf0);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_restores_registers_mask_and_fp_state)
{
	signal_test_setup();
	handler_set(SIGUSR1, SA_SIGINFO, 0);
	t->ctx.regs.rax = 123;
	t->ctx.regs.r15 = 0xf15;
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	t->ctx.regs.r15 = 0;
	t->ctx.regs.rflags |= RFLAGS_DF;

	ck_assert_int_eq(sigreturn_as_restorer(), 123);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP);
	ck_assert_uint_eq(t->ctx.regs.rsp, USER_SP);
	ck_assert_uint_eq(t->ctx.regs.r15, 0xf15);
	ck_assert_uint_eq(t->ctx.regs.rflags, 0x246);
	ck_assert_uint_eq(t->sigmask, 0);
	ck_assert_int_eq(fake_fpstate_sets, 1);
	ck_assert_uint_eq(fake_fpstate[0], 0xf0);
	/* rt_sigreturn's return is never taken for a restart code. */
	t->ctx.regs.rax = (uint64_t)-ERESTARTSYS;
	signal_syscall_exit(t, 15, -ERESTARTSYS);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP);
	ck_assert_int_eq((long)t->ctx.regs.rax, -ERESTARTSYS);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_keeps_privileged_flags_and_unblockable_signals)
{
	struct rt_sigframe f = { 0 };
	uint64_t at = USER_SP - 0x400;

	signal_test_setup();
	f.uc.uc_mcontext.eflags = ~0ull;
	f.uc.uc_mcontext.rip = 0x1234;
	f.uc.uc_mcontext.rsp = 0x5678;
	f.uc.uc_mcontext.cs = 0x8;
	f.uc.uc_sigmask = ~0ull;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(at), &f, sizeof(f)), 0);
	t->ctx.regs.rsp = at + 8;
	t->ctx.regs.rflags = 0x202;
	ck_assert_int_eq(sys_rt_sigreturn(), 0);
	ck_assert_uint_eq(t->ctx.regs.rflags, 0x202 | RFLAGS_USER_CHANGEABLE);
	ck_assert_uint_eq(t->sigmask, ~SIG_UNBLOCKABLE);
	ck_assert_uint_eq(t->ctx.regs.rip, 0x1234);
	/* No fpstate pointer: the FP state starts afresh. */
	ck_assert_int_eq(fake_fpstate_resets, 1);
	ck_assert_uint_eq(t->pending.set, 0);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_with_garbage_frame_kills_with_sigsegv)
{
	signal_test_setup();
	t->ctx.regs.rsp = 0x1000;
	ck_assert_int_eq(sys_rt_sigreturn(), 0);
	ck_assert_uint_eq(t->pending.set, SIG_BIT(SIGSEGV));
	signal_syscall_exit(t, 15, 0);
	ck_assert(fp->proc.group_exiting);
	ck_assert_int_eq(fp->proc.exit_code, SIGSEGV | 0x80);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_with_fp_state_the_cpu_refuses_kills_with_sigsegv)
{
	uint8_t bad = 0xff;
	struct rt_sigframe f;

	signal_test_setup();
	handler_set(SIGUSR1, SA_SIGINFO, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	f = frame_read();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(f.uc.uc_mcontext.fpstate), &bad, 1), 0);
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert(t->pending.set & SIG_BIT(SIGSEGV));
	signal_test_done();
	return 0;
}

BOOTED_TEST(handler_without_sa_restorer_gets_sigsegv)
{
	signal_test_setup();
	handler_set(SIGUSR1, 0, 0);
	fp->proc.sigactions[SIGUSR1 - 1].sa_flags = 0;
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP);
	ck_assert_int_eq(fp->proc.exit_code, SIGSEGV | 0x80);
	signal_test_done();
	return 0;
}

BOOTED_TEST(unwritable_stack_resets_sigsegv_handler_and_kills)
{
	signal_test_setup();
	handler_set(SIGUSR1, 0, 0);
	handler_set(SIGSEGV, 0, 0);
	t->ctx.regs.rsp = 0x2000;
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	ck_assert_uint_eq(fp->proc.sigactions[SIGSEGV - 1].sa_handler, SIG_DFL);
	ck_assert_int_eq(fp->proc.exit_code, SIGSEGV | 0x80);
	signal_test_done();
	return 0;
}

BOOTED_TEST(restart_code_without_handler_reruns_the_syscall)
{
	signal_test_setup();
	signal_syscall_exit(t, 61, -ERESTARTSYS);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP - 2);
	ck_assert_uint_eq(t->ctx.regs.rax, 61);
	t->ctx.regs.rip = USER_RIP;
	signal_syscall_exit(t, 35, -ERESTART_RESTARTBLOCK);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP - 2);
	ck_assert_uint_eq(t->ctx.regs.rax, 219);
	t->ctx.regs.rip = USER_RIP;
	signal_syscall_exit(t, 0, -EAGAIN);
	ck_assert_uint_eq(t->ctx.regs.rip, USER_RIP);
	ck_assert_int_eq((long)t->ctx.regs.rax, -EAGAIN);
	signal_test_done();
	return 0;
}

BOOTED_TEST(restart_code_with_handler_gives_eintr_unless_sa_restart)
{
	struct rt_sigframe f;

	signal_test_setup();
	handler_set(SIGUSR1, 0, 0);
	handler_set(SIGUSR2, SA_RESTART, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_syscall_exit(t, 0, -ERESTARTSYS);
	f = frame_read();
	ck_assert_int_eq((long)f.uc.uc_mcontext.rax, -EINTR);
	ck_assert_uint_eq(f.uc.uc_mcontext.rip, USER_RIP);

	ck_assert_int_eq(sigreturn_as_restorer(), -EINTR);
	ck_assert_int_eq(sys_kill(10, SIGUSR2), 0);
	signal_syscall_exit(t, 0, -ERESTARTSYS);
	f = frame_read();
	ck_assert_uint_eq(f.uc.uc_mcontext.rax, 0);
	ck_assert_uint_eq(f.uc.uc_mcontext.rip, USER_RIP - 2);
	signal_test_done();
	return 0;
}

static int restart_runs;

static long restart_count(const struct restart_block *rb)
{
	restart_runs++;
	return (long)rb->deadline_ns;
}

BOOTED_TEST(restart_syscall_runs_the_block_once_and_a_handler_forgets_it)
{
	struct restart_block rb = { .fn = restart_count, .deadline_ns = 7 };

	signal_test_setup();
	restart_runs = 0;
	ck_assert_int_eq(sys_restart_syscall(), -EINTR);     /* nothing to resume */
	ck_assert_int_eq(restart_block_set(&rb), -ERESTART_RESTARTBLOCK);
	ck_assert_int_eq(sys_restart_syscall(), 7);
	ck_assert_int_eq(sys_restart_syscall(), -EINTR);     /* used once */
	ck_assert_int_eq(restart_runs, 1);
	/* A handler runs instead: EINTR, and its sigreturn drops the block. */
	handler_set(SIGUSR1, 0, 0);
	ck_assert_int_eq(restart_block_set(&rb), -ERESTART_RESTARTBLOCK);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_syscall_exit(t, 35, -ERESTART_RESTARTBLOCK);
	ck_assert_int_eq((long)frame_read().uc.uc_mcontext.rax, -EINTR);
	ck_assert_int_eq(sigreturn_as_restorer(), -EINTR);
	ck_assert_int_eq(sys_restart_syscall(), -EINTR);
	ck_assert_int_eq(restart_runs, 1);
	signal_test_done();
	return 0;
}

BOOTED_TEST(default_actions_terminate_dump_or_ignore)
{
	signal_test_setup();
	ck_assert_int_eq(sys_kill(10, SIGCHLD), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, 0);
	ck_assert_int_eq(sys_kill(10, SIGTERM), 0);
	signal_deliver(t);
	ck_assert_int_eq(fp->proc.exit_code, SIGTERM);
	ck_assert_int_eq(fp->exit_group_calls, 1);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigkill_ends_the_process_when_sent)
{
	signal_test_setup();
	ck_assert_int_eq(sys_kill(10, SIGKILL), 0);
	ck_assert(fp->proc.group_exiting);
	ck_assert_int_eq(fp->proc.exit_code, SIGKILL);
	ck_assert(signal_pending(t));
	signal_test_done();
	return 0;
}

BOOTED_TEST(stop_signal_stops_and_sigcont_continues_and_cancels_stops)
{
	kernel_sigset_t block = SIG_BIT(SIGTSTP);

	signal_test_setup();
	ck_assert_int_eq(sys_kill(10, SIGTSTP), 0);
	signal_deliver(t);
	ck_assert_int_eq(fp->stop_calls, 1);
	ck_assert_int_eq(fp->stop_sig, SIGTSTP);
	ck_assert_int_eq(sys_kill(10, SIGCONT), 0);
	ck_assert_int_eq(fp->continue_calls, 1);
	ck_assert_uint_eq(fp->proc.job & PROCESS_STOPPED, 0);

	t->sigmask = block;
	ck_assert_int_eq(sys_kill(10, SIGTSTP), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, block);
	ck_assert_int_eq(sys_kill(10, SIGCONT), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, 0);
	ck_assert_int_eq(fp->continue_calls, 1);
	signal_test_done();
	return 0;
}

BOOTED_TEST(setting_sig_ign_discards_pending_instances)
{
	struct sigaction *ign;
	uint64_t at = USER_SP;

	signal_test_setup();
	t->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(SIGCHLD);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert_int_eq(sys_kill(10, SIGCHLD), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, t->sigmask);
	ign = &(struct sigaction){ .sa_handler = SIG_IGN };
	ck_assert_int_eq(copy_to_user(uaddr_ptr(at), ign, sizeof(*ign)), 0);
	ck_assert_int_eq(sys_rt_sigaction(SIGUSR1, uaddr_ptr(at), NULL, 8), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGCHLD));
	/* SIG_DFL for SIGCHLD ignores it: its pending instance goes too. */
	ign->sa_handler = SIG_DFL;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(at), ign, sizeof(*ign)), 0);
	ck_assert_int_eq(sys_rt_sigaction(SIGCHLD, uaddr_ptr(at), NULL, 8), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, 0);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigaction_and_sigprocmask_refuse_kill_and_stop)
{
	struct sigaction act = { .sa_handler = HANDLER, .sa_flags = 0xffffffffull,
				 .sa_mask = ~0ull }, old;
	kernel_sigset_t all = ~0ull;
	uint64_t a = USER_SP, b = USER_SP + 0x100;

	signal_test_setup();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &act, sizeof(act)), 0);
	ck_assert_int_eq(sys_rt_sigaction(SIGKILL, uaddr_ptr(a), NULL, 8), -EINVAL);
	ck_assert_int_eq(sys_rt_sigaction(SIGSTOP, uaddr_ptr(a), NULL, 8), -EINVAL);
	ck_assert_int_eq(sys_rt_sigaction(SIGUSR1, uaddr_ptr(a), NULL, 4), -EINVAL);
	ck_assert_int_eq(sys_rt_sigaction(65, uaddr_ptr(a), NULL, 8), -EINVAL);
	ck_assert_int_eq(sys_rt_sigaction(SIGUSR1, uaddr_ptr(0x1000), NULL, 8), -EFAULT);
	ck_assert_int_eq(sys_rt_sigaction(SIGUSR1, uaddr_ptr(a), uaddr_ptr(b), 8), 0);
	ck_assert_int_eq(sys_rt_sigaction(SIGUSR1, NULL, uaddr_ptr(b), 8), 0);
	ck_assert_int_eq(copy_from_user(&old, uaddr_ptr(b), sizeof(old)), 0);
	ck_assert_uint_eq(old.sa_mask, ~SIG_UNBLOCKABLE);
	ck_assert_uint_eq(old.sa_flags & 0x400u, 0);   /* SA_UNSUPPORTED is dropped */
	ck_assert_uint_ne(old.sa_flags & SA_RESTORER, 0);

	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &all, sizeof(all)), 0);
	ck_assert_int_eq(sys_rt_sigprocmask(SIG_SETMASK, uaddr_ptr(a), NULL, 8), 0);
	ck_assert_uint_eq(t->sigmask, ~SIG_UNBLOCKABLE);
	ck_assert_int_eq(sys_rt_sigprocmask(7, uaddr_ptr(a), NULL, 8), -EINVAL);
	ck_assert_int_eq(sys_rt_sigprocmask(SIG_BLOCK, uaddr_ptr(a), NULL, 16), -EINVAL);
	ck_assert_int_eq(sys_rt_sigprocmask(SIG_UNBLOCK, uaddr_ptr(a), uaddr_ptr(b), 8), 0);
	ck_assert_uint_eq(t->sigmask, 0);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigaltstack_validates_and_handler_runs_on_it)
{
	uint64_t a = USER_SP, b = USER_SP + 0x100, base = FAKE_USER_BASE;
	stack_t ss = { .ss_sp = base, .ss_size = 0x3000 }, old;
	struct rt_sigframe f;

	signal_test_setup();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), uaddr_ptr(b)), 0);
	ck_assert_int_eq(copy_from_user(&old, uaddr_ptr(b), sizeof(old)), 0);
	ck_assert_int_eq(old.ss_flags, SS_DISABLE);
	ck_assert_int_eq(sys_sigaltstack(NULL, uaddr_ptr(b)), 0);
	ck_assert_int_eq(copy_from_user(&old, uaddr_ptr(b), sizeof(old)), 0);
	ck_assert_int_eq(old.ss_flags, 0);
	ck_assert_uint_eq(old.ss_sp, base);
	ck_assert_uint_eq(old.ss_size, 0x3000);

	ss.ss_size = 100;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), NULL), -ENOMEM);
	ss.ss_flags = 7;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), NULL), -EINVAL);

	handler_set(SIGUSR1, SA_ONSTACK, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	ck_assert_uint_gt(t->ctx.regs.rsp, base);
	ck_assert_uint_lt(t->ctx.regs.rsp, base + 0x3000);
	f = frame_read();
	ck_assert_uint_eq(f.uc.uc_stack.ss_sp, base);
	ck_assert_uint_eq(f.uc.uc_stack.ss_size, 0x3000);
	/* On the stack, it cannot change; the report says SS_ONSTACK. */
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), uaddr_ptr(b)), -EPERM);
	ck_assert_int_eq(sys_sigaltstack(NULL, uaddr_ptr(b)), 0);
	ck_assert_int_eq(copy_from_user(&old, uaddr_ptr(b), sizeof(old)), 0);
	ck_assert_int_eq(old.ss_flags, SS_ONSTACK);
	signal_test_done();
	return 0;
}

BOOTED_TEST(autodisarm_altstack_is_cleared_in_handler_and_restored_by_sigreturn)
{
	uint64_t a = USER_SP, base = FAKE_USER_BASE;
	stack_t ss = { .ss_sp = base, .ss_size = 0x3000, .ss_flags = (int32_t)SS_AUTODISARM };

	signal_test_setup();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), NULL), 0);
	handler_set(SIGUSR1, SA_ONSTACK, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	ck_assert_uint_lt(t->ctx.regs.rsp, base + 0x3000);
	ck_assert_uint_eq(t->altstack.ss_size, 0);
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert_uint_eq(t->altstack.ss_sp, base);
	ck_assert_uint_eq(t->altstack.ss_size, 0x3000);
	signal_test_done();
	return 0;
}

BOOTED_TEST(kill_checks_targets_and_permission)
{
	struct fake_process *other, *init, *grp;

	signal_test_setup();
	init = fake_process_add(1, 1, 1, 0);
	other = fake_process_add(20, 20, 20, 1000);
	grp = fake_process_add(21, 10, 10, 1000);
	ck_assert_int_eq(sys_kill(99, SIGTERM), -ESRCH);
	ck_assert_int_eq(sys_kill(10, 65), -EINVAL);
	ck_assert_int_eq(sys_kill(10, -1), -EINVAL);
	ck_assert_int_eq(sys_kill(20, 0), 0);
	ck_assert_int_eq(sys_kill(-77, SIGTERM), -ESRCH);

	/* Our group: ourselves and pid 21. */
	ck_assert_int_eq(sys_kill(0, SIGUSR2), 0);
	ck_assert_uint_eq(grp->proc.shared_pending.set, SIG_BIT(SIGUSR2));
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGUSR2));
	ck_assert_uint_eq(other->proc.shared_pending.set, 0);
	/* -1: everyone but init and the sender. */
	ck_assert_int_eq(sys_kill(-1, SIGUSR1), 0);
	ck_assert_uint_eq(other->proc.shared_pending.set, SIG_BIT(SIGUSR1));
	ck_assert_uint_eq(init->proc.shared_pending.set, 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGUSR2));

	/* An unprivileged sender. */
	fake_process_set_current(other);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), -EPERM);
	ck_assert_int_eq(sys_kill(10, 0), -EPERM);
	ck_assert_int_eq(sys_kill(21, SIGHUP), 0);
	ck_assert_int_eq(sys_kill(-10, SIGHUP), 0);   /* pid 21 of group 10 accepts */
	ck_assert_int_eq(sys_kill(-1, SIGHUP), 0);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGUSR2));
	sigqueue_clear(&other->proc.shared_pending);
	sigqueue_clear(&grp->proc.shared_pending);
	fake_process_set_current(fp);
	signal_test_done();
	return 0;
}

BOOTED_TEST(tgkill_and_tkill_direct_the_signal_at_one_thread)
{
	struct thread t2;

	signal_test_setup();
	fake_thread_add(fp, &t2, 11);
	ck_assert_int_eq(sys_tgkill(10, 11, SIGUSR1), 0);
	ck_assert_uint_eq(t2.pending.set, SIG_BIT(SIGUSR1));
	ck_assert_uint_eq(fp->proc.shared_pending.set, 0);
	ck_assert_int_eq(sys_tgkill(10, 12, SIGUSR1), -ESRCH);
	ck_assert_int_eq(sys_tgkill(20, 11, SIGUSR1), -ESRCH);
	ck_assert_int_eq(sys_tgkill(10, 0, SIGUSR1), -EINVAL);
	ck_assert_int_eq(sys_tkill(10, SIGUSR2), 0);
	ck_assert_uint_eq(t->pending.set, SIG_BIT(SIGUSR2));
	ck_assert_int_eq(sys_tkill(10, 0), 0);
	ck_assert_int_eq(sys_tkill(99, 0), -ESRCH);
	sigqueue_clear(&t2.pending);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigqueueinfo_allows_only_negative_codes_for_others)
{
	struct fake_process *other;
	ksiginfo_t k = { .si_code = SI_QUEUE }, out;
	uint64_t a = USER_SP;

	signal_test_setup();
	other = fake_process_add(20, 20, 20, 0);
	k.u.kill.value = 77;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &k, sizeof(k)), 0);
	ck_assert_int_eq(sys_rt_sigqueueinfo(20, SIGRTMIN, uaddr_ptr(a)), 0);
	ck_assert_int_eq(sigqueue_take(&other->proc.shared_pending, SIGRTMIN, &out), 0);
	ck_assert_int_eq(out.si_signo, SIGRTMIN);
	ck_assert_uint_eq(out.u.kill.value, 77);
	k.si_code = SI_USER;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &k, sizeof(k)), 0);
	ck_assert_int_eq(sys_rt_sigqueueinfo(20, SIGRTMIN, uaddr_ptr(a)), -EPERM);
	ck_assert_int_eq(sys_rt_sigqueueinfo(10, SIGRTMIN, uaddr_ptr(a)), 0);
	ck_assert_int_eq(sys_rt_sigqueueinfo(10, SIGRTMIN, uaddr_ptr(0x1000)), -EFAULT);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigsuspend_handler_frame_keeps_the_old_mask)
{
	kernel_sigset_t none = 0;
	uint64_t a = USER_SP;
	struct rt_sigframe f;
	long ret;

	signal_test_setup();
	handler_set(SIGUSR1, SA_RESTART, 0);
	t->sigmask = SIG_BIT(SIGUSR1);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &none, sizeof(none)), 0);
	ret = sys_rt_sigsuspend(uaddr_ptr(a), 8);
	ck_assert_int_eq(ret, -ERESTARTNOHAND);
	signal_syscall_exit(t, 130, ret);
	f = frame_read();
	ck_assert_int_eq((long)f.uc.uc_mcontext.rax, -EINTR);
	ck_assert_uint_eq(f.uc.uc_sigmask, SIG_BIT(SIGUSR1));
	ck_assert(!t->restore_sigmask);
	ck_assert_int_eq(sigreturn_as_restorer(), -EINTR);
	ck_assert_uint_eq(t->sigmask, SIG_BIT(SIGUSR1));
	ck_assert_int_eq(sys_rt_sigsuspend(uaddr_ptr(a), 4), -EINVAL);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigpending_reports_blocked_pending_signals)
{
	kernel_sigset_t set;
	uint64_t a = USER_SP;

	signal_test_setup();
	t->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert_int_eq(sys_tkill(10, SIGUSR2), 0);
	ck_assert_int_eq(sys_rt_sigpending(uaddr_ptr(a), 8), 0);
	ck_assert_int_eq(copy_from_user(&set, uaddr_ptr(a), sizeof(set)), 0);
	ck_assert_uint_eq(set, SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2));
	ck_assert_int_eq(sys_rt_sigpending(uaddr_ptr(a), 9), -EINVAL);
	ck_assert_int_eq(sys_rt_sigpending(uaddr_ptr(0x1000), 8), -EFAULT);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigtimedwait_takes_pending_or_times_out_with_eagain)
{
	kernel_sigset_t set = SIG_BIT(SIGUSR1);
	struct test_timespec zero = { 0 }, second = { 1, 0 }, bad = { 0, -1 };
	uint64_t a = USER_SP, ts = USER_SP + 0x100, info = USER_SP + 0x200, start;
	ksiginfo_t k;

	signal_test_setup();
	t->sigmask = set;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &set, sizeof(set)), 0);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(ts), &zero, sizeof(zero)), 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert_int_eq(sys_rt_sigtimedwait(uaddr_ptr(a), uaddr_ptr(info), uaddr_ptr(ts), 8),
			 SIGUSR1);
	ck_assert_int_eq(copy_from_user(&k, uaddr_ptr(info), sizeof(k)), 0);
	ck_assert_int_eq(k.si_signo, SIGUSR1);
	ck_assert_int_eq(k.si_code, SI_USER);
	ck_assert_int_eq(sys_rt_sigtimedwait(uaddr_ptr(a), NULL, uaddr_ptr(ts), 8), -EAGAIN);

	start = clock_monotonic_ns();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(ts), &second, sizeof(second)), 0);
	ck_assert_int_eq(sys_rt_sigtimedwait(uaddr_ptr(a), NULL, uaddr_ptr(ts), 8), -EAGAIN);
	ck_assert_uint_ge(clock_monotonic_ns() - start, NSEC_PER_SEC);
	ck_assert_uint_eq(t->sigmask, set);

	ck_assert_int_eq(copy_to_user(uaddr_ptr(ts), &bad, sizeof(bad)), 0);
	ck_assert_int_eq(sys_rt_sigtimedwait(uaddr_ptr(a), NULL, uaddr_ptr(ts), 8), -EINVAL);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigtimedwait_is_interrupted_by_another_signal_with_eintr)
{
	kernel_sigset_t set = SIG_BIT(SIGUSR1);
	uint64_t a = USER_SP;

	signal_test_setup();
	handler_set(SIGALRM, 0, 0);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &set, sizeof(set)), 0);
	ck_assert_int_eq(sys_alarm(2), 0);
	ck_assert_int_eq(sys_rt_sigtimedwait(uaddr_ptr(a), NULL, NULL, 8), -EINTR);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGALRM));
	signal_test_done();
	return 0;
}

BOOTED_TEST(alarm_wakes_pause_with_sigalrm_and_reports_remaining)
{
	uint64_t start;

	signal_test_setup();
	handler_set(SIGALRM, 0, 0);
	start = clock_monotonic_ns();
	ck_assert_int_eq(sys_alarm(2), 0);
	ck_assert_int_eq(sys_alarm(5), 2);
	ck_assert_int_eq(sys_pause(), -ERESTARTNOHAND);
	ck_assert_uint_eq(clock_monotonic_ns() - start, 5 * NSEC_PER_SEC);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGALRM));
	ck_assert_uint_eq(fp->proc.alarm_ns, 0);
	signal_syscall_exit(t, NR_PAUSE, -ERESTARTNOHAND);
	ck_assert_uint_eq(t->ctx.regs.rip, HANDLER);
	ck_assert_int_eq(sys_alarm(0), 0);
	signal_test_done();
	return 0;
}

BOOTED_TEST(setitimer_repeats_and_getitimer_reports_it)
{
	struct test_itimerval v = { .it_interval = { 0, 500000 }, .it_value = { 1, 0 } }, got;
	uint64_t a = USER_SP, b = USER_SP + 0x100;
	ksiginfo_t k;

	signal_test_setup();
	handler_set(SIGALRM, 0, 0);
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &v, sizeof(v)), 0);
	ck_assert_int_eq(sys_setitimer(ITIMER_REAL, uaddr_ptr(a), NULL), 0);
	ck_assert_int_eq(sys_getitimer(ITIMER_REAL, uaddr_ptr(b)), 0);
	ck_assert_int_eq(copy_from_user(&got, uaddr_ptr(b), sizeof(got)), 0);
	ck_assert_int_eq(got.it_value.tv_sec, 1);
	ck_assert_int_eq(got.it_interval.tv_usec, 500000);
	ck_assert_int_eq(sys_pause(), -ERESTARTNOHAND);
	ck_assert_int_eq(sigqueue_take(&fp->proc.shared_pending, SIGALRM, &k), 0);
	ck_assert_int_eq(sys_pause(), -ERESTARTNOHAND);
	ck_assert_uint_eq(fp->proc.shared_pending.set, SIG_BIT(SIGALRM));
	ck_assert_uint_ne(fp->proc.alarm_ns, 0);
	/* Disarmed by a zero value; the old one is reported. */
	v = (struct test_itimerval){ 0 };
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &v, sizeof(v)), 0);
	ck_assert_int_eq(sys_setitimer(ITIMER_REAL, uaddr_ptr(a), uaddr_ptr(b)), 0);
	ck_assert_int_eq(copy_from_user(&got, uaddr_ptr(b), sizeof(got)), 0);
	ck_assert_int_eq(got.it_interval.tv_usec, 500000);
	ck_assert_uint_eq(fp->proc.alarm_ns, 0);
	v.it_value.tv_usec = 1000000;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &v, sizeof(v)), 0);
	ck_assert_int_eq(sys_setitimer(ITIMER_REAL, uaddr_ptr(a), NULL), -EINVAL);
	ck_assert_int_eq(sys_setitimer(5, uaddr_ptr(a), NULL), -EINVAL);
	ck_assert_int_eq(sys_getitimer(ITIMER_REAL, uaddr_ptr(0x1000)), -EFAULT);
	signal_test_done();
	return 0;
}

BOOTED_TEST(blocked_fault_signal_is_unblocked_and_carries_address)
{
	struct rt_sigframe f;

	signal_test_setup();
	handler_set(SIGSEGV, SA_SIGINFO, 0);
	t->sigmask = SIG_BIT(SIGSEGV) | SIG_BIT(SIGUSR1);
	ck_assert_int_eq(sys_tkill(10, SIGUSR1), 0);
	signal_force_fault(t, SIGSEGV, SEGV_ACCERR, 0xdead);
	ck_assert_uint_eq(t->sigmask, SIG_BIT(SIGUSR1));
	/* Blocked: the handler is reset to the default (Linux's force_sig). */
	ck_assert_uint_eq(fp->proc.sigactions[SIGSEGV - 1].sa_handler, SIG_DFL);
	handler_set(SIGSEGV, SA_SIGINFO, 0);
	signal_deliver(t);
	f = frame_read();
	ck_assert_int_eq(f.info.si_signo, SIGSEGV);
	ck_assert_int_eq(f.info.si_code, SEGV_ACCERR);
	ck_assert_uint_eq(f.info.u.fault.addr, 0xdead);
	signal_test_done();
	return 0;
}

BOOTED_TEST(fault_signal_is_delivered_before_lower_numbers)
{
	signal_test_setup();
	handler_set(SIGHUP, 0, 0);
	handler_set(SIGFPE, 0, 0);
	ck_assert_int_eq(sys_kill(10, SIGHUP), 0);
	signal_force_fault(t, SIGFPE, FPE_INTDIV, 0x400100);
	signal_deliver(t);
	/* SIGFPE's frame was built first, so SIGHUP's handler, on top, runs first. */
	ck_assert_uint_eq(t->ctx.regs.rdi, SIGHUP);
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert_uint_eq(t->ctx.regs.rdi, SIGFPE);
	ck_assert_uint_eq(t->ctx.regs.rip, HANDLER);
	signal_test_done();
	return 0;
}

BOOTED_TEST(resethand_and_nodefer_change_the_action_and_mask)
{
	signal_test_setup();
	handler_set(SIGUSR1, SA_RESETHAND | SA_NODEFER, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	ck_assert_uint_eq(t->ctx.regs.rip, HANDLER);
	ck_assert_uint_eq(t->sigmask, 0);
	ck_assert_uint_eq(fp->proc.sigactions[SIGUSR1 - 1].sa_handler, SIG_DFL);
	signal_test_done();
	return 0;
}

BOOTED_TEST(exec_resets_handlers_and_fork_copies_them)
{
	struct process child = { 0 };

	signal_test_setup();
	handler_set(SIGUSR1, SA_RESTART, SIG_BIT(SIGHUP));
	fp->proc.sigactions[SIGUSR2 - 1].sa_handler = SIG_IGN;
	fp->proc.alarm_ns = 5;
	t->altstack = (stack_t){ .ss_sp = FAKE_USER_BASE, .ss_size = 0x3000 };
	signal_fork_copy(&child, &fp->proc);
	ck_assert_uint_eq(child.sigactions[SIGUSR1 - 1].sa_handler, HANDLER);
	ck_assert_uint_eq(child.alarm_ns, 0);
	signal_exec_reset(t);
	ck_assert_uint_eq(fp->proc.sigactions[SIGUSR1 - 1].sa_handler, SIG_DFL);
	ck_assert_uint_eq(fp->proc.sigactions[SIGUSR1 - 1].sa_flags, 0);
	ck_assert_uint_eq(fp->proc.sigactions[SIGUSR2 - 1].sa_handler, SIG_IGN);
	ck_assert_uint_eq(t->altstack.ss_size, 0);
	fp->proc.alarm_ns = 0;
	signal_test_done();
	return 0;
}

BOOTED_TEST(process_exit_drops_pending_signals_and_alarm)
{
	struct heap_stats before, after;

	signal_test_setup();
	heap_stats_get(&before);
	t->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(40);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert_int_eq(sys_kill(10, 40), 0);
	ck_assert_int_eq(sys_alarm(100), 0);
	signal_process_exit(&fp->proc);
	ck_assert_uint_eq(fp->proc.shared_pending.set, 0);
	ck_assert_uint_eq(fp->proc.alarm_ns, 0);
	heap_stats_get(&after);
	ck_assert_uint_eq(after.live_objects, before.live_objects);
	signal_test_done();
	return 0;
}

BOOTED_TEST(process_signal_goes_to_a_thread_that_does_not_block_it)
{
	struct thread t2;

	signal_test_setup();
	fake_thread_add(fp, &t2, 11);
	t->sigmask = SIG_BIT(SIGUSR1);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	ck_assert(!signal_pending(t));
	ck_assert(signal_pending(&t2));
	signal_test_done();
	return 0;
}

BOOTED_TEST(core_bit_needs_a_core_limit_above_zero)
{
	signal_test_setup();
	fp->proc.rlimits[RLIMIT_CORE].rlim_cur = 0;
	ck_assert_int_eq(sys_kill(10, SIGQUIT), 0);
	signal_deliver(t);
	ck_assert_int_eq(fp->proc.exit_code, SIGQUIT);
	signal_test_done();
	return 0;
}

BOOTED_TEST(every_deliverable_signal_gets_a_frame_newest_on_top)
{
	struct rt_sigframe top, below;

	signal_test_setup();
	handler_set(SIGUSR1, 0, 0);
	handler_set(SIGUSR2, 0, 0);
	handler_set(SIGRTMIN, SA_NODEFER, 0);
	t->sigmask = SIG_BIT(SIGUSR1) | SIG_BIT(SIGUSR2) | SIG_BIT(SIGRTMIN);
	ck_assert_int_eq(sys_kill(10, SIGUSR2), 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	t->sigmask = 0;
	signal_syscall_exit(t, 14, 0);
	/* SIGUSR1 went first, so its frame is below SIGUSR2's, whose handler runs first. */
	ck_assert_uint_eq(t->ctx.regs.rdi, SIGUSR2);
	top = frame_read();
	ck_assert_uint_eq(top.uc.uc_mcontext.rip, HANDLER);
	ck_assert_uint_eq(top.uc.uc_sigmask, SIG_BIT(SIGUSR1));
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert_uint_eq(t->ctx.regs.rip, HANDLER);
	ck_assert_uint_eq(t->sigmask, SIG_BIT(SIGUSR1));
	below = frame_read();
	ck_assert_uint_eq(below.uc.uc_mcontext.rip, USER_RIP);
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert_uint_eq(t->ctx.regs.rsp, USER_SP);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_keeps_an_altstack_the_handler_set_around_itself)
{
	uint64_t a = USER_SP - 0x200, base = FAKE_USER_BASE;
	stack_t ss = { .ss_sp = base, .ss_size = 0x3000, .ss_flags = (int32_t)SS_AUTODISARM };

	signal_test_setup();
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), NULL), 0);
	handler_set(SIGUSR1, SA_ONSTACK, 0);
	ck_assert_int_eq(sys_kill(10, SIGUSR1), 0);
	signal_deliver(t);
	/* The handler re-arms the stack it runs on, without SS_AUTODISARM. */
	ss.ss_flags = 0;
	ck_assert_int_eq(copy_to_user(uaddr_ptr(a), &ss, sizeof(ss)), 0);
	ck_assert_int_eq(sys_sigaltstack(uaddr_ptr(a), NULL), 0);
	ck_assert_int_eq(sigreturn_as_restorer(), 0);
	ck_assert_int_eq(t->altstack.ss_flags, 0);
	ck_assert_uint_eq(t->altstack.ss_size, 0x3000);
	signal_test_done();
	return 0;
}

BOOTED_TEST(sigreturn_survives_random_frames)
{
	uint64_t at = USER_SP - 0x800, x = 0x9e3779b97f4a7c15ull;
	uint8_t junk[sizeof(struct rt_sigframe)];
	int round;
	size_t k;

	signal_test_setup();
	for (round = 0; round < 300; round++) {
		for (k = 0; k < sizeof(junk); k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			junk[k] = (uint8_t)x;
		}
		/* Every third frame points its FP image at mapped memory. */
		if (round % 3 == 0) {
			uint64_t fp = FAKE_USER_BASE + (x % 0x4000);

			memcpy(junk + offsetof(struct rt_sigframe, uc.uc_mcontext.fpstate), &fp,
			       sizeof(fp));
		}
		ck_assert_int_eq(copy_to_user(uaddr_ptr(at), junk, sizeof(junk)), 0);
		t->ctx.regs.rsp = at + 8;
		(void)sys_rt_sigreturn();
		ck_assert_uint_eq(t->sigmask & SIG_UNBLOCKABLE, 0);
		sigqueue_clear(&t->pending);
	}
	signal_test_done();
	return 0;
}

int main(void)
{
	Suite *s = suite_create("signal");
	TCase *tc = tcase_create("signal");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, handler_frame_matches_linux_layout_and_entry_registers);
	tcase_add_test(tc, sigreturn_restores_registers_mask_and_fp_state);
	tcase_add_test(tc, sigreturn_keeps_privileged_flags_and_unblockable_signals);
	tcase_add_test(tc, sigreturn_with_garbage_frame_kills_with_sigsegv);
	tcase_add_test(tc, sigreturn_with_fp_state_the_cpu_refuses_kills_with_sigsegv);
	tcase_add_test(tc, handler_without_sa_restorer_gets_sigsegv);
	tcase_add_test(tc, unwritable_stack_resets_sigsegv_handler_and_kills);
	tcase_add_test(tc, restart_code_without_handler_reruns_the_syscall);
	tcase_add_test(tc, restart_code_with_handler_gives_eintr_unless_sa_restart);
	tcase_add_test(tc, restart_syscall_runs_the_block_once_and_a_handler_forgets_it);
	tcase_add_test(tc, default_actions_terminate_dump_or_ignore);
	tcase_add_test(tc, sigkill_ends_the_process_when_sent);
	tcase_add_test(tc, stop_signal_stops_and_sigcont_continues_and_cancels_stops);
	tcase_add_test(tc, setting_sig_ign_discards_pending_instances);
	tcase_add_test(tc, sigaction_and_sigprocmask_refuse_kill_and_stop);
	tcase_add_test(tc, sigaltstack_validates_and_handler_runs_on_it);
	tcase_add_test(tc, autodisarm_altstack_is_cleared_in_handler_and_restored_by_sigreturn);
	tcase_add_test(tc, kill_checks_targets_and_permission);
	tcase_add_test(tc, tgkill_and_tkill_direct_the_signal_at_one_thread);
	tcase_add_test(tc, sigqueueinfo_allows_only_negative_codes_for_others);
	tcase_add_test(tc, sigsuspend_handler_frame_keeps_the_old_mask);
	tcase_add_test(tc, sigpending_reports_blocked_pending_signals);
	tcase_add_test(tc, sigtimedwait_takes_pending_or_times_out_with_eagain);
	tcase_add_test(tc, sigtimedwait_is_interrupted_by_another_signal_with_eintr);
	tcase_add_test(tc, alarm_wakes_pause_with_sigalrm_and_reports_remaining);
	tcase_add_test(tc, setitimer_repeats_and_getitimer_reports_it);
	tcase_add_test(tc, blocked_fault_signal_is_unblocked_and_carries_address);
	tcase_add_test(tc, fault_signal_is_delivered_before_lower_numbers);
	tcase_add_test(tc, resethand_and_nodefer_change_the_action_and_mask);
	tcase_add_test(tc, exec_resets_handlers_and_fork_copies_them);
	tcase_add_test(tc, process_exit_drops_pending_signals_and_alarm);
	tcase_add_test(tc, core_bit_needs_a_core_limit_above_zero);
	tcase_add_test(tc, sigreturn_survives_random_frames);
	tcase_add_test(tc, every_deliverable_signal_gets_a_frame_newest_on_top);
	tcase_add_test(tc, sigreturn_keeps_an_altstack_the_handler_set_around_itself);
	tcase_add_test(tc, process_signal_goes_to_a_thread_that_does_not_block_it);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

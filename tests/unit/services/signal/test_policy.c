/* test_policy.c: signal/policy.c's pure decisions, and frame placement (signal/frame.h). */
#include <check.h>

#include "check_run.h"
#include <ostd/errno.h>
#include <abi/sigframe.h>
#include <process/cred.h>
#include <signal/frame.h>
#include <signal/policy.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>

START_TEST(default_actions_match_linux_for_each_class)
{
	ck_assert_int_eq(signal_default_action(SIGTERM), SIGNAL_DEFAULT_TERMINATE);
	ck_assert_int_eq(signal_default_action(SIGKILL), SIGNAL_DEFAULT_TERMINATE);
	ck_assert_int_eq(signal_default_action(SIGALRM), SIGNAL_DEFAULT_TERMINATE);
	ck_assert_int_eq(signal_default_action(SIGRTMIN + 3), SIGNAL_DEFAULT_TERMINATE);
	ck_assert_int_eq(signal_default_action(SIGSEGV), SIGNAL_DEFAULT_CORE);
	ck_assert_int_eq(signal_default_action(SIGABRT), SIGNAL_DEFAULT_CORE);
	ck_assert_int_eq(signal_default_action(SIGSYS), SIGNAL_DEFAULT_CORE);
	ck_assert_int_eq(signal_default_action(SIGCHLD), SIGNAL_DEFAULT_IGNORE);
	ck_assert_int_eq(signal_default_action(SIGWINCH), SIGNAL_DEFAULT_IGNORE);
	ck_assert_int_eq(signal_default_action(SIGURG), SIGNAL_DEFAULT_IGNORE);
	ck_assert_int_eq(signal_default_action(SIGTSTP), SIGNAL_DEFAULT_STOP);
	ck_assert_int_eq(signal_default_action(SIGSTOP), SIGNAL_DEFAULT_STOP);
	ck_assert_int_eq(signal_default_action(SIGCONT), SIGNAL_DEFAULT_CONTINUE);
}
END_TEST

START_TEST(handler_ignores_only_sig_ign_or_default_ignore)
{
	ck_assert(signal_handler_ignores(SIGTERM, SIG_IGN));
	ck_assert(signal_handler_ignores(SIGCHLD, SIG_DFL));
	ck_assert(signal_handler_ignores(SIGCONT, SIG_DFL));
	ck_assert(!signal_handler_ignores(SIGTERM, SIG_DFL));
	ck_assert(!signal_handler_ignores(SIGCHLD, 0x401000));
}
END_TEST

START_TEST(death_status_sets_core_bit_for_core_signals_only)
{
	ck_assert_int_eq(signal_death_status(SIGSEGV), SIGSEGV | 0x80);
	ck_assert_int_eq(signal_death_status(SIGQUIT), SIGQUIT | 0x80);
	ck_assert_int_eq(signal_death_status(SIGTERM), SIGTERM);
	ck_assert_int_eq(signal_death_status(SIGKILL), SIGKILL);
	ck_assert_int_eq(signal_death_status(40), 40);
}
END_TEST

START_TEST(pick_prefers_kill_then_faults_then_lowest)
{
	ck_assert_int_eq(signal_pick(0), 0);
	ck_assert_int_eq(signal_pick(SIG_BIT(SIGINT) | SIG_BIT(SIGKILL) | SIG_BIT(SIGSEGV)),
			 SIGKILL);
	ck_assert_int_eq(signal_pick(SIG_BIT(SIGHUP) | SIG_BIT(SIGSEGV) | SIG_BIT(SIGBUS)),
			 SIGBUS);
	ck_assert_int_eq(signal_pick(SIG_BIT(SIGTERM) | SIG_BIT(SIGUSR1) | SIG_BIT(40)),
			 SIGUSR1);
	ck_assert_int_eq(signal_pick(SIG_BIT(64)), 64);
}
END_TEST

START_TEST(restart_codes_follow_linux_with_and_without_handler)
{
	ck_assert_int_eq(signal_restart_decide(-ERESTARTSYS, true, 0), SIGNAL_RESTART_EINTR);
	ck_assert_int_eq(signal_restart_decide(-ERESTARTSYS, true, SA_RESTART),
			 SIGNAL_RESTART_AGAIN);
	ck_assert_int_eq(signal_restart_decide(-ERESTARTSYS, false, 0), SIGNAL_RESTART_AGAIN);
	ck_assert_int_eq(signal_restart_decide(-ERESTARTNOINTR, true, 0), SIGNAL_RESTART_AGAIN);
	ck_assert_int_eq(signal_restart_decide(-ERESTARTNOHAND, true, SA_RESTART),
			 SIGNAL_RESTART_EINTR);
	ck_assert_int_eq(signal_restart_decide(-ERESTARTNOHAND, false, 0), SIGNAL_RESTART_AGAIN);
	ck_assert_int_eq(signal_restart_decide(-ERESTART_RESTARTBLOCK, true, SA_RESTART),
			 SIGNAL_RESTART_EINTR);
	ck_assert_int_eq(signal_restart_decide(-ERESTART_RESTARTBLOCK, false, 0),
			 SIGNAL_RESTART_BLOCK);
	ck_assert_int_eq(signal_restart_decide(-EINTR, true, 0), SIGNAL_RESTART_NONE);
	ck_assert_int_eq(signal_restart_decide(42, false, 0), SIGNAL_RESTART_NONE);
}
END_TEST

START_TEST(kill_selects_pid_group_and_everyone_but_init_and_self)
{
	ck_assert(signal_kill_selects(7, 5, 5, 7, 7));
	ck_assert(!signal_kill_selects(7, 5, 5, 8, 7));
	ck_assert(signal_kill_selects(0, 5, 3, 9, 3));
	ck_assert(!signal_kill_selects(0, 5, 3, 9, 4));
	ck_assert(signal_kill_selects(-1, 5, 3, 9, 4));
	ck_assert(!signal_kill_selects(-1, 5, 3, 1, 1));
	ck_assert(!signal_kill_selects(-1, 5, 3, 5, 3));
	ck_assert(signal_kill_selects(-4, 5, 3, 9, 4));
	ck_assert(!signal_kill_selects(-4, 5, 3, 9, 3));
	ck_assert(!signal_kill_selects(-2147483647 - 1, 5, 3, 9, 3));
}
END_TEST

START_TEST(kill_permission_needs_root_or_matching_uid)
{
	struct cred root = { 0 }, alice = { .uid = 1000, .euid = 1000, .suid = 1000 },
		    bob = { .uid = 1001, .euid = 1001, .suid = 1001 },
		    setuid_alice = { .uid = 1001, .euid = 1000, .suid = 1000 };

	ck_assert(signal_kill_permitted(&root, &bob, SIGTERM, false));
	ck_assert(signal_kill_permitted(&alice, &alice, SIGTERM, false));
	ck_assert(!signal_kill_permitted(&alice, &bob, SIGTERM, false));
	ck_assert(signal_kill_permitted(&alice, &bob, SIGCONT, true));
	ck_assert(signal_kill_permitted(&setuid_alice, &bob, SIGTERM, false));
	ck_assert(!signal_kill_permitted(&bob, &root, SIGTERM, false));
}
END_TEST

START_TEST(frame_skips_red_zone_and_aligns_like_linux)
{
	stack_t alt = { .ss_flags = SS_DISABLE };
	struct sigframe_place at;

	ck_assert_int_eq(sigframe_place(0x7fff0000, &alt, 0, 836, &at), 0);
	ck_assert_uint_eq(at.fpstate % 64, 0);
	ck_assert_uint_le(at.fpstate + 836, 0x7fff0000 - SIGFRAME_RED_ZONE);
	ck_assert_uint_gt(at.fpstate + 836 + 64, 0x7fff0000 - SIGFRAME_RED_ZONE);
	ck_assert_uint_eq((at.frame + 8) % 16, 0);
	ck_assert_uint_le(at.frame + sizeof(struct rt_sigframe), at.fpstate);
	/* At most 16 bytes of alignment and the 8-byte call slot lie between them. */
	ck_assert_uint_ge(at.frame + sizeof(struct rt_sigframe) + 24, at.fpstate);
}
END_TEST

START_TEST(frame_enters_altstack_at_its_top_without_red_zone)
{
	stack_t alt = { .ss_sp = 0x500000, .ss_size = 0x4000 };
	struct sigframe_place at;

	ck_assert_int_eq(sigframe_place(0x7fff0000, &alt, SA_ONSTACK, 836, &at), 0);
	ck_assert_uint_eq(at.fpstate, ALIGN_DOWN(0x504000 - 836, 64));
	ck_assert_uint_gt(at.frame, 0x500000);
	/* Without SA_ONSTACK the altstack is not used. */
	ck_assert_int_eq(sigframe_place(0x7fff0000, &alt, 0, 836, &at), 0);
	ck_assert_uint_gt(at.frame, 0x7ffe0000);
}
END_TEST

START_TEST(frame_nested_on_altstack_stays_below_sp_and_fails_on_overflow)
{
	stack_t alt = { .ss_sp = 0x500000, .ss_size = 0x4000 };
	struct sigframe_place at;

	ck_assert_int_eq(sigframe_place(0x503000, &alt, SA_ONSTACK, 836, &at), 0);
	ck_assert_uint_lt(at.fpstate + 836, 0x503000 - SIGFRAME_RED_ZONE + 1);
	ck_assert_int_eq(sigframe_place(0x500400, &alt, SA_ONSTACK, 836, &at), -EFAULT);
	/* With SS_AUTODISARM a handler is never "on" the stack: it starts at the top again. */
	alt.ss_flags = (int32_t)SS_AUTODISARM;
	ck_assert_int_eq(sigframe_place(0x503000, &alt, SA_ONSTACK, 836, &at), 0);
	ck_assert_uint_eq(at.fpstate, ALIGN_DOWN(0x504000 - 836, 64));
}
END_TEST

START_TEST(frame_too_close_to_address_zero_fails)
{
	stack_t alt = { 0 };
	struct sigframe_place at;

	ck_assert_int_eq(sigframe_place(0x200, &alt, 0, 836, &at), -EFAULT);
	ck_assert_int_eq(sigframe_place(0x10, &alt, 0, 836, &at), -EFAULT);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("signal_policy");
	TCase *tc = tcase_create("policy");

	tcase_add_test(tc, default_actions_match_linux_for_each_class);
	tcase_add_test(tc, handler_ignores_only_sig_ign_or_default_ignore);
	tcase_add_test(tc, death_status_sets_core_bit_for_core_signals_only);
	tcase_add_test(tc, pick_prefers_kill_then_faults_then_lowest);
	tcase_add_test(tc, restart_codes_follow_linux_with_and_without_handler);
	tcase_add_test(tc, kill_selects_pid_group_and_everyone_but_init_and_self);
	tcase_add_test(tc, kill_permission_needs_root_or_matching_uid);
	tcase_add_test(tc, frame_skips_red_zone_and_aligns_like_linux);
	tcase_add_test(tc, frame_enters_altstack_at_its_top_without_red_zone);
	tcase_add_test(tc, frame_nested_on_altstack_stays_below_sp_and_fails_on_overflow);
	tcase_add_test(tc, frame_too_close_to_address_zero_fails);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}

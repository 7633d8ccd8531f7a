/* signal/policy.h: the decisions of signal handling that depend on numbers alone (default
 * actions, which pending signal goes first, syscall restarts, who kill reaches), kept pure
 * so they are unit-tested without a process. */
#ifndef SERVICES_SIGNAL_POLICY_H
#define SERVICES_SIGNAL_POLICY_H

#include <ostd/types.h>
#include <abi/signal.h>

struct cred;

/* The x86-64 number of restart_syscall, which ERESTART_RESTARTBLOCK re-enters. */
#define SIGNAL_NR_RESTART_SYSCALL 219
/* The x86-64 number of rt_sigreturn: its return is never a restart. */
#define SIGNAL_NR_RT_SIGRETURN 15

enum signal_default {
	SIGNAL_DEFAULT_TERMINATE,
	SIGNAL_DEFAULT_CORE,        /* terminate, with the core bit in the wait status */
	SIGNAL_DEFAULT_IGNORE,
	SIGNAL_DEFAULT_STOP,
	SIGNAL_DEFAULT_CONTINUE,    /* continue at sending; ignored at delivery */
};

/* What SIG_DFL does for sig (1..64); real-time signals terminate. */
enum signal_default signal_default_action(int sig);
/* "SIGSEGV" for a standard signal, NULL for real-time and out-of-range numbers. */
const char *signal_name(int sig);
/* Whether a handler value (sa_handler) discards sig: SIG_IGN, or SIG_DFL whose default
 * action ignores it. */
bool signal_handler_ignores(int sig, uint64_t handler);
/* Whether sig is one of the stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU). */
bool signal_is_stop(int sig);

/* The signals a CPU fault raises (Linux's SYNCHRONOUS_MASK): delivered before others. */
#define SIGNAL_SYNCHRONOUS_MASK \
	(SIG_BIT(SIGSEGV) | SIG_BIT(SIGBUS) | SIG_BIT(SIGILL) | SIG_BIT(SIGTRAP) | \
	 SIG_BIT(SIGFPE) | SIG_BIT(SIGSYS))
/* The stop signals, and the one they cancel. */
#define SIGNAL_STOP_MASK \
	(SIG_BIT(SIGSTOP) | SIG_BIT(SIGTSTP) | SIG_BIT(SIGTTIN) | SIG_BIT(SIGTTOU))

/* Which signal of set goes first: SIGKILL, then the synchronous faults, then the lowest
 * number. 0 when set is empty. */
int signal_pick(kernel_sigset_t set);

enum signal_restart {
	SIGNAL_RESTART_NONE,    /* not a restart code: the return value stands */
	SIGNAL_RESTART_EINTR,   /* the syscall returns -EINTR */
	SIGNAL_RESTART_AGAIN,   /* it runs again: rip back over the insn, rax = its number */
	SIGNAL_RESTART_BLOCK,   /* it runs again as restart_syscall */
};
/* What a syscall's return value ret becomes when a handler with sa_flags is about to run
 * (handler true) or none runs, as Linux's x86 signal code decides. */
enum signal_restart signal_restart_decide(long ret, bool handler, uint64_t sa_flags);

/* Whether kill(pid, ...) sent by sender_pid of group sender_pgid reaches the process
 * cand_pid of group cand_pgid: pid > 0 that process, 0 the sender's group, -1 every
 * process but init and the sender, < -1 the group -pid. */
bool signal_kill_selects(int pid, int sender_pid, int sender_pgid, int cand_pid,
			 int cand_pgid);
/* Whether a sender with credentials s may signal a target with credentials t: root, or
 * the sender's real or effective uid is the target's real or saved uid; SIGCONT also
 * within one session. */
bool signal_kill_permitted(const struct cred *s, const struct cred *t, int sig,
			   bool same_session);

#endif

/* signal/policy.c: default actions, delivery order, restart decisions and kill's target
 * rules: pure functions of their arguments. */
#include <ostd/errno.h>
#include <process/cred.h>
#include <signal/policy.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>

#define SIGNAL_CORE_MASK \
	(SIG_BIT(SIGQUIT) | SIG_BIT(SIGILL) | SIG_BIT(SIGTRAP) | SIG_BIT(SIGABRT) | \
	 SIG_BIT(SIGBUS) | SIG_BIT(SIGFPE) | SIG_BIT(SIGSEGV) | SIG_BIT(SIGXCPU) | \
	 SIG_BIT(SIGXFSZ) | SIG_BIT(SIGSYS))
#define SIGNAL_IGNORE_MASK \
	(SIG_BIT(SIGCHLD) | SIG_BIT(SIGURG) | SIG_BIT(SIGWINCH))

enum signal_default signal_default_action(int sig)
{
	kernel_sigset_t bit;

	if (sig < 1 || sig >= SIGRTMIN)
		return SIGNAL_DEFAULT_TERMINATE;
	bit = SIG_BIT(sig);
	if (bit & SIGNAL_CORE_MASK)
		return SIGNAL_DEFAULT_CORE;
	if (bit & SIGNAL_IGNORE_MASK)
		return SIGNAL_DEFAULT_IGNORE;
	if (bit & SIGNAL_STOP_MASK)
		return SIGNAL_DEFAULT_STOP;
	if (sig == SIGCONT)
		return SIGNAL_DEFAULT_CONTINUE;
	return SIGNAL_DEFAULT_TERMINATE;
}

bool signal_handler_ignores(int sig, uint64_t handler)
{
	enum signal_default d;

	if (handler == SIG_IGN)
		return true;
	if (handler != SIG_DFL)
		return false;
	d = signal_default_action(sig);
	return d == SIGNAL_DEFAULT_IGNORE || d == SIGNAL_DEFAULT_CONTINUE;
}

bool signal_is_stop(int sig)
{
	return sig >= 1 && sig <= KERNEL_NSIG && (SIG_BIT(sig) & SIGNAL_STOP_MASK);
}

int signal_death_status(int sig)
{
	if (signal_default_action(sig) == SIGNAL_DEFAULT_CORE)
		return sig | 0x80;
	return sig;
}

int signal_pick(kernel_sigset_t set)
{
	if (!set)
		return 0;
	if (set & SIG_BIT(SIGKILL))
		return SIGKILL;
	if (set & SIGNAL_SYNCHRONOUS_MASK)
		set &= SIGNAL_SYNCHRONOUS_MASK;
	return __builtin_ctzll(set) + 1;
}

enum signal_restart signal_restart_decide(long ret, bool handler, uint64_t sa_flags)
{
	switch (ret) {
	case -ERESTARTNOHAND:
		return handler ? SIGNAL_RESTART_EINTR : SIGNAL_RESTART_AGAIN;
	case -ERESTART_RESTARTBLOCK:
		return handler ? SIGNAL_RESTART_EINTR : SIGNAL_RESTART_BLOCK;
	case -ERESTARTSYS:
		if (handler && !(sa_flags & SA_RESTART))
			return SIGNAL_RESTART_EINTR;
		return SIGNAL_RESTART_AGAIN;
	case -ERESTARTNOINTR:
		return SIGNAL_RESTART_AGAIN;
	default:
		return SIGNAL_RESTART_NONE;
	}
}

bool signal_kill_selects(int pid, int sender_pid, int sender_pgid, int cand_pid,
			 int cand_pgid)
{
	if (pid > 0)
		return cand_pid == pid;
	if (pid == 0)
		return cand_pgid == sender_pgid;
	if (pid == -1)
		return cand_pid > 1 && cand_pid != sender_pid;
	/* -pid overflows for INT_MIN: no group has that id. */
	return pid != (int)(1u << 31) && cand_pgid == -pid;
}

bool signal_kill_permitted(const struct cred *s, const struct cred *t, int sig,
			   bool same_session)
{
	if (sig == SIGCONT && same_session)
		return true;
	/* cred_is_root's rule (euid 0), inlined so this stays free of process code. */
	if (s->euid == 0)
		return true;
	return s->euid == t->suid || s->euid == t->uid || s->uid == t->suid ||
	       s->uid == t->uid;
}

static const char *const signal_names[SIGRTMIN] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV",
	[SIGUSR2] = "SIGUSR2", [SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM",
	[SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD",
	[SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
	[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG",
	[SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM",
	[SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig < SIGRTMIN ? signal_names[sig] : NULL;
}

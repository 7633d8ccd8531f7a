/* signal/signal.h: sending signals, delivering them on the way back to user mode (handler
 * frames or default actions), and the signal syscalls. */
#ifndef SERVICES_SIGNAL_SIGNAL_H
#define SERVICES_SIGNAL_SIGNAL_H

#include <ostd/types.h>
#include <abi/signal.h>
#include <abi/siginfo.h>

struct process;
struct thread;

/* Restart codes a sleeping syscall returns when a signal interrupted it; they never reach
 * user mode (signal_syscall_exit turns them into -EINTR or a restart). Linux's values. */
#define ERESTARTSYS           512   /* restart if the handler has SA_RESTART, else EINTR */
#define ERESTARTNOINTR        513   /* always restart */
#define ERESTARTNOHAND        514   /* restart only if no handler runs */
#define ERESTART_RESTARTBLOCK 516   /* EINTR if a handler runs, else restart_syscall */

/* Sends sig (1..64) with info (NULL: SI_KERNEL) to a process: a thread that does not block
 * it is chosen, kicked out of an interruptible sleep; SIGKILL ends the process, SIGCONT
 * continues it, a stop signal stops it (at delivery). Ignored signals are dropped. 0, or
 * -EAGAIN when the queue is full. No permission check: that is kill's. */
int signal_send_process(struct process *p, int sig, const ksiginfo_t *info);
int signal_send_thread(struct thread *t, int sig, const ksiginfo_t *info);
/* Called after a signal is queued for p (NULL: nobody asked). signalfd sets it when the
 * first one is made: its readers wait for signals they block, which no kick reaches. */
extern void (*signal_queued_hook)(struct process *p);
/* Linux's send_sig(SIGPIPE, current, 0): SI_USER from the writer itself, for a write to a
 * pipe or stream socket nobody reads any more. */
void signal_send_sigpipe(void);
/* Called when a signal with si_code SI_TIMER is dequeued for t (NULL: nobody asked). POSIX
 * timers set it: they fill in info's overrun count and re-arm, or return false for the
 * signal of a timer since deleted or re-armed, which is then dropped unseen. */
extern bool (*signal_timer_dequeue_hook)(struct thread *t, ksiginfo_t *info);
/* A synchronous fault signal for the current thread (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
 * SIGTRAP): a blocked or ignored one is unblocked and reset to the default (Linux's
 * force_sig), so the program dies instead of looping on the fault. */
void signal_force_fault(struct thread *t, int sig, int code, uaddr_t addr);

/* Whether t has a pending signal it does not block (or is exiting): sleeps end -EINTR. */
bool signal_pending(const struct thread *t);

/* After a syscall: turns a restart code in the return value into -EINTR or a restart
 * (rip back over the syscall insn, rax = nr) as the handler about to run asks, and
 * delivers pending signals. Returns with t's context ready to enter user mode. */
void signal_syscall_exit(struct thread *t, uint64_t nr, long ret);
/* Before any return to user mode (after faults and interrupts too): delivers pending
 * unblocked signals to t: builds handler frames on the user stack, or applies the default
 * action (which may exit the group or stop it). */
void signal_deliver(struct thread *t);

/* exec: handlers reset to SIG_DFL (ignored stay ignored), altstack cleared. */
void signal_exec_reset(struct thread *t);
/* fork: the child's dispositions copy the parent's; pending sets start empty. */
void signal_fork_copy(struct process *child, const struct process *parent);
/* Process exit (process_finish): drops p's shared pending signals and disarms its
 * ITIMER_REAL. Each thread's own queue is freed with sigqueue_clear(&t->pending). */
void signal_process_exit(struct process *p);

/* The temporary signal mask of ppoll, pselect6 and epoll_pwait: copies the user's mask
 * (size bytes; NULL: none) and installs it, keeping the old one: 0, -EINVAL, -EFAULT. */
int signal_set_call_mask(const kernel_sigset_t __user *umask, size_t size);
/* The call ends: the old mask comes back, unless a handler is about to run
 * (handler_next: the call was interrupted), whose delivery restores it after building
 * its frame, as Linux's restore_saved_sigmask_unless. */
void signal_end_call_mask(bool handler_next);

/* The wait status (W* encoding) a default-action death by sig gives: sig, | 0x80 when
 * its default action dumps core. */
int signal_death_status(int sig);

long sys_rt_sigaction(int sig, const struct sigaction __user *act,
		      struct sigaction __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const kernel_sigset_t __user *set,
			kernel_sigset_t __user *oset, size_t sigsetsize);
long sys_rt_sigpending(kernel_sigset_t __user *set, size_t sigsetsize);
long sys_rt_sigsuspend(const kernel_sigset_t __user *mask, size_t sigsetsize);
long sys_rt_sigtimedwait(const kernel_sigset_t __user *set, ksiginfo_t __user *info,
			 const void __user *timeout, size_t sigsetsize);
long sys_rt_sigqueueinfo(int pid, int sig, ksiginfo_t __user *info);
long sys_rt_sigreturn(void);
long sys_sigaltstack(const stack_t __user *ss, stack_t __user *old_ss);
long sys_kill(int pid, int sig);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_pause(void);
long sys_alarm(unsigned int seconds);
long sys_setitimer(int which, const void __user *value, void __user *ovalue);
long sys_getitimer(int which, void __user *value);

#endif

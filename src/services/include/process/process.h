/* process/process.h: processes (thread groups): their memory, files, identity, children and
 * shared signal state, and the pid table. Threads are in process/thread.h. */
#ifndef SERVICES_PROCESS_PROCESS_H
#define SERVICES_PROCESS_PROCESS_H

#include <ostd/types.h>
#include <ostd/sync.h>
#include <abi/signal.h>
#include <abi/resource.h>
#include <process/cred.h>
#include <process/thread.h>
#include <signal/sigqueue.h>

struct mm;
struct fdtable;
struct posix_timer;
struct itimer_cpu;
struct inode;

#define PID_MAX 32768   /* pids and tids are allocated below this, lowest free after last */

enum process_state {
	PROCESS_ALIVE,        /* has at least one thread that has not finished exiting */
	PROCESS_ZOMBIE,       /* every thread is gone; waits for its parent to reap it */
};

/* Job-control state as wait4/waitid report it. */
#define PROCESS_STOPPED   0x1u    /* stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU */
#define PROCESS_REPORT_STOP 0x2u  /* the stop is not yet reported to the parent */
#define PROCESS_REPORT_CONT 0x4u  /* the continue is not yet reported (WCONTINUED) */

struct process {
	int pid;                             /* == tgid == the main thread's tid */
	int pgid, sid;
	struct process *parent;              /* NULL only for init */
	struct process *children;            /* newest first, linked by sibling */
	struct process *sibling;
	enum process_state state;
	unsigned int job;                    /* PROCESS_STOPPED | ... */
	int exit_code;                       /* wait status once ZOMBIE (W* encoding) */
	int exit_signal;                     /* sent to the parent at death (SIGCHLD, or clone's) */
	bool group_exiting;                  /* exit_group or a fatal signal is under way */

	struct thread *threads;              /* linked by thread.next_in_process */
	unsigned int nthreads;               /* threads not yet fully gone */

	struct mm *mm;                       /* refcounted: vfork/CLONE_VM share it */
	struct fdtable *fdt;                 /* refcounted: CLONE_FILES shares it */
	struct inode *cwd, *root;
	unsigned int umask;
	struct cred cred;
	char *exe_path;                      /* the resolved guest path of the executable */
	char comm[16];

	struct sigaction sigactions[KERNEL_NSIG];   /* index signal - 1; shared by threads */
	struct sigqueue shared_pending;      /* process-directed signals */
	struct rlimit rlimits[RLIM_NLIMITS];
	/* Scheduling as the program set it: kept and reported, though Keel's one CPU runs
	 * every thread round robin (process/sched_policy.c). Inherited by fork. */
	int nice;                            /* -20..19 */
	int sched_policy;                    /* SCHED_*, with SCHED_RESET_ON_FORK */
	int sched_priority;
	unsigned int personality;            /* personality(2); ADDR_NO_RANDOMIZE is obeyed */
	unsigned int membarrier_registered;  /* MEMBARRIER_CMD_REGISTER_* bits; exec clears */
	/* CPU time in ns of its threads that are gone, and of the children it reaped (with
	 * theirs), for times, getrusage and /proc/PID/stat. */
	uint64_t utime_ns, stime_ns;
	uint64_t cutime_ns, cstime_ns;
	uint64_t start_ns;                   /* monotonic time at creation */
	uint64_t alarm_ns;                   /* ITIMER_REAL: next expiry (0: off) */
	uint64_t alarm_interval_ns;
	struct itimer_cpu *itimer_cpu;       /* ITIMER_VIRTUAL/PROF (signal/itimer.c); NULL: off */
	struct posix_timer *posix_timers;    /* timer_create's timers (time/posix_timer.c) */
	int posix_timer_next_id;             /* where the search for a free timer id starts */

	waitqueue_t child_wait;              /* wait4/waitid of this process's threads */
	waitqueue_t vfork_wait;              /* a vfork parent waits here for exec/exit */
	bool vfork_done;
	struct process *hash_next;           /* pid table chain */
};

/* The pid table and init. */
struct process *process_find(int pid);
struct process *process_init(void);        /* pid 1, or NULL before boot made it */
/* Allocates a free pid/tid; -EAGAIN when none is left. */
int pid_alloc(void);
void pid_free(int pid);
void process_hash_add(struct process *p);
void process_hash_remove(struct process *p);
/* How many processes exist (zombies included). */
int process_count(void);
/* Calls fn on every process until it returns non-zero; returns that value or 0. fn may
 * remove the process it is given. */
int process_for_each(int (*fn)(struct process *p, void *arg), void *arg);

/* A new process structure with pid, empty lists and signal state; NULL on ENOMEM. */
struct process *process_alloc(int pid);
/* Frees p and what it holds (mm, files, path) and its pid; p must be unlinked. */
void process_free(struct process *p);
/* Appends c to parent's children (oldest first) / removes it. */
void process_add_child(struct process *parent, struct process *c);
void process_remove_child(struct process *parent, struct process *c);

/* Creates pid 1 and its main thread (*main, not yet started) with an empty mm, the console
 * on fds 0-2, cwd and root at root, and Linux's default limits. NULL when out of memory. */
struct process *process_create_init(struct inode *root, const char *exe_path,
				    struct thread **main);

/* Frees a process whose main thread never started, with that thread (boot failures and
 * unit tests). */
void process_destroy_unstarted(struct process *p, struct thread *main);

/* The process of the current thread. */
struct process *process_current(void);

/* CPU time in ns, user and system: one thread's, and a process's (its live threads and
 * those gone). The scheduler counts a thread's time on the CPU; its user part is what it
 * spent in user mode. */
void thread_cpu_times(const struct thread *t, uint64_t *utime, uint64_t *stime);
void process_cpu_times(const struct process *p, uint64_t *utime, uint64_t *stime);

/* Starts the exit of every thread of p with wait status code (W* encoding: (status << 8)
 * for exit, the signal number (| 0x80 for a core dump) for a kill). The first call wins. */
void process_exit_group(struct process *p, int code);
/* Called by the last thread of p as it finishes: releases memory and files, reparents the
 * children to init, turns p into a zombie, tells the parent (exit_signal, child_wait).
 * When p is init, the machine shuts down with p's status. */
void process_finish(struct process *p);
/* Frees a zombie that its parent reaped. */
void process_reap(struct process *p);

/* Job control: stop or continue every thread of p (SIGSTOP family / SIGCONT). */
void process_stop(struct process *p, int sig);
void process_continue(struct process *p);

/* The exit status the machine ends with when init ends (0-255). */
int process_wait_status_to_exit(int code);

/* The signal a CPU exception maps to, for a fault that demand paging could not satisfy. */
int process_fault_signal(unsigned int vector);

long sys_exit(int code);
long sys_exit_group(int code);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_set_tid_address(int __user *tidptr);
long sys_set_robust_list(void __user *head, size_t len);
long sys_get_robust_list(int pid, void __user *head, size_t __user *len);
long sys_rseq(void __user *rseq, uint32_t len, int flags, uint32_t sig);
long sys_arch_prctl(int code, unsigned long addr);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_limit,
		   struct rlimit __user *old_limit);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *mask);
long sys_sched_yield(void);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);
long sys_sched_setparam(int pid, const void __user *param);
long sys_sched_getparam(int pid, void __user *param);
long sys_sched_setscheduler(int pid, int policy, const void __user *param);
long sys_sched_getscheduler(int pid);
long sys_sched_get_priority_max(int policy);
long sys_sched_get_priority_min(int policy);
long sys_personality(unsigned int persona);
long sys_membarrier(int cmd, unsigned int flags, int cpu_id);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5);
long sys_getpgrp(void);
long sys_getpgid(int pid);
long sys_setpgid(int pid, int pgid);
long sys_getsid(int pid);
long sys_setsid(void);
long sys_umask(unsigned int mask);

/* fork.c */
struct clone_args;
/* The clone family's worker: a new thread or process as a says; its tid/pid, or errno. */
long process_clone(const struct clone_args *a);
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long flags, unsigned long stack, int __user *ptid,
	       int __user *ctid, unsigned long tls);
long sys_clone3(void __user *args, size_t size);
/* wait.c */
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);
long sys_waitid(int which, int id, void __user *info, int options, void __user *rusage);
/* exec: in exec/exec.h */

#endif

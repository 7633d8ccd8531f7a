/* process/process.h: the (v0: single) process: its memory, files, identity and signal state. */
#ifndef SERVICES_PROCESS_PROCESS_H
#define SERVICES_PROCESS_PROCESS_H

#include <ostd/types.h>
#include <ostd/user_mode.h>
#include <abi/signal.h>
#include <abi/resource.h>
#include <mm/mm.h>

struct vmspace;
struct fdtable;
struct inode;

struct process {
	int pid, ppid;
	unsigned int uid, gid;
	struct vmspace *vs;
	struct mm mm;
	struct user_context ctx;
	struct fdtable *fdt;
	struct inode *cwd;
	struct inode *root;
	char *exe_path;                      /* the resolved guest path of the executable */
	struct sigaction sigactions[KERNEL_NSIG];   /* index signal - 1 */
	kernel_sigset_t sigmask;
	stack_t altstack;
	struct rlimit rlimits[RLIM_NLIMITS];
	uaddr_t robust_list;
	size_t robust_len;
	uaddr_t clear_child_tid;
	uint64_t start_ns;                   /* monotonic time at creation, for CPU clocks */
	unsigned int umask;
	char comm[16];                       /* the thread name of prctl(PR_SET_NAME) */
	bool exiting;
	int exit_status;                     /* the machine's exit status once exiting */
};

/* Creates pid 1 with an empty address space, the console on fds 0-2, cwd and root at root
 * (a directory), and Linux's default limits. NULL when out of memory. */
struct process *process_create(struct inode *root, const char *exe_path);
void process_destroy(struct process *p);

/* The process the current task runs (task_data of task_current()). */
struct process *process_current(void);
/* Makes p the process of the current task, and its vmspace the one user copies use. */
void process_attach_current(struct process *p);

/* Marks p as ending with exit status (0-255, or 128 + signal). */
void process_exit(struct process *p, int status);

/* Runs p in user mode until it exits; handles syscalls, faults and interrupts. Returns the
 * exit status (the caller ends the machine with it). */
int process_run(struct process *p);

/* The signal a CPU exception maps to, for a fault that demand paging could not satisfy. */
int process_fault_signal(unsigned int vector);

/* Handles a user-mode exception: 0 when demand paging fixed it (resume), else the signal
 * that kills the process. */
int process_handle_exception(struct process *p);

long sys_exit(int code);
long sys_exit_group(int code);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_set_tid_address(int __user *tidptr);
long sys_set_robust_list(void __user *head, size_t len);
long sys_rseq(void __user *rseq, uint32_t len, int flags, uint32_t sig);
long sys_arch_prctl(int code, unsigned long addr);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_limit,
		   struct rlimit __user *old_limit);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *mask);
long sys_sched_yield(void);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5);
long sys_getgroups(int size, unsigned int __user *list);
long sys_getpgrp(void);
long sys_getpgid(int pid);
long sys_getsid(int pid);
long sys_umask(unsigned int mask);
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);

#endif

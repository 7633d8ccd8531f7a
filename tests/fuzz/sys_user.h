/* sys_user.h: the fuzz program's "user mode": every thread of every process the input
 * creates runs the decoded program from where its parent was, one syscall per return to
 * user mode, within a budget of syscalls and processes per input. */
#ifndef TESTS_FUZZ_SYS_USER_H
#define TESTS_FUZZ_SYS_USER_H

#include <stdbool.h>
#include <stdint.h>

struct sys_program;
struct user_context;

#define SYS_SYSCALLS_MAX  512   /* per input, over all threads */
#define SYS_THREADS_MAX   64    /* per input; more threads just exit */
#define SYS_PROCESSES_MAX 24    /* fork-like calls become sched_yield at this count */

/* Makes prog the program and ctx (init's main thread) its first thread. */
void sys_user_start(const struct sys_program *prog, struct user_context *ctx);

/* Whether syscall nr has returned something other than -ENOSYS since the process
 * started (over all inputs), and how many numbers have. */
bool sys_user_was_answered(unsigned int nr);
unsigned int sys_user_answered_count(void);

#endif

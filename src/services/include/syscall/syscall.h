/* syscall/syscall.h: turning a user context's syscall into a handler call. */
#ifndef SERVICES_SYSCALL_SYSCALL_H
#define SERVICES_SYSCALL_SYSCALL_H

#include <ostd/types.h>

struct user_context;

/* Syscall numbers below this have a table slot. */
#define SYSCALL_NR_MAX 512

/* Calls the handler of ctx's syscall with its arguments and returns its result (a value or
 * a negative errno); unknown numbers give -ENOSYS and one log_warn line per number. */
long syscall_dispatch(struct user_context *ctx);
/* The same, from a number and six raw arguments. */
long syscall_call(uint64_t nr, const uint64_t args[6]);
/* The name of syscall nr ("write"), or NULL when Keel does not answer it. */
const char *syscall_name(uint64_t nr);
/* How many times an unknown number was logged (0 or 1 per number): for tests. */
unsigned int syscall_unknown_times_logged(uint64_t nr);

#endif

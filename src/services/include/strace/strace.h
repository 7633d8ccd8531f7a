/* strace/strace.h: keel run --strace: one line per guest syscall, in strace's format, on
 * OSTD's trace sink (never the program's fds, never the kernel log). */
#ifndef SERVICES_STRACE_STRACE_H
#define SERVICES_STRACE_STRACE_H

#include <ostd/types.h>
#include <strace/line.h>

struct boot_info;

/* Read by the dispatcher on every syscall: the whole cost of tracing when it is off. */
extern bool strace_enabled;

/* Turns tracing on when the machine was started with it (bi->strace). */
void strace_setup(const struct boot_info *bi);

/* How many processes exist: with more than one, lines start with "[pid N] " as strace -f
 * prints them. v0 has one process; fork will call this. */
void strace_set_process_count(unsigned int n);

/* One syscall in flight: its number, raw arguments and the line being built. The entry
 * half prints the arguments the kernel reads; the exit half those it fills (read's buffer)
 * and the result, then writes the line. */
struct strace_call {
	uint64_t nr;
	uint64_t args[6];
	unsigned int next_arg;      /* the first argument the exit half prints */
	bool done;                  /* the line is written (exit's, at entry) */
	struct strace_line line;
};

void strace_syscall_enter(struct strace_call *c, int pid, uint64_t nr,
			  const uint64_t args[6]);
void strace_syscall_exit(struct strace_call *c, long ret);

#endif

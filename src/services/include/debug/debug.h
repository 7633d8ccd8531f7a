/* debug/debug.h: the hooks through which the run loop hands a thread to an attached
 * debugger (keel run --gdb): the first instruction of the program, breakpoint and
 * single-step traps, the end of a step over a syscall, and the program's end. */
#ifndef SERVICES_DEBUG_DEBUG_H
#define SERVICES_DEBUG_DEBUG_H

#include <ostd/types.h>

struct thread;

/* Before t first enters user mode: the program's first thread stops here for a debugger
 * that is connected, and the debugger drives it until it resumes. */
void debug_thread_begin(struct thread *t);
/* A TRAP_BP or TRAP_DB exception of t: true when the debugger took it (it was ours, or
 * the program is being debugged), so no SIGTRAP is delivered. */
bool debug_handle_trap(struct thread *t);
/* After t's syscall returned: a single step over the syscall instruction ends here. */
void debug_syscall_exit(struct thread *t);
/* At a timer interrupt of t: looks for the debugger's ^C without blocking. */
void debug_poll(struct thread *t);
/* t leaves user mode for good: the last thread of the debugged process reports the exit. */
void debug_thread_end(struct thread *t);

#endif

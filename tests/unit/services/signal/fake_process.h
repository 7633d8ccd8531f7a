/* fake_process.h: a stand-in for the process core (process/process.h, process/thread.h)
 * so the signal code is tested alone: processes and threads the test builds by hand, one
 * current thread, and a record of exits, stops and continues. Also user memory for the
 * current task, and an FP state the frame code can save and restore. */
#ifndef TESTS_UNIT_SERVICES_SIGNAL_FAKE_PROCESS_H
#define TESTS_UNIT_SERVICES_SIGNAL_FAKE_PROCESS_H

#include <ostd/types.h>
#include <process/process.h>
#include <process/thread.h>

#define FAKE_PROCESS_MAX 8
#define FAKE_USER_BASE   0x400000ull
#define FAKE_USER_PAGES  16
#define FAKE_USER_END    (FAKE_USER_BASE + FAKE_USER_PAGES * PAGE_SIZE)
#define FAKE_FPSTATE_SIZE 836   /* a 512 + 64 + 256-byte AVX image and magic2, as Linux */

struct fake_process {
	struct process proc;
	struct thread thread;           /* its main (and only) thread */
	int exit_group_calls, stop_calls, continue_calls;
	int stop_sig;
};

/* Resets the table and makes a process pid (pgid, sid, uid as given) with one thread of
 * tid pid; the first one made is current. */
void fake_process_reset(void);
struct fake_process *fake_process_add(int pid, int pgid, int sid, unsigned int uid);
void fake_process_set_current(struct fake_process *fp);
/* Adds a second thread to fp (tid), zeroed like thread_alloc's. */
struct thread *fake_thread_add(struct fake_process *fp, struct thread *t, int tid);

/* Maps FAKE_USER_PAGES of read-write memory at FAKE_USER_BASE for the current task. */
void fake_user_memory(void);
void fake_user_memory_free(void);

/* The FP state of every context, as the fake engine keeps it: a byte pattern. */
extern uint8_t fake_fpstate[FAKE_FPSTATE_SIZE];
extern int fake_fpstate_resets, fake_fpstate_sets;

#endif

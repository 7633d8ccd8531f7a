/* sys_world.h: the world one syscall fuzz input runs in, and how a thread of it keeps its
 * place in the program. Each input gets a fresh ramfs with a few known files and a fresh
 * init process (pid 1) whose main thread is the harness's own kernel task; everything is
 * torn down after the input, and the kernel's frame and heap counters must come back where
 * they were.
 *
 * User memory of init at start (fixed, so raw arguments and the dictionary can name it):
 *   SYS_SCRATCH_BASE  six argument slots of SYS_SLOT_SIZE bytes, then free space up to
 *                     SYS_SCRATCH_SIZE; the page after it is never mapped
 *   SYS_STACK_BASE    a stack, rsp near its top (signal frames land there) */
#ifndef TESTS_FUZZ_SYS_WORLD_H
#define TESTS_FUZZ_SYS_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#define SYS_SCRATCH_BASE 0x10000000ull
#define SYS_SCRATCH_SIZE 0x10000ull
#define SYS_SLOT_SIZE    1024ull
#define SYS_STACK_BASE   0x20000000ull
#define SYS_STACK_SIZE   0x10000ull
#define SYS_RESULTS      16

struct process;
struct sys_program;

/* Where one thread (user context) of the program is, and what it has seen. */
struct sys_thread {
	const void *ctx;                 /* the user_context this slot belongs to */
	unsigned int pc;                 /* next op */
	bool in_call;                    /* rax holds the result of op last_nr */
	uint16_t last_nr;
	uint64_t last_args[6];
	int64_t results[SYS_RESULTS];    /* every result, latest at (nresults - 1) % 16 */
	unsigned int nresults;
	int fds[SYS_RESULTS];            /* results that may be file descriptors */
	unsigned int nfds;
};

/* The paths typed string arguments choose from. */
extern const char *const sys_paths[];
extern const unsigned int sys_paths_count;

/* Runs prog as pid 1 in a fresh world, then tears the world down. Returns 0, or -1 when
 * the kernel leaked frames or could not be torn down (a finding). */
int sys_world_run(const struct sys_program *prog);

#endif

/* sys_args.h: turning an op's argument recipes into register values, placing paths and
 * buffers in the calling thread's user memory. */
#ifndef TESTS_FUZZ_SYS_ARGS_H
#define TESTS_FUZZ_SYS_ARGS_H

#include <stdint.h>

struct vmspace;
struct sys_op;
struct sys_thread;

/* The value of argument i of op for thread t whose memory is vs. */
uint64_t sys_arg_value(const struct sys_op *op, unsigned int i, const struct sys_thread *t,
		       struct vmspace *vs);

#endif

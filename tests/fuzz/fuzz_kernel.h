/* fuzz_kernel.h: one booted test kernel (tests/unit/support's HAL, no engine) that runs
 * many fuzz inputs, for harnesses whose entry point (LLVMFuzzerTestOneInput) is called
 * from outside the kernel.
 *
 * The kernel boots on first use, on a host thread of its own, and stays up: each call of
 * fuzz_kernel_run hands job(arg) to its first kernel task and waits for the result, so the
 * job runs with every OSTD and services API available. Exactly one of the two threads runs
 * at any time (a strict hand-off), so the kernel is single-threaded and, with the HAL's
 * virtual clock, deterministic. Boot it lazily, after any fork server has forked. */
#ifndef TESTS_FUZZ_FUZZ_KERNEL_H
#define TESTS_FUZZ_FUZZ_KERNEL_H

#include <stdint.h>

/* Guest RAM of the fuzz kernel: room for a few dozen small processes. */
#define FUZZ_KERNEL_RAM (64ull << 20)

/* Runs job(arg) in the kernel's first task and returns its result. */
int fuzz_kernel_run(int (*job)(void *arg), void *arg);

#endif

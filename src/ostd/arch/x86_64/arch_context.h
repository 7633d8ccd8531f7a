/* arch_context.h: kernel stack switching on this architecture. Every architecture's folder
 * provides a header of this name with the same declarations. */
#ifndef OSTD_ARCH_CONTEXT_H
#define OSTD_ARCH_CONTEXT_H

#include <ostd/types.h>

/* Saves the callee-saved registers on the current stack and its stack pointer in
 * *save_sp, then resumes the context whose saved stack pointer is next_sp. */
void arch_context_switch(void **save_sp, void *next_sp);

/* Lays out a fresh context on [stack, stack+size) that, when switched to, calls
 * entry(arg) on that stack; entry must never return. Returns its stack pointer. */
void *arch_context_init(void *stack, size_t size, void (*entry)(void *), void *arg);

#endif

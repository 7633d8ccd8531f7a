/* context.c: fresh x86-64 kernel contexts, laid out as arch_context_switch pops them. */
#include "arch_context.h"

void arch_context_entry(void);

/* Invariant: the frame lies inside [stack, stack+size) and leaves the stack 16-byte
 * aligned at entry's call, as the System V ABI requires. */
void *arch_context_init(void *stack, size_t size, void (*entry)(void *), void *arg)
{
	uint64_t *sp = (uint64_t *)(((uintptr_t)stack + size) & ~(uintptr_t)15);

	/* Seven words are popped (six registers and the return address); two words of
	 * padding above them make rsp 16-byte aligned after the return. */
	sp -= 9;
	sp[0] = 0;                              /* r15 */
	sp[1] = 0;                              /* r14 */
	sp[2] = (uint64_t)(uintptr_t)entry;     /* r13 */
	sp[3] = (uint64_t)(uintptr_t)arg;       /* r12 */
	sp[4] = 0;                              /* rbx */
	sp[5] = 0;                              /* rbp */
	sp[6] = (uint64_t)(uintptr_t)arch_context_entry;
	sp[7] = 0;
	sp[8] = 0;
	return sp;
}

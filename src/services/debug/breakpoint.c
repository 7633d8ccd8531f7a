/* debug/breakpoint.c: software breakpoints: an int3 byte written over the program's
 * code, the original byte kept here to show the debugger and to put back. */
#include <ostd/errno.h>
#include <debug/session.h>

struct debug_breakpoint *debug_bp_find(struct debug_session *s, uaddr_t a)
{
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++)
		if (s->bps[i].used && s->bps[i].addr == a)
			return &s->bps[i];
	return NULL;
}

struct debug_breakpoint *debug_bp_find_known(struct debug_session *s, uaddr_t a)
{
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++)
		if ((s->bps[i].used || s->bps[i].known) && s->bps[i].addr == a)
			return &s->bps[i];
	return NULL;
}

/* A slot for a: its old one, else a never used one, else a removed one (forgetting it). */
static struct debug_breakpoint *bp_free_slot(struct debug_session *s, uaddr_t a)
{
	struct debug_breakpoint *bp = debug_bp_find_known(s, a);

	if (bp)
		return bp;
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++)
		if (!s->bps[i].used && !s->bps[i].known)
			return &s->bps[i];
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++)
		if (!s->bps[i].used)
			return &s->bps[i];
	return NULL;
}

int debug_bp_insert(struct debug_session *s, struct process *p, uaddr_t a)
{
	static const uint8_t int3 = DEBUG_INT3;
	struct debug_breakpoint *bp;
	uint8_t saved;
	ssize_t n;
	int err;

	/* gdb may insert the same address twice (a breakpoint and a step-over). */
	if (debug_bp_find(s, a))
		return 0;
	bp = bp_free_slot(s, a);
	if (!bp)
		return -ENOSPC;
	n = debug_mem_read(s, p, a, &saved, 1);
	if (n != 1)
		return -EFAULT;
	err = debug_mem_poke(p, a, &int3, 1);
	if (err)
		return err;
	*bp = (struct debug_breakpoint){ .addr = a, .saved = saved, .used = true, .known = true };
	return 0;
}

int debug_bp_remove(struct debug_session *s, struct process *p, uaddr_t a)
{
	struct debug_breakpoint *bp = debug_bp_find(s, a);
	int err;

	if (!bp)
		return -ENOENT;
	/* The page may be gone (munmap): the breakpoint goes with it. */
	err = debug_mem_poke(p, a, &bp->saved, 1);
	bp->used = false;
	return err == -ENOMEM ? err : 0;
}

void debug_bp_remove_all(struct debug_session *s, struct process *p)
{
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++)
		if (s->bps[i].used)
			debug_bp_remove(s, p, s->bps[i].addr);
	s->reinsert = 0;
}

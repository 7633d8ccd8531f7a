/* debug/memory.c: the debugged process's memory as the debugger reads and writes it.
 * Writes reach text pages the program may not write, as ptrace's do: the page is copied
 * first when anyone else holds its frame (the page cache, a forked twin), so only this
 * process sees the change. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <debug/session.h>
#include <mm/mm.h>
#include <process/process.h>

/* Bytes from a to the end of its page, at most n. */
static size_t page_chunk(uaddr_t a, size_t n)
{
	size_t left = PAGE_SIZE - (a & (PAGE_SIZE - 1));

	return n < left ? n : left;
}

/* Shows the program's bytes where our int3s sit in [a, a+n). */
static void mem_hide_breakpoints(struct debug_session *s, uaddr_t a, uint8_t *buf, size_t n)
{
	for (int i = 0; i < DEBUG_BREAKPOINTS_MAX; i++) {
		const struct debug_breakpoint *bp = &s->bps[i];

		if (bp->used && bp->addr >= a && bp->addr - a < n)
			buf[bp->addr - a] = bp->saved;
	}
}

ssize_t debug_mem_read(struct debug_session *s, struct process *p, uaddr_t a, void *buf,
		       size_t n)
{
	uint8_t *out = buf;
	size_t done = 0;

	if (!p->mm || a + n < a)
		return -EFAULT;
	while (done < n) {
		size_t c = page_chunk(a + done, n - done);

		if (vmspace_copy_from(p->mm->vs, out + done, a + done, c))
			break;
		done += c;
	}
	if (done == 0 && n > 0)
		return -EFAULT;
	mem_hide_breakpoints(s, a, out, done);
	return (ssize_t)done;
}

/* The frame of page, paged in for reading if it was not yet. */
static int mem_page_frame(struct process *p, uaddr_t page, struct vm_query *q)
{
	if (vmspace_query(p->mm->vs, page, q) == 0)
		return 0;
	if (mm_fault(p->mm, page, VM_READ))
		return -EFAULT;
	return vmspace_query(p->mm->vs, page, q) ? -EFAULT : 0;
}

/* Writes within one page, into a frame nobody else sees. */
static int mem_poke_page(struct process *p, uaddr_t a, const void *buf, size_t n)
{
	uaddr_t page = ALIGN_DOWN(a, PAGE_SIZE);
	struct frame *copy;
	struct vm_query q;
	int err = mem_page_frame(p, page, &q);

	if (err)
		return err;
	if (frame_refcount(q.frame) == 1)
		return frame_write(q.frame, a - page, buf, n) ? -EFAULT : 0;
	copy = frame_alloc(FRAME_USER);
	if (!copy)
		return -ENOMEM;
	frame_copy(copy, q.frame);
	err = frame_write(copy, a - page, buf, n);
	/* Same protection: a text page stays read-only for the program. */
	if (!err)
		err = vmspace_map(p->mm->vs, page, copy, q.prot);
	frame_put(copy);
	return err ? -EFAULT : 0;
}

int debug_mem_poke(struct process *p, uaddr_t a, const void *buf, size_t n)
{
	const uint8_t *in = buf;
	size_t done = 0;

	if (!p->mm || a + n < a || a < vmspace_user_start() || a + n > vmspace_user_end())
		return -EFAULT;
	while (done < n) {
		size_t c = page_chunk(a + done, n - done);
		int err = mem_poke_page(p, a + done, in + done, c);

		if (err)
			return err;
		done += c;
	}
	return 0;
}

int debug_mem_write(struct debug_session *s, struct process *p, uaddr_t a, const void *buf,
		    size_t n)
{
	const uint8_t *in = buf;
	int err;

	if (a + n < a)
		return -EFAULT;
	/* Under an int3 of ours the new byte is the program's: remember it, keep the int3. */
	for (size_t i = 0; i < n; i++) {
		struct debug_breakpoint *bp = debug_bp_find(s, a + i);

		if (bp) {
			if (i > 0 && (err = debug_mem_poke(p, a, in, i)))
				return err;
			bp->saved = in[i];
			return debug_mem_write(s, p, a + i + 1, in + i + 1, n - i - 1);
		}
	}
	return n ? debug_mem_poke(p, a, in, n) : 0;
}

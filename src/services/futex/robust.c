/* futex/robust.c: what an exiting thread owes the threads that wait for it: its robust
 * mutexes marked OWNER_DIED, and its clear_child_tid word zeroed (pthread_join's wake-up);
 * and get_robust_list. */
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <futex/futex.h>
#include <mm/mm.h>
#include <process/process.h>
#include "futex_queue.h"

/* Linux's handle_futex_death: a lock word still holding t's tid gets OWNER_DIED (waiters
 * bit kept) and one waiter woken; a pending unlock that already cleared the word wakes one
 * too, in case the thread died between the unlock and its wake. false on a fault. */
static bool robust_release_lock(struct mm *mm, uaddr_t uaddr, int tid, bool pi, bool pending)
{
	struct futex_key key;
	uint32_t uval;

	if (futex_key_get(mm, uaddr, true, &key) || futex_read_word(mm, uaddr, &uval))
		return false;
	if (pending && !pi && uval == 0) {
		futex_wake_key(&key, 1, FUTEX_BITSET_MATCH_ANY);
		return true;
	}
	if ((uval & FUTEX_TID_MASK) != (uint32_t)tid)
		return true;
	if (futex_write_word(mm, uaddr, (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED))
		return false;
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake_key(&key, 1, FUTEX_BITSET_MATCH_ANY);
	return true;
}

/* Reads a list pointer: the entry's address, and its low bit (a PI mutex). */
static bool robust_fetch_entry(struct mm *mm, uaddr_t at, uaddr_t *entry, bool *pi)
{
	uint64_t v;

	if (vmspace_copy_from(mm->vs, &v, at, sizeof(v)))
		return false;
	*entry = v & ~1ull;
	*pi = v & 1;
	return true;
}

/* Every read is checked and the walk is bounded, so a hostile list (a cycle, a wild
 * pointer) only ends it early. */
static void robust_list_walk(struct mm *mm, uaddr_t head, int tid)
{
	struct robust_list_head h;
	uaddr_t entry, next, pending;
	bool pi, next_pi, pending_pi, fetched;
	unsigned int limit = ROBUST_LIST_LIMIT;

	if (vmspace_copy_from(mm->vs, &h, head, sizeof(h)))
		return;
	entry = h.next & ~1ull;
	pi = h.next & 1;
	pending = h.list_op_pending & ~1ull;
	pending_pi = h.list_op_pending & 1;
	while (entry != head) {
		fetched = robust_fetch_entry(mm, entry, &next, &next_pi);
		if (entry != pending &&
		    !robust_release_lock(mm, entry + (uaddr_t)h.futex_offset, tid, pi, false))
			return;
		if (!fetched)
			return;   /* Linux drops the pending entry too then */
		if (--limit == 0)
			break;
		entry = next;
		pi = next_pi;
	}
	if (pending)
		robust_release_lock(mm, pending + (uaddr_t)h.futex_offset, tid, pending_pi, true);
}

void futex_thread_exit(struct thread *t)
{
	struct mm *mm = t->proc ? t->proc->mm : NULL;
	struct futex_key key;

	if (!mm)
		return;
	if (t->robust_list)
		robust_list_walk(mm, t->robust_list, t->tid);
	t->robust_list = 0;
	t->robust_len = 0;
	if (t->clear_child_tid) {
		/* A failed write is ignored, as Linux does; the wake still happens. */
		(void)futex_write_word(mm, t->clear_child_tid, 0);
		if (!futex_key_get(mm, t->clear_child_tid, true, &key))
			futex_wake_key(&key, 1, FUTEX_BITSET_MATCH_ANY);
		t->clear_child_tid = 0;
	}
}

/* Linux asks for ptrace read access: the same process, root, or a caller whose real ids
 * are the target's real, effective and saved ids. */
static bool robust_may_read(const struct process *self, const struct process *target)
{
	const struct cred *c = &self->cred, *tc = &target->cred;

	if (self == target || cred_is_root(c))
		return true;
	return c->uid == tc->uid && c->uid == tc->euid && c->uid == tc->suid &&
	       c->gid == tc->gid && c->gid == tc->egid && c->gid == tc->sgid;
}

long sys_get_robust_list(int pid, void __user *head, size_t __user *len)
{
	struct thread *t = pid ? thread_find(pid) : thread_current();
	uint64_t head_val, len_val = sizeof(struct robust_list_head);

	if (!t)
		return -ESRCH;
	if (!robust_may_read(process_current(), t->proc))
		return -EPERM;
	head_val = t->robust_list;
	if (copy_to_user(len, &len_val, sizeof(len_val)))
		return -EFAULT;
	if (copy_to_user(head, &head_val, sizeof(head_val)))
		return -EFAULT;
	return 0;
}

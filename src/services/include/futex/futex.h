/* futex/futex.h: fast user-space mutexes: wait queues keyed by user addresses, and the
 * robust-list and clear-tid duties of an exiting thread. */
#ifndef SERVICES_FUTEX_FUTEX_H
#define SERVICES_FUTEX_FUTEX_H

#include <ostd/types.h>

struct thread;

/* futex(2) operations and flags, with Linux's values (the test_abi suite checks them). */
#define FUTEX_WAIT            0
#define FUTEX_WAKE            1
#define FUTEX_FD              2
#define FUTEX_REQUEUE         3
#define FUTEX_CMP_REQUEUE     4
#define FUTEX_WAKE_OP         5
#define FUTEX_LOCK_PI         6
#define FUTEX_UNLOCK_PI       7
#define FUTEX_TRYLOCK_PI      8
#define FUTEX_WAIT_BITSET     9
#define FUTEX_WAKE_BITSET     10
#define FUTEX_PRIVATE_FLAG    128
#define FUTEX_CLOCK_REALTIME  256
#define FUTEX_CMD_MASK        (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

/* FUTEX_WAKE_OP's encoded operation: op << 28 | cmp << 24 | oparg << 12 | cmparg. */
#define FUTEX_OP_SET          0
#define FUTEX_OP_ADD          1
#define FUTEX_OP_OR           2
#define FUTEX_OP_ANDN         3
#define FUTEX_OP_XOR          4
#define FUTEX_OP_OPARG_SHIFT  8   /* oparg is a shift: use 1 << oparg */
#define FUTEX_OP_CMP_EQ       0
#define FUTEX_OP_CMP_NE       1
#define FUTEX_OP_CMP_LT       2
#define FUTEX_OP_CMP_LE       3
#define FUTEX_OP_CMP_GT       4
#define FUTEX_OP_CMP_GE       5

/* The lock word of a robust mutex, and the walk limit of an exiting thread's list. */
#define FUTEX_WAITERS         0x80000000u
#define FUTEX_OWNER_DIED      0x40000000u
#define FUTEX_TID_MASK        0x3fffffffu
#define ROBUST_LIST_LIMIT     2048

/* struct robust_list_head as the program lays it out: the list's first entry (low bit: PI),
 * the offset from an entry to its lock word, and the entry being locked or unlocked. */
struct robust_list_head {
	uint64_t next;
	int64_t futex_offset;
	uint64_t list_op_pending;
};

long sys_futex(uint32_t __user *uaddr, int op, uint32_t val, const void __user *timeout,
	       uint32_t __user *uaddr2, uint32_t val3);

/* Wakes up to n waiters of the private futex at uaddr in the current address space. */
int futex_wake_private(uaddr_t uaddr, int n);
/* An exiting thread: walks its robust list (marking held locks OWNER_DIED and waking one
 * waiter each), then clears *clear_child_tid and wakes one waiter there, as Linux does. */
void futex_thread_exit(struct thread *t);

#endif

/* futex/futex_op.c: FUTEX_WAKE_OP's encoded read-modify-write and comparison. */
#include <ostd/errno.h>
#include <futex/futex.h>
#include "futex_queue.h"

/* The 12-bit signed fields of the encoding. */
static int32_t futex_op_field(uint32_t encoded, unsigned int shift)
{
	int32_t v = (int32_t)((encoded >> shift) & 0xfff);

	return v & 0x800 ? v - 0x1000 : v;
}

/* 0 and *out, or -ENOSYS for an operation Linux does not know. */
static int futex_op_compute(unsigned int op, uint32_t old, uint32_t arg, uint32_t *out)
{
	switch (op) {
	case FUTEX_OP_SET:
		*out = arg;
		return 0;
	case FUTEX_OP_ADD:
		*out = old + arg;
		return 0;
	case FUTEX_OP_OR:
		*out = old | arg;
		return 0;
	case FUTEX_OP_ANDN:
		*out = old & ~arg;
		return 0;
	case FUTEX_OP_XOR:
		*out = old ^ arg;
		return 0;
	default:
		return -ENOSYS;
	}
}

/* The comparison is signed, as in Linux. */
static int futex_op_compare(unsigned int cmp, int32_t old, int32_t arg)
{
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return old == arg;
	case FUTEX_OP_CMP_NE:
		return old != arg;
	case FUTEX_OP_CMP_LT:
		return old < arg;
	case FUTEX_OP_CMP_LE:
		return old <= arg;
	case FUTEX_OP_CMP_GT:
		return old > arg;
	case FUTEX_OP_CMP_GE:
		return old >= arg;
	default:
		return -ENOSYS;
	}
}

/* Not atomic against guest threads running on another CPU at the same moment; the word is
 * read and written once each, through the checked copies. */
int futex_op_apply(struct mm *mm, uaddr_t uaddr, uint32_t encoded)
{
	unsigned int op = (encoded >> 28) & 0x7;
	unsigned int cmp = (encoded >> 24) & 0xf;
	int32_t oparg = futex_op_field(encoded, 12);
	int32_t cmparg = futex_op_field(encoded, 0);
	uint32_t old, val;
	int err;

	if (encoded & ((uint32_t)FUTEX_OP_OPARG_SHIFT << 28))
		oparg = (int32_t)(1u << (oparg & 31));   /* Linux masks a bad shift too */
	if (futex_read_word(mm, uaddr, &old))
		return -EFAULT;
	err = futex_op_compute(op, old, (uint32_t)oparg, &val);
	if (err)
		return err;
	if (futex_write_word(mm, uaddr, val))
		return -EFAULT;
	return futex_op_compare(cmp, (int32_t)old, cmparg);
}

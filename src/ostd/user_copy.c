/* user_copy.c: copies between kernel memory and user address spaces, page by page through
 * OSTD's page tables: a bad user address becomes -EFAULT, never a crash of the kernel. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <ostd/user_copy.h>

#include "frame_internal.h"
#include "hal.h"
#include "vmspace_internal.h"

static bool uc_allows(unsigned int prot, unsigned int access)
{
	if (access == VM_WRITE)
		return prot & VM_WRITE;
	/* x86 can read every present page; prot 0 (PROT_NONE) cannot be read. */
	return prot != 0;
}

/* Invariant: returns the kernel address of va's byte only when va's page is mapped with
 * the access asked for; the fault handler gets one chance per page to map it. */
static void *uc_page(struct vmspace *vs, uaddr_t va, unsigned int access)
{
	struct frame *f;
	unsigned int prot;

	for (int tries = 0; tries < 2; tries++) {
		if (vmspace_lookup(vs, ALIGN_DOWN(va, PAGE_SIZE), &f, &prot) &&
		    uc_allows(prot, access))
			/* SAFETY: f is an allocated frame of RAM, so the page is ours to touch. */
			return (char *)frame_kaddr(f) + (va & (PAGE_SIZE - 1));
		if (tries || !vs->fault_fn ||
		    vs->fault_fn(vs->fault_arg, ALIGN_DOWN(va, PAGE_SIZE), access))
			break;
	}
	return NULL;
}

/* -EFAULT unless [va, va+n) is inside the user range without wrapping around. */
static int uc_check_range(uaddr_t va, size_t n)
{
	uaddr_t end = vmspace_user_end();

	if (va < hal_user_start() || va > end || n > end - va)
		return -EFAULT;
	return 0;
}

enum uc_op { UC_READ, UC_WRITE, UC_CLEAR };

/* Moves n bytes between buf and [va, va+n) of vs, one page at a time. */
static int uc_copy(struct vmspace *vs, uaddr_t va, void *buf, size_t n, enum uc_op op)
{
	char *k = buf;
	size_t chunk;
	void *p;

	if (!n)
		return 0;
	if (!vs || uc_check_range(va, n))
		return -EFAULT;
	while (n) {
		chunk = MIN(n, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		p = uc_page(vs, va, op == UC_READ ? VM_READ : VM_WRITE);
		if (!p)
			return -EFAULT;
		if (op == UC_READ)
			memcpy(k, p, chunk);
		else if (op == UC_WRITE)
			memcpy(p, k, chunk);
		else
			memset(p, 0, chunk);
		if (k)
			k += chunk;
		va += chunk;
		n -= chunk;
	}
	return 0;
}

int vmspace_copy_from(struct vmspace *vs, void *dst, uaddr_t src, size_t n)
{
	return uc_copy(vs, src, dst, n, UC_READ);
}

int vmspace_copy_to(struct vmspace *vs, uaddr_t dst, const void *src, size_t n)
{
	return uc_copy(vs, dst, (void *)src, n, UC_WRITE);
}

int vmspace_clear(struct vmspace *vs, uaddr_t dst, size_t n)
{
	return uc_copy(vs, dst, NULL, n, UC_CLEAR);
}

static struct vmspace *uc_current(void)
{
	struct task *t = task_current();

	return t ? task_vmspace(t) : NULL;
}

int copy_from_user(void *dst, const void __user *src, size_t n)
{
	return vmspace_copy_from(uc_current(), dst, uptr_addr(src), n);
}

int copy_to_user(void __user *dst, const void *src, size_t n)
{
	return vmspace_copy_to(uc_current(), uptr_addr(dst), src, n);
}

int clear_user(void __user *dst, size_t n)
{
	return vmspace_clear(uc_current(), uptr_addr(dst), n);
}

int copy_array_from_user(void *dst, const void __user *src, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return -EFAULT;
	return copy_from_user(dst, src, count * size);
}

int copy_array_to_user(void __user *dst, const void *src, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return -EFAULT;
	return copy_to_user(dst, src, count * size);
}

/* Invariant: reads user bytes only up to the first NUL or max, never past them, and
 * always terminates dst when max > 0. */
long strncpy_from_user(char *dst, const char __user *src, size_t max)
{
	struct vmspace *vs = uc_current();
	uaddr_t va = uptr_addr(src);
	size_t done = 0, chunk;
	const char *p;

	if (!max)
		return -ENAMETOOLONG;
	dst[0] = '\0';
	while (done < max) {
		chunk = MIN(max - done, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		if (!vs || uc_check_range(va, chunk))
			return -EFAULT;
		p = uc_page(vs, va, VM_READ);
		if (!p)
			return -EFAULT;
		for (size_t i = 0; i < chunk; i++) {
			if (done + i == max - 1 && p[i]) {
				dst[max - 1] = '\0';
				return -ENAMETOOLONG;
			}
			dst[done + i] = p[i];
			if (!p[i])
				return (long)(done + i);
		}
		done += chunk;
		va += chunk;
	}
	dst[max - 1] = '\0';
	return -ENAMETOOLONG;
}

void vm_reader_init(struct vm_reader *r, struct vmspace *vs, const void __user *src, size_t n)
{
	*r = (struct vm_reader){ .vs = vs, .cur = uptr_addr(src), .remain = n };
}

void vm_writer_init(struct vm_writer *w, struct vmspace *vs, void __user *dst, size_t n)
{
	*w = (struct vm_writer){ .vs = vs, .cur = uptr_addr(dst), .remain = n };
}

long vm_reader_read(struct vm_reader *r, void *buf, size_t n)
{
	size_t k = MIN(n, r->remain);
	int err = vmspace_copy_from(r->vs ? r->vs : uc_current(), buf, r->cur, k);

	if (err)
		return err;
	r->cur += k;
	r->remain -= k;
	return (long)k;
}

long vm_writer_write(struct vm_writer *w, const void *buf, size_t n)
{
	size_t k = MIN(n, w->remain);
	int err = vmspace_copy_to(w->vs ? w->vs : uc_current(), w->cur, buf, k);

	if (err)
		return err;
	w->cur += k;
	w->remain -= k;
	return (long)k;
}

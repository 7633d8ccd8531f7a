/* user_copy.h: fault-tolerant copies between kernel memory and a user address space. */
#ifndef OSTD_USER_COPY_H
#define OSTD_USER_COPY_H

#include <ostd/types.h>

struct vmspace;

/* All of these return 0 or -EFAULT: an unmapped, non-user or too weakly protected address
 * anywhere in the range fails the copy (a prefix may have been copied). They use the
 * current task's address space (task_set_vmspace). */
int copy_from_user(void *dst, const void __user *src, size_t n) __must_check;
int copy_to_user(void __user *dst, const void *src, size_t n) __must_check;
int clear_user(void __user *dst, size_t n) __must_check;
/* count elements of size bytes; -EFAULT also when count * size overflows. */
int copy_array_from_user(void *dst, const void __user *src, size_t count, size_t size) __must_check;
int copy_array_to_user(void __user *dst, const void *src, size_t count, size_t size) __must_check;
/* Copies a NUL-terminated string of at most max-1 bytes into dst (always terminated).
 * Returns its length, -EFAULT, or -ENAMETOOLONG when no NUL is found within max bytes. */
long strncpy_from_user(char *dst, const char __user *src, size_t max);

/* The same against an explicit address space (the ELF loader fills one before it runs). */
int vmspace_copy_from(struct vmspace *vs, void *dst, uaddr_t src, size_t n) __must_check;
int vmspace_copy_to(struct vmspace *vs, uaddr_t dst, const void *src, size_t n) __must_check;
int vmspace_clear(struct vmspace *vs, uaddr_t dst, size_t n) __must_check;

/* A cursor over user memory, as Asterinas' VmReader/VmWriter: each call advances it.
 * vs NULL means the current task's address space at the time of each call. */
struct vm_reader {
	struct vmspace *vs;
	uaddr_t cur;
	size_t remain;
};
struct vm_writer {
	struct vmspace *vs;
	uaddr_t cur;
	size_t remain;
};
void vm_reader_init(struct vm_reader *r, struct vmspace *vs, const void __user *src, size_t n);
void vm_writer_init(struct vm_writer *w, struct vmspace *vs, void __user *dst, size_t n);
/* Reads up to n bytes (fewer at the cursor's end); returns the count or -EFAULT. */
long vm_reader_read(struct vm_reader *r, void *buf, size_t n);
long vm_writer_write(struct vm_writer *w, const void *buf, size_t n);

#endif

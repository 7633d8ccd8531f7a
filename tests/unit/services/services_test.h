/* services_test.h: helpers for services' unit tests, which run inside a booted test kernel
 * (ostd_check.h): a process over an empty ramfs, and user memory to pass to syscalls. */
#ifndef TESTS_UNIT_SERVICES_SERVICES_TEST_H
#define TESTS_UNIT_SERVICES_SERVICES_TEST_H

#include <ostd/user_copy.h>
#include <ostd/vmspace.h>
#include <abi/mman.h>
#include <fs/ramfs.h>
#include <mm/mm.h>
#include <process/process.h>
#include <syscall/syscall.h>

#include "ostd_check.h"

/* A fresh process (pid 1) over an empty root; its main thread, never started, is
 * attached to the current task. */
static inline struct process *svc_process_new(void)
{
	struct inode *root = ramfs_create_root();
	struct process *p;
	struct thread *t;

	ck_assert_ptr_nonnull(root);
	p = process_create_init(root, "/bin/test", &t);
	ck_assert_ptr_nonnull(p);
	thread_attach_current(t);
	return p;
}

static inline void svc_process_free(struct process *p)
{
	struct inode *root = p->root;

	process_destroy_unstarted(p, thread_current());
	ramfs_destroy(root);
}

/* Runs the attached thread's user-mode loop until it exits; the shell's exit status. */
static inline int svc_run(struct process *p)
{
	thread_run(thread_current());
	return process_wait_status_to_exit(p->exit_code);
}

/* len bytes of fresh read-write user memory in p. */
static inline uaddr_t svc_user_alloc(struct process *p, size_t len)
{
	long a = mm_mmap(p->mm, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);

	ck_assert_int_gt(a, 0);
	return (uaddr_t)a;
}

/* A NUL-terminated string copied into p's user memory. */
static inline uaddr_t svc_user_string(struct process *p, const char *s)
{
	size_t n = strlen(s) + 1;
	uaddr_t a = svc_user_alloc(p, n);

	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, a, s, n), 0);
	return a;
}

/* Calls syscall nr through the dispatcher. */
static inline long svc_call(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
			    uint64_t a4, uint64_t a5)
{
	const uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };

	return syscall_call(nr, args);
}
#define SVC0(nr)                   svc_call(nr, 0, 0, 0, 0, 0, 0)
#define SVC1(nr, a)                svc_call(nr, (uint64_t)(a), 0, 0, 0, 0, 0)
#define SVC2(nr, a, b)             svc_call(nr, (uint64_t)(a), (uint64_t)(b), 0, 0, 0, 0)
#define SVC3(nr, a, b, c)          svc_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), 0, 0, 0)
#define SVC4(nr, a, b, c, d)       svc_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), \
					    (uint64_t)(d), 0, 0)

/* An address no area covers: below the user range's start. */
#define SVC_BAD_PTR 0x1000ull

#endif

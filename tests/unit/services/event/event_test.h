/* event_test.h: a process for the event suites: a pipe, a regular file, scratch user
 * memory, and helpers to pass values through it to the syscalls. */
#ifndef TESTS_UNIT_SERVICES_EVENT_EVENT_TEST_H
#define TESTS_UNIT_SERVICES_EVENT_EVENT_TEST_H

#include <ostd/errno.h>
#include <ostd/task.h>
#include <ostd/time.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/pipe.h>
#include <process/thread.h>
#include "../services_test.h"

#define MS 1000000ull

/* The scratch page's parts: values going in, values coming out, bulk data. */
#define EV_IN   0
#define EV_OUT  1024
#define EV_DATA 2048

static struct process *proc;
static uaddr_t ubuf;                    /* a page of scratch user memory */
static int rfd, wfd;                    /* a pipe */
static int reg_fd;                      /* a regular file */

static inline void poke(uaddr_t va, const void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_to(proc->mm->vs, va, buf, n), 0);
}

static inline void peek(uaddr_t va, void *buf, size_t n)
{
	ck_assert_int_eq(vmspace_copy_from(proc->mm->vs, buf, va, n), 0);
}

/* The thread knows its task so that signals can kick its sleeps. */
static inline void world_open(void)
{
	struct inode *f;
	int fds[2];

	proc = svc_process_new();
	thread_current()->task = task_current();
	ubuf = svc_user_alloc(proc, PAGE_SIZE);
	ck_assert_int_eq(sys_pipe2(uaddr_ptr(ubuf), 0), 0);
	peek(ubuf, fds, sizeof(fds));
	rfd = fds[0];
	wfd = fds[1];
	ck_assert_int_eq(ramfs_create(proc->root, "file", 4, S_IFREG | 0644, &f), 0);
	reg_fd = (int)sys_openat(AT_FDCWD, uaddr_ptr(svc_user_string(proc, "/file")),
				 O_RDWR, 0);
	ck_assert_int_ge(reg_fd, 0);
}

static inline void world_close(void)
{
	svc_process_free(proc);
}

/* Writes n bytes of s to fd through the syscall. */
static inline long fd_put(int fd, const void *s, size_t n)
{
	poke(ubuf + EV_DATA, s, n);
	return sys_write(fd, uaddr_ptr(ubuf + EV_DATA), n);
}

/* Reads up to n bytes of fd into out (may be NULL) through the syscall. */
static inline long fd_take(int fd, void *out, size_t n)
{
	long r = sys_read(fd, uaddr_ptr(ubuf + EV_DATA), n);

	if (r > 0 && out)
		peek(ubuf + EV_DATA, out, (size_t)r);
	return r;
}

/* The 8-byte counters of eventfd and timerfd. */
static inline long fd_put_u64(int fd, uint64_t v)
{
	return fd_put(fd, &v, sizeof(v));
}

static inline long fd_take_u64(int fd, uint64_t *v)
{
	*v = 0x5555;
	return fd_take(fd, v, sizeof(*v));
}

/* For kernel tasks standing in for another thread: they have no process, so they go
 * through the file's operations in the process's address space. */
static inline ssize_t task_file_write(struct file *f, const void *s, size_t n)
{
	task_set_vmspace(task_current(), proc->mm->vs);
	poke(ubuf + EV_DATA + 512, s, n);
	return f->ops->write(f, uaddr_ptr(ubuf + EV_DATA + 512), n, &f->pos);
}

#endif

/* fs_test.h: helpers for the file-metadata suites: a small tree to work on, user strings,
 * lookups, and switching the test process to an ordinary user. Handlers are called
 * directly (sys_*), so the suites do not depend on the syscall table. */
#ifndef TESTS_UNIT_SERVICES_FS_FS_TEST_H
#define TESTS_UNIT_SERVICES_FS_FS_TEST_H

#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include "../services_test.h"

/* A user address as the handlers take it. */
#define UPTR(a) ((void __user *)(uintptr_t)(a))

/* A process over: /tmp (01777), /d (0755) holding /d/f ("hello", 0644), /d/sub (0755)
 * and /d/link -> f. */
static inline struct process *fs_test_process(void)
{
	struct process *p = svc_process_new();
	struct inode *d, *f, *tmp;

	ck_assert_int_eq(ramfs_create(p->root, "tmp", 3, S_IFDIR | 01777, &tmp), 0);
	ck_assert_int_eq(ramfs_create(p->root, "d", 1, S_IFDIR | 0755, &d), 0);
	ck_assert_int_eq(ramfs_create(d, "f", 1, S_IFREG | 0644, &f), 0);
	ck_assert_int_eq(ramfs_set_data(f, "hello", 5), 0);
	ck_assert_int_eq(ramfs_create(d, "sub", 3, S_IFDIR | 0755, NULL), 0);
	ck_assert_int_eq(ramfs_symlink(d, "link", 4, "f", 1, NULL), 0);
	return p;
}

/* s as a string in p's user memory, ready to pass as a path. */
static inline const char __user *fs_test_str(struct process *p, const char *s)
{
	return UPTR(svc_user_string(p, s));
}

/* The inode at path (symlinks not followed at the end), or NULL. */
static inline struct inode *fs_test_find(struct process *p, const char *path)
{
	struct inode *i;

	return path_lookup(p->root, p->cwd, path, 0, &i) == 0 ? i : NULL;
}

/* From now on p acts as uid and gid 1000 with no supplementary groups. */
static inline void fs_test_become_user(struct process *p)
{
	p->cred.uid = p->cred.euid = p->cred.suid = p->cred.fsuid = 1000;
	p->cred.gid = p->cred.egid = p->cred.sgid = p->cred.fsgid = 1000;
	p->cred.ngroups = 0;
}

static inline struct inode *fs_test_new_file(struct inode *dir, const char *name,
					     uint32_t mode, uint32_t uid)
{
	struct inode *i;

	ck_assert_int_eq(ramfs_create(dir, name, strlen(name), S_IFREG | mode, &i), 0);
	i->uid = i->gid = uid;
	return i;
}

#endif

/* mm/memfd.c: files no directory names: memfd_create, and the backing of shared
 * anonymous memory. Each is a ramfs file with no name, so it lives exactly as long as
 * its open files and mappings. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/mman.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <fs/ramfs.h>
#include <mm/mm.h>
#include <process/process.h>

/* Linux's MFD_NAME_MAX_LEN: the name without its "memfd:" prefix. */
#define MEMFD_NAME_MAX 249
#define MEMFD_FLAGS (MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_NOEXEC_SEAL | MFD_EXEC)

/* A new regular file in no directory, opened read-write (one reference): it lives
 * exactly as long as its open files and mappings. */
static struct file *anon_file_open(void)
{
	struct inode *i;
	struct file *f;

	if (ramfs_create_unlinked(S_IFREG | 0777, &i))
		return NULL;
	f = ramfs_file_open(i, O_RDWR | O_LARGEFILE);
	if (!f) {
		/* A reference taken and dropped frees the nameless inode. */
		inode_get(i);
		inode_put(i);
	}
	return f;
}

struct file *mm_anon_file_create(const char *path, uint64_t size)
{
	struct file *f = anon_file_open();

	if (!f)
		return NULL;
	f->path = kstrdup(path);
	if (!f->path || ramfs_resize(f->inode, size)) {
		file_put(f);
		return NULL;
	}
	return f;
}

long sys_memfd_create(const char __user *uname, unsigned int flags)
{
	char *name, *path;
	struct file *f;
	long n;
	int fd;

	if (flags & ~MEMFD_FLAGS)
		return -EINVAL;
	name = kmalloc(MEMFD_NAME_MAX + 1);
	path = kmalloc(MEMFD_NAME_MAX + 32);
	if (!name || !path) {
		fd = -ENOMEM;
		goto out_free;
	}
	n = strncpy_from_user(name, uname, MEMFD_NAME_MAX + 1);
	if (n < 0) {
		fd = n == -ENAMETOOLONG ? -EINVAL : (int)n;
		goto out_free;
	}
	/* /proc/self/fd and maps show it as Linux does. */
	ksnprintf(path, MEMFD_NAME_MAX + 32, "/memfd:%s (deleted)", name);
	f = mm_anon_file_create(path, 0);
	if (!f) {
		fd = -ENOMEM;
		goto out_free;
	}
	fd = fdtable_install(process_current()->fdt, f, 0, flags & MFD_CLOEXEC);
	if (fd < 0)
		file_put(f);
out_free:
	kfree(path);
	kfree(name);
	return fd;
}

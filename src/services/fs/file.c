/* fs/file.c: open file objects and the descriptor table. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <fs/flock.h>

struct file *file_alloc(const struct file_ops *ops, struct inode *inode, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->inode = inode;
	f->flags = flags;
	f->refs = 1;
	return f;
}

void file_get(struct file *f)
{
	f->refs++;
}

void file_put(struct file *f)
{
	struct file_watch *w;

	if (--f->refs > 0)
		return;
	/* Unhooked before the call: forget may free w (Linux's eventpoll_release). */
	while ((w = f->watches)) {
		f->watches = w->next;
		w->forget(w, f);
	}
	/* Before release, which may free an unlinked inode. */
	flock_file_release(f);
	if (f->ops->release)
		f->ops->release(f);
	kfree(f->path);
	kfree(f);
}

/* An O_PATH file only names its inode: no reading or writing through it. */
bool file_is_readable(const struct file *f)
{
	return !(f->flags & O_PATH) &&
	       ((f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_ACCMODE) == O_RDWR);
}

bool file_is_writable(const struct file *f)
{
	return !(f->flags & O_PATH) &&
	       ((f->flags & O_ACCMODE) == O_WRONLY || (f->flags & O_ACCMODE) == O_RDWR);
}

struct fdtable *fdtable_create(void)
{
	struct fdtable *t = kzalloc(sizeof(*t));
	int fd;

	if (!t)
		return NULL;
	t->refs = 1;
	for (fd = 0; fd < 3; fd++) {
		struct file *f = console_file_open(fd);

		if (!f)
			goto out_destroy_table;
		t->files[fd] = f;
	}
	return t;

out_destroy_table:
	fdtable_destroy(t);
	return NULL;
}

void fdtable_destroy(struct fdtable *t)
{
	int fd;

	for (fd = 0; fd < FDTABLE_SIZE; fd++)
		if (t->files[fd])
			file_put(t->files[fd]);
	kfree(t);
}

struct file *fdtable_get(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FDTABLE_SIZE)
		return NULL;
	return t->files[fd];
}

int fdtable_install(struct fdtable *t, struct file *f, int min, bool cloexec)
{
	int fd;

	if (min < 0)
		return -EINVAL;
	for (fd = min; fd < FDTABLE_SIZE; fd++) {
		if (!t->files[fd]) {
			t->files[fd] = f;
			t->cloexec[fd] = cloexec;
			return fd;
		}
	}
	return -EMFILE;
}

int fdtable_install_at(struct fdtable *t, struct file *f, int fd, bool cloexec)
{
	if (fd < 0 || fd >= FDTABLE_SIZE)
		return -EBADF;
	file_get(f);
	if (t->files[fd])
		file_put(t->files[fd]);
	t->files[fd] = f;
	t->cloexec[fd] = cloexec;
	return fd;
}

int fdtable_close(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FDTABLE_SIZE || !t->files[fd])
		return -EBADF;
	file_put(t->files[fd]);
	t->files[fd] = NULL;
	t->cloexec[fd] = false;
	return 0;
}

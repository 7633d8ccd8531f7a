/* fs/fdtable_share.c: descriptor tables across fork, clone and exec. */
#include <ostd/heap.h>
#include <fs/file.h>

struct fdtable *fdtable_copy(const struct fdtable *t)
{
	struct fdtable *c = kzalloc(sizeof(*c));
	int fd;

	if (!c)
		return NULL;
	c->refs = 1;
	for (fd = 0; fd < FDTABLE_SIZE; fd++) {
		if (!t->files[fd])
			continue;
		file_get(t->files[fd]);
		c->files[fd] = t->files[fd];
		c->cloexec[fd] = t->cloexec[fd];
	}
	return c;
}

void fdtable_hold(struct fdtable *t)
{
	t->refs++;
}

void fdtable_release(struct fdtable *t)
{
	if (t && --t->refs <= 0)
		fdtable_destroy(t);
}

void fdtable_close_on_exec(struct fdtable *t)
{
	int fd;

	for (fd = 0; fd < FDTABLE_SIZE; fd++)
		if (t->files[fd] && t->cloexec[fd])
			fdtable_close(t, fd);
}

/* ram.c: guest "physical" memory: one memfd holding RAM and, after it, the engine's area. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ram.h"

/* The memfd is sparse: pages cost host memory only once something touches them. */
int ram_create(uint64_t ram_bytes, uint64_t area_bytes, struct ram *out)
{
	int fd, err;
	void *map;

	fd = memfd_create("keel-ram", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)(ram_bytes + area_bytes)) < 0) {
		err = -errno;
		goto out_close;
	}
	map = mmap(NULL, ram_bytes + area_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE,
		   fd, 0);
	if (map == MAP_FAILED) {
		err = -errno;
		goto out_close;
	}
	out->fd = fd;
	out->ram = map;
	out->ram_bytes = ram_bytes;
	out->area = (char *)map + ram_bytes;
	out->area_bytes = area_bytes;
	return 0;

out_close:
	close(fd);
	return err;
}

void ram_destroy(struct ram *r)
{
	if (r->ram)
		munmap(r->ram, r->ram_bytes + r->area_bytes);
	if (r->fd >= 0)
		close(r->fd);
	r->ram = NULL;
	r->area = NULL;
	r->fd = -1;
}

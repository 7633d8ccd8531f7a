/* stub_image.c: writes the embedded stub into a sealed memfd, ready for execveat. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "seccomp/stub_image.h"

#ifndef MFD_EXEC
#define MFD_EXEC 0x0010u
#endif

extern const unsigned char keel_stub_image_start[], keel_stub_image_end[];

static int stub_image_write(int fd)
{
	const unsigned char *p = keel_stub_image_start;
	/* cppcheck-suppress comparePointers ; the linker's start and end of one blob */
	size_t left = (size_t)(keel_stub_image_end - keel_stub_image_start);

	while (left) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}

/* Exec refuses a file that is open for writing (ETXTBSY), so the stub is exec'd through a
 * read-only reopening, and the writable descriptor is closed. */
int stub_image_open(void)
{
	char path[64];
	int fd, ro, err;

	/* MFD_EXEC: hosts with vm.memfd_noexec=1 otherwise create it non-executable. */
	fd = memfd_create("keel-stub", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
	if (fd < 0 && errno == EINVAL)
		fd = memfd_create("keel-stub", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -errno;
	err = stub_image_write(fd);
	if (err)
		goto out_close;
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0) {
		err = -errno;
		goto out_close;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	ro = open(path, O_RDONLY | O_CLOEXEC);
	if (ro < 0) {
		err = -errno;
		goto out_close;
	}
	close(fd);
	return ro;

out_close:
	close(fd);
	return err;
}
